"""Words for kinds, environments and statuses, in the GUI's language.

Kind and environment names come from the message catalog (`L-kind-short-*`, `L-env-short-*`,
shared with the CLI), so a new kind is named in one place; a kind or environment the catalog
does not know yet is shown as its plain value instead of breaking the page. The status itself
is decided by the rules (`certificate_status`); this module only names it. Every colour
(`gui.palette.STATUS`) goes with a word, so nobody depends on telling red from green.
"""

from __future__ import annotations

from certassist.core.kinds import kind_label as catalog_kind_label
from certassist.gui.i18n import translate


def _catalog_label(message_ids: tuple[str, ...], fallback: str) -> str:
    from certassist.core.messages import catalog, current_language, text_only

    known = catalog()
    for message_id in message_ids:
        if message_id in known:
            return text_only(message_id, current_language())
    return fallback


def kind_label(kind: str) -> str:
    """The short name from the catalog (`L-kind-short-*`); else the kind's catalog name, else
    its plain id: an unknown kind never breaks a page."""
    return _catalog_label((f"L-kind-short-{kind}",), "") or catalog_kind_label(kind)


def environment_label(environment: str) -> str:
    value = str(environment)
    return _catalog_label((f"L-env-short-{value}",), value)


def kind_and_environment(kind: str, environment: str) -> str:
    """'VECOZO persoonlijk (acceptatie)'; production, the normal case, is not mentioned."""
    if str(environment) == "production":
        return kind_label(kind)
    return f"{kind_label(kind)} ({environment_label(environment)})"


def status_label(status: str) -> str:
    return {
        "ok": translate("Labels", "ok"),
        "renew-now": translate("Labels", "vernieuwen"),
        "expired": translate("Labels", "verlopen"),
        "not-yet-valid": translate("Labels", "nog niet geldig"),
        "uzi-start-now": translate("Labels", "UZI: nu starten"),
        "uzi-overdue": translate("Labels", "UZI: te laat"),
        "install-window-closing": translate("Labels", "nu installeren"),
        "backup-missing": translate("Labels", "back-up ontbreekt"),
        "replaced": translate("Labels", "vervangen"),
        "confirm-signs": translate("Labels", "tekens bevestigen"),  # R14, ops.uzi_signs
    }.get(str(status), str(status))

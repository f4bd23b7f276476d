"""Words and colours for kinds, environments and statuses, in the GUI's language.

The status itself is decided by the rules (`certificate_status`); this module only names it.
Every colour goes with a word, so nobody depends on telling red from green.
Keys are the enums' string values (they are StrEnums): importing this module stays cheap.
"""

from __future__ import annotations

from certassist.core.kinds import kind_label as catalog_kind_label
from certassist.gui.i18n import translate


def kind_label(kind: str) -> str:
    """A short name for the kinds the screens know; any other kind gets its catalog name (or
    its plain id), never an error."""
    short = {
        "vecozo-personal": translate("Labels", "VECOZO persoonlijk"),
        "vecozo-system": translate("Labels", "VECOZO systeem"),
        "uzi-server": translate("Labels", "UZI-servercertificaat"),
        "uzi-card": translate("Labels", "UZI-pas"),
        "other": translate("Labels", "overig"),
    }.get(str(kind))
    return short if short is not None else catalog_kind_label(kind)


def kind_and_environment(kind: str, environment: str) -> str:
    """'VECOZO persoonlijk (acceptatie)'; production, the normal case, is not mentioned."""
    if environment == "production":
        return kind_label(kind)
    return f"{kind_label(kind)} ({environment_label(environment)})"


def environment_label(environment: str) -> str:
    return {
        "production": translate("Labels", "productie"),
        "acceptance": translate("Labels", "acceptatie"),
        "test": translate("Labels", "test"),
    }[str(environment)]


def store_kind_label(kind: str) -> str:
    return {
        "windows-user": translate("Labels", "Windows (alleen u)"),
        "windows-machine": translate("Labels", "Windows (hele computer)"),
        "firefox": translate("Labels", "Firefox"),
        "nssdb": translate("Labels", "Chromium (Linux)"),
        "pkcs12-folder": translate("Labels", "back-upmap"),
        "fake": translate("Labels", "demo"),
    }[str(kind)]


# status value (certassist.core.rules.Status) -> (colour, severity for sorting)
STATUS_COLOURS: dict[str, str] = {
    "ok": "#1e7b34",
    "renew-now": "#b35900",
    "expired": "#b00020",
    "not-yet-valid": "#555555",
    "uzi-start-now": "#b35900",
    "uzi-overdue": "#b00020",
    "install-window-closing": "#b35900",
    "backup-missing": "#7a3e9d",
}


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
    }.get(status, status)

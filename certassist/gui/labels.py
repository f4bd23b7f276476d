"""Words and colours for kinds, environments and statuses, in the GUI's language.

The status itself is decided by the rules (`certificate_status`); this module only names it.
Every colour goes with a word, so nobody depends on telling red from green.
"""

from __future__ import annotations

from certassist.core.models import Environment, Kind, StoreKind
from certassist.gui.i18n import translate


def kind_label(kind: Kind) -> str:
    return {
        Kind.VECOZO_PERSONAL: translate("Labels", "VECOZO persoonlijk"),
        Kind.VECOZO_SYSTEM: translate("Labels", "VECOZO systeem"),
        Kind.UZI_SERVER: translate("Labels", "UZI-servercertificaat"),
        Kind.UZI_CARD: translate("Labels", "UZI-pas"),
        Kind.OTHER: translate("Labels", "overig"),
    }[kind]


def kind_and_environment(kind: Kind, environment: Environment) -> str:
    """'VECOZO persoonlijk (acceptatie)'; production, the normal case, is not mentioned."""
    if environment is Environment.PRODUCTION:
        return kind_label(kind)
    return f"{kind_label(kind)} ({environment_label(environment)})"


def environment_label(environment: Environment) -> str:
    return {
        Environment.PRODUCTION: translate("Labels", "productie"),
        Environment.ACCEPTANCE: translate("Labels", "acceptatie"),
        Environment.TEST: translate("Labels", "test"),
    }[environment]


def store_kind_label(kind: StoreKind) -> str:
    return {
        StoreKind.WINDOWS_USER: translate("Labels", "Windows (alleen u)"),
        StoreKind.WINDOWS_MACHINE: translate("Labels", "Windows (hele computer)"),
        StoreKind.FIREFOX: translate("Labels", "Firefox"),
        StoreKind.NSSDB: translate("Labels", "Chromium (Linux)"),
        StoreKind.PKCS12_FOLDER: translate("Labels", "back-upmap"),
        StoreKind.FAKE: translate("Labels", "demo"),
    }[kind]


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

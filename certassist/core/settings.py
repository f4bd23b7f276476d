"""Practice settings: what the practice recorded about itself, in one validated JSON file.

Why a file of our own and not the registry: the check runs from a scheduled task and from the
command line as well as the GUI, and a support person can read a JSON file. The file holds no
secrets — no PIN, no password, no key — and unknown fields are refused on load, so nothing that
looks like a secret can slip in by hand-editing either. Writes are atomic (temp file, fsync,
rename), so a crash never leaves half a file behind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from certassist.core.errors import CertassistError
from certassist.core.fileio import atomic_write_bytes, private_folder
from certassist.core.kinds import pending_kinds, traits
from certassist.core.models import Environment, Kind
from certassist.core.rules_base import PracticeFacts
from certassist.core.rules_dates import UZI_ISSUING_WEEKS, check_issuing_weeks

SETTINGS_FILE = "settings.json"
FORMAT_VERSION = 1
_AGB = re.compile(r"\d{8}")
_URA = re.compile(r"\d{8}")
_OIN = re.compile(r"\d{20}")


def default_settings_path() -> Path:
    """Where the settings live for this OS user (platformdirs' user config dir)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("certassist", appauthor=False)) / SETTINGS_FILE


@dataclass(frozen=True)
class PendingRequest:
    """An issued certificate that has not been installed yet (R5: 60 days)."""

    kind: Kind
    holder: str
    environment: Environment
    issued_on: date

    @property
    def key(self) -> str:
        """Identifies the request in the CLI and in calendar UIDs (no secrets in it)."""
        return f"{self.kind.value}:{self.environment.value}:{self.holder}:{self.issued_on}"


@dataclass(frozen=True)
class PracticeSettings:
    practice_name: str = ""
    agb_code: str | None = None
    # R13: the UZI-register subscriber number (URA), 8 digits, the number in the certificate.
    subscriber_number: str | None = None
    oin: str | None = None  # optional, 20 digits; recorded only, never compared (not the URA)
    contract_holder: str | None = None  # R13: a change may invalidate the UZI certificate
    card_holder: str | None = None  # R13: the UZI card holder (UZI-pashouder)
    vendor_id: str | None = None  # HIS/AIS vendor from the R12 vendor data
    contact_person: str | None = None  # the practice's VECOZO contact person (R2)
    backup_folders: tuple[Path, ...] = ()
    pending_requests: tuple[PendingRequest, ...] = ()
    # R11: weeks from the request with the vendor until the new certificate is with the portal
    # ("vraag aan vóór" = expiry − 28 days − these weeks).
    uzi_issuing_weeks: int = UZI_ISSUING_WEEKS

    def facts(self) -> PracticeFacts:
        return PracticeFacts(self.subscriber_number, self.vendor_id, self.contact_person)

    def with_pending(self, request: PendingRequest) -> PracticeSettings:
        others = tuple(p for p in self.pending_requests if p.key != request.key)
        return replace(self, pending_requests=(*others, request))

    def without_pending(self, key: str) -> PracticeSettings:
        kept = tuple(p for p in self.pending_requests if p.key != key)
        if len(kept) == len(self.pending_requests):
            raise CertassistError("E-settings-pending-unknown", key=key)
        return replace(self, pending_requests=kept)


VendorIds = Callable[[], Iterable[str]]


def _known_vendor_ids() -> list[str]:
    from certassist.core.vendors import all_vendors

    return [str(getattr(v, "id", v)) for v in all_vendors()]


# --- validation -------------------------------------------------------------------------


def check_agb(value: str) -> str:
    text = value.strip()
    if not _AGB.fullmatch(text):
        raise CertassistError("E-settings-agb", value=value)
    return text


def check_subscriber(value: str) -> str:
    """The subscriber number is the URA: 8 digits (R13). A 20-digit OIN typed here is refused
    with an explanation: it can never match the certificate. Spaces are tolerated."""
    text = "".join(value.split())
    if _OIN.fullmatch(text):
        raise CertassistError("E-settings-subscriber-is-oin", value=value)
    if not _URA.fullmatch(text):
        raise CertassistError("E-settings-subscriber", value=value)
    return text


def check_oin(value: str) -> str:
    """The optional OIN: 20 digits; recorded for the practice's own reference only."""
    text = "".join(value.split())
    if not _OIN.fullmatch(text):
        raise CertassistError("E-settings-oin", value=value)
    return text


# R13: the practice data a UZI server certificate and the DigiD link depend on, with labels.
PRACTICE_FIELDS = {
    "subscriber_number": "L-settings-subscriber",
    "practice_name": "L-settings-practice-name",
    "contract_holder": "L-settings-contract-holder",
    "card_holder": "L-settings-card-holder",
}


def practice_changes(old: PracticeSettings, new: PracticeSettings) -> tuple[str, ...]:
    """The R13 fields that had a value and now have another one (a first entry is no change)."""
    changed = []
    for name in PRACTICE_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before and (before or None) != (after or None):
            changed.append(name)
    return tuple(changed)


def practice_change_warning(old: PracticeSettings, new: PracticeSettings, lang: str) -> str:
    """R13's warning for a change of subscriber number, practice name, contract holder or card
    holder, in the user's language; empty when none of them changed."""
    changed = practice_changes(old, new)
    if not changed:
        return ""
    from certassist.core.messages import render, text_only
    from certassist.core.vendors import portal_contact

    fields = ", ".join(text_only(PRACTICE_FIELDS[name], lang) for name in changed)
    return render("W-R13-practice-changed", lang, fields=fields, helpdesk=portal_contact().helpdesk)


def check_vendor(value: str, vendor_ids: VendorIds = _known_vendor_ids) -> str:
    known = list(vendor_ids())
    if value not in known:
        raise CertassistError("E-settings-vendor", value=value, known=", ".join(sorted(known)))
    return value


def _date(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise CertassistError("E-settings-date", field=where, value=value) from None


def _enum(cls: type[Kind] | type[Environment], value: Any, where: str) -> Any:
    try:
        return cls(str(value))
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise CertassistError(
            "E-settings-choice", field=where, value=value, allowed=allowed
        ) from None


def _optional_text(raw: Mapping[str, Any], name: str) -> str | None:
    value = raw.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise CertassistError("E-settings-type", field=name)
    return value.strip() or None


def _reject_unknown(raw: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise CertassistError("E-settings-unknown-field", field=f"{where}{unknown[0]}")


# Files written before the R11 correction held the weeks before *expiry* (wrongly counted); they
# become issuing weeks (minus the portal's 4 weeks), never less cautious than the default.
_OLD_WEEKS = "uzi_recommend_weeks"
_PORTAL_WEEKS = 4

_TOP = {
    "version",
    "practice_name",
    "agb_code",
    "subscriber_number",
    "oin",
    "contract_holder",
    "card_holder",
    "vendor_id",
    "contact_person",
    "backup_folders",
    "pending_requests",
    "uzi_issuing_weeks",
    _OLD_WEEKS,
}
_PENDING = {"kind", "holder", "environment", "issued_on"}


def _list(raw: Mapping[str, Any], name: str) -> list[Any]:
    value = raw.get(name, [])
    if not isinstance(value, list):
        raise CertassistError("E-settings-type", field=name)
    return value


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise CertassistError("E-settings-type", field=where)
    return value


def _pending(raw: Any, index: int) -> PendingRequest:
    where = f"pending_requests[{index}]."
    item = _mapping(raw, where)
    _reject_unknown(item, _PENDING, where)
    kind = _enum(Kind, item.get("kind"), where + "kind")
    if not traits(kind).pending_allowed:
        allowed = ", ".join(k.value for k in pending_kinds())
        raise CertassistError(
            "E-settings-choice", field=where + "kind", value=kind.value, allowed=allowed
        )
    holder = _optional_text(item, "holder")
    if holder is None:
        raise CertassistError("E-settings-missing", field=where + "holder")
    return PendingRequest(
        kind=kind,
        holder=holder,
        environment=_enum(
            Environment, item.get("environment", "production"), where + "environment"
        ),
        issued_on=_date(item.get("issued_on"), where + "issued_on"),
    )


def parse_settings(raw: Any, vendor_ids: VendorIds = _known_vendor_ids) -> PracticeSettings:
    """Validate a decoded settings document; the first problem found becomes the error."""
    top = _mapping(raw, "/")
    _reject_unknown(top, _TOP, "")
    agb = _optional_text(top, "agb_code")
    subscriber = _optional_text(top, "subscriber_number")
    vendor = _optional_text(top, "vendor_id")
    weeks = _issuing_weeks(top)
    oin = _optional_text(top, "oin")
    folders = []
    for value in _list(top, "backup_folders"):
        if not isinstance(value, str) or not value.strip():
            raise CertassistError("E-settings-type", field="backup_folders")
        folders.append(Path(value))
    return PracticeSettings(
        practice_name=_optional_text(top, "practice_name") or "",
        agb_code=check_agb(agb) if agb else None,
        subscriber_number=check_subscriber(subscriber) if subscriber else None,
        oin=check_oin(oin) if oin else None,
        contract_holder=_optional_text(top, "contract_holder"),
        card_holder=_optional_text(top, "card_holder"),
        vendor_id=check_vendor(vendor, vendor_ids) if vendor else None,
        contact_person=_optional_text(top, "contact_person"),
        backup_folders=tuple(folders),
        pending_requests=tuple(
            _pending(p, i) for i, p in enumerate(_list(top, "pending_requests"))
        ),
        uzi_issuing_weeks=weeks,
    )


def _issuing_weeks(top: Mapping[str, Any]) -> int:
    if "uzi_issuing_weeks" in top:
        return check_issuing_weeks(top["uzi_issuing_weeks"])
    old = top.get(_OLD_WEEKS)
    if isinstance(old, int) and not isinstance(old, bool):
        return max(old - _PORTAL_WEEKS, UZI_ISSUING_WEEKS)
    return UZI_ISSUING_WEEKS


def to_document(settings: PracticeSettings) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "practice_name": settings.practice_name,
        "agb_code": settings.agb_code,
        "subscriber_number": settings.subscriber_number,
        "oin": settings.oin,
        "contract_holder": settings.contract_holder,
        "card_holder": settings.card_holder,
        "vendor_id": settings.vendor_id,
        "contact_person": settings.contact_person,
        "backup_folders": [str(p) for p in settings.backup_folders],
        "pending_requests": [
            {
                "kind": p.kind.value,
                "holder": p.holder,
                "environment": p.environment.value,
                "issued_on": p.issued_on.isoformat(),
            }
            for p in settings.pending_requests
        ],
        "uzi_issuing_weeks": settings.uzi_issuing_weeks,
    }


def load_settings(path: Path, vendor_ids: VendorIds = _known_vendor_ids) -> PracticeSettings:
    """Settings from `path`; a missing file means a practice that has not set anything yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return PracticeSettings()
    except OSError as exc:
        raise CertassistError(
            "E-settings-unreadable", path=str(path), reason=exc.strerror
        ) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CertassistError(
            "E-settings-syntax", path=str(path), line=exc.lineno, column=exc.colno
        ) from None
    return parse_settings(raw, vendor_ids)


def save_settings(settings: PracticeSettings, path: Path) -> None:
    """Write atomically: a temp file in the same folder, fsync, then rename over the old one."""
    private_folder(path.parent)  # the user's only (0700), also when it existed before
    data = json.dumps(to_document(settings), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, data.encode("utf-8"))


@dataclass
class SettingsFile:
    """A settings path with its load/save pair, injected into flows that update settings."""

    path: Path = field(default_factory=default_settings_path)
    vendor_ids: VendorIds = _known_vendor_ids

    def load(self) -> PracticeSettings:
        return load_settings(self.path, self.vendor_ids)

    def save(self, settings: PracticeSettings) -> None:
        save_settings(settings, self.path)

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
from certassist.core.fileio import atomic_write_bytes
from certassist.core.kinds import pending_kinds, traits
from certassist.core.models import Environment, Kind
from certassist.core.rules_base import PracticeFacts

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
    subscriber_number: str | None = None  # URA (8 digits) or OIN (20 digits), R13
    vendor_id: str | None = None  # HIS/AIS vendor from the R12 vendor data
    contact_person: str | None = None  # the practice's VECOZO contact person (R2)
    backup_folders: tuple[Path, ...] = ()
    pending_requests: tuple[PendingRequest, ...] = ()
    uzi_recommend_weeks: int = 8  # R11: how long before the latest safe start to ask

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
    """URA: 8 digits; OIN: 20 digits (R13). Spaces are tolerated because people type them."""
    text = "".join(value.split())
    if not (_URA.fullmatch(text) or _OIN.fullmatch(text)):
        raise CertassistError("E-settings-subscriber", value=value)
    return text


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


_TOP = {
    "version",
    "practice_name",
    "agb_code",
    "subscriber_number",
    "vendor_id",
    "contact_person",
    "backup_folders",
    "pending_requests",
    "uzi_recommend_weeks",
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
    weeks = top.get("uzi_recommend_weeks", 8)
    if not isinstance(weeks, int) or isinstance(weeks, bool) or not 0 <= weeks <= 52:
        raise CertassistError("E-settings-weeks", value=weeks)
    folders = []
    for value in _list(top, "backup_folders"):
        if not isinstance(value, str) or not value.strip():
            raise CertassistError("E-settings-type", field="backup_folders")
        folders.append(Path(value))
    return PracticeSettings(
        practice_name=_optional_text(top, "practice_name") or "",
        agb_code=check_agb(agb) if agb else None,
        subscriber_number=check_subscriber(subscriber) if subscriber else None,
        vendor_id=check_vendor(vendor, vendor_ids) if vendor else None,
        contact_person=_optional_text(top, "contact_person"),
        backup_folders=tuple(folders),
        pending_requests=tuple(
            _pending(p, i) for i, p in enumerate(_list(top, "pending_requests"))
        ),
        uzi_recommend_weeks=weeks,
    )


def to_document(settings: PracticeSettings) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "practice_name": settings.practice_name,
        "agb_code": settings.agb_code,
        "subscriber_number": settings.subscriber_number,
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
        "uzi_recommend_weeks": settings.uzi_recommend_weeks,
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
    path.parent.mkdir(parents=True, exist_ok=True)
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

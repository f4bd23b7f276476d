"""R12 as data: what the practice does after a UZI server renewal depends on its HIS/AIS vendor.

The list lives in `resources/profiles/vendors.toml` so a new vendor or a changed procedure is a
data change, not a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from certassist.core.errors import CertassistError
from certassist.core.resources import read_toml, resources_dir


@dataclass(frozen=True)
class VendorSteps:
    id: str
    name: str
    practice_uploads: bool  # True: the practice uploads the certificate in the portal itself
    steps_nl: tuple[str, ...]
    steps_en: tuple[str, ...]

    def steps(self, lang: str = "nl") -> tuple[str, ...]:
        return self.steps_en if lang == "en" else self.steps_nl


@dataclass(frozen=True)
class PortalNote:
    """A portal-specific warning, e.g. Bricks: no fallback while DigiD is switched off (R11)."""

    id: str
    name: str
    fallback: bool
    note_nl: str
    note_en: str

    def note(self, lang: str = "nl") -> str:
        return self.note_en if lang == "en" else self.note_nl


@dataclass(frozen=True)
class PortalContact:
    """The patient portal's admin site and helpdesk (the portal vendor's page, R11/R13)."""

    name: str
    admin_site: str  # where the practice uploads, checks its data and finds the manual
    helpdesk: str  # where a changed subscriber number or practice data is reported


@cache
def _data() -> dict[str, Any]:
    return read_toml(resources_dir() / "profiles" / "vendors.toml")


def _strings(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(s) for s in entry.get(key, ()))


def _vendor(vendor_id: str, entry: dict[str, Any]) -> VendorSteps:
    uploads = bool(entry.get("practice_uploads", False))
    source = entry if uploads or "steps_nl" in entry else _data().get("delivered", {})
    return VendorSteps(
        id=vendor_id,
        name=str(entry["name"]),
        practice_uploads=uploads,
        steps_nl=_strings(source, "steps_nl"),
        steps_en=_strings(source, "steps_en"),
    )


def all_vendors() -> tuple[VendorSteps, ...]:
    vendors: dict[str, Any] = _data().get("vendors", {})
    return tuple(_vendor(vid, entry) for vid, entry in vendors.items())


def vendor_steps(vendor_id: str) -> VendorSteps:
    vendors: dict[str, Any] = _data().get("vendors", {})
    entry = vendors.get(vendor_id)
    if entry is None:
        raise CertassistError(
            "E-R12-vendor-unknown", vendor=vendor_id, known=", ".join(sorted(vendors))
        )
    return _vendor(vendor_id, entry)


def portal_notes() -> tuple[PortalNote, ...]:
    portals: dict[str, Any] = _data().get("portals", {})
    return tuple(
        PortalNote(
            id=pid,
            name=str(entry["name"]),
            fallback=bool(entry.get("fallback", True)),
            note_nl=str(entry.get("note_nl", "")),
            note_en=str(entry.get("note_en", "")),
        )
        for pid, entry in portals.items()
    )


def portal_note(portal_id: str) -> PortalNote | None:
    return next((p for p in portal_notes() if p.id == portal_id), None)


def portal_contact() -> PortalContact:
    entry: dict[str, Any] = _data().get("portal", {})
    return PortalContact(
        name=str(entry.get("name", "")),
        admin_site=str(entry.get("admin_site", "")),
        helpdesk=str(entry.get("helpdesk", "")),
    )

"""Install dates per certificate: a VECOZO certificate's 2 years start on installation (R6).

Kept in a small JSON file in the user's data folder (path injected). No secrets: fingerprint,
kind, holder, date and store ids only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certassist.core.fileio import atomic_write_bytes, data_dir, private_folder
from certassist.ops.backup_records import BACKUPS_FILE, BackupRecords

if TYPE_CHECKING:
    from certassist.ops.uzi_signs import UziSignRecords


def default_data_dir() -> Path:
    return data_dir()


@dataclass(frozen=True)
class InstallRecord:
    fingerprint: str
    installed_on: date
    kind: str
    holder: str
    stores: tuple[str, ...]


class InstallRecords:
    """fingerprint → first install date (and where it went); written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def backups(self) -> BackupRecords:
        """Where each verified backup was made, kept next to the install records."""
        return BackupRecords(self.path.with_name(BACKUPS_FILE))

    @property
    def uzi_signs(self) -> UziSignRecords:
        """Paired UZI renewals waiting for the user's two signs (R14), kept here too."""
        from certassist.ops.uzi_signs import SIGNS_FILE, UziSignRecords

        return UziSignRecords(self.path.with_name(SIGNS_FILE))

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, OSError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, fingerprint: str) -> InstallRecord | None:
        raw = self._load().get(fingerprint.upper())
        if not isinstance(raw, dict):
            return None
        return InstallRecord(
            fingerprint=fingerprint.upper(),
            installed_on=date.fromisoformat(str(raw["installed_on"])),
            kind=str(raw.get("kind", "")),
            holder=str(raw.get("holder", "")),
            stores=tuple(str(s) for s in raw.get("stores", ())),
        )

    def record(
        self, fingerprint: str, installed_on: date, kind: str, holder: str, stores: list[str]
    ) -> InstallRecord:
        """Keep the first install date; later installs only add stores."""
        data = self._load()
        key = fingerprint.upper()
        old = data.get(key) if isinstance(data.get(key), dict) else None
        first = str(old["installed_on"]) if old else installed_on.isoformat()
        known = list(old.get("stores", ())) if old else []
        merged = known + [s for s in stores if s not in known]
        data[key] = {"installed_on": first, "kind": kind, "holder": holder, "stores": merged}
        self._write(data)
        return self.get(key)  # type: ignore[return-value]

    def _write(self, data: dict[str, Any]) -> None:
        private_folder(self.path.parent)  # the user's only (0700), also when it existed
        text = json.dumps(data, indent=2, sort_keys=True)
        atomic_write_bytes(self.path, text.encode("utf-8"))

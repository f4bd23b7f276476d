"""Where each verified backup was made: remembered, because a USB stick is not always plugged in.

Right after a backup to a stick, `list` must not say "backup missing" only because the stick is
no longer in the PC, and `remove` needs no `--backup FILE` for a certificate whose backup was
verified when it was written. Kept in a small JSON file next to the install records. No secret:
fingerprint, file, medium and date only (never the backup's password).
"""

from __future__ import annotations

import getpass
import json
import ntpath
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from certassist.core.fileio import atomic_write_bytes

BACKUPS_FILE = "backups.json"


@dataclass(frozen=True)
class Medium:
    """What a person calls the place: kind (removable, network, drive, folder) and a name."""

    kind: str
    name: str


def medium_of(folder: Path, *, windows: bool | None = None) -> Medium:
    """USB sticks mount under /media or /run/media (Linux) or get a drive letter (Windows);
    a network share starts with two backslashes."""
    text = str(folder)
    on_windows = os.name == "nt" if windows is None else windows
    if on_windows:
        drive = ntpath.splitdrive(text)[0]
        if drive.startswith(("\\\\", "//")):
            return Medium("network", drive)
        return Medium("drive", drive.upper()) if drive else Medium("folder", text)
    parts = PurePosixPath(text).parts
    if parts[:3] == ("/", "run", "media") and len(parts) > 4:  # /run/media/USER/LABEL
        return Medium("removable", parts[4])
    if parts[:2] == ("/", "media") and len(parts) > 2:  # /media/LABEL or /media/USER/LABEL
        user_form = parts[2] == getpass.getuser() and len(parts) > 3
        return Medium("removable", parts[3] if user_form else parts[2])
    if parts[:2] == ("/", "mnt") and len(parts) > 2:
        return Medium("drive", parts[2])
    return Medium("folder", text)


@dataclass(frozen=True)
class BackupRecord:
    fingerprint: str
    file: str
    medium: Medium
    made_on: date

    def reachable(self) -> bool:
        return Path(self.file).is_file()

    def describe(self, lang: str) -> str:
        """ "Laatste back-up op USB-stick … van 3-12-2026": how `list`, `check` and the
        calendar name it, also when the medium is not connected now."""
        from certassist.core.messages import text_only

        where = {"medium_kind": self.medium.kind, "medium_name": self.medium.name}
        return text_only("L-overview-last-backup", lang, date=self.made_on, **where)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "medium": self.medium.kind,
            "medium_name": self.medium.name,
            "made_on": self.made_on.isoformat(),
            "reachable": self.reachable(),
        }


class BackupRecords:
    """fingerprint → the latest verified backup; written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @staticmethod
    def _record(fingerprint: str, raw: Any) -> BackupRecord | None:
        if not isinstance(raw, dict):
            return None
        try:
            medium = Medium(str(raw["medium"]), str(raw["medium_name"]))
            return BackupRecord(
                fingerprint, str(raw["file"]), medium, date.fromisoformat(str(raw["made_on"]))
            )
        except (KeyError, ValueError):
            return None

    def get(self, fingerprint: str) -> BackupRecord | None:
        key = fingerprint.upper()
        return self._record(key, self._load().get(key))

    def all(self) -> dict[str, BackupRecord]:
        """Every record at once: a listing reads the file once, not once per certificate."""
        found = {k: self._record(k, v) for k, v in self._load().items()}
        return {k: v for k, v in found.items() if v is not None}

    def record(self, fingerprint: str, file: Path, made_on: date) -> BackupRecord:
        data = self._load()
        key = fingerprint.upper()
        medium = medium_of(file.parent)
        data[key] = {
            "file": str(file),
            "medium": medium.kind,
            "medium_name": medium.name,
            "made_on": made_on.isoformat(),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, indent=2, sort_keys=True)
        atomic_write_bytes(self.path, text.encode("utf-8"))
        return BackupRecord(key, str(file), medium, made_on)

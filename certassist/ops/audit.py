"""The audit log: one JSON line per operation, appended, never rewritten.

Practice staff (and whoever helps them) can see afterwards who moved which certificate where.
The record type has no field that could hold a password, PIN or key, so none can leak into it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from certassist.core.fileio import make_private, private_folder
from certassist.core.models import CertInfo


@dataclass(frozen=True)
class AuditRecord:
    time: str  # ISO 8601, UTC
    who: str  # OS user name
    what: str  # the action: install, backup, restore, copy, move, remove, transfer
    outcome: str  # done, nothing-to-do, cancelled, failed, refused
    fingerprint: str = ""
    kind: str = ""
    holder: str = ""
    source: str = ""  # "from": store id or file path
    target: str = ""  # "to": store id or file path
    rules: tuple[str, ...] = ()
    message_id: str = ""
    details: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["from"] = data.pop("source")
        data["to"] = data.pop("target")
        data["rules"] = list(self.rules)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AuditRecord:
        return cls(
            time=str(data.get("time", "")),
            who=str(data.get("who", "")),
            what=str(data.get("what", "")),
            outcome=str(data.get("outcome", "")),
            fingerprint=str(data.get("fingerprint", "")),
            kind=str(data.get("kind", "")),
            holder=str(data.get("holder", "")),
            source=str(data.get("from", "")),
            target=str(data.get("to", "")),
            rules=tuple(str(r) for r in data.get("rules", ())),
            message_id=str(data.get("message_id", "")),
            details={str(k): str(v) for k, v in dict(data.get("details", {})).items()},
        )


def record_for(
    who: str,
    what: str,
    outcome: str,
    info: CertInfo | None,
    *,
    source: str = "",
    target: str = "",
    rules: Iterable[str] = (),
    message_id: str = "",
    now: datetime | None = None,
) -> AuditRecord:
    moment = now or datetime.now(UTC)
    return AuditRecord(
        time=moment.isoformat(timespec="seconds"),
        who=who,
        what=what,
        outcome=outcome,
        fingerprint=info.fingerprint if info else "",
        kind=info.kind.value if info else "",
        holder=(info.holder or "") if info else "",
        source=source,
        target=target,
        rules=tuple(rules),
        message_id=message_id,
    )


def encode_line(record: AuditRecord) -> bytes:
    """One JSON line. Readable UTF-8 normally; a file name that is not UTF-8 (Linux allows any
    bytes; Python keeps them as lone surrogates) is written with JSON's \\u escapes instead, so
    the line is valid, reads back exactly, and never fails to encode after a store changed."""
    data = record.to_json()
    try:
        return (json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data, ensure_ascii=True, sort_keys=True) + "\n").encode("ascii")


class AuditLog:
    """Append-only JSON lines in a file owned by the user (path injected)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def ready(self) -> None:
        """Before an operation changes anything: the folder (0700) and the file (0600) exist and
        the file opens for appending; OSError when not, so nothing is changed unrecorded."""
        fd = self._open()
        os.close(fd)

    def append(self, record: AuditRecord) -> None:
        line = encode_line(record)
        # O_APPEND: concurrent writers interleave whole lines, never overwrite earlier ones.
        fd = self._open()
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _open(self) -> int:
        private_folder(self.path.parent)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        make_private(self.path)  # a log made 0644 by an older version becomes the user's only
        return fd

    def read(self) -> list[AuditRecord]:
        """All records, oldest first; a damaged line is skipped, not fatal."""
        if not self.path.exists():
            return []
        records: list[AuditRecord] = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict):
                records.append(AuditRecord.from_json(data))
        return records

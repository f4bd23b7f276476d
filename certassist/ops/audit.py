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


class AuditLog:
    """Append-only JSON lines in a file owned by the user (path injected)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, record: AuditRecord) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(record.to_json(), ensure_ascii=False, sort_keys=True) + "\n"
        # O_APPEND: concurrent writers interleave whole lines, never overwrite earlier ones.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

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

"""The audit log: one JSON line per operation, appended, never rewritten.

Practice staff (and whoever helps them) can see afterwards who moved which certificate where.
The record type has no field that could hold a password, PIN or key, so none can leak into it.

A change is never left unrecorded: before an operation changes anything it writes that it has
begun (outcome "begun"; when even that cannot be written, nothing changes). Its later records
carry the same run id, and `read` then shows them instead of the "begun" line. When none of
them could be written (the disk filled up meanwhile, the process was killed), the "begun"
record stays and reads as unfinished (W-audit-unfinished): the change still has its record.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
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


BEGUN = "begun"  # the outcome of the record written before an operation changes anything
UNFINISHED = "W-audit-unfinished"  # how a "begun" record without any later one reads
RUN = "run"  # details key: the run a record belongs to (read() pairs and then drops it)
Writer = Callable[[int, bytes], int]  # os.write's shape; tests inject a full disk


@dataclass
class _Run:
    id: str
    complete: bool = True  # every record of the run was written


class AuditLog:
    """Append-only JSON lines in a file owned by the user (path injected; `write` too, so a
    test can fill the disk at any record)."""

    def __init__(self, path: Path, write: Writer = os.write) -> None:
        self.path = path
        self._write = write
        self._local = threading.local()  # each thread's open runs (the GUI runs in workers)

    def _runs(self) -> list[_Run]:
        runs: list[_Run] | None = getattr(self._local, "runs", None)
        if runs is None:
            runs = self._local.runs = []
        return runs

    def begin(self, record: AuditRecord) -> None:
        """Before an operation changes anything: write that it has begun. OSError when that
        cannot be written (and then the operation must change nothing)."""
        run = _Run(secrets.token_hex(8))
        self._write_line(replace(record, outcome=BEGUN, details={**record.details, RUN: run.id}))
        self._runs().append(run)

    def end(self) -> bool:
        """The run started by `begin` is over: False when one of its records was not written."""
        return self._runs().pop().complete

    def append(self, record: AuditRecord) -> None:
        runs = self._runs()
        if runs:
            record = replace(record, details={**record.details, RUN: runs[-1].id})
        try:
            self._write_line(record)
        except OSError:
            if runs:
                runs[-1].complete = False
            raise

    def _write_line(self, record: AuditRecord) -> None:
        line = encode_line(record)
        # O_APPEND: concurrent writers interleave whole lines, never overwrite earlier ones.
        fd = self._open()
        try:
            size = os.fstat(fd).st_size
            if size:
                os.lseek(fd, size - 1, os.SEEK_SET)
                if os.read(fd, 1) != b"\n":
                    line = b"\n" + line  # after a line cut short by a full disk: start afresh
            written = 0
            while written < len(line):  # a full disk may take part before refusing the rest
                count = self._write(fd, line[written:])
                if count <= 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                written += count
            os.fsync(fd)
        finally:
            os.close(fd)

    def _open(self) -> int:
        private_folder(self.path.parent)
        flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        fd = os.open(self.path, flags, 0o600)
        make_private(self.path)  # a log made 0644 by an older version becomes the user's only
        return fd

    def read(self) -> list[AuditRecord]:
        """All records, oldest first; a damaged line is skipped, not fatal. A run's "begun"
        record is left out once a later record of the run was written; else it reads as
        unfinished. Run ids stay in the file."""
        if not self.path.exists():
            return []
        records: list[AuditRecord] = []
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict):
                records.append(AuditRecord.from_json(data))
        ended = {r.details.get(RUN) for r in records if r.outcome != BEGUN}
        shown: list[AuditRecord] = []
        for record in records:
            run = record.details.get(RUN)
            if run is None:
                shown.append(record)
            elif record.outcome != BEGUN or run not in ended:
                details = {k: v for k, v in record.details.items() if k != RUN}
                unfinished = UNFINISHED if record.outcome == BEGUN else record.message_id
                shown.append(replace(record, details=details, message_id=unfinished))
        return shown

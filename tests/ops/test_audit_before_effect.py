"""Audit before effect: what the audit record needs is ready before a store changes.

Before: installing from a file whose name is not UTF-8 (Linux allows any bytes) put the
certificate in the store, then failed to write the audit line: no record, no install date (R6),
a traceback. And an audit log that cannot be written was noticed only after the change; a disk
that filled up between that check and the final record left the change unrecorded.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError, ExitCode
from certassist.core.models import Actor, StoreKind
from certassist.ops.audit import AuditLog, record_for
from certassist.ops.base import Confirm, OpContext
from certassist.ops.install import InstallOperation
from certassist.ops.records import default_data_dir
from certassist.stores.nss import NssStore
from tests.cli import process
from tests.ops.conftest import TODAY, fake
from tests.pki import TestPKI
from tests.stores.nss_oracle import make_db, nicknames

NOT_UTF8 = os.fsdecode(b"caf\xe9-backup.pfx")  # Latin-1 bytes from an old USB stick


def test_a_file_name_that_is_not_utf8_is_recorded_with_the_install(
    pki: TestPKI, ctx: OpContext
) -> None:
    bundle = pki.other()
    store = fake("firefox", StoreKind.FIREFOX)
    op = InstallOperation(ctx)
    result = op.execute(op.plan(bundle, [store], NOT_UTF8), {Confirm.PROCEED: True})
    assert result.ok
    (record,) = [r for r in ctx.audit.read() if r.outcome == "done"]
    assert record.fingerprint == bundle.fingerprint
    assert record.source == NOT_UTF8  # exact, through JSON's escapes
    assert ctx.records.get(bundle.fingerprint) is not None  # R6: the install date is kept


def test_an_audit_log_that_cannot_be_written_stops_before_the_store_changes(
    pki: TestPKI, make_ctx: Callable[..., OpContext], tmp_path: Path
) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("a file where the log's folder should be")
    ctx = make_ctx()
    ctx.audit = AuditLog(blocker / "audit.jsonl")
    store = fake("firefox", StoreKind.FIREFOX)
    op = InstallOperation(ctx)
    with pytest.raises(CertassistError) as caught:
        op.execute(op.plan(pki.other(), [store], "anna.pfx"), {Confirm.PROCEED: True})
    assert caught.value.message_id == "E-audit-unwritable"
    assert caught.value.exit_code == ExitCode.STORE
    assert store.list() == []  # nothing was changed unrecorded


def test_the_audit_log_and_its_folder_are_the_users_only_also_when_they_existed(
    tmp_path: Path,
) -> None:
    old = os.umask(0)
    try:
        folder = tmp_path / "data"
        folder.mkdir(mode=0o777)
        log = folder / "audit.jsonl"
        log.write_text("")
        log.chmod(0o644)
        AuditLog(log).append(record_for("anna", "install", "done", None))
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


class FillingDisk:
    """`os.write` for the first `whole` writes, then what a disk that fills up does: it takes
    `room` more bytes (part of a line) and refuses the rest with ENOSPC."""

    def __init__(self, whole: int, room: int = 0) -> None:
        self.whole, self.room = whole, room

    def __call__(self, fd: int, data: bytes) -> int:
        if self.whole > 0:
            self.whole -= 1
            return os.write(fd, data)
        if self.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = os.write(fd, data[: self.room])
        self.room -= written
        return written


def test_a_disk_that_fills_up_after_the_change_still_leaves_a_record_that_log_shows(
    pki: TestPKI, tmp_path: Path, nss_ready: None
) -> None:
    db = make_db(tmp_path / "werkplek")
    bundle = pki.other()
    log = AuditLog(default_data_dir() / "audit.jsonl", write=FillingDisk(whole=1, room=30))
    ctx = OpContext.for_user(Actor("anna", None, True), audit=log, today=lambda: TODAY)
    op = InstallOperation(ctx)
    result = op.execute(op.plan(bundle, [NssStore(db)], "anna.pfx"), {Confirm.PROCEED: True})
    assert result.ok and len(nicknames(db)) == 1  # the change happened
    assert "W-audit-end-unrecorded" in [n.message_id for n in result.notices]  # and is told
    shown = process.run("--lang", "en", "log")  # the real command, reading the same file
    assert shown.returncode == 0, shown.stderr
    (line,) = shown.stdout.splitlines()
    assert " install begun " in line and bundle.fingerprint[:16] in line
    assert "anna.pfx" in line and "W-audit-unfinished" in line
    (record,) = json.loads(process.run("log", "--json").stdout)
    assert (record["outcome"], record["fingerprint"]) == ("begun", bundle.fingerprint)
    assert "werkplek" in record["to"]


def test_a_line_cut_short_by_a_full_disk_does_not_swallow_the_next_record(
    pki: TestPKI, make_ctx: Callable[..., OpContext], tmp_path: Path
) -> None:
    first, second = pki.other(), pki.other()
    ctx = make_ctx()
    path = ctx.audit.path
    ctx.audit = AuditLog(path, write=FillingDisk(whole=1, room=30))
    op = InstallOperation(ctx)
    store = fake("firefox", StoreKind.FIREFOX)
    assert op.execute(op.plan(first, [store], "a.pfx"), {Confirm.PROCEED: True}).ok
    ctx.audit = AuditLog(path)  # space was freed
    op = InstallOperation(ctx)
    assert op.execute(op.plan(second, [store], "b.pfx"), {Confirm.PROCEED: True}).ok
    shown = [(r.fingerprint, r.outcome) for r in ctx.audit.read()]
    assert shown == [(first.fingerprint, "begun"), (second.fingerprint, "done")]


def test_a_run_that_ends_shows_only_its_final_record(pki: TestPKI, ctx: OpContext) -> None:
    bundle = pki.other()
    op = InstallOperation(ctx)
    op.execute(
        op.plan(bundle, [fake("firefox", StoreKind.FIREFOX)], "c.pfx"), {Confirm.PROCEED: True}
    )
    assert [r.outcome for r in ctx.audit.read()] == ["done"]
    raw = [json.loads(line) for line in ctx.audit.path.read_text().splitlines()]
    assert [r["outcome"] for r in raw] == ["begun", "done"]  # the file keeps both, linked
    assert raw[0]["details"]["run"] == raw[1]["details"]["run"]

"""Audit before effect: what the audit record needs is ready before a store changes.

Before: installing from a file whose name is not UTF-8 (Linux allows any bytes) put the
certificate in the store, then failed to write the audit line: no record, no install date (R6),
a traceback. And an audit log that cannot be written was noticed only after the change.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError, ExitCode
from certassist.core.models import StoreKind
from certassist.ops.audit import AuditLog
from certassist.ops.base import Confirm, OpContext
from certassist.ops.install import InstallOperation
from tests.ops.conftest import fake
from tests.pki import TestPKI

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
        AuditLog(log).ready()
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(log.stat().st_mode) == 0o600

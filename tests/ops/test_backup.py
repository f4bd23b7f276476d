"""Backups: strong password typed twice, AES or 3DES, read back before success, no leftovers."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, CertInfo, StoreKind
from certassist.core.reading import read_certificate_file
from certassist.ops.backup import BackupOperation
from certassist.ops.base import OpContext, Outcome
from certassist.ops.files import Encryption
from tests.ops.conftest import ANNA, GOOD_PASSWORD, YES, fake
from tests.pki import TestPKI

NOT_SYSTEM_DISK = lambda folder: False  # noqa: E731 - the disk question has its own tests


def op(ctx: OpContext, **kwargs: object) -> BackupOperation:
    kwargs.setdefault("system_disk", NOT_SYSTEM_DISK)
    return BackupOperation(ctx, **kwargs)  # type: ignore[arg-type]


@pytest.mark.linux_tools
@pytest.mark.parametrize("encryption", ["aes", "3des"])
def test_backup_is_read_back_and_opens_with_openssl(
    ctx: OpContext, pki: TestPKI, tmp_path: Path, encryption: Encryption
) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    folder = tmp_path / "usb"
    backup = op(ctx)
    pw = GOOD_PASSWORD
    plan = backup.plan([(store, bundle.fingerprint)], folder, pw, pw, encryption)
    result = backup.execute(plan, YES)
    assert result.outcome is Outcome.DONE
    (path,) = map(Path, result.paths)
    assert path.stat().st_mode & 0o777 == 0o600
    again = read_certificate_file(path, GOOD_PASSWORD)
    assert again.fingerprint == bundle.fingerprint and again.key_matches()
    # An independent reader: OpenSSL opens it with the same password.
    legacy = ["-legacy"] if encryption == "3des" else []
    out = subprocess.run(
        ["openssl", "pkcs12", "-in", str(path), "-nokeys", "-passin", f"pass:{GOOD_PASSWORD}",
         *legacy],
        capture_output=True, check=True, text=True,
    )  # fmt: skip
    assert "BEGIN CERTIFICATE" in out.stdout
    sidecars = [p for p in folder.iterdir() if p.name.endswith(".json")]
    assert sidecars and GOOD_PASSWORD not in sidecars[0].read_text()
    assert json.loads(sidecars[0].read_text())["holder"] == ANNA


def test_backup_all_skips_certificates_without_key(
    ctx: OpContext, pki: TestPKI, tmp_path: Path
) -> None:
    a, b = pki.issue("vecozo-personal", name=ANNA), pki.issue("other")
    keyless = pki.issue("other")
    store = fake("windows", StoreKind.WINDOWS_USER, a, b, Bundle(keyless.leaf, keyless.chain))
    backup = op(ctx)
    plan = backup.plan([(store, None)], tmp_path / "usb", GOOD_PASSWORD, GOOD_PASSWORD)
    assert {i.fingerprint for i in plan.certificates} == {a.fingerprint, b.fingerprint}
    result = backup.execute(plan, YES)
    assert len(result.paths) == 2 and all(Path(p).exists() for p in result.paths)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("kort-1", "E-ops-password-short"),
        ("123456789012345", "E-ops-password-only-digits"),
        ("abcdefghijklmnop", "E-ops-password-only-letters"),
        ("Wachtwoord2026!", "E-ops-password-common"),
        ("AnnaDeVries-2026!", "E-ops-password-name"),
    ],
)
def test_weak_password_is_refused_with_its_reason(
    ctx: OpContext, pki: TestPKI, tmp_path: Path, password: str, reason: str
) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    with pytest.raises(CertassistError) as caught:
        op(ctx).plan([(store, bundle.fingerprint)], tmp_path / "usb", password, password)
    assert caught.value.message_id == "E-ops-password-weak"
    assert reason in caught.value.params["reasons"]
    assert not (tmp_path / "usb").exists()


def test_password_typed_twice_must_match(ctx: OpContext, pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.issue("other")
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    with pytest.raises(CertassistError, match="E-ops-password-mismatch"):
        op(ctx).plan([(store, None)], tmp_path, GOOD_PASSWORD, GOOD_PASSWORD + "x")


def test_same_disk_as_system_gives_r9_warning(ctx: OpContext, pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.issue("other")
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    plan = BackupOperation(ctx, system_disk=lambda folder: True).plan(
        [(store, None)], tmp_path, GOOD_PASSWORD, GOOD_PASSWORD
    )
    assert [(w.message_id, w.rule_id) for w in plan.warnings] == [("W-ops-backup-same-disk", "R9")]


def _half_then_fail(code: int):  # type: ignore[no-untyped-def]
    """A writer that leaves half a file behind and then fails as a full disk would."""

    def writer(
        folder: Path, bundle: Bundle, password: str, enc: Encryption, stem: str, info: CertInfo
    ) -> Path:
        (folder / f".{stem}.pfx.tmp").write_bytes(b"\x30\x82\x10")
        (folder / f"{stem}.pfx").write_bytes(b"\x30\x82\x10\x00half")
        raise OSError(code, os.strerror(code))

    return writer


@pytest.mark.parametrize(
    ("code", "message_id"),
    [(errno.ENOSPC, "E-ops-backup-disk-full"), (errno.EROFS, "E-ops-backup-readonly")],
)
def test_failed_write_leaves_no_file_and_keeps_the_certificate(
    ctx: OpContext, pki: TestPKI, tmp_path: Path, code: int, message_id: str
) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "older-backup.pfx").write_bytes(b"an earlier backup, untouched")
    backup = op(ctx, writer=_half_then_fail(code))
    plan = backup.plan([(store, None)], folder, GOOD_PASSWORD, GOOD_PASSWORD)
    with pytest.raises(CertassistError) as caught:
        backup.execute(plan, YES)
    assert caught.value.message_id == message_id
    assert sorted(p.name for p in folder.iterdir()) == ["older-backup.pfx"]
    assert store.get(bundle.fingerprint) is not None
    assert ctx.audit.read()[-1].outcome == "failed"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX folder modes")
def test_read_only_folder_with_the_real_writer(
    ctx: OpContext, pki: TestPKI, tmp_path: Path
) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod does not stop root from writing")
    bundle = pki.issue("other")
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    folder = tmp_path / "stick"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        backup = op(ctx)
        plan = backup.plan([(store, None)], folder, GOOD_PASSWORD, GOOD_PASSWORD)
        with pytest.raises(CertassistError, match="E-ops-backup-readonly"):
            backup.execute(plan, YES)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_full_disk_with_the_real_writer_maps_the_cause(
    ctx: OpContext, pki: TestPKI, tmp_path: Path
) -> None:
    """/dev/full: every write fails with ENOSPC, like a full USB stick."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    from certassist.ops.files import default_writer

    def writer(
        folder: Path, bundle: Bundle, password: str, enc: Encryption, stem: str, info: CertInfo
    ) -> Path:
        with open("/dev/full", "wb") as full:
            full.write(b"x" * 65536)
            full.flush()
        return default_writer(folder, bundle, password, enc, stem, info)

    bundle = pki.issue("other")
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    backup = op(ctx, writer=writer)
    plan = backup.plan([(store, None)], tmp_path / "usb", GOOD_PASSWORD, GOOD_PASSWORD)
    with pytest.raises(CertassistError, match="E-ops-backup-disk-full"):
        backup.execute(plan, YES)
    assert list((tmp_path / "usb").iterdir()) == []


def test_writer_that_writes_garbage_is_caught_by_read_back(
    ctx: OpContext, pki: TestPKI, tmp_path: Path
) -> None:
    def liar(
        folder: Path, bundle: Bundle, password: str, enc: Encryption, stem: str, info: CertInfo
    ) -> Path:
        path = folder / f"{stem}.pfx"
        path.write_bytes(b"\x30\x03\x02\x01\x00")
        return path

    bundle = pki.issue("other")
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    backup = op(ctx, writer=liar)
    plan = backup.plan([(store, None)], tmp_path / "usb", GOOD_PASSWORD, GOOD_PASSWORD)
    with pytest.raises(CertassistError, match="E-ops-backup-verify"):
        backup.execute(plan, YES)
    assert list((tmp_path / "usb").iterdir()) == []


def test_cancel_before_writing_leaves_nothing(ctx: OpContext, pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.issue("other")
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    backup = op(ctx)
    plan = backup.plan([(store, None)], tmp_path / "usb", GOOD_PASSWORD, GOOD_PASSWORD)
    seen: list[tuple[int, int, str]] = []
    result = backup.execute(plan, YES, lambda *a: seen.append(a), cancel=lambda: len(seen) >= 1)
    assert result.outcome is Outcome.CANCELLED
    assert not (tmp_path / "usb").exists() or list((tmp_path / "usb").iterdir()) == []
    assert seen == [(1, 4, "P-ops-export")]


def test_progress_reaches_the_end(ctx: OpContext, pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.issue("other")
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    backup = op(ctx)
    plan = backup.plan([(store, None)], tmp_path / "usb", GOOD_PASSWORD, GOOD_PASSWORD)
    seen: list[tuple[int, int, str]] = []
    backup.execute(plan, YES, lambda *a: seen.append(a))
    assert [s[0] for s in seen] == [1, 2, 3, 4] and seen[-1] == (4, 4, "P-ops-done")

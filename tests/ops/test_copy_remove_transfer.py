"""Copy/move between stores, remove with a backup or a yes, renewed certificate to other PCs,
and the small pieces: audit log, password rules, system-disk check."""

from __future__ import annotations

from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import StoreKind
from certassist.ops.backup import BackupOperation
from certassist.ops.base import Confirm, OpContext, Outcome
from certassist.ops.copy import CopyOperation
from certassist.ops.disk import on_system_disk, same_disk_posix, same_disk_windows
from certassist.ops.install import open_certificate_file
from certassist.ops.passwords import weaknesses
from certassist.ops.remove import RemoveOperation
from certassist.ops.transfer import TransferInOperation, TransferOutOperation, is_transfer_backup
from tests.ops.conftest import ANNA, GOOD_PASSWORD, YES, fake, holder_yes
from tests.pki import TestPKI


def test_move_removes_the_source_only_after_the_target_is_verified(
    ctx: OpContext, pki: TestPKI
) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    windows = fake("windows", StoreKind.WINDOWS_USER, bundle)
    firefox = fake("firefox")
    copy = CopyOperation(ctx)
    plan = copy.plan(windows, bundle.fingerprint, [firefox], move=True)
    assert [s.message_id for s in plan.steps] == ["S-ops-add", "S-ops-remove-source"]
    result = copy.execute(plan, holder_yes())
    assert result.message_id == "I-ops-move-done"
    assert windows.list() == [] and firefox.get(bundle.fingerprint).has_key  # type: ignore[union-attr]


def test_move_into_a_store_that_drops_keys_keeps_the_source(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.issue("other")
    windows = fake("windows", StoreKind.WINDOWS_USER, bundle)
    leaky = fake("firefox")
    leaky.drop_keys = True
    copy = CopyOperation(ctx)
    with pytest.raises(CertassistError, match="E-store-verify-no-key"):
        copy.execute(copy.plan(windows, bundle.fingerprint, [leaky], move=True), YES)
    assert windows.get(bundle.fingerprint).has_key  # type: ignore[union-attr]
    assert leaky.list() == []  # the key-less copy it made was taken away again


def test_R3_system_certificate_cannot_be_copied_to_firefox(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.issue("vecozo-system")
    windows = fake("windows", StoreKind.WINDOWS_USER, bundle)
    plan = CopyOperation(ctx).plan(windows, bundle.fingerprint, [fake("firefox")])
    assert [b.rule_id for b in plan.blockers] == ["R3"]


def test_remove_without_backup_needs_a_yes(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.issue("other")
    store = fake("windows", StoreKind.WINDOWS_USER, bundle)
    remove = RemoveOperation(ctx)
    plan = remove.plan(store, bundle.fingerprint)
    assert Confirm.NO_BACKUP in plan.needs
    assert [w.message_id for w in plan.warnings] == ["W-ops-remove-no-backup"]
    with pytest.raises(CertassistError, match="E-ops-confirmation-missing"):
        remove.execute(plan, YES)
    assert store.get(bundle.fingerprint) is not None
    assert remove.execute(plan, {**YES, Confirm.NO_BACKUP: True}).ok
    assert store.list() == []


def test_remove_expired_says_so(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.expired("other")
    store = fake("windows", StoreKind.WINDOWS_USER, bundle)
    plan = RemoveOperation(ctx).plan(store, bundle.fingerprint)
    assert [w.message_id for w in plan.warnings] == ["W-ops-remove-expired"]


def test_remove_with_a_verified_backup(ctx: OpContext, pki: TestPKI, tmp_path: Path) -> None:
    bundle, stranger = pki.issue("other"), pki.issue("other")
    store = fake("windows", StoreKind.WINDOWS_USER, bundle, stranger)
    backup = BackupOperation(ctx, system_disk=lambda f: False)
    plan = backup.plan([(store, bundle.fingerprint)], tmp_path, GOOD_PASSWORD, GOOD_PASSWORD)
    (path,) = backup.execute(plan, YES).paths
    remove = RemoveOperation(ctx)
    with pytest.raises(CertassistError, match="E-ops-remove-backup-other"):
        remove.plan(store, stranger.fingerprint, Path(path), GOOD_PASSWORD)  # not its backup
    with pytest.raises(CertassistError, match="E-ops-remove-backup-password"):
        remove.plan(store, bundle.fingerprint, Path(path), "wrong-password-123")
    plan_r = remove.plan(store, bundle.fingerprint, Path(path), GOOD_PASSWORD)
    assert Confirm.NO_BACKUP not in plan_r.needs
    Path(path).unlink()  # gone between plan and execute: checked again, nothing removed
    with pytest.raises(CertassistError, match="E-ops-remove-backup-other"):
        remove.execute(plan_r, YES)
    assert store.get(bundle.fingerprint) is not None


def test_renewed_certificate_to_the_other_pc(ctx: OpContext, pki: TestPKI, tmp_path: Path) -> None:
    old = pki.expiring_in(20, "vecozo-personal", name=ANNA)
    new = pki.expiring_in(750, "vecozo-personal", name=ANNA)
    pc1 = fake("pc1-firefox", StoreKind.FIREFOX, new)
    out = TransferOutOperation(ctx, system_disk=lambda f: False)
    plan = out.plan_transfer(pc1, new.fingerprint, tmp_path / "usb", GOOD_PASSWORD, GOOD_PASSWORD)
    (path,) = out.execute(plan, YES).paths
    assert is_transfer_backup(Path(path))
    # On the other PC: the old certificate goes only after the new one is in and verified.
    pc2 = fake("pc2-firefox", StoreKind.FIREFOX, old)
    bundle = open_certificate_file(Path(path), GOOD_PASSWORD, lambda n: None)
    into = TransferInOperation(ctx)
    plan_in = into.plan_transfer(bundle, [pc2], path)
    assert Confirm.REPLACE_OLD in plan_in.needs
    assert [s.message_id for s in plan_in.steps] == ["S-ops-add", "S-ops-replace-old"]
    result = into.execute(plan_in, {**holder_yes(), Confirm.REPLACE_OLD: True})
    assert result.message_id == "I-ops-transfer-done" and result.params["removed"] == 1
    assert [e.fingerprint for e in pc2.list()] == [new.fingerprint]


def test_transfer_keeps_the_old_one_when_the_new_one_does_not_stick(
    ctx: OpContext, pki: TestPKI
) -> None:
    old = pki.expiring_in(20, "vecozo-personal", name=ANNA)
    new = pki.expiring_in(750, "vecozo-personal", name=ANNA)
    pc2 = fake("pc2-firefox", StoreKind.FIREFOX, old)
    pc2.drop_keys = True
    into = TransferInOperation(ctx)
    plan = into.plan_transfer(new, [pc2], "usb")
    with pytest.raises(CertassistError, match="E-store-verify-no-key"):
        into.execute(plan, {**holder_yes(), Confirm.REPLACE_OLD: True})
    assert [e.fingerprint for e in pc2.list()] == [old.fingerprint]


def test_audit_log_has_who_what_where_and_never_the_password(
    ctx: OpContext, pki: TestPKI, tmp_path: Path
) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    backup = BackupOperation(ctx, system_disk=lambda f: False)
    plan = backup.plan([(store, None)], tmp_path / "usb", GOOD_PASSWORD, GOOD_PASSWORD)
    backup.execute(plan, YES)
    (record,) = ctx.audit.read()
    assert (record.who, record.what, record.outcome) == ("anna", "backup", "done")
    assert (record.fingerprint, record.kind, record.holder) == (
        bundle.fingerprint, "vecozo-personal", ANNA,
    )  # fmt: skip
    assert record.source == "firefox" and record.target.endswith(".pfx")
    text = ctx.audit.path.read_text()
    assert GOOD_PASSWORD not in text and "PRIVATE" not in text
    ctx.audit.path.write_text(text + "not json\n")
    assert len(ctx.audit.read()) == 1  # a damaged line is skipped, the rest stays readable


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Vijf-Groene-Appels-2026", []),
        ("p@ssw0rd-2026", ["E-ops-password-common"]),
        ("jansen-1234567", ["E-ops-password-name"]),
        ("12345", ["E-ops-password-short", "E-ops-password-only-digits"]),
    ],
)
def test_password_reasons(password: str, expected: list[str]) -> None:
    assert weaknesses(password, "Bram Jansen") == expected


def test_system_disk_on_windows_compares_drive_letters() -> None:
    assert same_disk_windows("C:\\Users\\anna\\Backups", ["C:", "C:\\Users\\anna"])
    assert not same_disk_windows("E:\\", ["C:", "C:\\Users\\anna"])
    assert not same_disk_windows("\\\\server\\share\\backup", ["C:"])
    env = {"SystemDrive": "C:", "USERPROFILE": "C:\\Users\\anna"}
    assert on_system_disk(Path("c:/backup"), windows=True, environ=env)
    assert not on_system_disk(Path("F:/backup"), windows=True, environ=env)


def test_system_disk_on_posix_compares_device_numbers(tmp_path: Path) -> None:
    devices = {tmp_path / "usb": 42, Path("/"): 1, tmp_path / "home": 1}
    (tmp_path / "usb").mkdir()
    (tmp_path / "home").mkdir()

    def dev(p: Path) -> int:
        return devices.get(p, 1)

    assert not same_disk_posix(tmp_path / "usb" / "new", [Path("/"), tmp_path / "home"], dev)
    assert same_disk_posix(tmp_path / "home", [Path("/"), tmp_path / "home"], dev)
    assert on_system_disk(tmp_path / "home", windows=False, environ={}, dev_of=dev, home=Path("/"))


def test_cancelled_install_changes_nothing(ctx: OpContext, pki: TestPKI) -> None:
    from certassist.ops.install import InstallOperation

    bundle = pki.issue("other")
    firefox = fake("firefox")
    install = InstallOperation(ctx)
    result = install.execute(install.plan(bundle, [firefox], "x"), YES, cancel=lambda: True)
    assert result.outcome is Outcome.CANCELLED and firefox.list() == []

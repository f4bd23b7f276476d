"""Install and restore: the rules (R1-R4, R6/R8), the install date, bad files, three tries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import StoreKind
from certassist.ops.base import Confirm, OpContext, Outcome
from certassist.ops.install import InstallOperation, open_certificate_file
from certassist.ops.restore import RestoreOperation
from tests.ops.conftest import ANNA, GOOD_PASSWORD, TODAY, YES, fake, holder_yes
from tests.pki import TestPKI, pem, pem_bundle, pfx, pkcs8_key


def never(n: int) -> str | None:
    raise AssertionError("no password question expected")


def test_R1_personal_install_needs_the_holder_to_confirm_her_name(
    ctx: OpContext, pki: TestPKI
) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    firefox = fake("firefox")
    install = InstallOperation(ctx)
    plan = install.plan(bundle, [firefox], "anna.pfx")
    assert plan.allowed and Confirm.HOLDER in plan.needs and plan.holder == ANNA
    with pytest.raises(CertassistError, match="E-ops-confirmation-missing"):
        install.execute(plan, YES)
    assert firefox.get(bundle.fingerprint) is None
    result = install.execute(plan, holder_yes("anna  DE vries"))
    assert result.outcome is Outcome.DONE
    assert firefox.get(bundle.fingerprint).has_key  # type: ignore[union-attr]
    assert "R1" in ctx.audit.read()[-1].rules


def test_R1_someone_elses_personal_certificate_is_refused_for_install_and_restore(
    ctx: OpContext, pki: TestPKI
) -> None:
    bundle = pki.issue("vecozo-personal", name="Bram Jansen")
    for operation in (InstallOperation(ctx), RestoreOperation(ctx)):
        firefox = fake("firefox")
        plan = operation.plan(bundle, [firefox], "bram.pfx")
        with pytest.raises(CertassistError) as caught:
            operation.execute(plan, holder_yes(ANNA))
        assert caught.value.message_id == "E-R1-not-rightful-user"
        assert firefox.list() == []


def test_R1_name_given_up_front_that_is_not_the_holder_blocks_the_plan(
    make_ctx: Callable[..., OpContext], pki: TestPKI
) -> None:
    bundle = pki.issue("vecozo-personal", name="Bram Jansen")
    plan = InstallOperation(make_ctx(confirmed_name=ANNA)).plan(bundle, [fake("ff")], "x")
    assert not plan.allowed
    assert [(b.rule_id, b.message_id) for b in plan.blockers] == [("R1", "E-R1-not-rightful-user")]


def test_R2_system_certificate_only_by_the_contact_person(
    make_ctx: Callable[..., OpContext], pki: TestPKI
) -> None:
    bundle = pki.issue("vecozo-system")
    windows = fake("windows", StoreKind.WINDOWS_USER)
    plan = InstallOperation(make_ctx(contact=False)).plan(bundle, [windows], "system.pfx")
    assert [b.message_id for b in plan.blockers] == ["E-R2-not-contact-person"]
    with pytest.raises(CertassistError, match="E-R2-not-contact-person"):
        InstallOperation(make_ctx(contact=False)).execute(plan, YES)
    assert windows.list() == []


def test_R3_system_certificate_never_into_firefox(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.issue("vecozo-system")
    windows, firefox = fake("windows", StoreKind.WINDOWS_USER), fake("firefox")
    install = InstallOperation(ctx)
    plan = install.plan(bundle, [windows, firefox], "system.pfx")
    assert [b.message_id for b in plan.blockers] == ["E-R3-system-in-browser"]
    from certassist.ops.placing import allowed_stores

    info = plan.certificates[0]
    assert allowed_stores(ctx, info, install.action, [windows, firefox]) == [windows]
    result = install.execute(install.plan(bundle, [windows], "system.pfx"), YES)
    assert result.ok and firefox.list() == []


def test_R4_personal_certificate_not_into_the_machine_store(ctx: OpContext, pki: TestPKI) -> None:
    from certassist.core.models import Owner, StoreTarget
    from certassist.stores.fake import FakeStore

    machine = FakeStore(
        "machine", "LocalMachine", StoreTarget(StoreKind.WINDOWS_MACHINE, Owner.MACHINE)
    )
    plan = InstallOperation(ctx).plan(pki.issue("vecozo-personal", name=ANNA), [machine], "x")
    assert "E-R4-not-own-store" in [b.message_id for b in plan.blockers]


def test_R6_install_date_recorded_once_and_R9_backup_advised(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    install = InstallOperation(ctx)
    result = install.execute(install.plan(bundle, [fake("firefox")], "a.pfx"), holder_yes())
    assert ("I-ops-backup-advice", "R9") in [(n.message_id, n.rule_id) for n in result.notices]
    record = ctx.records.get(bundle.fingerprint)
    assert record.installed_on == TODAY and record.stores == ("firefox",)
    assert GOOD_PASSWORD not in ctx.records.path.read_text()


def test_R8_expired_certificate_is_not_installed(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.expired("vecozo-personal", name=ANNA)
    plan = InstallOperation(ctx).plan(bundle, [fake("firefox")], "old.pfx")
    assert not plan.allowed and plan.blockers[0].rule_id == "R8"


def test_R6_not_yet_valid_certificate_installs_with_a_warning(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.not_yet_valid(3, "vecozo-personal", name=ANNA)
    plan = InstallOperation(ctx).plan(bundle, [fake("firefox")], "new.pfx")
    assert plan.allowed and "W-R6-not-yet-valid" in [w.message_id for w in plan.warnings]


def test_already_there_is_a_no_op_with_a_message(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.issue("other")
    firefox = fake("firefox", StoreKind.FIREFOX, bundle)
    restore = RestoreOperation(ctx)
    result = restore.execute(restore.plan(bundle, [firefox], "b.pfx"), YES)
    assert result.outcome is Outcome.NOTHING_TO_DO
    assert result.message_id == "I-ops-already-there-all"
    assert ctx.audit.read()[-1].outcome == "nothing-to-do"


def test_restoring_an_older_backup_needs_explicit_confirmation(
    ctx: OpContext, pki: TestPKI
) -> None:
    old = pki.expiring_in(100, "vecozo-personal", name=ANNA)
    new = pki.expiring_in(700, "vecozo-personal", name=ANNA)
    firefox = fake("firefox", StoreKind.FIREFOX, new)
    restore = RestoreOperation(ctx)
    plan = restore.plan(old, [firefox], "old.pfx")
    assert Confirm.OLDER_BACKUP in plan.needs
    assert [w.message_id for w in plan.warnings] == ["W-ops-restore-older"]
    with pytest.raises(CertassistError, match="E-ops-confirmation-missing"):
        restore.execute(plan, holder_yes())
    assert restore.execute(plan, {**holder_yes(), Confirm.OLDER_BACKUP: True}).ok
    assert {e.fingerprint for e in firefox.list()} == {old.fingerprint, new.fingerprint}
    assert ctx.records.get(old.fingerprint) is None  # a restore is not an install (R6)


def test_pfx_wrong_password_three_tries_then_stop(pki: TestPKI, tmp_path: Path) -> None:
    path = tmp_path / "a.pfx"
    path.write_bytes(pfx(pki.issue("other"), GOOD_PASSWORD))
    asked: list[int] = []

    def ask(n: int) -> str | None:
        asked.append(n)
        return "verkeerd"

    with pytest.raises(CertassistError) as caught:
        open_certificate_file(path, "ook-verkeerd", ask)
    assert caught.value.message_id == "E-ops-password-tries"
    assert asked == [2, 3]
    answers = iter(["fout", GOOD_PASSWORD])
    bundle = open_certificate_file(path, None, lambda n: next(answers))
    assert bundle.key_matches()


@pytest.mark.parametrize(
    ("damage", "message_id"),
    [
        (lambda data: data[: len(data) // 2], "E-read-damaged"),
        (lambda data: b"", "E-read-empty"),
    ],
)
def test_truncated_or_empty_backup_is_damaged_not_wrong_password(
    pki: TestPKI, tmp_path: Path, damage: Callable[[bytes], bytes], message_id: str
) -> None:
    path = tmp_path / "b.pfx"
    path.write_bytes(damage(pfx(pki.issue("other"), GOOD_PASSWORD)))
    with pytest.raises(CertassistError) as caught:
        open_certificate_file(path, GOOD_PASSWORD, never)
    assert caught.value.message_id == message_id


def test_key_mismatch_is_refused_before_any_store(
    ctx: OpContext, pki: TestPKI, tmp_path: Path
) -> None:
    bundle = pki.mismatched("other")
    cert, key = tmp_path / "c.pem", tmp_path / "c.key"
    cert.write_bytes(pem(bundle))
    key.write_bytes(pkcs8_key(bundle))
    with pytest.raises(CertassistError, match="E-read-key-mismatch"):
        open_certificate_file(cert, None, never, key_path=key)
    firefox = fake("firefox")
    with pytest.raises(CertassistError, match="E-ops-key-mismatch"):
        InstallOperation(ctx).plan(bundle, [firefox], "x")
    assert firefox.list() == []


def test_certificate_and_key_files_install(ctx: OpContext, pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.issue("other")
    cert, key = tmp_path / "c.pem", tmp_path / "c.key"
    cert.write_bytes(pem(bundle))
    key.write_bytes(pkcs8_key(bundle, GOOD_PASSWORD))
    loaded = open_certificate_file(cert, None, lambda n: GOOD_PASSWORD, key_path=key)
    firefox = fake("firefox")
    install = InstallOperation(ctx)
    assert install.execute(install.plan(loaded, [firefox], "c.pem"), YES).ok
    assert firefox.get(bundle.fingerprint).has_key  # type: ignore[union-attr]


def test_file_with_several_leaf_certificates_is_refused(pki: TestPKI, tmp_path: Path) -> None:
    path = tmp_path / "two.pem"
    path.write_bytes(pem_bundle(pki.issue("other"), pki.issue("other")))
    with pytest.raises(CertassistError, match="E-read-several-leaves"):
        open_certificate_file(path, None, never)


def test_certificate_without_key_is_not_installed(ctx: OpContext, pki: TestPKI) -> None:
    from certassist.core.models import Bundle

    bundle = pki.issue("other")
    with pytest.raises(CertassistError, match="E-ops-no-key-in-file"):
        InstallOperation(ctx).plan(Bundle(bundle.leaf, bundle.chain), [fake("ff")], "c.cer")


def test_locked_store_blocks_the_plan(ctx: OpContext, pki: TestPKI) -> None:
    firefox = fake("firefox")
    firefox.reason = CertassistError("E-firefox-running", profile="default")
    plan = InstallOperation(ctx).plan(pki.issue("other"), [firefox], "x")
    assert [b.message_id for b in plan.blockers] == ["E-firefox-running"]

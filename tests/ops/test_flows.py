"""The flow registry and the one audited execute (both faces: tests/gui/test_flow_parity)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, StoreKind
from certassist.ops.audit import AuditLog
from certassist.ops.base import Confirm, OpContext, Outcome
from certassist.ops.files import TRANSFER_SUFFIX
from certassist.ops.flows import Choice, FlowId, operation_flow
from certassist.ops.install import open_certificate_file
from certassist.ops.transfer import TransferInPlan
from tests.ops.conftest import ANNA, GOOD_PASSWORD, YES, fake, holder_yes
from tests.pki import TestPKI, pfx


def test_every_operation_flow_is_found_by_its_id() -> None:
    for flow_id in FlowId:
        if flow_id in (FlowId.RENEW, FlowId.UZI_PAIR):  # not plan/execute: flows_renewal
            with pytest.raises(KeyError):
                operation_flow(flow_id)
            continue
        assert operation_flow(flow_id).id is flow_id
    assert operation_flow("spread").id is FlowId.TRANSFER  # the wizard's name for it


def _transfer_backup(ctx: OpContext, pki: TestPKI, tmp_path: Path) -> tuple[Path, Bundle, Bundle]:
    old = pki.expiring_in(20, "vecozo-personal", name=ANNA)
    new = pki.expiring_in(750, "vecozo-personal", name=ANNA)
    flow = operation_flow(FlowId.TRANSFER)
    choice = Choice(
        sources=((fake("pc1", StoreKind.FIREFOX, new), new.fingerprint),),
        folder=tmp_path / "usb",
        password=GOOD_PASSWORD,
        repeated=GOOD_PASSWORD,
    )
    (path,) = flow.execute(ctx, flow.plan(ctx, choice), YES).paths
    return Path(path), old, new


def test_restore_retires_the_old_certificate_when_the_marker_names_this_one(
    ctx: OpContext, pki: TestPKI, tmp_path: Path
) -> None:
    path, old, new = _transfer_backup(ctx, pki, tmp_path)
    pc2 = fake("pc2", StoreKind.FIREFOX, old)
    bundle = open_certificate_file(path, GOOD_PASSWORD, lambda n: None)
    restore = operation_flow(FlowId.RESTORE)
    plan = restore.plan(ctx, Choice(bundle=bundle, file=path, targets=(pc2,)))
    assert isinstance(plan, TransferInPlan) and Confirm.REPLACE_OLD in plan.needs
    result = restore.execute(ctx, plan, {**holder_yes(), Confirm.REPLACE_OLD: True})
    assert result.params["removed"] == 1
    assert [e.fingerprint for e in pc2.list()] == [new.fingerprint]


def test_a_marker_of_another_certificate_is_a_plain_restore(
    ctx: OpContext, pki: TestPKI, tmp_path: Path
) -> None:
    path, old, _ = _transfer_backup(ctx, pki, tmp_path)
    other = pki.issue("vecozo-personal", name=ANNA)
    renamed = path.with_name("ander.pfx")
    renamed.write_bytes(pfx(other, GOOD_PASSWORD))
    marker = path.with_name(path.stem + TRANSFER_SUFFIX)
    shutil.copy(marker, renamed.with_name("ander" + TRANSFER_SUFFIX))
    pc2 = fake("pc2", StoreKind.FIREFOX, old)
    bundle = open_certificate_file(renamed, GOOD_PASSWORD, lambda n: None)
    plan = operation_flow(FlowId.RESTORE).plan(
        ctx, Choice(bundle=bundle, file=renamed, targets=(pc2,))
    )
    assert not isinstance(plan, TransferInPlan)  # the stale marker retires nothing


@pytest.mark.parametrize("flow_id", [FlowId.INSTALL, FlowId.BACKUP, FlowId.COPY, FlowId.REMOVE])
def test_a_cancel_is_audited_the_same_way_by_every_operation(
    ctx: OpContext, pki: TestPKI, tmp_path: Path, flow_id: FlowId
) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    firefox = fake("firefox", StoreKind.FIREFOX, bundle)
    other = fake("other", StoreKind.FIREFOX)
    choice = {
        FlowId.INSTALL: Choice(bundle=bundle, targets=(other,)),
        FlowId.BACKUP: Choice(
            sources=((firefox, bundle.fingerprint),),
            folder=tmp_path / "usb",
            password=GOOD_PASSWORD,
            repeated=GOOD_PASSWORD,
        ),
        FlowId.COPY: Choice(sources=((firefox, bundle.fingerprint),), targets=(other,)),
        FlowId.REMOVE: Choice(sources=((firefox, bundle.fingerprint),)),
    }[flow_id]
    flow = operation_flow(flow_id)
    plan = flow.plan(ctx, choice)
    yes = {c: (ANNA if c is Confirm.HOLDER else True) for c in plan.needs}
    result = flow.execute(ctx, plan, yes, cancel=lambda: True)
    assert result.outcome is Outcome.CANCELLED and result.fingerprints == (bundle.fingerprint,)
    (record,) = AuditLog(ctx.audit.path).read()
    assert (record.outcome, record.fingerprint) == ("cancelled", bundle.fingerprint)
    assert [e.fingerprint for e in other.list()] == [] and firefox.get(bundle.fingerprint)
    assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").iterdir())


def test_a_plan_of_another_flow_is_refused(ctx: OpContext, pki: TestPKI) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    store = fake("firefox", StoreKind.FIREFOX, bundle)
    plan = operation_flow(FlowId.REMOVE).plan(ctx, Choice(sources=((store, bundle.fingerprint),)))
    with pytest.raises(TypeError):
        operation_flow(FlowId.INSTALL).execute(ctx, plan, YES)


def test_a_copy_without_a_chosen_certificate_says_so(ctx: OpContext) -> None:
    with pytest.raises(CertassistError, match="E-ops-no-source"):
        operation_flow(FlowId.COPY).plan(ctx, Choice(targets=(fake("other"),)))

"""Fault injection: every store call of every operation fails in turn, and a store that accepts
but does not keep the key. After each: every certificate that existed before is still present
with its key somewhere (a store or a backup that opens), and no half-written file is left.

`matrix()` returns the rows (operations × failure points → error id) that the note lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, CertInfo, StoreKind
from certassist.core.reading import read_certificate_file
from certassist.ops.backup import BackupOperation
from certassist.ops.base import Confirm, OpContext, Result
from certassist.ops.copy import CopyOperation
from certassist.ops.files import Encryption
from certassist.ops.install import InstallOperation
from certassist.ops.remove import RemoveOperation
from certassist.ops.restore import RestoreOperation
from certassist.ops.transfer import TransferInOperation, TransferOutOperation
from certassist.stores.fake import FakeStore
from certassist.stores.pkcs12file import write_backup
from tests.ops.conftest import ANNA, GOOD_PASSWORD, fake
from tests.pki import TestPKI

ALL_YES: dict[Confirm, str | bool] = {
    Confirm.PROCEED: True,
    Confirm.HOLDER: ANNA,
    Confirm.OLDER_BACKUP: True,
    Confirm.NO_BACKUP: True,
    Confirm.REPLACE_OLD: True,
}


class Injected(RuntimeError):
    """The failure a store raises at the chosen call."""


@dataclass
class World:
    """Two PCs' worth of stores, a backup folder, and the certificates that must survive."""

    pki: TestPKI
    folder: Path
    stores: dict[str, FakeStore] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    fail_at: int | None = None
    loose: Bundle | None = None  # a certificate that exists only as a file being installed
    meant: set[str] = field(default_factory=set)  # confirmed to go: removed / replaced

    def hook(self, store_id: str) -> Callable[[str], None]:
        def fail(verb: str) -> None:
            self.calls.append(f"{store_id}.{verb}")
            if self.fail_at is not None and len(self.calls) - 1 == self.fail_at:
                raise Injected(verb)

        return fail

    def store(self, store_id: str, kind: StoreKind, *bundles: Bundle) -> FakeStore:
        made = fake(store_id, kind, *bundles)
        made.fail = self.hook(store_id)
        self.stores[store_id] = made
        return made

    def keyed(self) -> set[str]:
        """Fingerprints present with their key in any store or in an openable backup file."""
        found: set[str] = set()
        for store in self.stores.values():
            store.fail = None
            found |= {e.fingerprint for e in store.list() if e.has_key}
        for path in self.folder.glob("*.pfx"):
            bundle = read_certificate_file(path, GOOD_PASSWORD)
            if bundle.key_matches():
                found.add(bundle.fingerprint)
        return found

    def no_half_files(self) -> None:
        if not self.folder.exists():
            return
        for path in self.folder.iterdir():
            assert not path.name.startswith("."), f"temp file left: {path.name}"
            if path.suffix == ".pfx":
                read_certificate_file(path, GOOD_PASSWORD)  # raises when half-written


Scenario = Callable[[World, OpContext], Result]


def _no_disk(folder: Path) -> bool:
    return False


def quick_writer(
    folder: Path, bundle: Bundle, password: str, enc: Encryption, stem: str, info: CertInfo
) -> Path:
    """The real writer with fewer KDF rounds: the matrix writes dozens of backups."""
    return write_backup(
        folder, bundle, password, enc, stem, classification=info.classification, kdf_rounds=2000
    )


def install(w: World, ctx: OpContext) -> Result:
    windows = w.store("windows", StoreKind.WINDOWS_USER, w.pki.issue("other"))
    firefox = w.store("firefox", StoreKind.FIREFOX, w.pki.issue("other"))
    w.loose = w.pki.issue("vecozo-personal", name=ANNA)
    op = InstallOperation(ctx)
    return op.execute(op.plan(w.loose, [windows, firefox], "anna.pfx"), ALL_YES)


def backup(w: World, ctx: OpContext) -> Result:
    store = w.store("windows", StoreKind.WINDOWS_USER, w.pki.issue("other"), w.pki.issue("other"))
    op = BackupOperation(ctx, writer=quick_writer, system_disk=_no_disk)
    return op.execute(op.plan([(store, None)], w.folder, GOOD_PASSWORD, GOOD_PASSWORD), ALL_YES)


def restore(w: World, ctx: OpContext) -> Result:
    newer = w.pki.expiring_in(700, "vecozo-personal", name=ANNA)
    firefox = w.store("firefox", StoreKind.FIREFOX, newer)
    w.loose = w.pki.expiring_in(300, "vecozo-personal", name=ANNA)
    op = RestoreOperation(ctx)
    return op.execute(op.plan(w.loose, [firefox], "backup.pfx"), ALL_YES)


def _copy(move: bool) -> Scenario:
    def run(w: World, ctx: OpContext) -> Result:
        cert = w.pki.issue("vecozo-personal", name=ANNA)
        windows = w.store("windows", StoreKind.WINDOWS_USER, cert)
        firefox = w.store("firefox", StoreKind.FIREFOX, w.pki.issue("other"))
        other = w.store("firefox2", StoreKind.FIREFOX)
        op = CopyOperation(ctx)
        plan = op.plan(windows, cert.fingerprint, [firefox, other], move=move)
        return op.execute(plan, ALL_YES)

    return run


def remove(w: World, ctx: OpContext) -> Result:
    cert = w.pki.issue("other")
    windows = w.store("windows", StoreKind.WINDOWS_USER, cert)
    w.meant = {cert.fingerprint}
    op = RemoveOperation(ctx)
    return op.execute(op.plan(windows, cert.fingerprint), ALL_YES)


def transfer_out(w: World, ctx: OpContext) -> Result:
    cert = w.pki.issue("vecozo-personal", name=ANNA)
    firefox = w.store("firefox", StoreKind.FIREFOX, cert)
    op = TransferOutOperation(ctx, writer=quick_writer, system_disk=_no_disk)
    plan = op.plan_transfer(firefox, cert.fingerprint, w.folder, GOOD_PASSWORD, GOOD_PASSWORD)
    return op.execute(plan, ALL_YES)


def transfer_in(w: World, ctx: OpContext) -> Result:
    old = w.pki.expiring_in(20, "vecozo-personal", name=ANNA)
    windows = w.store("windows", StoreKind.WINDOWS_USER, old)
    firefox = w.store("firefox", StoreKind.FIREFOX, old)
    w.loose = w.pki.expiring_in(750, "vecozo-personal", name=ANNA)
    w.meant = {old.fingerprint}
    op = TransferInOperation(ctx)
    return op.execute(op.plan_transfer(w.loose, [windows, firefox], "usb"), ALL_YES)


SCENARIOS: dict[str, Scenario] = {
    "install": install,
    "backup": backup,
    "restore": restore,
    "copy": _copy(False),
    "move": _copy(True),
    "remove": remove,
    "transfer-out": transfer_out,
    "transfer-in": transfer_in,
}


def _run(
    pki: TestPKI, tmp: Path, ctx: OpContext, name: str, fail_at: int | None, drop: str | None
) -> tuple[World, str]:
    world = World(pki, tmp / "usb")
    world.folder.mkdir(parents=True)
    scenario = SCENARIOS[name]
    # Build the stores first (the scenario does it), so record what existed before.
    outcome = "ok"
    before: set[str] = set()

    original_store = world.store

    def store(store_id: str, kind: StoreKind, *bundles: Bundle) -> FakeStore:
        made = original_store(store_id, kind, *bundles)
        before.update(b.fingerprint for b in bundles if b.has_key)
        if store_id == drop:
            made.drop_keys = True
        return made

    world.store = store  # type: ignore[method-assign]
    world.fail_at = fail_at
    try:
        scenario(world, ctx)
    except CertassistError as error:
        outcome = error.message_id
    world.fail_at = None
    after = world.keyed()
    lost = before - after - world.meant  # removing those was the point, and confirmed
    assert not lost, f"{name}: fail_at={fail_at} drop={drop} lost {lost} ({outcome})"
    if world.meant - after and world.loose is not None:
        # The old certificate went only because its replacement is there, with its key.
        assert world.loose.fingerprint in after, f"{name}: old removed, new missing"
    world.no_half_files()
    return world, outcome


def matrix(pki: TestPKI, tmp: Path, ctx_for: Callable[[Path], OpContext], name: str) -> list[str]:
    """One row per failure point: 'store.verb → outcome'."""
    dry, outcome = _run(pki, tmp / "dry", ctx_for(tmp / "dry"), name, None, None)
    assert outcome == "ok", f"{name} fails without faults: {outcome}"
    rows: list[str] = []
    for index, call in enumerate(dry.calls):
        where = tmp / f"f{index}"
        world, result = _run(pki, where, ctx_for(where), name, index, None)
        rows.append(f"{call} raises → {result}")
    for store_id in sorted(dry.stores):
        where = tmp / f"d{store_id}"
        world, result = _run(pki, where, ctx_for(where), name, None, store_id)
        rows.append(f"{store_id} drops keys → {result}")
    return rows


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_store_call_failing_loses_nothing(
    name: str, pki: TestPKI, tmp_path: Path, make_ctx: Callable[..., OpContext]
) -> None:
    from certassist.ops.audit import AuditLog

    def ctx_for(where: Path) -> OpContext:
        ctx = make_ctx()
        ctx.audit = AuditLog(where / "audit.jsonl")
        return ctx

    rows = matrix(pki, tmp_path, ctx_for, name)
    assert rows  # every operation touches at least one store
    injected = [r for r in rows if "raises" in r]
    # A failing store call is never swallowed: the user gets an error id, not a false "done".
    assert [r for r in injected if r.endswith("→ ok")] == []

"""Back up (export) one or all certificates with their keys to password-protected PKCS#12 (R9).

Success is shown only after the written file was opened again with the password and holds
the same certificate with a matching key. A failed write leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from certassist.core.errors import CertassistError, StoreError
from certassist.core.models import Action, CertInfo, StoreKind, StoreTarget
from certassist.ops.base import (
    AuditedOperation,
    Confirm,
    Confirmations,
    Notice,
    OpContext,
    Outcome,
    Plan,
    Result,
    Steps,
    Trail,
)
from certassist.ops.common import audit, evaluate, guarded
from certassist.ops.disk import on_system_disk
from certassist.ops.files import (
    BackupWriter,
    BundleReader,
    Encryption,
    backup_stem,
    default_reader,
    default_writer,
    no_leftovers,
    os_cause,
    os_error,
    verify_backup,
)
from certassist.ops.passwords import check_new_password
from certassist.ops.placing import store_notices
from certassist.stores.base import CertStore

BACKUP_TARGET = StoreTarget(StoreKind.PKCS12_FOLDER)


@dataclass(frozen=True)
class BackupItem:
    store: CertStore = field(compare=False)
    info: CertInfo


@dataclass(frozen=True)
class BackupPlan(Plan):
    folder: Path = Path()
    encryption: Encryption = "aes"
    items: tuple[BackupItem, ...] = ()
    password: str = field(default="", repr=False)
    transfer: bool = False  # a backup to bring a renewed certificate to the other PCs


def folder_is_new(folder: Path) -> bool:
    """True when `folder` must still be made; the user confirms that first (R9): the path of a
    USB stick that is not plugged in would otherwise become a folder on this PC's own disk.
    A folder whose parent is missing too (no stick at all) is refused."""
    if folder.is_dir():
        return False
    if folder.exists() or not folder.parent.is_dir():
        raise CertassistError("E-ops-backup-folder-missing", folder=str(folder))
    return True


class BackupOperation(AuditedOperation[BackupPlan]):
    def __init__(
        self,
        ctx: OpContext,
        writer: BackupWriter = default_writer,
        reader: BundleReader = default_reader,
        system_disk: Callable[[Path], bool] = on_system_disk,
    ) -> None:
        self.ctx = ctx
        self.writer = writer
        self.reader = reader
        self.system_disk = system_disk

    def plan(
        self,
        sources: Sequence[tuple[CertStore, str | None]],
        folder: Path,
        password: str,
        repeated: str | None,
        encryption: Encryption = "aes",
        transfer: bool = False,
    ) -> BackupPlan:
        """`sources`: (store, fingerprint) pairs; fingerprint None means every certificate
        with a key in that store ("back up all")."""
        if encryption not in ("aes", "3des"):
            raise CertassistError("E-ops-backup-encryption", encryption=encryption)
        items: list[BackupItem] = []
        warnings: list[Notice] = []
        blockers: list[Notice] = []
        rules: set[str] = set()
        for store, fingerprint in sources:
            if not store.available:
                raise store.unavailable_reason or StoreError(
                    "E-ops-store-unavailable", store=store.label
                )
            with guarded(store):
                entries = store.list()
            warnings += store_notices([store])  # e.g. a database repaired on reading it
            if fingerprint is not None:
                entries = [e for e in entries if e.fingerprint == fingerprint.upper()]
                if not entries:
                    raise CertassistError(
                        "E-store-not-found", store=store.label, fingerprint=fingerprint
                    )
                if not entries[0].has_key:
                    raise CertassistError("E-store-no-key", store=store.label)
            for entry in entries:
                if not entry.has_key:
                    continue  # "all": only certificates that can be restored from a backup
                info = self.ctx.describe(entry.certificate)
                if any(i.info.fingerprint == info.fingerprint for i in items):
                    continue
                found = evaluate(self.ctx, info, Action.BACKUP, BACKUP_TARGET)
                blockers += found.blockers
                warnings += found.warnings
                rules.update(found.rule_ids)
                items.append(BackupItem(store, info))
        if not items:
            raise CertassistError("E-ops-backup-nothing")
        for item in items:
            check_new_password(password, repeated, item.info.holder)
        if self.system_disk(folder):
            warnings.append(Notice("W-ops-backup-same-disk", {"folder": str(folder)}, "R9"))
        infos = tuple(i.info for i in items)
        return BackupPlan(
            action=Action.BACKUP,
            certificates=infos,
            source=", ".join(sorted({i.store.label for i in items})),
            targets=(str(folder),),
            steps=tuple(
                Notice("S-ops-backup-one", {"holder": i.holder or i.subject}) for i in infos
            ),
            blockers=tuple(blockers),
            warnings=tuple(warnings),
            needs=frozenset({Confirm.PROCEED}),
            rule_ids=tuple(sorted(rules)),
            folder=folder,
            encryption=encryption,
            items=tuple(items),
            password=password,
            transfer=transfer,
        )

    def _trail(self, plan: BackupPlan) -> Trail:
        what = "backup-transfer" if plan.transfer else "backup"
        return Trail(what, None, target=str(plan.folder), rules=plan.rule_ids)

    def _run(
        self, plan: BackupPlan, confirmations: Confirmations, steps: Steps, trail: Trail
    ) -> Result:
        steps.total = 3 * len(plan.items) + 1
        for item in plan.items:
            trail.info, trail.source = item.info, item.store.store_id
            path = self._one(plan, item, steps)
            trail.paths.append(str(path))
            # R9: verified, so remembered where it was made (the stick may be gone tomorrow)
            self.ctx.records.backups.record(item.info.fingerprint, path, self.ctx.today())
            audit(
                self.ctx, trail.what, Outcome.DONE, item.info, source=item.store.store_id,
                target=str(path), rules=plan.rule_ids, message_id="I-ops-backup-done",
            )  # fmt: skip
        written = trail.paths
        steps.finish("P-ops-done")
        return Result(
            Outcome.DONE,
            "I-ops-backup-done",
            {"count": len(written), "folder": str(plan.folder)},
            notices=plan.warnings,
            fingerprints=tuple(i.info.fingerprint for i in plan.items),
            paths=tuple(written),
        )

    def _one(self, plan: BackupPlan, item: BackupItem, steps: Steps) -> Path:
        steps.next("P-ops-export")
        with guarded(item.store):
            bundle = item.store.export(item.info.fingerprint)
        if not bundle.key_matches():
            raise CertassistError("E-store-no-key", store=item.store.label)
        steps.next("P-ops-write-backup")
        try:
            plan.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise os_error(error, plan.folder) from error
        stem = backup_stem(item.info, plan.folder, plan.transfer)
        with no_leftovers(plan.folder):
            try:
                path = self.writer(
                    plan.folder, bundle, plan.password, plan.encryption, stem, item.info
                )
            except (OSError, CertassistError) as error:
                cause = os_cause(error)
                if cause is None:
                    raise
                raise os_error(cause, plan.folder) from error
            steps.next("P-ops-verify-backup")
            verify_backup(path, plan.password, item.info.fingerprint, self.reader)
        return path

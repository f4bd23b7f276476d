"""Remove a certificate from a store — only with a verified backup, or an explicit yes.

A certificate installs only once (R9). Removing the last copy of a valid one means a new
request and days without VECOZO, so either a backup file that opens with its password and
holds this very certificate with its key is named, or the user confirms that it is expired
or no longer needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from certassist.core.errors import CertassistError, StoreError
from certassist.core.models import Action
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
from certassist.ops.common import audit, guarded
from certassist.ops.files import BundleReader, default_reader, verify_backup
from certassist.ops.placing import store_notices
from certassist.stores.base import CertStore


def proof_of_backup(path: Path, password: str, fingerprint: str, reader: BundleReader) -> None:
    """The named backup opens with its password and holds this certificate with its key; said
    in the words of a removal (nothing was written or removed), not of a backup just made."""
    try:
        verify_backup(path, password, fingerprint, reader)
    except CertassistError as error:
        reason = str(error.params.get("reason", ""))  # the reader's message id, or what differs
        if reason == "E-read-wrong-password":
            raise CertassistError("E-ops-remove-backup-password", file=path.name) from error
        raise CertassistError("E-ops-remove-backup-other", file=path.name, reason=reason) from error


@dataclass(frozen=True)
class RemovePlan(Plan):
    store: CertStore | None = field(default=None, compare=False)
    backup: Path | None = None
    backup_password: str | None = field(default=None, repr=False)


class RemoveOperation(AuditedOperation[RemovePlan]):
    def __init__(self, ctx: OpContext, reader: BundleReader = default_reader) -> None:
        self.ctx = ctx
        self.reader = reader

    def plan(
        self,
        store: CertStore,
        fingerprint: str,
        backup: Path | None = None,
        backup_password: str | None = None,
    ) -> RemovePlan:
        if not store.available:
            raise store.unavailable_reason or StoreError(
                "E-ops-store-unavailable", store=store.label
            )
        with guarded(store):
            entry = store.get(fingerprint)
        if entry is None:
            raise CertassistError("E-store-not-found", store=store.label, fingerprint=fingerprint)
        info = self.ctx.describe(entry.certificate)
        warnings: list[Notice] = list(store_notices([store]))  # e.g. a repaired database
        needs = {Confirm.PROCEED}
        recorded = self.ctx.records.backups.get(info.fingerprint) if backup is None else None
        if backup is not None:
            proof_of_backup(backup, backup_password or "", info.fingerprint, self.reader)
        elif entry.has_key and recorded is not None:
            # R9: a backup was verified when it was written; the stick need not be here now
            warnings.append(
                Notice(
                    "I-ops-remove-backup-recorded",
                    {
                        "medium_kind": recorded.medium.kind,
                        "medium_name": recorded.medium.name,
                        "date": recorded.made_on.isoformat(),
                        "file": recorded.file,
                    },
                    "R9",
                )
            )
        elif entry.has_key:
            needs.add(Confirm.NO_BACKUP)
            expired = info.expiry_date < self.ctx.today()
            warnings.append(
                Notice(
                    "W-ops-remove-expired" if expired else "W-ops-remove-no-backup",
                    {"expiry": info.expiry_date.isoformat(), "store": store.label},
                    "R9",
                )
            )
        return RemovePlan(
            action=Action.REMOVE,
            certificates=(info,),
            source=store.label,
            targets=(),
            steps=(Notice("S-ops-remove", {"store": store.label}),),
            warnings=tuple(warnings),
            needs=frozenset(needs),
            rule_ids=("R9",) if entry.has_key else (),
            store=store,
            backup=backup,
            backup_password=backup_password,
        )

    def _trail(self, plan: RemovePlan) -> Trail:
        assert plan.store is not None
        return Trail("remove", plan.certificates[0], plan.store.store_id, rules=plan.rule_ids)

    def _run(
        self, plan: RemovePlan, confirmations: Confirmations, steps: Steps, trail: Trail
    ) -> Result:
        store = plan.store
        assert store is not None
        info = plan.certificates[0]
        steps.total = 3
        if plan.backup is not None:
            steps.next("P-ops-verify-backup")
            # Again, right before removing: the file may have been moved since the plan.
            proof_of_backup(plan.backup, plan.backup_password or "", info.fingerprint, self.reader)
        else:
            steps.next("P-ops-check")
        steps.next("P-ops-remove")
        with guarded(store):
            store.remove(info.fingerprint)
            gone = store.get(info.fingerprint) is None
        if not gone:
            raise StoreError("E-ops-remove-still-there", store=store.label)
        audit(
            self.ctx, "remove", Outcome.DONE, info, source=store.store_id,
            target=str(plan.backup or ""), rules=plan.rule_ids, message_id="I-ops-remove-done",
        )  # fmt: skip
        steps.finish("P-ops-done")
        return Result(
            Outcome.DONE,
            "I-ops-remove-done",
            {"store": store.label},
            fingerprints=(info.fingerprint,),
        )

"""Bring a renewed certificate to the practice's other PCs (R9: renew on one, copy via backup).

On the PC where it was renewed: a backup marked for this purpose (a small marker file next to
it says which certificate it replaces; no secrets). On each other PC: a restore that adds the
new certificate, verifies it, and only then removes the old one from that store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from certassist.core.errors import CertassistError
from certassist.core.models import Action, Bundle, CertInfo
from certassist.ops.backup import BackupOperation, BackupPlan
from certassist.ops.base import (
    Confirm,
    Confirmations,
    Notice,
    Outcome,
    Result,
    Steps,
    Trail,
)
from certassist.ops.common import audit, drop_keyless_copy, guarded, is_predecessor
from certassist.ops.files import Encryption, read_transfer_marker, write_transfer_marker
from certassist.ops.install import PlacePlan
from certassist.ops.restore import RestoreOperation
from certassist.stores.base import CertStore, verify_present

PURPOSE = "transfer-after-renewal"


class TransferOutOperation(BackupOperation):
    """Step 1, on the PC where the certificate was renewed."""

    def plan_transfer(
        self,
        store: CertStore,
        fingerprint: str,
        folder: Path,
        password: str,
        repeated: str | None,
        encryption: Encryption = "aes",
    ) -> BackupPlan:
        return self.plan([(store, fingerprint)], folder, password, repeated, encryption, True)

    def _run(
        self, plan: BackupPlan, confirmations: Confirmations, steps: Steps, trail: Trail
    ) -> Result:
        result = super()._run(plan, confirmations, steps, trail)
        for path, item in zip(result.paths, plan.items, strict=True):
            info = item.info
            write_transfer_marker(
                Path(path),
                {
                    "purpose": PURPOSE,
                    "fingerprint": info.fingerprint,
                    "kind": info.kind.value,
                    "holder": info.holder or "",
                    "expiry": info.expiry_date.isoformat(),
                },
            )
        return Result(
            Outcome.DONE,
            "I-ops-transfer-backup-done",
            result.params,
            notices=result.notices,
            fingerprints=result.fingerprints,
            paths=result.paths,
        )


def is_transfer_backup(path: Path) -> bool:
    marker = read_transfer_marker(path)
    return bool(marker and marker.get("purpose") == PURPOSE)


@dataclass(frozen=True)
class Replacement:
    store: CertStore = field(compare=False)
    old: CertInfo


@dataclass(frozen=True)
class TransferInPlan(PlacePlan):
    replacements: tuple[Replacement, ...] = ()


class TransferInOperation(RestoreOperation):
    """Step 2, on every other PC: restore the new one, then retire the old one per store."""

    what = "transfer-restore"
    done_message = "I-ops-transfer-done"

    def plan_transfer(
        self, bundle: Bundle, stores: Sequence[CertStore], source: str
    ) -> TransferInPlan:
        base = self.plan(bundle, stores, source)
        info = base.certificates[0]
        replacements: list[Replacement] = []
        for placement in base.placements:
            with guarded(placement.store):
                entries = placement.store.list()
            for entry in entries:
                old = self.ctx.describe(entry.certificate)
                if is_predecessor(old, info):
                    replacements.append(Replacement(placement.store, old))
        steps = base.steps + tuple(
            Notice(
                "S-ops-replace-old",
                {"store": r.store.label, "expiry": r.old.expiry_date.isoformat()},
            )
            for r in replacements
        )
        needs = base.needs | ({Confirm.REPLACE_OLD} if replacements else frozenset())
        return TransferInPlan(
            action=Action.RESTORE,
            certificates=base.certificates,
            source=base.source,
            targets=base.targets,
            steps=steps,
            blockers=base.blockers,
            warnings=base.warnings,
            needs=needs,
            rule_ids=base.rule_ids,
            bundle=base.bundle,
            placements=base.placements,
            replacements=tuple(replacements),
        )

    def _run(
        self, plan: PlacePlan, confirmations: Confirmations, steps: Steps, trail: Trail
    ) -> Result:
        result = super()._run(plan, confirmations, steps, trail)
        if not isinstance(plan, TransferInPlan) or not plan.replacements:
            # Nothing old here to retire: the message still says how many ("0"), never "{removed}".
            return dataclasses.replace(result, params={**result.params, "removed": 0})
        info = plan.certificates[0]
        trail.cancelled_message = "I-ops-transfer-old-kept"  # the new one is in; the old stays
        steps.total = steps.done + len(plan.replacements)
        for replacement in plan.replacements:
            steps.next("P-ops-replace-old")
            self._retire(replacement, info)
        return Result(
            result.outcome,
            self.done_message,
            {**result.params, "removed": len(plan.replacements)},
            notices=result.notices,
            fingerprints=result.fingerprints,
            stores=result.stores,
        )

    def _retire(self, replacement: Replacement, new: CertInfo) -> None:
        """Remove the old certificate only once the new one is re-read with its key here."""
        store, old = replacement.store, replacement.old
        try:
            with guarded(store):
                try:
                    verify_present(store, new.fingerprint, need_key=True)
                except CertassistError:
                    drop_keyless_copy(store, new.fingerprint)  # it would show and not work
                    raise
                store.remove(old.fingerprint)
        except CertassistError as error:
            audit(
                self.ctx, "replace-old", Outcome.FAILED, old, source=store.store_id,
                message_id=error.message_id,
            )  # fmt: skip
            raise CertassistError(
                "E-ops-transfer-old-kept", store=store.label, reason=error.message_id
            ) from error
        audit(
            self.ctx, "replace-old", Outcome.DONE, old, source=store.store_id,
            message_id="I-ops-old-removed",
        )  # fmt: skip

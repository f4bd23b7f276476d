"""Copy or move a certificate between stores (Windows store ↔ Firefox, profile ↔ profile).

Export with key, add to every target, verify each by re-reading it, and only then — when the
user asked to move — remove the source. If that removal fails the certificate is in both
places, which loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from certassist.core.errors import CertassistError, StoreError
from certassist.core.models import Action
from certassist.ops.base import (
    AuditedOperation,
    Confirmations,
    Notice,
    OpContext,
    Outcome,
    Plan,
    Result,
    Steps,
    Trail,
)
from certassist.ops.common import audit, drop_keyless_copy, guarded
from certassist.ops.placing import (
    Placement,
    check_bundle,
    check_placements,
    run_placements,
    store_notices,
)
from certassist.stores.base import CertStore, verify_present


@dataclass(frozen=True)
class CopyPlan(Plan):
    source_store: CertStore | None = field(default=None, compare=False)
    placements: tuple[Placement, ...] = ()
    move: bool = False


class CopyOperation(AuditedOperation[CopyPlan]):
    def __init__(self, ctx: OpContext) -> None:
        self.ctx = ctx

    def plan(
        self, source: CertStore, fingerprint: str, targets: Sequence[CertStore], move: bool = False
    ) -> CopyPlan:
        if not source.available:
            raise source.unavailable_reason or StoreError(
                "E-ops-store-unavailable", store=source.label
            )
        if any(t.store_id == source.store_id for t in targets):
            raise CertassistError("E-ops-copy-same-store", store=source.label)
        with guarded(source):
            entry = source.get(fingerprint)
        if entry is None:
            raise CertassistError("E-store-not-found", store=source.label, fingerprint=fingerprint)
        if not entry.has_key:
            raise CertassistError("E-store-no-key", store=source.label)
        info = self.ctx.describe(entry.certificate)
        found = check_placements(self.ctx, info, Action.COPY, targets)
        steps = [Notice("S-ops-add", {"store": p.store.label}) for p in found.placements]
        if move:
            steps.append(Notice("S-ops-remove-source", {"store": source.label}))
        return CopyPlan(
            action=Action.COPY,
            certificates=(info,),
            source=source.label,
            targets=tuple(p.store.label for p in found.placements),
            steps=tuple(steps),
            blockers=found.blockers,
            warnings=store_notices([source]) + found.warnings,  # e.g. a repaired database
            needs=found.needs,
            rule_ids=found.rule_ids,
            source_store=source,
            placements=found.placements,
            move=move,
        )

    def _trail(self, plan: CopyPlan) -> Trail:
        assert plan.source_store is not None
        return Trail(
            "move" if plan.move else "copy",
            plan.certificates[0],
            source=plan.source_store.store_id,
            target=",".join(p.store.store_id for p in plan.placements),
            rules=plan.rule_ids,
        )

    def _run(
        self, plan: CopyPlan, confirmations: Confirmations, steps: Steps, trail: Trail
    ) -> Result:
        source = plan.source_store
        assert source is not None
        info = plan.certificates[0]
        steps.total = 2 + 2 * len(plan.placements) + (2 if plan.move else 0)
        steps.next("P-ops-export")
        with guarded(source):
            bundle = source.export(info.fingerprint)
        check_bundle(bundle)
        run_placements(
            self.ctx, trail.what, bundle, info, plan.placements, source.store_id, plan.rule_ids,
            steps,
        )  # fmt: skip
        if plan.move:
            steps.next("P-ops-remove-source")
            self._remove_source(plan, source)
        steps.finish("P-ops-done")
        stores = tuple(p.store.store_id for p in plan.placements)
        return Result(
            Outcome.DONE,
            "I-ops-move-done" if plan.move else "I-ops-copy-done",
            {"source": source.label, "stores": ", ".join(plan.targets)},
            notices=plan.warnings,
            fingerprints=(info.fingerprint,),
            stores=stores if plan.move else (source.store_id, *stores),
        )

    def _remove_source(self, plan: CopyPlan, source: CertStore) -> None:
        """Every target is re-read once more right before the source goes."""
        info = plan.certificates[0]
        for placement in plan.placements:
            try:
                with guarded(placement.store):
                    verify_present(placement.store, info.fingerprint, need_key=True)
            except CertassistError:
                if not placement.already_there:  # the source stays; our key-less copy goes
                    drop_keyless_copy(placement.store, info.fingerprint)
                raise
        try:
            with guarded(source):
                source.remove(info.fingerprint)
        except CertassistError as error:
            raise CertassistError(
                "E-ops-move-source-kept", store=source.label, reason=error.message_id
            ) from error
        audit(
            self.ctx, "move", Outcome.DONE, info, source=source.store_id,
            target=",".join(p.store.store_id for p in plan.placements),
            rules=plan.rule_ids, message_id="I-ops-source-removed",
        )  # fmt: skip

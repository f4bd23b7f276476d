"""Putting a certificate with its key into stores: what install, restore and copy share.

Per store: ask the rules (R1-R4, R6/R8, R10), add, then re-read and verify. A store that
already holds the certificate with its key is left alone ("already there").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from certassist.core.errors import CertassistError, StoreError
from certassist.core.models import Action, Bundle, CertInfo, StoreEntry
from certassist.core.rules_people import personal_needs_own_place, r4_shared_place
from certassist.ops.base import Confirm, Notice, OpContext, Steps, decisions_to_notices
from certassist.ops.common import Evaluation, audit, evaluate, guarded, place
from certassist.stores.base import CertStore, find_entry, take_notices


@dataclass(frozen=True)
class Placement:
    store: CertStore = field(compare=False)
    already_there: bool = False


@dataclass(frozen=True)
class PlacementCheck:
    placements: tuple[Placement, ...]
    blockers: tuple[Notice, ...]
    warnings: tuple[Notice, ...]
    rule_ids: tuple[str, ...]
    needs: frozenset[Confirm]


def check_bundle(bundle: Bundle) -> None:
    """Only a certificate with its own key can be used to log in (or restored later)."""
    if not bundle.has_key:
        raise CertassistError("E-ops-no-key-in-file")
    if not bundle.key_matches():
        raise CertassistError("E-ops-key-mismatch")


def allowed_stores(
    ctx: OpContext, info: CertInfo, action: Action, stores: Sequence[CertStore]
) -> list[CertStore]:
    """The stores the rules allow for this certificate (what the GUI offers, R2-R4)."""
    return [
        s for s in stores if s.available and evaluate(ctx, info, action, s.target).blockers == ()
    ]


def check_placements(
    ctx: OpContext, info: CertInfo, action: Action, stores: Sequence[CertStore]
) -> PlacementCheck:
    if not stores:
        raise CertassistError("E-ops-no-target-store")
    placements: list[Placement] = []
    blockers: list[Notice] = []
    warnings: list[Notice] = []
    rules: set[str] = set()
    needs: set[Confirm] = {Confirm.PROCEED}
    seen_warnings: set[tuple[str, str | None]] = set()
    for store in stores:
        if not store.available:
            reason = store.unavailable_reason
            blockers.append(
                Notice.of(reason or StoreError("E-ops-store-unavailable", store=store.label))
            )
            continue
        found: Evaluation = evaluate(ctx, info, action, store.target)
        blockers += found.blockers
        for w in found.warnings:
            if (w.message_id, w.rule_id) not in seen_warnings:
                seen_warnings.add((w.message_id, w.rule_id))
                warnings.append(w)
        rules.update(found.rule_ids)
        if found.needs_holder:
            needs.add(Confirm.HOLDER)
        with guarded(store):
            entries = store.list()
        warnings += store_notices([store])  # e.g. a database repaired on reading it
        entry = find_entry(entries, info.fingerprint)
        shared = _shared_place(ctx, info, action, store, entries)
        if shared:
            warnings += shared
            rules.add("R4")
            needs.add(Confirm.SHARED_PLACE)
        placements.append(Placement(store, entry is not None and entry.has_key))
    return PlacementCheck(
        tuple(placements), tuple(blockers), tuple(warnings), tuple(sorted(rules)), frozenset(needs)
    )


def store_notices(stores: Sequence[CertStore]) -> tuple[Notice, ...]:
    """What the stores did on their own (stores.base.take_notices), as the user's notices."""
    return tuple(Notice(n.message_id, dict(n.params)) for s in stores for n in take_notices(s))


def _shared_place(
    ctx: OpContext, info: CertInfo, action: Action, store: CertStore, entries: list[StoreEntry]
) -> list[Notice]:
    """R4: another person's personal certificate (with its key) already lives in this place."""
    if not personal_needs_own_place(info, action):
        return []
    there = [ctx.describe(e.certificate) for e in entries if e.has_key]
    decisions = r4_shared_place(info, action, store.label, there)
    return list(decisions_to_notices(decisions))


def run_placements(
    ctx: OpContext,
    what: str,
    bundle: Bundle,
    info: CertInfo,
    placements: Sequence[Placement],
    source: str,
    rules: tuple[str, ...],
    steps: Steps,
) -> tuple[list[str], list[str]]:
    """Add to every store in turn; returns (store ids that got it, store ids that had it)."""
    added: list[str] = []
    present: list[str] = []
    for placement in placements:
        store = placement.store
        steps.next("P-ops-add")
        try:
            _, was_added = place(store, bundle)
        except CertassistError as error:
            audit(
                ctx, what, "failed", info, source=source, target=store.store_id, rules=rules,
                message_id=error.message_id,
            )  # fmt: skip
            raise
        steps.next("P-ops-verify")
        (added if was_added else present).append(store.store_id)
        audit(
            ctx, what, "done" if was_added else "nothing-to-do", info, source=source,
            target=store.store_id, rules=rules,
            message_id="I-ops-added" if was_added else "I-ops-already-there",
        )  # fmt: skip
    return added, present

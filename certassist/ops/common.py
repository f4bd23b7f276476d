"""Building blocks the operations share: asking the rules, placing and verifying, auditing.

`place` is the heart of "lose nothing": it adds, then re-reads the store itself (not trusting
the store's own check), and only cleans up a key-less copy that it created itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, replace

from certassist.core.errors import CertassistError, NotConfirmedError, StoreError
from certassist.core.kinds import traits
from certassist.core.models import Action, Bundle, CertInfo, StoreEntry, StoreTarget
from certassist.core.rules_people import R1_ACTIONS
from certassist.ops.base import (
    Confirm,
    Confirmations,
    Notice,
    OpContext,
    Plan,
    decisions_to_notices,
    refusal_error,
    rule_ids,
)
from certassist.ops.base import audit as audit  # written once, beside the audited execute
from certassist.stores.base import CertStore, verify_present


@dataclass(frozen=True)
class Evaluation:
    blockers: tuple[Notice, ...]
    warnings: tuple[Notice, ...]
    rule_ids: tuple[str, ...]
    needs_holder: bool


def needs_holder_confirmation(ctx: OpContext, info: CertInfo, action: Action) -> bool:
    return (
        traits(info.kind).person_bound
        and action in R1_ACTIONS
        and ctx.actor.confirmed_name is None
        and bool(info.holder)
    )


def evaluate(
    ctx: OpContext, info: CertInfo, action: Action, target: StoreTarget | None
) -> Evaluation:
    """Ask the rules as if the holder confirmation will be given; the plan then asks for it."""
    actor = ctx.actor
    needs_holder = needs_holder_confirmation(ctx, info, action)
    if needs_holder:
        actor = replace(actor, confirmed_name=info.holder)
    verdict = ctx.check(info, actor, action, target, ctx.today())
    blockers = () if verdict.allowed else decisions_to_notices(verdict.refusals)
    if not verdict.allowed and not blockers:
        blockers = (Notice("E-ops-refused"),)
    warnings = decisions_to_notices(verdict.warnings)
    return Evaluation(blockers, warnings, rule_ids(verdict), needs_holder)


def check_holder(ctx: OpContext, plan: Plan, confirmations: Confirmations) -> None:
    """R1: ask the rules again with the name the user confirmed ("Ik ben <naam>")."""
    if Confirm.HOLDER not in plan.needs:
        return
    given = confirmations.get(Confirm.HOLDER)
    name = plan.holder if given is True else given
    if not isinstance(name, str) or not name.strip():
        raise NotConfirmedError("E-R1-confirm-name", holder=plan.holder or "")
    actor = replace(ctx.actor, confirmed_name=name)
    target = plan.certificates[0]
    verdict = ctx.check(target, actor, plan.action, None, ctx.today())
    if not verdict.allowed:
        raise refusal_error(decisions_to_notices(verdict.refusals))


@contextlib.contextmanager
def guarded(store: CertStore) -> Iterator[None]:
    """Any failure of a store becomes an error with an id; the user never sees a traceback."""
    try:
        yield
    except CertassistError:
        raise
    except Exception as error:
        raise StoreError(
            "E-ops-store-failed", store=store.label, reason=type(error).__name__
        ) from error


def place(store: CertStore, bundle: Bundle) -> tuple[StoreEntry, bool]:
    """Add the bundle and verify; returns (entry, added). Already there with key → not added.

    On failure, a copy without its key that this call created is removed again (it would show
    up in the browser and not work); anything that was there before is never touched.
    """
    with guarded(store):
        before = store.get(bundle.fingerprint)
    if before is not None and (before.has_key or not bundle.has_key):
        return before, False
    try:
        with guarded(store):
            store.add(bundle)
            return verify_present(store, bundle.fingerprint, bundle.has_key), True
    except Exception:
        if before is None:
            drop_keyless_copy(store, bundle.fingerprint)
        raise


def drop_keyless_copy(store: CertStore, fingerprint: str) -> None:
    """Remove a copy without its key that this operation made (call only for such a copy):
    it would show up in the browser and not work. A copy with its key is never touched."""
    with contextlib.suppress(Exception):
        leftover = store.get(fingerprint)
        if leftover is not None and not leftover.has_key:
            store.remove(fingerprint)


def same_line(old: CertInfo, new: CertInfo) -> bool:
    """Same holder/kind/environment: candidates for "older" and "newer" comparisons."""
    return (
        old.kind == new.kind
        and old.environment == new.environment
        and (old.holder or old.subject) == (new.holder or new.subject)
    )


def is_predecessor(old: CertInfo, new: CertInfo) -> bool:
    """An older certificate of the same holder/kind/environment that `new` replaces."""
    return (
        old.fingerprint != new.fingerprint and same_line(old, new) and old.not_after < new.not_after
    )

"""VECOZO renewal in the GUI: the calls into `ops.flows_renewal.VECOZO_RENEWAL` that the renew
guide and the wait page make, the same calls `certassist renew vecozo --wait` makes.

The guide plans (who, which page, which stores) and notes what the stores hold before the user
goes to VECOZO's page; the wait page polls until the new certificate appears there, then the
flow records its install date (R6) and, for an issuer certassist did not know, keeps the kind
as a local profile. No widget here; `wait_and_finish` runs in a worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from certassist.core.models import CertInfo
    from certassist.gui.context import AppContext
    from certassist.gui.flow_state import FlowState
    from certassist.ops.vecozo_flow import Finished, Guide, Snapshot

WAIT_LIMIT = 1800.0  # seconds: half an hour on VECOZO's page is plenty; then "not found (yet)"
SLICE = 0.1  # seconds between looks at the cancel button while waiting between polls


@dataclass(frozen=True)
class VecozoRun:
    """One renewal: the flow's guide, the certificate it renews, the stores' contents before."""

    guide: Guide = field(repr=False)
    previous: CertInfo = field(repr=False)
    before: Snapshot = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class VecozoOutcome:
    """What waiting gave: the recorded certificate, or nothing (cancelled or not yet there)."""

    finished: Finished | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.finished is not None

    @property
    def fingerprints(self) -> tuple[str, ...]:
        """The start page selects the new certificate after the wizard closes."""
        return (self.finished.info.fingerprint,) if self.finished is not None else ()


def plan(ctx: AppContext, state: FlowState, previous: CertInfo) -> VecozoRun:
    """The guide `certassist renew vecozo` prints, and the stores' contents right now: the user
    may complete VECOZO's page as soon as the link is on screen."""
    from certassist.gui.flow_state import op_context
    from certassist.ops.flows_renewal import VECOZO_RENEWAL

    guide = VECOZO_RENEWAL.plan(op_context(ctx, state), previous, ctx.stores)
    before = VECOZO_RENEWAL.before(guide) if guide.allowed else {}
    return VecozoRun(guide, previous, before)


def waited_places(guide: Guide) -> str:
    """Where VECOZO's page can put the certificate, as the user knows them: the browsers and
    the Windows store."""
    return ", ".join(t.label for t in guide.targets)


def refusal(run: VecozoRun, pin_at_hand: bool) -> BaseException | None:
    from certassist.ops.flows_renewal import VECOZO_RENEWAL

    return VECOZO_RENEWAL.refusal(run.guide, pin_at_hand)


def _sleep(cancelled: Callable[[], bool]) -> Callable[[float], None]:
    def sleep(seconds: float) -> None:
        end = time.monotonic() + seconds
        while not cancelled() and time.monotonic() < end:
            time.sleep(SLICE)

    return sleep


def wait_and_finish(
    ctx: AppContext, state: FlowState, cancelled: Callable[[], bool], limit: float = WAIT_LIMIT
) -> VecozoOutcome:
    """Wait for the new certificate, then record it exactly as the CLI does; cancelled or not
    found, nothing is written."""
    from certassist.gui.flow_state import op_context
    from certassist.ops.flows_renewal import VECOZO_RENEWAL

    run = state.vecozo
    assert run is not None  # the guide made it before the wait page could be reached
    found = VECOZO_RENEWAL.wait(
        run.before, run.guide, run.previous, timeout=limit, clock=time.monotonic,
        cancel=cancelled, sleep=_sleep(cancelled),
    )  # fmt: skip
    if found is None:
        return VecozoOutcome(cancelled=cancelled())
    return VecozoOutcome(
        VECOZO_RENEWAL.finish(op_context(ctx, state), found, run.guide, run.previous)
    )

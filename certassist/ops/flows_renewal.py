"""The renewal flows, once for both faces: the UZI request and pairing, the VECOZO renewal.

VECOZO renewal happens on vecozo.nl; `VECOZO_RENEWAL` is what certassist does around it, for
`certassist renew vecozo|vecozo-install` and the wizard's renew guide alike: who may do it and
where it may go (the rules), which page, then noticing the new certificate and recording it.

UZI server renewal has three moments (weeks apart): `start` a new key and request, `pair` the
issued certificate with the pending key (checks only, nothing written), `place` it. Placing is
written here and only here, in one order: first the PFX for the vendor (written, then read back
with its password: the new key now exists outside the pending folder), then the chosen stores
(through the install operation: verified, install date recorded, audited), then certassist's
own confirmation (R14), and only when that allows it is the pending key forgotten and the
renewal kept as waiting for the portal's two signs (`ops.uzi_signs`), which the user confirms.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from certassist.core.errors import CertassistError
from certassist.core.kinds import Actors, traits
from certassist.core.models import CertInfo
from certassist.core.rules import Outcome as RuleOutcome
from certassist.core.rules import Verdict
from certassist.core.settings import PendingRequest
from certassist.ops.base import Confirm, OpContext, Outcome, Progress, Result, Steps, audit
from certassist.ops.files import verify_backup
from certassist.ops.flows import IN_PROCESS, FileIO
from certassist.ops.records import default_data_dir
from certassist.ops.renew_uzi import Paired, UziRenewalFlow, install_paired
from certassist.ops.vecozo_flow import (
    Detected,
    Finished,
    Guide,
    Snapshot,
    finish,
    plan_first_install,
    plan_renewal,
    require_pin_at_hand,
    snapshot,
    wait_for_certificate,
)
from certassist.stores.base import CertStore


def default_renewals_dir() -> Path:
    """Where pending UZI renewals wait, for `certassist renew uzi` and the wizard alike."""
    return default_data_dir() / "uzi-renewals"


def uzi_renewals(folder: Path | None, today: Callable[[], date]) -> UziRenewalFlow:
    return UziRenewalFlow(folder if folder is not None else default_renewals_dir(), today=today)


@dataclass(frozen=True)
class PairTargets:
    """Where the issued certificate with its key goes: a PFX file, stores on this PC, or both."""

    stores: tuple[CertStore, ...] = ()
    pfx_folder: Path | None = None
    pfx_password: str = field(default="", repr=False)
    pfx_repeated: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PairOutcome:
    """Where the certificate verifiably is now, and R14's verdict over those places."""

    paired: Paired = field(repr=False)
    verdict: Verdict
    places: tuple[str, ...] = ()
    pfx_path: Path | None = None
    install: Result | None = None  # the install operation's result, when stores were chosen
    finished: bool = False  # the pending key and request are gone (the key lives elsewhere)


def place_paired(
    ctx: OpContext,
    renewals: UziRenewalFlow,
    paired: Paired,
    targets: PairTargets,
    io: FileIO = IN_PROCESS,
    progress: Progress | None = None,
) -> PairOutcome:
    """PFX, then stores, then the R14 confirmation, then forget the pending key (see above)."""
    steps = Steps(
        (1 if targets.pfx_folder else 0) + (1 if targets.stores else 0) + 1, progress, None
    )
    places: list[str] = []
    pfx_path: Path | None = None
    if targets.pfx_folder is not None:
        steps.next("P-uzirenew-write-pfx")
        pfx_path = renewals.write_pfx(
            paired, targets.pfx_folder, targets.pfx_password, targets.pfx_repeated, io.writer
        )
        verify_backup(pfx_path, targets.pfx_password, paired.info.fingerprint, io.reader)
        places.append(str(pfx_path))
    install: Result | None = None
    if targets.stores:
        steps.next("P-uzirenew-install")
        install, _ = install_paired(ctx, paired, targets.stores, {Confirm.PROCEED: True})
        places += [s.label for s in targets.stores if s.store_id in install.stores]
    steps.next("P-uzirenew-confirm")
    verdict = renewals.confirm(paired, places)
    finished = bool(places) and verdict.allowed
    if finished:
        renewals.finish(paired.pending.id)
        # R14: the portal confirms nothing; ask for its two signs until the user saw them
        ctx.records.uzi_signs.record_renewal(paired, ctx.today())
    return PairOutcome(paired, verdict, tuple(places), pfx_path, install, finished)


class VecozoRenewal:
    """FlowId.RENEW for a VECOZO certificate (and the first install of a requested one)."""

    def plan(self, ctx: OpContext, current: CertInfo, stores: Sequence[CertStore]) -> Guide:
        """R1/R2 who, R7 when, R3/R4 where, and VECOZO's page for this environment (R10)."""
        return plan_renewal(current, ctx.actor, stores, ctx.today())

    def plan_first_install(
        self, ctx: OpContext, request: PendingRequest, stores: Sequence[CertStore]
    ) -> Guide:
        return plan_first_install(request, ctx.actor, stores, ctx.today())

    def refusal(self, guide: Guide, pin_at_hand: bool) -> CertassistError | None:
        """Why the user cannot go on to VECOZO now (None: go ahead), in the order a user fixes
        it: the PIN for a system certificate or a first install (R2), who (R1/R2), the install
        window (R5), a store that may receive it (R3/R4)."""
        try:
            if traits(guide.kind).actors is Actors.CONTACT_PERSON or guide.window is not None:
                require_pin_at_hand(pin_at_hand)
        except CertassistError as error:
            return error
        if not guide.who.allowed:
            return guide.who.refusals[0].to_error()
        if guide.window is not None and guide.window.outcome is RuleOutcome.REFUSE:
            return guide.window.to_error()
        if not guide.targets:
            return CertassistError("E-vecozo-no-target")
        return None

    def before(self, guide: Guide) -> Snapshot:
        """What the target stores hold before the user goes to VECOZO's page."""
        return snapshot(guide.targets)

    def wait(
        self,
        before: Snapshot,
        guide: Guide,
        previous: CertInfo | None,
        timeout: float,
        clock: Callable[[], float],
        cancel: Callable[[], bool] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> Detected | None:
        """Poll the guide's stores; `sleep` lets a window wake early when the user cancels."""
        return wait_for_certificate(
            before, list(guide.targets), guide, previous, timeout=timeout, clock=clock,
            cancel=cancel, sleep=sleep or time.sleep,
        )  # fmt: skip

    def finish(
        self, ctx: OpContext, found: Detected, guide: Guide, previous: CertInfo | None
    ) -> Finished:
        """Install date recorded (R6) in the same records as every install, and in the audit
        log like every install; backup next (R9)."""
        done = finish(found, guide, ctx.records, ctx.today(), previous)
        audit(
            ctx, guide.action.value, Outcome.DONE, done.info, target=found.store.store_id,
            rules=("R6",), message_id="I-vecozo-detected",
        )  # fmt: skip
        return done


VECOZO_RENEWAL = VecozoRenewal()

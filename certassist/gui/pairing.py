"""UZI pairing in the GUI: the calls into `ops.renew_uzi` that the `pair_*` pages make.

No widget here; every function runs in a worker. The checks themselves (key match, UZI server
CA, subscriber number R13, environment R10, validity R6, newer than the old one) are the
renewal core's `UziRenewalFlow.pair`, and placing the result (PFX, stores, R14, clean-up) is
`ops.flows_renewal.place_paired`, which `certassist renew uzi pair` runs too; this module only
says which rule a refusal belongs to, so the check page can explain it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from certassist.gui.context import AppContext

if TYPE_CHECKING:
    from certassist.gui.flow_state import FlowState
    from certassist.ops.base import Cancel, Progress
    from certassist.ops.flows_renewal import PairOutcome
    from certassist.ops.renew_uzi import Paired, PendingRenewal, UziRenewalFlow

# A refusal of `pair` -> the rule that explains it (None: no rule, a plain mismatch).
REFUSAL_RULES: dict[str, str | None] = {
    "E-uzirenew-subscriber-changed": "R13",
    "E-uzirenew-subscriber-mismatch": "R13",
    "E-uzirenew-issued-expired": "R6",
    "E-uzirenew-environment": "R10",
    "E-uzirenew-not-newer": "R14",
    "E-uzirenew-foreign-certificate": None,
    "E-uzirenew-not-uzi-server": None,
    "E-csr-key-password": None,
}


def refusal_rule(error: BaseException) -> str | None:
    return REFUSAL_RULES.get(str(getattr(error, "message_id", "")))


def renewal_flow(ctx: AppContext) -> UziRenewalFlow:
    from certassist.ops.flows_renewal import uzi_renewals

    return uzi_renewals(ctx.renewal_folder(), ctx.today)


def pending_renewals(ctx: AppContext) -> list[PendingRenewal]:
    return list(renewal_flow(ctx).pending())


def pair(ctx: AppContext, pending_id: str, issued: Path, password: str | None) -> Paired:
    """The issued certificate (PEM/DER/P7B) with the pending key, checked; nothing written."""
    return renewal_flow(ctx).pair(pending_id, issued, password, ctx.settings().facts())


def execute_pairing(
    ctx: AppContext, state: FlowState, report: Progress, cancelled: Cancel
) -> PairOutcome:
    """What the pages chose, handed to the one placing flow the CLI runs too."""
    from certassist.core.errors import CertassistError
    from certassist.gui.flow_state import file_io, op_context
    from certassist.ops.flows_renewal import PairTargets, place_paired

    if state.paired is None:
        raise CertassistError("E-ops-password-not-given")
    targets = PairTargets(
        stores=tuple(ctx.store(s) for s in state.targets),
        pfx_folder=state.folder,
        pfx_password=state.password,
        pfx_repeated=state.repeated,
    )
    return place_paired(
        op_context(ctx, state), renewal_flow(ctx), state.paired, targets, file_io(), report
    )

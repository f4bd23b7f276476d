"""UZI pairing in the GUI: the calls into `ops.renew_uzi` that the `pair_*` pages make.

No widget here; every function runs in a worker. The checks themselves (key match, UZI server
CA, subscriber number R13, environment R10, validity R6, newer than the old one) are the
renewal core's `UziRenewalFlow.pair`; this module only says which rule a refusal belongs to,
so the check page can explain it, and runs install / PFX / confirmation in the right order:
nothing is forgotten (`finish`) before the certificate with its key is verified elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from certassist.gui.context import AppContext

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


def renewal_flow(ctx: AppContext) -> Any:
    from certassist.ops.renew_uzi import UziRenewalFlow

    return UziRenewalFlow(ctx.renewal_folder(), today=ctx.today)


def pending_renewals(ctx: AppContext) -> list[Any]:
    return list(renewal_flow(ctx).pending())


def pair(ctx: AppContext, pending_id: str, issued: Path, password: str | None) -> Any:
    """The issued certificate (PEM/DER/P7B) with the pending key, checked; nothing written."""
    return renewal_flow(ctx).pair(pending_id, issued, password, ctx.settings().facts())


@dataclass
class PairOutcome:
    """What the result page shows: where the certificate now is, and R14's verdict."""

    places: list[str] = field(default_factory=list)
    pfx_path: Path | None = None
    verdict: Any = None
    install: Any = None  # the install operation's Result, when stores were chosen
    paired: Any = field(default=None, repr=False)


def execute_pairing(
    ctx: AppContext,
    state: Any,
    report: Callable[[int, int, str], None],
    cancelled: Callable[[], bool],
) -> PairOutcome:
    """Install into the chosen stores and/or write the PFX, then confirm (R14) and clean up."""
    from certassist.core.errors import CertassistError
    from certassist.ops.base import Confirm
    from certassist.ops.renew_uzi import confirm_paired, install_paired

    paired = state.paired
    if paired is None:
        raise CertassistError("E-uzirenew-password-needed", host="?")
    outcome = PairOutcome(paired=paired)
    total = len(state.targets) + (1 if state.folder else 0) + 1
    done = 0
    if state.targets:
        from certassist.gui.flow_state import op_context

        report(done, total, "I-gui-pair-installing")
        stores = [ctx.store(s) for s in state.targets]
        result, _ = install_paired(op_context(ctx, state), paired, stores, {Confirm.PROCEED: True})
        outcome.install = result
        outcome.places += [s.label for s in stores if s.store_id in result.stores]
        done += len(state.targets)
    if state.folder is not None:
        report(done, total, "I-gui-pair-writing-pfx")
        outcome.pfx_path = write_pfx(paired, state.folder, state.password, state.repeated)
        outcome.places.append(str(outcome.pfx_path))
        done += 1
    report(done, total, "I-gui-pair-confirming")
    verdict = confirm_paired(paired, outcome.places, ctx.today())
    outcome.verdict = verdict
    if outcome.places and verdict.allowed:
        renewal_flow(ctx).finish(paired.pending.id)  # the key now lives in a store / the PFX
    report(total, total, "I-gui-pair-confirming")
    return outcome


def write_pfx(paired: Any, folder: Path, password: str, repeated: str) -> Path:
    """Like `UziRenewalFlow.write_pfx`, but the PKCS#12 encryption runs in the helper process
    (`gui.offload`): `cryptography` holds the GIL for its 600,000 PBKDF2 rounds."""
    from certassist.gui.offload import offloaded_writer
    from certassist.ops.files import backup_stem
    from certassist.ops.passwords import check_new_password

    check_new_password(password, repeated, None)
    folder.mkdir(parents=True, exist_ok=True)
    stem = backup_stem(paired.info, folder)
    return offloaded_writer(folder, paired.bundle, password, "aes", stem, paired.info)

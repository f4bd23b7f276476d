"""What one wizard run collects from its pages, and how it asks the operations.

The pages fill a `FlowState`; `plan_for` and `execute_for` (run in a worker, never on the GUI
thread) hand it, as a `Choice`, to the flow in `certassist.ops.flows` that the CLI runs too.
No rule and no step is decided here: the flows decide, and the pages show their answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from certassist.core.models import Actor, Bundle
from certassist.gui.context import AppContext
from certassist.ops.flows_ids import FlowId
from certassist.ops.overview import CertificateGroup, Overview

if TYPE_CHECKING:
    from certassist.gui.vecozo_renewal import VecozoOutcome, VecozoRun
    from certassist.ops.base import Cancel, Confirm, OpContext, Plan, Progress, Result
    from certassist.ops.flows import Choice, FileIO
    from certassist.ops.flows_renewal import PairOutcome
    from certassist.ops.renew_uzi import Paired

# The pages each flow walks through, in order (module names under certassist/gui/pages).
# What each flow does is in certassist.ops.flows; here only which pages collect its input.
FLOW_PAGES: dict[FlowId, tuple[str, ...]] = {
    FlowId.INSTALL: ("who", "choose_file", "choose_target", "check", "run", "result"),
    FlowId.RESTORE: ("who", "choose_file", "choose_target", "check", "run", "result"),
    FlowId.BACKUP: ("who", "choose_certificate", "backup_target", "check", "run", "result"),
    FlowId.TRANSFER: ("who", "choose_certificate", "backup_target", "check", "run", "result"),
    FlowId.COPY: ("who", "choose_certificate", "choose_target", "check", "run", "result"),
    FlowId.REMOVE: ("who", "choose_certificate", "remove_backup", "check", "run", "result"),
    # Renewal: UZI goes on to the request; VECOZO to waiting for the new certificate (R6).
    FlowId.RENEW: (
        "who",
        "choose_certificate",
        "renew_guide",
        "uzi_request",
        "vecozo_wait",
        "vecozo_result",
    ),  # fmt: skip
    # UZI server renewal, step 2: the issued certificate arrives weeks after the request (R11).
    FlowId.UZI_PAIR: ("pair_file", "pair_check", "pair_target", "run", "pair_result"),
}


@dataclass
class FlowState:
    flow: FlowId
    preselected: str | None = None  # fingerprint chosen on the start page
    overview: Overview | None = None
    confirmed_name: str = ""
    contact_person: bool = False
    groups: list[CertificateGroup] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (store id, fingerprint)
    file_path: Path | None = None
    bundle: Bundle | None = field(default=None, repr=False)
    targets: list[str] = field(default_factory=list)  # store ids
    folder: Path | None = None
    password: str = field(default="", repr=False)
    repeated: str = field(default="", repr=False)
    confirmations: dict[Confirm, str | bool] = field(default_factory=dict)
    plan: Plan | None = None
    result: Result | PairOutcome | VecozoOutcome | None = None
    pending_id: str = ""  # UZI pairing: the pending renewal (ops.renew_uzi)
    key_password: str = field(default="", repr=False)  # of the pending key; None-like when ""
    paired: Paired | None = field(default=None, repr=False)  # holds the new key
    vecozo: VecozoRun | None = None  # VECOZO renewal: the guide and the stores before
    pin_at_hand: bool = False  # R2: only a yes/no, the PIN itself never reaches certassist
    move: bool = False  # copy: remove the source once every target is verified
    backup_file: Path | None = None  # remove: the backup that proves one exists (R9)
    backup_password: str = field(default="", repr=False)

    def clear_secrets(self) -> None:
        """Called when the wizard closes: no password outlives its page."""
        self.password = ""
        self.repeated = ""
        self.bundle = None
        self.plan = None
        self.key_password = ""
        self.paired = None
        self.backup_password = ""

    def actor(self, ctx: AppContext) -> Actor:
        return ctx.actor(self.confirmed_name.strip() or None, self.contact_person)


def op_context(ctx: AppContext, state: FlowState) -> OpContext:
    return ctx.op_context(state.actor(ctx))


def file_io() -> FileIO:
    """Backup files are written and read back in the helper process (gui.offload)."""
    from certassist.gui.offload import offloaded_reader, offloaded_writer
    from certassist.ops.flows import FileIO

    return FileIO(writer=offloaded_writer, reader=offloaded_reader)


def choice_of(ctx: AppContext, state: FlowState) -> Choice:
    """What the pages collected, in the form every face hands to a flow."""
    from certassist.ops.flows import Choice

    return Choice(
        bundle=state.bundle,
        file=state.file_path,
        sources=tuple((ctx.store(s), fp) for s, fp in state.sources),
        targets=tuple(ctx.store(s) for s in state.targets),
        folder=state.folder,
        password=state.password,
        repeated=state.repeated,
        move=state.move,
        backup=state.backup_file,
        backup_password=state.backup_password if state.backup_file is not None else None,
    )


def plan_for(ctx: AppContext, state: FlowState) -> Plan:
    """The flow's plan; runs in a worker (it reads stores and files)."""
    from certassist.ops.flows import operation_flow

    flow = operation_flow(state.flow)
    return flow.plan(op_context(ctx, state), choice_of(ctx, state), file_io())


def execute_for(
    ctx: AppContext, state: FlowState, report: Progress, cancelled: Cancel
) -> Result | PairOutcome:
    if state.flow == FlowId.UZI_PAIR:
        from certassist.gui.pairing import execute_pairing

        return execute_pairing(ctx, state, report, cancelled)
    from certassist.ops.flows import operation_flow

    assert state.plan is not None
    flow = operation_flow(state.flow)
    return flow.execute(
        op_context(ctx, state), state.plan, dict(state.confirmations), report, cancelled, file_io()
    )

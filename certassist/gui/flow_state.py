"""What one wizard run collects from its pages, and how it asks the operations.

The pages fill a `FlowState`; `plan_for` and `execute_for` (run in a worker, never on the GUI
thread) turn it into a call of the matching operation in `certassist.ops`. No rule is decided
here: the operations ask `core.rules` and the pages show their answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certassist.core.models import Actor, Bundle
from certassist.gui.context import AppContext
from certassist.ops.overview import CertificateGroup, Overview

if TYPE_CHECKING:
    from certassist.ops.base import OpContext

# The pages each flow walks through, in order (module names under certassist/gui/pages).
FLOW_PAGES: dict[str, tuple[str, ...]] = {
    "install": ("who", "choose_file", "choose_target", "check", "run", "result"),
    "restore": ("who", "choose_file", "choose_target", "check", "run", "result"),
    "backup": ("who", "choose_certificate", "backup_target", "check", "run", "result"),
    "spread": ("who", "choose_certificate", "backup_target", "check", "run", "result"),
    "copy": ("who", "choose_certificate", "choose_target", "check", "run", "result"),
    "remove": ("who", "choose_certificate", "check", "run", "result"),
    "renew": ("who", "choose_certificate", "renew_guide", "uzi_request"),
    # UZI server renewal, step 2: the issued certificate arrives weeks after the request (R11).
    "uzi_pair": ("pair_file", "pair_check", "pair_target", "run", "pair_result"),
}


@dataclass
class FlowState:
    flow: str
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
    confirmations: dict[Any, Any] = field(default_factory=dict)
    plan: Any = None
    result: Any = None
    pending_id: str = ""  # UZI pairing: the pending renewal (ops.renew_uzi)
    key_password: str = field(default="", repr=False)  # of the pending key; None-like when ""
    paired: Any = field(default=None, repr=False)  # ops.renew_uzi.Paired: holds the new key

    def clear_secrets(self) -> None:
        """Called when the wizard closes: no password outlives its page (issue 7.3)."""
        self.password = ""
        self.repeated = ""
        self.bundle = None
        self.plan = None
        self.key_password = ""
        self.paired = None

    def actor(self, ctx: AppContext) -> Actor:
        return ctx.actor(self.confirmed_name.strip() or None, self.contact_person)


def op_context(ctx: AppContext, state: FlowState) -> OpContext:
    from certassist.ops.base import OpContext

    return OpContext.for_user(
        state.actor(ctx), today=ctx.today, audit=ctx.audit, records=ctx.records
    )


def operation_for(ctx: AppContext, state: FlowState) -> Any:
    opctx = op_context(ctx, state)
    if state.flow == "install":
        from certassist.ops.install import InstallOperation

        return InstallOperation(opctx)
    if state.flow == "restore":
        from certassist.ops.restore import RestoreOperation

        return RestoreOperation(opctx)
    if state.flow in ("backup", "spread"):
        from certassist.gui.offload import offloaded_reader, offloaded_writer
        from certassist.ops.backup import BackupOperation

        return BackupOperation(opctx, writer=offloaded_writer, reader=offloaded_reader)
    if state.flow == "copy":
        from certassist.ops.copy import CopyOperation

        return CopyOperation(opctx)
    if state.flow == "remove":
        from certassist.gui.offload import offloaded_reader
        from certassist.ops.remove import RemoveOperation

        return RemoveOperation(opctx, reader=offloaded_reader)
    raise ValueError(state.flow)


def plan_for(ctx: AppContext, state: FlowState) -> Any:
    """Build the operation's plan; runs in a worker (it reads stores and files)."""
    op = operation_for(ctx, state)
    flow = state.flow
    if flow in ("install", "restore"):
        assert state.bundle is not None
        stores = [ctx.store(s) for s in state.targets]
        source = str(state.file_path) if state.file_path else ""
        return op.plan(state.bundle, stores, source)
    if flow in ("backup", "spread"):
        assert state.folder is not None
        sources = [(ctx.store(s), fp) for s, fp in state.sources]
        return op.plan(
            sources, state.folder, state.password, state.repeated, transfer=flow == "spread"
        )
    if flow == "copy":
        store_id, fingerprint = state.sources[0]
        targets = [ctx.store(s) for s in state.targets]
        return op.plan(ctx.store(store_id), fingerprint, targets)
    if flow == "remove":
        store_id, fingerprint = state.sources[0]
        return op.plan(ctx.store(store_id), fingerprint)
    raise ValueError(flow)


def execute_for(ctx: AppContext, state: FlowState, report: Any, cancelled: Any) -> Any:
    if state.flow == "uzi_pair":
        from certassist.gui.pairing import execute_pairing

        return execute_pairing(ctx, state, report, cancelled)
    op = operation_for(ctx, state)
    return op.execute(state.plan, dict(state.confirmations), report, cancelled)

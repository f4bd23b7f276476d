"""Every flow a user can start, written once: the CLI and the GUI only collect, confirm, show.

A face (a CLI command or a wizard) fills a `Choice` with what the user picked, asks the flow
for its `plan`, shows it, collects the confirmations and calls `execute`. Which operation runs,
with which options (a transfer backup writes its marker; a restore of such a backup retires the
old certificate), is decided here and nowhere else, so both faces do exactly the same thing.
Flows are found by `FlowId` (`flows_ids`, with what each starts from) through `operation_flow`;
the UZI and VECOZO renewal flows, which are not plan → execute operations, are in
`flows_renewal`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from certassist.core.errors import CertassistError
from certassist.core.models import Action, Bundle
from certassist.ops.backup import BackupOperation, BackupPlan
from certassist.ops.base import Cancel, Confirmations, OpContext, Plan, Progress, Result
from certassist.ops.copy import CopyOperation, CopyPlan
from certassist.ops.files import (
    BackupWriter,
    BundleReader,
    Encryption,
    default_reader,
    default_writer,
    read_transfer_marker,
)
from certassist.ops.flows_ids import FlowId as FlowId
from certassist.ops.install import InstallOperation, PlacePlan
from certassist.ops.remove import RemoveOperation, RemovePlan
from certassist.ops.restore import RestoreOperation
from certassist.ops.transfer import (
    PURPOSE,
    TransferInOperation,
    TransferInPlan,
    TransferOutOperation,
)
from certassist.stores.base import CertStore


@dataclass(frozen=True)
class FileIO:
    """How backup files are written and read back: in this process (CLI), or in the GUI's
    helper process so the window stays responsive during the key derivation."""

    writer: BackupWriter = default_writer
    reader: BundleReader = default_reader


IN_PROCESS = FileIO()


@dataclass(frozen=True)
class Choice:
    """What the user chose, as either face collects it; each flow reads the fields it needs."""

    bundle: Bundle | None = field(default=None, repr=False)  # install/restore: the file, read
    file: Path | None = None  # where `bundle` came from
    sources: tuple[tuple[CertStore, str | None], ...] = ()  # (store, fingerprint; None: all)
    targets: tuple[CertStore, ...] = ()
    folder: Path | None = None  # backup: where the file goes
    password: str = field(default="", repr=False)  # backup: the new file's password
    repeated: str | None = field(default=None, repr=False)
    encryption: Encryption = "aes"
    move: bool = False  # copy: remove the source once every target is verified
    backup: Path | None = None  # remove: a backup of the certificate, verified first
    backup_password: str | None = field(default=None, repr=False)
    transfer: bool | None = None  # restore: None = as the backup's own transfer marker says

    def source(self) -> tuple[CertStore, str]:
        """The one (store, fingerprint) a copy or removal acts on."""
        if len(self.sources) != 1 or self.sources[0][1] is None:
            raise CertassistError("E-ops-no-source")
        store, fingerprint = self.sources[0]
        assert fingerprint is not None
        return store, fingerprint

    def file_bundle(self) -> Bundle:
        if self.bundle is None:
            raise CertassistError("E-ops-no-key-in-file")
        return self.bundle

    def backup_folder(self) -> Path:
        if self.folder is None:
            raise CertassistError("E-ops-no-folder")
        return self.folder


P_co = TypeVar("P_co", bound=Plan, covariant=True)
P = TypeVar("P", bound=Plan)


def _as(plan: Plan, kind: type[P]) -> P:
    if not isinstance(plan, kind):
        raise TypeError(f"{type(plan).__name__} is not a {kind.__name__}")
    return plan


class _Runner(Protocol):
    """What every audited operation offers (`ops.base.AuditedOperation.execute`)."""

    def execute(
        self,
        plan: Any,
        confirmations: Confirmations,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> Result: ...


class OperationFlow(ABC, Generic[P_co]):
    """plan → (the face confirms) → execute, for one flow."""

    id: FlowId
    action: Action  # what the rules are asked (a face suggesting targets asks the same)
    plan_type: type[Plan]  # what `plan` makes and `execute` accepts

    @abstractmethod
    def plan(self, ctx: OpContext, choice: Choice, io: FileIO = IN_PROCESS) -> P_co:
        """Touches nothing (it may read stores and files); says what will happen."""

    def execute(
        self,
        ctx: OpContext,
        plan: Plan,
        confirmations: Confirmations,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        io: FileIO = IN_PROCESS,
    ) -> Result:
        """Runs the plan this flow made (audited, verified, cancellable between steps)."""
        checked = _as(plan, self.plan_type)
        return self._runner(ctx, checked, io).execute(checked, confirmations, progress, cancel)

    @abstractmethod
    def _runner(self, ctx: OpContext, plan: Any, io: FileIO) -> _Runner:
        """The audited operation that runs `plan` (already checked to be a `plan_type`)."""


class InstallFlow(OperationFlow[PlacePlan]):
    id = FlowId.INSTALL
    action = Action.INSTALL
    plan_type = PlacePlan

    def plan(self, ctx: OpContext, choice: Choice, io: FileIO = IN_PROCESS) -> PlacePlan:
        source = str(choice.file) if choice.file else ""
        return InstallOperation(ctx).plan(choice.file_bundle(), choice.targets, source)

    def _runner(self, ctx: OpContext, plan: Any, io: FileIO) -> _Runner:
        return InstallOperation(ctx)


def is_transfer_of(path: Path | None, bundle: Bundle) -> bool:
    """Was this backup made by the transfer flow for this very certificate (its marker says)?"""
    marker = read_transfer_marker(path) if path is not None else None
    return bool(
        marker
        and marker.get("purpose") == PURPOSE
        and str(marker.get("fingerprint", "")).upper() == bundle.fingerprint.upper()
    )


class RestoreFlow(OperationFlow[PlacePlan]):
    """A restore; of a transfer backup (or when asked) it also retires, per store, the older
    certificate the new one replaces, once the new one is verified there."""

    id = FlowId.RESTORE
    action = Action.RESTORE
    plan_type = PlacePlan

    def plan(self, ctx: OpContext, choice: Choice, io: FileIO = IN_PROCESS) -> PlacePlan:
        bundle = choice.file_bundle()
        source = str(choice.file) if choice.file else ""
        transfer = choice.transfer
        if transfer is None:
            transfer = is_transfer_of(choice.file, bundle)
        if transfer:
            return TransferInOperation(ctx).plan_transfer(bundle, choice.targets, source)
        return RestoreOperation(ctx).plan(bundle, choice.targets, source)

    def _runner(self, ctx: OpContext, plan: Any, io: FileIO) -> _Runner:
        return (
            TransferInOperation(ctx) if isinstance(plan, TransferInPlan) else RestoreOperation(ctx)
        )


class BackupFlow(OperationFlow[BackupPlan]):
    id = FlowId.BACKUP
    action = Action.BACKUP
    plan_type = BackupPlan
    transfer = False

    def _operation(self, ctx: OpContext, io: FileIO) -> BackupOperation:
        return BackupOperation(ctx, writer=io.writer, reader=io.reader)

    def plan(self, ctx: OpContext, choice: Choice, io: FileIO = IN_PROCESS) -> BackupPlan:
        return self._operation(ctx, io).plan(
            choice.sources,
            choice.backup_folder(),
            choice.password,
            choice.repeated,
            choice.encryption,
            self.transfer,
        )

    def _runner(self, ctx: OpContext, plan: Any, io: FileIO) -> _Runner:
        return self._operation(ctx, io)


class TransferFlow(BackupFlow):
    """On the PC where it was renewed: a backup with a marker saying what it replaces."""

    id = FlowId.TRANSFER
    transfer = True

    def _operation(self, ctx: OpContext, io: FileIO) -> BackupOperation:
        return TransferOutOperation(ctx, writer=io.writer, reader=io.reader)


class CopyFlow(OperationFlow[CopyPlan]):
    id = FlowId.COPY
    action = Action.COPY
    plan_type = CopyPlan

    def plan(self, ctx: OpContext, choice: Choice, io: FileIO = IN_PROCESS) -> CopyPlan:
        store, fingerprint = choice.source()
        targets = [t for t in choice.targets if t.store_id != store.store_id]
        return CopyOperation(ctx).plan(store, fingerprint, targets, choice.move)

    def _runner(self, ctx: OpContext, plan: Any, io: FileIO) -> _Runner:
        return CopyOperation(ctx)


class RemoveFlow(OperationFlow[RemovePlan]):
    id = FlowId.REMOVE
    action = Action.REMOVE
    plan_type = RemovePlan

    def plan(self, ctx: OpContext, choice: Choice, io: FileIO = IN_PROCESS) -> RemovePlan:
        store, fingerprint = choice.source()
        op = RemoveOperation(ctx, reader=io.reader)
        return op.plan(store, fingerprint, choice.backup, choice.backup_password)

    def _runner(self, ctx: OpContext, plan: Any, io: FileIO) -> _Runner:
        return RemoveOperation(ctx, reader=io.reader)


_FLOWS: tuple[OperationFlow[Plan], ...] = (
    InstallFlow(),
    RestoreFlow(),
    BackupFlow(),
    TransferFlow(),
    CopyFlow(),
    RemoveFlow(),
)
OPERATION_FLOWS: Mapping[FlowId, OperationFlow[Plan]] = {flow.id: flow for flow in _FLOWS}


def operation_flow(flow_id: FlowId | str) -> OperationFlow[Plan]:
    """The plan → execute flow for `flow_id`; a renewal flow id is not one (flows_renewal)."""
    return OPERATION_FLOWS[FlowId(flow_id)]

"""What every operation shares: plan, confirmations, progress, cancel, result.

Each operation is plan → rules check → confirm → execute → verify. `plan(...)` touches nothing
(it may read stores and files) and says what will happen, what the rules decided and which
confirmations the user must give; `execute(plan, confirmations, progress, cancel)` does it and
verifies the new state before anything old is removed. The GUI and the CLI both drive these.
"""

from __future__ import annotations

import contextlib
import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from cryptography import x509

from certassist.core.errors import CertassistError, NotConfirmedError, RefusedError, StoreError
from certassist.core.models import Action, Actor, CertInfo, StoreTarget
from certassist.ops.audit import BEGUN, AuditLog, record_for
from certassist.ops.records import InstallRecords, default_data_dir

Progress = Callable[[int, int, str], None]  # (step, total, message id)
Cancel = Callable[[], bool]


class Confirm(StrEnum):
    """A question the user must answer with yes before `execute` goes on."""

    HOLDER = "holder"  # R1: "I am <name>"; the value is the name the user confirmed
    PROCEED = "proceed"  # the summary of the plan was shown and accepted
    OLDER_BACKUP = "older-backup"  # restore a backup older than the installed certificate
    NO_BACKUP = "no-backup"  # remove without a verified backup: expired or not needed
    REPLACE_OLD = "replace-old"  # transfer: remove the old certificate once the new one works
    SHARED_PLACE = "shared-place"  # R4: the place already holds another person's certificate


Confirmations = Mapping[Confirm, "str | bool"]


@dataclass(frozen=True)
class ConfirmWords:
    """How a confirmation is named to people, as message ids (`{holder}` fills in the name):
    what they say yes to (the GUI's tick box, the terminal's question) and the command line's
    flag that gives it."""

    question: str
    flag: str


# The one map from a confirmation to its words: the terminal's questions, the CLI's "confirm
# with --yes and --i-am ..." and the error below all come from here, in the run's language.
CONFIRM_WORDS: Mapping[Confirm, ConfirmWords] = {
    Confirm.HOLDER: ConfirmWords("C-ops-holder", "L-cli-flag-holder"),
    Confirm.PROCEED: ConfirmWords("C-ops-proceed", "L-cli-flag-proceed"),
    Confirm.OLDER_BACKUP: ConfirmWords("C-ops-older-backup", "L-cli-flag-older-backup"),
    Confirm.NO_BACKUP: ConfirmWords("C-ops-no-backup", "L-cli-flag-no-backup"),
    Confirm.REPLACE_OLD: ConfirmWords("C-ops-replace-old", "L-cli-flag-replace-old"),
    Confirm.SHARED_PLACE: ConfirmWords("C-ops-shared-place", "L-cli-flag-shared-place"),
}


def not_confirmed(message_id: str, plan: Plan, missing: Iterable[Confirm]) -> NotConfirmedError:
    """The error for confirmations not given: their questions and flags as message ids, which
    the face renders in the run's language (`{what:texts-quoted}`, `{flags:texts-and}`)."""
    words = [CONFIRM_WORDS[c] for c in Confirm if c in set(missing)]  # always in one order
    return NotConfirmedError(
        message_id,
        what=tuple(w.question for w in words),
        flags=tuple(w.flag for w in words),
        holder=plan.holder or "",
    )


class Outcome(StrEnum):
    DONE = "done"
    NOTHING_TO_DO = "nothing-to-do"
    CANCELLED = "cancelled"
    FAILED = "failed"
    REFUSED = "refused"


@dataclass(frozen=True)
class Notice:
    """A message for the user (warning or information), with the rule that raised it if any."""

    message_id: str
    params: Mapping[str, Any] = field(default_factory=dict)
    rule_id: str | None = None
    # The error behind a blocker (a locked store, say): it keeps its own exit code.
    cause: CertassistError | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, error: CertassistError) -> Notice:
        return cls(error.message_id, dict(error.params), error.params.get("rule_id"), error)


class Verdict(Protocol):
    """The shape of `certassist.core.rules.Verdict` that operations rely on."""

    @property
    def allowed(self) -> bool: ...

    @property
    def refusals(self) -> Any: ...

    @property
    def warnings(self) -> Any: ...

    @property
    def decisions(self) -> Any: ...


RulesCheck = Callable[
    [CertInfo, Actor, Action, "StoreTarget | None", date],
    Verdict,
]
Describe = Callable[[x509.Certificate], CertInfo]


def _default_describe(cert: x509.Certificate) -> CertInfo:
    from certassist.core.classify import describe

    return describe(cert)


def _default_check(
    info: CertInfo, actor: Actor, action: Action, target: StoreTarget | None, today: date
) -> Verdict:
    from certassist.core.rules import check

    return check(info, actor, action, target, today)


@dataclass
class OpContext:
    """The collaborators every operation needs, injected so tests pass real stand-ins."""

    actor: Actor
    audit: AuditLog
    records: InstallRecords
    today: Callable[[], date] = date.today
    describe: Describe = _default_describe
    check: RulesCheck = _default_check

    @classmethod
    def for_user(
        cls,
        actor: Actor,
        data_dir: Path | None = None,
        today: Callable[[], date] = date.today,
        audit: AuditLog | None = None,
        records: InstallRecords | None = None,
    ) -> OpContext:
        """The one place that knows where the audit log and the install dates live: the CLI and
        the GUI build their contexts here, so both faces write the same files."""
        data = data_dir if data_dir is not None else default_data_dir()
        return cls(
            actor=actor,
            audit=audit if audit is not None else AuditLog(data / "audit.jsonl"),
            records=records if records is not None else InstallRecords(data / "installs.json"),
            today=today,
        )


@dataclass(frozen=True)
class Plan:
    """What an operation will do; shown to the user before anything happens."""

    action: Action
    certificates: tuple[CertInfo, ...]
    source: str  # label of where the certificate comes from (store, file)
    targets: tuple[str, ...]  # labels of where it goes
    steps: tuple[Notice, ...] = ()  # what will happen, in order
    blockers: tuple[Notice, ...] = ()  # refusals and problems: execute will not run
    warnings: tuple[Notice, ...] = ()
    needs: frozenset[Confirm] = frozenset()
    rule_ids: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool:
        return not self.blockers

    @property
    def holder(self) -> str | None:
        return self.certificates[0].holder if self.certificates else None


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    message_id: str
    params: Mapping[str, Any] = field(default_factory=dict)
    notices: tuple[Notice, ...] = ()
    fingerprints: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()  # backup files written
    stores: tuple[str, ...] = ()  # store ids that now hold the certificate

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.DONE, Outcome.NOTHING_TO_DO)


class Cancelled(Exception):
    """Raised between steps when the user pressed cancel; nothing irreversible happened yet."""


class Steps:
    """Reports progress and checks for cancel between the steps of one execution."""

    def __init__(self, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def next(self, message_id: str) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled()
        self.done = min(self.done + 1, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total, message_id)

    def finish(self, message_id: str) -> None:
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total, message_id)


def decisions_to_notices(items: Any) -> tuple[Notice, ...]:
    """Rules decisions (rule_id, outcome, message_id, params) as notices."""
    notices: list[Notice] = []
    for item in items or ():
        notices.append(
            Notice(
                message_id=str(getattr(item, "message_id", item)),
                params=dict(getattr(item, "params", None) or {}),
                rule_id=getattr(item, "rule_id", None),
            )
        )
    return tuple(notices)


def rule_ids(verdict: Verdict) -> tuple[str, ...]:
    ids = [getattr(d, "rule_id", None) for d in (verdict.decisions or ())]
    return tuple(sorted({i for i in ids if i}))


def require_confirmations(plan: Plan, confirmations: Confirmations) -> None:
    """Every confirmation the plan needs must be given; the holder's name must match (R1)."""
    if not plan.allowed:
        raise refusal_error(plan.blockers)
    missing = [c for c in plan.needs if not confirmations.get(c)]
    if missing:
        raise not_confirmed("E-ops-confirmation-missing", plan, missing)


def audit(
    ctx: OpContext,
    what: str,
    outcome: str,
    info: CertInfo | None,
    *,
    source: str = "",
    target: str = "",
    rules: tuple[str, ...] = (),
    message_id: str = "",
) -> None:
    """Write one audit record; an audit failure never undoes or hides the operation's result."""
    with contextlib.suppress(OSError):
        ctx.audit.append(
            record_for(
                ctx.actor.os_user,
                what,
                outcome,
                info,
                source=source,
                target=target,
                rules=rules,
                message_id=message_id,
            )
        )


def audit_begin(ctx: OpContext, trail: Trail, plan: Plan) -> None:
    """Audit before effect: the record that this operation begins is written before any store
    changes (a file name that is not UTF-8 included), or nothing happens (E-audit-unwritable).
    Should the disk fill up before the final record, this one still names the change."""
    try:
        ctx.audit.begin(
            record_for(
                ctx.actor.os_user, trail.what, BEGUN, trail.info, source=trail.source,
                target=trail.target or ", ".join(plan.targets), rules=trail.rules or plan.rule_ids,
            )
        )  # fmt: skip
    except OSError as exc:
        path = str(ctx.audit.path)
        raise StoreError("E-audit-unwritable", path=path, reason=exc.strerror or str(exc)) from exc


@dataclass
class Trail:
    """What the audit record of a cancelled or failed execution names; the run keeps it current
    (a backup of several certificates moves it to the one being written)."""

    what: str
    info: CertInfo | None
    source: str = ""
    target: str = ""
    rules: tuple[str, ...] = ()
    paths: list[str] = field(default_factory=list)  # files written so far
    cancelled_message: str = "I-ops-cancelled"
    audit_failure: bool = True  # False where each step audits its own failure (placing)


P = TypeVar("P", bound=Plan)


class AuditedOperation(ABC, Generic[P]):
    """The one execute of every operation: confirmations checked first, then the run; a cancel
    between steps or a failure is written to the audit log the same way for every operation.

    Subclasses give `_trail` (what a cancel/failure record names) and `_run` (the steps)."""

    ctx: OpContext

    def execute(
        self,
        plan: P,
        confirmations: Confirmations,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> Result:
        from certassist.ops.common import check_holder

        require_confirmations(plan, confirmations)
        check_holder(self.ctx, plan, confirmations)
        trail = self._trail(plan)
        audit_begin(self.ctx, trail, plan)  # before any store changes, or not at all
        try:
            result = self._audited_run(plan, confirmations, Steps(0, progress, cancel), trail)
        finally:
            recorded = self.ctx.audit.end()
        if recorded:
            return result
        # The change happened; only its final record is missing (the "begun" one names it).
        unrecorded = Notice("W-audit-end-unrecorded", {"path": str(self.ctx.audit.path)})
        return dataclasses.replace(result, notices=(*result.notices, unrecorded))

    def _audited_run(
        self, plan: P, confirmations: Confirmations, steps: Steps, trail: Trail
    ) -> Result:
        """`_run`, with a cancel or a failure written to the audit log."""
        try:
            return self._run(plan, confirmations, steps, trail)
        except Cancelled:
            audit(self.ctx, trail.what, Outcome.CANCELLED, trail.info, source=trail.source)
            return Result(
                Outcome.CANCELLED,
                trail.cancelled_message,
                fingerprints=(trail.info.fingerprint,) if trail.info else (),
                paths=tuple(trail.paths),
            )
        except CertassistError as error:
            if trail.audit_failure:
                audit(
                    self.ctx, trail.what, Outcome.FAILED, trail.info, source=trail.source,
                    target=trail.target, rules=trail.rules, message_id=error.message_id,
                )  # fmt: skip
            raise

    @abstractmethod
    def _trail(self, plan: P) -> Trail: ...

    @abstractmethod
    def _run(self, plan: P, confirmations: Confirmations, steps: Steps, trail: Trail) -> Result:
        """The steps; `steps` reports progress and raises `Cancelled` (set `steps.total`)."""


def refusal_error(notices: tuple[Notice, ...]) -> CertassistError:
    """The first blocker as an error: its own cause (a store error ends with 4), or a refusal."""
    first = notices[0]
    return first.cause or RefusedError(first.message_id, **dict(first.params))

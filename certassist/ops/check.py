"""`certassist check`: every certificate and pending request, its state and the next date.

Why a separate use case next to the overview: the check runs unattended (a daily scheduled task)
and must boil everything down to one exit code a task scheduler can act on — 0 nothing due,
1 something due soon, 2 something overdue or expired — while still naming, per certificate, the
date that matters and the rule behind it. The dates and states come from `core.rules`; this
module only groups, ranks and adds what only it knows:

- a certificate that has already been replaced by a newer one for the same holder is not due
  (after a VECOZO renewal the old certificate stays in the store until it expires);
- the practice's recorded subscriber number against UZI server certificates (R13);
- issued-but-not-installed requests from the settings (R5);
- production and acceptance/test are kept apart (R10): every item carries its environment and
  the report lists production first, then the others under their own heading;
- paired UZI server renewals whose two signs the user has not confirmed yet (R14,
  `ops.uzi_signs`): listed until confirmed, due from the old certificate's switch-off day;
  a confirmed renewal makes the old certificate "replaced";
- certificates without a backup (R9), decided exactly as `list` does (`overview.backup_missing`),
  listed apart as information: they change no state, date or exit code (a missing backup is
  "nothing due" for the scheduler, as `Status.BACKUP_MISSING` below says).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from certassist.core.errors import ExitCode
from certassist.core.kinds import Family, family
from certassist.core.models import Environment, Kind
from certassist.core.rules import (
    Status,
    fmt,
    pending_request_status,
    subscriber_mismatch,
    while_digid_off,
)
from certassist.core.settings import PendingRequest, PracticeSettings
from certassist.ops.overview import (
    CertificateGroup,
    Describe,
    StoreProblem,
    backup_missing,
    has_newer_in_order,
    scan_stores,
)

if TYPE_CHECKING:
    from certassist.ops.backup_records import BackupRecord
    from certassist.ops.uzi_signs import RenewedUzi
    from certassist.stores.base import CertStore


class Severity(IntEnum):
    """Doubles as the exit code of `certassist check` (when every store could be read)."""

    NOTHING_DUE = 0
    DUE_SOON = 1
    OVERDUE = 2


def answer_code(due: int, problems: Sequence[StoreProblem] = ()) -> int:
    """What `list` and `check` end with: a store that could not be read (a locked or running
    Firefox, an unreadable profile) outweighs what is due, because the answer is incomplete:
    4, as the README's table says; otherwise what is due (0, 1 or 2). A backup folder whose
    medium is not connected is shown but does not count (its backups are on record)."""
    if any(p.leaves_answer_incomplete for p in problems):
        return int(ExitCode.STORE)
    return int(due)


_SEVERITY = {
    Status.OK: Severity.NOTHING_DUE,
    Status.BACKUP_MISSING: Severity.NOTHING_DUE,
    Status.REPLACED: Severity.NOTHING_DUE,
    Status.NOT_YET_VALID: Severity.NOTHING_DUE,
    Status.RENEW_NOW: Severity.DUE_SOON,
    Status.UZI_START_NOW: Severity.DUE_SOON,
    Status.INSTALL_WINDOW_CLOSING: Severity.DUE_SOON,
    Status.UZI_OVERDUE: Severity.OVERDUE,
    Status.EXPIRED: Severity.OVERDUE,
}
_ENV_ORDER = {Environment.PRODUCTION: 0, Environment.ACCEPTANCE: 1, Environment.TEST: 2}
_DIGID_MAY_BE_OFF = ("W-R11-digid-off-unless-renewed", "W-R11-expired")
REPLACED = Status.REPLACED.value  # superseded by a newer one for the same holder (overview)


@dataclass(frozen=True)
class CheckNote:
    rule_id: str
    message_id: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckItem:
    """One row of the check: a certificate (with its places) or a pending request."""

    label: str
    kind: Kind
    environment: Environment
    state: str  # a rules Status value, or "replaced"
    severity: Severity
    message_id: str
    params: dict[str, str]
    next_date: date | None
    next_date_label: str | None
    rule_ids: tuple[str, ...]
    fingerprint: str | None = None
    expiry: date | None = None
    places: tuple[str, ...] = ()
    notes: tuple[CheckNote, ...] = ()
    pending: PendingRequest | None = None
    last_backup: BackupRecord | None = None  # the latest verified backup, wherever it was made

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "kind": self.kind.value,
            "environment": self.environment.value,
            "state": self.state,
            "severity": int(self.severity),
            "message": self.message_id,
            "params": dict(self.params),
            "next_date": self.next_date.isoformat() if self.next_date else None,
            "next_date_label": self.next_date_label,
            "rules": list(self.rule_ids),
            "fingerprint": self.fingerprint,
            "expires": self.expiry.isoformat() if self.expiry else None,
            "places": list(self.places),
            "notes": [
                {"rule": n.rule_id, "message": n.message_id, "params": n.params} for n in self.notes
            ],
        }


@dataclass(frozen=True)
class MissingBackup:
    """A certificate with a key and no backup anywhere (R9): information, never due."""

    label: str
    kind: Kind
    environment: Environment
    fingerprint: str

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "kind": self.kind.value,
            "environment": self.environment.value,
            "fingerprint": self.fingerprint,
            "rule": "R9",
            "message": "W-overview-backup-missing",
        }


@dataclass(frozen=True)
class CheckReport:
    today: date
    items: tuple[CheckItem, ...]
    unavailable: tuple[StoreProblem, ...] = ()
    backups_missing: tuple[MissingBackup, ...] = ()
    notices: tuple[StoreProblem, ...] = ()  # what a store did on its own (a repaired database)

    @property
    def severity(self) -> Severity:
        return max((i.severity for i in self.items), default=Severity.NOTHING_DUE)

    @property
    def exit_code(self) -> int:
        return answer_code(self.severity, self.unavailable)

    @property
    def production(self) -> tuple[CheckItem, ...]:
        return tuple(i for i in self.items if i.is_production)

    @property
    def non_production(self) -> tuple[CheckItem, ...]:
        """Acceptance and test (R10): listed apart, never mixed into production."""
        return tuple(i for i in self.items if not i.is_production)

    def due(self) -> tuple[CheckItem, ...]:
        return tuple(i for i in self.items if i.severity > Severity.NOTHING_DUE)

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "exit_code": self.exit_code,
            "production": [i.to_json() for i in self.production],
            "acceptance_and_test": [i.to_json() for i in self.non_production],
            "unavailable": [
                {"store": u.store_id, "label": u.label, "error": u.message_id}
                for u in self.unavailable
            ],
            "backups_missing": [m.to_json() for m in self.backups_missing],
            "notices": [
                {"store": n.store_id, "label": n.label, "id": n.message_id} for n in self.notices
            ],
        }


def _label(group: CertificateGroup) -> str:
    """The holder's name; for a server certificate its host name, which is what staff know."""
    info = group.info
    name = info.holder or info.classification.organisation or info.subject
    if family(info.kind) is Family.UZI_SERVER:
        subject = x509.load_der_x509_certificate(info.der).subject
        hosts = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        if hosts:
            return f"{hosts[0].value!s} ({name})"
    return name


def _item(
    group: CertificateGroup, groups: Sequence[CertificateGroup], settings: PracticeSettings
) -> CheckItem:
    report = group.status
    notes: list[CheckNote] = []
    severity = _SEVERITY.get(report.status, Severity.OVERDUE)
    state = report.status.value
    rule_ids = [report.rule_id]
    if family(group.kind) is Family.UZI_SERVER:
        mismatch = subscriber_mismatch(group.info, settings.facts())
        if mismatch is not None:  # R13: the DigiD link may stop until the certificate is replaced
            notes.append(CheckNote(mismatch.rule_id, mismatch.message_id, dict(mismatch.params)))
            rule_ids.append(mismatch.rule_id)
            severity = max(severity, Severity.DUE_SOON)
    replaced = report.status is Status.REPLACED  # the overview's verdict, as `list` shows it
    if replaced or (severity > Severity.NOTHING_DUE and has_newer_in_order(group, groups)):
        state, severity = REPLACED, Severity.NOTHING_DUE
        notes.append(CheckNote("R7", "I-check-replaced", {"expiry": fmt(group.expiry_date)}))
    elif report.message_id in _DIGID_MAY_BE_OFF:  # R11: the signs, old linking, helpdesk, Bricks
        notes += [CheckNote(d.rule_id, d.message_id, dict(d.params)) for d in while_digid_off()]
    return CheckItem(
        label=_label(group),
        kind=group.kind,
        environment=group.environment,
        state=state,
        severity=severity,
        message_id=report.message_id if state != REPLACED else "I-check-replaced",
        params={k: str(v) for k, v in report.params.items()} | {"expiry": fmt(group.expiry_date)},
        next_date=report.next_date if state != REPLACED else None,
        next_date_label=report.next_date_label if state != REPLACED else None,
        rule_ids=tuple(dict.fromkeys(rule_ids)),
        fingerprint=group.fingerprint,
        expiry=group.expiry_date,
        places=tuple(p.label for p in group.places),
        notes=tuple(notes),
        last_backup=group.last_backup,
    )


def _pending_item(request: PendingRequest, today: date) -> CheckItem:
    if family(request.kind) is Family.UZI_SERVER:
        return _pending_uzi_item(request)
    report = pending_request_status(request.issued_on, today)
    return CheckItem(
        label=request.holder,
        kind=request.kind,
        environment=request.environment,
        state="pending-" + report.status.value,
        severity=_SEVERITY.get(report.status, Severity.OVERDUE),
        message_id=report.message_id,
        params={k: str(v) for k, v in report.params.items()},
        next_date=report.next_date,
        next_date_label=report.next_date_label,
        rule_ids=(report.rule_id,),
        pending=request,
    )


def _pending_uzi_item(request: PendingRequest) -> CheckItem:
    """A UZI server request has no 60-day install window and no user number or PIN (R5 is
    VECOZO's): its dates are those of the certificate it replaces (R11), listed with it."""
    return CheckItem(
        label=request.holder,
        kind=request.kind,
        environment=request.environment,
        state="pending-" + Status.OK.value,
        severity=Severity.NOTHING_DUE,
        message_id="I-R11-request-pending",
        params={"issued_on": fmt(request.issued_on)},
        next_date=None,
        next_date_label=None,
        rule_ids=("R11",),
        pending=request,
    )


CONFIRM_SIGNS = "confirm-signs"  # a paired UZI renewal waiting for the portal's two signs


def signs_item(renewed: RenewedUzi, today: date) -> CheckItem:
    """R14: the user has not confirmed both signs yet. Listed until then; due from the old
    certificate's switch-off day, when the DigiD sign can be seen (and an unfinished renewal
    would show). certassist asks, it never says whether DigiD is on or off."""
    from certassist.core.vendors import portal_contact

    start = renewed.digid_sign_from
    if renewed.warning_gone_on is None and renewed.digid_visible_on is None:
        message = "W-R14-confirm-signs"
    elif renewed.warning_gone_on is not None:
        message = "W-R14-confirm-sign-digid"
    else:
        message = "W-R14-confirm-sign-warning"
    params = {
        "host": renewed.host,
        "fingerprint": renewed.fingerprint,
        "paired_on": fmt(renewed.paired_on),
        "new_expiry": fmt(renewed.new_expiry),
        "seen_on": fmt(renewed.warning_gone_on or renewed.digid_visible_on or ""),
        "helpdesk": portal_contact().helpdesk,
    }
    due = start is not None and today >= start
    return CheckItem(
        label=renewed.host,
        kind=Kind.UZI_SERVER,
        environment=renewed.environment,
        state=CONFIRM_SIGNS,
        severity=Severity.DUE_SOON if due else Severity.NOTHING_DUE,
        message_id=message,
        params=params,
        next_date=start,
        next_date_label="L-check-digid-sign-from" if start else None,
        rule_ids=("R14",),
        expiry=renewed.new_expiry,
    )


def _order(item: CheckItem) -> tuple[int, int, date, str]:
    return (
        _ENV_ORDER[item.environment],
        -int(item.severity),
        item.next_date or item.expiry or date.max,
        item.label,
    )


def run_check(
    stores: Sequence[CertStore],
    backups: Sequence[CertStore],
    settings: PracticeSettings,
    today: date,
    describe: Describe | None = None,
    records: Mapping[str, BackupRecord] | None = None,
    renewals: Sequence[RenewedUzi] | None = None,
) -> CheckReport:
    """Read every store and backup folder once and judge every certificate on `today`,
    UZI server certificates with the practice's own issuing time (R11). `records`: the
    verified backups as the caller's operations record them (default: the user's);
    `renewals`: the paired UZI renewals and the signs confirmed of them (R14, same default)."""
    if renewals is None:
        from certassist.ops.records import default_data_dir
        from certassist.ops.uzi_signs import records_in

        renewals = records_in(default_data_dir()).all()
    from certassist.ops.uzi_signs import replaced

    confirmed = replaced(renewals)
    overview = scan_stores(
        [*stores, *backups],
        today,
        describe,
        check_backup=False,
        issuing_weeks=settings.uzi_issuing_weeks,
        backups=records,
        renewed=confirmed,
    )
    groups = overview.groups
    items = [_item(g, groups, settings) for g in groups]
    items += [_pending_item(p, today) for p in settings.pending_requests]
    items += [signs_item(r, today) for r in renewals if not r.confirmed]
    items.sort(key=_order)
    missing = tuple(
        MissingBackup(_label(g), g.kind, g.environment, g.fingerprint)
        for g in groups
        if backup_missing(g)
    )
    return CheckReport(
        today, tuple(items), tuple(overview.unavailable), missing, tuple(overview.notices)
    )

"""One status per certificate for overviews, reminders and `certassist check` (R5-R8, R11).

Besides the status it names the next date that matters, so a list can say "vernieuwen vanaf
28-10-2026" without knowing the rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from certassist.core.kinds import Family, family
from certassist.core.models import CertInfo
from certassist.core.rules_base import Outcome, fmt
from certassist.core.rules_dates import (
    INSTALL_WARN_DAYS,
    UZI_ISSUING_WEEKS,
    install_window,
    renewal_window_opens,
    uzi_timeline,
)
from certassist.core.rules_validity import is_expired, is_not_yet_valid


class Status(StrEnum):
    OK = "ok"
    RENEW_NOW = "renew-now"  # VECOZO, inside the renewal window (R7)
    EXPIRED = "expired"
    NOT_YET_VALID = "not-yet-valid"
    UZI_START_NOW = "uzi-start-now"  # from the request date up to the portal date (R11)
    UZI_OVERDUE = "uzi-overdue"  # after the portal date: DigiD goes or went off (R11)
    INSTALL_WINDOW_CLOSING = "install-window-closing"  # pending request near day 60 (R5)
    BACKUP_MISSING = "backup-missing"  # decided by callers that know about backups (R9)
    REPLACED = "replaced"  # a newer one for the same holder is installed: decided by the overview


@dataclass(frozen=True)
class StatusReport:
    status: Status
    rule_id: str
    message_id: str
    params: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    next_date: date | None = None
    next_date_label: str | None = None  # message id of the label, e.g. "L-rules-expiry"

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def render(self, lang: str = "nl") -> str:
        from certassist.core.messages import render

        return render(self.message_id, lang, **self.params)


def _report(
    status: Status,
    rule_id: str,
    message_id: str,
    next_date: date | None,
    label: str | None,
    **params: object,
) -> StatusReport:
    text = {k: fmt(v) for k, v in params.items()}
    return StatusReport(status, rule_id, message_id, text, next_date, label)


def certificate_status(
    info: CertInfo, today: date, issuing_weeks: int = UZI_ISSUING_WEEKS
) -> StatusReport:
    """`issuing_weeks`: the practice's time from the UZI request to the certificate at the
    portal (R11, a practice setting); it moves only the request date, never the portal date."""
    expiry = info.expiry_date
    days = (expiry - today).days
    if family(info.kind) is Family.ISSUER:  # a CA in a chain: never due, never a reminder
        return _report(Status.OK, "R6", "I-issuer-shown-only", None, None, expiry=expiry)
    if is_not_yet_valid(info, today):
        start = info.not_before.date()
        return _report(
            Status.NOT_YET_VALID,
            "R6",
            "W-R6-not-yet-valid",
            start,
            "L-rules-valid-from",
            valid_from=start,
        )
    if is_expired(info, today):
        if family(info.kind) is Family.VECOZO:
            return _report(Status.EXPIRED, "R8", "W-R8-expired", None, None, expiry=expiry)
        if family(info.kind) is Family.UZI_SERVER:
            return _report(Status.EXPIRED, "R11", "W-R11-expired", None, None, expiry=expiry)
        return _report(Status.EXPIRED, "R6", "W-R6-expired", None, None, expiry=expiry)
    if family(info.kind) is Family.VECOZO:
        opens = renewal_window_opens(expiry)
        if today >= opens:
            return _report(
                Status.RENEW_NOW,
                "R7",
                "W-R7-renew-now",
                expiry,
                "L-rules-expiry",
                expiry=expiry,
                days=days,
            )
        return _report(
            Status.OK,
            "R7",
            "I-R7-valid-until",
            opens,
            "L-rules-renewal-window-opens",
            expiry=expiry,
            opens=opens,
        )
    if family(info.kind) is Family.UZI_SERVER:
        return _uzi_status(info, today, issuing_weeks)
    return _report(Status.OK, "R6", "I-R6-valid-until", expiry, "L-rules-expiry", expiry=expiry)


# The R11 stage (UziTimeline.message_id) -> the status it gives, and which date comes next.
# Expired certificates never get here: certificate_status reports them first.
_UZI_STAGES: dict[str, tuple[Status, str, str]] = {
    "W-R11-digid-off-unless-renewed": (Status.UZI_OVERDUE, "expiry", "L-rules-expiry"),
    "W-R11-portal-late": (Status.UZI_OVERDUE, "switch_off", "L-rules-switch-off"),
    "W-R11-portal-today": (Status.UZI_START_NOW, "portal_by", "L-rules-portal-by"),
    "W-R11-request-late": (Status.UZI_START_NOW, "portal_by", "L-rules-portal-by"),
    "W-R11-request-today": (Status.UZI_START_NOW, "request_by", "L-rules-request-by"),
    "I-R11-request-by": (Status.OK, "request_by", "L-rules-request-by"),
}


def _uzi_status(info: CertInfo, today: date, issuing_weeks: int) -> StatusReport:
    t = uzi_timeline(info.expiry_date, issuing_weeks)
    message_id = t.message_id(today)
    status, next_name, label = _UZI_STAGES[message_id]
    dates = t.dates()
    return _report(status, "R11", message_id, dates[next_name], label, **dates)


def pending_request_status(
    issued_on: date, today: date, warn_days: int = INSTALL_WARN_DAYS
) -> StatusReport:
    """R5 for a request that was issued but not installed yet."""
    d = install_window(issued_on, today, warn_days)
    deadline = date.fromisoformat(d.params["deadline"])
    if d.outcome is Outcome.REFUSE:
        return StatusReport(Status.EXPIRED, "R5", d.message_id, d.params, None, None)
    status = Status.INSTALL_WINDOW_CLOSING if d.outcome is Outcome.WARN else Status.OK
    return StatusReport(status, "R5", d.message_id, d.params, deadline, "L-rules-install-deadline")

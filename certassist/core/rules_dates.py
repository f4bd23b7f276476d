"""Date arithmetic of the rules (R5, R6, R7, R11). Pure: `today` is always an argument.

Calendar choices (documented here because users will see the dates):
- Adding years to 29 February lands on 28 February in a common year (R6: installed 2024-02-29
  → valid until 2026-02-28). Never 1 March: the day a user gets is never later than promised.
- "One month before" a date is the same day number in the month before, clamped to that month's
  last day (R7: expiry 2025-03-31 → window opens 2025-02-28; 2028-03-31 → 2028-02-29).
- Install window (R5): the issuer deletes a certificate that is not installed "within 60 days".
  We count the issue day as day 0, so the deadline (last day to install) is issued_on + 60 days.
- UZI timeline (R11): the DigiD link is switched off 7 days before expiry; the portal's processing
  takes about 21 days counted from the moment the portal *has received* the new certificate. So
  expiry − 28 days is the last day by which the new certificate must be with the portal (21 days
  later is the switch-off day); it is not a request date. Before it lie the request with the
  HIS/AIS vendor and the UZI-register's issuing time, a practice setting in whole weeks (at least
  one, so the request date is always earlier than the portal date). Each date is the last day
  that is still in time ("uiterlijk op"); the day after it is late.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from certassist.core.errors import CertassistError
from certassist.core.rules_base import Decision, Outcome, decision

VECOZO_YEARS = 2  # R6
INSTALL_DAYS = 60  # R5
INSTALL_WARN_DAYS = 14  # R5: default warning period before the deadline
UZI_SWITCH_OFF_DAYS = 7  # R11: "zeven dagen voor de vervaldatum"
UZI_PROCESSING_DAYS = 21  # R11: "ongeveer drie weken", from the day the portal has it
UZI_ISSUING_WEEKS = 6  # R11: request → certificate at the portal; unknown, so cautious
UZI_ISSUING_WEEKS_RANGE = (1, 26)  # at least a week: the request date is before the portal date


def add_years(day: date, years: int) -> date:
    """Same month and day `years` later; 29 February becomes 28 February when needed."""
    target = day.year + years
    last = calendar.monthrange(target, day.month)[1]
    return date(target, day.month, min(day.day, last))


def add_months(day: date, months: int) -> date:
    """Same day number `months` later (or earlier), clamped to the target month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def vecozo_expiry_from_install(installed_on: date) -> date:
    """R6: a VECOZO certificate is valid two years, counted from the day it is installed."""
    return add_years(installed_on, VECOZO_YEARS)


def renewed_expiry(original_expiry: date) -> date:
    """R7: after renewal two years from the *original* expiry, not from the renewal date."""
    return add_years(original_expiry, VECOZO_YEARS)


def renewal_window_opens(expiry: date) -> date:
    """R7: from one calendar month before expiry the certificate is due for renewal."""
    return add_months(expiry, -1)


def in_renewal_window(expiry: date, today: date) -> bool:
    return renewal_window_opens(expiry) <= today <= expiry


def install_deadline(issued_on: date) -> date:
    """R5: the last day on which an issued certificate can still be installed (day 60)."""
    return issued_on + timedelta(days=INSTALL_DAYS)


def install_window(issued_on: date, today: date, warn_days: int = INSTALL_WARN_DAYS) -> Decision:
    """R5 for a pending request: fine, install soon (last `warn_days` days), or too late."""
    deadline = install_deadline(issued_on)
    days_left = (deadline - today).days
    if days_left < 0:
        return decision("R5", Outcome.REFUSE, "E-R5-install-window-closed", deadline=deadline)
    if days_left <= warn_days:
        return decision("R5", Outcome.WARN, "W-R5-install-soon", deadline=deadline, days=days_left)
    return decision("R5", Outcome.INFO, "I-R5-install-by", deadline=deadline, days=days_left)


@dataclass(frozen=True)
class UziTimeline:
    """R11's three dates for one UZI server certificate, all counted back from its expiry."""

    expiry: date
    request_by: date  # "vraag aan vóór": portal_by − the practice's issuing time
    portal_by: date  # "nieuw certificaat bij de portal vóór": expiry − 28 days
    switch_off: date  # "DigiD gaat uit op": expiry − 7 days, unless the renewal is done

    def dates(self) -> dict[str, date]:
        """The dates as message parameters (every R11 text may use any of them)."""
        return {
            "expiry": self.expiry,
            "request_by": self.request_by,
            "portal_by": self.portal_by,
            "switch_off": self.switch_off,
        }

    def message_id(self, today: date) -> str:
        """Where `today` stands on the timeline, as the R11 message that says so."""
        if today > self.expiry:
            return "W-R11-expired"
        if today >= self.switch_off:
            return "W-R11-digid-off-unless-renewed"
        if today > self.portal_by:
            return "W-R11-portal-late"
        if today == self.portal_by:
            return "W-R11-portal-today"
        if today > self.request_by:
            return "W-R11-request-late"
        if today == self.request_by:
            return "W-R11-request-today"
        return "I-R11-request-by"


def check_issuing_weeks(weeks: object) -> int:
    """The practice's issuing time in whole weeks; outside the range is refused, so no setting
    can move the request date onto or past the portal date."""
    low, high = UZI_ISSUING_WEEKS_RANGE
    if not isinstance(weeks, int) or isinstance(weeks, bool) or not low <= weeks <= high:
        raise CertassistError(
            "E-settings-weeks", value=weeks, low=low, high=high, default=UZI_ISSUING_WEEKS
        )
    return weeks


def uzi_timeline(expiry: date, issuing_weeks: int = UZI_ISSUING_WEEKS) -> UziTimeline:
    weeks = check_issuing_weeks(issuing_weeks)
    switch_off = expiry - timedelta(days=UZI_SWITCH_OFF_DAYS)
    portal_by = switch_off - timedelta(days=UZI_PROCESSING_DAYS)
    return UziTimeline(expiry, portal_by - timedelta(weeks=weeks), portal_by, switch_off)

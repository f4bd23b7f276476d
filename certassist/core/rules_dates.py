"""Date arithmetic of the rules (R5, R6, R7, R11). Pure: `today` is always an argument.

Calendar choices (documented here because users will see the dates):
- Adding years to 29 February lands on 28 February in a common year (R6: installed 2024-02-29
  → valid until 2026-02-28). Never 1 March: the day a user gets is never later than promised.
- "One month before" a date is the same day number in the month before, clamped to that month's
  last day (R7: expiry 2025-03-31 → window opens 2025-02-28; 2028-03-31 → 2028-02-29).
- Install window (R5): the issuer deletes a certificate that is not installed "within 60 days".
  We count the issue day as day 0, so the deadline (last day to install) is issued_on + 60 days.
- UZI timeline (R11): the DigiD link is switched off 7 days before expiry; processing takes about
  21 days from the moment the portal vendor has the certificate. Starting on the latest safe
  start (expiry − 28 days) finishes exactly on the switch-off day; a day later is too late.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from certassist.core.rules_base import Decision, Outcome, decision

VECOZO_YEARS = 2  # R6
INSTALL_DAYS = 60  # R5
INSTALL_WARN_DAYS = 14  # R5: default warning period before the deadline
UZI_SWITCH_OFF_DAYS = 7  # R11
UZI_PROCESSING_DAYS = 21  # R11: "ongeveer drie weken"
UZI_RECOMMEND_WEEKS = 8  # R11: certassist asks to start well before the latest safe start


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
    """R11 dates for one UZI server certificate, all derived from its expiry."""

    expiry: date
    latest_safe_start: date
    switch_off: date
    recommended_start: date

    def dates(self) -> dict[str, date]:
        """The four dates as message parameters (every R11 text may use any of them)."""
        return {
            "expiry": self.expiry,
            "latest_safe_start": self.latest_safe_start,
            "switch_off": self.switch_off,
            "recommended_start": self.recommended_start,
        }

    def message_id(self, today: date) -> str:
        """Where `today` stands on the timeline, as the R11 message that says so."""
        if today > self.expiry:
            return "W-R11-expired"
        if today >= self.switch_off:
            return "W-R11-switched-off"
        if today > self.latest_safe_start:
            return "W-R11-overdue"
        if today >= self.recommended_start:
            return "W-R11-start-now"
        return "I-R11-start-on"


def uzi_timeline(expiry: date, recommend_weeks: int = UZI_RECOMMEND_WEEKS) -> UziTimeline:
    switch_off = expiry - timedelta(days=UZI_SWITCH_OFF_DAYS)
    latest = switch_off - timedelta(days=UZI_PROCESSING_DAYS)
    recommended = min(expiry - timedelta(weeks=recommend_weeks), latest)
    return UziTimeline(expiry, latest, switch_off, recommended)

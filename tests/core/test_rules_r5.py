"""R5 install window: an issued certificate must be installed within 60 days (issue day is
day 0, so the deadline is issued_on + 60); warn before the deadline, refuse after it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from certassist.core.rules import (
    Outcome,
    Status,
    install_deadline,
    install_window,
    pending_request_status,
)

ISSUED = date(2026, 10, 1)
DEADLINE = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("issued", "deadline"),
    [
        (ISSUED, DEADLINE),
        (date(2028, 1, 1), date(2028, 3, 1)),  # leap year: February has 29 days
        (date(2027, 1, 1), date(2027, 3, 2)),
        (date(2027, 12, 31), date(2028, 2, 29)),  # lands on a leap day
        (date(2028, 2, 29), date(2028, 4, 29)),
    ],
)
def test_R5_deadline_is_day_60(issued: date, deadline: date) -> None:
    assert install_deadline(issued) == deadline


@pytest.mark.parametrize(
    ("today", "outcome", "message_id"),
    [
        (DEADLINE - timedelta(days=15), Outcome.INFO, "I-R5-install-by"),
        (DEADLINE - timedelta(days=14), Outcome.WARN, "W-R5-install-soon"),
        (DEADLINE - timedelta(days=1), Outcome.WARN, "W-R5-install-soon"),
        (DEADLINE, Outcome.WARN, "W-R5-install-soon"),
        (DEADLINE + timedelta(days=1), Outcome.REFUSE, "E-R5-install-window-closed"),
        (ISSUED, Outcome.INFO, "I-R5-install-by"),
    ],
)
def test_R5_install_window_around_the_deadline(
    today: date, outcome: Outcome, message_id: str
) -> None:
    decision = install_window(ISSUED, today)
    assert (decision.rule_id, decision.outcome, decision.message_id) == ("R5", outcome, message_id)
    assert decision.params["deadline"] == "2026-11-30"


def test_R5_days_left_on_the_deadline_is_zero() -> None:
    assert install_window(ISSUED, DEADLINE).params["days"] == "0"
    assert install_window(ISSUED, DEADLINE - timedelta(days=3)).params["days"] == "3"


def test_R5_warning_period_is_configurable() -> None:
    today = DEADLINE - timedelta(days=20)
    assert install_window(ISSUED, today).outcome is Outcome.INFO
    assert install_window(ISSUED, today, warn_days=20).outcome is Outcome.WARN
    assert install_window(ISSUED, today, warn_days=19).outcome is Outcome.INFO


def test_R5_closed_window_says_a_new_request_is_needed() -> None:
    text = install_window(ISSUED, DEADLINE + timedelta(days=1)).render("nl")
    assert "60 dagen" in text and "nieuw certificaat" in text


@pytest.mark.parametrize(
    ("today", "status", "next_date"),
    [
        (DEADLINE - timedelta(days=15), Status.OK, DEADLINE),
        (DEADLINE - timedelta(days=14), Status.INSTALL_WINDOW_CLOSING, DEADLINE),
        (DEADLINE, Status.INSTALL_WINDOW_CLOSING, DEADLINE),
        (DEADLINE + timedelta(days=1), Status.EXPIRED, None),
    ],
)
def test_R5_pending_request_status(today: date, status: Status, next_date: date | None) -> None:
    report = pending_request_status(ISSUED, today)
    assert report.status is status
    assert report.rule_id == "R5"
    assert report.next_date == next_date

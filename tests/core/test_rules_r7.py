"""R7 renewal window: due from one calendar month before expiry (clamped to month ends);
after renewal valid two years from the *original* expiry date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certassist.core.models import Action, Kind
from certassist.core.rules import (
    Status,
    certificate_status,
    check,
    in_renewal_window,
    renewal_window_opens,
    renewed_expiry,
)
from tests.core.rules_helpers import CONTACT, OWN_WINDOWS, holder_actor, ids, make_cert

DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize(
    ("expiry", "opens"),
    [
        (date(2025, 3, 31), date(2025, 2, 28)),  # month end → shorter February
        (date(2028, 3, 31), date(2028, 2, 29)),  # leap year
        (date(2028, 3, 29), date(2028, 2, 29)),
        (date(2027, 3, 29), date(2027, 2, 28)),
        (date(2028, 2, 29), date(2028, 1, 29)),  # expiry on a leap day
        (date(2025, 1, 31), date(2024, 12, 31)),  # across the year
        (date(2026, 5, 31), date(2026, 4, 30)),
        (date(2026, 12, 15), date(2026, 11, 15)),
    ],
)
def test_R7_window_opens_one_calendar_month_before(expiry: date, opens: date) -> None:
    assert renewal_window_opens(expiry) == opens


@pytest.mark.parametrize(
    ("original", "renewed"),
    [
        (date(2026, 12, 15), date(2028, 12, 15)),
        (date(2028, 2, 29), date(2030, 2, 28)),
        (date(2026, 2, 28), date(2028, 2, 28)),
    ],
)
def test_R7_renewed_expiry_counts_from_the_original_expiry(original: date, renewed: date) -> None:
    assert renewed_expiry(original) == renewed


EXPIRY = date(2027, 3, 31)
OPENS = date(2027, 2, 28)


@pytest.mark.parametrize(
    ("today", "status", "next_date", "label"),
    [
        (OPENS - timedelta(days=1), Status.OK, OPENS, "L-rules-renewal-window-opens"),
        (OPENS, Status.RENEW_NOW, EXPIRY, "L-rules-expiry"),
        (OPENS + timedelta(days=1), Status.RENEW_NOW, EXPIRY, "L-rules-expiry"),
        (EXPIRY - timedelta(days=1), Status.RENEW_NOW, EXPIRY, "L-rules-expiry"),
        (EXPIRY, Status.RENEW_NOW, EXPIRY, "L-rules-expiry"),
        (EXPIRY + timedelta(days=1), Status.EXPIRED, None, None),
    ],
)
@pytest.mark.parametrize("kind", [Kind.VECOZO_PERSONAL, Kind.VECOZO_SYSTEM])
def test_R7_status_around_window_and_expiry(
    kind: Kind, today: date, status: Status, next_date: date | None, label: str | None
) -> None:
    report = certificate_status(make_cert(kind, expiry=EXPIRY), today)
    assert (report.status, report.next_date, report.next_date_label) == (status, next_date, label)


def test_R7_renew_now_message_counts_days() -> None:
    report = certificate_status(make_cert(expiry=EXPIRY), EXPIRY - timedelta(days=5))
    assert report.message_id == "W-R7-renew-now"
    assert report.params["days"] == "5"
    assert "31-3-2027" in report.render("nl")


def test_R7_renew_inside_window_tells_new_expiry_from_original_date() -> None:
    cert = make_cert(Kind.VECOZO_SYSTEM, expiry=EXPIRY)
    verdict = check(cert, CONTACT, Action.RENEW, OWN_WINDOWS, OPENS + timedelta(days=3))
    assert verdict.allowed
    info = verdict.by_rule("R7")[0]
    assert info.message_id == "I-R7-renewal-new-expiry"
    assert info.params["new_expiry"] == "2029-03-31"  # not 2029-03-03 (renewal day + 2 years)


def test_R7_renew_before_window_is_a_warning_with_the_opening_date() -> None:
    cert = make_cert(expiry=EXPIRY)
    verdict = check(cert, holder_actor(), Action.RENEW, OWN_WINDOWS, OPENS - timedelta(days=1))
    assert verdict.allowed
    assert ids(verdict.warnings) == ["W-R7-not-due-yet"]
    assert verdict.warnings[0].params["opens"] == "2027-02-28"


def test_R7_renewal_window_does_not_apply_to_uzi_server_certificates() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    assert certificate_status(cert, EXPIRY - timedelta(days=3)).status is not Status.RENEW_NOW


@given(DATES)
def test_R7_property_renewed_expiry_is_always_later_and_on_or_near_the_same_day(
    original: date,
) -> None:
    renewed = renewed_expiry(original)
    assert renewed > original
    assert 730 <= (renewed - original).days <= 731
    assert (renewed.month, renewed.day) == (original.month, original.day) or (
        (original.month, original.day) == (2, 29) and (renewed.month, renewed.day) == (2, 28)
    )


@given(DATES)
def test_R7_property_window_opens_28_to_31_days_before_expiry(expiry: date) -> None:
    opens = renewal_window_opens(expiry)
    assert 28 <= (expiry - opens).days <= 31
    assert in_renewal_window(expiry, opens)
    assert not in_renewal_window(expiry, opens - timedelta(days=1))
    assert not in_renewal_window(expiry, expiry + timedelta(days=1))

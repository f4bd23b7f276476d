"""R11 UZI renewal timeline: the portal's ~3 weeks count from the day it *has* the new
certificate, and DigiD goes off 7 days before expiry. So expiry − 28 days is the last day the new
certificate must be with the portal; the request lies the practice's issuing time before that."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certassist.core.errors import CertassistError
from certassist.core.models import Action, Kind
from certassist.core.names import format_day
from certassist.core.rules import (
    Status,
    UziTimeline,
    applicable_rules,
    certificate_status,
    check,
    uzi_timeline,
)
from tests.core.rules_helpers import NOBODY, ids, make_cert

EXPIRY = date(2027, 3, 1)
PORTAL_BY = date(2027, 2, 1)  # 28 days before
REQUEST_BY = date(2026, 12, 21)  # 28 days + 6 weeks (the cautious default) before
SWITCH_OFF = date(2027, 2, 22)  # 7 days before
DAY = timedelta(days=1)


def test_R11_three_dates() -> None:
    assert uzi_timeline(EXPIRY) == UziTimeline(EXPIRY, REQUEST_BY, PORTAL_BY, SWITCH_OFF)


@pytest.mark.parametrize(
    ("expiry", "portal_by", "switch_off"),
    [
        (date(2028, 3, 1), date(2028, 2, 2), date(2028, 2, 23)),  # leap February in between
        (date(2028, 2, 29), date(2028, 2, 1), date(2028, 2, 22)),  # expiry on a leap day
        (date(2028, 3, 28), date(2028, 2, 29), date(2028, 3, 21)),  # portal date on a leap day
        (date(2027, 1, 10), date(2026, 12, 13), date(2027, 1, 3)),  # across the year
    ],
)
def test_R11_timeline_across_month_and_leap_days(
    expiry: date, portal_by: date, switch_off: date
) -> None:
    timeline = uzi_timeline(expiry)
    assert (timeline.portal_by, timeline.switch_off) == (portal_by, switch_off)


def test_R11_issuing_time_moves_only_the_request_date() -> None:
    twelve = uzi_timeline(EXPIRY, issuing_weeks=12)
    assert twelve.request_by == PORTAL_BY - timedelta(weeks=12)
    assert (twelve.portal_by, twelve.switch_off) == (PORTAL_BY, SWITCH_OFF)
    assert uzi_timeline(EXPIRY, issuing_weeks=1).request_by == PORTAL_BY - timedelta(days=7)


@pytest.mark.parametrize("weeks", [0, -1, 27, True])
def test_R11_no_setting_puts_the_request_on_or_after_the_portal_date(weeks: int) -> None:
    with pytest.raises(CertassistError) as caught:
        uzi_timeline(EXPIRY, issuing_weeks=weeks)
    assert caught.value.message_id == "E-settings-weeks"


@pytest.mark.parametrize(
    ("today", "status", "message_id", "next_date"),
    [
        (REQUEST_BY - DAY, Status.OK, "I-R11-request-by", REQUEST_BY),
        (REQUEST_BY, Status.UZI_START_NOW, "W-R11-request-today", REQUEST_BY),
        (REQUEST_BY + DAY, Status.UZI_START_NOW, "W-R11-request-late", PORTAL_BY),
        (PORTAL_BY - DAY, Status.UZI_START_NOW, "W-R11-request-late", PORTAL_BY),
        (PORTAL_BY, Status.UZI_START_NOW, "W-R11-portal-today", PORTAL_BY),
        (PORTAL_BY + DAY, Status.UZI_OVERDUE, "W-R11-portal-late", SWITCH_OFF),
        (SWITCH_OFF - DAY, Status.UZI_OVERDUE, "W-R11-portal-late", SWITCH_OFF),
        (SWITCH_OFF, Status.UZI_OVERDUE, "W-R11-digid-off-unless-renewed", EXPIRY),
        (SWITCH_OFF + DAY, Status.UZI_OVERDUE, "W-R11-digid-off-unless-renewed", EXPIRY),
        (EXPIRY, Status.UZI_OVERDUE, "W-R11-digid-off-unless-renewed", EXPIRY),
        (EXPIRY + DAY, Status.EXPIRED, "W-R11-expired", None),
    ],
)
def test_R11_status_around_every_boundary(
    today: date, status: Status, message_id: str, next_date: date | None
) -> None:
    report = certificate_status(make_cert(Kind.UZI_SERVER, expiry=EXPIRY), today)
    assert (report.status, report.rule_id, report.message_id, report.next_date) == (
        status,
        "R11",
        message_id,
        next_date,
    )


TWELVE = PORTAL_BY - timedelta(weeks=12)  # a practice whose request takes longer


@pytest.mark.parametrize(
    ("today", "status", "next_date"),
    [
        (TWELVE - DAY, Status.OK, TWELVE),
        (TWELVE, Status.UZI_START_NOW, TWELVE),
        (REQUEST_BY - DAY, Status.UZI_START_NOW, PORTAL_BY),  # already due with 12 weeks
        (PORTAL_BY + DAY, Status.UZI_OVERDUE, SWITCH_OFF),  # the portal date does not move
    ],
)
def test_R11_status_with_the_practice_issuing_time(
    today: date, status: Status, next_date: date
) -> None:
    report = certificate_status(make_cert(Kind.UZI_SERVER, expiry=EXPIRY), today, 12)
    assert (report.status, report.next_date) == (status, next_date)
    assert report.params["request_by"] == TWELVE.isoformat()


def test_R11_issuing_time_does_not_touch_other_kinds() -> None:
    cert = make_cert(Kind.VECOZO_PERSONAL, expiry=EXPIRY)
    assert certificate_status(cert, TWELVE, 12) == certificate_status(cert, TWELVE)


def test_R11_inspect_timeline_uses_the_practice_issuing_time() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    r11 = [d for d in applicable_rules(cert, TWELVE, issuing_weeks=12) if d.rule_id == "R11"]
    assert [d.message_id for d in r11] == ["W-R11-request-today"]
    default = [d for d in applicable_rules(cert, TWELVE) if d.rule_id == "R11"]
    assert [d.message_id for d in default] == ["I-R11-request-by"]


def test_R11_request_message_names_the_three_dates() -> None:
    report = certificate_status(make_cert(Kind.UZI_SERVER, expiry=EXPIRY), REQUEST_BY - DAY)
    text = report.render("nl")
    assert "Vraag aan vóór" in text and "bij de portal vóór" in text and "DigiD gaat uit" in text
    for day in (REQUEST_BY, PORTAL_BY, SWITCH_OFF):
        assert format_day(day, "nl") in text  # Dutch dates in Dutch text (#11.6)
    assert report.next_date_label == "L-rules-request-by"


def test_R11_never_says_DigiD_is_off_as_a_fact() -> None:
    """certassist cannot see the portal: from the switch-off day it says 'unless renewed'."""
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    for lang in ("nl", "en"):
        for decision in applicable_rules(cert, SWITCH_OFF):
            text = decision.render(lang)
            assert "is uitgeschakeld" not in text and "is switched off" not in text


def test_R11_while_DigiD_may_be_off_old_linking_helpdesk_and_Bricks() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    r11 = [d for d in applicable_rules(cert, SWITCH_OFF) if d.rule_id == "R11"]
    texts = " ".join(d.render("nl") for d in r11)
    assert "beheer.pharmeon.nl" in texts and "Help" in texts and "Handleiding" in texts
    assert "https://uwzorgonline.atlassian.net/servicedesk/customer/portal/9" in texts
    assert "Bricks" in texts and "geen andere inlog- of koppelmethode" in texts
    assert "DigiD-inlogknop" in texts  # the two signs to check
    before = [d for d in applicable_rules(cert, SWITCH_OFF - DAY) if d.rule_id == "R11"]
    assert len(before) == 1  # before the switch-off day: only the timeline


def test_R11_renew_check_includes_the_timeline() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    verdict = check(cert, NOBODY, Action.RENEW, None, PORTAL_BY + DAY)
    assert "W-R11-portal-late" in ids(verdict.warnings)
    assert verdict.allowed


def test_R11_expired_server_certificate_can_still_be_replaced() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    verdict = check(cert, NOBODY, Action.RENEW, None, EXPIRY + DAY)
    assert verdict.allowed
    assert "W-R11-expired" in ids(verdict.warnings)


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)), st.integers(1, 26))
def test_R11_property_request_before_portal_before_switch_off(expiry: date, weeks: int) -> None:
    timeline = uzi_timeline(expiry, issuing_weeks=weeks)
    assert expiry - timeline.portal_by == timedelta(days=28)
    assert expiry - timeline.switch_off == timedelta(days=7)
    assert timeline.request_by < timeline.portal_by < timeline.switch_off

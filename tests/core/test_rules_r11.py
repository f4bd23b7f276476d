"""R11 UZI renewal timeline: about 21 days processing, the DigiD link goes off 7 days before
expiry, so the latest safe start is expiry − 28 days; certassist asks to start 8 weeks before."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certassist.core.models import Action, Kind
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
RECOMMENDED = date(2027, 1, 4)  # 8 weeks before
LATEST = date(2027, 2, 1)  # 28 days before
SWITCH_OFF = date(2027, 2, 22)  # 7 days before
DAY = timedelta(days=1)


def test_R11_timeline_dates() -> None:
    assert uzi_timeline(EXPIRY) == UziTimeline(EXPIRY, LATEST, SWITCH_OFF, RECOMMENDED)


@pytest.mark.parametrize(
    ("expiry", "latest", "switch_off"),
    [
        (date(2028, 3, 1), date(2028, 2, 2), date(2028, 2, 23)),  # leap February in between
        (date(2028, 2, 29), date(2028, 2, 1), date(2028, 2, 22)),  # expiry on a leap day
        (date(2028, 3, 28), date(2028, 2, 29), date(2028, 3, 21)),  # latest start on a leap day
        (date(2027, 1, 10), date(2026, 12, 13), date(2027, 1, 3)),  # across the year
    ],
)
def test_R11_timeline_across_month_and_leap_days(
    expiry: date, latest: date, switch_off: date
) -> None:
    timeline = uzi_timeline(expiry)
    assert (timeline.latest_safe_start, timeline.switch_off) == (latest, switch_off)


def test_R11_recommend_weeks_is_configurable_but_never_after_latest_start() -> None:
    assert uzi_timeline(EXPIRY, recommend_weeks=12).recommended_start == EXPIRY - timedelta(
        weeks=12
    )
    assert uzi_timeline(EXPIRY, recommend_weeks=2).recommended_start == LATEST


@pytest.mark.parametrize(
    ("today", "status", "message_id", "next_date"),
    [
        (RECOMMENDED - DAY, Status.OK, "I-R11-start-on", RECOMMENDED),
        (RECOMMENDED, Status.UZI_START_NOW, "W-R11-start-now", LATEST),
        (RECOMMENDED + DAY, Status.UZI_START_NOW, "W-R11-start-now", LATEST),
        (LATEST - DAY, Status.UZI_START_NOW, "W-R11-start-now", LATEST),
        (LATEST, Status.UZI_START_NOW, "W-R11-start-now", LATEST),
        (LATEST + DAY, Status.UZI_OVERDUE, "W-R11-overdue", SWITCH_OFF),
        (SWITCH_OFF - DAY, Status.UZI_OVERDUE, "W-R11-overdue", SWITCH_OFF),
        (SWITCH_OFF, Status.UZI_OVERDUE, "W-R11-switched-off", EXPIRY),
        (SWITCH_OFF + DAY, Status.UZI_OVERDUE, "W-R11-switched-off", EXPIRY),
        (EXPIRY, Status.UZI_OVERDUE, "W-R11-switched-off", EXPIRY),
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


TWELVE = EXPIRY - timedelta(weeks=12)  # a practice that wants to start earlier


@pytest.mark.parametrize(
    ("today", "status", "next_date"),
    [
        (TWELVE - DAY, Status.OK, TWELVE),
        (TWELVE, Status.UZI_START_NOW, LATEST),
        (RECOMMENDED - DAY, Status.UZI_START_NOW, LATEST),  # already due with 12 weeks
        (LATEST + DAY, Status.UZI_OVERDUE, SWITCH_OFF),  # the safe dates do not move
    ],
)
def test_R11_status_with_the_practice_lead_time(
    today: date, status: Status, next_date: date
) -> None:
    report = certificate_status(make_cert(Kind.UZI_SERVER, expiry=EXPIRY), today, 12)
    assert (report.status, report.next_date) == (status, next_date)
    assert report.params["recommended_start"] == TWELVE.isoformat()


def test_R11_lead_time_does_not_touch_other_kinds() -> None:
    cert = make_cert(Kind.VECOZO_PERSONAL, expiry=EXPIRY)
    assert certificate_status(cert, TWELVE, 12) == certificate_status(cert, TWELVE)


def test_R11_inspect_timeline_uses_the_practice_lead_time() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    r11 = [d for d in applicable_rules(cert, TWELVE, recommend_weeks=12) if d.rule_id == "R11"]
    assert [d.message_id for d in r11] == ["W-R11-start-now"]
    default = [d for d in applicable_rules(cert, TWELVE) if d.rule_id == "R11"]
    assert [d.message_id for d in default] == ["I-R11-start-on"]


def test_R11_start_now_message_names_the_latest_start_and_switch_off() -> None:
    report = certificate_status(make_cert(Kind.UZI_SERVER, expiry=EXPIRY), RECOMMENDED)
    text = report.render("nl")
    assert "2027-02-01" in text and "2027-02-22" in text and "drie weken" in text
    assert report.next_date_label == "L-rules-latest-safe-start"


def test_R11_renew_check_includes_the_timeline() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    verdict = check(cert, NOBODY, Action.RENEW, None, LATEST + DAY)
    assert "W-R11-overdue" in ids(verdict.warnings)
    assert verdict.allowed


def test_R11_expired_server_certificate_can_still_be_replaced() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=EXPIRY)
    verdict = check(cert, NOBODY, Action.RENEW, None, EXPIRY + DAY)
    assert verdict.allowed
    assert "W-R11-expired" in ids(verdict.warnings)


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 52))
def test_R11_property_latest_safe_start_is_always_28_days_before_expiry(
    expiry: date, weeks: int
) -> None:
    timeline = uzi_timeline(expiry, recommend_weeks=weeks)
    assert expiry - timeline.latest_safe_start == timedelta(days=28)
    assert expiry - timeline.switch_off == timedelta(days=7)
    assert timeline.recommended_start <= timeline.latest_safe_start < timeline.switch_off

"""R6 validity: VECOZO 2 years from the install day (29 February → 28 February); expired
certificates are not put anywhere; not-yet-valid ones are a warning (see rules_validity)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from certassist.core.models import Action, Kind
from certassist.core.rules import Outcome, Status, certificate_status, check
from certassist.core.rules import vecozo_expiry_from_install as expiry_from
from tests.core.rules_helpers import (
    CONTACT,
    NOBODY,
    OWN_WINDOWS,
    PFX_FOLDER,
    TODAY,
    holder_actor,
    ids,
    make_cert,
)


@pytest.mark.parametrize(
    ("installed", "expiry"),
    [
        (date(2026, 11, 28), date(2028, 11, 28)),
        (date(2024, 2, 29), date(2026, 2, 28)),  # leap day → last day of February
        (date(2028, 2, 29), date(2030, 2, 28)),
        (date(2026, 2, 28), date(2028, 2, 28)),  # lands in a leap year: stays the 28th
        (date(2027, 3, 1), date(2029, 3, 1)),
        (date(2026, 12, 31), date(2028, 12, 31)),
    ],
)
def test_R6_vecozo_valid_two_years_from_install(installed: date, expiry: date) -> None:
    assert expiry_from(installed) == expiry


def test_R6_other_certificate_expired_is_refused_new_one_needed() -> None:
    cert = make_cert(Kind.OTHER, expiry=TODAY - timedelta(days=1))
    verdict = check(cert, NOBODY, Action.RESTORE, OWN_WINDOWS, TODAY)
    assert ids(verdict.refusals) == ["E-R6-expired-new-needed"]
    assert "nieuw certificaat" in verdict.refusals[0].render("nl")


def test_R6_expired_uzi_server_certificate_points_to_the_vendor() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=TODAY - timedelta(days=1))
    verdict = check(cert, NOBODY, Action.INSTALL, OWN_WINDOWS, TODAY)
    assert ids(verdict.refusals) == ["E-R6-expired-uzi-server"]
    assert "leverancier" in verdict.refusals[0].render("nl")


@pytest.mark.parametrize(
    ("expiry", "allowed"),
    [(TODAY - timedelta(days=1), False), (TODAY, True), (TODAY + timedelta(days=1), True)],
)
def test_R6_expiry_day_itself_still_counts_as_valid(expiry: date, allowed: bool) -> None:
    cert = make_cert(Kind.OTHER, expiry=expiry)
    assert check(cert, NOBODY, Action.COPY, OWN_WINDOWS, TODAY).allowed is allowed


@pytest.mark.parametrize(
    ("valid_from", "warned"),
    [(TODAY + timedelta(days=1), True), (TODAY, False), (TODAY - timedelta(days=1), False)],
)
def test_R6_not_yet_valid_is_a_warning_not_a_refusal(valid_from: date, warned: bool) -> None:
    cert = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2028, 12, 1), valid_from=valid_from)
    verdict = check(cert, CONTACT, Action.INSTALL, OWN_WINDOWS, TODAY)
    assert verdict.allowed
    assert ("W-R6-not-yet-valid" in ids(verdict.warnings)) is warned


def test_R6_not_yet_valid_status_names_the_start_date() -> None:
    start = TODAY + timedelta(days=3)
    cert = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2028, 12, 1), valid_from=start)
    report = certificate_status(cert, TODAY)
    assert report.status is Status.NOT_YET_VALID
    assert report.next_date == start
    assert report.next_date_label == "L-rules-valid-from"
    assert "1-12-2026" in report.render("nl")


def test_R6_backup_of_expired_certificate_is_a_warning() -> None:
    cert = make_cert(Kind.VECOZO_PERSONAL, expiry=TODAY - timedelta(days=10))
    verdict = check(cert, holder_actor(), Action.BACKUP, PFX_FOLDER, TODAY)
    assert verdict.allowed
    assert ids(verdict.warnings) == ["W-R6-expired-backup"]


def test_R6_removing_an_expired_certificate_is_allowed() -> None:
    cert = make_cert(Kind.OTHER, expiry=TODAY - timedelta(days=400))
    verdict = check(cert, NOBODY, Action.REMOVE, OWN_WINDOWS, TODAY)
    assert verdict.allowed and verdict.decisions == ()


@pytest.mark.parametrize(
    ("today", "status", "next_date"),
    [
        (date(2027, 6, 29), Status.OK, date(2027, 6, 30)),
        (date(2027, 6, 30), Status.OK, date(2027, 6, 30)),
        (date(2027, 7, 1), Status.EXPIRED, None),
    ],
)
def test_R6_status_of_other_certificates(today: date, status: Status, next_date: date) -> None:
    cert = make_cert(Kind.OTHER, expiry=date(2027, 6, 30))
    report = certificate_status(cert, today)
    assert (report.status, report.next_date) == (status, next_date)


def test_R6_decision_outcomes_are_refuse_for_placing_expired() -> None:
    cert = make_cert(Kind.OTHER, expiry=TODAY - timedelta(days=1))
    verdict = check(cert, NOBODY, Action.INSTALL, OWN_WINDOWS, TODAY)
    assert [d.outcome for d in verdict.by_rule("R6")] == [Outcome.REFUSE]

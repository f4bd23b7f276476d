"""R8 late renewal: an expired VECOZO certificate needs no new request; it is reinstalled with
the user number and PIN. Copying or restoring the expired one is refused with that next step."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from certassist.core.models import Action, Actor, Kind
from certassist.core.rules import Status, certificate_status, check
from tests.core.rules_helpers import CONTACT, OWN_WINDOWS, holder_actor, ids, make_cert

EXPIRY = date(2028, 2, 29)  # a leap day
DAY_AFTER = date(2028, 3, 1)


def actor_for(kind: Kind) -> Actor:
    return CONTACT if kind is Kind.VECOZO_SYSTEM else holder_actor()


@pytest.mark.parametrize("kind", [Kind.VECOZO_PERSONAL, Kind.VECOZO_SYSTEM])
@pytest.mark.parametrize("action", [Action.INSTALL, Action.RESTORE, Action.COPY])
def test_R8_expired_vecozo_is_refused_with_reinstall_advice(kind: Kind, action: Action) -> None:
    cert = make_cert(kind, expiry=EXPIRY)
    verdict = check(cert, actor_for(kind), action, OWN_WINDOWS, DAY_AFTER)
    assert ids(verdict.refusals) == ["E-R8-expired-reinstall"]
    text = verdict.refusals[0].render("nl")
    assert "gebruikersnummer" in text and "pincode" in text and "29-2-2028" in text
    assert "R9" not in verdict.rule_ids  # no backup advice for an action that will not happen


@pytest.mark.parametrize("kind", [Kind.VECOZO_PERSONAL, Kind.VECOZO_SYSTEM])
def test_R8_expired_vecozo_cannot_be_renewed_reinstall_instead(kind: Kind) -> None:
    verdict = check(make_cert(kind, expiry=EXPIRY), actor_for(kind), Action.RENEW, None, DAY_AFTER)
    assert ids(verdict.refusals) == ["E-R8-renew-too-late"]
    assert "nieuwe aanvraag is niet nodig" in verdict.refusals[0].render("nl")


@pytest.mark.parametrize("kind", [Kind.VECOZO_PERSONAL, Kind.VECOZO_SYSTEM])
def test_R8_on_the_expiry_day_renewal_still_works(kind: Kind) -> None:
    verdict = check(make_cert(kind, expiry=EXPIRY), actor_for(kind), Action.RENEW, None, EXPIRY)
    assert verdict.allowed
    assert verdict.by_rule("R8") == ()


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (EXPIRY - timedelta(days=1), Status.RENEW_NOW),
        (EXPIRY, Status.RENEW_NOW),
        (DAY_AFTER, Status.EXPIRED),
    ],
)
def test_R8_status_becomes_expired_the_day_after_expiry(today: date, status: Status) -> None:
    report = certificate_status(make_cert(expiry=EXPIRY), today)
    assert report.status is status


def test_R8_expired_status_points_to_reinstall() -> None:
    report = certificate_status(make_cert(expiry=EXPIRY), DAY_AFTER)
    assert (report.rule_id, report.message_id, report.next_date) == ("R8", "W-R8-expired", None)
    assert "geen nieuw certificaat" in report.render("nl")

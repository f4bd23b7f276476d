"""R13 subscriber number: a UZI server certificate belongs to one subscriber number; warn when
the practice recorded another one."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.models import Action, Kind
from certassist.core.rules import Outcome, PracticeFacts, check, subscriber_mismatch
from tests.core.rules_helpers import NOBODY, SUBSCRIBER, TODAY, ids, make_cert

UZI = make_cert(Kind.UZI_SERVER, expiry=date(2028, 6, 1))


def facts(number: str | None) -> PracticeFacts:
    return PracticeFacts(subscriber_number=number, vendor_id=None, contact_person=None)


def test_R13_mismatch_warns_with_both_numbers() -> None:
    decision = subscriber_mismatch(UZI, facts("87654321"))
    assert decision is not None
    assert (decision.rule_id, decision.outcome) == ("R13", Outcome.WARN)
    text = decision.render("nl")
    assert SUBSCRIBER in text and "87654321" in text and "DigiD" in text


@pytest.mark.parametrize("recorded", [SUBSCRIBER, " 1234 5678 ", "012345678"])
def test_R13_same_number_is_no_mismatch(recorded: str) -> None:
    assert subscriber_mismatch(UZI, facts(recorded)) is None


@pytest.mark.parametrize("recorded", [None, ""])
def test_R13_unknown_practice_number_is_no_decision(recorded: str | None) -> None:
    assert subscriber_mismatch(UZI, facts(recorded)) is None
    assert subscriber_mismatch(UZI, None) is None


def test_R13_certificate_without_number_is_no_decision() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=date(2028, 6, 1), subscriber=None)
    assert subscriber_mismatch(cert, facts("87654321")) is None


def test_R13_ura_number_counts_too() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=date(2028, 6, 1), subscriber=None, ura="90000123")
    assert subscriber_mismatch(cert, facts("90000123")) is None
    assert subscriber_mismatch(cert, facts("90000124")) is not None


def test_R13_check_warns_on_every_action_but_does_not_refuse() -> None:
    verdict = check(UZI, NOBODY, Action.INSPECT, None, TODAY, facts("87654321"))
    assert verdict.allowed
    assert ids(verdict.warnings).count("W-R13-subscriber-mismatch") == 1


def test_R13_check_confirms_a_matching_number() -> None:
    verdict = check(UZI, NOBODY, Action.INSPECT, None, TODAY, facts(SUBSCRIBER))
    assert ids(verdict.by_rule("R13")) == ["A-R13-subscriber-matches"]


def test_R13_not_applied_to_vecozo_certificates() -> None:
    cert = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2028, 6, 1))
    assert check(cert, NOBODY, Action.INSPECT, None, TODAY, facts("1")).by_rule("R13") == ()

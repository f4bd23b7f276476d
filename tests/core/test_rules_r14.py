"""R14 confirm success: after a renewal certassist shows the new expiry and where the new
certificate is installed; a "new" certificate that is not a renewal is rejected."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.models import Kind
from certassist.core.rules import Outcome, confirm_renewal
from tests.core.rules_helpers import TODAY, ids, make_cert

OLD = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2026, 12, 20), serial="1")
NEW = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2028, 12, 20), valid_from=TODAY, serial="2")
PLACES = ["Windows (huidige gebruiker)", "Firefox: default-release"]


def test_R14_renewal_confirmed_with_new_expiry_and_places() -> None:
    verdict = confirm_renewal(OLD, NEW, PLACES, TODAY)
    assert verdict.allowed
    first = verdict.decisions[0]
    assert (first.rule_id, first.outcome, first.message_id) == (
        "R14",
        Outcome.INFO,
        "I-R14-renewed",
    )
    text = first.render("nl")
    assert (
        "20-12-2028" in text and "Windows (huidige gebruiker)" in text and "default-release" in text
    )
    assert "I-R9-backup-now" in ids(verdict)


def test_R14_not_installed_anywhere_is_a_warning() -> None:
    verdict = confirm_renewal(OLD, NEW, [], TODAY)
    assert ids(verdict.warnings) == ["W-R14-not-installed"]


def test_R14_same_certificate_is_not_a_renewal() -> None:
    verdict = confirm_renewal(OLD, OLD, PLACES, TODAY)
    assert not verdict.allowed
    assert "E-R14-same-certificate" in ids(verdict.refusals)


def test_R14_other_holder_is_not_a_renewal() -> None:
    other = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2028, 12, 20), holder="Piet Jansen")
    verdict = confirm_renewal(OLD, other, PLACES, TODAY)
    assert ids(verdict.refusals) == ["E-R14-different-holder"]


def test_R14_holder_compared_like_a_person_would() -> None:
    same = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2028, 12, 20), holder="JOSE DE VRIES")
    assert confirm_renewal(OLD, same, PLACES, TODAY).allowed


@pytest.mark.parametrize(
    "expiry", [date(2026, 12, 20), date(2026, 12, 19)], ids=["same-expiry", "earlier"]
)
def test_R14_new_expiry_must_be_later(expiry: date) -> None:
    new = make_cert(Kind.VECOZO_PERSONAL, expiry=expiry, serial="3")
    verdict = confirm_renewal(OLD, new, PLACES, TODAY)
    assert ids(verdict.refusals) == ["E-R14-not-later"]


def test_R14_one_day_later_is_enough() -> None:
    new = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2026, 12, 21), serial="3")
    assert confirm_renewal(OLD, new, PLACES, TODAY).allowed


def test_R14_other_subscriber_is_not_a_renewal_of_a_uzi_server_certificate() -> None:
    old = make_cert(Kind.UZI_SERVER, expiry=date(2027, 1, 1))
    new = make_cert(Kind.UZI_SERVER, expiry=date(2030, 1, 1), subscriber="87654321")
    verdict = confirm_renewal(old, new, ["portaal"], TODAY)
    assert ids(verdict.refusals) == ["E-R14-different-subscriber"]


def test_R14_uzi_server_renewal_with_same_subscriber_is_confirmed() -> None:
    old = make_cert(Kind.UZI_SERVER, expiry=date(2027, 1, 1))
    new = make_cert(Kind.UZI_SERVER, expiry=date(2030, 1, 1))
    verdict = confirm_renewal(old, new, ["portaal"], TODAY)
    assert verdict.allowed
    assert verdict.decisions[0].params["new_expiry"] == "2030-01-01"


def test_R14_other_kind_is_not_a_renewal() -> None:
    new = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2028, 12, 20))
    refusals = confirm_renewal(OLD, new, PLACES, TODAY).refusals
    assert "E-R14-different-kind" in ids(refusals)
    refusal = next(r for r in refusals if r.message_id == "E-R14-different-kind")
    assert "VECOZO systeemcertificaat" in refusal.render("nl")
    assert "VECOZO system certificate" in refusal.render("en")
    assert "vecozo-system" not in refusal.render("en")


def test_R14_new_certificate_not_yet_valid_is_a_warning() -> None:
    new = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2028, 12, 20), valid_from=date(2026, 12, 1))
    verdict = confirm_renewal(OLD, new, PLACES, TODAY)
    assert verdict.allowed
    assert ids(verdict.warnings) == ["W-R6-not-yet-valid"]

"""R1 rightful user: only the person named in a personal certificate installs, renews and
restores it; the contact person cannot do it for someone else."""

from __future__ import annotations

import pytest

from certassist.core.models import Action, Actor, Kind
from certassist.core.rules import Outcome, check, normalise_name
from tests.core.rules_helpers import (
    CONTACT,
    HOLDER,
    OWN_WINDOWS,
    TODAY,
    holder_actor,
    ids,
    make_cert,
)

PLACING = [Action.INSTALL, Action.RENEW, Action.RESTORE, Action.COPY]


@pytest.mark.parametrize(
    "typed",
    [HOLDER, "jose de vries", "  JOSÉ   DE  VRIES ", "Jose\tde Vries", "JOSE DE VRIES"],
)
def test_R1_holder_confirming_own_name_is_allowed(typed: str) -> None:
    cert = make_cert(expiry=TODAY.replace(year=2028))
    verdict = check(cert, holder_actor(typed), Action.INSTALL, OWN_WINDOWS, TODAY)
    assert verdict.allowed
    assert "A-R1-rightful-user" in ids(verdict)


@pytest.mark.parametrize("typed", ["J. de Vries", "Jan de Vries", "José de Vries-Bakker", "Vries"])
def test_R1_other_name_is_refused_with_holder_named(typed: str) -> None:
    cert = make_cert(expiry=TODAY.replace(year=2028))
    verdict = check(cert, holder_actor(typed), Action.INSTALL, OWN_WINDOWS, TODAY)
    assert not verdict.allowed
    refusal = verdict.refusals[0]
    assert refusal.rule_id == "R1"
    assert refusal.message_id == "E-R1-not-rightful-user"
    text = refusal.render("nl")
    assert HOLDER in text and "R1" in text and "contactpersoon" in text


@pytest.mark.parametrize("action", PLACING)
def test_R1_contact_person_cannot_act_for_the_holder(action: Action) -> None:
    cert = make_cert(expiry=TODAY.replace(year=2027, month=12))
    verdict = check(cert, CONTACT, action, OWN_WINDOWS, TODAY)
    assert [d.message_id for d in verdict.by_rule("R1")] == ["E-R1-not-rightful-user"]


@pytest.mark.parametrize("name", [None, "", "   "])
def test_R1_unconfirmed_name_asks_for_confirmation(name: str | None) -> None:
    cert = make_cert(expiry=TODAY.replace(year=2028))
    verdict = check(cert, holder_actor(name), Action.RESTORE, OWN_WINDOWS, TODAY)
    assert ids(verdict.refusals) == ["E-R1-confirm-name"]
    assert "Ik ben José de Vries" in verdict.refusals[0].render("nl")


def test_R1_certificate_without_holder_is_refused() -> None:
    cert = make_cert(expiry=TODAY.replace(year=2028), holder=None)
    verdict = check(cert, holder_actor("Iemand"), Action.INSTALL, OWN_WINDOWS, TODAY)
    assert ids(verdict.refusals) == ["E-R1-holder-unknown"]


@pytest.mark.parametrize("action", [Action.BACKUP, Action.REMOVE, Action.INSPECT])
def test_R1_does_not_apply_to_backup_remove_inspect(action: Action) -> None:
    cert = make_cert(expiry=TODAY.replace(year=2028))
    verdict = check(cert, Actor("colleague"), action, None, TODAY)
    assert verdict.by_rule("R1") == ()
    assert verdict.allowed


def test_R1_does_not_apply_to_system_certificates() -> None:
    cert = make_cert(Kind.VECOZO_SYSTEM, expiry=TODAY.replace(year=2028))
    verdict = check(cert, CONTACT, Action.INSTALL, OWN_WINDOWS, TODAY)
    assert verdict.by_rule("R1") == ()
    assert verdict.allowed


def test_R1_name_normalisation_strips_accents_case_and_spaces() -> None:
    assert normalise_name("  Ïngrid   VAN  Dĳk ") == normalise_name("ingrid van dijk")
    assert normalise_name("Zoë") == "zoe"
    assert normalise_name("Anna Strauß") == normalise_name("ANNA STRAUSS")  # casefold
    assert normalise_name("Jan") != normalise_name("Jans")


def test_R1_refusal_outcome_is_refuse() -> None:
    cert = make_cert(expiry=TODAY.replace(year=2028))
    verdict = check(cert, holder_actor("Piet"), Action.RENEW, OWN_WINDOWS, TODAY)
    assert verdict.by_rule("R1")[0].outcome is Outcome.REFUSE

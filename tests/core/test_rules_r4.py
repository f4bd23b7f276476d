"""R4: a personal certificate goes only to the current OS user's own stores."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.models import Action, Kind, Owner, StoreKind, StoreTarget
from certassist.core.rules import check
from tests.core.rules_helpers import (
    CONTACT,
    FIREFOX,
    MACHINE,
    OTHER_USER,
    OWN_WINDOWS,
    PFX_FOLDER,
    TODAY,
    holder_actor,
    ids,
    make_cert,
)

PERSONAL = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2028, 5, 1))


@pytest.mark.parametrize(
    "target", [MACHINE, OTHER_USER, StoreTarget(StoreKind.FIREFOX, Owner.OTHER_USER)]
)
@pytest.mark.parametrize("action", [Action.INSTALL, Action.RESTORE, Action.COPY, Action.RENEW])
def test_R4_machine_or_other_user_store_is_refused(target: StoreTarget, action: Action) -> None:
    verdict = check(PERSONAL, holder_actor(), action, target, TODAY)
    assert not verdict.allowed
    assert ids(verdict.by_rule("R4")) == ["E-R4-not-own-store"]
    assert "R4" in verdict.by_rule("R4")[0].render("nl")


@pytest.mark.parametrize("target", [MACHINE, StoreTarget(StoreKind.FIREFOX, Owner.OTHER_USER)])
def test_R4_refusal_reads_well_in_dutch_and_english(target: StoreTarget) -> None:
    (refusal,) = check(PERSONAL, holder_actor(), Action.INSTALL, target, TODAY).refusals
    nl, en = refusal.render("nl"), refusal.render("en")
    assert nl.startswith(
        "Een persoonlijk certificaat gaat alleen naar de opslag van uw eigen Windows-account,"
    )
    assert en.startswith("A personal certificate only goes to your own Windows account's stores,")
    raw = [str(k) for k in StoreKind] + [str(o) for o in Owner]
    assert not [r for r in raw if f"({r})" in nl or f" {r} " in nl or f" {r} " in en]
    own = check(PERSONAL, holder_actor(), Action.INSTALL, FIREFOX, TODAY).by_rule("R4")[0]
    assert own.render("nl") == "Deze opslag is van uw eigen Windows-account."


@pytest.mark.parametrize("target", [OWN_WINDOWS, FIREFOX, PFX_FOLDER])
def test_R4_own_stores_are_fine(target: StoreTarget) -> None:
    verdict = check(PERSONAL, holder_actor(), Action.RESTORE, target, TODAY)
    assert verdict.allowed
    assert ids(verdict.by_rule("R4")) == ["A-R4-own-store"]


def test_R4_without_a_target_nothing_is_decided() -> None:
    verdict = check(PERSONAL, holder_actor(), Action.INSTALL, None, TODAY)
    assert verdict.by_rule("R4") == ()


def test_R4_system_certificate_may_go_to_the_machine_store() -> None:
    system = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2028, 5, 1))
    verdict = check(system, CONTACT, Action.INSTALL, MACHINE, TODAY)
    assert verdict.allowed
    assert verdict.by_rule("R4") == ()


def test_R4_and_R1_both_refuse_when_both_are_broken() -> None:
    verdict = check(PERSONAL, CONTACT, Action.INSTALL, MACHINE, TODAY)
    assert {d.rule_id for d in verdict.refusals} == {"R1", "R4"}

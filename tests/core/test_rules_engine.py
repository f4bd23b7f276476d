"""The engine as a whole: decisions are frozen values, every message id exists in both
languages, and `applicable_rules` lists what `certassist inspect` shows per kind."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from certassist.core.messages import catalog
from certassist.core.models import Action, Environment, Kind
from certassist.core.rules import (
    Decision,
    Outcome,
    PracticeFacts,
    Verdict,
    applicable_rules,
    check,
)
from tests.core.rules_helpers import CONTACT, TODAY, holder_actor, make_cert

CORE = Path(__file__).resolve().parents[2] / "certassist" / "core"


def test_decision_params_cannot_be_changed_and_decisions_hash() -> None:
    params = {"holder": "Ann"}
    d = Decision("R1", Outcome.REFUSE, "E-R1-confirm-name", params)
    params["holder"] = "Bob"
    assert d.params["holder"] == "Ann"
    with pytest.raises(TypeError):
        d.params["holder"] = "Bob"  # type: ignore[index]
    assert d == Decision("R1", Outcome.REFUSE, "E-R1-confirm-name", {"holder": "Ann"})
    assert len({d, Decision("R1", Outcome.REFUSE, "E-R1-confirm-name", {"holder": "Ann"})}) == 1


def test_verdict_groups_outcomes_and_raises_the_first_refusal() -> None:
    refuse = Decision("R3", Outcome.REFUSE, "E-R3-system-in-browser", {"store": "firefox"})
    warn = Decision("R6", Outcome.WARN, "W-R6-not-yet-valid", {"valid_from": "2027-01-01"})
    verdict = Verdict((warn, refuse))
    assert not verdict.allowed
    assert verdict.refusals == (refuse,) and verdict.warnings == (warn,)
    with pytest.raises(Exception) as caught:
        verdict.raise_if_refused()
    assert getattr(caught.value, "message_id", None) == "E-R3-system-in-browser"
    Verdict((warn,)).raise_if_refused()  # no refusal: nothing raised


def test_every_message_id_used_by_the_rules_exists_in_dutch_and_english() -> None:
    source = "".join(p.read_text() for p in CORE.glob("rules*.py"))
    source += (CORE / "vendors.py").read_text()
    used = set(re.findall(r'"([AEWIL]-[A-Za-z0-9-]+)"', source))
    used |= {f"L-rules-env-{env.value}" for env in Environment}
    assert len(used) > 60
    messages = catalog()
    missing = sorted(used - messages.keys())
    assert missing == []
    for message_id in used:
        assert set(messages[message_id].text) == {"nl", "en"}, message_id
        if message_id.startswith("E-"):
            assert set(messages[message_id].next) == {"nl", "en"}, message_id


def test_refusals_name_their_rule_in_dutch() -> None:
    for message_id, message in catalog().items():
        match = re.fullmatch(r"E-(R\d+)-.*", message_id)
        if match and message_id != "E-R12-vendor-unknown":
            assert match.group(1) in message.text["nl"], message_id


def _rules(kind: Kind, environment: Environment = Environment.PRODUCTION) -> list[str]:
    cert = make_cert(kind, expiry=date(2027, 6, 30), environment=environment)
    return [d.rule_id for d in applicable_rules(cert, TODAY)]


def test_applicable_rules_per_kind() -> None:
    assert _rules(Kind.VECOZO_PERSONAL) == ["R1", "R4", "R6", "R7", "R9"]
    assert _rules(Kind.VECOZO_SYSTEM) == ["R2", "R3", "R6", "R7", "R9"]
    assert _rules(Kind.UZI_SERVER) == ["R11", "R12", "R13"]
    assert _rules(Kind.UZI_CARD) == ["UZI-card"]
    assert _rules(Kind.OTHER) == []
    assert _rules(Kind.VECOZO_PERSONAL, Environment.TEST)[-1] == "R10"


@pytest.mark.parametrize(
    ("expiry", "message_id"),
    [
        (date(2027, 6, 30), "I-R7-valid-until"),
        (date(2026, 12, 20), "W-R7-renew-now"),
        (date(2026, 11, 27), "W-R8-expired"),
    ],
)
def test_applicable_rules_show_the_current_vecozo_state(expiry: date, message_id: str) -> None:
    cert = make_cert(Kind.VECOZO_SYSTEM, expiry=expiry)
    assert message_id in [d.message_id for d in applicable_rules(cert, TODAY)]


def test_applicable_rules_use_practice_facts_for_uzi() -> None:
    cert = make_cert(Kind.UZI_SERVER, expiry=date(2027, 6, 30))
    facts = PracticeFacts(subscriber_number="99999999", vendor_id="omnihis", contact_person=None)
    found = {d.message_id for d in applicable_rules(cert, TODAY, facts)}
    assert {"I-R12-vendor-delivers", "W-R13-subscriber-mismatch"} <= found


def test_check_of_a_healthy_renewal_lists_rules_in_order() -> None:
    cert = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2026, 12, 20))
    verdict = check(cert, CONTACT, Action.RENEW, None, TODAY)
    assert verdict.rule_ids == ("R2", "R2", "R7", "R9")
    personal = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2026, 12, 20))
    assert check(personal, holder_actor(), Action.RENEW, None, TODAY).allowed

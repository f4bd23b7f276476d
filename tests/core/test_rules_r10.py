"""R10 test environments: nothing is installed on test; a personal test certificate is
installed on acceptance and linked; a system one installed on acceptance works on test.
Test/acceptance certificates are labelled and never mixed with production."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.models import Action, Environment, Kind
from certassist.core.rules import (
    Outcome,
    applicable_rules,
    check,
    confirm_renewal,
    environment_label,
    environment_label_id,
)
from tests.core.rules_helpers import CONTACT, OWN_WINDOWS, TODAY, holder_actor, ids, make_cert


def test_R10_personal_test_certificate_warns_install_on_acceptance_and_link() -> None:
    cert = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2028, 1, 1), environment=Environment.TEST)
    verdict = check(cert, holder_actor(), Action.INSTALL, OWN_WINDOWS, TODAY)
    assert verdict.allowed
    (r10,) = verdict.by_rule("R10")
    assert (r10.outcome, r10.message_id) == (Outcome.WARN, "W-R10-test-personal")
    text = r10.render("nl")
    assert "acceptatie" in text and "gekoppeld" in text and "tstwww" in text


def test_R10_system_test_certificate_works_on_test_automatically() -> None:
    cert = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2028, 1, 1), environment=Environment.TEST)
    verdict = check(cert, CONTACT, Action.INSTALL, OWN_WINDOWS, TODAY)
    assert ids(verdict.by_rule("R10")) == ["I-R10-test-system"]


@pytest.mark.parametrize("kind", [Kind.VECOZO_PERSONAL, Kind.VECOZO_SYSTEM])
def test_R10_acceptance_certificate_is_marked(kind: Kind) -> None:
    cert = make_cert(kind, expiry=date(2028, 1, 1), environment=Environment.ACCEPTANCE)
    actor = CONTACT if kind is Kind.VECOZO_SYSTEM else holder_actor()
    verdict = check(cert, actor, Action.RESTORE, OWN_WINDOWS, TODAY)
    assert ids(verdict.by_rule("R10")) == ["I-R10-acceptance"]
    assert "I-R10-acceptance" in ids(applicable_rules(cert, TODAY))


def test_R10_production_has_no_environment_notice() -> None:
    cert = make_cert(expiry=date(2028, 1, 1))
    verdict = check(cert, holder_actor(), Action.INSTALL, OWN_WINDOWS, TODAY)
    assert verdict.by_rule("R10") == ()


def test_R10_labels_differ_per_environment_and_language() -> None:
    labels_nl = {environment_label(env) for env in Environment}
    labels_en = {environment_label(env, "en") for env in Environment}
    assert len(labels_nl) == 3 and len(labels_en) == 3
    assert environment_label(Environment.TEST) == "Test (tstwww)"
    assert environment_label(Environment.ACCEPTANCE, "nl").startswith("Acceptatie")
    assert environment_label_id(Environment.PRODUCTION) == "L-rules-env-production"


def test_R10_renewal_never_mixes_environments() -> None:
    old = make_cert(expiry=date(2026, 12, 20), environment=Environment.ACCEPTANCE)
    new = make_cert(expiry=date(2028, 12, 20), environment=Environment.PRODUCTION)
    verdict = confirm_renewal(old, new, ["Windows (huidige gebruiker)"], TODAY)
    assert not verdict.allowed
    assert ids(verdict.by_rule("R10")) == ["E-R10-environment-mixed"]
    refusal = verdict.by_rule("R10")[0]
    assert refusal.params["new"] == "production"  # machine value for JSON and the audit log
    assert "Acceptatie" in refusal.render("nl") and "Productie" in refusal.render("nl")
    english = refusal.render("en")
    assert "Acceptance" in english and "Production" in english and "Acceptatie" not in english

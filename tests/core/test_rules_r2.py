"""R2 contact person: a system certificate is installed and renewed by the contact person;
renewing it always asks for the PIN."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.models import Action, Kind
from certassist.core.rules import Outcome, check
from tests.core.rules_helpers import (
    CONTACT,
    NOBODY,
    OWN_WINDOWS,
    TODAY,
    holder_actor,
    ids,
    make_cert,
)

SYSTEM_DUE = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2026, 12, 20))  # inside the R7 window


@pytest.mark.parametrize("action", [Action.INSTALL, Action.RENEW])
def test_R2_not_contact_person_is_refused(action: Action) -> None:
    verdict = check(SYSTEM_DUE, NOBODY, action, OWN_WINDOWS, TODAY)
    assert not verdict.allowed
    assert ids(verdict.by_rule("R2")) == ["E-R2-not-contact-person"]
    assert "contactpersoon" in verdict.by_rule("R2")[0].render("nl")


def test_R2_even_the_named_holder_is_not_enough_for_a_system_certificate() -> None:
    verdict = check(SYSTEM_DUE, holder_actor(), Action.INSTALL, OWN_WINDOWS, TODAY)
    assert ids(verdict.refusals) == ["E-R2-not-contact-person"]


def test_R2_contact_person_installs() -> None:
    verdict = check(SYSTEM_DUE, CONTACT, Action.INSTALL, OWN_WINDOWS, TODAY)
    assert verdict.allowed
    assert ids(verdict.by_rule("R2")) == ["A-R2-contact-person"]


def test_R2_renewal_says_the_pin_is_needed() -> None:
    verdict = check(SYSTEM_DUE, CONTACT, Action.RENEW, OWN_WINDOWS, TODAY)
    assert verdict.allowed
    pin = [d for d in verdict.by_rule("R2") if d.outcome is Outcome.INFO]
    assert ids(pin) == ["I-R2-pin-needed"]
    assert "pincode" in pin[0].render("nl")


def test_R2_install_does_not_mention_the_pin() -> None:
    verdict = check(SYSTEM_DUE, CONTACT, Action.INSTALL, OWN_WINDOWS, TODAY)
    assert "I-R2-pin-needed" not in ids(verdict)


@pytest.mark.parametrize("action", [Action.RESTORE, Action.BACKUP, Action.COPY])
def test_R2_backup_and_restore_are_open_to_staff(action: Action) -> None:
    """VECOZO: export and import work the same for personal and system certificates; the
    software on another PC may need a restore by whoever sits there."""
    verdict = check(SYSTEM_DUE, NOBODY, action, OWN_WINDOWS, TODAY)
    assert verdict.by_rule("R2") == ()
    assert verdict.allowed


def test_R2_does_not_apply_to_personal_certificates() -> None:
    personal = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2027, 12, 1))
    verdict = check(personal, holder_actor(), Action.INSTALL, OWN_WINDOWS, TODAY)
    assert verdict.by_rule("R2") == ()

"""R9 backup: after every install, renewal or restore the user makes a backup on another
medium; the advice only comes with actions that will actually happen."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.models import Action, Kind
from certassist.core.rules import Outcome, check
from tests.core.rules_helpers import (
    CONTACT,
    FIREFOX,
    NOBODY,
    OWN_WINDOWS,
    PFX_FOLDER,
    TODAY,
    holder_actor,
    ids,
    make_cert,
)

PERSONAL = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2026, 12, 10))
SYSTEM = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2026, 12, 10))


@pytest.mark.parametrize("action", [Action.INSTALL, Action.RENEW, Action.RESTORE])
def test_R9_backup_advice_after_install_renew_restore(action: Action) -> None:
    for cert, actor in ((PERSONAL, holder_actor()), (SYSTEM, CONTACT)):
        verdict = check(cert, actor, action, OWN_WINDOWS, TODAY)
        assert verdict.allowed
        r9 = verdict.by_rule("R9")
        assert [(d.outcome, d.message_id) for d in r9] == [(Outcome.INFO, "I-R9-backup-now")]


def test_R9_advice_names_another_medium() -> None:
    verdict = check(PERSONAL, holder_actor(), Action.INSTALL, OWN_WINDOWS, TODAY)
    text = verdict.by_rule("R9")[0].render("nl")
    assert "USB-stick" in text and "wachtwoord" in text


@pytest.mark.parametrize("action", [Action.BACKUP, Action.REMOVE, Action.INSPECT, Action.COPY])
def test_R9_no_advice_for_other_actions(action: Action) -> None:
    verdict = check(PERSONAL, holder_actor(), action, PFX_FOLDER, TODAY)
    assert verdict.by_rule("R9") == ()


def test_R9_no_advice_when_the_action_is_refused() -> None:
    verdict = check(SYSTEM, NOBODY, Action.INSTALL, FIREFOX, TODAY)
    assert not verdict.allowed
    assert "I-R9-backup-now" not in ids(verdict)


def test_R9_other_certificates_get_the_advice_too() -> None:
    cert = make_cert(Kind.OTHER, expiry=date(2027, 12, 1))
    verdict = check(cert, NOBODY, Action.RESTORE, OWN_WINDOWS, TODAY)
    assert ids(verdict) == ["I-R9-backup-now"]

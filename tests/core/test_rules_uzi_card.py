"""UZI card certificates live on the card: shown, never exported, copied or removed."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.models import Action, Kind
from certassist.core.rules import applicable_rules, certificate_status, check
from tests.core.rules_helpers import PFX_FOLDER, TODAY, holder_actor, ids, make_cert

CARD = make_cert(Kind.UZI_CARD, expiry=date(2029, 1, 1))


@pytest.mark.parametrize(
    ("action", "message_id"),
    [
        (Action.BACKUP, "E-UZI-card-not-exportable"),
        (Action.COPY, "E-UZI-card-not-exportable"),
        (Action.REMOVE, "E-UZI-card-not-removable"),
        (Action.INSTALL, "E-UZI-card-managed-by-card"),
        (Action.RESTORE, "E-UZI-card-managed-by-card"),
        (Action.RENEW, "E-UZI-card-managed-by-card"),
    ],
)
def test_uzi_card_certificate_is_never_exported(action: Action, message_id: str) -> None:
    verdict = check(CARD, holder_actor(), action, PFX_FOLDER, TODAY)
    assert not verdict.allowed
    assert ids(verdict.refusals) == [message_id]
    assert "pas" in verdict.refusals[0].render("nl")


def test_uzi_card_certificate_can_be_inspected() -> None:
    assert check(CARD, holder_actor(), Action.INSPECT, None, TODAY).allowed
    assert ids(applicable_rules(CARD, TODAY)) == ["I-UZI-card-on-card"]


def test_uzi_card_status_follows_its_expiry() -> None:
    assert certificate_status(CARD, date(2029, 1, 1)).status == "ok"
    assert certificate_status(CARD, date(2029, 1, 2)).status == "expired"

"""R12 vendor steps, kept as data: Promedico ASP practices upload the certificate themselves;
with the other vendors the vendor delivers it and the practice does nothing more."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Action, Kind
from certassist.core.rules import PracticeFacts, check
from certassist.core.vendors import all_vendors, portal_note, vendor_steps
from tests.core.rules_helpers import NOBODY, TODAY, ids, make_cert

DELIVERING = {
    "cgm-huisarts": "CGM Huisarts",
    "cgm-apotheek": "CGM Apotheek",
    "microhis": "MicroHIS",
    "omnihis": "OmniHis",
    "sanday": "Sanday",
    "healthconnected": "HealthConnected",
}
UZI = make_cert(Kind.UZI_SERVER, expiry=date(2027, 1, 15))


def test_R12_all_seven_vendors_are_known() -> None:
    names = {v.id: v.name for v in all_vendors()}
    assert names == {"promedico-asp": "Promedico ASP", **DELIVERING}


def test_R12_promedico_practice_uploads_in_the_portal_admin_site() -> None:
    steps = vendor_steps("promedico-asp")
    assert steps.practice_uploads
    assert any("beheer.pharmeon.nl" in s for s in steps.steps("nl"))
    assert any("DigiD Aanvragen" in s for s in steps.steps("nl"))
    assert len(steps.steps("nl")) == len(steps.steps("en")) >= 4


@pytest.mark.parametrize("vendor_id", sorted(DELIVERING))
def test_R12_other_vendors_deliver_and_the_practice_does_nothing_more(vendor_id: str) -> None:
    steps = vendor_steps(vendor_id)
    assert not steps.practice_uploads
    assert steps.name == DELIVERING[vendor_id]
    assert "niets" in steps.steps("nl")[-1]
    assert "Nothing" in steps.steps("en")[-1]


def test_R12_unknown_vendor_raises_with_its_id() -> None:
    with pytest.raises(CertassistError) as caught:
        vendor_steps("bricks-his")
    assert caught.value.message_id == "E-R12-vendor-unknown"
    assert caught.value.params["vendor"] == "bricks-his"
    assert "promedico-asp" in caught.value.text("nl")


def test_R12_bricks_has_no_fallback() -> None:
    note = portal_note("bricks")
    assert note is not None and note.fallback is False
    assert "geen" in note.note("nl") and "no other" in note.note("en")


@pytest.mark.parametrize(
    ("vendor_id", "message_id"),
    [
        ("promedico-asp", "I-R12-practice-uploads"),
        ("sanday", "I-R12-vendor-delivers"),
        (None, "I-R12-record-vendor"),
        ("nonexistent", "W-R12-vendor-unknown"),
    ],
)
def test_R12_renew_check_tells_what_the_practice_does(
    vendor_id: str | None, message_id: str
) -> None:
    facts = PracticeFacts(subscriber_number=None, vendor_id=vendor_id, contact_person=None)
    verdict = check(UZI, NOBODY, Action.RENEW, None, TODAY, facts)
    assert ids(verdict.by_rule("R12")) == [message_id]


def test_R12_vendor_name_is_in_the_message() -> None:
    facts = PracticeFacts(vendor_id="promedico-asp")
    verdict = check(UZI, NOBODY, Action.RENEW, None, TODAY, facts)
    assert "Promedico ASP" in verdict.by_rule("R12")[0].render("nl")

"""The rules on certificates from the made-up test PKI, classified by the real profiles:
the name the wizard asks for (R1) and the dates the rules read come from actual certificates."""

from __future__ import annotations

from datetime import timedelta

from certassist.core.classify import classify
from certassist.core.models import Action, Actor, Bundle, CertInfo, Environment, Kind
from certassist.core.rules import (
    PracticeFacts,
    Status,
    certificate_status,
    check,
    confirm_renewal,
    subscriber_mismatch,
)
from tests.core.rules_helpers import FIREFOX, OWN_WINDOWS, ids
from tests.pki import TestPKI


def info(bundle: Bundle) -> CertInfo:
    return CertInfo.from_cert(bundle.leaf, classify(bundle.leaf))


def test_R1_real_personal_certificate_asks_for_the_name_in_it(pki: TestPKI) -> None:
    today = pki.today
    cert = info(pki.vecozo_personal(name="Anna de Vries"))
    assert cert.kind is Kind.VECOZO_PERSONAL
    assert check(cert, Actor("anna", "ANNA DE VRIES"), Action.INSTALL, OWN_WINDOWS, today).allowed
    refused = check(cert, Actor("piet", "Piet Jansen", True), Action.INSTALL, OWN_WINDOWS, today)
    assert ids(refused.refusals) == ["E-R1-not-rightful-user"]


def test_R3_real_system_certificate_never_goes_to_firefox(pki: TestPKI) -> None:
    today = pki.today
    cert = info(pki.vecozo_system())
    assert cert.kind is Kind.VECOZO_SYSTEM
    verdict = check(cert, Actor("c", is_contact_person=True), Action.RESTORE, FIREFOX, today)
    assert ids(verdict.refusals) == ["E-R3-system-in-browser"]


def test_R7_R8_real_dates(pki: TestPKI) -> None:
    today = pki.today
    assert certificate_status(info(pki.expired()), today).status is Status.EXPIRED
    assert certificate_status(info(pki.expiring_in(10)), today).status is Status.RENEW_NOW
    assert certificate_status(info(pki.vecozo_personal()), today).status is Status.OK
    later = info(pki.not_yet_valid(5))
    report = certificate_status(later, today)
    assert (report.status, report.next_date) == (Status.NOT_YET_VALID, today + timedelta(days=5))


def test_R10_real_test_certificate_is_marked(pki: TestPKI) -> None:
    today = pki.today
    cert = info(pki.vecozo_personal(environment=Environment.TEST))
    assert cert.environment is Environment.TEST
    verdict = check(cert, Actor("a", "Anna de Vries"), Action.INSTALL, OWN_WINDOWS, today)
    assert "W-R10-test-personal" in ids(verdict)


def test_R11_R13_real_uzi_server_certificate(pki: TestPKI) -> None:
    today = pki.today
    cert = info(pki.uzi_server(subscriber="12345678"))
    assert cert.kind is Kind.UZI_SERVER
    assert certificate_status(cert, today).status is Status.OK
    assert subscriber_mismatch(cert, PracticeFacts(subscriber_number="12345678")) is None
    assert subscriber_mismatch(cert, PracticeFacts(subscriber_number="11111111")) is not None


def test_R14_real_renewal_of_a_uzi_server_certificate(pki: TestPKI) -> None:
    today = pki.today
    old = info(pki.expiring_in(20, Kind.UZI_SERVER))
    new = info(pki.uzi_server())
    verdict = confirm_renewal(old, new, ["portaal"], today)
    assert verdict.allowed, verdict.refusals
    other = info(pki.uzi_server(subscriber="99999999", ura="99999999"))
    assert ids(confirm_renewal(old, other, ["portaal"], today).refusals) == [
        "E-R14-different-subscriber"
    ]


def test_uzi_card_real_certificate_is_not_exportable(pki: TestPKI) -> None:
    today = pki.today
    cert = info(pki.uzi_card())
    assert cert.kind is Kind.UZI_CARD
    verdict = check(cert, Actor("dr"), Action.BACKUP, None, today)
    assert ids(verdict.refusals) == ["E-UZI-card-not-exportable"]

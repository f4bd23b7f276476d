"""`certassist check`: states, the next date that matters and exit codes on boundary dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from certassist.core.models import Environment, Kind
from certassist.core.rules import add_months, install_deadline
from certassist.core.settings import PendingRequest, PracticeSettings
from certassist.ops.check import REPLACED, Severity, run_check
from certassist.stores.fake import FakeStore
from tests.pki import Bundle, TestPKI

from .conftest import TODAY

EXPIRY = TODAY + timedelta(days=200)


def _store(*bundles: Bundle, store_id: str = "fake", label: str = "Demo-opslag") -> FakeStore:
    store = FakeStore(store_id=store_id, label=label)
    for bundle in bundles:
        store.put(bundle)
    return store


def _code(store: FakeStore, day: date, settings: PracticeSettings | None = None) -> int:
    return run_check([store], [], settings or PracticeSettings(), day).exit_code


@pytest.fixture(scope="module")
def vecozo(pki: TestPKI) -> Bundle:
    return pki.expiring_in(200, Kind.VECOZO_PERSONAL)


@pytest.fixture(scope="module")
def uzi(pki: TestPKI) -> Bundle:
    return pki.expiring_in(200, Kind.UZI_SERVER)


def test_vecozo_renewal_window_boundaries(vecozo: Bundle) -> None:
    store = _store(vecozo)
    opens = add_months(EXPIRY, -1)
    assert _code(store, opens - timedelta(days=1)) == 0
    assert _code(store, opens) == 1
    assert _code(store, EXPIRY) == 1  # still valid on its last day
    assert _code(store, EXPIRY + timedelta(days=1)) == 2  # R8: reinstall with number + PIN


def test_next_date_before_the_window_is_when_it_opens(vecozo: Bundle) -> None:
    report = run_check([_store(vecozo)], [], PracticeSettings(), TODAY)
    (item,) = report.items
    assert item.next_date == add_months(EXPIRY, -1)
    assert item.rule_ids == ("R7",)
    assert item.state == "ok"
    assert item.places == ("Demo-opslag",)


def test_uzi_timeline_boundaries_default_issuing_time(uzi: Bundle) -> None:
    store = _store(uzi)
    portal_by = EXPIRY - timedelta(days=28)
    request_by = portal_by - timedelta(weeks=6)
    assert _code(store, request_by - timedelta(days=1)) == 0
    assert _code(store, request_by) == 1
    assert _code(store, portal_by) == 1
    assert _code(store, portal_by + timedelta(days=1)) == 2
    report = run_check([store], [], PracticeSettings(), request_by + timedelta(days=1))
    assert report.items[0].next_date == portal_by
    assert "R11" in report.items[0].rule_ids


def test_uzi_issuing_time_comes_from_the_settings(uzi: Bundle) -> None:
    store = _store(uzi)
    twelve = PracticeSettings(uzi_issuing_weeks=12)
    start = EXPIRY - timedelta(days=28) - timedelta(weeks=12)
    assert _code(store, start - timedelta(days=1), twelve) == 0
    assert _code(store, start, twelve) == 1
    report = run_check([store], [], twelve, TODAY)
    assert report.items[0].next_date == start


def test_subscriber_mismatch_is_reported_r13(pki: TestPKI) -> None:
    bundle = pki.uzi_server(subscriber="12345678", with_ura=False)
    settings = PracticeSettings(subscriber_number="99999999")
    report = run_check([_store(bundle)], [], settings, TODAY)
    (item,) = report.items
    assert "R13" in item.rule_ids
    assert item.severity == Severity.DUE_SOON
    assert item.notes[0].message_id == "W-R13-subscriber-mismatch"
    same = run_check([_store(bundle)], [], PracticeSettings(subscriber_number="12345678"), TODAY)
    assert same.exit_code == 0


def test_pending_request_install_window_boundaries() -> None:
    issued = date(2026, 10, 1)
    deadline = install_deadline(issued)
    settings = PracticeSettings(
        pending_requests=(
            PendingRequest(Kind.VECOZO_PERSONAL, "Anna de Vries", Environment.PRODUCTION, issued),
        )
    )
    empty = FakeStore()
    assert _code(empty, deadline - timedelta(days=15), settings) == 0
    assert _code(empty, deadline - timedelta(days=14), settings) == 1
    assert _code(empty, deadline, settings) == 1
    assert _code(empty, deadline + timedelta(days=1), settings) == 2
    (item,) = run_check([empty], [], settings, deadline).items
    assert item.next_date == deadline and item.rule_ids == ("R5",)


def test_renewed_certificate_makes_the_old_one_not_due(pki: TestPKI) -> None:
    old = pki.expiring_in(10, Kind.VECOZO_PERSONAL)
    new = pki.issue(Kind.VECOZO_PERSONAL, not_before=TODAY, days_valid=740)
    report = run_check([_store(old, new)], [], PracticeSettings(), TODAY)
    assert report.exit_code == 0
    states = {i.fingerprint: i.state for i in report.items}
    assert states[old.fingerprint] == REPLACED
    assert states[new.fingerprint] == "ok"


def test_one_item_per_certificate_with_every_place(vecozo: Bundle) -> None:
    windows = _store(vecozo, store_id="win", label="Windows")
    usb = _store(vecozo, store_id="usb", label="USB-stick")
    (item,) = run_check([windows], [usb], PracticeSettings(), TODAY).items
    assert item.places == ("Windows", "USB-stick")


def test_acceptance_certificates_are_kept_apart_from_production(pki: TestPKI) -> None:
    production = pki.expiring_in(300, Kind.VECOZO_PERSONAL)
    acceptance = pki.expiring_in(5, Kind.VECOZO_SYSTEM, environment=Environment.ACCEPTANCE)
    report = run_check([_store(acceptance, production)], [], PracticeSettings(), TODAY)
    assert [i.fingerprint for i in report.production] == [production.fingerprint]
    assert [i.fingerprint for i in report.non_production] == [acceptance.fingerprint]
    assert report.items[0].is_production  # production is listed first
    data = report.to_json()
    assert [i["environment"] for i in data["acceptance_and_test"]] == ["acceptance"]
    assert all(i["environment"] == "production" for i in data["production"])


def test_unreadable_store_is_reported_not_hidden(vecozo: Bundle) -> None:
    from certassist.core.errors import CertassistError

    broken = FakeStore(store_id="ff", label="Firefox", reason=CertassistError("E-store-no-key"))
    report = run_check([_store(vecozo), broken], [], PracticeSettings(), TODAY)
    assert [u.label for u in report.unavailable] == ["Firefox"]
    assert len(report.items) == 1

"""The overview groups one certificate found in several places into one row (start page, list)."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, StoreKind, StoreTarget
from certassist.core.rules import Status
from certassist.demo.sandbox import sandbox_stores
from certassist.ops.overview import build_overview, scan_stores
from certassist.stores.fake import FakeStore
from tests.pki import TestPKI

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(TODAY)


def _store(store_id: str, kind: StoreKind, *bundles: Bundle) -> FakeStore:
    store = FakeStore(store_id, store_id.title(), StoreTarget(kind))
    for bundle in bundles:
        store.put(bundle)
    return store


def test_one_certificate_in_three_places_is_one_row(pki: TestPKI) -> None:
    cert = pki.expiring_in(400, "vecozo-personal", name="Anna de Vries")
    stores = [
        _store("windows", StoreKind.WINDOWS_USER, cert),
        _store("firefox", StoreKind.FIREFOX, cert),
        _store("usb", StoreKind.PKCS12_FOLDER, cert),
    ]
    (group,) = build_overview(stores, TODAY)
    assert [p.store_id for p in group.places] == ["windows", "firefox", "usb"]
    assert group.holder == "Anna de Vries"
    assert group.days_left == 400
    assert group.has_backup and group.key_present
    assert group.status.status is Status.OK


def test_rows_sorted_by_expiry_and_status_from_rules(pki: TestPKI) -> None:
    later = pki.expiring_in(300, "vecozo-system")
    soon = pki.expiring_in(20, "vecozo-personal", name="Anna de Vries")
    gone = pki.expired("vecozo-personal", days_ago=3, name="Bram Jansen")
    usb = _store("usb", StoreKind.PKCS12_FOLDER, later, soon, gone)
    groups = build_overview([usb], TODAY)
    assert [g.days_left for g in groups] == [-3, 20, 300]
    assert [g.status.status for g in groups] == [Status.EXPIRED, Status.RENEW_NOW, Status.OK]


def test_missing_backup_is_reported_only_when_otherwise_fine(pki: TestPKI) -> None:
    fine = pki.expiring_in(300, "vecozo-system")
    soon = pki.expiring_in(20, "vecozo-personal", name="Anna de Vries")
    groups = build_overview([_store("win", StoreKind.WINDOWS_USER, fine, soon)], TODAY)
    by_days = {g.days_left: g for g in groups}
    assert by_days[300].status.status is Status.BACKUP_MISSING
    assert by_days[300].status.rule_id == "R9"
    assert by_days[20].status.status is Status.RENEW_NOW  # renewing matters more


def test_backup_without_key_does_not_count(pki: TestPKI) -> None:
    cert = pki.expiring_in(300, "vecozo-system")
    keyless = Bundle(cert.leaf, cert.chain, None, cert.friendly_name)
    stores = [
        _store("win", StoreKind.WINDOWS_USER, cert),
        _store("usb", StoreKind.PKCS12_FOLDER, keyless),
    ]
    (group,) = build_overview(stores, TODAY)
    assert not group.has_backup
    assert group.status.status is Status.BACKUP_MISSING


def test_unavailable_and_failing_stores_are_listed_with_reason(pki: TestPKI) -> None:
    closed = FakeStore(
        "ff",
        "Firefox",
        StoreTarget(StoreKind.FIREFOX),
        reason=CertassistError("E-store-not-found", store="x", fingerprint="y"),
    )

    def broken(verb: str) -> None:
        raise CertassistError("E-store-no-key", store="Windows")

    failing = FakeStore("win", "Windows", StoreTarget(StoreKind.WINDOWS_USER), fail=broken)
    good = _store("usb", StoreKind.PKCS12_FOLDER, pki.expiring_in(100, "other"))
    overview = scan_stores([closed, failing, good], TODAY)
    assert len(overview.groups) == 1
    assert [(u.store_id, u.message_id) for u in overview.unavailable] == [
        ("ff", "E-store-not-found"),
        ("win", "E-store-no-key"),
    ]


def test_sandbox_has_every_status_the_start_page_shows(pki: TestPKI) -> None:
    groups = build_overview(sandbox_stores(pki), TODAY)
    statuses = {g.status.status for g in groups}
    assert {
        Status.OK,
        Status.RENEW_NOW,
        Status.EXPIRED,
        Status.BACKUP_MISSING,
        Status.UZI_START_NOW,
    } <= statuses
    uzi = next(g for g in groups if g.kind == "uzi-server")
    assert uzi.info.classification.subscriber_number == "12345678"
    json_row = groups[0].to_json()
    assert json_row["places"] and json_row["status"] == "expired"


def test_cli_list_json_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse
    import json

    from certassist.cli.list import run

    code = run(argparse.Namespace(json=True, demo=True, lang="en"), TODAY)
    data = json.loads(capsys.readouterr().out)
    assert code == 2  # the sandbox holds an expired certificate
    assert len(data["certificates"]) == 6
    assert data["unavailable"] == []


def test_cli_list_text_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from certassist.cli.list import run

    run(argparse.Namespace(json=False, demo=True, lang="nl"), TODAY)
    out = capsys.readouterr().out
    assert "[verlopen] Bram Jansen" in out
    assert "Firefox (demo-profiel)" in out
    assert "back-up ontbreekt" in out


def test_issuing_cas_that_came_with_a_pfx_are_not_rows(pki: TestPKI) -> None:
    cert = pki.expiring_in(300, "vecozo-personal", name="Anna de Vries")
    store = _store("ff", StoreKind.FIREFOX, cert)
    for ca in cert.chain:  # what NSS lists after importing a PFX with its chain
        store.put(Bundle(ca))
    (group,) = build_overview([store], TODAY)
    assert group.holder == "Anna de Vries"


def test_the_practice_issuing_time_moves_the_uzi_request_date(pki: TestPKI) -> None:
    """R11: 71 days before expiry is fine with the default 6 weeks (request by expiry − 70),
    due for a practice whose request takes 12 weeks."""
    server = pki.expiring_in(71, "uzi-server")
    store = _store("win", StoreKind.WINDOWS_USER, server)
    (default,) = scan_stores([store], TODAY, check_backup=False).groups
    (twelve,) = scan_stores([store], TODAY, check_backup=False, issuing_weeks=12).groups
    assert default.status.status is Status.OK
    assert twelve.status.status is Status.UZI_START_NOW

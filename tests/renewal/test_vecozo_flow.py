"""VECOZO first install and renewal guidance: who, user number, PIN, 60 days, URL per
environment, allowed stores, and noticing the new certificate when it appears."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509

from certassist.core.classify import describe
from certassist.core.errors import CertassistError
from certassist.core.models import Actor, Environment, Kind, StoreKind, StoreTarget
from certassist.core.rules import Outcome, renewed_expiry
from certassist.core.settings import PendingRequest
from certassist.ops.records import InstallRecords
from certassist.ops.vecozo_flow import (
    check_user_number,
    detect_new,
    finish,
    plan_first_install,
    plan_renewal,
    require_pin_at_hand,
    snapshot,
    vecozo_pages,
    wait_for_certificate,
)
from certassist.stores.fake import FakeStore
from tests.pki import Bundle, TestPKI

from .conftest import TODAY

ANNA = Actor("anna", "Anna de Vries", False)
CONTACT = Actor("piet", "Piet Puk", True)


def _stores() -> list[FakeStore]:
    return [
        FakeStore("win", "Windows (Edge/Chrome)", StoreTarget(StoreKind.WINDOWS_USER)),
        FakeStore("ff", "Firefox", StoreTarget(StoreKind.FIREFOX)),
    ]


def _request(
    kind: Kind = Kind.VECOZO_PERSONAL,
    holder: str = "Anna de Vries",
    env: Environment = Environment.PRODUCTION,
    days_ago: int = 10,
) -> PendingRequest:
    return PendingRequest(kind, holder, env, TODAY - timedelta(days=days_ago))


@pytest.mark.parametrize("typed", ["12345678901234", "1234 5678 9012 34", "1234.5678.9012.34"])
def test_user_number_form(typed: str) -> None:
    assert check_user_number(typed) == "12345678901234"


@pytest.mark.parametrize("typed", ["1234567890123", "123456789012345", "1234567890123a", ""])
def test_user_number_wrong_form(typed: str) -> None:
    with pytest.raises(CertassistError) as caught:
        check_user_number(typed)
    assert caught.value.message_id == "E-vecozo-user-number"


def test_pin_must_be_at_hand() -> None:
    require_pin_at_hand(True)
    with pytest.raises(CertassistError) as caught:
        require_pin_at_hand(False)
    assert caught.value.message_id == "E-vecozo-pin-not-at-hand"


def test_urls_per_environment_r10() -> None:
    assert vecozo_pages(Environment.PRODUCTION).install.startswith("https://www.vecozo.nl/")
    assert vecozo_pages(Environment.ACCEPTANCE).install.startswith("https://accwww.vecozo.nl/")
    test = vecozo_pages(Environment.TEST)
    assert test.home == "https://tstwww.vecozo.nl/"
    assert test.install.startswith("https://accwww.vecozo.nl/")  # never installed on test
    assert test.site is Environment.ACCEPTANCE and "acceptatie" in test.note("nl")


def test_personal_first_install_by_the_rightful_user_r1() -> None:
    guide = plan_first_install(_request(), ANNA, _stores(), TODAY)
    assert guide.allowed
    assert guide.window is not None and guide.window.params["days"] == "50"
    assert {s.store_id for s in guide.targets} == {"win", "ff"}
    other = plan_first_install(_request(), CONTACT, _stores(), TODAY)
    assert not other.allowed
    assert other.who.refusals[0].rule_id == "R1"


def test_system_certificate_by_the_contact_person_never_in_a_browser_r2_r3() -> None:
    request = _request(Kind.VECOZO_SYSTEM, "Huisartsenpraktijk De Linde (VERZONNEN)")
    guide = plan_first_install(request, CONTACT, _stores(), TODAY)
    assert guide.allowed and [s.store_id for s in guide.targets] == ["win"]
    assert not plan_first_install(request, ANNA, _stores(), TODAY).allowed  # not the contact


def test_install_window_closed_after_day_60_r5() -> None:
    assert plan_first_install(_request(days_ago=60), ANNA, _stores(), TODAY).allowed
    late = plan_first_install(_request(days_ago=61), ANNA, _stores(), TODAY)
    assert not late.allowed and late.window is not None
    assert late.window.outcome is Outcome.REFUSE and late.window.rule_id == "R5"


def test_first_install_is_detected_recorded_and_handed_to_backup(
    pki: TestPKI, tmp_path: Path
) -> None:
    stores = _stores()
    old_other = pki.issue(Kind.VECOZO_PERSONAL, name="Bert Bos")
    stores[0].put(old_other)
    guide = plan_first_install(_request(), ANNA, stores, TODAY)
    before = snapshot(stores)
    new = pki.issue(Kind.VECOZO_PERSONAL)  # what VECOZO's page puts in the browser's store
    ticks: list[float] = []

    def sleep(seconds: float) -> None:
        ticks.append(seconds)
        if len(ticks) == 3:
            stores[0].put(new)

    found = wait_for_certificate(
        before, stores, guide, clock=lambda: len(ticks) * 3.0, sleep=sleep, timeout=60, interval=3
    )
    assert found is not None and found.info.fingerprint == new.fingerprint
    assert len(ticks) == 3
    records = InstallRecords(tmp_path / "installs.json")
    done = finish(found, guide, records, TODAY)
    recorded = records.get(new.fingerprint)
    assert recorded is not None and recorded.installed_on == TODAY and recorded.stores == ("win",)
    assert done.notices[-1].message_id == "I-R9-backup-now"


def test_polling_gives_up_at_the_timeout_without_a_match(pki: TestPKI) -> None:
    stores = _stores()
    guide = plan_first_install(_request(), ANNA, stores, TODAY)
    before = snapshot(stores)
    stores[1].put(pki.issue(Kind.VECOZO_PERSONAL, name="Bert Bos"))  # someone else's
    now = [0.0]
    found = wait_for_certificate(
        before,
        stores,
        guide,
        clock=lambda: now[0],
        sleep=lambda s: now.__setitem__(0, now[0] + s),
        timeout=10,
    )
    assert found is None and now[0] >= 10


def test_renewal_detects_later_certificate_same_holder_r7(pki: TestPKI, tmp_path: Path) -> None:
    old = pki.expiring_in(20, Kind.VECOZO_PERSONAL)
    old_info = describe(old.leaf)
    stores = _stores()
    stores[1].put(old)
    guide = plan_renewal(old_info, ANNA, stores, TODAY)
    assert guide.allowed and guide.expected_expiry == renewed_expiry(old_info.expiry_date)
    assert guide.url.startswith("https://www.vecozo.nl/")
    before = snapshot(stores)
    assert detect_new(before, stores, guide, old_info) is None
    stale: Bundle = pki.expiring_in(10, Kind.VECOZO_PERSONAL)  # new, but not later: not it
    stores[1].put(stale)
    assert detect_new(before, stores, guide, old_info) is None
    renewed_days = (guide.expected_expiry - TODAY).days  # type: ignore[operator]
    renewed = pki.expiring_in(renewed_days, Kind.VECOZO_PERSONAL, days_valid=renewed_days + 1)
    stores[1].put(renewed)
    found = detect_new(before, stores, guide, old_info)
    assert found is not None and found.info.fingerprint == renewed.fingerprint
    done = finish(found, guide, InstallRecords(tmp_path / "i.json"), TODAY, old_info)
    ids = [n.message_id for n in done.notices]
    assert ids == ["I-vecozo-copy-to-other-pcs", "I-R9-backup-now"]  # expiry as expected


def test_system_renewal_asks_for_the_pin_r2(pki: TestPKI) -> None:
    current = describe(pki.expiring_in(20, Kind.VECOZO_SYSTEM).leaf)
    guide = plan_renewal(current, CONTACT, _stores(), TODAY)
    assert "I-R2-pin-needed" in [n.message_id for n in guide.notices]


def test_expired_certificate_cannot_be_renewed_r8(pki: TestPKI) -> None:
    current = describe(pki.expired(Kind.VECOZO_PERSONAL).leaf)
    guide = plan_renewal(current, ANNA, _stores(), TODAY)
    assert not guide.allowed and guide.who.refusals[0].rule_id == "R8"


def test_install_from_an_issuer_never_seen_keeps_the_kind_the_user_chose(
    tmp_path: Path,
) -> None:
    """#11 point 1: a real VECOZO certificate from an issuer no profile knows arrives in a real
    NSS database (OpenSSL made it, pk12util put it there); the flow finds it as the one the user
    asked for, keeps the chosen kind as a local profile (as `classify --as` does), and the next
    certificate of that issuer is a personal VECOZO certificate without asking."""
    from certassist.core.classify import ASK_VECOZO_KIND
    from certassist.core.profiles import user_profiles_dir
    from certassist.stores.nss import NssStore
    from tests.foreign import PASSWORD, make_foreign_pki
    from tests.stores.conftest import _nss_ready
    from tests.stores.nss_oracle import make_db, pk12_import

    if reason := _nss_ready():
        pytest.skip(reason)
    pki = make_foreign_pki(tmp_path / "pki", org="VECOZO Nieuwe Uitgever BV")
    cert, key = pki.leaf("anna", "/C=NL/O=Praktijk West/CN=Anna de Vries/GN=Anna/SN=de Vries")
    assert describe(pki_cert(cert)).kind is Kind.OTHER  # unknown: certassist would have to ask
    assert ASK_VECOZO_KIND in describe(pki_cert(cert)).classification.notes

    db = make_db(tmp_path / "firefox")
    stores = [NssStore(db)]
    guide = plan_first_install(_request(), ANNA, stores, TODAY)
    before = snapshot(stores)
    pk12_import(db, pki.pfx(cert, key, [], tmp_path / "anna.pfx").read_bytes(), PASSWORD)
    found = detect_new(before, stores, guide)
    assert found is not None and found.unknown and found.has_key

    records = InstallRecords(tmp_path / "installs.json")
    done = finish(found, guide, records, TODAY)
    assert done.info.kind is Kind.VECOZO_PERSONAL and done.info.holder == "Anna de Vries"
    recorded = records.get(done.info.fingerprint)
    assert recorded is not None and recorded.kind == "vecozo-personal"
    assert "I-vecozo-kind-kept" in [n.message_id for n in done.notices]
    (profile_file,) = user_profiles_dir().glob("learned-*.toml")
    assert 'kind = "vecozo-personal"' in profile_file.read_text(encoding="utf-8")

    later, _ = pki.leaf("bert", "/C=NL/O=Praktijk West/CN=Bert Bos/GN=Bert/SN=Bos")
    again = describe(pki_cert(later))  # every later certificate of that issuer: no question
    assert again.kind is Kind.VECOZO_PERSONAL and ASK_VECOZO_KIND not in again.classification.notes


def pki_cert(pem: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.read_bytes())

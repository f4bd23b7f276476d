"""The Windows store's import -> list -> lookup path through the real crypt32.dll.

On Windows this runs against the real CurrentUser\\MY; under Wine against Wine's crypt32, which
imports PFX files and lists and finds certificates like Windows. What Wine stubs (export, key
deletion, the exportable probe, error codes) is skipped under Wine and named in wine.py; the
full store tests (tests/stores, marker `windows`) run only on real Windows.
"""

from __future__ import annotations

from typing import Literal

import pytest

from certassist.stores.windows import WindowsStore
from certassist.stores.windows_api import (
    CRYPT_EXPORTABLE,
    CRYPT_USER_KEYSET,
    Crypt32Error,
    RealCrypt32,
    fingerprint_of,
)
from tests.pki import TestPKI, pfx
from tests.windows_smoke.wine import not_covered, under_wine

PASSWORD = "Lente-Regen-2026!"


@pytest.fixture(scope="module")
def api() -> RealCrypt32:
    real = RealCrypt32()
    if under_wine():
        # A new Wine prefix has no CurrentUser\MY until something opens it for writing (read-only
        # lookups then fail with ERROR_FILE_NOT_FOUND); a Windows profile always has one.
        real._c.CertCloseStore(real._open("user", readonly=False), 0)
    return real


@pytest.mark.parametrize("encryption", ["aes", "3des"])
def test_a_pfx_is_imported_listed_and_found(
    api: RealCrypt32, encryption: Literal["aes", "3des"]
) -> None:
    person = TestPKI().vecozo_personal(name=f"Anna de Vries ({encryption})")
    assert not api.contains("user", person.fingerprint)
    added = api.import_pfx(
        "user", pfx(person, PASSWORD, encryption), PASSWORD, CRYPT_EXPORTABLE | CRYPT_USER_KEYSET
    )
    assert person.fingerprint in [fingerprint_of(der) for der in added]
    assert api.contains("user", person.fingerprint)
    listed = {fingerprint_of(c.der): c for c in api.enum_certs("user")}
    assert listed[person.fingerprint].has_key
    store = WindowsStore(api, "user")
    entry = store.get(person.fingerprint)
    assert entry is not None and entry.has_key and entry.der == listed[person.fingerprint].der
    if not under_wine():  # Windows: leave the runner's store as it was (Wine cannot delete)
        api.delete_cert("user", person.fingerprint)


def test_a_certificate_that_is_not_there_is_not_found(api: RealCrypt32) -> None:
    stranger = TestPKI().vecozo_personal(name="Niet Geïmporteerd")
    assert not api.contains("user", stranger.fingerprint)
    assert WindowsStore(api, "user").get(stranger.fingerprint) is None


def test_an_imported_key_is_exportable_and_comes_back(api: RealCrypt32) -> None:
    if under_wine():
        pytest.skip(not_covered("crypt32!PFXExportCertStoreEx"))
    person = TestPKI().vecozo_personal(name="Export Proef")
    store = WindowsStore(api, "user")
    entry = store.add(person)
    try:
        assert entry.exportable
        assert store.export(person.fingerprint).fingerprint == person.fingerprint
    finally:
        store.remove(person.fingerprint)
    assert store.get(person.fingerprint) is None


def test_a_wrong_password_is_refused_as_such(api: RealCrypt32) -> None:
    if under_wine():
        pytest.skip(not_covered("crypt32!PFXImportCertStore(wrong password)"))
    person = TestPKI().vecozo_personal()
    with pytest.raises(Crypt32Error) as caught:
        api.import_pfx("user", pfx(person, PASSWORD), "verkeerd", CRYPT_USER_KEYSET)
    assert caught.value.code == 86  # ERROR_INVALID_PASSWORD
    assert not api.contains("user", person.fingerprint)


def test_removing_deletes_the_certificate_and_its_key(api: RealCrypt32) -> None:
    if under_wine():
        pytest.skip(not_covered("crypt32!CertDeleteCertificateFromStore", "ncrypt!NCryptOpenKey"))
    person = TestPKI().vecozo_personal(name="Weg Ermee")
    api.import_pfx("user", pfx(person, PASSWORD), PASSWORD, CRYPT_EXPORTABLE | CRYPT_USER_KEYSET)
    api.delete_cert("user", person.fingerprint)
    assert not api.contains("user", person.fingerprint)

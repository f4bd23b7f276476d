"""The Windows store's import -> list -> lookup path through the real crypt32.dll.

On Windows this runs against the real CurrentUser\\MY; under Wine against Wine's crypt32, which
imports PFX files and lists and finds certificates like Windows. What Wine stubs (export, key
deletion, the exportable probe, error codes) is skipped under Wine and named in wine.py; the
full store tests (tests/stores, marker `windows`) run only on real Windows.
"""

from __future__ import annotations

import ctypes
import secrets
import sys
from collections.abc import Iterator
from typing import Literal

import pytest

from certassist.stores.windows import WindowsStore
from certassist.stores.windows_api import (
    CERT_STORE_OPEN_EXISTING_FLAG,
    CERT_STORE_PROV_SYSTEM_W,
    CERT_STORE_READONLY_FLAG,
    CERT_SYSTEM_STORE_CURRENT_USER,
    CRYPT_EXPORTABLE,
    CRYPT_USER_KEYSET,
    ERROR_FILE_NOT_FOUND,
    Crypt32Error,
    RealCrypt32,
    fingerprint_of,
)
from tests.pki import TestPKI, pfx
from tests.windows_smoke.wine import not_covered, under_wine

PASSWORD = "Lente-Regen-2026!"


@pytest.fixture(scope="module")
def api() -> RealCrypt32:
    return RealCrypt32()  # on a new Wine prefix CurrentUser\MY does not exist yet: reads empty


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


CERT_STORE_DELETE_FLAG = 0x10
HKEY_CURRENT_USER = 0x80000001


def _open_system_store(name: str, flags: int) -> tuple[bool, int]:
    """CertOpenStore of the current user's system store `name` (closed again): (opened, error)."""
    assert sys.platform == "win32"
    crypt32 = ctypes.WinDLL("crypt32", use_last_error=True)
    crypt32.CertOpenStore.restype = ctypes.c_void_p
    crypt32.CertOpenStore.argtypes = [
        ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_wchar_p,
    ]  # fmt: skip
    crypt32.CertCloseStore.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    handle = crypt32.CertOpenStore(
        CERT_STORE_PROV_SYSTEM_W, 0, None, CERT_SYSTEM_STORE_CURRENT_USER | flags, name
    )
    error = ctypes.get_last_error()
    if handle:
        crypt32.CertCloseStore(handle, 0)
    return bool(handle), error


def _store_exists(name: str) -> bool:
    opened, error = _open_system_store(
        name, CERT_STORE_READONLY_FLAG | CERT_STORE_OPEN_EXISTING_FLAG
    )
    assert opened or error == ERROR_FILE_NOT_FOUND, f"CertOpenStore failed with 0x{error:08X}"
    return opened


@pytest.fixture
def unmade_store() -> Iterator[str]:
    """A current-user system store that does not exist, as CurrentUser\\MY on a new profile or
    Wine prefix (the runner's own MY is never taken away); deleted again afterwards."""
    name = f"certassist-smoke-{secrets.token_hex(4)}"
    assert not _store_exists(name)
    yield name
    _open_system_store(name, CERT_STORE_DELETE_FLAG)  # how Windows deletes a system store
    if _store_exists(name):  # Wine 8 ignores that flag: remove the store's registry key
        assert sys.platform == "win32"
        advapi32 = ctypes.WinDLL("advapi32")
        advapi32.RegDeleteTreeW.argtypes = [ctypes.c_void_p, ctypes.c_wchar_p]
        key = f"Software\\Microsoft\\SystemCertificates\\{name}"
        assert advapi32.RegDeleteTreeW(HKEY_CURRENT_USER, key) == 0
    assert not _store_exists(name)


def test_a_personal_store_not_made_yet_reads_empty_until_the_first_import(
    unmade_store: str,
) -> None:
    """A new Wine prefix (and maybe a new Windows profile) has no CurrentUser\\MY until a first add:
    listing shows an empty store instead of failing with 0x2, and reading does not create it."""
    fresh = RealCrypt32(store_name=unmade_store)
    person = TestPKI().vecozo_personal(name="Nieuw Profiel")
    assert fresh.enum_certs("user") == []
    assert not fresh.contains("user", person.fingerprint)
    store = WindowsStore(fresh, "user")
    assert store.list() == [] and store.get(person.fingerprint) is None
    assert not _store_exists(unmade_store)  # reading made nothing
    fresh.import_pfx("user", pfx(person, PASSWORD), PASSWORD, CRYPT_EXPORTABLE | CRYPT_USER_KEYSET)
    assert _store_exists(unmade_store)  # the first import made it
    entry = store.get(person.fingerprint)
    assert entry is not None and entry.has_key
    if not under_wine():  # its key goes too (Wine cannot delete; its prefix is a scratch one)
        fresh.delete_cert("user", person.fingerprint)

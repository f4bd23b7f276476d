"""The real crypt32 layer on real Windows (CI: .github/workflows/windows.yml); skipped elsewhere.

Uses CurrentUser\\MY with made-up test certificates and always removes what it added. These
tests also check the claims FakeCrypt32 makes about crypt32, so the fake stays honest.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle
from certassist.stores.windows import WindowsStore
from certassist.stores.windows_api import (
    CRYPT_USER_KEYSET,
    ERROR_INVALID_PASSWORD,
    Crypt32Api,
    Crypt32Error,
    load_crypt32,
)
from tests.pki import TestPKI, pfx

pytestmark = pytest.mark.windows


@pytest.fixture
def api() -> Crypt32Api:
    loaded = load_crypt32()
    assert loaded is not None
    return loaded


@pytest.fixture
def bundle(pki: TestPKI) -> Iterator[Bundle]:
    made = pki.issue()
    yield made
    real = load_crypt32()
    assert real is not None
    for location in ("user", "machine"):
        try:
            real.delete_cert(location, made.fingerprint)  # type: ignore[arg-type]
        except Crypt32Error:
            pass


def test_add_list_export_remove_on_current_user_my(api: Crypt32Api, bundle: Bundle) -> None:
    store = WindowsStore(api, "user")
    entry = store.add(bundle)
    assert entry.has_key and entry.exportable
    assert bundle.fingerprint in {e.fingerprint for e in store.list()}
    back = store.export(bundle.fingerprint)
    assert back.fingerprint == bundle.fingerprint and back.key_matches()
    store.remove(bundle.fingerprint)
    assert store.get(bundle.fingerprint) is None


def test_non_exportable_import_is_listed_but_not_exportable(
    api: Crypt32Api, bundle: Bundle
) -> None:
    api.import_pfx("user", pfx(bundle, "pw"), "pw", CRYPT_USER_KEYSET)  # no CRYPT_EXPORTABLE
    store = WindowsStore(api, "user")
    entry = store.get(bundle.fingerprint)
    assert entry is not None and entry.has_key and not entry.exportable
    with pytest.raises(CertassistError) as caught:
        store.export(bundle.fingerprint)
    assert caught.value.message_id == "E-windows-not-exportable"


def test_wrong_password_is_reported_as_crypt32_does(api: Crypt32Api, bundle: Bundle) -> None:
    with pytest.raises(Crypt32Error) as caught:
        api.import_pfx("user", pfx(bundle, "goed"), "fout", CRYPT_USER_KEYSET)
    assert caught.value.code == ERROR_INVALID_PASSWORD


def test_machine_store_follows_elevation(api: Crypt32Api, bundle: Bundle) -> None:
    store = WindowsStore(api, "machine")
    if not api.is_elevated():
        with pytest.raises(CertassistError) as caught:
            store.add(bundle)
        assert caught.value.message_id == "E-windows-not-elevated"
        return
    store.add(bundle)  # CI runners are administrators
    assert store.export(bundle.fingerprint).key_matches()
    store.remove(bundle.fingerprint)
    assert store.get(bundle.fingerprint) is None

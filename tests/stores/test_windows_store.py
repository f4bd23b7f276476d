"""WindowsStore's logic over the faithful in-memory crypt32 (real crypt32: test_windows_real)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from cryptography.hazmat.primitives.serialization import pkcs12

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, Owner, StoreKind
from certassist.stores.base import CertStore
from certassist.stores.windows import WindowsStore
from certassist.stores.windows_api import (
    CRYPT_EXPORTABLE,
    CRYPT_USER_KEYSET,
    ERROR_INVALID_PASSWORD,
    NTE_BAD_KEY_STATE,
    PKCS12_NO_PERSIST_KEY,
    Crypt32Error,
    Location,
    RawCert,
)
from certassist.stores.windows_fake import FakeCrypt32
from tests.pki import TestPKI, pfx


@pytest.fixture
def bundle(pki: TestPKI) -> Bundle:
    return pki.issue()


def test_is_a_cert_store_with_the_right_target() -> None:
    user = WindowsStore(FakeCrypt32(), "user")
    machine = WindowsStore(FakeCrypt32(), "machine")
    assert isinstance(user, CertStore)
    assert (user.target.kind, user.target.owner) == (StoreKind.WINDOWS_USER, Owner.SELF)
    assert (machine.target.kind, machine.target.owner) == (StoreKind.WINDOWS_MACHINE, Owner.MACHINE)
    assert "gebruiker" in user.label and "computer" in machine.label


def test_a_new_profile_without_a_personal_store_lists_empty_until_the_first_add(
    bundle: Bundle,
) -> None:
    """CurrentUser\\MY may not exist on a new profile: reading shows nothing (not an error)
    and leaves it unmade; installing creates it (proven for real: tests/windows_smoke)."""
    api = FakeCrypt32(stores={})
    store = WindowsStore(api, "user")
    assert store.list() == [] and store.get(bundle.fingerprint) is None
    with pytest.raises(CertassistError) as caught:
        store.export(bundle.fingerprint)
    assert caught.value.message_id == "E-store-not-found"
    assert api.stores == {}
    store.add(bundle)
    assert [e.fingerprint for e in store.list()] == [bundle.fingerprint]
    assert "machine" not in api.stores


def test_add_imports_exportable_into_the_user_keyset_and_verifies(bundle: Bundle) -> None:
    api = FakeCrypt32()
    store = WindowsStore(api, "user")
    entry = store.add(bundle)
    assert entry.fingerprint == bundle.fingerprint
    assert entry.has_key and entry.exportable
    assert api.key_location("user", bundle.fingerprint) == "user"
    assert [e.fingerprint for e in store.list()] == [bundle.fingerprint]


def test_export_gives_back_the_same_certificate_with_its_key(bundle: Bundle) -> None:
    store = WindowsStore(FakeCrypt32(), "user")
    store.add(bundle)
    back = store.export(bundle.fingerprint.lower())
    assert back.fingerprint == bundle.fingerprint
    assert back.key_matches()
    assert back.friendly_name == bundle.friendly_name


def test_each_transfer_uses_a_fresh_one_time_password(bundle: Bundle) -> None:
    issued: list[str] = []

    def factory() -> str:
        issued.append(f"eenmalig-{len(issued)}")
        return issued[-1]

    store = WindowsStore(FakeCrypt32(), "user", password_factory=factory)
    store.add(bundle)
    store.export(bundle.fingerprint)
    assert issued == ["eenmalig-0", "eenmalig-1"]


def test_non_exportable_key_is_listed_but_not_exported(bundle: Bundle) -> None:
    api = FakeCrypt32()
    api.put("user", bundle, exportable=False)
    store = WindowsStore(api, "user")
    (entry,) = store.list()
    assert entry.has_key and not entry.exportable
    with pytest.raises(CertassistError) as caught:
        store.export(bundle.fingerprint)
    assert caught.value.message_id == "E-windows-not-exportable"
    assert "eerdere back-up" in caught.value.text("nl")


def test_certificate_without_key_cannot_be_exported(bundle: Bundle) -> None:
    api = FakeCrypt32()
    api.put("user", bundle, with_key=False)
    with pytest.raises(CertassistError) as caught:
        WindowsStore(api, "user").export(bundle.fingerprint)
    assert caught.value.message_id == "E-store-no-key"


def test_add_without_key_is_refused_before_touching_windows(pki: TestPKI) -> None:
    api = FakeCrypt32()
    bundle = pki.issue()
    with pytest.raises(CertassistError) as caught:
        WindowsStore(api, "user").add(Bundle(bundle.leaf, bundle.chain, None))
    assert caught.value.message_id == "E-windows-needs-key"
    with pytest.raises(CertassistError):
        WindowsStore(api, "user").add(pki.mismatched())
    assert "import_pfx" not in api.calls


def test_machine_store_without_admin_rights_lists_but_refuses_changes(bundle: Bundle) -> None:
    api = FakeCrypt32(elevated=False)
    api.put("machine", bundle)
    store = WindowsStore(api, "machine")
    reason = store.unavailable_reason
    assert reason is not None and reason.message_id == "E-windows-not-elevated"
    assert not store.available
    assert [e.fingerprint for e in store.list()] == [bundle.fingerprint]
    for attempt in (lambda: store.add(bundle), lambda: store.remove(bundle.fingerprint)):
        with pytest.raises(CertassistError) as caught:
            attempt()
        assert caught.value.message_id == "E-windows-not-elevated"
        assert "administrator" in caught.value.text("nl")
    assert [e.fingerprint for e in store.list()] == [bundle.fingerprint]
    with pytest.raises(CertassistError) as backup:
        store.export(bundle.fingerprint)  # a machine key cannot be read without admin rights
    assert backup.value.message_id == "E-windows-not-elevated"


def test_machine_store_when_elevated_keeps_the_key_in_the_machine_keyset(bundle: Bundle) -> None:
    api = FakeCrypt32(elevated=True)
    store = WindowsStore(api, "machine")
    assert store.available
    store.add(bundle)
    assert api.key_location("machine", bundle.fingerprint) == "machine"
    assert store.export(bundle.fingerprint).key_matches()


def test_remove_by_fingerprint_only(pki: TestPKI) -> None:
    first, second = pki.issue(), pki.issue()
    store = WindowsStore(FakeCrypt32(), "user")
    store.add(first)
    store.add(second)
    store.remove(first.fingerprint)
    assert [e.fingerprint for e in store.list()] == [second.fingerprint]
    with pytest.raises(CertassistError) as caught:
        store.remove(first.fingerprint)
    assert caught.value.message_id == "E-store-not-found"


class PolicyForcesNonExportable(FakeCrypt32):
    """Like a group policy that strips CRYPT_EXPORTABLE: the import 'works'."""

    def import_pfx(self, location: Location, blob: bytes, password: str, flags: int) -> list[bytes]:
        return super().import_pfx(location, blob, password, flags & ~CRYPT_EXPORTABLE)


class KeyIsNotPersisted(FakeCrypt32):
    def import_pfx(self, location: Location, blob: bytes, password: str, flags: int) -> list[bytes]:
        return super().import_pfx(location, blob, password, flags | PKCS12_NO_PERSIST_KEY)


def test_add_reports_a_key_that_cannot_be_backed_up_later(bundle: Bundle) -> None:
    api = PolicyForcesNonExportable()
    store = WindowsStore(api, "user")
    with pytest.raises(CertassistError) as caught:
        store.add(bundle)
    assert caught.value.message_id == "E-windows-verify-not-exportable"
    assert store.get(bundle.fingerprint) is None  # taken back, key and all


def test_add_reports_a_certificate_that_arrived_without_its_key(bundle: Bundle) -> None:
    store = WindowsStore(KeyIsNotPersisted(), "user")
    with pytest.raises(CertassistError) as caught:
        store.add(bundle)
    assert caught.value.message_id == "E-store-verify-no-key"
    assert store.get(bundle.fingerprint) is None


def test_a_failed_add_never_takes_away_a_certificate_that_was_there(bundle: Bundle) -> None:
    api = PolicyForcesNonExportable()
    api.put("user", bundle, exportable=False)  # imported by hand earlier, not exportable
    store = WindowsStore(api, "user")
    with pytest.raises(CertassistError):
        store.add(bundle)
    entry = store.get(bundle.fingerprint)
    assert entry is not None and entry.has_key


class DeleteRefusedAsHresult(FakeCrypt32):
    def delete_cert(self, location: Location, fingerprint: str) -> None:
        raise Crypt32Error("CertDeleteCertificateFromStore", 0x80070005)  # E_ACCESSDENIED


def test_access_denied_as_an_hresult_is_still_access_denied(bundle: Bundle) -> None:
    api = DeleteRefusedAsHresult()
    api.put("user", bundle)
    with pytest.raises(CertassistError) as caught:
        WindowsStore(api, "user").remove(bundle.fingerprint)
    assert caught.value.message_id == "E-windows-access-denied"


class BrokenCrypt32(FakeCrypt32):
    def enum_certs(self, location: Location) -> list[RawCert]:
        raise Crypt32Error("CertOpenStore", 0x80070057)


def test_unexpected_windows_errors_carry_operation_and_code() -> None:
    with pytest.raises(CertassistError) as caught:
        WindowsStore(BrokenCrypt32(), "user").list()
    assert caught.value.message_id == "E-windows-api"
    assert "CertOpenStore" in caught.value.text("en") and "0x80070057" in caught.value.text("en")


# ---- the fake itself behaves like crypt32 where WindowsStore depends on it -------------------


def test_fake_rejects_a_wrong_password_like_pfximportcertstore(bundle: Bundle) -> None:
    api = FakeCrypt32()
    with pytest.raises(Crypt32Error) as caught:
        api.import_pfx("user", pfx(bundle, "goed"), "fout", CRYPT_EXPORTABLE | CRYPT_USER_KEYSET)
    assert caught.value.code == ERROR_INVALID_PASSWORD
    assert api.enum_certs("user") == []


def test_fake_honours_the_exportable_flag_and_exports_real_pfx(bundle: Bundle) -> None:
    api = FakeCrypt32()
    (der,) = api.import_pfx("user", pfx(bundle, "pw", "3des"), "pw", CRYPT_USER_KEYSET)
    assert der == bundle.leaf_der
    with pytest.raises(Crypt32Error) as caught:
        api.export_pfx("user", bundle.fingerprint, "x")
    assert caught.value.code == NTE_BAD_KEY_STATE
    api.import_pfx("user", pfx(bundle, "pw"), "pw", CRYPT_EXPORTABLE | CRYPT_USER_KEYSET)
    key, cert, _ = pkcs12.load_key_and_certificates(
        api.export_pfx("user", bundle.fingerprint, "x"), b"x"
    )
    assert cert is not None and cert == bundle.leaf and key is not None


def test_fake_adds_only_certificates_with_a_key_to_my(bundle: Bundle) -> None:
    api = FakeCrypt32()
    no_key = Bundle(bundle.leaf, bundle.chain, None)
    assert api.import_pfx("user", pfx(no_key, "pw"), "pw", CRYPT_EXPORTABLE) == []
    assert api.enum_certs("user") == []


# ---- one writer at a time (issue 17 point 4) --------------------------------------------------

_OTHER_WRITER = """
import sys
from certassist.core.fileio import folder_lock, store_lock_folder
with folder_lock(store_lock_folder("windows-user")):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_second_writer_of_the_same_store_gets_store_busy_and_nothing_changes(
    pki: TestPKI, bundle: Bundle
) -> None:
    """Another certassist process is changing CurrentUser\\MY (it holds the store's lock in
    certassist's data folder): this one waits, then refuses with E-store-busy, nothing done."""
    api = FakeCrypt32()
    store = WindowsStore(api, "user", lock_wait=0.3)
    kept = pki.issue()
    store.add(kept)
    other = subprocess.Popen(
        [sys.executable, "-c", _OTHER_WRITER], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == b"held\n"
        for write in (lambda: store.add(bundle), lambda: store.remove(kept.fingerprint)):
            with pytest.raises(CertassistError) as caught:
                write()
            assert caught.value.message_id == "E-store-busy"
            assert store.label in caught.value.text("nl")
        assert [c.has_key for c in api.enum_certs("user")] == [True]
        assert store.get(kept.fingerprint) is not None and store.get(bundle.fingerprint) is None
    finally:
        other.communicate(b"", timeout=30)
    assert store.add(bundle).has_key  # the other writer is done: this one goes ahead
    store.remove(kept.fingerprint)
    assert [e.fingerprint for e in store.list()] == [bundle.fingerprint]

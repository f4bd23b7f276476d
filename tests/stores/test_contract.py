"""The contract every store keeps, run against each of them: the backup folder, a real NSS
database in tmp_path, the Windows store over its in-memory crypt32, and the in-memory store the
operation and GUI tests stand on (so what those tests trust is what the real stores do).

Where stores differ on purpose, the difference is a field of `Contract`, not a skip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, StoreKind, StoreTarget, cert_der, sha256_fingerprint
from certassist.stores.base import CertStore
from certassist.stores.fake import FakeStore
from certassist.stores.unavailable import UnavailableStore
from tests.pki import TestPKI
from tests.stores.nss_oracle import make_db


@dataclass(frozen=True)
class Contract:
    """A store and the ways in which it is meant to differ from the others."""

    make: Callable[[Path], CertStore]
    kind: StoreKind
    refuses_without_key: str | None  # the error id, where a certificate without key is useless
    lists_chain: bool = False  # NSS keeps the issuing CA certificates as entries of their own
    needs_nss: bool = False


def _folder(tmp_path: Path) -> CertStore:
    from certassist.stores.pkcs12file import Pkcs12FolderStore

    folder = tmp_path / "usb"
    folder.mkdir()
    return Pkcs12FolderStore(folder, lambda _path: "geheim-wachtwoord", kdf_rounds=2048)


def _nss(tmp_path: Path) -> CertStore:
    from certassist.stores.nss import NssStore

    return NssStore(make_db(tmp_path / "profile"), StoreKind.FIREFOX)


def _windows(tmp_path: Path) -> CertStore:
    from certassist.stores.windows import WindowsStore
    from certassist.stores.windows_fake import FakeCrypt32

    return WindowsStore(FakeCrypt32(), "user")


def _windows_new_profile(tmp_path: Path) -> CertStore:
    """A new Windows profile (or Wine prefix): no CurrentUser\\MY until the first import."""
    from certassist.stores.windows import WindowsStore
    from certassist.stores.windows_fake import FakeCrypt32

    return WindowsStore(FakeCrypt32(stores={}), "user")


CONTRACTS = {
    "memory": Contract(lambda _tmp: FakeStore(), StoreKind.FAKE, None),
    # a backup without its key cannot restore anything
    "folder": Contract(_folder, StoreKind.PKCS12_FOLDER, "E-store-no-key"),
    "nss": Contract(_nss, StoreKind.FIREFOX, None, lists_chain=True, needs_nss=True),
    # Windows: a key-less certificate in MY logs in nowhere; certassist asks for the PFX instead
    "crypt32-fake": Contract(_windows, StoreKind.WINDOWS_USER, "E-windows-needs-key"),
    "crypt32-fake-no-my": Contract(
        _windows_new_profile, StoreKind.WINDOWS_USER, "E-windows-needs-key"
    ),
}


@pytest.fixture(params=sorted(CONTRACTS))
def contract(request: pytest.FixtureRequest) -> Contract:
    found = CONTRACTS[request.param]
    if found.needs_nss:
        request.getfixturevalue("nss_ready")
    return found


@pytest.fixture
def store(contract: Contract, tmp_path: Path) -> CertStore:
    return contract.make(tmp_path)


def _listed(store: CertStore, contract: Contract, *bundles: Bundle) -> list[str]:
    """The fingerprints listed, sorted; the chain's own entries left out where that is meant."""
    chain = {sha256_fingerprint(cert_der(c)) for b in bundles for c in b.chain}
    found = [e.fingerprint for e in store.list()]
    if contract.lists_chain:
        assert chain <= set(found)
        found = [f for f in found if f not in chain]
    return sorted(found)


def _error_id(call: Callable[[], object]) -> str:
    with pytest.raises(CertassistError) as caught:
        call()
    return caught.value.message_id


def test_a_new_store_is_usable_and_empty(store: CertStore, contract: Contract) -> None:
    assert isinstance(store, CertStore)
    assert store.available and store.unavailable_reason is None
    assert store.target.kind is contract.kind
    assert store.store_id and store.label
    assert store.list() == []
    assert store.get("AB" * 32) is None


def test_add_gives_back_the_entry_it_lists(
    store: CertStore, contract: Contract, pki: TestPKI
) -> None:
    bundle = pki.issue()
    entry = store.add(bundle)
    assert (entry.fingerprint, entry.has_key, entry.store_id) == (
        bundle.fingerprint,
        True,
        store.store_id,
    )
    assert _listed(store, contract, bundle) == [bundle.fingerprint]
    found = store.get(bundle.fingerprint.lower())  # fingerprints match in any case
    assert found is not None and found.der == bundle.leaf_der and found.has_key


def test_export_gives_the_certificate_with_its_own_key(store: CertStore, pki: TestPKI) -> None:
    bundle = pki.issue()
    store.add(bundle)
    back = store.export(bundle.fingerprint)
    assert back.fingerprint == bundle.fingerprint
    assert back.key_matches()


def test_two_certificates_are_two_entries_and_one_added_twice_is_one(
    store: CertStore, contract: Contract, pki: TestPKI
) -> None:
    first, second = pki.issue(name="Anna de Vries"), pki.issue(name="Bert Jansen")
    store.add(first)
    store.add(second)
    store.add(first)
    assert _listed(store, contract, first, second) == sorted(
        [first.fingerprint, second.fingerprint]
    )


def test_remove_takes_away_only_that_certificate(
    store: CertStore, contract: Contract, pki: TestPKI
) -> None:
    gone, kept = pki.issue(name="Anna de Vries"), pki.issue(name="Bert Jansen")
    store.add(gone)
    store.add(kept)
    store.remove(gone.fingerprint)
    assert _listed(store, contract, gone, kept) == [kept.fingerprint]
    assert store.get(gone.fingerprint) is None


def test_an_unknown_fingerprint_is_an_error_with_an_id(store: CertStore) -> None:
    unknown = "CD" * 32
    assert _error_id(lambda: store.export(unknown)).startswith("E-")
    assert _error_id(lambda: store.remove(unknown)).startswith("E-")
    assert store.list() == []


def test_a_certificate_without_its_key(store: CertStore, contract: Contract, pki: TestPKI) -> None:
    with_key = pki.issue()
    bare = Bundle(with_key.leaf, with_key.chain, None, with_key.friendly_name)
    if contract.refuses_without_key is not None:
        assert _error_id(lambda: store.add(bare)) == contract.refuses_without_key
        assert store.list() == []
        return
    entry = store.add(bare)
    assert entry.fingerprint == bare.fingerprint and not entry.has_key
    with pytest.raises(CertassistError):
        store.export(bare.fingerprint)  # nothing to back up without the key


def test_an_unavailable_store_is_listed_with_its_reason_and_refuses_everything(
    pki: TestPKI,
) -> None:
    reason = CertassistError("E-ops-store-unavailable", store="Firefox")
    store = UnavailableStore("firefox:x", "Firefox", StoreTarget(StoreKind.FIREFOX), reason)
    assert isinstance(store, CertStore)
    assert not store.available and store.unavailable_reason is reason
    bundle = pki.issue()
    calls: list[Callable[[], object]] = [
        store.list,
        lambda: store.get(bundle.fingerprint),
        lambda: store.add(bundle),
        lambda: store.export(bundle.fingerprint),
        lambda: store.remove(bundle.fingerprint),
    ]
    for call in calls:
        with pytest.raises(CertassistError) as caught:
            call()
        assert caught.value is reason

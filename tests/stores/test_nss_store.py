"""NssStore against real NSS databases, checked with certutil/pk12util (no mocks)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, Owner, StoreKind, sha256_fingerprint
from certassist.stores.base import CertStore
from certassist.stores.firefox_lock import running_error
from certassist.stores.nss import NssStore
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import (
    key_lines,
    make_db,
    nicknames,
    openssl_read_p12,
    pk12_export,
    pk12_import,
    run_tool,
)

pytestmark = pytest.mark.linux_tools  # NSS's certutil/pk12util check every store operation
SPKI = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo


def public_bytes(key: object) -> bytes:
    return key.public_key().public_bytes(*SPKI)  # type: ignore[attr-defined,no-any-return]


def test_identity_and_protocol(empty_db: Path) -> None:
    store = NssStore(empty_db, StoreKind.NSSDB)
    assert isinstance(store, CertStore)
    assert store.store_id == f"nssdb:{empty_db}"
    assert store.target.kind is StoreKind.NSSDB and store.target.owner is Owner.SELF
    assert store.available and store.unavailable_reason is None
    assert store.list() == []


def test_add_is_seen_by_certutil_and_pk12util(empty_db: Path, pki: TestPKI) -> None:
    bundle = pki.vecozo_personal()
    entry = NssStore(empty_db).add(bundle)

    assert entry.fingerprint == bundle.fingerprint and entry.has_key
    assert bundle.friendly_name in nicknames(empty_db)
    keys = key_lines(empty_db)
    assert len(keys) == 1 and bundle.friendly_name in keys[0]
    # Firefox's own backup (pk12util -o) gets the key out again.
    blob = pk12_export(empty_db, str(bundle.friendly_name), "pw")
    cert_pem, key_pem = openssl_read_p12(blob, "pw", empty_db.parent)
    cert = x509.load_pem_x509_certificate(cert_pem)
    assert sha256_fingerprint(cert.public_bytes(SPKI[0])) == entry.fingerprint
    key = serialization.load_pem_private_key(key_pem, None)
    assert public_bytes(key) == public_bytes(bundle.key)


def test_nickname_falls_back_to_common_name(empty_db: Path, pki: TestPKI) -> None:
    issued = pki.other(common_name="Piet Puk (VERZONNEN)")
    bundle = Bundle(issued.leaf, issued.chain, issued.key, friendly_name=None)
    assert NssStore(empty_db).add(bundle).nickname == "Piet Puk (VERZONNEN)"
    assert "Piet Puk (VERZONNEN)" in nicknames(empty_db)


def test_same_name_for_two_holders_gets_a_suffix(empty_db: Path, pki: TestPKI) -> None:
    first, second = pki.other(common_name="Balie"), pki.other(common_name="Balie 2")
    store = NssStore(empty_db)
    store.add(first)
    renamed = Bundle(second.leaf, second.chain, second.key, friendly_name="Balie")
    entry = store.add(renamed)
    assert entry.nickname == "Balie (2)" and entry.has_key
    assert {"Balie", "Balie (2)"} <= set(nicknames(empty_db))


def test_pk12util_import_then_list_and_export(empty_db: Path, pki: TestPKI) -> None:
    bundle = pki.uzi_server()
    pk12_import(empty_db, pfx(bundle, "geheim"), "geheim")
    store = NssStore(empty_db)

    entry = store.get(bundle.fingerprint)
    assert entry is not None and entry.has_key and entry.der == bundle.leaf_der
    chain_fps = {sha256_fingerprint(c.public_bytes(SPKI[0])) for c in bundle.chain}
    listed = {e.fingerprint: e for e in store.list()}
    assert chain_fps <= listed.keys()
    assert not any(listed[fp].has_key for fp in chain_fps)

    exported = store.export(bundle.fingerprint)
    assert exported.fingerprint == bundle.fingerprint
    assert exported.key_matches()
    assert public_bytes(exported.key) == public_bytes(bundle.key)
    assert {sha256_fingerprint(c.public_bytes(SPKI[0])) for c in exported.chain} == chain_fps
    assert exported.friendly_name == bundle.friendly_name  # no "NSS Certificate DB:" prefix


def test_ec_key_round_trip(empty_db: Path, pki: TestPKI) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    issued = pki.other(common_name="EC Gebruiker (VERZONNEN)", public_key=key.public_key())
    bundle = Bundle(issued.leaf, issued.chain, key, friendly_name="EC Gebruiker")
    store = NssStore(empty_db)
    assert store.add(bundle).has_key
    assert any(" ec " in line for line in key_lines(empty_db))
    exported = store.export(bundle.fingerprint)
    assert isinstance(exported.key, ec.EllipticCurvePrivateKey) and exported.key_matches()


def test_remove_takes_certificate_and_key(empty_db: Path, pki: TestPKI) -> None:
    bundle, other = pki.vecozo_personal(), pki.vecozo_system()
    store = NssStore(empty_db)
    store.add(bundle)
    store.add(other)
    store.remove(bundle.fingerprint)

    assert bundle.friendly_name not in nicknames(empty_db)
    keys = key_lines(empty_db)
    assert len(keys) == 1 and str(other.friendly_name) in keys[0]
    assert store.get(bundle.fingerprint) is None
    assert store.get(other.fingerprint) is not None


def test_remove_keeps_a_key_another_certificate_still_uses(empty_db: Path, pki: TestPKI) -> None:
    old = pki.vecozo_personal(name="Sanne Smit")
    renewed_issue = pki.vecozo_personal(name="Sanne Smit", public_key=old.leaf.public_key())
    renewed = Bundle(renewed_issue.leaf, renewed_issue.chain, old.key, old.friendly_name)
    store = NssStore(empty_db)
    store.add(old)
    store.add(renewed)
    store.remove(old.fingerprint)
    entry = store.get(renewed.fingerprint)
    assert entry is not None and entry.has_key
    assert store.get(old.fingerprint) is None


def test_unknown_fingerprint_and_missing_key(empty_db: Path, pki: TestPKI) -> None:
    store = NssStore(empty_db)
    for verb in (store.export, store.remove):
        with pytest.raises(CertassistError) as err:
            verb("00" * 32)
        assert err.value.message_id == "E-store-not-found"
    bundle = pki.other()
    keyless = Bundle(bundle.leaf, bundle.chain, None, "Alleen certificaat")
    entry = store.add(keyless)
    assert not entry.has_key and not entry.exportable
    assert "Alleen certificaat" in nicknames(empty_db)
    assert key_lines(empty_db) == []
    with pytest.raises(CertassistError) as err:
        store.export(bundle.fingerprint)
    assert err.value.message_id == "E-store-no-key"


def test_foreign_key_is_refused_before_touching_the_database(empty_db: Path, pki: TestPKI) -> None:
    with pytest.raises(CertassistError) as err:
        NssStore(empty_db).add(pki.mismatched())
    assert err.value.message_id == "E-nss-key-mismatch"
    assert nicknames(empty_db) == [] and key_lines(empty_db) == []


def test_two_databases_one_after_the_other(tmp_path: Path, pki: TestPKI) -> None:
    first = NssStore(make_db(tmp_path / "a"))
    second = NssStore(make_db(tmp_path / "b"), StoreKind.NSSDB)
    a, b = pki.vecozo_personal(name="Aad"), pki.vecozo_personal(name="Bea")
    first.add(a)
    second.add(b)
    for _ in range(2):  # and back again: every open/close is clean
        assert [e.fingerprint for e in first.list() if e.has_key] == [a.fingerprint]
        assert [e.fingerprint for e in second.list() if e.has_key] == [b.fingerprint]
    assert first.export(a.fingerprint).key_matches()
    assert second.export(b.fingerprint).key_matches()


def test_a_missing_folder_is_unavailable(tmp_path: Path) -> None:
    gone = NssStore(tmp_path / "nope")
    assert not gone.available
    reason = gone.unavailable_reason
    assert reason is not None and reason.message_id == "E-nss-folder-missing"
    with pytest.raises(CertassistError) as err:
        gone.list()
    assert err.value.message_id == "E-nss-folder-missing"


def test_a_never_started_profile_is_an_empty_store_until_add(tmp_path: Path, pki: TestPKI) -> None:
    """A fresh Firefox profile folder (no cert9.db yet) can be chosen as a target."""
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    store = NssStore(fresh)
    bundle = pki.vecozo_personal()
    assert store.available and store.unavailable_reason is None
    assert store.list() == [] and store.get(bundle.fingerprint) is None
    for verb in (store.export, store.remove):
        with pytest.raises(CertassistError) as err:
            verb(bundle.fingerprint)
        assert err.value.message_id == "E-store-not-found"
    assert list(fresh.iterdir()) == []  # looking did not create a database

    assert store.add(bundle).has_key  # creates a fresh database first
    assert (fresh / "cert9.db").is_file() and store.available
    assert bundle.friendly_name in nicknames(fresh)
    assert len(key_lines(fresh)) == 1
    assert store.export(bundle.fingerprint).key_matches()


def test_a_running_firefox_makes_the_profile_unavailable(empty_db: Path, pki: TestPKI) -> None:
    lock = empty_db / "lock"  # what Firefox on Linux leaves while it runs: host:+pid
    lock.symlink_to(f"127.0.0.1:+{os.getpid()}")
    store = NssStore(empty_db, busy_check=lambda: running_error(empty_db, "default-release"))
    reason = store.unavailable_reason
    assert not store.available and reason is not None
    assert reason.message_id == "E-firefox-running"
    with pytest.raises(CertassistError) as err:
        store.add(pki.other())
    assert err.value.message_id == "E-firefox-running"
    assert nicknames(empty_db) == []
    lock.unlink()  # Firefox closed
    assert store.available and store.add(pki.other()).has_key


def test_library_missing_is_a_reason(empty_db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "no-nss-here"
    empty.mkdir()
    store = NssStore(empty_db, library_dirs=[empty])
    reason = store.unavailable_reason
    assert reason is not None and reason.message_id == "E-nss-library-missing"
    assert "no-nss-here" in reason.params["detail"]


def test_damaged_database_reports_the_nss_error_name(tmp_path: Path, nss_ready: None) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    (folder / "cert9.db").write_bytes(b"this is not sqlite" * 100)
    (folder / "key4.db").write_bytes(b"this is not sqlite either" * 100)
    with pytest.raises(CertassistError) as err:
        NssStore(folder).list()
    assert err.value.message_id == "E-nss-failed"
    assert str(err.value.params["error"]).startswith("SEC_ERROR_")
    # and the process can still open a good database afterwards
    good = make_db(tmp_path / "good")
    assert NssStore(good).list() == []


def test_legacy_dbm_database_is_read_only(tmp_path: Path, pki: TestPKI) -> None:
    folder = make_db(tmp_path / "old", prefix="dbm")
    bundle = pki.vecozo_personal()
    pk12_import(folder, pfx(bundle, "geheim"), "geheim", prefix="dbm")
    assert (folder / "cert8.db").is_file() and not (folder / "cert9.db").exists()
    store = NssStore(folder)
    entry = store.get(bundle.fingerprint)
    assert entry is not None and entry.has_key
    assert store.export(bundle.fingerprint).key_matches()
    for change in (lambda: store.add(pki.other()), lambda: store.remove(bundle.fingerprint)):
        with pytest.raises(CertassistError) as err:
            change()
        assert err.value.message_id == "E-nss-legacy-readonly"
    assert bundle.friendly_name in nicknames(folder, prefix="dbm")
    assert not (folder / "cert9.db").exists()


def _openssl_self_signed(work: Path, name: str) -> Path:
    """A CA certificate made by OpenSSL's CLI, from an issuer certassist never saw."""
    key, cert = work / f"{name}.key", work / f"{name}.pem"
    run_tool(
        "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
        "-out", cert, "-days", "30", "-subj", f"/O=Onbekende Uitgever BV/CN={name}",
    )  # fmt: skip
    return cert


def test_remove_a_certificate_without_key(empty_db: Path, pki: TestPKI) -> None:
    """#11.3: a CA certificate added by certutil (no key) is really gone afterwards."""
    pem = _openssl_self_signed(empty_db.parent, "Vreemde CA")
    run_tool("certutil", "-A", "-d", f"sql:{empty_db}", "-n", "Vreemde CA", "-t", ",,", "-i", pem)
    keyed = pki.vecozo_personal()
    store = NssStore(empty_db)
    store.add(keyed)
    fingerprint = sha256_fingerprint(
        x509.load_pem_x509_certificate(pem.read_bytes()).public_bytes(SPKI[0])
    )
    entry = store.get(fingerprint)
    assert entry is not None and not entry.has_key

    store.remove(fingerprint)

    assert "Vreemde CA" not in nicknames(empty_db)
    assert store.get(fingerprint) is None
    assert store.get(keyed.fingerprint) is not None and len(key_lines(empty_db)) == 1


def test_remove_failure_names_the_cause_not_firefox() -> None:
    """#11.3: when NSS refuses, the message says what NSS said; it does not blame Firefox."""
    from certassist.core.messages import render

    for lang in ("nl", "en"):
        text = render("E-nss-remove-failed", lang, store="X", cause="SEC_ERROR_READ_ONLY")
        assert "SEC_ERROR_READ_ONLY" in text
        assert "Sluit Firefox" not in text and "Close Firefox" not in text

"""The key id certassist computes must be the one NSS stores (else `has_key` would lie)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from certassist.core.models import Bundle
from certassist.stores.nss import NssStore
from certassist.stores.nss_keyid import nss_key_id
from certassist.stores.nss_lib import load_nss
from certassist.stores.nss_session import NssSession
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import key_lines, make_db, pk12_import

pytestmark = pytest.mark.usefixtures("nss_ready")


def _ec_bundle(pki: TestPKI) -> Bundle:
    key = ec.generate_private_key(ec.SECP256R1())
    issued = pki.other(common_name="EC Gebruiker (VERZONNEN)", public_key=key.public_key())
    return Bundle(issued.leaf, issued.chain, key, "ec-gebruiker")


@pytest.mark.parametrize("kind", ["rsa", "ec"])
def test_computed_key_id_is_the_id_certutil_shows(pki: TestPKI, tmp_path: Path, kind: str) -> None:
    bundle = pki.vecozo_personal() if kind == "rsa" else _ec_bundle(pki)
    db = make_db(tmp_path / "db")
    pk12_import(db, pfx(bundle, "pw-1234567890"), "pw-1234567890")
    ids = [re.split(r"\s+", line.split(">", 1)[1].strip())[1] for line in key_lines(db)]
    key_id = nss_key_id(bundle.leaf_der)
    assert key_id is not None and ids == [key_id.hex()]
    # The listing reads the certificate object's own CKA_ID: the same id, straight from NSS.
    with NssSession(load_nss(), db) as session:
        by_der = {cert.der: cert.key_id for cert in session.certs()}
    assert by_der[bundle.leaf_der] == key_id


def test_listing_tells_keys_apart_among_many(pki: TestPKI, tmp_path: Path) -> None:
    """Certificates with and without keys in one database; the listing reads ids once."""
    db = make_db(tmp_path / "db")
    with_key = [pki.vecozo_personal(name=f"Met Sleutel {i}") for i in range(3)]
    without = [pki.vecozo_system(practice=f"Zonder Sleutel {i}") for i in range(3)]
    store = NssStore(db)
    for bundle in with_key:
        store.add(bundle)
    for bundle in without:
        store.add(Bundle(bundle.leaf, (), None, None))
    listed = {e.fingerprint: e.has_key for e in store.list()}
    assert all(listed[b.fingerprint] for b in with_key)
    assert not any(listed[b.fingerprint] for b in without)
    store.remove(with_key[0].fingerprint)
    assert with_key[0].fingerprint not in {e.fingerprint for e in store.list()}
    assert len(key_lines(db)) == 2

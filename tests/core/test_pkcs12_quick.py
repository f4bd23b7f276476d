"""The quick PKCS#12 reader: same answer as cryptography's reader, or it steps aside.

It skips cryptography's RSA prime test (about 45 ms per file), so it must never accept what
cryptography would refuse, and never turn a file cryptography reads into a different bundle.
The interoperability matrix (tests/e2e/test_pkcs12_interop.py) runs it on files written by
OpenSSL and NSS; here are the known-answer tests of its key derivation and its refusals.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.serialization import pkcs12

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, cert_der
from certassist.core.pkcs12_quick import bmp_password, pkcs12_kdf, read_quick
from certassist.core.reading import read_bytes
from certassist.demo.pki_files import Encryption
from certassist.stores.pkcs12file import write_backup
from tests.core import pkcs12_craft as craft
from tests.pki import TestPKI, pfx

PASSWORD = "Snel-Gelezen-2026"
SPKI = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


# Published PKCS#12 KDF vectors (OpenSSL's and Bouncy Castle's tests), SHA-1:
# (password, salt, purpose, iterations, output)
KDF_VECTORS = [
    ("smeg", "0A58CF64530D823F", 1, 1, "8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3"),
    ("smeg", "0A58CF64530D823F", 2, 1, "79993DFE048D3B76"),
    ("smeg", "3D83C0E4546AC140", 3, 1, "8D967D88F6CAA9D714800AB3D48051D63F73A312"),
    ("queeg", "05DEC959ACFF72F7", 1, 1000, "ED2034E36328830FF09DF1E1A07DD357185DAC0D4F9EB3D4"),
]


@pytest.mark.parametrize(("password", "salt", "purpose", "rounds", "expected"), KDF_VECTORS)
def test_key_derivation_matches_the_published_vectors(
    password: str, salt: str, purpose: int, rounds: int, expected: str
) -> None:
    derived = pkcs12_kdf("sha1", bmp_password(password), bytes.fromhex(salt), purpose, rounds,
                         len(expected) // 2)  # fmt: skip
    assert derived.hex().upper() == expected


def _same_as_cryptography(data: bytes, bundle: Bundle) -> None:
    quick = read_quick(data, PASSWORD)
    assert quick is not None, "the usual layout must take the quick path"
    reference = pkcs12.load_pkcs12(data, PASSWORD.encode())
    assert reference.cert is not None and reference.key is not None and quick.key is not None
    assert [cert_der(c) for c in quick.certificates] == [
        cert_der(c.certificate) for c in (reference.cert, *reference.additional_certs)
    ]
    assert quick.key.public_key().public_bytes(*SPKI) == reference.key.public_key().public_bytes(
        *SPKI
    )
    assert quick.friendly_name == bundle.friendly_name
    read = read_bytes(data, PASSWORD, "x.pfx")  # the reader the app uses takes this path too
    assert read.fingerprint == bundle.fingerprint and read.key_matches()


@pytest.mark.parametrize("encryption", ["aes", "3des"])
def test_aes_and_windows_3des_files_read_quickly_and_alike(
    pki: TestPKI, encryption: Encryption
) -> None:
    bundle = pki.vecozo_personal(name="Snelle Lezer")
    _same_as_cryptography(pfx(bundle, PASSWORD, encryption, iterations=2000), bundle)


def test_an_accented_password_is_encoded_as_each_part_of_the_file_expects(pki: TestPKI) -> None:
    """The MAC and 3DES take the password as BMPString, PBES2 as UTF-8."""
    bundle = pki.vecozo_personal(name="Joëlle Çelik")
    encryptions: tuple[Encryption, ...] = ("aes", "3des")
    for encryption in encryptions:
        data = pfx(bundle, "Één-ß-2026", encryption)
        quick = read_quick(data, "Één-ß-2026")
        assert quick is not None and quick.key is not None


@pytest.mark.parametrize("encryption", ["aes", "3des"])
def test_a_wrong_password_is_left_to_cryptography_to_name(
    pki: TestPKI, encryption: Encryption
) -> None:
    data = pfx(pki.vecozo_personal(), PASSWORD, encryption)
    assert read_quick(data, PASSWORD.lower()) is None


def test_files_it_does_not_handle_are_left_to_cryptography(pki: TestPKI) -> None:
    bundle = pki.vecozo_personal()
    assert read_quick(pfx(bundle, None), None) is None  # no password
    assert read_quick(pfx(bundle, "", "aes"), "") is None  # the empty password
    assert read_quick(pfx(bundle, PASSWORD, "rc2-40"), PASSWORD) is None  # RC2 certificates


def test_damage_anywhere_gives_none_never_an_exception(pki: TestPKI) -> None:
    data = pfx(pki.vecozo_personal(), PASSWORD, "aes")
    for cut in range(0, len(data), 97):
        assert read_quick(data[:cut], PASSWORD) is None
    for position in range(40, len(data), 131):
        flipped = bytearray(data)
        flipped[position] ^= 0x5A
        assert read_quick(bytes(flipped), PASSWORD) is None  # the MAC catches every change


def test_certassist_backups_read_quickly_and_alike(pki: TestPKI, tmp_path: Path) -> None:
    """Backups use 600,000 PBKDF2 rounds (cryptography's C) and a 2,048-round MAC (Python)."""
    bundle = pki.vecozo_personal(name="Back-up Lezer")
    _same_as_cryptography(write_backup(tmp_path, bundle, PASSWORD).read_bytes(), bundle)


# --- hand-built files with a valid MAC (layouts no tool writes on purpose) ------------------


def test_the_name_comes_from_the_keys_certificate_not_from_a_stray_key_id(pki: TestPKI) -> None:
    """OpenSSL names the bundle after the certificate that matches the key; so must we."""
    bundle = pki.vecozo_personal(name="Naam Proef")
    assert bundle.key is not None
    data = craft.pfx(
        PASSWORD,
        craft.plain_safe(
            craft.cert_bag(bundle.leaf_der, craft.friendly_name("Leaf name")),
            craft.cert_bag(
                cert_der(bundle.chain[0]),
                craft.friendly_name("CA name"),
                craft.local_key_id(b"\x01"),
            ),
            craft.key_bag(bundle.key, PASSWORD, craft.local_key_id(b"\x01")),
        ),
    )
    quick = read_quick(data, PASSWORD)
    reference = pkcs12.load_pkcs12(data, PASSWORD.encode())
    assert reference.cert is not None and reference.cert.friendly_name == b"Leaf name"
    assert quick is not None and quick.friendly_name == "Leaf name"


def test_a_right_password_on_a_damaged_file_says_damaged_not_wrong_password(
    pki: TestPKI,
) -> None:
    """The MAC proves the password; retrying it three times would not help the user."""
    bundle = pki.vecozo_personal()
    assert bundle.key is not None
    data = craft.pfx(
        PASSWORD,
        craft.plain_safe(
            craft.cert_bag(bundle.leaf_der, extra=craft.integer(7)),  # a SafeBag field too many
            craft.key_bag(bundle.key, PASSWORD),
        ),
    )
    assert read_quick(data, PASSWORD) is None
    with pytest.raises(CertassistError) as damaged:
        read_bytes(data, PASSWORD, "x.pfx")
    assert damaged.value.message_id == "E-read-damaged"
    with pytest.raises(CertassistError) as wrong:
        read_bytes(data, PASSWORD + "x", "x.pfx")
    assert wrong.value.message_id == "E-read-wrong-password"


def test_a_key_type_cryptography_refuses_is_refused_here_too(pki: TestPKI) -> None:
    key = x25519.X25519PrivateKey.generate()
    bundle = pki.other(common_name="X25519 (VERZONNEN)", public_key=key.public_key())
    data = craft.pfx(
        PASSWORD,
        craft.plain_safe(craft.cert_bag(bundle.leaf_der), craft.key_bag(key, PASSWORD)),
    )
    assert read_quick(data, PASSWORD) is None
    with pytest.raises(CertassistError) as refused:
        read_bytes(data, PASSWORD, "x.pfx")
    assert refused.value.message_id == "E-read-unsupported-encryption"


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::cryptography.utils.CryptographyDeprecationWarning")
def test_damage_under_a_valid_mac_is_read_alike_or_left_to_cryptography(pki: TestPKI) -> None:
    """Differential: bytes changed inside the MAC'd content (as a buggy writer would), the MAC
    made valid again. The quick reader must step aside or agree with cryptography exactly."""
    bundle = pki.vecozo_personal(name="Fuzz Proef")
    assert bundle.key is not None
    content = craft.seq(
        craft.plain_safe(
            craft.cert_bag(bundle.leaf_der, craft.friendly_name("Fuzz"), craft.local_key_id(b"1")),
            craft.cert_bag(cert_der(bundle.chain[0])),
            craft.key_bag(bundle.key, PASSWORD, craft.local_key_id(b"1")),
        )
    )
    rng = random.Random(20261128)
    disagreements = []
    accepted = 0
    for _ in range(120):
        damaged = bytearray(content)
        for _ in range(rng.choice((1, 1, 2))):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        data = craft.pfx_around(PASSWORD, bytes(damaged))
        quick = read_quick(data, PASSWORD)
        if quick is None:
            continue
        accepted += 1
        try:
            reference = pkcs12.load_pkcs12(data, PASSWORD.encode())
        except Exception as exc:  # cryptography refuses what the quick reader took
            disagreements.append(f"refused by cryptography: {exc}")
            continue
        seen = [cert_der(c.certificate) for c in _all_certs(reference)]
        name = reference.cert.friendly_name if reference.cert else None
        if sorted(seen) != sorted(cert_der(c) for c in quick.certificates) or (
            (name.decode() if name else None) != quick.friendly_name
        ):
            disagreements.append("different certificates or name")
    assert disagreements == []
    assert accepted > 20  # harmless changes (a name's letters, a serial) still read quickly


def _all_certs(loaded: pkcs12.PKCS12KeyAndCertificates) -> list[pkcs12.PKCS12Certificate]:
    return ([loaded.cert] if loaded.cert else []) + list(loaded.additional_certs)

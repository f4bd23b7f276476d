"""Reading every file format practice staff are given, and every way such a file can be bad."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from certassist.core.errors import CertassistError
from certassist.core.reading import read_bytes, read_certificate_and_key, read_certificate_file
from tests.pki import TestPKI, der, p7b, pem, pem_bundle, pfx, pkcs8_key

PASSWORD = "Zomer-Wolk-47!"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _error_id(path: Path, password: str | None = None) -> str:
    with pytest.raises(CertassistError) as caught:
        read_certificate_file(path, password)
    return caught.value.message_id


@pytest.mark.parametrize("encryption", ["aes", "3des", "rc2-40"])
def test_pfx_in_every_encryption_opens_with_key_and_chain(
    pki: TestPKI, tmp_path: Path, encryption: str
) -> None:
    bundle = pki.vecozo_personal()
    path = _write(tmp_path, f"anna-{encryption}.pfx", pfx(bundle, PASSWORD, encryption))  # type: ignore[arg-type]
    read = read_certificate_file(path, PASSWORD)
    assert read.fingerprint == bundle.fingerprint
    assert read.key_matches()
    assert [c.subject for c in read.chain] == [c.subject for c in bundle.chain]


def test_pfx_without_password_opens_without_asking(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.vecozo_system()
    path = _write(tmp_path, "systeem.p12", pfx(bundle, None, "none"))
    assert read_certificate_file(path).key_matches()


def test_pfx_with_empty_password_opens_without_asking(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.vecozo_system()
    path = _write(tmp_path, "leeg.pfx", pfx(bundle, "", "aes"))
    assert read_certificate_file(path).fingerprint == bundle.fingerprint


def test_wrong_password_is_told_apart_from_damage(pki: TestPKI, tmp_path: Path) -> None:
    data = pfx(pki.vecozo_personal(), PASSWORD, "aes")
    good = _write(tmp_path, "a.pfx", data)
    assert _error_id(good, "verkeerd") == "E-read-wrong-password"
    assert _error_id(good) == "E-read-password-needed"
    truncated = _write(tmp_path, "cut.pfx", data[: len(data) // 2])
    assert _error_id(truncated, PASSWORD) == "E-read-damaged"
    assert _error_id(truncated) == "E-read-damaged"
    one_byte_short = _write(tmp_path, "short.pfx", data[:-1])
    assert _error_id(one_byte_short, PASSWORD) == "E-read-damaged"
    trailing = _write(tmp_path, "long.pfx", data + b"\0")
    assert _error_id(trailing, PASSWORD) == "E-read-damaged"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("leeg.pfx", b"", "E-read-empty"),
        ("spaties.cer", b"  \n", "E-read-empty"),
        ("ruis.pfx", os.urandom(2048), "E-read-damaged"),
        ("ruis.bin", b"\x13" + os.urandom(2047), "E-read-unknown-format"),
        ("tekst.cer", b"dit is geen certificaat", "E-read-unknown-format"),
        ("half.pem", b"-----BEGIN CERTIFICATE-----\nMIIB\n", "E-read-damaged"),
    ],
)
def test_bad_files_get_a_clear_error_id(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    assert _error_id(_write(tmp_path, name, data), PASSWORD) == expected


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _error_id(tmp_path / "weg.pfx") == "E-read-not-found"
    assert _error_id(tmp_path) == "E-read-not-found"


def test_error_text_is_dutch_by_default_and_says_what_next(tmp_path: Path) -> None:
    with pytest.raises(CertassistError) as caught:
        read_certificate_file(_write(tmp_path, "leeg.pfx", b""))
    assert "leeg" in caught.value.text("nl") and "Kies het juiste bestand" in caught.value.text()
    assert "empty" in caught.value.text("en")


def test_pfx_whose_key_belongs_to_another_certificate_is_refused(
    pki: TestPKI, tmp_path: Path
) -> None:
    # Tools refuse to write such a file, so build it as a mixed-up export would: the key and
    # the certificate in separate bags with no link between them.
    from cryptography.hazmat.primitives.serialization import pkcs12

    mixed = pki.mismatched()
    data = pkcs12.serialize_key_and_certificates(
        b"mix",
        mixed.key,  # type: ignore[arg-type]
        None,
        [mixed.leaf, *mixed.chain],
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )
    path = _write(tmp_path, "mix.pfx", data)
    assert _error_id(path, PASSWORD) == "E-read-key-mismatch"


def test_pem_der_and_p7b_give_the_leaf_first(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.uzi_server()
    for name, data in (
        ("server.pem", pem(bundle)),
        ("server.cer", der(bundle)),
        ("server.p7b", p7b(bundle)),
        ("keten.pem", pem_bundle(*reversed(bundle.chain), bundle.leaf)),
    ):
        read = read_certificate_file(_write(tmp_path, name, data))
        assert read.fingerprint == bundle.fingerprint, name
        assert not read.has_key


def test_pem_with_key_inside(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.vecozo_personal()
    read = read_bytes(pem(bundle, include_key=True), None, "met-sleutel.pem")
    assert read.key_matches()


def test_separate_pkcs8_key_encrypted_or_not(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.uzi_server()
    cert = _write(tmp_path, "server.crt", pem(bundle))
    plain = _write(tmp_path, "server.key", pkcs8_key(bundle))
    locked = _write(tmp_path, "server-enc.key", pkcs8_key(bundle, PASSWORD))
    assert read_certificate_and_key(cert, plain).key_matches()
    assert read_certificate_and_key(cert, locked, PASSWORD).key_matches()
    with pytest.raises(CertassistError) as caught:
        read_certificate_and_key(cert, locked, "fout")
    assert caught.value.message_id == "E-read-wrong-password"
    with pytest.raises(CertassistError) as caught:
        read_certificate_and_key(cert, locked)
    assert caught.value.message_id == "E-read-password-needed"
    other_key = _write(tmp_path, "ander.key", pkcs8_key(pki.uzi_server()))
    with pytest.raises(CertassistError) as caught:
        read_certificate_and_key(cert, other_key)
    assert caught.value.message_id == "E-read-key-mismatch"


def test_der_pkcs8_key(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.vecozo_system()
    assert bundle.key is not None
    key_der = bundle.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cert = _write(tmp_path, "sys.cer", der(bundle))
    key = _write(tmp_path, "sys.der", key_der)
    assert read_certificate_and_key(cert, key).key_matches()


def test_several_end_entity_certificates_are_refused(pki: TestPKI, tmp_path: Path) -> None:
    data = pem_bundle(pki.vecozo_personal(), pki.vecozo_personal(name="Bert Bakker"))
    assert _error_id(_write(tmp_path, "twee.pem", data)) == "E-read-several-leaves"


def test_pfx_with_two_leaf_certificates_takes_the_keyed_one(pki: TestPKI, tmp_path: Path) -> None:
    """#11.2: the key decides the leaf; the other leaf is left out, not installed."""
    anna, bert = pki.vecozo_personal(), pki.vecozo_personal(name="Bert Bakker")
    from tests.pki import Bundle

    mixed = Bundle(anna.leaf, (bert.leaf, *anna.chain), anna.key)
    path = _write(tmp_path, "twee.pfx", pfx(mixed, PASSWORD, "aes"))
    bundle = read_certificate_file(path, PASSWORD)
    assert bundle.fingerprint == anna.fingerprint and bundle.key_matches()
    assert list(bundle.chain) == list(anna.chain)
    assert list(bundle.left_out) == [bert.leaf]


@pytest.mark.linux_tools
def test_openssl_written_pfx_is_read(pki: TestPKI, tmp_path: Path) -> None:
    """Interoperability: a file made by the OpenSSL command line, default (AES) settings."""
    import subprocess

    bundle = pki.vecozo_personal()
    cert = _write(tmp_path, "c.pem", pem(bundle))
    key = _write(tmp_path, "k.pem", pkcs8_key(bundle))
    out = tmp_path / "openssl.pfx"
    subprocess.run(
        [
            "openssl",
            "pkcs12",
            "-export",
            "-in",
            cert,
            "-inkey",
            key,
            "-out",
            out,
            "-passout",
            "env:PW",
        ],
        check=True,
        env={**os.environ, "PW": PASSWORD},
        capture_output=True,
    )
    assert read_certificate_file(out, PASSWORD).key_matches()


@pytest.fixture
def firefox_export(pki: TestPKI, tmp_path: Path) -> tuple[Path, str]:
    """A PFX written by NSS itself (what Firefox's 'Backup' and pk12util produce): BER encoded."""
    import subprocess

    db = tmp_path / "db"
    db.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True)
    source = _write(tmp_path, "in.pfx", pfx(pki.vecozo_personal(), PASSWORD, "aes"))
    subprocess.run(
        ["pk12util", "-i", source, "-d", f"sql:{db}", "-W", PASSWORD],
        check=True,
        capture_output=True,
    )
    listed = subprocess.run(
        ["certutil", "-L", "-d", f"sql:{db}"], check=True, capture_output=True, text=True
    ).stdout
    nickname = next(line.rsplit(None, 1)[0] for line in listed.splitlines() if "u,u,u" in line)
    out = tmp_path / "firefox-backup.p12"
    subprocess.run(
        ["pk12util", "-o", out, "-n", nickname, "-d", f"sql:{db}", "-W", PASSWORD, "-K", ""],
        check=True,
        capture_output=True,
    )
    return out, nickname


@pytest.mark.linux_tools
def test_firefox_ber_export_is_read_and_damage_still_detected(
    firefox_export: tuple[Path, str], tmp_path: Path
) -> None:
    path, nickname = firefox_export
    data = path.read_bytes()
    assert data[:2] == b"\x30\x80"  # BER indefinite length: NSS's own encoding
    read = read_certificate_file(path, PASSWORD)
    assert read.key_matches() and read.friendly_name == nickname
    assert _error_id(path, "fout") == "E-read-wrong-password"
    cut = _write(tmp_path, "cut.p12", data[:-2])  # the end-of-contents octets are missing
    assert _error_id(cut, PASSWORD) == "E-read-damaged"


def test_ber_walker_edges() -> None:
    from certassist.core import ber
    from certassist.core.der import DerError

    node = ber.parse_single(b"\x30\x80\x24\x80\x04\x01A\x04\x01B\x00\x00\x00\x00")
    assert node.children[0].octets() == b"AB"
    for broken in (
        b"\x30\x80\x04\x01A",  # no end-of-contents
        b"\x04\x80\x00\x00",  # indefinite primitive
        b"\x30\x03\x04\x01A\x00",  # trailing byte
        b"\x30\x05\x04\x01A",  # cut off
    ):
        with pytest.raises(DerError):
            ber.parse_single(broken)

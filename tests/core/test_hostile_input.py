"""Hostile and odd input: every case ends in a result or an `[id]` error, quickly.

Each case was a traceback or a hang before: a certificate whose version is out of range, a MAC
asking for 2^31 iterations, a 1 MB PEM file the old regular expression needed minutes for, a FIFO,
/dev/zero, a symbolic link loop, a path through a file, a name too long, a MAC whose iteration
count was changed (not a wrong password).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtensionOID, NameOID

from certassist.core import der
from certassist.core.errors import CertassistError
from certassist.core.reading import read_bytes, read_certificate_file, read_private_key
from tests.core.pkcs12_craft import integer
from tests.pki import TestPKI, pem, pfx
from tests.pki import der as der_file

PASSWORD = "Zomer-Wolk-47!"


def _error(call: Callable[[], object]) -> str:
    with pytest.raises(CertassistError) as caught:
        call()
    return caught.value.message_id


def _within(seconds: float, call: Callable[[], object]) -> str:
    """The error id of `call`, which must end within `seconds` (a thread, so a hang fails)."""
    outcome: list[str] = []

    def run() -> None:
        outcome.append(_error(call))

    worker = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    assert outcome, "raised something other than CertassistError"
    assert time.monotonic() - started < seconds
    return outcome[0]


def odd_certificate(
    extension: x509.ExtensionType | None = None, version: int | None = None
) -> bytes:
    """A self-signed certificate with an odd extension, or its version field rewritten."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Vreemd VERZONNEN")])
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=700))
    )
    if extension is not None:
        builder = builder.add_extension(extension, critical=False)
    data = bytearray(builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER))
    if version is not None:
        at = data.find(b"\xa0\x03\x02\x01\x02")
        data[at + 4] = version
    return bytes(data)


BC_AS_SET = x509.UnrecognizedExtension(ExtensionOID.BASIC_CONSTRAINTS, b"\x31\x00")
SAN_GARBLED = x509.UnrecognizedExtension(ExtensionOID.SUBJECT_ALTERNATIVE_NAME, b"\x30\x03\xa0\x01")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(odd_certificate(version=7), id="version-7"),
        pytest.param(odd_certificate(BC_AS_SET), id="basic-constraints-as-set"),
        pytest.param(odd_certificate(SAN_GARBLED), id="san-garbled"),
    ],
)
@pytest.mark.parametrize("wrap", ["der", "pem"])
def test_a_certificate_that_does_not_decode_is_damaged_not_a_traceback(
    data: bytes, wrap: str
) -> None:
    if wrap == "pem":
        data = b"-----BEGIN CERTIFICATE-----\n" + _b64(data) + b"-----END CERTIFICATE-----\n"
    assert _error(lambda: read_bytes(data, None, "vreemd.cer")) == "E-read-damaged"


def _b64(data: bytes) -> bytes:
    import base64

    return base64.encodebytes(data)


def _with_mac_iterations(data: bytes, iterations: int) -> bytes:
    """The same PFX with its MAC's iteration count replaced (nothing recomputed)."""
    version, auth_safe, mac = der.children(der.read_single(data, der.SEQUENCE).value)
    digest_info, salt, _ = der.children(mac.value)
    parts = [der_tlv(t) for t in (digest_info, salt)]
    new_mac = der_tlv(der.Tlv(der.SEQUENCE, b"".join(parts) + integer(iterations), 0))
    body = der_tlv(version) + der_tlv(auth_safe) + new_mac
    return der_tlv(der.Tlv(der.SEQUENCE, body, 0))


def der_tlv(node: der.Tlv) -> bytes:
    from certassist.demo.pki_names import der_tlv as tlv

    return tlv(node.tag, node.value)


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_a_mac_asking_for_two_to_the_31_iterations_is_refused_at_once(
    pki: TestPKI, password: str | None
) -> None:
    data = _with_mac_iterations(pfx(pki.other(), PASSWORD, "aes", iterations=2048), 2**31)
    assert _within(2.0, lambda: read_bytes(data, password, "zwaar.pfx")) == "E-read-too-much-work"


def test_an_encrypted_key_asking_for_too_many_iterations_is_refused_at_once(
    pki: TestPKI,
) -> None:
    key = pki.other().key
    assert key is not None
    # cryptography writes a PBES2 key with a count we can rewrite: find it, make it 2^31 - 1.
    encrypted = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"geheim"),
    )
    outer = der.read_single(encrypted, der.SEQUENCE)
    algorithm, blob = der.children(outer.value)
    oid_node, params = der.children(algorithm.value)
    kdf, scheme = der.children(params.value)
    kdf_oid, kdf_params = der.children(kdf.value)
    salt, count, *rest = der.children(kdf_params.value)
    new_kdf_params = b"".join([der_tlv(salt), integer(2**31 - 1), *(der_tlv(r) for r in rest)])
    new_kdf = der_tlv(kdf_oid) + der_tlv(der.Tlv(der.SEQUENCE, new_kdf_params, 0))
    new_params = der_tlv(der.Tlv(der.SEQUENCE, new_kdf, 0)) + der_tlv(scheme)
    new_algorithm = der_tlv(oid_node) + der_tlv(der.Tlv(der.SEQUENCE, new_params, 0))
    hostile = der_tlv(
        der.Tlv(der.SEQUENCE, der_tlv(der.Tlv(der.SEQUENCE, new_algorithm, 0)) + der_tlv(blob), 0)
    )
    as_pem = b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + _b64(hostile)
    as_pem += b"-----END ENCRYPTED PRIVATE KEY-----\n"
    for data in (hostile, as_pem):
        call = lambda d=data: read_private_key(d, "geheim", "zwaar.key")  # noqa: E731
        assert _within(2.0, call) == "E-read-too-much-work"


@pytest.mark.parametrize("encryption", ["aes", "3des"])
def test_a_tampered_mac_iteration_count_is_damage_not_a_wrong_password(
    pki: TestPKI, encryption: str
) -> None:
    good = pfx(pki.other(), PASSWORD, encryption, iterations=2048)  # type: ignore[arg-type]
    tampered = _with_mac_iterations(good, 2049)
    assert _error(lambda: read_bytes(tampered, PASSWORD, "b.pfx")) == "E-read-damaged"
    # and a truly wrong password on the tampered file is still not "damaged" by guessing
    assert _error(lambda: read_bytes(tampered, "fout", "b.pfx")) == "E-read-wrong-password"


def test_a_megabyte_of_begin_lines_is_scanned_in_linear_time() -> None:
    hostile = b"-----BEGIN CERTIFICATE-----\n" * 35_000  # just under 1 MB
    assert _within(3.0, lambda: read_bytes(hostile, None, "groot.pem")) == "E-read-damaged"
    dashes = b"-----BEGIN A-----\n" + b"-" * 900_000
    assert _within(3.0, lambda: read_bytes(dashes, None, "streep.pem")) == "E-read-damaged"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.pfx"
    os.mkfifo(fifo)
    assert _within(2.0, lambda: read_certificate_file(fifo)) == "E-read-not-a-file"


def test_dev_zero_is_refused_without_reading_it() -> None:
    assert _within(2.0, lambda: read_certificate_file(Path("/dev/zero"))) == "E-read-not-a-file"


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "groot.cer"
    big.write_bytes(b"\x30" * 1_000_001)
    assert _error(lambda: read_certificate_file(big)) == "E-read-too-large"


def test_os_errors_on_the_path_are_ids_that_name_the_file(tmp_path: Path) -> None:
    loop = tmp_path / "lus.pfx"
    loop.symlink_to(loop)
    through_a_file = tmp_path / "gewoon.txt"
    through_a_file.write_text("x")
    long_name = tmp_path / ("a" * 300 + ".pfx")
    for path in (loop, through_a_file / "b.pfx", long_name):
        with pytest.raises(CertassistError) as caught:
            read_certificate_file(path)
        assert caught.value.message_id == "E-read-bad-path", path
        assert path.name[:50] in caught.value.text("en")


def test_a_pem_file_with_a_block_cut_off_is_damaged(pki: TestPKI) -> None:
    whole = pem(pki.other())
    assert _error(lambda: read_bytes(whole[: len(whole) // 2], None, "half.pem")) == (
        "E-read-damaged"
    )


def test_a_der_file_with_bytes_after_the_certificate_is_damaged(pki: TestPKI) -> None:
    data = der_file(pki.other()) + b"\x00\x00"
    assert _error(lambda: read_bytes(data, None, "staart.cer")) == "E-read-damaged"

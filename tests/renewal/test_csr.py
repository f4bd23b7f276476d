"""New key + CSR for a UZI server renewal: subject of the current certificate, SHA-256, SAN."""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from certassist.core.csr import (
    build_csr,
    decrypt_key,
    encrypt_key,
    new_key,
    new_subject,
    public_key_der,
    subject_of,
)
from certassist.core.errors import CertassistError
from tests.pki import TestPKI


def test_csr_repeats_the_subject_of_the_current_server_certificate(pki: TestPKI) -> None:
    current = pki.uzi_server(host="portaal.linde.example", subscriber="11223344")
    key = new_key()
    csr = build_csr(key, subject_of(current.leaf))
    assert csr.is_signature_valid
    assert csr.subject == current.leaf.subject
    assert isinstance(csr.signature_hash_algorithm, hashes.SHA256)
    assert key.key_size == 2048
    san = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["portaal.linde.example"]
    assert public_key_der(key) == public_key_der_of_csr(csr)


def public_key_der_of_csr(csr: x509.CertificateSigningRequest) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return csr.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def test_typed_subject_has_host_as_cn_and_san() -> None:
    subject = new_subject("Portaal.Linde.example", "De Linde", "123456789")
    csr = build_csr(new_key(), subject)
    assert (
        csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "portaal.linde.example"
    )
    assert csr.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "123456789"
    with pytest.raises(CertassistError) as caught:
        new_subject("portaal", "De Linde")
    assert caught.value.message_id == "E-csr-bad-host"


def test_key_is_stored_encrypted_and_needs_its_password() -> None:
    key = new_key()
    pem = encrypt_key(key, "correct horse")
    assert b"ENCRYPTED PRIVATE KEY" in pem
    assert decrypt_key(pem, "correct horse").private_numbers() == key.private_numbers()
    with pytest.raises(CertassistError) as wrong:
        decrypt_key(pem, "wrong horse")
    assert wrong.value.message_id == "E-csr-key-password"
    with pytest.raises(CertassistError) as short:
        encrypt_key(key, "kort")
    assert short.value.message_id == "E-csr-password-short"

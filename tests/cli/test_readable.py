"""Issue #11 points 5 and 6 with a certificate shaped like a real UZI-register TEST card: the
TEST register's own OIDs (OID CA 2.16.528.1.1007.99.217, policy .99.211), attribute names, card
type and role in words, Dutch dates in Dutch text; a wrong field named, the rest shown."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from certassist.cli import main
from certassist.core.classify import classify
from certassist.core.models import Environment, Kind
from certassist.core.names import days_left_words

CA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
TEST_ISSUER = x509.Name(
    [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CIBG"),
        x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, "NTRNL-50000535"),
        x509.NameAttribute(NameOID.COMMON_NAME, "TEST UZI-register Zorgverlener CA G3"),
    ]
)


def _uzi_card(uzi_number: str = "900016528") -> x509.Certificate:
    value = f"2.16.528.1.1007.99.217-1-{uzi_number}-Z-90000382-01.000-00000000".encode()
    ia5 = bytes([0x16, len(value)]) + value  # DER IA5String
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Zorginstelling 03"),
            x509.NameAttribute(NameOID.TITLE, "Arts"),
            x509.NameAttribute(NameOID.SURNAME, "test-90014548"),
            x509.NameAttribute(NameOID.GIVEN_NAME, "Jan"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, uzi_number),
            x509.NameAttribute(NameOID.COMMON_NAME, "Jan test-90014548"),
        ]
    )
    policy = x509.PolicyInformation(x509.ObjectIdentifier("2.16.528.1.1007.99.211"), None)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(TEST_ISSUER)
        .public_key(rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime(2017, 7, 13, tzinfo=UTC))
        .not_valid_after(datetime(2020, 7, 12, 11, 39, tzinfo=UTC))
        .add_extension(
            x509.SubjectAlternativeName([x509.OtherName(x509.ObjectIdentifier("2.5.5.5"), ia5)]),
            critical=False,
        )
        .add_extension(x509.CertificatePolicies([policy]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(CA_KEY, hashes.SHA256())
    )


def _write(tmp_path: Path, cert: x509.Certificate) -> Path:
    path = tmp_path / "kaart.cer"
    path.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    return path


def test_a_test_register_card_reads_as_a_person_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert = _uzi_card()
    found = classify(cert)
    assert (found.kind, found.environment) == (Kind.UZI_CARD, Environment.TEST)
    assert found.notes == ()  # no false "policy OID missing" for the TEST register
    path = _write(tmp_path, cert)

    main(["inspect", str(path)])
    text = capsys.readouterr().out
    assert "serialNumber=900016528" in text and "givenName=Jan" in text and "2.5.4" not in text
    assert "organizationIdentifier=NTRNL-50000535" in text
    assert "zorgverlenerspas (Z)" in text and "arts (01.000)" in text
    assert "verlopen sinds 12-7-2020" in text and "2020-07-12" not in text
    main(["--lang", "en", "inspect", str(path)])
    english = capsys.readouterr().out
    assert "expired since 12 Jul 2020" in english and "care provider card (Z)" in english
    main(["inspect", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["not_after"] == "2020-07-12" and len(data["fingerprint"]) == 64


def test_an_eight_digit_uzi_number_is_named_and_the_rest_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = classify(_uzi_card(uzi_number="90001652"))
    assert found.kind is Kind.UZI_CARD and found.uzi is not None
    assert found.notes == ("uzi-field-uzi-number",)
    assert found.uzi.subscriber_number == "90000382"
    main(["inspect", str(_write(tmp_path, _uzi_card(uzi_number="90001652")))])
    text = capsys.readouterr().out
    assert "het UZI-nummer heeft niet precies 9 cijfers" in text and "90000382" in text


def test_day_counts_in_words() -> None:
    assert days_left_words(date(2026, 12, 4), date(2026, 12, 3), "nl") == "nog 1 dag"
    assert days_left_words(date(2026, 12, 5), date(2026, 12, 3), "nl") == "nog 2 dagen"
    assert days_left_words(date(2026, 12, 4), date(2026, 12, 3), "en") == "1 day left"

"""Kind, environment, holder and UZI fields come from profile data, for every test certificate."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509

from certassist.core.classify import classify, describe
from certassist.core.errors import CertassistError
from certassist.core.models import Environment, Kind
from certassist.core.profiles import load_profiles
from certassist.core.uzi import UziFormatError, decode_uzi_value, parse_uzi_string
from tests.pki import LONG_OTHERNAME_SERVER_VALUE, TestPKI


def test_vecozo_personal_names_its_holder(pki: TestPKI) -> None:
    found = classify(pki.vecozo_personal(name="Anna de Vries").leaf)
    assert (found.kind, found.environment, found.holder) == (
        Kind.VECOZO_PERSONAL,
        Environment.PRODUCTION,
        "Anna de Vries",
    )
    assert "profile-made-up" in found.notes  # the VECOZO profile is made up, and says so


def test_vecozo_system_holder_is_the_practice(pki: TestPKI) -> None:
    found = classify(pki.vecozo_system(practice="Apotheek Zuid (VERZONNEN)").leaf)
    assert found.kind is Kind.VECOZO_SYSTEM
    assert found.holder == "Apotheek Zuid (VERZONNEN)"


@pytest.mark.parametrize(
    "environment", [Environment.PRODUCTION, Environment.ACCEPTANCE, Environment.TEST]
)
def test_vecozo_environments(pki: TestPKI, environment: Environment) -> None:
    assert classify(pki.vecozo_personal(environment=environment).leaf).environment is environment
    assert classify(pki.vecozo_system(environment=environment).leaf).environment is environment


def test_uzi_server_fields_and_ura(pki: TestPKI) -> None:
    found = classify(
        pki.uzi_server(subscriber="11223344", uzi_number="987654321", ura="87654321").leaf
    )
    assert found.kind is Kind.UZI_SERVER and found.environment is Environment.PRODUCTION
    assert found.uzi is not None
    assert found.uzi.oid_ca == "2.16.528.1.1003.1.3.5.5.5"
    assert (found.uzi.uzi_number, found.uzi.card_type, found.uzi.subscriber_number) == (
        "987654321",
        "S",
        "11223344",
    )
    assert (found.uzi.role, found.uzi.agb) == ("00.000", "00000000")
    assert found.subscriber_number == "11223344"
    assert found.ura == "87654321"
    assert found.notes == ()


def test_uzi_server_before_november_2023_has_no_ura(pki: TestPKI) -> None:
    assert classify(pki.uzi_server(with_ura=False).leaf).ura is None


def test_uzi_test_environment(pki: TestPKI) -> None:
    found = classify(pki.uzi_server(environment=Environment.TEST).leaf)
    assert found.environment is Environment.TEST
    assert found.uzi is not None and found.uzi.oid_ca.startswith("2.16.528.1.1007.99")


def test_64_character_othername_is_decoded_whole(pki: TestPKI) -> None:
    """A hand-stripping parser breaks at 64 characters; DER decoding must not."""
    assert len(LONG_OTHERNAME_SERVER_VALUE) == 64
    found = classify(pki.long_othername_server().leaf)
    assert found.uzi is not None and found.uzi.raw == LONG_OTHERNAME_SERVER_VALUE
    assert found.uzi.agb == "00000000"


@pytest.mark.parametrize(("card_type", "role"), [("Z", "01.015"), ("N", "00.000"), ("M", "00.000")])
def test_uzi_cards(pki: TestPKI, card_type: str, role: str) -> None:
    found = classify(pki.uzi_card(card_type=card_type, role=role, name="Dr. J. Jansen").leaf)
    assert found.kind is Kind.UZI_CARD
    assert found.uzi is not None and found.uzi.card_type == card_type and found.uzi.role == role
    if card_type == "Z":
        assert found.holder == "Dr. J. Jansen"


def test_other_certificate(pki: TestPKI) -> None:
    assert classify(pki.other().leaf).kind is Kind.OTHER


def test_describe_gives_fingerprint_and_dates(pki: TestPKI) -> None:
    bundle = pki.expiring_in(10)
    info = describe(bundle.leaf)
    assert info.fingerprint == bundle.fingerprint
    assert info.days_left(pki.today) == 10


def test_uzi_value_must_be_an_ia5string() -> None:
    utf8 = b"\x0c\x03abc"
    with pytest.raises(UziFormatError):
        decode_uzi_value(utf8)
    long_value = "x" * 200
    encoded = b"\x16\x81\xc8" + long_value.encode()
    assert decode_uzi_value(encoded) == long_value


@pytest.mark.parametrize(
    ("raw", "note"),
    [
        ("2.16.528.1.1003.1.3.5.5.5-1-12345678-S-12345678-00.000-00000000", "uzi-field-uzi-number"),
        ("2.16.528.1.1003.1.3.5.5.5-1-123456789-X-12345678-00.000-00000000", "uzi-field-card-type"),
        ("2.16.528.1.1003.1.3.5.5.5-1-123456789-S-12345678-00000-00000000", "uzi-field-role"),
        ("2.16.528.1.1003.1.3.5.5.5-2-123456789-S-12345678-00.000-00000000", "uzi-field-version"),
        (
            "2.16.528.1.1003.1.3.5.5.2-1-123456789-S-12345678-00.000-00000000",
            "uzi-oid-ca-card-type",
        ),
    ],
)
def test_a_wrong_uzi_field_is_named_and_the_rest_still_read(raw: str, note: str) -> None:
    """#11.5: one wrong field is named; the other fields are still there to show."""
    fields = parse_uzi_string(raw)
    assert fields.problems == (note,)
    assert fields.subscriber_number == "12345678" and fields.agb == "00000000"


def test_a_uzi_value_with_a_field_missing_is_unreadable() -> None:
    with pytest.raises(UziFormatError):
        parse_uzi_string("2.16.528.1.1003.1.3.5.5.5-1-123456789-S-12345678-00.000")


def test_adding_a_profile_is_a_data_change(tmp_path: Path, pki: TestPKI) -> None:
    """The real VECOZO profile can be added as a file: here a profile for the 'other' CA."""
    from certassist.core.resources import resources_dir

    kinds = resources_dir() / "profiles" / "kinds"
    for file in kinds.glob("*.toml"):
        (tmp_path / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    other = pki.other()
    issuer_cn = other.leaf.issuer.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
    (tmp_path / "vecozo-real.toml").write_text(
        f"""
[[profile]]
id = "vecozo-personal-new"
kind = "vecozo-personal"
priority = 5
[profile.match]
issuer_cn = ["{issuer_cn}"]
""",
        encoding="utf-8",
    )
    profiles = load_profiles(tmp_path)
    assert classify(other.leaf, profiles).kind is Kind.VECOZO_PERSONAL
    assert classify(other.leaf).kind is Kind.OTHER


@pytest.mark.parametrize(
    "body",
    [
        '[[profile]]\nid = "x"\nkind = "vecozo-personal"\n[profile.match]\nissuer_cnn = ["typo"]\n',
        '[[profile]]\nid = "x"\nkind = "no-such-kind"\n[profile.match]\nissuer_cn = ["a"]\n',
        '[[profile]]\nid = "x"\nkind = "other"\n',
        "[[profile]\n",
    ],
)
def test_broken_profile_files_are_refused(tmp_path: Path, body: str) -> None:
    (tmp_path / "bad.toml").write_text(body, encoding="utf-8")
    with pytest.raises(CertassistError) as caught:
        load_profiles(tmp_path)
    assert caught.value.message_id == "E-profile-invalid"

"""Issue #11 point 1: real VECOZO certificates become known without the secret profile.

The certificates come from an issuer the project never saw, made by OpenSSL's command line;
the answer is kept as a local profile file in the shipped format; IT support's file in the
practice folder serves everyone; a broken local file is named with its line and skipped.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from cryptography import x509

from certassist.core.classify import classify
from certassist.core.models import Environment, Kind
from certassist.core.profile_learning import learn
from certassist.core.profiles import (
    practice_profiles_dir,
    profile_problems,
    user_profiles_dir,
)
from tests.foreign import ForeignPki, make_foreign_pki

pytestmark = pytest.mark.linux_tools  # the OpenSSL command line makes the certificates

TODAY = date(2026, 12, 3)
PERSON = "/C=NL/O=Huisartsenpraktijk Noord/serialNumber={n}/GN={g}/SN={s}/CN={g} {s}"
SYSTEM = "/C=NL/O=Huisartsenpraktijk Noord/serialNumber={n}/CN=Huisartsenpraktijk Noord {n}"


@pytest.fixture(scope="module")
def vecozo_like(tmp_path_factory: pytest.TempPathFactory) -> ForeignPki:
    """An issuer naming VECOZO that no profile of the project knows."""
    return make_foreign_pki(tmp_path_factory.mktemp("pki"), org="Vecozo Zorgcertificaten")


def _cert(pki: ForeignPki, name: str, subject: str) -> x509.Certificate:
    cert, _key = pki.leaf(name, subject)
    return x509.load_pem_x509_certificate(cert.read_bytes())


def _person(pki: ForeignPki, given: str, surname: str, number: str) -> x509.Certificate:
    return _cert(pki, given.lower(), PERSON.format(n=number, g=given, s=surname))


def test_a_probable_vecozo_certificate_is_asked_about(vecozo_like: ForeignPki) -> None:
    found = classify(_person(vecozo_like, "Anna", "Smit", "10000000000001"))
    assert found.kind is Kind.OTHER
    assert "vecozo-kind-unknown" in found.notes


def test_the_answer_classifies_later_certificates_of_that_issuer(vecozo_like: ForeignPki) -> None:
    anna = _person(vecozo_like, "Anna", "Smit", "10000000000001")
    system = _cert(vecozo_like, "sys", SYSTEM.format(n="20000000000002"))
    learned = learn(anna, Kind.VECOZO_PERSONAL, today=TODAY)
    assert learned.path.parent == user_profiles_dir()
    assert learned.path.read_text(encoding="utf-8").count("[[profile]]") == 1

    bert = classify(_person(vecozo_like, "Bert", "Bakker", "10000000000003"))
    assert (bert.kind, bert.holder, bert.environment) == (
        Kind.VECOZO_PERSONAL,
        "Bert Bakker",
        Environment.PRODUCTION,
    )
    assert "vecozo-kind-unknown" not in bert.notes
    # a system certificate of the same issuer has no person's name: still a question
    assert classify(system).kind is Kind.OTHER
    learn(system, Kind.VECOZO_SYSTEM, today=TODAY)
    other_system = classify(_cert(vecozo_like, "sys2", SYSTEM.format(n="20000000000009")))
    assert other_system.kind is Kind.VECOZO_SYSTEM
    assert other_system.holder == "Huisartsenpraktijk Noord"
    assert classify(anna).kind is Kind.VECOZO_PERSONAL  # the first answer still holds


def test_it_support_drops_a_profile_for_the_whole_practice(
    vecozo_like: ForeignPki, tmp_path: Path
) -> None:
    """A learned file copied into the practice folder works for another user too; a broken file
    next to it is reported with file and line, and the good one still works."""
    anna = _person(vecozo_like, "Anna", "Smit", "10000000000001")
    learned = learn(anna, Kind.VECOZO_PERSONAL, today=TODAY, folder=tmp_path / "it")
    practice = practice_profiles_dir()
    practice.mkdir(parents=True)
    (practice / "vecozo.toml").write_bytes(learned.path.read_bytes())
    broken = practice / "kapot.toml"
    broken.write_text(
        '[[profile]]\nid = "kapot"\nkind = "vecozo-system"\n[profile.match]\nissuer_cnn = ["x"]\n',
        encoding="utf-8",
    )
    assert not user_profiles_dir().exists()

    assert classify(_person(vecozo_like, "Carla", "Kok", "10000000000005")).kind is (
        Kind.VECOZO_PERSONAL
    )
    (problem,) = profile_problems()
    assert problem.message_id == "E-profile-local-invalid"
    assert problem.params["file"] == str(broken) and problem.params["line"] == 5
    text = problem.text("nl")
    assert "kapot.toml" in text and "regel 5" in text and "issuer_cnn" in text
    assert "(line 5)" in problem.text("en")


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ('[[profile]]\nid = "x"\nkind = "vecozo-personal"\n\n[profile.match]\nbad = ["a"]\n', 6),
        ('[[profile]]\nid = "x"\nkind = "geen-soort"\n[profile.match]\nissuer_cn = ["a"]\n', 3),
        ('# een opmerking\n[[profile]\nid = "x"\n', 2),
    ],
)
def test_a_broken_local_file_names_its_line(body: str, line: int) -> None:
    folder = user_profiles_dir()
    folder.mkdir(parents=True)
    (folder / "eigen.toml").write_text(body, encoding="utf-8")
    (problem,) = profile_problems()
    assert problem.params["line"] == line
    assert str(folder / "eigen.toml") == problem.params["file"]


def test_a_changed_folder_is_read_again_without_a_restart(vecozo_like: ForeignPki) -> None:
    anna = _person(vecozo_like, "Anna", "Smit", "10000000000001")
    assert classify(anna).kind is Kind.OTHER
    learned = learn(anna, Kind.VECOZO_PERSONAL, today=TODAY)
    assert classify(anna).kind is Kind.VECOZO_PERSONAL
    os.remove(learned.path)
    assert classify(anna).kind is Kind.OTHER

"""A certificate kind is one row of traits: adding a row is enough for a kind to be recognised
(with a profile file), named and ruled; a kind without a row is shown as "other"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography import x509

from certassist.core import kinds
from certassist.core.classify import describe
from certassist.core.kinds import (
    Actors,
    Family,
    Kind,
    KindTraits,
    StoreKind,
    kind_label,
    pending_kinds,
    traits,
)
from certassist.core.models import Action, Actor, Owner, StoreTarget
from certassist.core.profiles import load_profiles
from certassist.core.rules import check
from tests.pki import TestPKI

NEW = "zorgmail-test"
TODAY = date(2026, 12, 3)


@pytest.fixture
def new_kind(monkeypatch: pytest.MonkeyPatch) -> Iterator[KindTraits]:
    """The one place a new kind is added: its row (a system-like kind of the contact person)."""
    row = KindTraits(NEW, "L-kind-zorgmail-test", Family.OTHER, Actors.CONTACT_PERSON, False)
    monkeypatch.setitem(kinds.KIND_TRAITS, NEW, row)
    yield row
    Kind._value2member_map_.pop(NEW, None)  # forget the member made for the row


def _profile_for(tmp_path: Path, leaf: x509.Certificate) -> Path:
    issuer_cn = leaf.issuer.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
    (tmp_path / "zorgmail.toml").write_text(
        f'[[profile]]\nid = "zorgmail"\nkind = "{NEW}"\nholder = "subject_o"\n'
        f'[profile.match]\nissuer_cn = ["{issuer_cn!s}"]\n',
        encoding="utf-8",
    )
    return tmp_path


def test_a_new_kind_row_is_classified_labelled_and_ruled(
    new_kind: KindTraits, tmp_path: Path, pki: TestPKI
) -> None:
    leaf = pki.other().leaf
    info = describe(leaf, load_profiles(_profile_for(tmp_path, leaf)))
    assert info.kind == NEW and isinstance(info.kind, Kind)
    assert info.kind is Kind(NEW)
    assert kind_label(info.kind, "nl") == NEW  # no catalog text yet: its plain id

    receptionist = Actor("balie")
    firefox = StoreTarget(StoreKind.FIREFOX)
    refused = check(info, receptionist, Action.INSTALL, firefox, TODAY)
    assert {d.message_id for d in refused.refusals} == {
        "E-R2-not-contact-person",
        "E-R3-system-in-browser",
    }
    contact = Actor("balie", is_contact_person=True)
    windows = StoreTarget(StoreKind.WINDOWS_USER, Owner.SELF)
    allowed = check(info, contact, Action.INSTALL, windows, TODAY)
    assert allowed.allowed
    assert "I-R9-backup-now" in {d.message_id for d in allowed.decisions}


def test_without_its_row_the_same_profile_is_refused(tmp_path: Path, pki: TestPKI) -> None:
    from certassist.core.errors import CertassistError

    leaf = pki.other().leaf
    with pytest.raises(CertassistError) as caught:
        load_profiles(_profile_for(tmp_path, leaf))
    assert caught.value.message_id == "E-profile-invalid"


def test_an_unknown_kind_is_other_with_its_id_as_label() -> None:
    row = traits("from-a-newer-version")
    assert (row.family, row.actors, row.label_id) == (
        Family.OTHER,
        Actors.ANYONE,
        "from-a-newer-version",
    )
    assert kind_label("from-a-newer-version", "en") == "from-a-newer-version"
    assert kind_label(Kind.UZI_SERVER, "en") == "UZI server certificate"


def test_every_known_kind_has_its_label_in_both_languages() -> None:
    for kind in Kind:
        for lang in ("nl", "en"):
            assert kind_label(kind, lang) != traits(kind).label_id


def test_the_rows_say_what_the_rules_say() -> None:
    assert (
        traits(Kind.VECOZO_PERSONAL).person_bound and traits(Kind.VECOZO_PERSONAL).own_stores_only
    )
    assert not traits(Kind.VECOZO_SYSTEM).browser_allowed
    assert not traits(Kind.UZI_CARD).backup_expected
    assert set(pending_kinds()) == {Kind.VECOZO_PERSONAL, Kind.VECOZO_SYSTEM, Kind.UZI_SERVER}
    assert {k for k in StoreKind if k.is_browser} == {StoreKind.FIREFOX, StoreKind.NSSDB}
    assert {k for k in StoreKind if k.is_backup_folder} == {StoreKind.PKCS12_FOLDER}


def test_store_kinds_answer_to_their_id_and_their_groups() -> None:
    from certassist.core.kinds import store_kind_names, store_kinds_named

    assert store_kinds_named("Windows") == (StoreKind.WINDOWS_USER, StoreKind.WINDOWS_MACHINE)
    assert store_kinds_named("backup") == store_kinds_named("pkcs12-folder")
    assert store_kinds_named("chromium") == ()
    assert {"windows", "backup", "pkcs12", "firefox", "fake"} <= store_kind_names()


def test_a_message_naming_an_unknown_kind_shows_its_id() -> None:
    from certassist.core.messages import render

    known = render("E-R14-different-kind", "en", old="uzi-server", new="from-a-newer-version")
    assert "UZI server certificate" in known and "from-a-newer-version" in known
    assert "L-kind-" not in known

"""Primary (master) password databases: right, wrong and missing password."""

from __future__ import annotations

from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.stores.nss import NssStore
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import key_lines, make_db, nicknames, pk12_import

PRIMARY = "Sterk-Hoofdwachtwoord-1"


class Provider:
    """Answers like a password dialog would, and counts how often it was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.calls = 0

    def __call__(self) -> str | None:
        self.calls += 1
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


@pytest.fixture
def locked_db(tmp_path: Path, nss_ready: None, pki: TestPKI) -> tuple[Path, Path, str]:
    """A database with a primary password and one certificate + key in it (pk12util)."""
    folder = make_db(tmp_path / "locked", password=PRIMARY)
    pwfile = tmp_path / "locked.pw"
    bundle = pki.vecozo_personal(name="Henk Hoofd")
    pk12_import(folder, pfx(bundle, "p12pw"), "p12pw", password_file=pwfile)
    return folder, pwfile, bundle.fingerprint


def test_right_password_shows_keys(locked_db: tuple[Path, Path, str]) -> None:
    folder, _, fingerprint = locked_db
    provider = Provider(PRIMARY)
    entry = NssStore(folder, password_provider=provider).get(fingerprint)
    assert entry is not None and entry.has_key
    assert provider.calls == 1


def test_no_provider_means_password_needed(locked_db: tuple[Path, Path, str]) -> None:
    folder, _, _ = locked_db
    for store in (NssStore(folder), NssStore(folder, password_provider=Provider(None))):
        with pytest.raises(CertassistError) as err:
            store.list()
        assert err.value.message_id == "E-nss-password-needed"


def test_wrong_password_changes_nothing(locked_db: tuple[Path, Path, str], pki: TestPKI) -> None:
    folder, pwfile, fingerprint = locked_db
    before = nicknames(folder), key_lines(folder, pwfile)
    provider = Provider("fout")
    store = NssStore(folder, password_provider=provider)
    with pytest.raises(CertassistError) as err:
        store.add(pki.vecozo_personal(name="Ingrid Indringer"))
    assert err.value.message_id == "E-nss-wrong-password"
    assert "Traceback" not in err.value.text("en")
    with pytest.raises(CertassistError) as err:
        store.remove(fingerprint)
    assert err.value.message_id == "E-nss-wrong-password"
    assert (nicknames(folder), key_lines(folder, pwfile)) == before
    # the user types it again, correctly: the same store object goes on
    provider.answers = [PRIMARY]
    entry = store.get(fingerprint)
    assert entry is not None and entry.has_key


def test_add_export_remove_with_password(locked_db: tuple[Path, Path, str], pki: TestPKI) -> None:
    folder, pwfile, old = locked_db
    provider = Provider(PRIMARY)
    store = NssStore(folder, password_provider=provider)
    bundle = pki.vecozo_system()
    assert store.add(bundle).has_key  # import and re-read, one question
    assert provider.calls == 1
    assert len(key_lines(folder, pwfile)) == 2
    assert store.export(bundle.fingerprint).key_matches()
    store.remove(old)
    keys = key_lines(folder, pwfile)
    assert len(keys) == 1 and str(bundle.friendly_name) in keys[0]
    assert provider.calls == 1  # remembered in memory for this store object only
    store.forget_password()
    store.list()
    assert provider.calls == 2

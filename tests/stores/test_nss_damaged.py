"""A certificate NSS accepts but that does not decode (version 7, put in by `certutil -A`) in a
real NSS database: removing it is an `[id]` error with nothing changed (whether its key is shared
cannot be told), and it never stops the removal of a good certificate beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import StoreKind, sha256_fingerprint
from certassist.stores.nss import NssStore
from tests.cli import process
from tests.core.test_hostile_input import odd_certificate
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import key_lines, nicknames, pk12_import, run_tool

pytestmark = pytest.mark.linux_tools
VERSION_7 = odd_certificate(version=7)


@pytest.fixture
def db_with_damaged(empty_db: Path, pki: TestPKI, tmp_path: Path) -> tuple[Path, str, str]:
    """The database holds a keyed good certificate and a damaged one; returns their prints."""
    good = pki.other()
    pk12_import(empty_db, pfx(good, "Goed-Bewaard-3", "aes", iterations=2048), "Goed-Bewaard-3")
    bad = tmp_path / "versie7.der"
    bad.write_bytes(VERSION_7)
    run_tool("certutil", "-A", "-d", f"sql:{empty_db}", "-n", "versie7", "-t", ",,", "-i", bad)
    assert len(nicknames(empty_db)) == 2 and len(key_lines(empty_db)) == 1
    return empty_db, good.fingerprint, sha256_fingerprint(VERSION_7)


def test_removing_a_damaged_certificate_is_an_id_and_changes_nothing(
    db_with_damaged: tuple[Path, str, str],
) -> None:
    db, _, damaged = db_with_damaged
    with pytest.raises(CertassistError) as caught:
        NssStore(db, StoreKind.FIREFOX).remove(damaged)
    assert caught.value.message_id == "E-nss-remove-damaged"
    assert "versie7" in nicknames(db) and len(key_lines(db)) == 1


def test_a_damaged_certificate_does_not_stop_removing_a_good_one(
    db_with_damaged: tuple[Path, str, str],
) -> None:
    db, good, _ = db_with_damaged
    NssStore(db, StoreKind.FIREFOX).remove(good)
    assert nicknames(db) == ["versie7"]
    assert key_lines(db) == []  # its key went with it: the damaged one has none to share


def test_the_cli_removes_the_good_certificate_beside_a_damaged_one(
    db_with_damaged: tuple[Path, str, str],
) -> None:
    db, good, _ = db_with_damaged
    done = process.run("remove", "--nss-db", str(db), "--store", db.name, "--fingerprint",
                       good[:12], "--not-needed", "--yes", timeout=60)  # fmt: skip
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert nicknames(db) == ["versie7"]

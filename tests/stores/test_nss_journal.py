"""A write to a real NSS database killed half way leaves `key4.db-journal`; a read-only open then
fails with SEC_ERROR_BAD_DATABASE. certassist rolls it back with one read-write open (what
Firefox does at its next start) and tells the user so (`list`, and the result of an install or
restore, as the real `certassist` process prints them), instead of blaming a running Firefox."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from certassist.core.messages import text_only
from certassist.core.models import StoreKind
from certassist.stores.base import StoreNotice
from certassist.stores.nss import NssStore
from tests.cli import process
from tests.pki import TestPKI, pfx
from tests.stores import kill_loop
from tests.stores.nss_oracle import make_db, pk12_import

WRITER_KILLED_IN_A_TRANSACTION = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size=1")  # spill to the database file before the commit
db.execute("BEGIN IMMEDIATE")
db.execute("CREATE TABLE half_done(x)")
for _ in range(2000):
    db.execute("INSERT INTO half_done VALUES (?)", (b"x" * 500,))
print("ready", flush=True)
time.sleep(60)
"""


def _kill_mid_write(database: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", WRITER_KILLED_IN_A_TRANSACTION,
                              str(database)], stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    child.kill()
    child.wait(10)
    child.stdout.close()


@pytest.fixture
def filled_db(empty_db: Path, pki: TestPKI) -> tuple[Path, str]:
    bundle = pki.other()
    pk12_import(empty_db, pfx(bundle, "Bewaar-Mij-1", "aes", iterations=2048), "Bewaar-Mij-1")
    return empty_db, bundle.fingerprint


def test_a_hot_journal_is_rolled_back_and_reported_not_blamed_on_firefox(
    filled_db: tuple[Path, str],
) -> None:
    db, fingerprint = filled_db
    _kill_mid_write(db / "key4.db")
    assert (db / "key4.db-journal").stat().st_size > 0
    broken = subprocess.run(["certutil", "-L", "-d", f"sql:{db}"], capture_output=True,
                            text=True, check=False)  # fmt: skip
    assert "SEC_ERROR_BAD_DATABASE" in broken.stderr  # what every read-only open meets
    store = NssStore(db, StoreKind.FIREFOX)
    entries = store.list()
    assert [(e.fingerprint, e.has_key) for e in entries] == [(fingerprint, True)]
    recovered = StoreNotice("I-nss-journal-recovered", {"store": store.label})
    assert store.take_notices() == [recovered]
    assert store.take_notices() == []  # told once
    store.list()
    assert store.take_notices() == []  # nothing to recover any more
    assert not (db / "key4.db-journal").exists()
    assert subprocess.run(["certutil", "-K", "-d", f"sql:{db}"], capture_output=True,
                          check=False).returncode == 0  # fmt: skip


def _repaired(lang: str) -> str:
    """The notice's text after the store's name (the registry names the store its own way)."""
    return text_only("I-nss-journal-recovered", lang, store="\0").split("\0")[1]


def test_list_tells_the_user_the_database_was_repaired(pki: TestPKI) -> None:
    db = Path(os.environ["HOME"]) / ".pki" / "nssdb"  # the shared database `list` reads
    db.mkdir(parents=True)
    make_db(db)
    bundle = pki.other()
    pk12_import(db, pfx(bundle, "Bewaar-Mij-1", "aes", iterations=2048), "Bewaar-Mij-1")
    _kill_mid_write(db / "key4.db")
    env = process.environment("nl", CERTASSIST_STORES="nssdb")
    done = process.run("list", env=env)
    assert "Traceback" not in done.stderr
    assert _repaired("nl") in done.stdout
    assert bundle.fingerprint[:8].lower() in done.stdout.lower()  # and the list is whole
    _kill_mid_write(db / "key4.db")
    listed = json.loads(process.run("list", "--json", env=env).stdout)
    assert [n["id"] for n in listed["notices"]] == ["I-nss-journal-recovered"]
    assert listed["unavailable"] == []  # a repaired database is no unreadable store
    _kill_mid_write(db / "key4.db")  # the daily reminder says it too, as list does
    checked = process.run("check", env=env)
    assert _repaired("nl") in checked.stdout and checked.returncode in (0, 1), checked.stderr
    _kill_mid_write(db / "key4.db")
    report = json.loads(process.run("check", "--json", env=env).stdout)
    assert [n["id"] for n in report["notices"]] == ["I-nss-journal-recovered"]
    assert report["unavailable"] == []


def test_install_result_tells_the_user_the_database_was_repaired(
    filled_db: tuple[Path, str], pki: TestPKI, tmp_path: Path
) -> None:
    db, _ = filled_db
    _kill_mid_write(db / "key4.db")
    new = pki.other()
    source = tmp_path / "nieuw.pfx"
    source.write_bytes(pfx(new, "Nieuw-Erbij-2", "aes", iterations=2048))
    done = process.run("--lang", "en", "install", str(source), "--nss-db", str(db), "--yes",
                       "--password-stdin", stdin="Nieuw-Erbij-2\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _repaired("en") in done.stdout  # the result, not only the plan on stderr
    assert new.fingerprint in {e.fingerprint for e in NssStore(db).list() if e.has_key}


def test_a_backup_says_it_too(filled_db: tuple[Path, str], tmp_path: Path) -> None:
    db, fingerprint = filled_db
    _kill_mid_write(db / "key4.db")
    password = "Zeven-Blauwe-Peren-2026"
    done = process.run("backup", "--nss-db", str(db), "--to", str(tmp_path / "usb"), "--yes",
                       "--new-folder", "--json", "--password-stdin",
                       stdin=f"{password}\n{password}\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert "I-nss-journal-recovered" in [n["id"] for n in result["notices"]]
    assert result["fingerprints"] == [fingerprint]


def test_kill_9_in_the_middle_of_adds_and_removes_loses_nothing(
    filled_db: tuple[Path, str], tmp_path: Path
) -> None:
    """A bounded loop (6 real kills); benchmarks/kill_loop.py runs many more and reports."""
    db, _ = filled_db
    report = kill_loop.run(db, tmp_path, rounds=6, seed=17)
    print(f"kill loop: {report}")
    assert report.rounds == 6
    assert report.lost == []

"""Hostile input through the real `certassist` process: an `[id]` line and an exit code, never a
traceback; a damaged certificate in a real NSS database does not stop `list`; control characters
in a certificate's fields are shown escaped in text output and exact in JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.core.test_hostile_input import BC_AS_SET, odd_certificate
from tests.pki import TestPKI, der
from tests.stores.nss_oracle import make_db, run_tool


def run(*args: str, stdin: str = "", **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CERTASSIST_LANG": "en", **extra}
    return subprocess.run(
        [sys.executable, "-m", "certassist", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_inspect_of_a_certificate_with_version_7_is_an_id_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "versie7.cer"
    path.write_bytes(odd_certificate(version=7))
    done = run("inspect", str(path))
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("[E-read-damaged]")
    assert "versie7.cer" in done.stderr
    assert done.returncode == 3


def test_inspect_of_a_fifo_ends_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.pfx"
    os.mkfifo(fifo)
    done = run("inspect", str(fifo))  # run() would time out after 60 s if it blocked
    assert done.stderr.startswith("[E-read-not-a-file]")
    assert done.returncode == 3


def test_list_shows_the_good_certificates_beside_a_damaged_one(tmp_path: Path) -> None:
    db = Path(os.environ["HOME"]) / ".pki" / "nssdb"  # the shared NSS database (Chromium's)
    db.mkdir(parents=True)
    make_db(db)
    bad = tmp_path / "bad.der"
    bad.write_bytes(odd_certificate(BC_AS_SET))
    run_tool("certutil", "-A", "-d", f"sql:{db}", "-n", "vreemd", "-t", ",,", "-i", bad)
    good = tmp_path / "good.der"
    other = TestPKI().other()
    good.write_bytes(der(other))
    run_tool("certutil", "-A", "-d", f"sql:{db}", "-n", "gewoon", "-t", ",,", "-i", good)
    done = run("list", "--json", CERTASSIST_STORES="nssdb")
    assert "Traceback" not in done.stderr
    listed = json.loads(done.stdout)
    text = json.dumps(listed)
    assert other.fingerprint in text  # the good one is listed
    assert "E-store-certificate-damaged" in text

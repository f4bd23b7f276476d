"""Hostile input through the real `certassist` process: an `[id]` line and an exit code, never a
traceback; a damaged certificate in a real NSS database does not stop `list`; control characters
in a certificate's fields are shown escaped in text output and exact in JSON."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.cli import process
from tests.core.test_hostile_input import BC_AS_SET, odd_certificate
from tests.pki import TestPKI, der
from tests.stores.nss_oracle import make_db, run_tool


def run(*args: str, stdin: str = "", **extra: str) -> subprocess.CompletedProcess[str]:
    env = process.environment("en", **extra)
    return process.run(*args, stdin=stdin, env=env, timeout=60)


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


EVIL = "Evil\x1b]0;pwned\x07\x1b[31m\n[E-read-wrong-password] forged\u202e"


def _evil_pfx(tmp_path: Path) -> Path:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    from certassist.stores.pkcs12file import pfx_bytes
    from tests.pki import Bundle

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, EVIL)])
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(99).not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=400)).sign(key, hashes.SHA256())
    )  # fmt: skip
    assert pkcs12  # the file is what cryptography writes, as for any PFX
    path = tmp_path / "evil.pfx"
    path.write_bytes(pfx_bytes(Bundle(cert, (), key), "Wacht-Woord-12", kdf_rounds=2048))
    return path


def _no_raw_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert not any(line.startswith("[E-read-wrong-password]") for line in text.splitlines())


def test_control_characters_in_a_subject_are_escaped_in_text_and_exact_in_json(
    tmp_path: Path,
) -> None:
    path = _evil_pfx(tmp_path)
    text = run("inspect", str(path), "--password-stdin", stdin="Wacht-Woord-12\n")
    assert "Traceback" not in text.stderr
    _no_raw_controls(text.stdout)
    assert "\\x1b[31m\\n[E-read-wrong-password] forged\\u202e" in text.stdout
    as_json = run("inspect", str(path), "--json", "--password-stdin", stdin="Wacht-Woord-12\n")
    assert json.loads(as_json.stdout)["holder"] == EVIL  # JSON stays exact

    db = Path(os.environ["HOME"]) / ".pki" / "nssdb"
    db.mkdir(parents=True)
    make_db(db)
    done = run("install", str(path), "--nss-db", str(db), "--yes", "--password-stdin",
               stdin="Wacht-Woord-12\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    _no_raw_controls(done.stdout + done.stderr)
    for args in (("list",), ("log",)):
        shown = run(*args, CERTASSIST_STORES="nssdb")
        assert "Evil" in shown.stdout, args
        _no_raw_controls(shown.stdout)
    logged = json.loads(run("log", "--json").stdout)
    assert any(EVIL in r["holder"] for r in logged)

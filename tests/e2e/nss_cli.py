"""Debian's NSS command-line tools (libnss3-tools) as an independent oracle and for set-up.

certassist talks to NSS through its own code; these helpers use `certutil`/`pk12util` instead,
so a test that fills or reads a database with them does not depend on the code under test.
Passwords go through a file that only this user can read, never the command line.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization


def _db(db_dir: Path) -> str:
    return f"sql:{db_dir}"


def _run(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(argv, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise RuntimeError(
            f"{argv[0]} failed ({result.returncode}): {result.stderr or result.stdout}"
        )
    return result  # type: ignore[no-any-return]


@contextmanager
def _password_file(password: str) -> Iterator[Path]:
    """pk12util reads the first line of the file; an empty file means the empty password."""
    fd, name = tempfile.mkstemp(prefix="e2e-pw-")
    try:
        os.write(fd, password.encode("utf-8"))
        os.close(fd)
        yield Path(name)
    finally:
        os.unlink(name)


def create_db(db_dir: Path) -> None:
    """A new, empty database without a primary password (what a fresh profile has)."""
    db_dir.mkdir(parents=True, exist_ok=True)
    _run(["certutil", "-N", "-d", _db(db_dir), "--empty-password"])


def trust_tls_ca(db_dir: Path, ca_pem: bytes, nickname: str = "e2e test TLS CA") -> None:
    """Trust `ca_pem` for TLS servers ("C,,"), so the browser accepts our loopback server.

    Test set-up, not the code under test: certassist installs a user's own certificate and key,
    it does not manage which server CAs a browser trusts (without this Firefox shows
    a warning page and Chromium fails with ERR_CERT_AUTHORITY_INVALID).
    """
    with tempfile.NamedTemporaryFile(suffix=".pem") as pem_file:
        pem_file.write(ca_pem)
        pem_file.flush()
        _run(
            ["certutil", "-A", "-d", _db(db_dir), "-n", nickname, "-t", "C,,", "-i", pem_file.name]
        )


def pk12_import(db_dir: Path, p12: Path, password: str) -> None:
    with _password_file(password) as pw:
        _run(["pk12util", "-i", str(p12), "-d", _db(db_dir), "-w", str(pw)])


def pk12_export(db_dir: Path, nickname: str, out: Path, password: str) -> None:
    with _password_file(password) as pw:
        _run(["pk12util", "-o", str(out), "-n", nickname, "-d", _db(db_dir), "-w", str(pw)])


def nicknames(db_dir: Path) -> dict[str, str]:
    """Nickname → trust attributes, as `certutil -L` lists them."""
    out = _run(["certutil", "-L", "-d", _db(db_dir)]).stdout
    rows: dict[str, str] = {}
    for line in out.splitlines()[4:]:
        match = re.match(r"^(.*\S)\s+(\S*,\S*,\S*)\s*$", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def user_certificates(db_dir: Path) -> dict[str, str]:
    """SHA-256 fingerprint → nickname of every certificate that has its private key here."""
    out = _run(["certutil", "-K", "-d", _db(db_dir)], input="").stdout
    found: dict[str, str] = {}
    for line in out.splitlines():
        match = re.match(r"^<\s*\d+>\s+\S+\s+[0-9a-f]+\s+(.+)$", line.strip())
        if match is None:
            continue
        nickname = match.group(1).strip()
        if nickname == "(orphan)":
            continue
        for cert in certificates_named(db_dir, nickname):
            found[fingerprint(cert)] = nickname
    return found


def certificates_named(db_dir: Path, nickname: str) -> list[x509.Certificate]:
    pem = _run(["certutil", "-L", "-d", _db(db_dir), "-n", nickname, "-a"]).stdout
    return x509.load_pem_x509_certificates(pem.encode())


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest().upper()

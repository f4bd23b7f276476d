"""Debian's certutil/pk12util as the independent oracle for the NSS store tests.

Nothing is mocked: a database is made by `certutil -N`, filled by `pk12util -i` or by
certassist, and read back by the other side.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

Runner = Callable[..., subprocess.CompletedProcess[str]]


def run_tool(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=check, timeout=60
    )


def make_db(folder: Path, password: str | None = None, prefix: str = "sql") -> Path:
    """`certutil -N` a fresh database, with an empty or a real primary password."""
    folder.mkdir(parents=True, exist_ok=True)
    if password is None:
        run_tool("certutil", "-N", "-d", f"{prefix}:{folder}", "--empty-password")
    else:
        pwfile = folder.parent / f"{folder.name}.pw"
        pwfile.write_text(password + "\n")
        run_tool("certutil", "-N", "-d", f"{prefix}:{folder}", "-f", pwfile)
    return folder


def nicknames(folder: Path, prefix: str = "sql") -> list[str]:
    """Certificate nicknames as `certutil -L` prints them (trust column cut off)."""
    out = run_tool("certutil", "-L", "-d", f"{prefix}:{folder}").stdout
    lines = out.splitlines()[4:]  # header: blank, title, subtitle, blank
    return [line[:60].rstrip() for line in lines if line.strip()]


def key_lines(folder: Path, password_file: Path | None = None, prefix: str = "sql") -> list[str]:
    """`certutil -K` key lines ("<n> rsa <id> <nickname>"); [] when there are no keys."""
    args: list[str | Path] = ["certutil", "-K", "-d", f"{prefix}:{folder}"]
    if password_file is not None:
        args += ["-f", password_file]
    result = run_tool(*args, check=False)
    return [line for line in result.stdout.splitlines() if line.startswith("<")]


def _db_password_args(password_file: Path | None) -> list[str | Path]:
    return ["-k", password_file] if password_file is not None else ["-K", ""]


def pk12_import(
    folder: Path,
    blob: bytes,
    password: str,
    password_file: Path | None = None,
    prefix: str = "sql",
) -> None:
    """`pk12util -i`: what Firefox's own "Import..." button does."""
    path = folder.parent / f"{folder.name}-in.p12"
    path.write_bytes(blob)
    run_tool(
        "pk12util", "-i", path, "-d", f"{prefix}:{folder}", "-W", password,
        *_db_password_args(password_file),
    )  # fmt: skip


def pk12_export(
    folder: Path, nickname: str, password: str, password_file: Path | None = None
) -> bytes:
    """`pk12util -o`: what Firefox's "Backup..." button does."""
    path = folder.parent / f"{folder.name}-out.p12"
    run_tool(
        "pk12util", "-o", path, "-n", nickname, "-d", f"sql:{folder}", "-W", password,
        *_db_password_args(password_file),
    )  # fmt: skip
    return path.read_bytes()


def openssl_read_p12(blob: bytes, password: str, work: Path) -> tuple[bytes, bytes]:
    """(leaf certificate PEM, private key PEM) as OpenSSL reads a PKCS#12 (a third opinion;
    cryptography warns on the BER that NSS writes)."""
    path = work / "oracle-read.p12"
    path.write_bytes(blob)
    pw = f"pass:{password}"
    base = ["openssl", "pkcs12", "-in", str(path), "-passin", pw]
    cert = run_tool(*base, "-clcerts", "-nokeys").stdout.encode()
    key = run_tool(*base, "-nocerts", "-nodes").stdout.encode()
    return cert, key

"""The OpenSSL command line as an independent PKCS#12 writer and reader.

Passwords travel in an environment variable (`-passin env:`/`-passout env:`), never on the
command line where `ps` would show them. Private keys go in and out through pipes only.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from certassist.core.models import Bundle

PEM = serialization.Encoding.PEM
_BEGIN = "-----BEGIN CERTIFICATE-----"
_END = "-----END CERTIFICATE-----"


class OpenSslFailed(RuntimeError):
    """`openssl` exited non-zero (wrong password, unsupported cipher, damaged file)."""


def _run(argv: list[str], password: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run with the password in a one-off environment variable that `@PW@` refers to."""
    variable = "E2E_PW_" + secrets.token_hex(4).upper()
    env = dict(os.environ)
    env[variable] = password
    argv = [a.replace("@PW@", f"env:{variable}") for a in argv]
    result = subprocess.run(argv, input=stdin, capture_output=True, env=env, check=False)
    if result.returncode != 0:
        raise OpenSslFailed(result.stderr.decode("utf-8", "replace"))
    return result


def export(bundle: Bundle, out: Path, password: str, *, legacy: bool = False) -> None:
    """`openssl pkcs12 -export` with OpenSSL's defaults (AES-256/PBKDF2) or `-legacy`."""
    if bundle.key is None:
        raise ValueError("needs a key")
    key_pem = bundle.key.private_bytes(
        PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    certs = b"".join(c.public_bytes(PEM) for c in (bundle.leaf, *bundle.chain))
    argv = ["openssl", "pkcs12", "-export", "-passout", "@PW@", "-out", str(out)]
    if legacy:
        argv.append("-legacy")
    if bundle.friendly_name:
        argv += ["-name", bundle.friendly_name]
    _run(argv, password, stdin=key_pem + certs)


def _read_argv(path: Path, legacy: bool) -> list[str]:
    argv = ["openssl", "pkcs12", "-in", str(path), "-passin", "@PW@"]
    return [*argv, "-legacy"] if legacy else argv


def read_certificates(
    path: Path, password: str, *, legacy: bool = False
) -> list[tuple[x509.Certificate, str | None]]:
    """`openssl pkcs12 -in FILE -nokeys`: checks the MAC and decrypts the certificate bags.

    Each certificate comes with the friendlyName OpenSSL printed in its bag attributes.
    """
    # OpenSSL 3.0 prints a BMPString friendlyName one byte per character: Latin-1 reads it back.
    out = _run([*_read_argv(path, legacy), "-nokeys"], password).stdout.decode("latin-1")
    found: list[tuple[x509.Certificate, str | None]] = []
    for chunk in out.split(_END)[:-1]:
        head, _, body = chunk.partition(_BEGIN)
        names = re.findall(r"^\s*friendlyName: (.*)$", head, flags=re.MULTILINE)
        cert = x509.load_pem_x509_certificate((_BEGIN + body + _END).encode())
        found.append((cert, names[-1] if names else None))
    return found


def read_key(path: Path, password: str, *, legacy: bool = False) -> PrivateKeyTypes:
    """`openssl pkcs12 -in FILE -nocerts -nodes`: decrypts the shrouded key bag."""
    out = _run([*_read_argv(path, legacy), "-nocerts", "-nodes"], password).stdout
    return serialization.load_pem_private_key(out, password=None)


def info(path: Path, password: str, *, legacy: bool = False) -> str:
    """What `-info` says about the file's MAC and encryption (no secrets in it with -noout)."""
    result = _run([*_read_argv(path, legacy), "-info", "-noout", "-nokeys"], password)
    return (result.stdout + result.stderr).decode("utf-8", "replace")

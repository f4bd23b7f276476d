"""Certificates from issuers certassist never saw, made by the OpenSSL command line.

Not the project's test PKI: `openssl req`/`openssl x509` make a root, an intermediate and leaves
with names of their own choosing; `openssl pkcs12 -export` (optionally `-legacy`, with
`-certfile` extras) packs them the way real exports do. An expired leaf, which OpenSSL 3.0 cannot
back-date, is made with cryptography.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from certassist.core.models import sha256_fingerprint

PASSWORD = "Regen-Boven-Delft-8"


def openssl(*args: str | Path, stdin: bytes | None = None) -> bytes:
    result = subprocess.run(
        ["openssl", *map(str, args)], input=stdin, capture_output=True, check=True, timeout=60
    )
    return result.stdout


def fingerprint(pem_file: Path) -> str:
    cert = x509.load_pem_x509_certificate(pem_file.read_bytes())
    return sha256_fingerprint(cert.public_bytes(serialization.Encoding.DER))


@dataclass(frozen=True)
class ForeignPki:
    folder: Path
    root: Path
    intermediate: Path
    intermediate_key: Path

    def leaf(self, name: str, subject: str, *, days: int = 700) -> tuple[Path, Path]:
        """(certificate PEM, key PEM) of a leaf the intermediate signs."""
        key, csr, cert = (self.folder / f"{name}.{ext}" for ext in ("key", "csr", "pem"))
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr,
                "-subj", subject)  # fmt: skip
        ext = self.folder / f"{name}.ext"
        ext.write_text("basicConstraints=critical,CA:FALSE\nkeyUsage=digitalSignature\n")
        openssl("x509", "-req", "-in", csr, "-CA", self.intermediate, "-CAkey",
                self.intermediate_key, "-CAcreateserial", "-out", cert, "-days", str(days),
                "-extfile", ext)  # fmt: skip
        return cert, key

    def pfx(
        self,
        cert: Path,
        key: Path,
        extras: list[Path],
        out: Path,
        *,
        legacy: bool = False,
        name: str | None = None,
    ) -> Path:
        """`openssl pkcs12 -export -certfile EXTRAS` (what many real exports look like)."""
        args: list[str | Path] = ["pkcs12", "-export", "-in", cert, "-inkey", key, "-out", out,
                                  "-passout", f"pass:{PASSWORD}"]  # fmt: skip
        if extras:
            certfile = self.folder / f"{out.stem}-extras.pem"
            certfile.write_bytes(b"".join(p.read_bytes() for p in extras))
            args += ["-certfile", certfile]
        if legacy:
            args.append("-legacy")
        if name:
            args += ["-name", name]
        openssl(*args)
        return out


def make_foreign_pki(folder: Path, org: str = "Onbekende Uitgever BV") -> ForeignPki:
    folder.mkdir(parents=True, exist_ok=True)
    root_key, root = folder / "root.key", folder / "root.pem"
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", root_key, "-out", root,
            "-days", "3650", "-subj", f"/C=NL/O={org}/CN={org} Root",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    int_key, int_csr, inter = folder / "int.key", folder / "int.csr", folder / "int.pem"
    openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", int_key, "-out", int_csr,
            "-subj", f"/C=NL/O={org}/CN={org} Issuing CA")  # fmt: skip
    ext = folder / "ca.ext"
    ext.write_text("basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign\n")
    openssl("x509", "-req", "-in", int_csr, "-CA", root, "-CAkey", root_key, "-CAcreateserial",
            "-out", inter, "-days", "3000", "-extfile", ext)  # fmt: skip
    return ForeignPki(folder, root, inter, int_key)


def expired_stranger(folder: Path, name: str = "Oude Medewerker", *, ca: bool = False) -> Path:
    """An expired certificate of someone else, from yet another issuer (cryptography)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Andere Uitgever CA")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=2000))
        .not_valid_after(now - timedelta(days=600))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = folder / f"{name.replace(' ', '_')}.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path

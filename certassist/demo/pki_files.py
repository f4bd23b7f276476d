"""The made-up certificates as files: PKCS#12 in every encryption users meet, PEM, DER, P7B.

`pfx(..., encryption="rc2-40")` is written by the OpenSSL command line (`-legacy`), because
that is what old Windows and old OpenSSL produced and cryptography cannot write RC2; the
password goes through the environment, never the command line.
"""

from __future__ import annotations

import os
import secrets
import subprocess
from typing import Literal, cast

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from certassist.core.models import Bundle

Encryption = Literal["aes", "3des", "rc2-40", "none"]

PEM = serialization.Encoding.PEM
DER = serialization.Encoding.DER


def _certs(bundle: Bundle, with_chain: bool = True) -> list[x509.Certificate]:
    return [bundle.leaf, *(bundle.chain if with_chain else ())]


def _pfx_key(bundle: Bundle) -> pkcs12.PKCS12PrivateKeyTypes | None:
    """The key types PKCS#12 can carry; the test PKI only makes RSA keys."""
    return cast("pkcs12.PKCS12PrivateKeyTypes | None", bundle.key)


def _openssl_pfx(
    bundle: Bundle, password: str, legacy: bool, with_chain: bool, iterations: int | None
) -> bytes:
    """Key first, then certificates, all on stdin: OpenSSL reads the key from the same input."""
    if bundle.key is None:
        raise ValueError("a PKCS#12 file from OpenSSL needs a private key")
    pem_in = bundle.key.private_bytes(
        PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ) + b"".join(c.public_bytes(PEM) for c in _certs(bundle, with_chain))
    variable = "CERTASSIST_PFX_PW_" + secrets.token_hex(4).upper()
    argv = ["openssl", "pkcs12", "-export", "-passout", f"env:{variable}"]
    if legacy:
        argv.append("-legacy")
    else:
        argv += ["-keypbe", "AES-256-CBC", "-certpbe", "AES-256-CBC", "-macalg", "sha256"]
    if bundle.friendly_name:
        argv += ["-name", bundle.friendly_name]
    if iterations is not None:
        argv += ["-iter", str(iterations)]
    env = dict(os.environ)
    env[variable] = password
    result = subprocess.run(argv, input=pem_in, capture_output=True, env=env, check=False)
    if result.returncode != 0:
        raise RuntimeError(
            "openssl pkcs12 -export failed: " + result.stderr.decode(errors="replace")
        )
    return result.stdout


def pfx(
    bundle: Bundle,
    password: str | None,
    encryption: Encryption = "aes",
    with_chain: bool = True,
    iterations: int | None = None,
) -> bytes:
    """A PKCS#12 file as Windows, Firefox or OpenSSL would write it.

    aes: PBES2 (PBKDF2-SHA256, AES-256-CBC) with an HMAC-SHA256 MAC, today's default.
    3des: pbeWithSHA1And3-KeyTripleDES-CBC with a SHA-1 MAC (Windows before 2019).
    rc2-40: certificates under RC2-40, key under 3DES (`openssl pkcs12 -export -legacy`).
    none / password None: key and certificates in plain bags; cryptography still adds a MAC
    under the empty password, which `openssl pkcs12` and `pk12util -W ""` accept.
    Password "" is a real (empty) password, distinct from None: encrypted bags, written by
    OpenSSL because cryptography refuses empty passwords.
    """
    name = bundle.friendly_name.encode() if bundle.friendly_name else None
    cas = list(bundle.chain) if with_chain else None
    if encryption == "none" or password is None:
        if encryption not in ("none", "aes") or (encryption == "none" and password):
            raise ValueError("encryption 'none' takes no password, and a password needs a cipher")
        return pkcs12.serialize_key_and_certificates(
            name,
            _pfx_key(bundle),
            bundle.leaf,
            cas,
            serialization.NoEncryption(),
        )
    if encryption == "rc2-40":
        return _openssl_pfx(bundle, password, True, with_chain, iterations)
    if password == "":
        if encryption == "3des":
            raise ValueError("an empty password is only made with aes or rc2-40")
        return _openssl_pfx(bundle, password, False, with_chain, iterations)
    builder = serialization.PrivateFormat.PKCS12.encryption_builder()
    if iterations is not None:
        builder = builder.kdf_rounds(iterations)
    if encryption == "aes":
        builder = builder.key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC).hmac_hash(
            hashes.SHA256()
        )
    elif encryption == "3des":
        builder = builder.key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC).hmac_hash(
            hashes.SHA1()
        )
    else:
        raise ValueError(f"unknown encryption {encryption!r}")
    return pkcs12.serialize_key_and_certificates(
        name,
        _pfx_key(bundle),
        bundle.leaf,
        cas,
        builder.build(password.encode()),
    )


def pkcs8_key(bundle: Bundle, password: str | None = None) -> bytes:
    """The private key as PKCS#8 PEM, encrypted (best available) when a password is given."""
    if bundle.key is None:
        raise ValueError("bundle has no private key")
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password.encode())
        if password
        else serialization.NoEncryption()
    )
    return bundle.key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, encryption)


def pem(bundle: Bundle, include_key: bool = False, key_password: str | None = None) -> bytes:
    """Leaf, then chain, then (optionally) the key: the usual order of a `.pem` file."""
    data = b"".join(c.public_bytes(PEM) for c in _certs(bundle))
    if include_key:
        data += pkcs8_key(bundle, key_password)
    return data


def der(bundle: Bundle) -> bytes:
    """The leaf alone as DER: a `.cer`/`.crt` file as Windows exports it."""
    return bundle.leaf.public_bytes(DER)


def p7b(bundle: Bundle, encoding: serialization.Encoding = DER) -> bytes:
    """PKCS#7 certs-only with the chain (a `.p7b` file; Windows writes DER)."""
    return pkcs7.serialize_certificates(_certs(bundle), encoding)


def pem_bundle(*items: Bundle | x509.Certificate) -> bytes:
    """Several certificates in one PEM file (leaves with their chains, or loose CAs)."""
    out: list[bytes] = []
    for item in items:
        certs = _certs(item) if isinstance(item, Bundle) else [item]
        out.extend(c.public_bytes(PEM) for c in certs)
    return b"".join(out)

"""Read what practice staff are given: PFX/P12, PEM, DER/CER, P7B, PEM bundles, PKCS#8 keys.

The result is always a Bundle (leaf, chain, optional key). Every failure is a CertassistError with
an id that says what to do: a wrong password is told apart from a damaged file (pkcs12_shape),
and a key that belongs to another certificate is refused here, before any store sees it.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Sequence
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from certassist.core.chain import order_bundle
from certassist.core.errors import CertassistError
from certassist.core.models import Bundle
from certassist.core.pkcs12_quick import password_proven, read_quick
from certassist.core.pkcs12_shape import Pkcs12Shape, looks_like_pkcs12, pkcs12_shape

MAX_FILE_BYTES = 1_000_000  # certificate files are a few kB; anything larger is not one
_PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----\r?\n(.*?)\r?\n?-----END \1-----", re.DOTALL)
_KEY_LABELS = {b"PRIVATE KEY", b"ENCRYPTED PRIVATE KEY", b"RSA PRIVATE KEY", b"EC PRIVATE KEY"}
_CERT_LABELS = {b"CERTIFICATE", b"X509 CERTIFICATE", b"TRUSTED CERTIFICATE"}
_PKCS7_LABELS = {b"PKCS7", b"CERTIFICATE CHAIN"}


def read_certificate_file(path: Path, password: str | None = None) -> Bundle:
    """Read one certificate file; `password` is for PFX files and encrypted keys."""
    return read_bytes(_read(path), password, path.name)


def read_certificate_and_key(
    cert_path: Path, key_path: Path, password: str | None = None
) -> Bundle:
    """A certificate file plus a separate key file (PEM/DER PKCS#8), checked to belong together."""
    certs = read_bytes(_read(cert_path), None, cert_path.name)
    key = read_private_key(_read(key_path), password, key_path.name)
    return order_bundle(list((certs.leaf, *certs.chain)), key)


def read_bytes(data: bytes, password: str | None, filename: str = "") -> Bundle:
    if not data.strip():
        raise CertassistError("E-read-empty", file=filename)
    if len(data) > MAX_FILE_BYTES:
        raise CertassistError("E-read-unknown-format", file=filename)
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"-----BEGIN"):
        return _read_pem(stripped, password, filename)
    if looks_like_pkcs12(data) or filename.lower().endswith((".pfx", ".p12")):
        return _read_pkcs12(data, password, filename)
    return _read_der(data, password, filename)


def read_private_key(data: bytes, password: str | None, filename: str = "") -> PrivateKeyTypes:
    if not data.strip():
        raise CertassistError("E-read-empty", file=filename)
    pem = data.lstrip().startswith(b"-----BEGIN")
    loader = serialization.load_pem_private_key if pem else serialization.load_der_private_key
    secret = password.encode("utf-8") if password else None
    try:
        return loader(data, secret)
    except TypeError as exc:
        if secret is None:  # encrypted key, no password given
            raise CertassistError("E-read-password-needed", file=filename) from exc
        try:  # a password was typed for a key that has none: that is fine
            return loader(data, None)
        except (TypeError, ValueError) as inner:
            raise CertassistError("E-read-damaged", file=filename) from inner
    except ValueError as exc:
        if secret is not None and _is_encrypted_key(data):
            raise CertassistError("E-read-wrong-password", file=filename) from exc
        raise CertassistError("E-read-damaged", file=filename) from exc
    except Exception as exc:  # unsupported algorithms and the like
        raise CertassistError("E-read-unknown-format", file=filename) from exc


def _read(path: Path) -> bytes:
    if path.is_dir():  # Windows says "access denied" for a folder; it is not a file either way
        raise CertassistError("E-read-not-found", file=str(path))
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CertassistError("E-read-unknown-format", file=path.name)
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise CertassistError("E-read-not-found", file=str(path)) from exc
    except IsADirectoryError as exc:
        raise CertassistError("E-read-not-found", file=str(path)) from exc
    except PermissionError as exc:
        raise CertassistError("E-read-no-access", file=str(path)) from exc


def _is_encrypted_key(data: bytes) -> bool:
    if b"ENCRYPTED" in data[:200] or b"Proc-Type: 4,ENCRYPTED" in data:
        return True
    return not data.lstrip().startswith(b"-----BEGIN")  # DER: can't tell cheaply; assume so


def _read_pkcs12(data: bytes, password: str | None, filename: str) -> Bundle:
    shape = pkcs12_shape(data)
    if shape is not Pkcs12Shape.WELL_FORMED:
        raise CertassistError("E-read-damaged", file=filename)
    if password and "\0" in password:  # no program writes one; cryptography would crash on it
        raise CertassistError("E-read-wrong-password", file=filename)
    quick = read_quick(data, password)  # the usual layout, without the slow RSA prime test
    if quick is not None:
        bundle = order_bundle(quick.certificates, quick.key, filename=filename)
        return bundle_with_name(bundle, quick.friendly_name)
    attempts: list[bytes | None] = [None, b""] if not password else [password.encode("utf-8")]
    for secret in attempts:
        try:
            with warnings.catch_warnings():
                # Firefox and pk12util export BER; cryptography reads it but warns (see ber.py).
                warnings.filterwarnings(
                    "ignore", message="PKCS#12 bundle could not be parsed as DER"
                )
                loaded = pkcs12.load_pkcs12(data, secret)
        except ValueError:
            continue
        except Exception as exc:  # unsupported algorithm (cryptography raises its own types)
            raise CertassistError("E-read-unsupported-encryption", file=filename) from exc
        return _from_pkcs12(loaded, filename)
    if password_proven(data, password):  # the MAC says the password is right
        raise CertassistError("E-read-damaged", file=filename)
    if password:
        raise CertassistError("E-read-wrong-password", file=filename)
    raise CertassistError("E-read-password-needed", file=filename)


def _from_pkcs12(loaded: pkcs12.PKCS12KeyAndCertificates, filename: str) -> Bundle:
    certs: list[x509.Certificate] = []
    friendly: str | None = None
    if loaded.cert is not None:
        certs.append(loaded.cert.certificate)
        friendly = _friendly(loaded.cert.friendly_name)
    certs.extend(c.certificate for c in loaded.additional_certs)
    if not certs:
        raise CertassistError("E-read-no-certificate", file=filename)
    bundle = order_bundle(certs, loaded.key, filename=filename)
    return bundle_with_name(bundle, friendly)


def _friendly(raw: bytes | None) -> str | None:
    if not raw:
        return None
    return raw.decode("utf-8", errors="replace")


def _read_pem(data: bytes, password: str | None, filename: str) -> Bundle:
    certs: list[x509.Certificate] = []
    key: PrivateKeyTypes | None = None
    blocks = list(_PEM_BLOCK.finditer(data))
    if not blocks:
        raise CertassistError("E-read-damaged", file=filename)
    for block in blocks:
        label, whole = block.group(1), block.group(0)
        try:
            if label in _CERT_LABELS:
                certs.append(x509.load_pem_x509_certificate(whole.replace(label, b"CERTIFICATE")))
            elif label in _PKCS7_LABELS:
                certs.extend(pkcs7.load_pem_pkcs7_certificates(whole))
        except ValueError as exc:
            raise CertassistError("E-read-damaged", file=filename) from exc
        if label in _KEY_LABELS:
            if key is not None:
                raise CertassistError("E-read-several-keys", file=filename)
            key = read_private_key(whole, password, filename)
    if not certs:
        raise CertassistError("E-read-no-certificate", file=filename)
    return order_bundle(certs, key, filename=filename)


def _read_der(data: bytes, password: str | None, filename: str) -> Bundle:
    try:
        return order_bundle([x509.load_der_x509_certificate(data)], None, filename=filename)
    except ValueError:
        pass
    try:
        return order_bundle(pkcs7.load_der_pkcs7_certificates(data), None, filename=filename)
    except ValueError:
        pass
    if data[:1] == b"\x30":
        raise CertassistError("E-read-damaged", file=filename)
    raise CertassistError("E-read-unknown-format", file=filename)


def bundle_with_name(bundle: Bundle, name: str | None) -> Bundle:
    if name is None or bundle.friendly_name:
        return bundle
    return dataclasses.replace(bundle, friendly_name=name)  # keeps what was left out


__all__: Sequence[str] = (
    "read_bytes",
    "read_certificate_and_key",
    "read_certificate_file",
    "read_private_key",
)

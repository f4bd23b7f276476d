"""Read what practice staff are given: PFX/P12, PEM, DER/CER, P7B, PEM bundles, PKCS#8 keys.

The result is always a Bundle (leaf, chain, optional key). Every failure is a CertassistError with
an id that says what to do: a wrong password is told apart from a damaged file (pkcs12_shape),
and a key that belongs to another certificate is refused here, before any store sees it.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Sequence
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from certassist.core.chain import order_bundle
from certassist.core.errors import CertassistError
from certassist.core.fileio import read_regular_file
from certassist.core.models import Bundle
from certassist.core.pem import PemBlock, PemError, looks_like_pem, pem_blocks
from certassist.core.pkcs12_quick import password_proven, read_quick
from certassist.core.pkcs12_shape import (
    Pkcs12Shape,
    looks_like_pkcs12,
    pkcs8_iterations,
    pkcs12_iterations,
    pkcs12_shape,
    too_much_work,
)
from certassist.core.x509_decode import UndecodableCertificate, decoded, load_der, load_pem

MAX_FILE_BYTES = 1_000_000  # certificate files are a few kB; anything larger is not one
_KEY_LABELS = {b"PRIVATE KEY", b"ENCRYPTED PRIVATE KEY", b"RSA PRIVATE KEY", b"EC PRIVATE KEY"}
_CERT_LABELS = {b"CERTIFICATE", b"X509 CERTIFICATE", b"TRUSTED CERTIFICATE"}
_PKCS7_LABELS = {b"PKCS7", b"CERTIFICATE CHAIN"}


def read_certificate_file(path: Path, password: str | None = None) -> Bundle:
    """Read one certificate file; `password` is for PFX files and encrypted keys."""
    return read_bytes(read_file(path), password, path.name)


def read_certificate_and_key(
    cert_path: Path, key_path: Path, password: str | None = None
) -> Bundle:
    """A certificate file plus a separate key file (PEM/DER PKCS#8), checked to belong together."""
    certs = read_bytes(read_file(cert_path), None, cert_path.name)
    key = read_private_key(read_file(key_path), password, key_path.name)
    return order_bundle(list((certs.leaf, *certs.chain)), key, filename=key_path.name)


def read_file(path: Path) -> bytes:
    """A regular file of at most MAX_FILE_BYTES; anything else is an `[id]` error."""
    return read_regular_file(path, MAX_FILE_BYTES)


def read_bytes(data: bytes, password: str | None, filename: str = "") -> Bundle:
    """Any bytes end in a Bundle or a CertassistError: every part is decoded in here."""
    if not data.strip():
        raise CertassistError("E-read-empty", file=filename)
    if len(data) > MAX_FILE_BYTES:
        raise CertassistError("E-read-too-large", file=filename, limit=MAX_FILE_BYTES)
    if looks_like_pem(data):
        return _read_pem(data, password, filename)
    if looks_like_pkcs12(data) or filename.lower().endswith((".pfx", ".p12")):
        return _read_pkcs12(data, password, filename)
    return _read_der(data, filename)


def read_private_key(data: bytes, password: str | None, filename: str = "") -> PrivateKeyTypes:
    """A key file: PEM (also with OpenSSL's "Key Attributes" lines before it) or DER PKCS#8."""
    if not data.strip():
        raise CertassistError("E-read-empty", file=filename)
    if looks_like_pem(data):
        keys = [b for b in _blocks(data, filename) if b.label in _KEY_LABELS]
        if not keys:
            raise CertassistError("E-read-no-key", file=filename)
        if len(keys) > 1:
            raise CertassistError("E-read-several-keys", file=filename)
        return _load_key(keys[0].text, password, filename, pem=True)
    return _load_key(data, password, filename, pem=False)


def _load_key(data: bytes, password: str | None, filename: str, *, pem: bool) -> PrivateKeyTypes:
    _refuse_costly_key(data, filename, pem=pem)
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
        except Exception as inner:
            raise CertassistError("E-read-unknown-format", file=filename) from inner
    except ValueError as exc:
        if secret is not None and _is_encrypted_key(data, pem=pem):
            raise CertassistError("E-read-wrong-password", file=filename) from exc
        raise CertassistError("E-read-damaged", file=filename) from exc
    except Exception as exc:  # unsupported algorithms and the like
        raise CertassistError("E-read-unknown-format", file=filename) from exc


def _refuse_costly_key(data: bytes, filename: str, *, pem: bool) -> None:
    """An encrypted PKCS#8 key's iteration count, checked before any password is tried."""
    raw = data
    if pem:
        if b"ENCRYPTED PRIVATE KEY" not in data[:64]:
            return
        import base64
        import binascii

        lines = data.split(b"\n")[1:-2]
        try:
            raw = base64.b64decode(b"".join(lines), validate=True)
        except (binascii.Error, ValueError):
            return  # cryptography calls it damaged
    if too_much_work(pkcs8_iterations(raw)):
        raise CertassistError("E-read-too-much-work", file=filename)


def _is_encrypted_key(data: bytes, *, pem: bool) -> bool:
    if pem:
        return b"ENCRYPTED" in data[:200] or b"Proc-Type: 4,ENCRYPTED" in data
    return True  # DER: can't tell cheaply; assume so


def _read_pkcs12(data: bytes, password: str | None, filename: str) -> Bundle:
    shape = pkcs12_shape(data)
    if shape is not Pkcs12Shape.WELL_FORMED:
        raise CertassistError("E-read-damaged", file=filename)
    try:
        counts = pkcs12_iterations(data)
    except ValueError as exc:  # DerError: a part the shape check does not look into
        raise CertassistError("E-read-damaged", file=filename) from exc
    if any(c < 1 for c in counts):
        raise CertassistError("E-read-damaged", file=filename)
    if too_much_work(counts):  # before any password is tried: the MAC alone could take hours
        raise CertassistError("E-read-too-much-work", file=filename)
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
    if password_proven(data, password):  # the MAC (or the content) says the password is right
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
    bundle = order_bundle(_all_decoded(certs, filename), loaded.key, filename=filename)
    return bundle_with_name(bundle, friendly)


def _all_decoded(certs: Sequence[x509.Certificate], filename: str) -> list[x509.Certificate]:
    try:
        return [decoded(c) for c in certs]
    except UndecodableCertificate as exc:
        raise CertassistError("E-read-damaged", file=filename) from exc


def _friendly(raw: bytes | None) -> str | None:
    if not raw:
        return None
    return raw.decode("utf-8", errors="replace")


def _blocks(data: bytes, filename: str) -> list[PemBlock]:
    try:
        blocks = pem_blocks(data)
    except PemError as exc:
        raise CertassistError("E-read-damaged", file=filename) from exc
    if not blocks:
        raise CertassistError("E-read-damaged", file=filename)
    return blocks


def _read_pem(data: bytes, password: str | None, filename: str) -> Bundle:
    """Every block of the file: certificates, PKCS#7 chains and at most one key."""
    certs: list[x509.Certificate] = []
    key: PrivateKeyTypes | None = None
    for block in _blocks(data, filename):
        try:
            if block.label in _CERT_LABELS:
                text = block.text.replace(block.label, b"CERTIFICATE")
                certs.append(load_pem(text))
            elif block.label in _PKCS7_LABELS:
                certs.extend(decoded(c) for c in pkcs7.load_pem_pkcs7_certificates(block.text))
        except (ValueError, UndecodableCertificate) as exc:
            raise CertassistError("E-read-damaged", file=filename) from exc
        except Exception as exc:  # an unsupported PKCS#7 content type and the like
            raise CertassistError("E-read-unknown-format", file=filename) from exc
        if block.label in _KEY_LABELS:
            if key is not None:
                raise CertassistError("E-read-several-keys", file=filename)
            key = _load_key(block.text, password, filename, pem=True)
    if not certs:
        raise CertassistError("E-read-no-certificate", file=filename)
    return order_bundle(certs, key, filename=filename)


def _read_der(data: bytes, filename: str) -> Bundle:
    try:
        return order_bundle([load_der(data)], None, filename=filename)
    except UndecodableCertificate:
        pass
    try:
        with warnings.catch_warnings():  # BER instead of DER: cryptography reads it, and warns
            warnings.simplefilter("ignore", UserWarning)
            chain = pkcs7.load_der_pkcs7_certificates(data)
    except Exception:  # not PKCS#7 either (or an unsupported content type)
        chain = None
    if chain is not None:
        return order_bundle(_all_decoded(chain, filename), None, filename=filename)
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
    "read_file",
    "read_private_key",
)

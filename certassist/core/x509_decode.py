"""Decode a certificate completely, at the moment it is read, inside the reader's error handling.

cryptography decodes names, extensions and the public key only when they are first asked for.
A certificate OpenSSL would refuse (BasicConstraints encoded as a SET, a version out of range,
an unknown signature algorithm) therefore loads fine and then fails in the middle of
classifying or listing it, as a traceback. Every reader and every store listing goes through
`load_der` / `decoded` instead, so such a certificate is "damaged" where it enters, and the
rest of certassist only ever sees certificates whose every part it reads decodes.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from cryptography import utils, x509

from certassist.core.errors import CertassistError


class UndecodableCertificate(ValueError):
    """Some part certassist reads (names, extensions, key, dates, version) does not decode."""


def decoded(cert: x509.Certificate) -> x509.Certificate:
    """`cert`, after every part certassist reads has been decoded once (cryptography caches).

    What cryptography only warns about and will refuse in a future release (a serial number
    that is not positive) is refused now: the same answer in every run and every release.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", utils.CryptographyDeprecationWarning)
            _decode_all(cert)
    except Exception as exc:  # cryptography raises ValueError, InvalidVersion, Unsupported…
        raise UndecodableCertificate(f"{type(exc).__name__}: {exc}") from exc
    return cert


def _decode_all(cert: x509.Certificate) -> None:
    _ = (cert.version, cert.serial_number, cert.subject, cert.issuer, cert.extensions)
    _ = (cert.not_valid_before_utc, cert.not_valid_after_utc, cert.public_key())
    _ = cert.signature_hash_algorithm
    for name in (cert.subject, cert.issuer):
        _ = name.rfc4514_string()
        _ = [str(attribute.value) for attribute in name]
    for extension in cert.extensions:
        _ = extension.value


def _load(loader: Callable[[bytes], x509.Certificate], data: bytes) -> x509.Certificate:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", utils.CryptographyDeprecationWarning)
            cert = loader(data)
    except Exception as exc:
        raise UndecodableCertificate(f"{type(exc).__name__}: {exc}") from exc
    return decoded(cert)


def load_der(data: bytes) -> x509.Certificate:
    """A DER certificate, decoded completely; UndecodableCertificate when it is not one."""
    return _load(x509.load_der_x509_certificate, data)


def load_pem(data: bytes) -> x509.Certificate:
    """One PEM CERTIFICATE block, decoded completely."""
    return _load(x509.load_pem_x509_certificate, data)


def load_der_or_error(data: bytes, filename: str) -> x509.Certificate:
    """`load_der` for a certificate a store or file holds: damage becomes `[E-read-damaged]`."""
    try:
        return load_der(data)
    except UndecodableCertificate as exc:
        raise CertassistError("E-read-damaged", file=filename) from exc

"""Certificate building blocks of the made-up PKI: CAs and a generic leaf issuer.

Kept apart from `pki.py` so the profile methods there read as "what goes into this kind of
certificate" and not as X.509 plumbing. All validity is given in whole days relative to a date
the caller injects (never the wall clock), so tests can say "expired yesterday" exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import NameOID

Extension = tuple[x509.ExtensionType, bool]  # (value, critical)


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0, 0, 0), UTC)


def day_end(day: date) -> datetime:
    """A certificate that "expires on day X" is still valid all of X (UTC)."""
    return datetime.combine(day, time(23, 59, 59), UTC)


def name(*pairs: tuple[x509.ObjectIdentifier, str]) -> x509.Name:
    """A Name with one attribute per RDN, in the order given (most significant first)."""
    return x509.Name([x509.RelativeDistinguishedName([x509.NameAttribute(o, v)]) for o, v in pairs])


def ca_name(cn: str, org: str) -> x509.Name:
    return name(
        (NameOID.COUNTRY_NAME, "NL"), (NameOID.ORGANIZATION_NAME, org), (NameOID.COMMON_NAME, cn)
    )


@dataclass(frozen=True)
class Ca:
    """A CA certificate with its key and its parent (None for a root)."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    parent: Ca | None = None

    @property
    def root(self) -> Ca:
        return self if self.parent is None else self.parent.root

    def chain(self) -> tuple[x509.Certificate, ...]:
        """The CA certificates a leaf of this CA needs, nearest first, without the root."""
        if self.parent is None:
            return ()
        return (self.cert, *self.parent.chain())


def make_ca(
    subject: x509.Name,
    key: rsa.RSAPrivateKey,
    today: date,
    parent: Ca | None = None,
    serial: int | None = None,
) -> Ca:
    """Roots live 20 years around `today`, issuing CAs a little less, so every leaf fits."""
    issuer_name = parent.cert.subject if parent else subject
    signer = parent.key if parent else key
    years = 9 if parent else 10
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(serial if serial is not None else x509.random_serial_number())
        .not_valid_before(day_start(today - timedelta(days=365 * years)))
        .not_valid_after(day_end(today + timedelta(days=365 * (years + 10))))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0 if parent else None), True)
        .add_extension(key_usage(signature=False, ca=True), True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if parent:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(parent.key.public_key()), False
        )
    return Ca(builder.sign(signer, hashes.SHA256()), key, parent)


def key_usage(
    *, signature: bool = True, encipherment: bool = False, ca: bool = False
) -> x509.KeyUsage:
    """A leaf's key usage; `ca`: signs certificates and revocation lists instead."""
    return x509.KeyUsage(
        digital_signature=signature,
        content_commitment=False,
        key_encipherment=encipherment,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def issue_leaf(
    ca: Ca,
    subject: x509.Name,
    public_key: CertificatePublicKeyTypes,
    not_before: date,
    days_valid: int,
    extensions: Sequence[Extension],
    serial: int,
) -> x509.Certificate:
    """A leaf valid from the start of `not_before` to the end of `not_before + days_valid`."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.cert.subject)
        .public_key(public_key)
        .serial_number(serial)
        .not_valid_before(day_start(not_before))
        .not_valid_after(day_end(not_before + timedelta(days=days_valid)))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), False
        )
    )
    for value, critical in extensions:
        builder = builder.add_extension(value, critical)
    return builder.sign(ca.key, hashes.SHA256())

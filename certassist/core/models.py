"""Frozen value types shared by every layer.

The core works on these and never on store handles, so stores, operations and the GUI can all
pass the same objects around and tests can build them without any store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cached_property

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

# Defined with their traits in core.kinds; every layer imports them from here too.
from certassist.core.kinds import Kind as Kind
from certassist.core.kinds import StoreKind as StoreKind


class Environment(StrEnum):
    PRODUCTION = "production"
    ACCEPTANCE = "acceptance"
    TEST = "test"


class Owner(StrEnum):
    """Whose store it is, seen from the OS user running certassist (R4)."""

    SELF = "self"
    OTHER_USER = "other-user"
    MACHINE = "machine"


@dataclass(frozen=True)
class StoreTarget:
    """What the rules need to know about a store, without touching it."""

    kind: StoreKind
    owner: Owner = Owner.SELF

    @property
    def is_browser(self) -> bool:
        return self.kind.is_browser

    @property
    def is_backup_folder(self) -> bool:
        return self.kind.is_backup_folder


@dataclass(frozen=True)
class UziFields:
    """The fields of a UZI otherName 2.5.5.5 value, split at '-'."""

    oid_ca: str
    version: str
    uzi_number: str
    card_type: str  # Z, N, M or S
    subscriber_number: str
    role: str
    agb: str
    raw: str
    problems: tuple[str, ...] = ()  # note ids naming each field that does not fit the layout


@dataclass(frozen=True)
class Classification:
    kind: Kind
    environment: Environment
    profile_id: str
    holder: str | None = None  # person named in a personal/card certificate (R1)
    organisation: str | None = None
    uzi: UziFields | None = None
    ura: str | None = None  # URA from permanentIdentifier, server certs after Nov 2023
    notes: tuple[str, ...] = ()

    @property
    def subscriber_number(self) -> str | None:
        return self.uzi.subscriber_number if self.uzi else None


def sha256_fingerprint(der: bytes) -> str:
    """Upper-case hex without separators: the one key stores are matched by."""
    return hashlib.sha256(der).hexdigest().upper()


def cert_der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class CertInfo:
    """A certificate as the user and the rules see it."""

    fingerprint: str
    subject: str
    issuer: str
    serial: str
    not_before: datetime
    not_after: datetime
    classification: Classification
    der: bytes = field(repr=False)

    @classmethod
    def from_cert(cls, cert: x509.Certificate, classification: Classification) -> CertInfo:
        from certassist.core.names import readable_name

        der = cert_der(cert)
        return cls(
            fingerprint=sha256_fingerprint(der),
            subject=readable_name(cert.subject),  # serialNumber=…, never 2.5.4.5=…
            issuer=readable_name(cert.issuer),
            serial=format(cert.serial_number, "X"),
            not_before=_aware(cert.not_valid_before_utc),
            not_after=_aware(cert.not_valid_after_utc),
            classification=classification,
            der=der,
        )

    @property
    def kind(self) -> Kind:
        return self.classification.kind

    @property
    def environment(self) -> Environment:
        return self.classification.environment

    @property
    def holder(self) -> str | None:
        return self.classification.holder

    @property
    def expiry_date(self) -> date:
        return self.not_after.date()

    def days_left(self, today: date) -> int:
        return (self.expiry_date - today).days

    @property
    def short_fingerprint(self) -> str:
        return ":".join(self.fingerprint[i : i + 2] for i in range(0, 16, 2))


@dataclass(frozen=True)
class Bundle:
    """Leaf certificate, its chain and (optionally) its private key: what a PFX carries."""

    leaf: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()
    key: PrivateKeyTypes | None = field(default=None, repr=False)
    friendly_name: str | None = None
    # Certificates the file also held that are neither the leaf nor its issuing chain: shown
    # in a plan as "left out", never installed.
    left_out: tuple[x509.Certificate, ...] = ()

    @property
    def leaf_der(self) -> bytes:
        return cert_der(self.leaf)

    @property
    def fingerprint(self) -> str:
        return sha256_fingerprint(self.leaf_der)

    @property
    def has_key(self) -> bool:
        return self.key is not None

    def key_matches(self) -> bool:
        """True when the key is the leaf's; False when absent or foreign."""
        if self.key is None:
            return False
        spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        return bool(
            self.key.public_key().public_bytes(*spki) == self.leaf.public_key().public_bytes(*spki)
        )


@dataclass(frozen=True)
class StoreEntry:
    """One certificate as a store lists it."""

    store_id: str
    fingerprint: str
    der: bytes = field(repr=False)
    has_key: bool
    exportable: bool = True
    nickname: str | None = None

    @cached_property
    def certificate(self) -> x509.Certificate:
        """Parsed once per entry: listings, classification and grouping all read it. Decoded
        completely, so a damaged certificate in a store is `[E-read-damaged]` here, not a
        traceback later."""
        from certassist.core.x509_decode import load_der_or_error

        return load_der_or_error(self.der, self.nickname or self.fingerprint[:16])


@dataclass(frozen=True)
class Actor:
    """The person at the keyboard: OS user name, the name they confirmed, and their role."""

    os_user: str
    confirmed_name: str | None = None  # the name in "Ik ben <naam>" that they confirmed (R1)
    is_contact_person: bool = False


class Action(StrEnum):
    INSTALL = "install"
    RENEW = "renew"
    RESTORE = "restore"
    BACKUP = "backup"
    COPY = "copy"
    REMOVE = "remove"
    INSPECT = "inspect"

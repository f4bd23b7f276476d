"""Build `CertInfo` objects for rule tests directly from dates and a classification.

The rules look only at kind, environment, names, numbers and dates, so no certificate file is
needed; `der` is a placeholder and the fingerprint is derived from the arguments.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta

from certassist.core.models import (
    Actor,
    CertInfo,
    Classification,
    Environment,
    Kind,
    Owner,
    StoreKind,
    StoreTarget,
    UziFields,
)

TODAY = date(2026, 11, 28)
HOLDER = "José de Vries"
SUBSCRIBER = "12345678"


def uzi_fields(subscriber: str = SUBSCRIBER, card_type: str = "S") -> UziFields:
    oid = "2.16.528.1.1007.99.218"
    raw = f"{oid}-1-000000001-{card_type}-{subscriber}-00.000-00000000"
    return UziFields(oid, "1", "000000001", card_type, subscriber, "00.000", "00000000", raw)


def make_cert(
    kind: Kind = Kind.VECOZO_PERSONAL,
    expiry: date = date(2027, 6, 30),
    valid_from: date | None = None,
    environment: Environment = Environment.PRODUCTION,
    holder: str | None = HOLDER,
    organisation: str | None = "Huisartsenpraktijk Verzonnen",
    subscriber: str | None = SUBSCRIBER,
    ura: str | None = None,
    serial: str = "1",
) -> CertInfo:
    """A certificate valid from `valid_from` (default two years before expiry) to `expiry`."""
    start = valid_from or expiry - timedelta(days=730)
    uzi = None
    if kind in (Kind.UZI_SERVER, Kind.UZI_CARD) and subscriber is not None:
        uzi = uzi_fields(subscriber, "S" if kind is Kind.UZI_SERVER else "Z")
    classification = Classification(
        kind=kind,
        environment=environment,
        profile_id="test",
        holder=holder if kind in (Kind.VECOZO_PERSONAL, Kind.UZI_CARD) else None,
        organisation=organisation,
        uzi=uzi,
        ura=ura,
    )
    seed = f"{kind}|{expiry}|{start}|{environment}|{holder}|{subscriber}|{ura}|{serial}"
    return CertInfo(
        fingerprint=hashlib.sha256(seed.encode()).hexdigest().upper(),
        subject=f"CN={holder or organisation}",
        issuer="CN=VERZONNEN test CA",
        serial=serial,
        not_before=datetime.combine(start, time(0, 0), UTC),
        not_after=datetime.combine(expiry, time(23, 59, 59), UTC),
        classification=classification,
        der=b"",
    )


def holder_actor(name: str | None = HOLDER, contact: bool = False) -> Actor:
    return Actor(os_user="jdevries", confirmed_name=name, is_contact_person=contact)


CONTACT = Actor(os_user="contact", confirmed_name="Carla Contact", is_contact_person=True)
NOBODY = Actor(os_user="baliemedewerker")

OWN_WINDOWS = StoreTarget(StoreKind.WINDOWS_USER, Owner.SELF)
MACHINE = StoreTarget(StoreKind.WINDOWS_MACHINE, Owner.MACHINE)
OTHER_USER = StoreTarget(StoreKind.WINDOWS_USER, Owner.OTHER_USER)
FIREFOX = StoreTarget(StoreKind.FIREFOX, Owner.SELF)
NSSDB = StoreTarget(StoreKind.NSSDB, Owner.SELF)
PFX_FOLDER = StoreTarget(StoreKind.PKCS12_FOLDER, Owner.SELF)


def ids(decisions: object) -> list[str]:
    """Message ids of decisions (a Verdict or a sequence of Decision)."""
    items = getattr(decisions, "decisions", decisions)
    return [d.message_id for d in items]  # type: ignore[attr-defined]

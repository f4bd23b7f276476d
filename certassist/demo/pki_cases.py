"""The awkward cases tests need: expired, expiring, not yet valid, a foreign key, a CSR.

Each case takes the kind of certificate plus the keyword arguments of that kind's issuing
method, so "an expired UZI server certificate for subscriber 11111111" is one call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID, ObjectIdentifier

from certassist.core.models import Bundle, Kind
from certassist.demo import pki_names as n
from certassist.demo.pki_issue import IssuingPKI

DEFAULT_DAYS: dict[Kind, int] = {
    Kind.VECOZO_PERSONAL: 730,
    Kind.VECOZO_SYSTEM: 730,
    Kind.UZI_SERVER: 1095,
    Kind.UZI_CARD: 1095,
    Kind.OTHER: 365,
}


def _attr(name: x509.Name, oid: ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


class TestPKI(IssuingPKI):
    """The made-up PKI with the awkward cases on top (see `pki_issue.IssuingPKI`).

    Day boundaries are UTC: a certificate "valid from today" starts at 00:00:00 UTC of `today`
    and one that "expires on day X" ends at 23:59:59 UTC of X, so `CertInfo.expiry_date` is X.
    On a clock east of UTC, just after local midnight, a fresh certificate is not yet valid for
    a real browser for up to an hour or two; pass `not_before=today - 1 day` there if it matters.
    """

    __test__ = False  # named Test* for readability; pytest must not collect it

    def issuer_of(self, kind: Kind | str) -> Callable[..., Bundle]:
        kind = Kind(kind)
        table: dict[Kind, Callable[..., Bundle]] = {
            Kind.VECOZO_PERSONAL: self.vecozo_personal,
            Kind.VECOZO_SYSTEM: self.vecozo_system,
            Kind.UZI_SERVER: self.uzi_server,
            Kind.UZI_CARD: self.uzi_card,
            Kind.OTHER: self.other,
        }
        return table[kind]

    def issue(self, kind: Kind | str = Kind.VECOZO_PERSONAL, **kwargs: Any) -> Bundle:
        return self.issuer_of(kind)(**kwargs)

    def expired(
        self,
        kind: Kind | str = Kind.VECOZO_PERSONAL,
        days_ago: int = 1,
        days_valid: int | None = None,
        **kwargs: Any,
    ) -> Bundle:
        """Last valid day is `today - days_ago` (default: expired yesterday)."""
        days = days_valid if days_valid is not None else DEFAULT_DAYS[Kind(kind)]
        start = self.today - timedelta(days=days_ago + days)
        return self.issue(kind, not_before=start, days_valid=days, **kwargs)

    def expiring_in(
        self,
        days: int,
        kind: Kind | str = Kind.VECOZO_PERSONAL,
        days_valid: int | None = None,
        **kwargs: Any,
    ) -> Bundle:
        """Last valid day is `today + days`, so `CertInfo.days_left(today) == days`."""
        total = days_valid if days_valid is not None else DEFAULT_DAYS[Kind(kind)]
        start = self.today + timedelta(days=days - total)
        return self.issue(kind, not_before=start, days_valid=total, **kwargs)

    def not_yet_valid(
        self, days: int = 1, kind: Kind | str = Kind.VECOZO_PERSONAL, **kwargs: Any
    ) -> Bundle:
        """Valid from the start of `today + days` (default: tomorrow)."""
        return self.issue(kind, not_before=self.today + timedelta(days=days), **kwargs)

    def mismatched(self, kind: Kind | str = Kind.VECOZO_PERSONAL, **kwargs: Any) -> Bundle:
        """A bundle whose key belongs to another certificate (a damaged or mixed-up backup)."""
        bundle = self.issue(kind, **kwargs)
        stranger = self.issue(kind, **kwargs)
        return Bundle(bundle.leaf, bundle.chain, stranger.key, bundle.friendly_name)

    def issue_from_csr(
        self,
        csr: x509.CertificateSigningRequest,
        kind: Kind | str = Kind.UZI_SERVER,
        days_valid: int | None = None,
        subscriber: str = "12345678",
        **kwargs: Any,
    ) -> Bundle:
        """What the CA sends back for a renewal request; the bundle has no key (the caller
        holds it). Names come from the CSR's subject, everything else from the kind's profile."""
        if not csr.is_signature_valid:
            raise ValueError("CSR signature does not verify")
        kind = Kind(kind)
        days = days_valid if days_valid is not None else DEFAULT_DAYS[kind]
        subject = csr.subject
        common_name = _attr(subject, NameOID.COMMON_NAME)
        org = _attr(subject, NameOID.ORGANIZATION_NAME)
        args: dict[str, Any] = {"days_valid": days, "public_key": csr.public_key()}
        if kind is Kind.UZI_SERVER:
            args["subscriber"] = subscriber
            if common_name:
                args["host"] = common_name
            if org:
                args["organisation"] = org
        elif kind is Kind.VECOZO_PERSONAL:
            if common_name:
                args["name"] = common_name
            if org:
                args["practice"] = org
            number = _attr(subject, NameOID.SERIAL_NUMBER)
            if number:
                args["user_number"] = number
        elif kind is Kind.VECOZO_SYSTEM:
            if org:
                args["practice"] = org
            ident = _attr(subject, ObjectIdentifier(n.ORGANIZATION_IDENTIFIER_OID))
            if ident and ident.startswith("AGB-"):
                args["agb"] = ident.removeprefix("AGB-")
        elif kind is Kind.OTHER:
            if common_name:
                args["common_name"] = common_name
        else:
            raise ValueError(f"no CSR issuance for {kind.value}: card keys stay on the card")
        args.update(kwargs)
        return self.issue(kind, **args)

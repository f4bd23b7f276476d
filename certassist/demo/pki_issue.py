"""Issuing made-up certificates: the CA hierarchy and one method per kind of certificate.

Every method returns a `Bundle` (leaf, issuing CA chain without the root, key, friendly name)
with validity counted from the injected `today`. A `public_key` argument issues for a key the
caller holds (a CSR), in which case the bundle carries no key.
"""

from __future__ import annotations

import ipaddress
from datetime import date, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from certassist.core.models import Bundle, Environment, Kind
from certassist.demo import pki_names as n
from certassist.demo.pki_ca import Ca, Extension, ca_name, issue_leaf, key_usage, make_ca, name
from certassist.demo.pki_keys import KeyPool
from certassist.demo.pki_names import LONG_OTHERNAME_SERVER_VALUE, uzi_value

DEFAULT_PRACTICE = "Huisartsenpraktijk De Linde (VERZONNEN)"
DEFAULT_USER_NUMBER: dict[Environment, str] = {
    Environment.PRODUCTION: "10000000012345",
    Environment.ACCEPTANCE: "20000000012345",
    Environment.TEST: "30000000012345",
}
CLIENT_AUTH = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH])


def _uzi_env(environment: Environment) -> Environment:
    """UZI knows production and test only; acceptance maps onto test."""
    return Environment.PRODUCTION if environment is Environment.PRODUCTION else Environment.TEST


class IssuingPKI:
    """All made-up CAs of one test run; CAs are created on first use (keys come from a pool)."""

    def __init__(self, today: date | None = None) -> None:
        self.today = today if today is not None else date.today()
        self._keys = KeyPool()
        self._cas: dict[str, Ca] = {}

    # --- CAs -----------------------------------------------------------------------------

    def _root(self, cn: str, org: str) -> Ca:
        if cn not in self._cas:
            self._cas[cn] = make_ca(ca_name(cn, org), self._keys.take(), self.today)
        return self._cas[cn]

    def _issuing(self, cn: str, org: str, parent: Ca) -> Ca:
        if cn not in self._cas:
            self._cas[cn] = make_ca(ca_name(cn, org), self._keys.take(), self.today, parent)
        return self._cas[cn]

    def vecozo_ca(self, environment: Environment = Environment.PRODUCTION) -> Ca:
        root = self._root(n.VECOZO_ROOT_CN, n.VECOZO_ORG)
        return self._issuing(n.VECOZO_CA_CN[environment], n.VECOZO_ORG, root)

    def uzi_ca(self, card_type: str = "S", environment: Environment = Environment.PRODUCTION) -> Ca:
        """`S` is the Private Server CA (under the private root); Z/N/M the card CAs."""
        if card_type == "S":
            root = self._root(n.UZI_PRIVATE_ROOT_CN, n.UZI_ROOT_ORG)
        else:
            root = self._root(n.UZI_CARD_ROOT_CN, n.UZI_ROOT_ORG)
        return self._issuing(n.uzi_ca_cn(_uzi_env(environment), card_type), n.CIBG, root)

    def other_ca(self) -> Ca:
        return self._root(n.OTHER_CA_CN, n.FICTIVE_ORG)

    def tls_ca(self) -> Ca:
        return self._root(n.TLS_CA_CN, n.FICTIVE_ORG)

    def ca_for(
        self,
        kind: Kind | str = Kind.VECOZO_PERSONAL,
        environment: Environment = Environment.PRODUCTION,
        card_type: str = "Z",
    ) -> Ca:
        """The issuing CA of a kind of certificate (its `.root` is the trust anchor)."""
        kind = Kind(kind)
        if kind in (Kind.VECOZO_PERSONAL, Kind.VECOZO_SYSTEM):
            return self.vecozo_ca(environment)
        if kind is Kind.UZI_SERVER:
            return self.uzi_ca("S", environment)
        if kind is Kind.UZI_CARD:
            return self.uzi_ca(card_type, environment)
        return self.other_ca()

    def ca_pem(
        self,
        kind: Kind | str = Kind.VECOZO_PERSONAL,
        environment: Environment = Environment.PRODUCTION,
        card_type: str = "Z",
    ) -> bytes:
        """The made-up root for a kind, as PEM: what a test server or NSS db should trust."""
        return self.ca_for(kind, environment, card_type).root.cert.public_bytes(
            serialization.Encoding.PEM
        )

    def issuing_ca_pem(
        self,
        kind: Kind | str = Kind.VECOZO_PERSONAL,
        environment: Environment = Environment.PRODUCTION,
        card_type: str = "Z",
    ) -> bytes:
        return self.ca_for(kind, environment, card_type).cert.public_bytes(
            serialization.Encoding.PEM
        )

    def tls_ca_pem(self) -> bytes:
        return self.tls_ca().cert.public_bytes(serialization.Encoding.PEM)

    def ca_certificates(self) -> list[x509.Certificate]:
        """Every made-up root (created if needed), for trusting all of them at once."""
        for environment in Environment:
            self.vecozo_ca(environment)
            for card_type in ("S", "Z", "N", "M"):
                self.uzi_ca(card_type, environment)
        self.other_ca()
        self.tls_ca()
        return [ca.cert for ca in self._cas.values() if ca.parent is None]

    def root_of(self, bundle: Bundle) -> x509.Certificate:
        """The made-up root a bundle chains to (its trust anchor in `openssl verify`)."""
        top = bundle.chain[-1] if bundle.chain else bundle.leaf
        for ca in self._cas.values():
            if ca.parent is None and ca.cert.subject == top.issuer:
                return ca.cert
        raise LookupError(f"not issued by this PKI: {top.issuer.rfc4514_string()}")

    # --- leaves ----------------------------------------------------------------------------

    def _bundle(
        self,
        ca: Ca,
        subject: x509.Name,
        not_before: date | None,
        days_valid: int,
        extensions: list[Extension],
        friendly_name: str,
        public_key: CertificatePublicKeyTypes | None = None,
    ) -> Bundle:
        key = None if public_key is not None else self._keys.take()
        leaf = issue_leaf(
            ca,
            subject,
            public_key if public_key is not None else key.public_key(),  # type: ignore[union-attr]
            not_before if not_before is not None else self.today,
            days_valid,
            extensions,
        )
        return Bundle(leaf=leaf, chain=ca.chain(), key=key, friendly_name=friendly_name)

    def vecozo_personal(
        self,
        name: str = "Anna de Vries",
        practice: str = DEFAULT_PRACTICE,
        environment: Environment = Environment.PRODUCTION,
        not_before: date | None = None,
        days_valid: int = 730,
        user_number: str | None = None,
        public_key: CertificatePublicKeyTypes | None = None,
    ) -> Bundle:
        number = user_number or DEFAULT_USER_NUMBER[environment]
        subject = _name(
            (NameOID.COUNTRY_NAME, "NL"),
            (NameOID.ORGANIZATION_NAME, practice),
            (NameOID.ORGANIZATIONAL_UNIT_NAME, n.VECOZO_OU_PERSONAL),
            (NameOID.COMMON_NAME, name),
            (NameOID.SERIAL_NUMBER, number),
        )
        extensions: list[Extension] = [
            (key_usage(signature=True, encipherment=True), True),
            (CLIENT_AUTH, False),
        ]
        label = f"{name} (VECOZO {environment.value}, VERZONNEN)"
        return self._bundle(
            self.vecozo_ca(environment),
            subject,
            not_before,
            days_valid,
            extensions,
            label,
            public_key,
        )

    def vecozo_system(
        self,
        practice: str = DEFAULT_PRACTICE,
        agb: str = "01234567",
        environment: Environment = Environment.PRODUCTION,
        not_before: date | None = None,
        days_valid: int = 730,
        public_key: CertificatePublicKeyTypes | None = None,
    ) -> Bundle:
        subject = _name(
            (NameOID.COUNTRY_NAME, "NL"),
            (NameOID.ORGANIZATION_NAME, practice),
            (NameOID.ORGANIZATIONAL_UNIT_NAME, n.VECOZO_OU_SYSTEM),
            (NameOID.COMMON_NAME, f"{practice} systeemcertificaat"),
            (ObjectIdentifier(n.ORGANIZATION_IDENTIFIER_OID), f"AGB-{agb}"),
        )
        extensions: list[Extension] = [
            (key_usage(signature=True, encipherment=True), True),
            (CLIENT_AUTH, False),
        ]
        label = f"{practice} systeemcertificaat (VECOZO {environment.value})"
        return self._bundle(
            self.vecozo_ca(environment),
            subject,
            not_before,
            days_valid,
            extensions,
            label,
            public_key,
        )

    def uzi_server(
        self,
        host: str = "portaal.delinde.example",
        subscriber: str = "12345678",
        uzi_number: str = "123456789",
        ura: str = "87654321",
        environment: Environment = Environment.PRODUCTION,
        with_ura: bool = True,
        days_valid: int = 1095,
        not_before: date | None = None,
        organisation: str = DEFAULT_PRACTICE,
        public_key: CertificatePublicKeyTypes | None = None,
    ) -> Bundle:
        env = _uzi_env(environment)
        value = uzi_value(n.uzi_oid_ca(env, "S"), uzi_number, "S", subscriber, "00.000", "0" * 8)
        general: list[x509.GeneralName] = [
            x509.DNSName(host),
            x509.OtherName(ObjectIdentifier(n.UZI_OTHERNAME_OID), n.der_ia5(value)),
        ]
        if with_ura:
            general.append(
                x509.OtherName(
                    ObjectIdentifier(n.PERMANENT_IDENTIFIER_OID), n.permanent_identifier(ura)
                )
            )
        subject = _name(
            (NameOID.COUNTRY_NAME, "NL"),
            (NameOID.ORGANIZATION_NAME, organisation),
            (NameOID.SERIAL_NUMBER, uzi_number),
            (NameOID.COMMON_NAME, host),
        )
        extensions: list[Extension] = [
            (key_usage(signature=True, encipherment=True), True),
            (
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                False,
            ),
            (x509.SubjectAlternativeName(general), False),
            (_policies(n.POLICY_UZI_SERVER), False),
        ]
        label = f"{host} (UZI-servercertificaat, VERZONNEN)"
        return self._bundle(
            self.uzi_ca("S", env), subject, not_before, days_valid, extensions, label, public_key
        )

    def long_othername_server(self) -> Bundle:
        """A production server certificate whose otherName value is exactly 64 characters."""
        bundle = self.uzi_server(uzi_number="123456789", subscriber="12345678")
        assert len(LONG_OTHERNAME_SERVER_VALUE) == 64
        return bundle

    def uzi_card(
        self,
        card_type: str = "Z",
        name: str = "Dr. J. Jansen",
        agb: str = "12345678",
        role: str = "01.015",
        uzi_number: str = "900012345",
        subscriber: str = "12345678",
        organisation: str = DEFAULT_PRACTICE,
        environment: Environment = Environment.PRODUCTION,
        not_before: date | None = None,
        days_valid: int = 1095,
        policy_oid: str | None = None,
    ) -> Bundle:
        """A card (UZI-pas) certificate; in real life it never leaves the card (key included
        here only so stores and tests can hold it)."""
        if card_type not in n.UZI_CARD_CA_CN:
            raise ValueError(f"card type must be Z, N or M, not {card_type!r}")
        env = _uzi_env(environment)
        role = role if card_type == "Z" else "00.000"
        value = uzi_value(
            n.uzi_oid_ca(env, card_type), uzi_number, card_type, subscriber, role, agb
        )
        subject = _name(
            (NameOID.COUNTRY_NAME, "NL"),
            (NameOID.ORGANIZATION_NAME, organisation),
            (NameOID.COMMON_NAME, name),
            (NameOID.SERIAL_NUMBER, uzi_number),
        )
        extensions: list[Extension] = [
            (key_usage(signature=True), True),
            (CLIENT_AUTH, False),
            (
                x509.SubjectAlternativeName(
                    [x509.OtherName(ObjectIdentifier(n.UZI_OTHERNAME_OID), n.der_ia5(value))]
                ),
                False,
            ),
            (_policies(policy_oid or n.POLICY_UZI_CARD[card_type]), False),
        ]
        label = f"{name} (UZI-pas {card_type}, VERZONNEN)"
        return self._bundle(
            self.uzi_ca(card_type, env), subject, not_before, days_valid, extensions, label
        )

    def other(
        self,
        common_name: str = "Voorbeeld Gebruiker (VERZONNEN)",
        not_before: date | None = None,
        days_valid: int = 365,
        public_key: CertificatePublicKeyTypes | None = None,
    ) -> Bundle:
        subject = _name(
            (NameOID.COUNTRY_NAME, "NL"),
            (NameOID.ORGANIZATION_NAME, n.FICTIVE_ORG),
            (NameOID.COMMON_NAME, common_name),
        )
        extensions: list[Extension] = [(key_usage(signature=True), True), (CLIENT_AUTH, False)]
        return self._bundle(
            self.other_ca(), subject, not_before, days_valid, extensions, common_name, public_key
        )

    def tls_server_bundle(self, host: str = "127.0.0.1") -> Bundle:
        """For a loopback HTTPS server: SAN IP 127.0.0.1 + DNS localhost (+ `host`)."""
        general: list[x509.GeneralName] = [
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
            x509.DNSName("localhost"),
        ]
        try:
            address = x509.IPAddress(ipaddress.ip_address(host))
            if address not in general:
                general.append(address)
        except ValueError:
            if host != "localhost":
                general.append(x509.DNSName(host))
        extensions: list[Extension] = [
            (key_usage(signature=True, encipherment=True), True),
            (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
            (x509.SubjectAlternativeName(general), False),
        ]
        subject = _name((NameOID.ORGANIZATION_NAME, n.FICTIVE_ORG), (NameOID.COMMON_NAME, host))
        return self._bundle(
            self.tls_ca(), subject, self.today - timedelta(days=1), 30, extensions, host
        )


def _name(*pairs: tuple[ObjectIdentifier, str]) -> x509.Name:
    return name(*pairs)


def _policies(oid: str) -> x509.CertificatePolicies:
    return x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier(oid), None)])

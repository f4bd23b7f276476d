"""Issuing made-up certificates: one method per kind of certificate.

Every method returns a `Bundle` (leaf, issuing CA chain without the root, key, friendly name)
with validity counted from the injected `today`. A `public_key` argument issues for a key the
caller holds (a CSR), in which case the bundle carries no key.
"""

from __future__ import annotations

import ipaddress
from datetime import date, timedelta

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from certassist.core.models import Bundle, Environment
from certassist.demo import pki_names as n
from certassist.demo.pki_ca import Ca, Extension, issue_leaf, key_usage, name
from certassist.demo.pki_hierarchy import CaHierarchy, uzi_env
from certassist.demo.pki_names import LONG_OTHERNAME_SERVER_VALUE, uzi_value

DEFAULT_PRACTICE = "Huisartsenpraktijk De Linde (VERZONNEN)"
DEFAULT_USER_NUMBER: dict[Environment, str] = {
    Environment.PRODUCTION: "10000000012345",
    Environment.ACCEPTANCE: "20000000012345",
    Environment.TEST: "30000000012345",
}
CLIENT_AUTH = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH])


class IssuingPKI(CaHierarchy):
    """One method per kind of certificate, on top of the made-up CA hierarchy."""

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
        key = None
        if public_key is None:
            key = self._keys.take()
            public_key = key.public_key()
        leaf = issue_leaf(
            ca,
            subject,
            public_key,
            not_before if not_before is not None else self.today,
            days_valid,
            extensions,
            self._keys.leaf_serial(),
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
        label = f"{name} (VECOZO {environment.value}, VERZONNEN)"
        return self._vecozo(environment, subject, not_before, days_valid, label, public_key)

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
        label = f"{practice} systeemcertificaat (VECOZO {environment.value})"
        return self._vecozo(environment, subject, not_before, days_valid, label, public_key)

    def _vecozo(
        self,
        environment: Environment,
        subject: x509.Name,
        not_before: date | None,
        days_valid: int,
        label: str,
        public_key: CertificatePublicKeyTypes | None,
    ) -> Bundle:
        """Personal and system certificates differ only in subject and label (made-up layout)."""
        extensions: list[Extension] = [
            (key_usage(signature=True, encipherment=True), True),
            (CLIENT_AUTH, False),
        ]
        ca = self.vecozo_ca(environment)
        return self._bundle(ca, subject, not_before, days_valid, extensions, label, public_key)

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
        env = uzi_env(environment)
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
        """A production server certificate whose otherName value is exactly 64 characters
        (`LONG_OTHERNAME_SERVER_VALUE`): the length a parser that strips DER bytes by hand
        gets wrong, because the IA5String header is then two bytes that look like text."""
        bundle = self.uzi_server(uzi_number="123456789", subscriber="12345678")
        sans = bundle.leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        values = sans.value.get_values_for_type(x509.OtherName)
        if n.der_ia5(LONG_OTHERNAME_SERVER_VALUE) not in [v.value for v in values]:
            raise AssertionError("the 64-character otherName went missing")
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
        env = uzi_env(environment)
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

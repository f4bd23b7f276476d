"""The made-up CA hierarchy: roots and issuing CAs, created on first use.

Split from `pki_issue` so the CA plumbing and the profiles of the leaves can be read apart.
UZI knows only production and test; acceptance maps onto test there.
"""

from __future__ import annotations

from datetime import date

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from certassist.core.models import Bundle, Environment, Kind
from certassist.demo import pki_names as n
from certassist.demo.pki_ca import Ca, ca_name, make_ca
from certassist.demo.pki_keys import KeyPool, KeySource


def uzi_env(environment: Environment) -> Environment:
    """UZI knows production and test only; acceptance maps onto test."""
    return Environment.PRODUCTION if environment is Environment.PRODUCTION else Environment.TEST


class CaHierarchy:
    """All made-up CAs of one test run; CAs are created on first use. Keys and serials come
    from `keys`: the test suite's random pool unless a caller passes the demo's seeded source."""

    def __init__(self, today: date | None = None, keys: KeySource | None = None) -> None:
        self.today = today if today is not None else date.today()
        self._keys: KeySource = keys if keys is not None else KeyPool()
        self._cas: dict[str, Ca] = {}

    def _root(self, cn: str, org: str) -> Ca:
        if cn not in self._cas:
            self._cas[cn] = make_ca(
                ca_name(cn, org), self._keys.take(), self.today, serial=self._keys.ca_serial()
            )
        return self._cas[cn]

    def _issuing(self, cn: str, org: str, parent: Ca) -> Ca:
        if cn not in self._cas:
            self._cas[cn] = make_ca(
                ca_name(cn, org), self._keys.take(), self.today, parent, self._keys.ca_serial()
            )
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
        return self._issuing(n.uzi_ca_cn(uzi_env(environment), card_type), n.CIBG, root)

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

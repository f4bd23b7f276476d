"""Names, OIDs and otherName values of the made-up PKI.

The issuing-CA names of the UZI part are the real issuer CNs (docs/rules.md#recognising-a-kind),
because the classifier must recognise them; every root and every VECOZO name says VERZONNEN so
it cannot be mistaken for a real trust anchor. VECOZO's real profile is not public: this layout
is invented.
"""

from __future__ import annotations

from certassist.core.models import Environment

FICTIEF = "VERZONNEN"

VECOZO_ORG = "VECOZO testdata VERZONNEN"
VECOZO_ROOT_CN = "Fictieve VECOZO Root CA (VERZONNEN)"
VECOZO_CA_CN: dict[Environment, str] = {
    Environment.PRODUCTION: "Fictieve VECOZO CA G1 (VERZONNEN)",
    Environment.ACCEPTANCE: "Fictieve VECOZO Acceptatie CA G1 (VERZONNEN)",
    Environment.TEST: "Fictieve VECOZO Test CA G1 (VERZONNEN)",
}
VECOZO_OU_PERSONAL = "Persoonlijk certificaat"
VECOZO_OU_SYSTEM = "Systeemcertificaat"

UZI_PRIVATE_ROOT_CN = "Fictieve Staat der Nederlanden Private Root CA - G1 (VERZONNEN)"
UZI_CARD_ROOT_CN = "Fictieve Staat der Nederlanden Root CA - G3 (VERZONNEN)"
UZI_ROOT_ORG = "Fictieve Staat der Nederlanden (VERZONNEN)"
CIBG = "CIBG"
UZI_SERVER_CA_CN = "UZI-register Private Server CA G1"
UZI_CARD_CA_CN: dict[str, str] = {
    "Z": "UZI-register Zorgverlener CA G3",
    "N": "UZI-register Medewerker op naam CA G3",
    "M": "UZI-register Medewerker niet op naam CA G3",
}
TEST_PREFIX = "TEST "

OTHER_CA_CN = "Fictieve Overige CA (VERZONNEN)"
TLS_CA_CN = "Fictieve Loopback TLS CA (VERZONNEN)"
FICTIVE_ORG = "Fictief Testbedrijf (VERZONNEN)"

# OID CA prefixes in the otherName 2.5.5.5 value (docs/rules.md#recognising-a-kind).
UZI_OID_CA: dict[Environment, dict[str, str]] = {
    Environment.PRODUCTION: {
        "Z": "2.16.528.1.1003.1.3.5.5.2",
        "N": "2.16.528.1.1003.1.3.5.5.3",
        "M": "2.16.528.1.1003.1.3.5.5.4",
        "S": "2.16.528.1.1003.1.3.5.5.5",
    },
    Environment.TEST: {
        "Z": "2.16.528.1.1007.99.2",
        "N": "2.16.528.1.1007.99.3",
        "M": "2.16.528.1.1007.99.4",
        "S": "2.16.528.1.1007.99.8",
    },
}
UZI_OTHERNAME_OID = "2.5.5.5"
PERMANENT_IDENTIFIER_OID = "1.3.6.1.5.5.7.8.3"
URA_ASSIGNER_OID = "2.16.528.1.1007.3.3"
ORGANIZATION_IDENTIFIER_OID = "2.5.4.97"
POLICY_UZI_SERVER = "2.16.528.1.1003.1.2.8.6"
POLICY_UZI_CARD: dict[str, str] = {
    "Z": "2.16.528.1.1003.1.2.5.1",
    "N": "2.16.528.1.1003.1.2.5.2",
    "M": "2.16.528.1.1003.1.2.5.3",
}


def uzi_oid_ca(environment: Environment, card_type: str) -> str:
    """Acceptance has no UZI counterpart; it is treated like test."""
    table = UZI_OID_CA[
        Environment.PRODUCTION if environment is Environment.PRODUCTION else Environment.TEST
    ]
    return table[card_type]


def uzi_ca_cn(environment: Environment, card_type: str) -> str:
    cn = UZI_SERVER_CA_CN if card_type == "S" else UZI_CARD_CA_CN[card_type]
    return cn if environment is Environment.PRODUCTION else TEST_PREFIX + cn


def uzi_value(
    oid_ca: str, uzi_number: str, card_type: str, subscriber: str, role: str, agb: str
) -> str:
    """`<OID CA>-<version>-<UZI number>-<card type>-<subscriber>-<role>-<AGB>`, version 1."""
    return "-".join((oid_ca, "1", uzi_number, card_type, subscriber, role, agb))


# --- a few DER encoders: the otherName values are built by hand, on purpose -----------------


def der_tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        header = bytes([tag, n])
    else:
        size = n.to_bytes((n.bit_length() + 7) // 8, "big")
        header = bytes([tag, 0x80 | len(size)]) + size
    return header + content


def der_ia5(text: str) -> bytes:
    return der_tlv(0x16, text.encode("ascii"))


def der_utf8(text: str) -> bytes:
    return der_tlv(0x0C, text.encode("utf-8"))


def der_oid(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    body = bytearray()
    for arc in [arcs[0] * 40 + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body.extend(reversed(chunk))
    return der_tlv(0x06, bytes(body))


def der_sequence(*items: bytes) -> bytes:
    return der_tlv(0x30, b"".join(items))


def permanent_identifier(ura: str) -> bytes:
    """RFC 4043 PermanentIdentifier { identifierValue UTF8String, assigner OID }."""
    return der_sequence(der_utf8(ura), der_oid(URA_ASSIGNER_OID))


# The production server value for UZI number 123456789 and subscriber 12345678: 64 characters,
# the length a known parser (which strips DER bytes by hand) gets wrong.
LONG_OTHERNAME_SERVER_VALUE = uzi_value(
    UZI_OID_CA[Environment.PRODUCTION]["S"], "123456789", "S", "12345678", "00.000", "00000000"
)
assert len(LONG_OTHERNAME_SERVER_VALUE) == 64

"""UZI-register fields from a certificate's subjectAltName.

The otherName 2.5.5.5 value is a DER IA5String `<OID CA>-<version>-<UZI number>-<card type>-
<subscriber number>-<role>-<AGB>`. It is decoded as DER (never by stripping bytes by hand: a known
parser does and breaks at 64 characters, where the length byte changes meaning). Server
certificates after November 2023 also carry the URA as a permanentIdentifier.
"""

from __future__ import annotations

import re

from cryptography import x509

from certassist.core import der
from certassist.core.models import UziFields

UZI_OTHERNAME_OID = "2.5.5.5"
PERMANENT_IDENTIFIER_OID = "1.3.6.1.5.5.7.8.3"
URA_ASSIGNER_OID = "2.16.528.1.1007.3.3"

# OID CA per card type, production (UZI-register CPS). The TEST register uses its own arc
# 2.16.528.1.1007.99 (a real TEST care-provider card carries .99.217, TEST server certificates
# .99.2110); its mapping for N and M is not published, so TEST values are checked by arc only.
PRODUCTION_OID_CA = {
    "Z": "2.16.528.1.1003.1.3.5.5.2",
    "N": "2.16.528.1.1003.1.3.5.5.3",
    "M": "2.16.528.1.1003.1.3.5.5.4",
    "S": "2.16.528.1.1003.1.3.5.5.5",
}
TEST_ARC = "2.16.528.1.1007.99."

# Each field: its pattern, and the note that names it when it does not fit.
_FIELD_PATTERNS = (
    ("oid_ca", re.compile(r"\d+(\.\d+)+"), "uzi-field-oid-ca"),
    ("version", re.compile(r"1"), "uzi-field-version"),
    ("uzi_number", re.compile(r"\d{9}"), "uzi-field-uzi-number"),
    ("card_type", re.compile(r"[ZNMS]"), "uzi-field-card-type"),
    ("subscriber_number", re.compile(r"\d{8}"), "uzi-field-subscriber-number"),
    ("role", re.compile(r"\d{2}\.\d{3}"), "uzi-field-role"),
    ("agb", re.compile(r"\d{8}"), "uzi-field-agb"),
)


class UziFormatError(ValueError):
    """The otherName is present but does not follow the UZI-register layout."""


OtherNames = dict[str, list[bytes]]


def other_names(cert: x509.Certificate) -> OtherNames:
    """The subjectAltName otherName values by type OID, read in one walk."""
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return {}
    found: OtherNames = {}
    for name in san.get_values_for_type(x509.OtherName):
        found.setdefault(name.type_id.dotted_string, []).append(name.value)
    return found


def decode_uzi_value(value: bytes) -> str:
    """The text of an otherName 2.5.5.5 value (inner DER, as cryptography hands it over)."""
    tlv = der.read_single(value)
    if tlv.tag == der.CONTEXT_0:  # tolerate the explicit [0] wrapper some tools keep
        tlv = der.read_single(tlv.value)
    if tlv.tag != der.IA5_STRING:
        raise UziFormatError(f"otherName 2.5.5.5 is not an IA5String (tag {tlv.tag:#x})")
    return der.decode_string(tlv)


def parse_uzi_string(raw: str) -> UziFields:
    """The seven fields, each checked on its own: a wrong field is named in `problems` and
    the others are still shown (only a wrong number of fields makes the value unreadable)."""
    parts = raw.split("-")
    if len(parts) != len(_FIELD_PATTERNS):
        raise UziFormatError(f"expected {len(_FIELD_PATTERNS)} fields, got {len(parts)}")
    values: dict[str, str] = {}
    problems: list[str] = []
    for (name, pattern, note), part in zip(_FIELD_PATTERNS, parts, strict=True):
        if not pattern.fullmatch(part):
            problems.append(note)
        values[name] = part
    oid_ca, card_type = values["oid_ca"], values["card_type"]
    expected = PRODUCTION_OID_CA.get(card_type)
    if not oid_ca.startswith(TEST_ARC) and expected is not None and oid_ca != expected:
        problems.append("uzi-oid-ca-card-type")
    return UziFields(raw=raw, problems=tuple(problems), **values)


def is_test_oid_ca(oid_ca: str) -> bool:
    return oid_ca.startswith(TEST_ARC)


def uzi_fields(cert: x509.Certificate, names: OtherNames | None = None) -> UziFields | None:
    """The first well-formed UZI otherName; None when the certificate has none.

    `names` is `other_names(cert)` when the caller has read them already.
    """
    values = (other_names(cert) if names is None else names).get(UZI_OTHERNAME_OID, [])
    if not values:
        return None
    try:
        return parse_uzi_string(decode_uzi_value(values[0]))
    except der.DerError as exc:
        raise UziFormatError(str(exc)) from exc


def ura_number(cert: x509.Certificate, names: OtherNames | None = None) -> str | None:
    """URA from permanentIdentifier SEQUENCE { identifierValue UTF8String, assigner OID }."""
    for value in (other_names(cert) if names is None else names).get(PERMANENT_IDENTIFIER_OID, []):
        try:
            seq = der.read_single(value, der.SEQUENCE)
            fields = der.children(seq.value)
        except der.DerError:
            continue
        ident = next((der.decode_string(f) for f in fields if f.tag == der.UTF8_STRING), None)
        assigner = next((der.decode_oid(f.value) for f in fields if f.tag == der.OID), None)
        if ident and assigner == URA_ASSIGNER_OID:
            return ident
    return None

"""Certificate facts in words a person reads: names, UZI fields, dates and day counts.

The CLI and the GUI both show these; JSON keeps the machine values (ISO dates, codes).
"""

from __future__ import annotations

import re
from datetime import date

from cryptography import x509
from cryptography.x509.oid import NameOID

# Attribute names as RFC 4514/X.520 spell them; cryptography prints OIDs for several of them.
_ATTRIBUTE_NAMES: dict[x509.ObjectIdentifier, str] = {
    NameOID.COMMON_NAME: "CN",
    NameOID.ORGANIZATION_NAME: "O",
    NameOID.ORGANIZATIONAL_UNIT_NAME: "OU",
    NameOID.COUNTRY_NAME: "C",
    NameOID.LOCALITY_NAME: "L",
    NameOID.STATE_OR_PROVINCE_NAME: "ST",
    NameOID.STREET_ADDRESS: "street",
    NameOID.SERIAL_NUMBER: "serialNumber",
    NameOID.GIVEN_NAME: "givenName",
    NameOID.SURNAME: "surname",
    NameOID.TITLE: "title",
    NameOID.ORGANIZATION_IDENTIFIER: "organizationIdentifier",
    NameOID.EMAIL_ADDRESS: "emailAddress",
    NameOID.DOMAIN_COMPONENT: "DC",
    NameOID.USER_ID: "UID",
    NameOID.PSEUDONYM: "pseudonym",
    NameOID.INITIALS: "initials",
    NameOID.GENERATION_QUALIFIER: "generationQualifier",
    NameOID.DN_QUALIFIER: "dnQualifier",
    NameOID.BUSINESS_CATEGORY: "businessCategory",
    NameOID.POSTAL_CODE: "postalCode",
}
_ESCAPE = re.compile(r'([,+"\\<>;])')


def attribute_name(oid: x509.ObjectIdentifier) -> str:
    return _ATTRIBUTE_NAMES.get(oid, oid.dotted_string)


def readable_name(name: x509.Name) -> str:
    """`CN=Jan test, serialNumber=900016528, givenName=Jan, …` in the certificate's own order
    (most specific first, as people read it), never `2.5.4.5=…`."""
    parts = []
    for rdn in reversed(name.rdns):
        parts.append("+".join(f"{attribute_name(a.oid)}={_escaped(a.value)}" for a in rdn))
    return ", ".join(parts)


def _escaped(value: object) -> str:
    return _ESCAPE.sub(r"\\\1", str(value))


def common_name(cert: x509.Certificate) -> str:
    """The subject's CN, else the whole readable subject: what a person calls a certificate."""
    found = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(found[0].value) if found else readable_name(cert.subject)


# UZI card types and role codes (UZI-register CPS; role = BIG-register profession code).
CARD_TYPE_WORDS = {
    "Z": ("zorgverlenerspas", "care provider card"),
    "N": ("medewerkerspas op naam", "employee card with name"),
    "M": ("medewerkerspas niet op naam", "employee card without name"),
    "S": ("servercertificaat", "server certificate"),
}
ROLE_WORDS = {
    "00": ("geen rol", "no role"),
    "01": ("arts", "physician"),
    "02": ("tandarts", "dentist"),
    "03": ("verloskundige", "midwife"),
    "04": ("fysiotherapeut", "physiotherapist"),
    "16": ("psychotherapeut", "psychotherapist"),
    "17": ("apotheker", "pharmacist"),
    "25": ("gezondheidszorgpsycholoog", "healthcare psychologist"),
    "30": ("verpleegkundige", "nurse"),
    "31": ("orthopedagoog-generalist", "orthopedagogue-generalist"),
    "81": ("physician assistant", "physician assistant"),
    "82": ("klinisch technoloog", "clinical technologist"),
}


def _pick(words: tuple[str, str], lang: str) -> str:
    return words[0] if lang == "nl" else words[1]


def card_type_words(card_type: str, lang: str) -> str:
    words = CARD_TYPE_WORDS.get(card_type)
    return f"{_pick(words, lang)} ({card_type})" if words else card_type


def role_words(role: str, lang: str) -> str:
    words = ROLE_WORDS.get(role[:2])
    return f"{_pick(words, lang)} ({role})" if words else role


def uzi_words(fields: dict[str, str], lang: str) -> str:
    """The UZI fields as a person reads them: card type and role in words."""
    nl = lang == "nl"
    parts = [
        ("UZI-nummer" if nl else "UZI number", fields["uzi_number"]),
        ("pastype" if nl else "card type", card_type_words(fields["card_type"], lang)),
        ("abonneenummer" if nl else "subscriber number", fields["subscriber_number"]),
        ("rol" if nl else "role", role_words(fields["role"], lang)),
        ("AGB-code" if nl else "AGB code", fields["agb"]),
        ("versie" if nl else "version", fields["version"]),
        ("OID CA", fields["oid_ca"]),
    ]
    return ", ".join(f"{name} {value}" for name, value in parts)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def format_day(day: date, lang: str) -> str:
    """12-7-2020 in Dutch text, 12 Jul 2020 in English text: unambiguous in both."""
    if lang == "nl":
        return f"{day.day}-{day.month}-{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def as_day(value: object) -> date | None:
    """A date, or an ISO date string (message parameters stay ISO for JSON and logs)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def day_count(days: int, lang: str) -> str:
    """'1 dag' / '2 dagen', '1 day' / '2 days'."""
    if lang == "nl":
        return f"{days} dag" if days == 1 else f"{days} dagen"
    return f"{days} day" if days == 1 else f"{days} days"


def days_left_words(expiry: date, today: date, lang: str) -> str:
    """'nog 1 dag', 'verloopt vandaag', 'verlopen sinds 12-7-2020' (and in English)."""
    days = (expiry - today).days
    if days > 0:
        count = day_count(days, lang)
        return f"nog {count}" if lang == "nl" else f"{count} left"
    if days == 0:
        return "verloopt vandaag" if lang == "nl" else "expires today"
    since = format_day(expiry, lang)
    return f"verlopen sinds {since}" if lang == "nl" else f"expired since {since}"

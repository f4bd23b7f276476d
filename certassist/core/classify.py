"""Map a certificate to a kind and environment using the profile data, and describe it."""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509
from cryptography.x509.oid import ExtensionOID, NameOID

from certassist.core.models import CertInfo, Classification, Environment, Kind, UziFields
from certassist.core.names import attribute_name
from certassist.core.profile_match import ENVIRONMENT_TESTS, Facts, matches
from certassist.core.profiles import Profile, default_profiles
from certassist.core.uzi import (
    OtherNames,
    UziFormatError,
    is_test_oid_ca,
    other_names,
    ura_number,
    uzi_fields,
)

__all__ = ["Facts", "classify", "describe", "probably_vecozo", "read_facts"]

# A certificate no profile knows, whose names say VECOZO: certassist asks which kind it is.
ASK_VECOZO_KIND = "vecozo-kind-unknown"
TEST_ISSUER_PREFIXES = ("TEST ", "ACCEPTATIE ")


def _values(name: x509.Name) -> dict[x509.ObjectIdentifier, list[str]]:
    """Every attribute value of a name by its OID, in one walk (not one walk per OID)."""
    found: dict[x509.ObjectIdentifier, list[str]] = {}
    for attribute in name:
        found.setdefault(attribute.oid, []).append(str(attribute.value))
    return found


def _first(values: dict[x509.ObjectIdentifier, list[str]], oid: x509.ObjectIdentifier) -> str:
    found = values.get(oid)
    return found[0] if found else ""


def _policies(cert: x509.Certificate) -> tuple[str, ...]:
    try:
        ext = cert.extensions.get_extension_for_oid(ExtensionOID.CERTIFICATE_POLICIES)
    except x509.ExtensionNotFound:
        return ()
    return tuple(p.policy_identifier.dotted_string for p in ext.value)  # type: ignore[attr-defined]


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def read_facts(cert: x509.Certificate, names: OtherNames | None = None) -> Facts:
    uzi: UziFields | None = None
    error: str | None = None
    try:
        uzi = uzi_fields(cert, names)
    except UziFormatError as exc:
        error = str(exc)
    issuer = _values(cert.issuer)
    subject = _values(cert.subject)
    return Facts(
        issuer_cn=_first(issuer, NameOID.COMMON_NAME),
        issuer_o=_first(issuer, NameOID.ORGANIZATION_NAME),
        subject_cn=_first(subject, NameOID.COMMON_NAME),
        subject_o=_first(subject, NameOID.ORGANIZATION_NAME),
        subject_ou=tuple(subject.get(NameOID.ORGANIZATIONAL_UNIT_NAME, ())),
        subject_attributes=frozenset(attribute_name(oid) for oid in subject),
        policy_oids=_policies(cert),
        is_ca=_is_ca(cert),
        uzi=uzi,
        uzi_error=error,
    )


def _environment(profile: Profile, facts: Facts) -> Environment:
    for rule in profile.environments:
        if any(ENVIRONMENT_TESTS[key](value, facts) for key, value in rule.tests):
            return rule.environment
    return profile.default_environment


def _uzi_notes(facts: Facts) -> list[str]:
    if facts.uzi_error:
        return ["uzi-othername-malformed"]
    if facts.uzi is None:
        return []
    notes = list(facts.uzi.problems)
    test_issuer = facts.issuer_cn.startswith(TEST_ISSUER_PREFIXES)
    if facts.issuer_o == "CIBG" and test_issuer != is_test_oid_ca(facts.uzi.oid_ca):
        notes.append("uzi-oid-ca-issuer")  # a TEST OID CA from a production CA, or the reverse
    return notes


def _notes(profile: Profile, facts: Facts) -> tuple[str, ...]:
    notes: list[str] = []
    if profile.made_up:
        notes.append("profile-made-up")
    notes += _uzi_notes(facts)
    policies = profile.expect.get("policy_oids", ())
    prefixes = profile.expect.get("policy_oid_prefixes", ())
    if (policies or prefixes) and not any(
        p in policies or p.startswith(prefixes) for p in facts.policy_oids
    ):
        notes.append("policy-oid-missing")
    expected_types = profile.expect.get("uzi_card_types")
    if expected_types and (facts.uzi is None or facts.uzi.card_type not in expected_types):
        notes.append("uzi-card-type-unexpected")
    return tuple(dict.fromkeys(notes))


def probably_vecozo(facts: Facts) -> bool:
    """Issuer or subject naming VECOZO (any case): worth asking which kind it is."""
    names = (facts.issuer_cn, facts.issuer_o, facts.subject_cn, facts.subject_o, *facts.subject_ou)
    return any("vecozo" in name.casefold() for name in names)


def classify(cert: x509.Certificate, profiles: Sequence[Profile] | None = None) -> Classification:
    names = other_names(cert)
    facts = read_facts(cert, names)
    ura = ura_number(cert, names)
    for profile in profiles if profiles is not None else default_profiles():
        if matches(profile.match, facts):
            holder = facts.subject_cn if profile.holder == "subject_cn" else facts.subject_o
            return Classification(
                kind=profile.kind,
                environment=_environment(profile, facts),
                profile_id=profile.id,
                holder=holder or None,
                organisation=facts.subject_o or None,
                uzi=facts.uzi,
                ura=ura,
                notes=_notes(profile, facts),
            )
    notes = _uzi_notes(facts)
    if probably_vecozo(facts):
        notes.append(ASK_VECOZO_KIND)
    return Classification(
        kind=Kind.OTHER,
        environment=Environment.PRODUCTION,
        profile_id="other",
        holder=facts.subject_cn or None,
        organisation=facts.subject_o or None,
        uzi=facts.uzi,
        ura=ura,
        notes=tuple(notes),
    )


def describe(cert: x509.Certificate, profiles: Sequence[Profile] | None = None) -> CertInfo:
    return CertInfo.from_cert(cert, classify(cert, profiles))

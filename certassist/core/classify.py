"""Map a certificate to a kind and environment using the profile data, and describe it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import ExtensionOID, NameOID

from certassist.core.models import CertInfo, Classification, Environment, Kind, UziFields
from certassist.core.profiles import Profile, default_profiles
from certassist.core.uzi import OtherNames, UziFormatError, other_names, ura_number, uzi_fields


@dataclass(frozen=True)
class Facts:
    """What profiles match on, read once from the certificate."""

    issuer_cn: str
    issuer_o: str
    subject_cn: str
    subject_o: str
    subject_ou: tuple[str, ...]
    policy_oids: tuple[str, ...]
    uzi: UziFields | None
    uzi_error: str | None


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
        policy_oids=_policies(cert),
        uzi=uzi,
        uzi_error=error,
    )


def _criterion_holds(key: str, wanted: tuple[str, ...], facts: Facts) -> bool:
    if key == "issuer_cn":
        return facts.issuer_cn in wanted
    if key == "issuer_o":
        return facts.issuer_o in wanted
    if key == "issuer_cn_regex":
        return any(re.fullmatch(p, facts.issuer_cn) for p in wanted)
    if key == "subject_ou":
        return any(ou in wanted for ou in facts.subject_ou)
    if key == "policy_oids":
        return any(oid in wanted for oid in facts.policy_oids)
    if key == "uzi_card_types":
        return facts.uzi is not None and facts.uzi.card_type in wanted
    if key == "oid_ca_prefixes":
        return facts.uzi is not None and facts.uzi.oid_ca.startswith(wanted)
    return False


def _matches(profile: Profile, facts: Facts) -> bool:
    for key, wanted in profile.match.items():  # a plain loop: all() over a generator costs
        if not _criterion_holds(key, wanted, facts):  # twice as much, 500 times per listing
            return False
    return True


def _environment(profile: Profile, facts: Facts) -> Environment:
    for rule in profile.environments:
        if rule.issuer_cn_prefix and facts.issuer_cn.startswith(rule.issuer_cn_prefix):
            return rule.environment
        if rule.issuer_cn_contains and rule.issuer_cn_contains in facts.issuer_cn:
            return rule.environment
        if rule.oid_ca_prefix and facts.uzi and facts.uzi.oid_ca.startswith(rule.oid_ca_prefix):
            return rule.environment
    return profile.default_environment


def _notes(profile: Profile, facts: Facts) -> tuple[str, ...]:
    notes: list[str] = []
    if profile.made_up:
        notes.append("profile-made-up")
    if facts.uzi_error:
        notes.append("uzi-othername-malformed")
    expected_policies = profile.expect.get("policy_oids")
    if expected_policies and not any(p in expected_policies for p in facts.policy_oids):
        notes.append("policy-oid-missing")
    expected_types = profile.expect.get("uzi_card_types")
    if expected_types and (facts.uzi is None or facts.uzi.card_type not in expected_types):
        notes.append("uzi-card-type-unexpected")
    return tuple(notes)


def classify(cert: x509.Certificate, profiles: Sequence[Profile] | None = None) -> Classification:
    names = other_names(cert)
    facts = read_facts(cert, names)
    ura = ura_number(cert, names)
    for profile in profiles if profiles is not None else default_profiles():
        if _matches(profile, facts):
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
    notes = ("uzi-othername-malformed",) if facts.uzi_error else ()
    return Classification(
        kind=Kind.OTHER,
        environment=Environment.PRODUCTION,
        profile_id="other",
        holder=facts.subject_cn or None,
        organisation=facts.subject_o or None,
        uzi=facts.uzi,
        ura=ura,
        notes=notes,
    )


def describe(cert: x509.Certificate, profiles: Sequence[Profile] | None = None) -> CertInfo:
    return CertInfo.from_cert(cert, classify(cert, profiles))

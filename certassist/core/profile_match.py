"""What a profile can ask of a certificate: one table from key to test.

A profile file's `[profile.match]` keys and `[[profile.environment]]` keys are exactly the keys
of these tables; the loader rejects any other key (a typo would silently misclassify), and the
classifier looks each key up here. Adding a criterion is adding one line to a table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from certassist.core.models import UziFields


@dataclass(frozen=True)
class Facts:
    """What profiles match on, read once from the certificate."""

    issuer_cn: str
    issuer_o: str
    subject_cn: str
    subject_o: str
    subject_ou: tuple[str, ...]
    subject_attributes: frozenset[str]  # attribute names present: "givenName", "title", ...
    policy_oids: tuple[str, ...]
    is_ca: bool
    uzi: UziFields | None
    uzi_error: str | None


Test = Callable[[tuple[str, ...], Facts], bool]


def _oid_ca(facts: Facts) -> str:
    return facts.uzi.oid_ca if facts.uzi is not None else ""


# [profile.match] key -> does the certificate meet it? (a list means "any of these")
MATCHERS: Mapping[str, Test] = {
    "issuer_cn": lambda wanted, f: f.issuer_cn in wanted,
    "issuer_cn_prefix": lambda wanted, f: f.issuer_cn.startswith(wanted),
    "issuer_o": lambda wanted, f: f.issuer_o in wanted,
    "issuer_cn_regex": lambda wanted, f: any(re.fullmatch(p, f.issuer_cn) for p in wanted),
    "subject_ou": lambda wanted, f: any(ou in wanted for ou in f.subject_ou),
    # every attribute listed is present (learned profiles: what tells personal from system)
    "subject_has": lambda wanted, f: all(name in f.subject_attributes for name in wanted),
    "subject_lacks": lambda wanted, f: not any(name in f.subject_attributes for name in wanted),
    "policy_oids": lambda wanted, f: any(oid in wanted for oid in f.policy_oids),
    "uzi_card_types": lambda wanted, f: f.uzi is not None and f.uzi.card_type in wanted,
    "oid_ca_prefixes": lambda wanted, f: f.uzi is not None and f.uzi.oid_ca.startswith(wanted),
    "is_ca": lambda wanted, f: ("true" if f.is_ca else "false") in wanted,
}

# [[profile.environment]] key -> does this rule hold? (the value is one string)
ENVIRONMENT_TESTS: Mapping[str, Callable[[str, Facts], bool]] = {
    "issuer_cn_prefix": lambda value, f: f.issuer_cn.startswith(value),
    "issuer_cn_contains": lambda value, f: value in f.issuer_cn,
    "subject_cn_prefix": lambda value, f: f.subject_cn.startswith(value),
    "oid_ca_prefix": lambda value, f: _oid_ca(f).startswith(value) if f.uzi else False,
}

MATCH_KEYS = frozenset(MATCHERS)
ENV_KEYS = frozenset(ENVIRONMENT_TESTS) | {"environment"}


def matches(match: Mapping[str, tuple[str, ...]], facts: Facts) -> bool:
    for key, wanted in match.items():  # a plain loop: all() over a generator costs
        if not MATCHERS[key](wanted, facts):  # twice as much, 500 times per listing
            return False
    return True

"""Certificate profiles as data (`resources/profiles/kinds/*.toml`).

Adding the real VECOZO profile, or a new UZI issuer generation, is a data change: drop a file in
that folder. Files are validated strictly on load (unknown keys are typos, and a typo in a
profile would silently misclassify certificates).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from certassist.core.errors import CertassistError
from certassist.core.models import Environment, Kind
from certassist.core.resources import read_toml, resources_dir

MATCH_KEYS = frozenset(
    {
        "issuer_cn",
        "issuer_o",
        "issuer_cn_regex",
        "subject_ou",
        "policy_oids",
        "uzi_card_types",
        "oid_ca_prefixes",
    }
)
EXPECT_KEYS = frozenset({"policy_oids", "uzi_card_types"})
ENV_KEYS = frozenset({"issuer_cn_prefix", "issuer_cn_contains", "oid_ca_prefix", "environment"})
PROFILE_KEYS = frozenset(
    {
        "id",
        "kind",
        "priority",
        "holder",
        "source",
        "made_up",
        "match",
        "expect",
        "environment",
        "default_environment",
    }
)
HOLDER_SOURCES = frozenset({"subject_cn", "subject_o"})


@dataclass(frozen=True)
class EnvironmentRule:
    environment: Environment
    issuer_cn_prefix: str | None = None
    issuer_cn_contains: str | None = None
    oid_ca_prefix: str | None = None


@dataclass(frozen=True)
class Profile:
    id: str
    kind: Kind
    priority: int
    holder: str
    made_up: bool
    source: str
    match: dict[str, tuple[str, ...]]
    expect: dict[str, tuple[str, ...]]
    environments: tuple[EnvironmentRule, ...]
    default_environment: Environment
    file: str


def _bad(file: Path, detail: str) -> CertassistError:
    return CertassistError("E-profile-invalid", file=file.name, detail=detail)


def _strings(file: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _bad(file, f"{key} must be a string or a list of strings")


def _section(
    file: Path, raw: Any, allowed: frozenset[str], name: str
) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise _bad(file, f"{name} must be a table")
    unknown = set(raw) - allowed
    if unknown:
        raise _bad(file, f"unknown keys in {name}: {sorted(unknown)}")
    return {key: _strings(file, key, value) for key, value in raw.items()}


def _environment_rule(file: Path, raw: Any) -> EnvironmentRule:
    if not isinstance(raw, dict) or set(raw) - ENV_KEYS or "environment" not in raw:
        raise _bad(file, f"bad environment rule: {raw!r}")
    try:
        env = Environment(raw["environment"])
    except ValueError as exc:
        raise _bad(file, f"unknown environment {raw['environment']!r}") from exc
    return EnvironmentRule(
        env, raw.get("issuer_cn_prefix"), raw.get("issuer_cn_contains"), raw.get("oid_ca_prefix")
    )


def _profile(file: Path, raw: Any) -> Profile:
    if not isinstance(raw, dict):
        raise _bad(file, "each [[profile]] must be a table")
    unknown = set(raw) - PROFILE_KEYS
    if unknown:
        raise _bad(file, f"unknown keys: {sorted(unknown)}")
    for required in ("id", "kind", "match"):
        if required not in raw:
            raise _bad(file, f"missing {required}")
    try:
        kind = Kind(raw["kind"])
        default_env = Environment(raw.get("default_environment", "production"))
    except ValueError as exc:
        raise _bad(file, str(exc)) from exc
    holder = raw.get("holder", "subject_cn")
    if holder not in HOLDER_SOURCES:
        raise _bad(file, f"holder must be one of {sorted(HOLDER_SOURCES)}")
    match = _section(file, raw["match"], MATCH_KEYS, "match")
    if not match:
        raise _bad(file, "match must have at least one criterion")
    return Profile(
        id=str(raw["id"]),
        kind=kind,
        priority=int(raw.get("priority", 50)),
        holder=holder,
        made_up=bool(raw.get("made_up", False)),
        source=str(raw.get("source", "")),
        match=match,
        expect=_section(file, raw.get("expect", {}), EXPECT_KEYS, "expect"),
        environments=tuple(_environment_rule(file, r) for r in raw.get("environment", [])),
        default_environment=default_env,
        file=file.name,
    )


def load_profiles(directory: Path) -> tuple[Profile, ...]:
    profiles: list[Profile] = []
    for file in sorted(directory.glob("*.toml")):
        try:
            data = read_toml(file)
        except (ValueError, UnicodeDecodeError) as exc:  # tomllib.TOMLDecodeError included
            raise _bad(file, str(exc)) from exc
        profiles.extend(_profile(file, raw) for raw in data.get("profile", []))
    ids = [p.id for p in profiles]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CertassistError(
            "E-profile-invalid", file=directory.name, detail=f"duplicate ids {duplicates}"
        )
    return tuple(sorted(profiles, key=lambda p: (p.priority, p.id)))


@cache
def default_profiles() -> tuple[Profile, ...]:
    return load_profiles(resources_dir() / "profiles" / "kinds")

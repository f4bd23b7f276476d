"""Certificate profiles as data: shipped ones and local ones, in one TOML format.

Shipped profiles live in `resources/profiles/kinds/*.toml`. Local profiles live in a `profiles`
folder of the practice's configuration folder (IT support drops a file there for every PC) and
of the user's own configuration folder (where certassist keeps what the user answered to "which
kind is this?"). Files are validated strictly on load (unknown keys are typos, and a typo in a
profile would silently misclassify certificates). A broken shipped file is a broken
installation and raises; a broken local file is skipped with an error naming file and line,
and every other profile still works.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from certassist.core.errors import CertassistError
from certassist.core.models import Environment, Kind
from certassist.core.profile_match import ENV_KEYS, MATCH_KEYS
from certassist.core.resources import resources_dir

EXPECT_KEYS = frozenset({"policy_oids", "policy_oid_prefixes", "uzi_card_types"})
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
PROFILES_FOLDER = "profiles"


@dataclass(frozen=True)
class EnvironmentRule:
    """`tests` are (key, value) pairs of `profile_match.ENVIRONMENT_TESTS`; any one holding
    decides the environment."""

    environment: Environment
    tests: tuple[tuple[str, str], ...] = ()


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


class _Where:
    """Line numbers in a profile file, so an error can say where the problem is."""

    def __init__(self, file: Path, text: str) -> None:
        self.file = file
        self.lines = text.splitlines()
        self.headers = [i + 1 for i, line in enumerate(self.lines) if line.strip() == "[[profile]]"]

    def profile(self, index: int) -> int:
        return self.headers[index] if index < len(self.headers) else 1

    def key(self, index: int, key: str) -> int:
        start = self.profile(index)
        end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines) + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start

    def bad(self, line: int, detail: str) -> CertassistError:
        return CertassistError("E-profile-invalid", file=str(self.file), line=line, detail=detail)


def _strings(where: _Where, index: int, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise where.bad(where.key(index, key), f"{key} must be a string or a list of strings")


def _section(
    where: _Where, index: int, raw: Any, allowed: frozenset[str], name: str
) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise where.bad(where.key(index, name), f"{name} must be a table")
    for key in raw:
        if key not in allowed:
            raise where.bad(where.key(index, key), f"unknown key {key!r} in {name}")
    return {key: _strings(where, index, key, value) for key, value in raw.items()}


def _environment_rule(where: _Where, index: int, raw: Any) -> EnvironmentRule:
    line = where.key(index, "environment")
    if not isinstance(raw, dict) or "environment" not in raw:
        raise where.bad(line, f"bad environment rule: {raw!r}")
    unknown = sorted(set(raw) - ENV_KEYS)
    if unknown:
        raise where.bad(where.key(index, unknown[0]), f"unknown key {unknown[0]!r}")
    try:
        env = Environment(raw["environment"])
    except ValueError as exc:
        raise where.bad(line, f"unknown environment {raw['environment']!r}") from exc
    tests = tuple((k, str(v)) for k, v in raw.items() if k != "environment")
    return EnvironmentRule(env, tests)


def _profile(where: _Where, index: int, raw: Any) -> Profile:
    start = where.profile(index)
    if not isinstance(raw, dict):
        raise where.bad(start, "each [[profile]] must be a table")
    for key in raw:
        if key not in PROFILE_KEYS:
            raise where.bad(where.key(index, key), f"unknown key {key!r}")
    for required in ("id", "kind", "match"):
        if required not in raw:
            raise where.bad(start, f"missing {required}")
    try:
        kind = Kind(raw["kind"])
    except ValueError as exc:
        raise where.bad(where.key(index, "kind"), f"unknown kind {raw['kind']!r}") from exc
    try:
        default_env = Environment(raw.get("default_environment", "production"))
    except ValueError as exc:
        raise where.bad(where.key(index, "default_environment"), str(exc)) from exc
    holder = raw.get("holder", "subject_cn")
    if holder not in HOLDER_SOURCES:
        raise where.bad(
            where.key(index, "holder"), f"holder must be one of {sorted(HOLDER_SOURCES)}"
        )
    match = _section(where, index, raw["match"], MATCH_KEYS, "match")
    if not match:
        raise where.bad(start, "match must have at least one criterion")
    rules = raw.get("environment", [])
    return Profile(
        id=str(raw["id"]),
        kind=kind,
        priority=int(raw.get("priority", 50)),
        holder=holder,
        made_up=bool(raw.get("made_up", False)),
        source=str(raw.get("source", "")),
        match=match,
        expect=_section(where, index, raw.get("expect", {}), EXPECT_KEYS, "expect"),
        environments=tuple(_environment_rule(where, index, r) for r in rules),
        default_environment=default_env,
        file=where.file.name,
    )


def _toml_line(exc: ValueError) -> int:
    found = re.search(r"line (\d+)", str(exc))
    return int(found.group(1)) if found else 1


def load_profile_file(file: Path) -> tuple[Profile, ...]:
    """Every profile of one file; E-profile-invalid (file and line) when anything is wrong."""
    import tomllib

    try:
        text = file.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise CertassistError(
            "E-profile-invalid", file=str(file), line=1, detail="not UTF-8 text"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        detail = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise CertassistError(
            "E-profile-invalid", file=str(file), line=_toml_line(exc), detail=detail
        ) from exc
    where = _Where(file, text)
    raw = data.get("profile", [])
    if not isinstance(raw, list):
        raise where.bad(1, "profile must be an array of tables ([[profile]])")
    return tuple(_profile(where, i, r) for i, r in enumerate(raw))


def _sorted(profiles: Sequence[Profile]) -> tuple[Profile, ...]:
    return tuple(sorted(profiles, key=lambda p: (p.priority, p.id)))


def load_profiles(directory: Path) -> tuple[Profile, ...]:
    """Every profile of a folder, strictly: the first broken file raises."""
    profiles: list[Profile] = []
    for file in sorted(directory.glob("*.toml")):
        profiles.extend(load_profile_file(file))
    ids = [p.id for p in profiles]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CertassistError(
            "E-profile-invalid", file=str(directory), line=1, detail=f"duplicate ids {duplicates}"
        )
    return _sorted(profiles)


def shipped_dir() -> Path:
    return resources_dir() / PROFILES_FOLDER / "kinds"


def practice_profiles_dir() -> Path:
    """The practice's folder (all users of this PC): where IT support drops profile files.
    Windows: C:\\ProgramData\\certassist\\profiles; Linux: /etc/xdg/certassist/profiles."""
    from platformdirs import site_config_dir

    return Path(site_config_dir("certassist", appauthor=False)) / PROFILES_FOLDER


_user_folder: Path | None = None  # chosen by the caller (the demo's own folder), else the user's


def use_user_profiles_dir(folder: Path | None) -> Path | None:
    """Keep (and read) this user's answers in `folder` from now on (None: the user's
    configuration folder again); returns the previous choice. `certassist --demo` passes the
    demo's folder, so a kind answered in the demo stays there."""
    global _user_folder
    previous, _user_folder = _user_folder, folder
    return previous


def user_profiles_dir() -> Path:
    """This user's folder: the answers to "which kind is this?" are kept here."""
    if _user_folder is not None:
        return _user_folder
    from platformdirs import user_config_dir

    return Path(user_config_dir("certassist", appauthor=False)) / PROFILES_FOLDER


@dataclass(frozen=True)
class ProfileSet:
    profiles: tuple[Profile, ...]
    problems: tuple[CertassistError, ...]  # local files that were skipped, with file and line


def _signature(directory: Path) -> tuple[tuple[str, int, int], ...]:
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return ()
    found: list[tuple[str, int, int]] = []
    for entry in entries:
        if entry.name.endswith(".toml"):
            try:
                facts = entry.stat()
            except OSError:
                continue
            found.append((entry.path, facts.st_size, facts.st_mtime_ns))
    return tuple(found)


@cache
def _shipped() -> tuple[Profile, ...]:
    return load_profiles(shipped_dir())


@cache
def _combined(local: tuple[tuple[tuple[str, int, int], ...], ...]) -> ProfileSet:
    shipped = _shipped()
    profiles = list(shipped)
    problems: list[CertassistError] = []
    taken = {p.id: p.file for p in shipped}
    for signature in local:
        for path, _size, _mtime in signature:
            file = Path(path)
            try:
                found = load_profile_file(file)
            except CertassistError as exc:
                problems.append(CertassistError("E-profile-local-invalid", **exc.params))
                continue
            clash = next((p for p in found if p.id in taken), None)
            if clash is not None:
                problems.append(
                    CertassistError(
                        "E-profile-local-invalid",
                        file=path,
                        line=1,
                        detail=f"id {clash.id!r} is already used in {taken[clash.id]}",
                    )  # fmt: skip
                )
                continue
            taken.update((p.id, file.name) for p in found)
            profiles.extend(found)
    return ProfileSet(_sorted(profiles), tuple(problems))


def profile_set() -> ProfileSet:
    """Shipped + practice + user profiles; re-read when a local file appears or changes."""
    local = (_signature(practice_profiles_dir()), _signature(user_profiles_dir()))
    return _combined(local)


def default_profiles() -> tuple[Profile, ...]:
    return profile_set().profiles


def profile_problems() -> tuple[CertassistError, ...]:
    return profile_set().problems

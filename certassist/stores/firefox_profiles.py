"""Find Firefox profiles the way Firefox does: `profiles.ini` plus `installs.ini` per root.

A PC can hold several roots (classic, XDG, snap, flatpak) and several installs (Firefox and
Firefox ESR), each with its own default profile. installs.ini is what current Firefox reads to
pick the profile it opens, so its default wins over the older `Default=1` marker.
"""

from __future__ import annotations

import configparser
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from certassist.core.errors import CertassistError
from certassist.stores.firefox_lock import running_error
from certassist.stores.hostplatform import Platform


@dataclass(frozen=True)
class FirefoxRoot:
    """A folder holding profiles.ini; `flavour` tells the user which Firefox it belongs to."""

    path: Path
    flavour: str  # "standard", "snap", "flatpak"


@dataclass(frozen=True)
class FirefoxProfile:
    name: str
    path: Path
    root: FirefoxRoot
    is_default: bool = False

    @property
    def store_id(self) -> str:
        return f"firefox:{self.path}"

    def busy_error(self) -> CertassistError | None:
        """`E-firefox-running` while Firefox has this profile open (NSS must not touch it then)."""
        return running_error(self.path, self.name)


def firefox_roots(platform: Platform) -> list[FirefoxRoot]:
    """Candidate roots for this OS, existing or not (callers skip missing ones)."""
    home = platform.home
    if platform.system == "windows":
        appdata = platform.env_path("APPDATA", "AppData", "Roaming")
        return [FirefoxRoot(appdata / "Mozilla" / "Firefox", "standard")]
    if platform.system == "darwin":
        base = home / "Library" / "Application Support" / "Firefox"
        return [FirefoxRoot(base, "standard")]
    config = platform.env_path("XDG_CONFIG_HOME", ".config")
    return [
        FirefoxRoot(home / ".mozilla" / "firefox", "standard"),  # also firefox-esr
        FirefoxRoot(config / "mozilla" / "firefox", "standard"),  # Firefox 147+ (XDG) on Linux
        FirefoxRoot(home / "snap" / "firefox" / "common" / ".mozilla" / "firefox", "snap"),
        FirefoxRoot(
            home / ".var" / "app" / "org.mozilla.firefox" / ".mozilla" / "firefox", "flatpak"
        ),
    ]


def read_ini(path: Path) -> configparser.ConfigParser:
    """Case-preserving and forgiving: a BOM, CRLF, duplicate keys or junk lines do not stop us."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return parser
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error:
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read_string(_salvage(text), source=str(path))
    return parser


def _salvage(text: str) -> str:
    """Keep section headers and key=value lines only (a hand-edited file can hold anything)."""
    kept = [
        line
        for line in text.splitlines()
        if line.strip().startswith("[") and line.strip().endswith("]") or "=" in line
    ]
    first = next((i for i, line in enumerate(kept) if line.strip().startswith("[")), len(kept))
    return "\n".join(kept[first:]) + "\n"


def _resolve(platform: Platform, root: Path, value: str, is_relative: bool) -> Path:
    return platform.relative(root, value) if is_relative else platform.path(value)


def _install_defaults(platform: Platform, root: Path) -> set[Path]:
    """Default profile per install: installs.ini first, else profiles.ini's [Install…] sections."""
    defaults: set[Path] = set()
    installs = read_ini(root / "installs.ini")
    for section in installs.sections():
        value = installs.get(section, "Default", fallback="")
        if value:
            defaults.add(_resolve(platform, root, value, not _looks_absolute(platform, value)))
    if defaults:
        return defaults
    profiles = read_ini(root / "profiles.ini")
    for section in profiles.sections():
        if section.startswith("Install"):
            value = profiles.get(section, "Default", fallback="")
            if value:
                defaults.add(_resolve(platform, root, value, not _looks_absolute(platform, value)))
    return defaults


def _looks_absolute(platform: Platform, value: str) -> bool:
    if platform.system == "windows":
        return (len(value) > 2 and value[1] == ":") or value.startswith("\\\\")
    return value.startswith("/")


def profiles_in_root(platform: Platform, root: FirefoxRoot) -> list[FirefoxProfile]:
    ini = read_ini(root.path / "profiles.ini")
    found: list[tuple[str, Path, bool]] = []
    for section in ini.sections():
        if not section.startswith("Profile"):
            continue
        value = ini.get(section, "Path", fallback="").strip()
        if not value:
            continue
        is_relative = ini.get(section, "IsRelative", fallback="1").strip() != "0"
        path = _resolve(platform, root.path, value, is_relative)
        name = ini.get(section, "Name", fallback="") or path.name
        marked = ini.get(section, "Default", fallback="0").strip() == "1"
        found.append((name, path, marked))
    defaults = _install_defaults(platform, root.path)
    result = []
    for name, path, marked in found:
        is_default = path in defaults if defaults else marked
        result.append(FirefoxProfile(name, path, root, is_default))
    return result


def discover_profiles(
    platform: Platform, roots: Iterable[FirefoxRoot] | None = None
) -> list[FirefoxProfile]:
    """Every profile of every root that exists; default profiles first, then by name."""
    profiles: list[FirefoxProfile] = []
    seen: set[Path] = set()
    for root in firefox_roots(platform) if roots is None else roots:
        if not (root.path / "profiles.ini").is_file():
            continue
        for profile in profiles_in_root(platform, root):
            if profile.path in seen:
                continue
            seen.add(profile.path)
            profiles.append(profile)
    return sorted(profiles, key=lambda p: (not p.is_default, p.name.casefold(), str(p.path)))

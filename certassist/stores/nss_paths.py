"""Where NSS lives: Debian's libraries on Linux, Firefox's nss3.dll on Windows.

Pure path logic (no loading), so the Windows rules are tested on Linux with a faked
environment and registry answers; only `read_registry_install_dirs` touches the real registry.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

LINUX_LIBRARIES: tuple[str, ...] = ("libnspr4.so", "libnssutil3.so", "libnss3.so", "libsmime3.so")
MAC_LIBRARIES: tuple[str, ...] = ("libnss3.dylib",)
# Firefox folds NSPR, nssutil and smime into nss3.dll; older installs still ship them apart.
WINDOWS_LIBRARIES: tuple[str, ...] = ("nss3.dll",)
WINDOWS_OPTIONAL = ("nspr4.dll", "nssutil3.dll", "smime3.dll")
FIREFOX_REGISTRY_PRODUCTS = ("Mozilla Firefox", "Mozilla Firefox ESR")


def windows_firefox_dirs(
    registry_install_dirs: Iterable[str], environ: Mapping[str, str]
) -> list[Path]:
    """Candidate Firefox folders on Windows, best first, without duplicates.

    The registry's `Install Directory` values come first (what the installer recorded), then
    the usual Program Files locations and a per-user install under LOCALAPPDATA.
    """
    candidates = [Path(d) for d in registry_install_dirs if d]
    for var, sub in (
        ("ProgramFiles", "Mozilla Firefox"),
        ("ProgramW6432", "Mozilla Firefox"),
        ("ProgramFiles(x86)", "Mozilla Firefox"),
        ("LOCALAPPDATA", "Mozilla Firefox"),
    ):
        base = environ.get(var)
        if base:
            candidates.append(Path(base) / sub)
    seen: set[str] = set()
    result: list[Path] = []
    for path in candidates:
        key = str(path).lower()
        if key not in seen:
            seen.add(key)
            result.append(path)
    return result


def read_registry_install_dirs() -> list[str]:  # pragma: no cover - Windows only
    """`HKLM|HKCU\\SOFTWARE\\[WOW6432Node\\]Mozilla\\<product>\\<ver>\\Main\\Install Directory`."""
    if sys.platform != "win32":
        return []
    import winreg

    found: list[str] = []
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        for prefix in ("SOFTWARE\\Mozilla", "SOFTWARE\\WOW6432Node\\Mozilla"):
            for product in FIREFOX_REGISTRY_PRODUCTS:
                try:
                    root = winreg.OpenKey(hive, f"{prefix}\\{product}")
                except OSError:
                    continue
                with root:
                    index = 0
                    while True:
                        try:
                            version = winreg.EnumKey(root, index)
                        except OSError:
                            break
                        index += 1
                        try:
                            with winreg.OpenKey(root, f"{version}\\Main") as main:
                                value, _ = winreg.QueryValueEx(main, "Install Directory")
                        except OSError:
                            continue
                        if isinstance(value, str):
                            found.append(value)
    return found


def library_candidates(
    platform: str, environ: Mapping[str, str], registry_dirs: Iterable[str] = ()
) -> list[tuple[Path | None, tuple[str, ...]]]:
    """(folder or None for the loader's own search, files to load in order) per candidate.

    `CERTASSIST_NSS_DIR` wins when set, so a portable Firefox or a test can point elsewhere.
    """
    override = environ.get("CERTASSIST_NSS_DIR")
    if platform == "win32":
        names = WINDOWS_LIBRARIES
        dirs = [Path(override)] if override else windows_firefox_dirs(registry_dirs, environ)
        return [(d, names) for d in dirs]
    names = MAC_LIBRARIES if platform == "darwin" else LINUX_LIBRARIES
    if override:
        return [(Path(override), names)]
    return [(None, names)]

"""Let Firefox use the Windows certificate store: `security.osclientcerts.autoload`.

With that preference Firefox loads the OS client-certificate module, so a certificate in
CurrentUser\\MY also works in Firefox without a copy in the profile. We set it in `user.js`
(Firefox applies user.js on every start, so the setting survives), keeping every other line.
"""

from __future__ import annotations

import re
from pathlib import Path

from certassist.core.fileio import atomic_write_bytes

OSCLIENTCERTS_PREF = "security.osclientcerts.autoload"

_PREF_LINE = re.compile(
    r"""^\s*user_pref\(\s*["'](?P<name>[^"']+)["']\s*,\s*(?P<value>[^)]*?)\s*\)\s*;?\s*$"""
)


def read_pref(path: Path, name: str) -> str | None:
    """The raw value (`true`, `"text"`, `42`) of the last `user_pref(name, …)` in a prefs file."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    value = None
    for line in text.splitlines():
        match = _PREF_LINE.match(line)
        if match and match.group("name") == name:
            value = match.group("value")
    return value


def osclientcerts_enabled(profile_dir: Path) -> bool | None:
    """True/False when the profile sets it; None when Firefox's own default applies.

    user.js wins over prefs.js because Firefox applies it last at start-up.
    """
    for name in ("user.js", "prefs.js"):
        value = read_pref(profile_dir / name, OSCLIENTCERTS_PREF)
        if value is not None:
            return value.strip().lower() == "true"
    return None


def set_user_pref(profile_dir: Path, name: str, literal: str) -> Path:
    """Set `name` to the JS literal `literal` in user.js: replace its lines, keep all others.

    Written atomically (temp file in the same folder, fsync, rename), so a crash leaves either
    the old or the new file, never half of one.
    """
    path = profile_dir / "user.js"
    try:
        old = path.read_text(encoding="utf-8")
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        old, mode = "", 0o600
    new_line = f'user_pref("{name}", {literal});'
    lines = old.splitlines()
    kept: list[str] = []
    placed = False
    for line in lines:
        match = _PREF_LINE.match(line)
        if match and match.group("name") == name:
            if not placed:
                kept.append(new_line)
                placed = True
            continue
        kept.append(line)
    if not placed:
        kept.append(new_line)
    atomic_write_bytes(path, ("\n".join(kept) + "\n").encode("utf-8"), mode=mode)
    return path


def enable_osclientcerts(profile_dir: Path) -> Path:
    return set_user_pref(profile_dir, OSCLIENTCERTS_PREF, "true")

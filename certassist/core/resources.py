"""Where the data files (profiles, messages, translations) are, and reading them quickly.

The data ships inside the package as `certassist/resources` (setup.py copies the repository's
top-level `resources/` there and compiles the translations; build.spec collects it to the same
place), and is found with importlib.resources, the same in an installed wheel and in a frozen
PyInstaller folder. Searched in order: $CERTASSIST_RESOURCES, the package's own data, and the
top-level `resources/` of a source checkout (an editable install or PYTHONPATH).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any


def _shipped() -> Path | None:
    """`certassist/resources` as a real folder (wheel, frozen), or None (a checkout, a zip)."""
    from importlib.resources import files

    shipped = files("certassist") / "resources"
    return shipped if isinstance(shipped, Path) else None


@cache
def resources_dir() -> Path:
    override = os.environ.get("CERTASSIST_RESOURCES")
    candidates = [Path(override)] if override else []
    shipped = _shipped()
    if shipped is not None:
        candidates.append(shipped)
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    for candidate in candidates:
        if (candidate / "messages").is_dir():
            return candidate
    raise FileNotFoundError("certassist resources not found; set CERTASSIST_RESOURCES")


def read_toml(path: Path) -> dict[str, Any]:
    """A shipped TOML file, from a JSON copy in the user's cache while the file is unchanged.

    Parsing the catalogs with tomllib costs about 25 ms per start, a tenth of a CLI command;
    loading the JSON copies costs about 2 ms. A copy is named after the file's path, size and
    modification time (what Python's own bytecode cache trusts), so an edited or updated file
    is parsed again, and a cache that cannot be written is simply skipped. Malformed TOML
    raises tomllib.TOMLDecodeError (a ValueError) as before.
    """
    import hashlib  # here, not at the top: the GUI's first page reads no TOML
    import json

    facts = path.stat()
    key = f"{path.resolve()}\0{facts.st_size}\0{facts.st_mtime_ns}".encode()
    cached = cache_dir() / f"toml-{hashlib.sha256(key).hexdigest()[:32]}.json"
    try:
        loaded: dict[str, Any] = json.loads(cached.read_bytes())
        return loaded
    except (OSError, ValueError):
        pass
    import tomllib  # only on a cache miss: the usual start needs no TOML parser

    from certassist.core.fileio import atomic_write_bytes

    parsed = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        encoded = json.dumps(parsed, ensure_ascii=False).encode("utf-8")
    except TypeError:
        return parsed  # dates and times have no JSON form: parse this file every time
    try:
        # A chosen folder (the demo's) is used, never made: a demo that ends with an error
        # before its folder exists leaves nothing behind.
        cached.parent.mkdir(parents=_cache_folder is None, exist_ok=True)
        atomic_write_bytes(cached, encoded, mode=0o644)
    except OSError:
        pass  # a read-only or full disk: parse again next time
    return parsed


_cache_folder: Path | None = None  # chosen by the caller (the demo's own folder), else the user's


def use_cache_dir(folder: Path | None) -> Path | None:
    """Keep the cache in `folder` from now on (None: the user's cache again); returns the
    previous choice. `certassist --demo` passes the demo's folder: the demo writes nowhere else."""
    global _cache_folder
    previous, _cache_folder = _cache_folder, folder
    return previous


def cache_dir() -> Path:
    """certassist's folder in the user's cache (what can be made again from shipped files),
    or the folder given to `use_cache_dir`."""
    if _cache_folder is not None:
        return _cache_folder
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("certassist", appauthor=False))

"""Firefox profiles and NSS databases as IT support finds them on a practice PC, for the tests
that drive the real `certassist` process (real `certutil`/`pk12util` databases)."""

from __future__ import annotations

from pathlib import Path

from tests.pki import Bundle, pfx
from tests.stores.nss_oracle import make_db, pk12_import

ANNA = "Anna de Vries"
BRAM = "Bram Jansen"
PASSWORD = "Vijf-Groene-Appels-2026"
PRIMARY = "Hoofd-Wachtwoord-2026"


def firefox_profile(home: Path, name: str, password: str | None = None) -> Path:
    """A Firefox profile as Firefox leaves it: listed in profiles.ini, with its NSS database."""
    root = home / ".mozilla" / "firefox"
    root.mkdir(parents=True, exist_ok=True)
    ini = root / "profiles.ini"
    text = ini.read_text() if ini.exists() else "[General]\nStartWithLastProfile=1\n"
    n = text.count("[Profile")
    ini.write_text(
        text + f"\n[Profile{n}]\nName={name}\nIsRelative=1\nPath=p.{name}\n"
        f"Default={1 if n == 0 else 0}\n"
    )
    return make_db(root / f"p.{name}", password)


def holding(db: Path, bundle: Bundle, password_file: Path | None = None) -> None:
    """Put a certificate with its key in `db` the way Firefox's Import button does."""
    pk12_import(db, pfx(bundle, "p12-wachtwoord"), "p12-wachtwoord", password_file)


def pfx_file(folder: Path, bundle: Bundle, name: str) -> Path:
    path = folder / name
    path.write_bytes(pfx(bundle, PASSWORD))
    return path

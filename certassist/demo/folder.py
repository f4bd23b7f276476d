"""The demo's own folder: a sandbox that keeps its word between commands.

Why a folder and not memory: `certassist --demo list --json` prints fingerprints a trainer then
types into `--demo backup`, `copy` or `remove`, each a new process. So the made-up certificates
are made once, on first use, and kept as files in the demo folder; every later command reads the
same certificates (the same fingerprints) and sees what the previous one changed. Everything the
demo writes — its stores, its practice settings, its audit log and install records, its UZI
requests, the backups a user makes — stays inside this folder; a path outside it is refused.
Delete the folder to start over (its LEESMIJ says so).

The certificates are kept as PFX files protected with the demo's printed password: they are made
up (VERZONNEN) and protect nothing, but no key lies around unprotected either.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.serialization import pkcs12

from certassist.core.errors import CertassistError
from certassist.core.fileio import atomic_write_bytes
from certassist.core.models import Bundle, StoreEntry
from certassist.stores.fake import FakeStore

DEMO_DIR_ENV = "CERTASSIST_DEMO_DIR"  # another folder for the demo (tests, a training room)
DEMO_DAY_ENV = "CERTASSIST_DEMO_DAY"  # the day a new sandbox is made on (tests), else today
MARKER = "sandbox.json"  # written last: a half-made sandbox is made again
STORES_DIR = "stores"
CACHE_DIR = "cache"
PROFILES_DIR = "profiles"
SETTINGS_FILE = "praktijkinstellingen.json"
_KDF_ROUNDS = 2048  # made-up keys: reading them fast matters more than the file's strength


def demo_dir() -> Path:
    """The demo's folder: `CERTASSIST_DEMO_DIR`, or `demo` in certassist's data folder."""
    chosen = os.environ.get(DEMO_DIR_ENV)
    if chosen:
        return Path(chosen)
    from certassist.core.fileio import data_dir

    return data_dir() / "demo"


def demo_day() -> date | None:
    """The day `CERTASSIST_DEMO_DAY` names (yyyy-mm-dd), for a new sandbox; None when unset.
    The certificates' dates count from that day, so two folders made with it are the same."""
    chosen = os.environ.get(DEMO_DAY_ENV, "").strip()
    if not chosen:
        return None
    try:
        return date.fromisoformat(chosen)
    except ValueError:
        raise CertassistError("E-demo-day", value=chosen) from None


def inside_demo(path: Path, folder: Path | None = None) -> Path:
    """`path` when it lies in the demo folder; otherwise a refusal that names the folder."""
    base = (folder or demo_dir()).resolve()
    resolved = path.expanduser().resolve()
    if resolved != base and base not in resolved.parents:
        raise CertassistError("E-demo-outside-folder", path=str(path), folder=str(base))
    return resolved


@dataclass
class DemoStore(FakeStore):
    """A FakeStore whose certificates are files in `folder`, so changes last between runs."""

    folder: Path | None = None
    password: str = ""

    def _file(self, fingerprint: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{fingerprint.upper()}.pfx"

    def _write(self, bundle: Bundle) -> None:
        if self.folder is None:
            return
        from certassist.stores.pkcs12file import pfx_bytes

        self.folder.mkdir(parents=True, exist_ok=True)
        data = pfx_bytes(bundle, self.password, "aes", _KDF_ROUNDS)
        atomic_write_bytes(self._file(bundle.fingerprint), data)

    def add(self, bundle: Bundle) -> StoreEntry:
        entry = super().add(bundle)
        self._write(bundle)
        return entry

    def put(self, bundle: Bundle) -> None:
        super().put(bundle)
        self._write(bundle)

    def remove(self, fingerprint: str) -> None:
        super().remove(fingerprint)
        if self.folder is not None:
            self._file(fingerprint).unlink(missing_ok=True)

    def load(self) -> None:
        """Read the store's files (each one certificate with its chain and key)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob("*.pfx")):
            loaded = pkcs12.load_pkcs12(path.read_bytes(), self.password.encode("utf-8"))
            if loaded.cert is None:
                continue
            name = loaded.cert.friendly_name
            bundle = Bundle(
                loaded.cert.certificate,
                tuple(c.certificate for c in loaded.additional_certs),
                loaded.key,
                name.decode("utf-8") if name else None,
            )
            FakeStore.put(self, bundle)


@dataclass(frozen=True)
class DemoFolder:
    """Where each part of the sandbox lives; all inside `root`."""

    root: Path = field(default_factory=demo_dir)

    @property
    def stores(self) -> Path:
        return self.root / STORES_DIR

    @property
    def settings(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def data(self) -> Path:
        """The demo's audit log, install records and UZI requests (never the real ones)."""
        return self.root

    @property
    def cache(self) -> Path:
        """Parsed copies of shipped files (`core.resources`), kept here instead of the user's
        cache folder while the demo runs."""
        return self.root / CACHE_DIR

    @property
    def profiles(self) -> Path:
        """The answers to "which kind is this?" given in the demo (`classify`)."""
        return self.root / PROFILES_DIR

    @property
    def marker(self) -> Path:
        return self.root / MARKER

    def made_on(self) -> date | None:
        import json

        try:
            return date.fromisoformat(json.loads(self.marker.read_text("utf-8"))["made_on"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def mark(self, today: date) -> None:
        import json

        data = json.dumps({"made_on": today.isoformat(), "version": 1}) + "\n"
        atomic_write_bytes(self.marker, data.encode("utf-8"), mode=0o644)

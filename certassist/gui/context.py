"""What every window and page of the GUI shares: stores, clock, language, the person.

Built once in `app.run_gui` (real stores or the demo sandbox) and passed down, so tests build
one over FakeStores and drive the same pages.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from certassist.core.models import Actor
    from certassist.core.settings import PracticeSettings, SettingsFile
    from certassist.ops.base import OpContext
    from certassist.ops.overview import Overview
    from certassist.stores.base import CertStore


_LOAD_LOCK = threading.Lock()


def _os_user() -> str:
    for name in ("USERNAME", "USER", "LOGNAME"):  # what getpass reads first, without importing it
        if os.environ.get(name):
            return os.environ[name]
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no user name is not a reason to fail
        return "gebruiker"


@dataclass
class AppContext:
    stores: list[CertStore] = field(default_factory=list)
    # Found in a worker on first use (store discovery loads NSS, reads Firefox profiles):
    # the first page is on screen before any of that happens.
    stores_loader: Callable[[], list[CertStore]] | None = None
    today: Callable[[], date] = date.today
    lang: str = "nl"
    demo: bool = False
    os_user: str = field(default_factory=_os_user)
    demo_user: str | None = None  # the made-up person the demo plays
    backup_dir: Path | None = None  # default folder offered for backups
    audit: Any = None
    records: Any = None
    extra: dict[str, Any] = field(default_factory=dict)
    # The practice settings file (None: the OS user's default) and the folder of pending UZI
    # renewals (None: the same folder as `certassist renew uzi`).
    settings_path: Path | None = None
    renewals_dir: Path | None = None
    _settings: PracticeSettings | None = field(default=None, repr=False)

    def load_stores(self) -> list[CertStore]:
        """Run the loader once (from a worker); later calls return the same stores."""
        with _LOAD_LOCK:  # two workers asking at once must not discover twice
            if self.stores_loader is not None:
                self.stores = list(self.stores_loader())
                self.stores_loader = None
        return self.stores

    def op_context(self, actor: Actor) -> OpContext:
        """The audit log and records the window's operations use (the demo folder's in the
        demo), built where the CLI builds its own."""
        from certassist.ops.base import OpContext

        return OpContext.for_user(actor, today=self.today, audit=self.audit, records=self.records)

    def store(self, store_id: str) -> CertStore:
        for store in self.stores:
            if store.store_id == store_id:
                return store
        raise KeyError(store_id)

    def actor(self, confirmed_name: str | None, contact_person: bool) -> Actor:
        from certassist.core.models import Actor

        return Actor(self.os_user, confirmed_name, contact_person)

    def settings_file(self) -> SettingsFile:
        from certassist.core.settings import SettingsFile, default_settings_path

        return SettingsFile(self.settings_path or default_settings_path())

    def settings(self) -> PracticeSettings:
        """The practice settings, read once (a small JSON file); a damaged file reads as empty
        here, the settings dialog shows its error when it is opened."""
        if self._settings is None:
            from certassist.core.errors import CertassistError
            from certassist.core.settings import PracticeSettings

            try:
                self._settings = self.settings_file().load()
            except CertassistError:
                return PracticeSettings()
        return self._settings

    def forget_settings(self) -> None:
        """Read the file again on next use (the CLI or another PC may have changed it)."""
        self._settings = None

    def save_settings(self, settings: PracticeSettings) -> None:
        self.settings_file().save(settings)
        self._settings = settings

    def renewal_folder(self) -> Path:
        if self.renewals_dir is not None:
            return self.renewals_dir
        if self.demo and self.backup_dir is not None:
            return Path(self.backup_dir) / "uzi-aanvragen"
        from certassist.ops.flows_renewal import default_renewals_dir

        return default_renewals_dir()

    def scan(self, stores: list[CertStore], today: date) -> Overview:
        """The overview as `list` gives it: the practice's UZI issuing time (R11), and the
        backups and confirmed UZI renewals on the window's own record (the demo's in the demo,
        R9 and R14). Slow: call it from a worker."""
        from certassist.ops.overview import scan_stores
        from certassist.ops.uzi_signs import replaced

        records = self.op_context(self.actor(None, False)).records
        return scan_stores(
            stores,
            today,
            issuing_weeks=self.settings().uzi_issuing_weeks,
            backups=records.backups.all(),
            renewed=replaced(records.uzi_signs.all()),
        )

    def backup_stores(self) -> list[CertStore]:
        """One folder store per registered backup folder not already among the PC's stores."""
        from certassist.stores.pkcs12file import Pkcs12FolderStore

        known = {s.store_id for s in self.stores}
        found: list[CertStore] = []
        for folder in self.settings().backup_folders:
            store = Pkcs12FolderStore(folder)
            if store.store_id not in known:
                known.add(store.store_id)
                found.append(store)
        return found

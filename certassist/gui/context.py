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
    from certassist.stores.base import CertStore


_LOAD_LOCK = threading.Lock()


def _os_user() -> str:
    for name in ("USERNAME", "USER", "LOGNAME"):  # what getpass reads first, without importing it
        if os.environ.get(name):
            return os.environ[name]
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to fail
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

    def load_stores(self) -> list[CertStore]:
        """Run the loader once (from a worker); later calls return the same stores."""
        with _LOAD_LOCK:  # two workers asking at once must not discover twice
            if self.stores_loader is not None:
                self.stores = list(self.stores_loader())
                self.stores_loader = None
        return self.stores

    def store(self, store_id: str) -> CertStore:
        for store in self.stores:
            if store.store_id == store_id:
                return store
        raise KeyError(store_id)

    def actor(self, confirmed_name: str | None, contact_person: bool) -> Actor:
        from certassist.core.models import Actor

        return Actor(self.os_user, confirmed_name, contact_person)

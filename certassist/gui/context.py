"""What every window and page of the GUI shares: stores, clock, language, the person.

Built once in `app.run_gui` (real stores or the demo sandbox) and passed down, so tests build
one over FakeStores and drive the same pages.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from certassist.core.models import Actor
from certassist.stores.base import CertStore


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to fail
        return "gebruiker"


@dataclass
class AppContext:
    stores: list[CertStore]
    today: Callable[[], date] = date.today
    lang: str = "nl"
    demo: bool = False
    os_user: str = field(default_factory=_os_user)
    demo_user: str | None = None  # the made-up person the demo plays
    backup_dir: Path | None = None  # default folder offered for backups
    audit: Any = None
    records: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    def store(self, store_id: str) -> CertStore:
        for store in self.stores:
            if store.store_id == store_id:
                return store
        raise KeyError(store_id)

    def actor(self, confirmed_name: str | None, contact_person: bool) -> Actor:
        return Actor(self.os_user, confirmed_name, contact_person)

"""A store that is known to exist but cannot be used now (a locked Firefox profile whose store
could not even be built, the backup folders of a settings file that cannot be read).

It is listed like any other store, with its reason, so the user sees what to do; every verb
raises that reason, so nothing can be read from or written to it by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, StoreEntry, StoreTarget


@dataclass
class UnavailableStore:
    store_id: str
    label: str
    target: StoreTarget
    reason: CertassistError

    @property
    def available(self) -> bool:
        return False

    @property
    def unavailable_reason(self) -> CertassistError:
        return self.reason

    def _refuse(self) -> NoReturn:
        raise self.reason

    def list(self) -> list[StoreEntry]:
        self._refuse()

    def get(self, fingerprint: str) -> StoreEntry | None:
        self._refuse()

    def add(self, bundle: Bundle) -> StoreEntry:
        self._refuse()

    def export(self, fingerprint: str) -> Bundle:
        self._refuse()

    def remove(self, fingerprint: str) -> None:
        self._refuse()

"""The small protocol every store implements (mkcert's truststore_*.go is the model).

Every `add` re-reads the store and verifies the certificate is there *with its private key*;
removal matches by SHA-256 fingerprint only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from certassist.core.errors import CertassistError, StoreError
from certassist.core.models import Bundle, StoreEntry, StoreTarget


@runtime_checkable
class CertStore(Protocol):
    store_id: str  # stable id, e.g. "firefox:/home/a/.mozilla/firefox/x.default", "windows-user"
    label: str  # what the user reads, e.g. "Firefox (profiel default-release)"
    target: StoreTarget

    @property
    def available(self) -> bool: ...

    @property
    def unavailable_reason(self) -> CertassistError | None:
        """Why the store cannot be used now (not installed, locked, ...), with a message id."""
        ...

    def list(self) -> list[StoreEntry]: ...

    def get(self, fingerprint: str) -> StoreEntry | None: ...

    def add(self, bundle: Bundle) -> StoreEntry:
        """Import leaf + key + chain; returns the re-read entry (verified to have its key)."""
        ...

    def export(self, fingerprint: str) -> Bundle:
        """The certificate with its private key and chain."""
        ...

    def remove(self, fingerprint: str) -> None: ...


def find_entry(entries: list[StoreEntry], fingerprint: str) -> StoreEntry | None:
    wanted = fingerprint.upper()
    return next((e for e in entries if e.fingerprint == wanted), None)


def verify_present(store: CertStore, fingerprint: str, need_key: bool) -> StoreEntry:
    """Re-read the store: the certificate must be there, with its key if it had one.

    Every `add` ends with it, and an operation asks it again on its own (not taking the
    store's word) before it counts a placement as done or removes a source.
    """
    return check_present(store, store.get(fingerprint), need_key)


def check_present(store: CertStore, entry: StoreEntry | None, need_key: bool) -> StoreEntry:
    """The same check on an entry already re-read (NSS reads it in the import's own session)."""
    if entry is None:
        raise StoreError("E-store-verify-missing", store=store.label)
    if need_key and not entry.has_key:
        raise StoreError("E-store-verify-no-key", store=store.label)
    return entry


@dataclass(frozen=True)
class StoreNotice:
    """Something a store did on its own that the user must hear of, though nothing failed (a
    database repaired after an interrupted write): a message id with its parameters, carried to
    the user the way a store's errors are (the overview's store messages, a result's notices)."""

    message_id: str
    params: Mapping[str, Any] = field(default_factory=dict)


def take_notices(store: CertStore) -> list[StoreNotice]:
    """What `store` has to tell since it was last asked; each notice is handed out once. A store
    with nothing of the kind (no `take_notices` method) has nothing to tell."""
    take = getattr(store, "take_notices", None)
    return list(take()) if take is not None else []

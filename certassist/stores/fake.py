"""In-memory store for tests and `certassist --demo`.

Behaves like a real store: verifies after add, refuses unknown fingerprints, and can be told to
fail (for fault injection) or to drop keys silently (a store that "accepts but does not keep").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, StoreEntry, StoreKind, StoreTarget
from certassist.stores.base import find_entry, verify_present

FailHook = Callable[[str], None]  # called with the verb name; raise to inject a failure


@dataclass
class FakeStore:
    store_id: str = "fake"
    label: str = "Demo-opslag"
    target: StoreTarget = field(default_factory=lambda: StoreTarget(StoreKind.FAKE))
    fail: FailHook | None = None
    drop_keys: bool = False
    reason: CertassistError | None = None
    _bundles: dict[str, Bundle] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.reason is None

    @property
    def unavailable_reason(self) -> CertassistError | None:
        return self.reason

    def _check(self, verb: str) -> None:
        if self.reason is not None:
            raise self.reason
        if self.fail is not None:
            self.fail(verb)

    def _entry(self, bundle: Bundle) -> StoreEntry:
        return StoreEntry(
            store_id=self.store_id,
            fingerprint=bundle.fingerprint,
            der=bundle.leaf_der,
            has_key=bundle.has_key,
            nickname=bundle.friendly_name,
        )

    def list(self) -> list[StoreEntry]:
        self._check("list")
        return [self._entry(b) for b in self._bundles.values()]

    def get(self, fingerprint: str) -> StoreEntry | None:
        return find_entry(self.list(), fingerprint)

    def add(self, bundle: Bundle) -> StoreEntry:
        self._check("add")
        kept = (
            Bundle(bundle.leaf, bundle.chain, None, bundle.friendly_name)
            if self.drop_keys
            else bundle
        )
        self._bundles[bundle.fingerprint] = kept
        return verify_present(self, bundle.fingerprint, bundle.has_key)

    def export(self, fingerprint: str) -> Bundle:
        self._check("export")
        bundle = self._bundles.get(fingerprint.upper())
        if bundle is None:
            raise CertassistError("E-store-not-found", store=self.label, fingerprint=fingerprint)
        if bundle.key is None:
            raise CertassistError("E-store-no-key", store=self.label)
        return bundle

    def remove(self, fingerprint: str) -> None:
        self._check("remove")
        if self._bundles.pop(fingerprint.upper(), None) is None:
            raise CertassistError("E-store-not-found", store=self.label, fingerprint=fingerprint)

    def put(self, bundle: Bundle) -> None:
        """Seed the store without verification (demo and test set-up)."""
        self._bundles[bundle.fingerprint] = bundle

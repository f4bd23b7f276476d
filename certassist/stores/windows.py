"""The Windows certificate store (CurrentUser\\MY or LocalMachine\\MY) as a CertStore.

All logic lives here and runs over any `Crypt32Api`, so it is tested on every OS with
`FakeCrypt32`; only the thin ctypes layer needs real Windows. Certificates travel in and out
as PFX blobs protected by a one-time random password that never leaves this process.

One writer at a time: `add` and `remove` hold a lock per store (a lock folder in certassist's
data folder, `fileio.store_lock_folder`), as a backup folder and an NSS profile do; a second
certassist that wants to change the same store waits, then gets `E-store-busy`, nothing changed.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from cryptography.hazmat.primitives.serialization import pkcs12

from certassist.core.errors import CertassistError, StoreError
from certassist.core.fileio import FolderBusy, folder_lock, store_lock_folder
from certassist.core.messages import text_only
from certassist.core.models import (
    Bundle,
    Owner,
    StoreEntry,
    StoreKind,
    StoreTarget,
    sha256_fingerprint,
)
from certassist.stores.base import find_entry, verify_present
from certassist.stores.pkcs12file import pfx_bytes
from certassist.stores.windows_api import (
    ACCESS_DENIED_CODES,
    CRYPT_E_NOT_FOUND,
    CRYPT_EXPORTABLE,
    CRYPT_MACHINE_KEYSET,
    CRYPT_USER_KEYSET,
    ERROR_INVALID_PASSWORD,
    NTE_BAD_KEY_STATE,
    NTE_NO_KEY,
    Crypt32Api,
    Crypt32Error,
    Location,
)


def one_time_password() -> str:
    return secrets.token_urlsafe(24)


class WindowsStore:
    def __init__(
        self,
        api: Crypt32Api,
        location: Location,
        label: str | None = None,
        password_factory: Callable[[], str] = one_time_password,
        *,
        lock_base: Path | None = None,
        lock_wait: float = 30.0,
    ) -> None:
        """`lock_base`: where the store's lock folder goes (default: certassist's data folder);
        `lock_wait`: how long a write waits for another writer before `E-store-busy`."""
        self.api = api
        self.location: Location = location
        self.store_id = f"windows-{location}"
        self.label = label or text_only(f"L-windows-{location}")
        kind = StoreKind.WINDOWS_USER if location == "user" else StoreKind.WINDOWS_MACHINE
        self.target = StoreTarget(kind, Owner.SELF if location == "user" else Owner.MACHINE)
        self._password = password_factory
        self._lock_base = lock_base
        self._lock_wait = lock_wait

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    @property
    def unavailable_reason(self) -> CertassistError | None:
        """LocalMachine needs administrator rights to change; it can still be listed."""
        if self.location == "machine" and not self.api.is_elevated():
            return StoreError("E-windows-not-elevated", store=self.label)
        return None

    def list(self) -> list[StoreEntry]:
        try:
            raw = self.api.enum_certs(self.location)
        except Crypt32Error as exc:
            raise self._translate(exc) from exc
        return [
            StoreEntry(
                store_id=self.store_id,
                fingerprint=sha256_fingerprint(cert.der),
                der=cert.der,
                has_key=cert.has_key,
                exportable=cert.exportable,
                nickname=cert.friendly_name,
            )
            for cert in raw
        ]

    def get(self, fingerprint: str) -> StoreEntry | None:
        return find_entry(self.list(), fingerprint)

    def add(self, bundle: Bundle) -> StoreEntry:
        """Import exportable (so a backup stays possible, R9), then re-read to verify."""
        if bundle.key is None or not bundle.key_matches():
            raise CertassistError("E-windows-needs-key", store=self.label)
        self._require_writable()
        with self._one_writer():
            return self._add(bundle)

    def _add(self, bundle: Bundle) -> StoreEntry:
        password = self._password()
        pfx = _to_pfx(bundle, password)
        keyset = CRYPT_MACHINE_KEYSET if self.location == "machine" else CRYPT_USER_KEYSET
        try:
            was_there = self.api.contains(self.location, bundle.fingerprint)
            self.api.import_pfx(self.location, pfx, password, CRYPT_EXPORTABLE | keyset)
        except Crypt32Error as exc:
            raise self._translate(exc) from exc
        try:
            entry = verify_present(self, bundle.fingerprint, bundle.has_key)
            if not entry.exportable:
                raise StoreError("E-windows-verify-not-exportable", store=self.label)
        except CertassistError:
            if not was_there:  # take back what this call put there (and its key); never more
                with contextlib.suppress(Crypt32Error, CertassistError):
                    self.api.delete_cert(self.location, bundle.fingerprint)
            raise
        return entry

    def export(self, fingerprint: str) -> Bundle:
        entry = self.get(fingerprint)
        if entry is None:
            raise CertassistError("E-store-not-found", store=self.label, fingerprint=fingerprint)
        if not entry.has_key:
            raise CertassistError("E-store-no-key", store=self.label)
        if not entry.exportable:
            # Without admin rights a machine key cannot even be tried: say that, not "locked".
            self._require_writable()
            raise CertassistError("E-windows-not-exportable", store=self.label)
        password = self._password()
        try:
            blob = self.api.export_pfx(self.location, entry.fingerprint, password)
        except Crypt32Error as exc:
            raise self._translate(exc) from exc
        parsed = pkcs12.load_pkcs12(blob, password.encode("utf-8"))
        if parsed.cert is None or parsed.key is None:
            raise CertassistError("E-store-no-key", store=self.label)
        name = parsed.cert.friendly_name
        bundle = Bundle(
            leaf=parsed.cert.certificate,
            chain=tuple(c.certificate for c in parsed.additional_certs),
            key=parsed.key,
            friendly_name=name.decode("utf-8", errors="replace") if name else entry.nickname,
        )
        if bundle.fingerprint != entry.fingerprint or not bundle.key_matches():
            raise CertassistError("E-windows-export-mismatch", store=self.label)
        return bundle

    def remove(self, fingerprint: str) -> None:
        self._require_writable()
        with self._one_writer():
            self._remove(fingerprint)

    def _remove(self, fingerprint: str) -> None:
        entry = self.get(fingerprint)
        if entry is None:
            raise CertassistError("E-store-not-found", store=self.label, fingerprint=fingerprint)
        try:
            self.api.delete_cert(self.location, entry.fingerprint)
        except Crypt32Error as exc:
            raise self._translate(exc) from exc
        if self.get(entry.fingerprint) is not None:
            raise StoreError("E-windows-remove-failed", store=self.label)

    @contextlib.contextmanager
    def _one_writer(self) -> Iterator[None]:
        folder = store_lock_folder(self.store_id, self._lock_base)
        with contextlib.ExitStack() as held:
            try:
                held.enter_context(folder_lock(folder, wait=self._lock_wait))
            except FolderBusy as exc:
                raise StoreError("E-store-busy", store=self.label) from exc
            yield

    def _require_writable(self) -> None:
        reason = self.unavailable_reason
        if reason is not None:
            raise reason

    def _translate(self, exc: Crypt32Error) -> CertassistError:
        if exc.code in ACCESS_DENIED_CODES:
            if self.location == "machine":
                return StoreError("E-windows-not-elevated", store=self.label)
            return StoreError("E-windows-access-denied", store=self.label)
        if exc.code == NTE_BAD_KEY_STATE:
            return CertassistError("E-windows-not-exportable", store=self.label)
        if exc.code == NTE_NO_KEY:
            return CertassistError("E-store-no-key", store=self.label)
        if exc.code == CRYPT_E_NOT_FOUND:
            return CertassistError("E-store-gone", store=self.label)
        if exc.code == ERROR_INVALID_PASSWORD:
            return StoreError("E-windows-import-rejected", store=self.label)
        return StoreError(
            "E-windows-api", store=self.label, operation=exc.operation, code=f"0x{exc.code:08X}"
        )


def _to_pfx(bundle: Bundle, password: str) -> bytes:
    """AES-256/PBES2 (Windows 10 1709+ reads it); few KDF rounds: the password is random."""
    return pfx_bytes(bundle, password, "aes", kdf_rounds=2048)

"""One NSS database open at a time: open, log in, work, free every reference, shut down.

Why so strict (seen with Debian's NSS 3.87): a single leaked certificate or slot reference makes
`NSS_ShutdownContext` fail with SEC_ERROR_BUSY and poisons the process, so the next database
cannot be opened. The session therefore owns every reference it hands out and frees them all
in `__exit__`, before shutting down. A process-wide lock keeps sessions one after the other,
so several profiles can be used in turn from worker threads.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from certassist.core.errors import CertassistError, StoreError
from certassist.core.fileio import FolderBusy, folder_lock
from certassist.stores import nss_lib
from certassist.stores.nss_keyid import nss_key_id
from certassist.stores.nss_lib import NssLib

# Re-entrant so that a nested session in the same thread fails with E-nss-in-use, not a hang.
_LOCK = threading.RLock()

PasswordProvider = Callable[[], "str | None"]


@dataclass(frozen=True)
class NssCert:
    """A certificate on the session's token, as its bytes and nickname (no NSS reference)."""

    der: bytes
    nickname: str | None
    key_id: bytes | None = None  # the token's CKA_ID when it was read with the certificate


def _ucs2_convert(
    to_unicode: int,
    in_buf: int | None,
    in_len: int,
    out_buf: int | None,
    max_out: int,
    out_len: Any,
    swap: int,
) -> int:
    """PORT_SetUCS2_ASCIIConversionFunction callback: UTF-8 <-> UCS-2 for PKCS#12 passwords.

    NSS asks for big-endian UCS-2 when converting to Unicode; when converting back it may hand
    little-endian bytes and says so with `swap`.
    """
    try:
        raw = ctypes.string_at(in_buf, in_len) if in_buf and in_len else b""
        if to_unicode:
            out = raw.decode("utf-8").encode("utf-16-be")
        else:
            out = raw.decode("utf-16-le" if swap else "utf-16-be").encode("utf-8")
        if len(out) > max_out or not out_buf:
            return nss_lib.PR_FALSE
        ctypes.memmove(out_buf, out, len(out))
        out_len[0] = len(out)
        return nss_lib.PR_TRUE
    except (UnicodeError, ValueError):
        return nss_lib.PR_FALSE


_UCS2_CALLBACK = nss_lib.UCS2_CONVERSION_FUNC(_ucs2_convert)


class _PasswordState:
    """What the global PK11 password callback answers; set while a session is logged in."""

    lib: NssLib | None = None
    password: bytes | None = None


def _password_callback(slot: int | None, retry: int, arg: int | None) -> int | None:
    # NULL on retry, or NSS keeps asking forever.
    if retry or _PasswordState.password is None or _PasswordState.lib is None:
        return None
    return _PasswordState.lib.port_strdup(_PasswordState.password)


_PASSWORD_CALLBACK = nss_lib.PASSWORD_FUNC(_password_callback)


class NssSession:
    """`with NssSession(lib, dir, ...) as s:` — the database `dir` is open inside the block."""

    def __init__(
        self,
        lib: NssLib,
        db_dir: Path,
        *,
        legacy: bool = False,
        read_only: bool = True,
        store_label: str = "",
    ) -> None:
        self.lib = lib
        self.db_dir = db_dir
        self.configdir = f"{'dbm' if legacy else 'sql'}:{db_dir}"
        self.read_only = read_only or legacy
        self.store_label = store_label
        self._ctx: int | None = None
        self._slot: int | None = None
        self._owned: list[int] = []
        self._key_ids: set[bytes] | None = None  # read once per session, dropped on changes
        self.recovered: list[str] = []  # journals rolled back when this session opened
        self._folder_lock = contextlib.ExitStack()  # held while a writing session is open

    # -- errors
    def failure(self, operation: str) -> CertassistError:
        """The current NSS error as a CertassistError (name in params, never a traceback)."""
        code, name = self.lib.last_error()
        return StoreError(
            "E-nss-failed", store=self.store_label, operation=operation, error=name, code=code
        )

    # -- open / close
    def __enter__(self) -> NssSession:
        _LOCK.acquire()
        try:
            if not self.read_only:  # one writer at a time per database, across processes
                self._hold_folder_lock()
            if self.lib.is_initialized():
                # Someone else in this process holds NSS (or an earlier shutdown failed):
                # opening ours would silently add a second slot and mix the databases up.
                raise StoreError("E-nss-in-use", store=self.store_label)
            flags = nss_lib.NSS_INIT_NOMODDB | nss_lib.NSS_INIT_NOROOTINIT
            if self.read_only:
                flags |= nss_lib.NSS_INIT_READONLY
            self._ctx = self.lib.init_context(self.configdir, flags)
            if not self._ctx and self.read_only and self._hot_journals():
                self._recover_journal(flags & ~nss_lib.NSS_INIT_READONLY)
                self._ctx = self.lib.init_context(self.configdir, flags)
            if not self._ctx:
                raise self.failure("open")
            self.lib.set_ucs2_conversion(_UCS2_CALLBACK)
            _PasswordState.lib = self.lib
            _PasswordState.password = None
            self.lib.set_password_func(_PASSWORD_CALLBACK)
            self._slot = self.lib.internal_key_slot()
            if not self._slot:
                raise self.failure("slot")
        except BaseException:
            self._close()
            raise
        return self

    def _hold_folder_lock(self) -> None:
        lock = contextlib.ExitStack()
        try:
            lock.enter_context(folder_lock(self.db_dir, wait=30.0))
        except FolderBusy as exc:
            raise StoreError("E-store-busy", store=self.store_label) from exc
        self._folder_lock = lock

    # -- a write interrupted by a kill or a power cut
    def _hot_journals(self) -> list[Path]:
        """SQLite rollback journals left by a writer that was killed (cert9.db-journal,
        key4.db-journal). Such a database opens only read-write: SQLite must roll it back first,
        and a read-only open fails with SEC_ERROR_BAD_DATABASE, which is not Firefox's fault."""
        names = ("cert9.db-journal", "key4.db-journal")
        found = []
        for name in names:
            path = self.db_dir / name
            try:
                if path.stat().st_size > 0:
                    found.append(path)
            except OSError:
                continue
        return found

    def _recover_journal(self, write_flags: int) -> None:
        """Open read-write once, so SQLite rolls the interrupted write back (what Firefox does at
        its next start), then close. SQLite treats a journal as hot only when no process holds
        the database, so a running Firefox's own transaction is never touched."""
        journals = self._hot_journals()
        ctx = self.lib.init_context(self.configdir, write_flags)
        if not ctx:
            _, name = self.lib.last_error()
            raise StoreError("E-nss-journal-unrecovered", store=self.store_label, error=name)
        slot = self.lib.internal_key_slot()  # reading the key database rolls key4.db back
        if slot:
            self.lib.free_slot(slot)
        if not self.lib.shutdown_context(ctx):
            raise self.failure("recover")
        self.recovered = [p.name for p in journals]  # NssStore tells the user (a notice)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        problem = self._close()
        if problem is not None and exc is None:
            raise problem

    def _close(self) -> CertassistError | None:
        problem: CertassistError | None = None
        try:
            for cert in reversed(self._owned):
                self.lib.destroy_certificate(cert)
            self._owned.clear()
            if self._slot:
                self.lib.free_slot(self._slot)
                self._slot = None
            if self._ctx:
                _PasswordState.password = None
                if not self.lib.shutdown_context(self._ctx):
                    problem = self.failure("close")
                self._ctx = None
        finally:
            self._folder_lock.close()
            _LOCK.release()
        return problem

    @property
    def slot(self) -> int:
        if not self._slot:
            raise RuntimeError("NSS session is not open")
        return self._slot

    # -- login
    def needs_password(self) -> bool:
        return self.lib.need_login(self.slot) and not self.lib.is_logged_in(self.slot)

    def ensure_initialised(self) -> None:
        """A brand-new database has an uninitialised token: give it an empty password."""
        if self.lib.need_user_init(self.slot) and not self.lib.init_pin(self.slot, b""):
            raise self.failure("init-password")

    def login(self, password: str) -> None:
        """Log in with the primary password; wrong → E-nss-wrong-password, nothing changed."""
        raw = password.encode("utf-8")
        if not self.lib.check_user_password(self.slot, raw):
            _, name = self.lib.last_error()
            if name == "SEC_ERROR_BAD_PASSWORD":
                raise CertassistError("E-nss-wrong-password", store=self.store_label)
            raise self.failure("login")
        _PasswordState.password = raw

    # -- certificates
    def own(self, cert: int) -> int:
        """Hand a reference to the session: it is destroyed before shutdown."""
        self._owned.append(cert)
        return cert

    def certs(self) -> list[NssCert]:
        """Every certificate on the database's token."""
        return [
            NssCert(found.der, found.nickname, found.key_id)
            for found in self.lib.token_certificates(self.slot)
        ]

    def find(self, der: bytes) -> NssCert | None:
        """The token's certificate with exactly these bytes, without listing the others."""
        ptr = self.lib.find_cert_by_der(der)
        if not ptr:
            return None
        _, nickname = nss_lib.cert_fields(self.own(ptr))
        prefix = self.lib.token_name(self.slot) + ":"  # NSS shows "NSS Certificate DB:<name>"
        if nickname and nickname.startswith(prefix):
            nickname = nickname[len(prefix) :]
        return NssCert(der, nickname)

    def pointer(self, cert: NssCert) -> int:
        """A session-owned CERTCertificate reference, for the verbs that need one."""
        ptr = self.lib.find_cert_by_der(cert.der)
        if not ptr:
            raise self.failure("find")
        return self.own(ptr)

    def has_key(self, cert: NssCert) -> bool:
        key_id = cert.key_id or nss_key_id(cert.der)
        if key_id is None:
            return self.lib.has_private_key(self.pointer(cert))
        if self._key_ids is None:
            self._key_ids = self.lib.private_key_ids(self.slot)
        return key_id in self._key_ids

    def token_changed(self) -> None:
        """Keys were added or removed in this session: read the key ids again when asked."""
        self._key_ids = None

    def nickname_taken(self, nickname: str) -> bool:
        found = self.lib.find_cert_by_nickname(nickname.encode("utf-8"))
        if not found:
            return False
        self.lib.destroy_certificate(found)
        return True

    def delete(self, cert: NssCert, *, keep_key: bool) -> None:
        self.token_changed()
        ptr = self.pointer(cert)
        ok = self.lib.delete_cert_only(ptr) if keep_key else self.lib.delete_cert_and_key(ptr)
        if not ok:
            raise self.failure("remove")

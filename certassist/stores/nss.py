"""Firefox profiles and the shared NSS database (~/.pki/nssdb), through NSS itself.

Every verb opens the database in its own `NssSession` and closes it again, so profiles can be
used one after the other in one process and nothing stays locked between verbs.

Decisions worth knowing:
- `cert9.db` (sql:) is read and written; an old `cert8.db` (dbm:) is read only
  (E-nss-legacy-readonly): Firefox has converted it for years, and writing it would fork the
  data from a newer cert9.db that Firefox may create next to it.
- A folder without a database (a profile Firefox has never started, an empty folder chosen by
  hand) is *available* and empty: `list` returns nothing and creates nothing, `export`/`remove`
  find nothing, and `add` creates a fresh database first. That is how a certificate reaches a
  profile before Firefox has ever written one, so the wizard can offer it as a target. Only a
  missing folder is unavailable.
- `add` of a bundle without a key is allowed (a CA or someone else's certificate); the entry then
  reads `has_key=False`. Which kinds may go without a key is the rules' business, not the store's.
- The primary password is asked once per store object and kept in memory only, because one user
  action (add = import + re-read) opens the database more than once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from certassist.core.errors import CertassistError, StoreError
from certassist.core.messages import render
from certassist.core.models import (
    Bundle,
    Owner,
    StoreEntry,
    StoreKind,
    StoreTarget,
    sha256_fingerprint,
)
from certassist.core.x509_decode import UndecodableCertificate, load_der
from certassist.stores import nss_pkcs12
from certassist.stores.base import StoreNotice, check_present, find_entry
from certassist.stores.firefox_lock import running_error
from certassist.stores.nss_keyid import nss_key_id
from certassist.stores.nss_lib import NssLib, NssLibraryMissing, load_nss
from certassist.stores.nss_session import NssCert, NssSession

PasswordProvider = Callable[[], str | None]
BusyCheck = Callable[[], CertassistError | None]
# Called with a step's name inside a changing session, after the database was read and before
# it is written ("add-write": the nicknames are chosen). Tests widen the window another writer
# would race into, which the profile folder's lock keeps shut.
StepHook = Callable[[str], None]

SQL_DB = "cert9.db"
LEGACY_DB = "cert8.db"


class NssStore:
    """A CertStore over one NSS database folder (a Firefox profile or ~/.pki/nssdb)."""

    def __init__(
        self,
        db_dir: Path,
        kind: StoreKind = StoreKind.FIREFOX,
        label: str | None = None,
        password_provider: PasswordProvider | None = None,
        busy_check: BusyCheck | None = None,
        *,
        library_dirs: Sequence[Path] | None = None,
        step_hook: StepHook | None = None,
    ) -> None:
        self.db_dir = Path(db_dir)
        self.kind = kind
        self.store_id = f"{kind}:{self.db_dir}"
        self.target = StoreTarget(kind, Owner.SELF)
        self.label = label or render(
            "L-nss-nssdb" if kind == StoreKind.NSSDB else "L-nss-firefox", name=self.db_dir.name
        )
        self._password_provider = password_provider
        if busy_check is None and kind is StoreKind.FIREFOX:
            # Every Firefox profile, also one named with --nss-db: a running Firefox is the
            # reason to give (E-firefox-running), checked before the database is touched.
            busy_check = partial(running_error, self.db_dir, self.db_dir.name)
        self._busy_check = busy_check
        self._library_dirs = tuple(library_dirs) if library_dirs is not None else None
        self._password: str | None = None
        self._step_hook = step_hook
        self._notices: list[StoreNotice] = []

    # -- availability
    def _library(self) -> NssLib:
        try:
            return load_nss(self._library_dirs)
        except NssLibraryMissing as exc:
            raise StoreError("E-nss-library-missing", store=self.label, detail=exc.detail) from exc

    @property
    def legacy(self) -> bool:
        """Only an old cert8.db here (no cert9.db): readable, not writable."""
        return not (self.db_dir / SQL_DB).exists() and (self.db_dir / LEGACY_DB).exists()

    def _has_database(self) -> bool:
        return (self.db_dir / SQL_DB).exists() or (self.db_dir / LEGACY_DB).exists()

    def _reason(self) -> CertassistError | None:
        try:
            self._library()
        except CertassistError as exc:
            return exc
        if not self.db_dir.is_dir():
            return StoreError("E-nss-folder-missing", store=self.label, path=str(self.db_dir))
        if self._busy_check is not None:
            busy = self._busy_check()
            if busy is not None:
                return busy
        return None

    @property
    def available(self) -> bool:
        return self._reason() is None

    @property
    def unavailable_reason(self) -> CertassistError | None:
        return self._reason()

    def _check(self) -> NssLib:
        reason = self._reason()
        if reason is not None:
            raise reason
        return self._library()

    @contextlib.contextmanager
    def _session(self, lib: NssLib, *, write: bool) -> Iterator[NssSession]:
        session = NssSession(
            lib, self.db_dir, legacy=self.legacy, read_only=not write, store_label=self.label
        )
        with session:
            if session.recovered:  # an interrupted write was rolled back: the user hears of it
                self._notices.append(StoreNotice("I-nss-journal-recovered", {"store": self.label}))
            yield session

    def take_notices(self) -> list[StoreNotice]:
        """What this store did on its own since the last call (stores.base.take_notices)."""
        taken, self._notices = self._notices, []
        return taken

    def _login(self, session: NssSession) -> None:
        """Log in when a primary password is set: before that, keys read as absent."""
        if not session.needs_password():
            return
        password = self._password
        if password is None:
            if self._password_provider is None:
                raise StoreError("E-nss-password-needed", store=self.label)
            password = self._password_provider()
            if password is None:
                raise StoreError("E-nss-password-needed", store=self.label)
        try:
            session.login(password)
        except CertassistError:
            self._password = None
            raise
        self._password = password

    def forget_password(self) -> None:
        self._password = None

    def needs_password(self) -> bool:
        """Whether a primary password protects this database and none has been given yet
        (an unavailable store or a missing database needs none: they say so themselves)."""
        if self._password is not None or self._reason() is not None or not self._has_database():
            return False
        with self._session(self._library(), write=False) as session:
            return session.needs_password()

    def log_in(self, password: str) -> None:
        """Check the primary password now (wrong → E-nss-wrong-password, nothing changed) and
        keep it in memory for this store's later verbs."""
        with self._session(self._check(), write=False) as session:
            if session.needs_password():
                session.login(password)
        self._password = password

    def _step(self, name: str) -> None:
        if self._step_hook is not None:
            self._step_hook(name)

    # -- verbs
    def _entry(self, session: NssSession, cert: NssCert) -> StoreEntry:
        has_key = session.has_key(cert)
        return StoreEntry(
            store_id=self.store_id,
            fingerprint=sha256_fingerprint(cert.der),
            der=cert.der,
            has_key=has_key,
            exportable=has_key,
            nickname=cert.nickname,
        )

    def _not_found(self, fingerprint: str) -> CertassistError:
        return CertassistError("E-store-not-found", store=self.label, fingerprint=fingerprint)

    def list(self) -> list[StoreEntry]:
        lib = self._check()
        if not self._has_database():
            return []  # a fresh profile: empty, and reading must not create the database
        with self._session(lib, write=False) as session:
            self._login(session)
            return [self._entry(session, cert) for cert in session.certs()]

    def get(self, fingerprint: str) -> StoreEntry | None:
        return find_entry(self.list(), fingerprint)

    def _refuse_legacy(self) -> None:
        if self.legacy:
            raise StoreError("E-nss-legacy-readonly", store=self.label)

    def add(self, bundle: Bundle) -> StoreEntry:
        lib = self._check()
        self._refuse_legacy()
        if bundle.key is not None and not bundle.key_matches():
            raise CertassistError("E-nss-key-mismatch", store=self.label)
        with self._session(lib, write=True) as session:
            session.ensure_initialised()
            self._login(session)
            nss_pkcs12.import_bundle(session, bundle, partial(self._step, "add-write"))
            # Checked in the same session: a second open costs more than the import itself
            # (the operations layer re-reads the store on its own afterwards).
            found = session.find(bundle.leaf_der)
            entry = self._entry(session, found) if found is not None else None
        return check_present(self, entry, bundle.has_key)

    @staticmethod
    def _find(certs: Sequence[NssCert], fingerprint: str) -> NssCert | None:
        wanted = fingerprint.upper()
        return next((c for c in certs if sha256_fingerprint(c.der) == wanted), None)

    def export(self, fingerprint: str) -> Bundle:
        lib = self._check()
        if not self._has_database():
            raise self._not_found(fingerprint)
        with self._session(lib, write=False) as session:
            self._login(session)
            cert = self._find(session.certs(), fingerprint)
            if cert is None:
                raise self._not_found(fingerprint)
            if not session.has_key(cert):
                raise CertassistError("E-store-no-key", store=self.label)
            bundle = nss_pkcs12.export_bundle(session, cert)
        if bundle.fingerprint != fingerprint.upper() or not bundle.key_matches():
            raise StoreError(
                "E-nss-failed", store=self.label, operation="export-check", error="mismatch"
            )
        return bundle

    def remove(self, fingerprint: str) -> None:
        """Remove the certificate and its key; a key another certificate uses stays."""
        lib = self._check()
        if not self._has_database():
            raise self._not_found(fingerprint)
        self._refuse_legacy()
        with self._session(lib, write=True) as session:
            self._login(session)
            certs = session.certs()
            cert = self._find(certs, fingerprint)
            if cert is None:
                raise self._not_found(fingerprint)
            spki = self._public_key_of(cert)
            shared = any(c is not cert and _may_share_key(c, cert, spki) for c in certs)
            # PK11_DeleteTokenCertAndKey deletes only a certificate whose key it finds: for a
            # keyless one (a CA, someone else's certificate) it says "done" and deletes nothing.
            keyless = not session.has_key(cert)
            try:
                session.delete(cert, keep_key=shared or keyless)
            except CertassistError as exc:
                cause = str(exc.params.get("error") or exc.params.get("code") or "")
                raise StoreError("E-nss-remove-failed", store=self.label, cause=cause) from exc
        if self.get(fingerprint) is not None:
            raise StoreError(
                "E-nss-remove-failed", store=self.label, cause="still listed after removal"
            )

    def _public_key_of(self, cert: NssCert) -> bytes:
        """Through the total decoder: a damaged certificate is an [id] error, nothing changed
        (whether another certificate still needs its key cannot be told)."""
        try:
            return _public_key(cert.der)
        except UndecodableCertificate as exc:
            fingerprint = sha256_fingerprint(cert.der)[:16]
            raise CertassistError(
                "E-nss-remove-damaged", store=self.label, fingerprint=fingerprint
            ) from exc


def _public_key(der: bytes) -> bytes:
    return (
        load_der(der)
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )


def _may_share_key(other: NssCert, cert: NssCert, spki: bytes) -> bool:
    """Whether `other` may use `cert`'s key. A damaged certificate beside it (one NSS took and
    no decoder reads) never blocks the removal: NSS links it to a key by its key id, and when
    that is unknown the key stays rather than maybe taking another certificate's."""
    try:
        return _public_key(other.der) == spki
    except UndecodableCertificate:
        own = cert.key_id or nss_key_id(cert.der)
        return other.key_id is None or own is None or other.key_id == own

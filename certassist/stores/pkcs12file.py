"""Backup files (.pfx/.p12) in a folder — USB stick, network share, other PC — as a store.

A backup is only a backup once it has been read back: `write_backup` writes to a temp file in
the target folder (mode 0600, fsync), opens that file again with the password, checks the
certificate and that the key belongs to it, and only then renames it into place. A failure at
any step leaves no temp or half-written file behind. Next to each file a sidecar with public
facts (backup_meta) lets certassist list backups without asking for passwords.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import PrivateFormat, pkcs12

from certassist.core.errors import CertassistError, StoreError
from certassist.core.fileio import (
    FolderBusy,
    atomic_write_bytes,
    clean_leftovers,
    folder_lock,
    remove_quietly,
)
from certassist.core.messages import text_only
from certassist.core.models import Bundle, Classification, StoreEntry, StoreKind, StoreTarget
from certassist.core.reading import read_bytes
from certassist.stores.backup_meta import BackupMeta, read_sidecar, sidecar_path
from certassist.stores.base import find_entry, verify_present

Encryption = Literal["aes", "3des"]
ENCRYPTION_NAMES: dict[Encryption, str] = {"aes": "aes-256-pbes2", "3des": "3des-sha1"}
AES_KDF_ROUNDS = 600_000  # what NSS uses; the password is typed by a person
LEGACY_KDF_ROUNDS = 2048  # 3DES/SHA-1 files are for old Windows versions, which expect this
BACKUP_SUFFIXES = (".pfx", ".p12")
PasswordProvider = Callable[[Path], str | None]
WHEN_UNKNOWN = datetime(1970, 1, 1, tzinfo=UTC)


def pfx_bytes(
    bundle: Bundle, password: str, encryption: Encryption = "aes", kdf_rounds: int | None = None
) -> bytes:
    if encryption == "aes":
        builder = (
            PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(kdf_rounds or AES_KDF_ROUNDS)
            .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
            .hmac_hash(hashes.SHA256())
        )
    else:
        builder = (
            PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(kdf_rounds or LEGACY_KDF_ROUNDS)
            .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
            .hmac_hash(hashes.SHA1())
        )
    name = bundle.friendly_name.encode("utf-8") if bundle.friendly_name else None
    return pkcs12.serialize_key_and_certificates(
        name,
        bundle.key,  # type: ignore[arg-type]
        bundle.leaf,
        list(bundle.chain) or None,
        builder.build(password.encode("utf-8")),
    )


# The core reader's verdicts, in the words of a backup (same meaning, backup-specific advice).
_READ_TO_BACKUP = {
    "E-read-wrong-password": "E-backup-wrong-password",
    "E-read-password-needed": "E-backup-password-needed",
    "E-read-damaged": "E-backup-damaged",
    "E-read-empty": "E-backup-damaged",
    "E-read-unknown-format": "E-backup-damaged",
    "E-read-no-certificate": "E-backup-no-certificate",
}


def load_backup_bytes(data: bytes, password: str, name: str) -> Bundle:
    """Read with the core reader: it tells a wrong password from damage, also in the BER
    that NSS (pk12util, Firefox's own backup) writes, and refuses a key of another certificate.
    """
    try:
        return read_bytes(data, password, name)
    except CertassistError as exc:
        mapped = _READ_TO_BACKUP.get(exc.message_id)
        if mapped is None:
            raise
        raise CertassistError(mapped, file=name) from exc


def open_backup(path: Path, password: str) -> Bundle:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CertassistError("E-backup-unreadable", file=str(path), reason=str(exc)) from exc
    return load_backup_bytes(data, password, path.name)


def default_stem(bundle: Bundle) -> str:
    """Readable on a USB stick: who/what and until when, no characters Windows refuses."""
    cns = [a.value for a in bundle.leaf.subject if a.oid.dotted_string == "2.5.4.3"]
    base = str(cns[0]) if cns else f"certificaat-{bundle.fingerprint[:8]}"
    safe = re.sub(r"[^\w .-]+", "_", base, flags=re.UNICODE).strip(" .") or "certificaat"
    until = bundle.leaf.not_valid_after_utc.date().isoformat()
    return f"{safe[:60]} geldig-tot-{until}"


def free_backup_path(folder: Path, stem: str) -> Path:
    """`stem.pfx`, else `stem (2).pfx`, …: an existing backup is never overwritten."""
    candidate = folder / f"{stem}.pfx"
    number = 2
    while candidate.exists() or sidecar_path(candidate).exists():
        candidate = folder / f"{stem} ({number}).pfx"
        number += 1
    return candidate


def write_backup(
    folder: Path,
    bundle: Bundle,
    password: str,
    encryption: Encryption = "aes",
    file_stem: str | None = None,
    *,
    classification: Classification | None = None,
    now: datetime | None = None,
    kdf_rounds: int | None = None,
) -> Path:
    """Write, read back, verify, then rename into place; returns the new file's path."""
    if bundle.key is None:
        raise CertassistError("E-store-no-key", store=str(folder))
    if not bundle.key_matches():
        raise CertassistError("E-backup-key-mismatch")
    if not password:
        raise CertassistError("E-backup-password-empty")
    if not folder.is_dir():
        raise StoreError("E-backup-folder-missing", folder=str(folder))
    stem = file_stem or default_stem(bundle)
    data = pfx_bytes(bundle, password, encryption, kdf_rounds)
    meta = BackupMeta.for_bundle(
        bundle, ENCRYPTION_NAMES[encryption], now or datetime.now(UTC), classification
    )
    try:
        with folder_lock(folder):  # one writer at a time in this folder
            clean_leftovers(folder)  # temporary files of a run that was killed
            return _write_new(folder, stem, data, meta, bundle, password)
    except FolderBusy as exc:
        raise StoreError("E-backup-folder-busy", folder=str(folder)) from exc


def _write_new(
    folder: Path, stem: str, data: bytes, meta: BackupMeta, bundle: Bundle, password: str
) -> Path:
    """Under the folder's lock: a free name, written, read back, renamed without overwriting
    (a name taken meanwhile, e.g. by a process on another PC, moves on to the next one)."""
    for _ in range(_NAME_ATTEMPTS):
        try:
            target = free_backup_path(folder, stem)
        except OSError as exc:  # e.g. a name too long for this file system
            raise _write_failed(stem, exc) from exc

        def verify(written: Path, target: Path = target) -> None:
            back = open_backup(written, password)
            if back.fingerprint != bundle.fingerprint or not back.key_matches():
                raise CertassistError("E-backup-verify-failed", file=target.name)

        try:
            atomic_write_bytes(target, data, verify=verify, overwrite=False)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _write_failed(str(target), exc) from exc
        try:
            atomic_write_bytes(sidecar_path(target), meta.to_json().encode("utf-8"))
        except OSError as exc:
            remove_quietly(target)  # all or nothing: a backup certassist cannot list surprises
            raise _write_failed(str(target), exc) from exc
        return target
    raise StoreError("E-backup-folder-busy", folder=str(folder))


_NAME_ATTEMPTS = 20


def _write_failed(file: str, exc: OSError) -> CertassistError:
    """Disk full, a read-only stick, a name too long: the target cannot be used (exit 4)."""
    return StoreError("E-backup-write-failed", file=file, reason=exc.strerror or str(exc))


@dataclass(frozen=True)
class BackupFile:
    """A backup in the folder; `meta` is None when it has no (valid) sidecar: password needed."""

    path: Path
    meta: BackupMeta | None

    @property
    def fingerprint(self) -> str | None:
        return self.meta.fingerprint if self.meta else None

    @property
    def needs_password_to_identify(self) -> bool:
        return self.meta is None


class Pkcs12FolderStore:
    def __init__(
        self,
        folder: Path,
        password_provider: PasswordProvider | None = None,
        label: str | None = None,
        *,
        encryption: Encryption = "aes",
        kdf_rounds: int | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.folder = folder
        self.store_id = f"pkcs12:{folder}"
        self.label = label or text_only("L-backup-folder", folder=str(folder))
        self.target = StoreTarget(StoreKind.PKCS12_FOLDER)
        self._passwords = password_provider
        self._encryption: Encryption = encryption
        self._kdf_rounds = kdf_rounds
        self._clock = clock

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    @property
    def unavailable_reason(self) -> CertassistError | None:
        if not self.folder.is_dir():
            return StoreError("E-backup-folder-missing", folder=str(self.folder))
        return None

    def backups(self) -> list[BackupFile]:
        """Every .pfx/.p12 file, with its sidecar facts when it has trustworthy ones."""
        reason = self.unavailable_reason
        if reason is not None:
            raise reason
        files = sorted(
            p for p in self.folder.iterdir() if p.suffix.lower() in BACKUP_SUFFIXES and p.is_file()
        )
        return [BackupFile(p, read_sidecar(p)) for p in files]

    def list(self) -> list[StoreEntry]:
        entries: dict[str, StoreEntry] = {}
        for backup in self.backups():
            if backup.meta is None:
                continue
            entries.setdefault(
                backup.meta.fingerprint,
                StoreEntry(
                    store_id=self.store_id,
                    fingerprint=backup.meta.fingerprint,
                    der=backup.meta.cert_der,
                    has_key=True,  # written and verified with its key by write_backup
                    exportable=True,
                    nickname=backup.path.name,
                ),
            )
        return list(entries.values())

    def get(self, fingerprint: str) -> StoreEntry | None:
        return find_entry(self.list(), fingerprint)

    def add(self, bundle: Bundle) -> StoreEntry:
        if bundle.key is None:
            raise CertassistError("E-store-no-key", store=self.label)
        target = free_backup_path(self.folder, default_stem(bundle))
        password = self._password_for(target)
        write_backup(
            self.folder,
            bundle,
            password,
            self._encryption,
            target.stem,
            now=self._clock(),
            kdf_rounds=self._kdf_rounds,
        )
        return verify_present(self, bundle.fingerprint, bundle.has_key)

    def export(self, fingerprint: str) -> Bundle:
        """The newest backup of that certificate; one whose sidecar lies is skipped."""
        mismatch: CertassistError | None = None
        for backup in self._candidates(fingerprint):
            bundle = open_backup(backup.path, self._password_for(backup.path))
            if bundle.fingerprint != backup.fingerprint:
                mismatch = mismatch or CertassistError(
                    "E-backup-sidecar-mismatch", file=backup.path.name
                )
                continue
            if bundle.key is None or not bundle.key_matches():
                raise CertassistError("E-store-no-key", store=self.label)
            return bundle
        assert mismatch is not None
        raise mismatch

    def remove(self, fingerprint: str) -> None:
        for backup in self._candidates(fingerprint):
            backup.path.unlink()
            remove_quietly(sidecar_path(backup.path))

    def adopt(
        self, path: Path, password: str, classification: Classification | None = None
    ) -> BackupMeta:
        """Open a backup that has no sidecar (made elsewhere) and write one, so it lists."""
        bundle = open_backup(path, password)
        meta = BackupMeta.for_bundle(bundle, "unknown", self._clock(), classification)
        atomic_write_bytes(sidecar_path(path), meta.to_json().encode("utf-8"))
        return meta

    def _candidates(self, fingerprint: str) -> tuple[BackupFile, ...]:
        matches = [b for b in self.backups() if b.fingerprint == fingerprint.upper()]
        if not matches:
            raise CertassistError("E-store-not-found", store=self.label, fingerprint=fingerprint)
        return tuple(sorted(matches, key=_created, reverse=True))

    def _password_for(self, path: Path) -> str:
        password = self._passwords(path) if self._passwords else None
        if not password:
            raise CertassistError("E-backup-password-needed", file=path.name)
        return password


def _created(backup: BackupFile) -> datetime:
    return backup.meta.created if backup.meta else WHEN_UNKNOWN

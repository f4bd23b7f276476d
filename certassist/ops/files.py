"""Backup files from the operations' side: names, the injected writer, read-back, clean-up.

The store layer's `write_backup` writes atomically and verifies; the operations verify once
more with the core reader (a second, independent opinion) and make sure a failed write leaves
no file behind, whatever the writer did.
"""

from __future__ import annotations

import errno
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from certassist.core.errors import CertassistError, StoreError
from certassist.core.fileio import atomic_write_bytes
from certassist.core.models import Bundle, CertInfo

Encryption = Literal["aes", "3des"]
BackupWriter = Callable[[Path, Bundle, str, Encryption, str, CertInfo], Path]
BundleReader = Callable[[Path, "str | None"], Bundle]
TRANSFER_SUFFIX = ".certassist-transfer.json"


def default_writer(
    folder: Path,
    bundle: Bundle,
    password: str,
    encryption: Encryption,
    file_stem: str,
    info: CertInfo,
) -> Path:
    """The store layer's atomic, read-back-verified writer, with the sidecar's public facts."""
    from certassist.stores.pkcs12file import write_backup

    return write_backup(
        folder, bundle, password, encryption, file_stem, classification=info.classification
    )


def default_reader(path: Path, password: str | None) -> Bundle:
    from certassist.core.reading import read_certificate_file

    return read_certificate_file(path, password)


def _slug(text: str) -> str:
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", bare).strip("-")[:40] or "certificaat"


def backup_stem(info: CertInfo, folder: Path, transfer: bool = False) -> str:
    """A name that says whose certificate it is and until when, and never overwrites a file."""
    who = info.holder or info.classification.organisation or info.subject
    parts = [_slug(who), info.kind.value, info.expiry_date.isoformat(), info.fingerprint[:8]]
    if transfer:
        parts.append("overzetten")
    stem = "_".join(parts)
    candidate, n = stem, 1
    while any(p.name.startswith(candidate + ".") for p in folder.glob(candidate + ".*")):
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def os_error(error: OSError, folder: Path) -> CertassistError:
    """Map the OS's reasons to what a practice employee can do about them."""
    if error.errno == errno.ENOSPC or error.errno == getattr(errno, "EDQUOT", -1):
        return StoreError("E-ops-backup-disk-full", folder=str(folder))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreError("E-ops-backup-readonly", folder=str(folder))
    return StoreError("E-ops-backup-write-failed", folder=str(folder), reason=error.strerror)


def os_cause(error: BaseException) -> OSError | None:
    """The OSError behind an error, if any: the store layer wraps them with the reason."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError):
            return seen
        seen = seen.__cause__
    return None


def _listing(folder: Path) -> set[str]:
    try:
        return {p.name for p in folder.iterdir()}
    except OSError:
        return set()


@contextmanager
def no_leftovers(folder: Path) -> Iterator[None]:
    """On failure, remove every file that appeared in the folder during the block.

    Only new names are removed, so an existing backup is never touched.
    """
    before = _listing(folder)
    try:
        yield
    except BaseException:
        for name in _listing(folder) - before:
            try:
                (folder / name).unlink()
            except OSError:
                pass
        raise


def verify_backup(path: Path, password: str, expected: str, reader: BundleReader) -> Bundle:
    """Open the written file as a user would: password, same fingerprint, key matches."""
    try:
        bundle = reader(path, password)
    except CertassistError as error:
        raise CertassistError(
            "E-ops-backup-verify", file=path.name, reason=error.message_id
        ) from error
    if bundle.fingerprint != expected.upper():
        raise CertassistError("E-ops-backup-verify", file=path.name, reason="fingerprint")
    if not bundle.key_matches():
        raise CertassistError("E-ops-backup-verify", file=path.name, reason="key")
    return bundle


def write_transfer_marker(path: Path, data: dict[str, Any]) -> Path:
    """Mark a backup as "bring this renewed certificate to the other PCs" (no secrets)."""
    marker = path.with_name(path.stem + TRANSFER_SUFFIX)
    atomic_write_bytes(marker, json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))
    return marker


def read_transfer_marker(path: Path) -> dict[str, Any] | None:
    marker = path.with_name(path.stem + TRANSFER_SUFFIX)
    if not marker.exists():
        return None
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None

"""Atomic file writes for backups and sidecars: temp file in the same folder, fsync, rename.

The temp file lives next to the target so the rename stays on one file system (a USB stick
or network share); it is created 0600, and removed on any failure, so nothing half-written
ever carries the target's name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from certassist.core.errors import CertassistError


def atomic_write_bytes(
    target: Path,
    data: bytes,
    *,
    verify: Callable[[Path], None] | None = None,
    mode: int = 0o600,
) -> None:
    """Write `data` to `target` atomically; `verify(temp)` may raise to abort before the rename."""
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if mode != 0o600 and sys.platform != "win32":
                os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        if verify is not None:
            verify(temp)
        os.replace(temp, target)
    except BaseException:
        remove_quietly(temp)
        raise
    _fsync_dir(target.parent)


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable where the OS allows it (not on Windows or some shares)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- reading what a user points at ---------------------------------------------------------

_PATH_ERRORS = {
    errno.ENOENT: "E-read-not-found",
    errno.EISDIR: "E-read-not-found",
    errno.EACCES: "E-read-no-access",
    errno.EPERM: "E-read-no-access",
    errno.ELOOP: "E-read-bad-path",  # a symbolic link that points at itself, in a circle
    errno.ENOTDIR: "E-read-bad-path",  # a path through a file: "x.pfx/y.pfx"
    errno.ENAMETOOLONG: "E-read-bad-path",
    errno.EINVAL: "E-read-bad-path",  # Windows: characters a name may not contain
}


def read_error(exc: OSError, path: Path) -> CertassistError:
    """The OS's refusal to open `path`, as an id the user can act on (never a traceback)."""
    message_id = _PATH_ERRORS.get(exc.errno or 0, "E-read-os-error")
    return CertassistError(message_id, file=str(path), reason=exc.strerror or str(exc))


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes.

    A FIFO would block for ever and `/dev/zero` would fill the memory: only regular files are
    read (opened without blocking, checked with fstat on the open file, so the check and the read
    see the same file), and never more than `limit` + 1 bytes.
    """
    try:
        is_folder = path.is_dir()  # Windows says "access denied" for a folder
    except OSError as exc:  # a name too long, on Python 3.11
        raise read_error(exc, path) from exc
    if is_folder:
        raise CertassistError("E-read-not-found", file=str(path), reason="")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise read_error(exc, path) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise CertassistError("E-read-not-found", file=str(path), reason="")
        if not stat.S_ISREG(info.st_mode):
            raise CertassistError("E-read-not-a-file", file=str(path))
        if info.st_size > limit:
            raise CertassistError("E-read-too-large", file=str(path), limit=limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # grew while being read
            raise CertassistError("E-read-too-large", file=str(path), limit=limit)
        return b"".join(chunks)
    except OSError as exc:
        raise read_error(exc, path) from exc
    finally:
        os.close(fd)


# -- certassist's own folders and files: the user's only -----------------------------------


def private_folder(folder: Path) -> Path:
    """Create `folder` (and parents) for certassist's own data, 0700 whatever the umask, and
    tighten it when it already existed looser. Windows: the profile folder's ACL applies."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "nt":
        with contextlib.suppress(OSError):  # not ours to change (e.g. a shared parent)
            if stat.S_IMODE(folder.stat().st_mode) & 0o077:
                folder.chmod(0o700)
    return folder


def make_private(path: Path) -> None:
    """A file of certassist's own that existed before (an audit log made 0644) becomes 0600."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(0o600)

"""Atomic file writes for backups and sidecars: temp file in the same folder, fsync, rename.

The temp file lives next to the target so the rename stays on one file system (a USB stick
or network share); it is created 0600, and removed on any failure, so nothing half-written
ever carries the target's name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from certassist.core.errors import CertassistError

# Temporary files carry this pattern, so those of a run that was killed are recognised (and
# cleaned by the next run that holds the folder's lock): ".<name>.<8 hex>.certassist-tmp".
TEMP_SUFFIX = ".certassist-tmp"
# Versions before 2026-12 wrote ".<name>.pfx.<8 hex>.tmp": those are recognised too.
TEMP_PATTERN = re.compile(
    r"^\..+\.[0-9a-f]{8}\.certassist-tmp$|^\..+\.(pfx|p12|json)\.[0-9a-f]{8}\.tmp$"
)


def atomic_write_bytes(
    target: Path,
    data: bytes,
    *,
    verify: Callable[[Path], None] | None = None,
    mode: int = 0o600,
    overwrite: bool = True,
) -> None:
    """Write `data` to `target` atomically; `verify(temp)` may raise to abort before the rename.

    `overwrite=False`: the final step never replaces a file that appeared meanwhile (another
    process's backup of the same certificate); it raises FileExistsError instead.
    """
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
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
        if overwrite:
            os.replace(temp, target)
        else:
            publish_new(temp, target)
    except BaseException:
        remove_quietly(temp)
        raise
    _fsync_dir(target.parent)


def publish_new(temp: Path, target: Path) -> None:
    """Rename `temp` to `target` only if `target` does not exist (FileExistsError otherwise).

    A hard link is atomic and refuses an existing name; file systems without links (FAT and
    exFAT USB sticks) get a checked rename, which the folder lock makes safe between
    certassist processes. Windows' rename never replaces an existing file.
    """
    if sys.platform == "win32":
        os.rename(temp, target)
        return
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        os.rename(temp, target)
        return
    remove_quietly(temp)


def leftover_temps(folder: Path) -> list[Path]:
    """Temporary files of certassist runs that were killed before they could clean up."""
    try:
        return sorted(p for p in folder.iterdir() if TEMP_PATTERN.match(p.name))
    except OSError:
        return []


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove them; call only while holding `folder_lock(folder)` (no live writer then)."""
    removed = []
    for path in leftover_temps(folder):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


class FolderBusy(Exception):
    """Another process held the folder's lock for longer than we waited."""


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = 60.0) -> Iterator[None]:
    """One writer at a time in `folder` (a backup folder, an NSS profile): an advisory lock on
    the folder itself (POSIX flock; Windows: a lock file in it), released when the process ends,
    also by kill -9. Where the file system has no locks (some network shares) it goes on
    without one: the final rename still never overwrites."""
    deadline = time.monotonic() + wait
    handle = _lock_handle(folder)
    if handle is None:
        yield
        return
    try:
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise FolderBusy(str(folder))
            time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def data_dir() -> Path:
    """certassist's own data folder for this OS user (records, audit log, store locks)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("certassist", appauthor=False))


def store_lock_folder(store_id: str, base: Path | None = None) -> Path:
    """Where the lock of a store that is no folder (the Windows store) lives: one folder per
    store id under `base` (default: certassist's data folder), held with `folder_lock`."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", store_id)
    folder = (base if base is not None else data_dir()) / "locks" / safe
    with contextlib.suppress(OSError):  # cannot be made: `folder_lock` goes on without a lock
        private_folder(folder)
    return folder


def _lock_handle(folder: Path) -> int | None:
    try:
        if sys.platform == "win32":
            return os.open(folder / ".certassist.lock", os.O_RDWR | os.O_CREAT, 0o600)
        return os.open(folder, os.O_RDONLY)
    except OSError:
        return None


def _try_lock(handle: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN):  # Windows: locked by another process
            return False
        return True  # the file system has no locks: go on without
    return True


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

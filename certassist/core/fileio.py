"""Atomic file writes for backups and sidecars: temp file in the same folder, fsync, rename.

The temp file lives next to the target so the rename stays on one file system (a USB stick
or network share); it is created 0600, and removed on any failure, so nothing half-written
ever carries the target's name.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path


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

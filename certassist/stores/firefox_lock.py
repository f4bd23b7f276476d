"""Is Firefox using this profile right now? Then NSS must not open its databases.

Firefox on Linux/macOS holds an fcntl write lock on `.parentlock` for as long as it runs and
also leaves a `lock` symlink whose target is "<ip>:+<pid>". The fcntl lock is authoritative
(it disappears when the process dies, even after a crash); the symlink is consulted only when
there is no `.parentlock`, because a crash leaves a stale symlink behind. On Windows Firefox
opens `parent.lock` without sharing, so opening it fails while Firefox runs.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from pathlib import Path

from certassist.core.errors import CertassistError, StoreError


def profile_in_use(profile_dir: Path) -> bool:
    if sys.platform == "win32":
        return _windows_locked(profile_dir / "parent.lock")
    parentlock = profile_dir / ".parentlock"
    if parentlock.exists():
        return _fcntl_locked(parentlock)
    return _symlink_live(profile_dir / "lock")


def running_error(profile_dir: Path, profile_name: str) -> CertassistError | None:
    """The reason to give the user, or None when the profile is free."""
    if profile_in_use(profile_dir):
        return StoreError("E-firefox-running", profile=profile_name)
    return None


def _windows_locked(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    except PermissionError:
        return True  # sharing violation: Firefox has it open
    os.close(fd)
    return False


def _fcntl_locked(path: Path) -> bool:
    if sys.platform == "win32":  # Windows asks _windows_locked; this also tells mypy
        return False
    import fcntl

    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False  # cannot even open it: not a lock we can judge, treat as free
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            return True
        return False
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _symlink_live(link: Path) -> bool:
    try:
        target = os.readlink(link)
    except OSError:
        return False
    host, _, pid_text = target.rpartition(":+")
    if not pid_text.isdigit():
        return False
    if host and host not in _own_addresses():
        return True  # held by Firefox on another PC (profile on a network share): cannot check
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _own_addresses() -> set[str]:
    addresses = {"127.0.0.1", "127.0.1.1"}
    try:
        addresses.add(socket.gethostbyname(socket.gethostname()))
    except OSError:
        pass
    return addresses

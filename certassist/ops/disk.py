"""Is the backup folder on the same disk as the system? (R9: keep backups on another medium.)

A backup on the PC's own disk is lost with the PC. The decision is a pure function of injected
facts (platform, device numbers, drive letters) so it is tested for Windows on Linux.
"""

from __future__ import annotations

import ntpath
import os
from collections.abc import Callable, Sequence
from pathlib import Path


def _existing(path: Path) -> Path:
    """The nearest existing folder: the target may not be created yet."""
    current = path
    while not current.exists() and current.parent != current:
        current = current.parent
    return current


def same_disk_posix(target: Path, system: Sequence[Path], dev_of: Callable[[Path], int]) -> bool:
    """True when the target shares a device number with any of the system paths."""
    target_dev = dev_of(_existing(target))
    return any(target_dev == dev_of(_existing(p)) for p in system)


def same_disk_windows(target: str, system: Sequence[str]) -> bool:
    """Compare drive letters (C:) or UNC shares; a network share is never the system disk."""

    def drive(path: str) -> str:
        return ntpath.splitdrive(path)[0].rstrip("\\/").upper()

    target_drive = drive(target)
    if not target_drive or target_drive.startswith("\\\\"):
        return False
    return any(target_drive == drive(p) for p in system if p)


def on_system_disk(
    target: Path,
    *,
    windows: bool | None = None,
    environ: dict[str, str] | None = None,
    dev_of: Callable[[Path], int] | None = None,
    home: Path | None = None,
) -> bool:
    """The real question, with the platform's facts filled in unless injected."""
    env = dict(os.environ) if environ is None else environ
    is_windows = os.name == "nt" if windows is None else windows
    if is_windows:
        keys = (("SystemDrive", "C:"), ("USERPROFILE", ""), ("HOMEDRIVE", ""))
        system = [env.get(k, default) for k, default in keys]
        return same_disk_windows(str(target), system)
    probe = dev_of or (lambda p: p.stat().st_dev)
    home_dir = home or Path(env.get("HOME", str(Path.home())))
    return same_disk_posix(target, [Path("/"), home_dir], probe)

"""The stores of this PC together with the backup folders the practice registered.

Why one function for `certassist list`, `check`, the operations on the command line and the GUI:
they must all see the same certificates. A certificate whose only backup sits on the USB stick
registered in the practice settings *is* backed up (R9); a listing that forgot the registered
folders would call it "back-up ontbreekt" while `check` found the backup.

The settings never hide the PC's own stores: a missing settings file means the defaults (a
practice that has not set anything yet), and an invalid one turns into an unavailable entry
whose reason is the settings error, listed like a locked Firefox profile, instead of a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from certassist.core.errors import CertassistError
from certassist.core.models import StoreKind

if TYPE_CHECKING:
    from certassist.core.settings import PracticeSettings
    from certassist.stores.base import CertStore
    from certassist.stores.registry import StoreStatus

Discover = Callable[[Sequence[Path]], "list[StoreStatus]"]
SETTINGS_STORE_PREFIX = "settings:"


@dataclass(frozen=True)
class LocalStores:
    """What this PC has: its own stores, the registered backup folders, and the settings."""

    stores: tuple[CertStore, ...]  # Windows, Firefox profiles, the shared NSS database
    backups: tuple[CertStore, ...]  # one per registered backup folder (+ a settings problem)
    settings: PracticeSettings
    settings_error: CertassistError | None = None

    @property
    def all(self) -> list[CertStore]:
        return [*self.stores, *self.backups]


def load_practice_settings(
    path: Path | None = None,
) -> tuple[PracticeSettings, CertassistError | None]:
    """The settings at `path` (default: this OS user's); an invalid file → defaults + its error."""
    from certassist.core.settings import PracticeSettings, SettingsFile, default_settings_path

    try:
        return SettingsFile(path or default_settings_path()).load(), None
    except CertassistError as error:
        return PracticeSettings(), error


def settings_problem_store(path: Path | None, error: CertassistError) -> CertStore:
    """An unavailable stand-in for the backup folders the broken settings would have named."""
    from certassist.core.messages import text_only
    from certassist.core.models import StoreTarget
    from certassist.core.settings import default_settings_path
    from certassist.stores.unavailable import UnavailableStore

    where = path or default_settings_path()
    return UnavailableStore(
        f"{SETTINGS_STORE_PREFIX}{where}",
        text_only("L-local-settings-backups"),
        StoreTarget(StoreKind.PKCS12_FOLDER),
        error,
    )


def _discover_here(folders: Sequence[Path]) -> list[StoreStatus]:
    from certassist.stores.registry import discover_here

    return discover_here(backup_folders=folders)


def with_settings(
    stores: Sequence[CertStore],
    settings_path: Path | None = None,
    *,
    include_folders: bool = True,
) -> LocalStores:
    """Given stores (the demo's sandbox) with the settings loaded like `local_and_backup_stores`;
    `include_folders=False` leaves the registered folders out (the demo never reads them)."""
    from certassist.stores.pkcs12file import Pkcs12FolderStore

    settings, error = load_practice_settings(settings_path)
    backups: list[CertStore] = []
    if include_folders:
        backups += [Pkcs12FolderStore(f) for f in settings.backup_folders]
    if error is not None:
        backups.append(settings_problem_store(settings_path, error))
    return LocalStores(tuple(stores), tuple(backups), settings, error)


def local_and_backup_stores(
    settings_path: Path | None = None, *, discover: Discover | None = None
) -> LocalStores:
    """This PC's stores and its registered backup folders (honouring CERTASSIST_STORES)."""
    from certassist.ops.overview import stores_from_statuses

    settings, error = load_practice_settings(settings_path)
    found = stores_from_statuses((discover or _discover_here)(settings.backup_folders))
    pc = tuple(s for s in found if not s.target.is_backup_folder)
    backups = [s for s in found if s.target.is_backup_folder]
    if error is not None:
        backups.append(settings_problem_store(settings_path, error))
    return LocalStores(pc, tuple(backups), settings, error)


def local_stores(settings_path: Path | None = None) -> list[CertStore]:
    """Every store to list on this PC, backup folders included: the GUI's and `list`'s set."""
    return local_and_backup_stores(settings_path).all

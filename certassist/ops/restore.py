"""Restore (import) a certificate from a backup onto this PC, with the install checks.

Already there → nothing happens and the user is told so. A backup that holds an older
certificate than one installed for the same person/practice needs an explicit yes: restoring
it by mistake would leave the user with the certificate that expires first.
"""

from __future__ import annotations

from collections.abc import Sequence

from certassist.core.models import Action, CertInfo
from certassist.ops.base import Confirm, Describe, Notice
from certassist.ops.common import guarded, same_line
from certassist.ops.install import InstallOperation, PlacePlan
from certassist.ops.placing import Placement
from certassist.stores.base import CertStore


def newer_installed(
    describe: Describe, info: CertInfo, placements: Sequence[Placement]
) -> list[tuple[CertStore, CertInfo]]:
    """Certificates of the same line in the target stores that expire later than `info`."""
    found: list[tuple[CertStore, CertInfo]] = []
    for placement in placements:
        with guarded(placement.store):
            entries = placement.store.list()
        for entry in entries:
            other = describe(entry.certificate)
            if (
                other.fingerprint != info.fingerprint
                and same_line(other, info)
                and other.not_after > info.not_after
            ):
                found.append((placement.store, other))
    return found


class RestoreOperation(InstallOperation):
    action = Action.RESTORE
    what = "restore"
    done_message = "I-ops-restore-done"

    def _newer(
        self, info: CertInfo, placements: tuple[Placement, ...]
    ) -> list[tuple[CertStore, CertInfo]]:
        return newer_installed(self.ctx.describe, info, placements)

    def _extra_warnings(
        self, info: CertInfo, placements: tuple[Placement, ...]
    ) -> tuple[Notice, ...]:
        return tuple(
            Notice(
                "W-ops-restore-older",
                {
                    "store": store.label,
                    "backup_expiry": info.expiry_date.isoformat(),
                    "installed_expiry": other.expiry_date.isoformat(),
                },
            )
            for store, other in self._newer(info, placements)
        )

    def _extra_needs(self, info: CertInfo, placements: tuple[Placement, ...]) -> frozenset[Confirm]:
        return frozenset({Confirm.OLDER_BACKUP}) if self._newer(info, placements) else frozenset()

    def _after(self, plan: PlacePlan, added: list[str]) -> None:
        """A restore is not an install: the first install date (R6) stays what it was."""

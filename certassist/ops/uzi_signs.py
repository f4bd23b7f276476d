"""R14 for a UZI server certificate: the two signs the user confirms after a renewal.

Why a record: the portal sends no confirmation, and certassist cannot see whether DigiD works.
The portal names two signs the practice can see itself: its warning about the expiring
certificate is gone from the admin site, and the DigiD login button stays visible, also in the
seven days before the old certificate's expiry (the days in which an unfinished renewal
switches DigiD off). So a completed pairing leaves an open renewal here; `check`, `list` and
the daily reminder keep asking for the two signs until the user confirms them, and after that
the advice no longer asks. What is kept: fingerprints, host, dates (no key, no password). The
user's word is recorded as the user's word: certassist never states that DigiD is on or off.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certassist.core.errors import CertassistError, RefusedError
from certassist.core.fileio import atomic_write_bytes, private_folder
from certassist.core.models import Environment
from certassist.core.rules import uzi_timeline

if TYPE_CHECKING:
    from certassist.ops.audit import AuditLog
    from certassist.ops.renew_uzi import Paired

SIGNS_FILE = "uzi-signs.json"


class Sign(StrEnum):
    WARNING_GONE = "warning-gone"  # the portal's warning in its admin site has disappeared
    DIGID_VISIBLE = "digid-visible"  # the DigiD login button stays visible in the last 7 days


@dataclass(frozen=True)
class RenewedUzi:
    """A paired UZI server renewal and what the user has confirmed of it so far."""

    fingerprint: str  # the new certificate's
    host: str
    environment: Environment
    paired_on: date
    new_expiry: date
    old_fingerprint: str | None = None
    old_expiry: date | None = None
    warning_gone_on: date | None = None
    digid_visible_on: date | None = None

    @property
    def confirmed(self) -> bool:
        return self.warning_gone_on is not None and self.digid_visible_on is not None

    @property
    def open_signs(self) -> tuple[Sign, ...]:
        seen = {Sign.WARNING_GONE: self.warning_gone_on, Sign.DIGID_VISIBLE: self.digid_visible_on}
        return tuple(sign for sign, on in seen.items() if on is None)

    @property
    def digid_sign_from(self) -> date | None:
        """The old certificate's switch-off day (R11): before it the button proves nothing,
        the old certificate still carries DigiD. None when the old certificate is unknown."""
        if self.old_expiry is None:
            return None
        return uzi_timeline(self.old_expiry).switch_off

    def to_json(self) -> dict[str, Any]:
        def day(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "fingerprint": self.fingerprint,
            "host": self.host,
            "environment": self.environment.value,
            "paired_on": self.paired_on.isoformat(),
            "new_expiry": self.new_expiry.isoformat(),
            "old_fingerprint": self.old_fingerprint,
            "old_expiry": day(self.old_expiry),
            "warning_gone_on": day(self.warning_gone_on),
            "digid_visible_on": day(self.digid_visible_on),
            "confirmed": self.confirmed,
            "digid_sign_from": day(self.digid_sign_from),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RenewedUzi:
        def day(key: str) -> date | None:
            value = data.get(key)
            return date.fromisoformat(str(value)) if value else None

        return cls(
            fingerprint=str(data["fingerprint"]).upper(),
            host=str(data["host"]),
            environment=Environment(str(data["environment"])),
            paired_on=date.fromisoformat(str(data["paired_on"])),
            new_expiry=date.fromisoformat(str(data["new_expiry"])),
            old_fingerprint=str(data["old_fingerprint"]).upper()
            if data.get("old_fingerprint")
            else None,
            old_expiry=day("old_expiry"),
            warning_gone_on=day("warning_gone_on"),
            digid_visible_on=day("digid_visible_on"),
        )


class UziSignRecords:
    """new fingerprint → RenewedUzi, in one small JSON file next to the install records."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def all(self) -> list[RenewedUzi]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        found = []
        for raw in data.values() if isinstance(data, dict) else ():
            try:
                found.append(RenewedUzi.from_json(raw))
            except (KeyError, ValueError, TypeError, AttributeError):
                continue  # one damaged entry must not hide the others
        return sorted(found, key=lambda r: (r.paired_on, r.host))

    def open(self) -> list[RenewedUzi]:
        """Renewals whose two signs the user has not both confirmed yet."""
        return [r for r in self.all() if not r.confirmed]

    def _save(self, records: list[RenewedUzi]) -> None:
        private_folder(self.path.parent)
        data = {r.fingerprint: r.to_json() for r in records}
        text = json.dumps(data, indent=2, sort_keys=True)
        atomic_write_bytes(self.path, text.encode("utf-8"))

    def record_renewal(self, paired: Paired, today: date) -> RenewedUzi:
        """A completed pairing: the user is asked for the two signs from now on."""
        old = paired.old
        renewed = RenewedUzi(
            fingerprint=paired.info.fingerprint.upper(),
            host=paired.pending.host,
            environment=paired.info.environment,
            paired_on=today,
            new_expiry=paired.info.expiry_date,
            old_fingerprint=(old.fingerprint if old else paired.pending.old_fingerprint),
            old_expiry=(old.expiry_date if old else paired.pending.old_expiry),
        )
        return self.keep(renewed)

    def keep(self, renewed: RenewedUzi) -> RenewedUzi:
        """Store `renewed` (replacing an earlier record of the same new certificate)."""
        others = [r for r in self.all() if r.fingerprint != renewed.fingerprint]
        self._save([*others, renewed])
        return renewed

    def find(self, wanted: str | None) -> RenewedUzi:
        """The open renewal a user means: the only one, or the one whose host or fingerprint
        (at least 8 hex digits, colons allowed) matches."""
        waiting = self.open()
        if not waiting:
            raise CertassistError("E-R14-signs-none-open")
        if not wanted:
            if len(waiting) == 1:
                return waiting[0]
            raise CertassistError("E-R14-signs-which", hosts=", ".join(r.host for r in waiting))
        text = wanted.strip()
        hexed = text.replace(":", "").replace(" ", "").upper()
        matches = [
            r
            for r in waiting
            if r.host.lower() == text.lower()
            or (len(hexed) >= 8 and r.fingerprint.startswith(hexed))
        ]
        if len(matches) != 1:
            raise CertassistError("E-R14-signs-which", hosts=", ".join(r.host for r in waiting))
        return matches[0]

    def confirm(
        self,
        renewed: RenewedUzi,
        signs: set[Sign],
        today: date,
        audit: AuditLog,
        who: str,
    ) -> RenewedUzi:
        """Record what the user saw (and an audit line); the DigiD sign only from the old
        certificate's switch-off day, when it means something. Nothing changes on a refusal."""
        start = renewed.digid_sign_from
        if Sign.DIGID_VISIBLE in signs and start is not None and today < start:
            raise RefusedError(
                "E-R14-digid-sign-too-early", host=renewed.host, date=start.isoformat()
            )
        updated = replace(
            renewed,
            warning_gone_on=renewed.warning_gone_on
            or (today if Sign.WARNING_GONE in signs else None),
            digid_visible_on=renewed.digid_visible_on
            or (today if Sign.DIGID_VISIBLE in signs else None),
        )
        from certassist.ops.audit import record_for

        line = record_for(who, "confirm-signs", "done", None, rules=("R14",),
                          message_id="A-R14-signs-recorded")  # fmt: skip
        signed = ",".join(sorted(s.value for s in signs))
        audit.append(
            replace(line, fingerprint=updated.fingerprint, kind="uzi-server",
                    holder=updated.host, details={"signs": signed})
        )  # fmt: skip
        return self.keep(updated)


def replaced(renewals: Iterable[RenewedUzi]) -> set[str]:
    """The old certificates (fingerprints) whose renewal the user confirmed by both signs:
    what `list`, `check` and the start page show as replaced."""
    return {r.old_fingerprint for r in renewals if r.confirmed and r.old_fingerprint}


def records_in(data_dir: Path) -> UziSignRecords:
    return UziSignRecords(data_dir / SIGNS_FILE)

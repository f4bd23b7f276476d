"""The certificate overview behind the start page and `certassist list`.

One certificate often lives in several places (the Windows store, a Firefox profile, a backup on
a USB stick). Users think in certificates, not in stores, so the overview groups by SHA-256
fingerprint and lists every place it was found. Stores that cannot be read are reported with
their reason instead of silently disappearing. The status comes from the rules
(`certificate_status`); the overview only adds what only it can know: whether a backup exists (R9)
and whether a newer certificate of the same holder replaced an old one (R7, R11).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from certassist.core.errors import CertassistError
from certassist.core.kinds import traits
from certassist.core.models import (
    CertInfo,
    Environment,
    Kind,
    StoreEntry,
    StoreKind,
)

if TYPE_CHECKING:
    from cryptography import x509

    from certassist.core.rules import StatusReport
    from certassist.ops.backup_records import BackupRecord
    from certassist.stores.base import CertStore

Describe = Callable[["x509.Certificate"], CertInfo]
StatusFn = Callable[[CertInfo, date], "StatusReport"]


@dataclass(frozen=True)
class Place:
    """One store in which the certificate was found."""

    store_id: str
    label: str
    store_kind: StoreKind
    has_key: bool
    nickname: str | None = None

    @property
    def is_backup(self) -> bool:
        return self.store_kind.is_backup_folder


# What a registered backup folder says when its medium is not connected now.
NOT_CONNECTED = "E-backup-folder-missing"


@dataclass(frozen=True)
class StoreProblem:
    """A store (or one certificate in it) that could not be read, with the reason the user can
    act on: what the overview reports; the store itself may be a `stores.unavailable` one. The
    same shape carries what a store did on its own (`Overview.notices`: a repaired database)."""

    store_id: str
    label: str
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def leaves_answer_incomplete(self) -> bool:
        """A backup folder on a medium that is not connected now (a USB stick in a drawer) is
        the normal state, and the backups made there are remembered by their records: it is
        shown, but the answer is complete. Any other unreadable store leaves it incomplete."""
        return self.message_id != NOT_CONNECTED


@dataclass(frozen=True)
class CertificateGroup:
    """One certificate with all its places: one row on the start page."""

    info: CertInfo
    places: tuple[Place, ...]
    status: StatusReport
    days_left: int
    last_backup: BackupRecord | None = None  # the latest verified backup, wherever it was made

    @property
    def fingerprint(self) -> str:
        return self.info.fingerprint

    @property
    def kind(self) -> Kind:
        return self.info.kind

    @property
    def environment(self) -> Environment:
        return self.info.environment

    @property
    def holder(self) -> str | None:
        return self.info.holder or self.info.classification.organisation

    @property
    def expiry_date(self) -> date:
        return self.info.expiry_date

    @property
    def key_present(self) -> bool:
        return any(p.has_key for p in self.places)

    @property
    def has_backup(self) -> bool:
        """In a backup folder found now, or recorded when made (a stick not plugged in now)."""
        return self.last_backup is not None or any(p.is_backup and p.has_key for p in self.places)

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "subject": self.info.subject,
            "kind": str(self.kind),
            "environment": str(self.environment),
            "holder": self.holder,
            "expires": self.expiry_date.isoformat(),
            "days_left": self.days_left,
            "key_present": self.key_present,
            "has_backup": self.has_backup,
            "last_backup": self.last_backup.to_json() if self.last_backup else None,
            "status": str(self.status.status),
            "status_message": self.status.message_id,
            "places": [
                {"store": p.store_id, "label": p.label, "has_key": p.has_key} for p in self.places
            ],
        }


@dataclass(frozen=True)
class Overview:
    groups: list[CertificateGroup]
    unavailable: list[StoreProblem]
    notices: list[StoreProblem] = field(default_factory=list)  # read, but the user must hear


def _default_describe(cert: x509.Certificate) -> CertInfo:
    from certassist.core.classify import describe

    return describe(cert)


def rules_status(issuing_weeks: int | None = None) -> StatusFn:
    """The rules' status, with the practice's UZI issuing time (R11) when it has one.

    None means the rules' own default; the rules module is imported on first use only, to keep
    it off the GUI's start-up path.
    """

    def status(info: CertInfo, today: date) -> StatusReport:
        from certassist.core.rules import certificate_status

        if issuing_weeks is None:
            return certificate_status(info, today)
        return certificate_status(info, today, issuing_weeks)

    return status


def backup_missing(group: CertificateGroup) -> bool:
    """R9: an otherwise healthy certificate with a key but no backup anywhere needs one.

    The one test behind "back-up ontbreekt" in `list`, the start page and `check`; a backup
    recorded on a medium that is not connected now counts as a backup.
    """
    from certassist.core.rules import Status

    if group.status.status is not Status.OK or group.has_backup or not group.key_present:
        return False
    return traits(group.kind).backup_expected  # e.g. UZI card certificates live on the card


def _with_backup_status(group: CertificateGroup) -> CertificateGroup:
    """R9: `backup_missing` turns an OK status into "back-up ontbreekt"."""
    from certassist.core.rules import Status, StatusReport

    if not backup_missing(group):
        return group
    report = StatusReport(
        status=Status.BACKUP_MISSING,
        rule_id="R9",
        message_id="W-overview-backup-missing",
        params=dict(group.status.params),
    )
    return replace(group, status=report)


def owner_key(info: CertInfo) -> tuple[str, str, str]:
    """Who a certificate belongs to, for telling a renewal from an unrelated certificate: a UZI
    server certificate by subscriber and subject (its host), others by holder or practice."""
    from certassist.core.kinds import Family, family
    from certassist.core.rules import normalise_name

    c = info.classification
    if family(info.kind) is Family.UZI_SERVER:
        owner = f"{c.subscriber_number or c.ura or ''}|{info.subject}"
    else:
        owner = normalise_name(c.holder or c.organisation or info.subject)
    return (info.kind.value, info.environment.value, owner)


def has_newer_in_order(group: CertificateGroup, groups: Sequence[CertificateGroup]) -> bool:
    """A newer certificate of the same holder that needs nothing now is among `groups`: `group`
    was renewed (a VECOZO renewal, a paired UZI server renewal) and the old one stays until it
    expires. UZI cards and other certificates are never replaced this way."""
    from certassist.core.kinds import Family, family
    from certassist.core.rules import Status

    if family(group.kind) in (Family.UZI_CARD, Family.OTHER, Family.ISSUER):
        return False
    settled = (Status.OK, Status.NOT_YET_VALID, Status.BACKUP_MISSING)
    key = owner_key(group.info)
    return any(
        other is not group
        and other.expiry_date > group.expiry_date
        and other.status.status in settled
        and owner_key(other.info) == key
        for other in groups
    )


def _with_replaced_status(
    group: CertificateGroup,
    groups: Sequence[CertificateGroup],
    renewed: Collection[str] = (),
) -> CertificateGroup:
    """A due, overdue or expired certificate with a newer one in order is "vervangen": no
    "nu starten" or "vernieuwen" for a certificate that was renewed already (R7, R11). So is
    one in `renewed`: a UZI server certificate whose renewal the user confirmed with the
    portal's two signs (R14), also when the new certificate is in no store of this PC."""
    from certassist.core.rules import Status, StatusReport, fmt

    quiet = (Status.OK, Status.NOT_YET_VALID, Status.BACKUP_MISSING, Status.REPLACED)
    if group.status.status in quiet:
        return group
    if group.fingerprint.upper() not in renewed and not has_newer_in_order(group, groups):
        return group
    report = StatusReport(
        status=Status.REPLACED,
        rule_id=group.status.rule_id,
        message_id="I-check-replaced",
        params={"expiry": fmt(group.expiry_date)},
    )
    return replace(group, status=report)


def _recorded_backups() -> Mapping[str, BackupRecord]:
    """The user's backup records (R9), unless the caller passes its own."""
    from certassist.ops.backup_records import BACKUPS_FILE, BackupRecords
    from certassist.ops.records import default_data_dir

    return BackupRecords(default_data_dir() / BACKUPS_FILE).all()


def _is_ca(entry: StoreEntry) -> bool:
    from cryptography import x509

    try:
        constraints = entry.certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    except (x509.ExtensionNotFound, ValueError):
        return False
    return bool(constraints.value.ca)


def _damaged_entry(store: CertStore, entry: StoreEntry) -> StoreProblem:
    params = {"store": store.label, "fingerprint": entry.fingerprint[:16]}
    return StoreProblem(store.store_id, store.label, "E-store-certificate-damaged", params)


def scan_stores(
    stores: Sequence[CertStore],
    today: date,
    describe: Describe | None = None,
    status: StatusFn | None = None,
    check_backup: bool = True,
    issuing_weeks: int | None = None,
    backups: Mapping[str, BackupRecord] | None = None,
    renewed: Collection[str] = (),
) -> Overview:
    """Read every store once; group by fingerprint; soonest expiry first.

    `issuing_weeks`: the practice's UZI issuing time (settings), used unless `status` is given.
    `renewed`: fingerprints (upper case) of old UZI server certificates whose renewal the user
    confirmed (R14, `ops.uzi_signs`).
    """
    describe_fn = describe or _default_describe
    status_fn = status or rules_status(issuing_weeks)
    from certassist.stores.base import take_notices

    found: dict[str, tuple[StoreEntry, list[Place]]] = {}
    unavailable: list[StoreProblem] = []
    notices: list[StoreProblem] = []
    for store in stores:
        reason = store.unavailable_reason if not store.available else None
        entries: list[StoreEntry] = []
        if reason is None:
            try:
                entries = store.list()
            except CertassistError as error:
                reason = error
        notices += [
            StoreProblem(store.store_id, store.label, n.message_id, dict(n.params))
            for n in take_notices(store)
        ]
        if reason is not None:
            unavailable.append(
                StoreProblem(store.store_id, store.label, reason.message_id, reason.params)
            )
            continue
        for entry in entries:
            try:
                entry.certificate  # noqa: B018 - decoded completely once, or refused here
            except CertassistError:  # one damaged certificate must not hide the others
                unavailable.append(_damaged_entry(store, entry))
                continue
            if not entry.has_key and _is_ca(entry):
                continue  # issuing CAs that came along in a PFX chain are not "my certificates"
            place = Place(
                store.store_id, store.label, store.target.kind, entry.has_key, entry.nickname
            )
            first, places = found.setdefault(entry.fingerprint, (entry, []))
            places.append(place)
    groups: list[CertificateGroup] = []
    recorded = _recorded_backups() if backups is None else backups
    for first, places in found.values():
        info = describe_fn(first.certificate)
        group = CertificateGroup(
            info=info,
            places=tuple(places),
            status=status_fn(info, today),
            days_left=info.days_left(today),
            last_backup=recorded.get(info.fingerprint),
        )
        groups.append(group)
    groups = [_with_replaced_status(g, groups, renewed) for g in groups]
    if check_backup:
        groups = [_with_backup_status(g) for g in groups]
    groups.sort(key=lambda g: (g.expiry_date, g.info.subject))
    return Overview(groups, unavailable, notices)


def build_overview(
    stores: Sequence[CertStore],
    today: date,
    describe: Describe | None = None,
    status: StatusFn | None = None,
) -> list[CertificateGroup]:
    """The start page's rows; `scan_stores` also returns the unavailable stores."""
    return scan_stores(stores, today, describe, status).groups


def stores_from_statuses(statuses: Sequence[Any]) -> list[CertStore]:
    """Registry answers → stores; one that could not even be built stays, with its reason."""
    from certassist.core.models import StoreTarget
    from certassist.stores.unavailable import UnavailableStore

    result: list[CertStore] = []
    for status in statuses:
        if status.store is not None:
            result.append(status.store)
        else:
            reason = status.reason or CertassistError("E-ops-store-unavailable", store=status.label)
            target = StoreTarget(status.kind)
            result.append(UnavailableStore(status.store_id, status.label, target, reason))
    return result

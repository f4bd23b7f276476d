"""UZI server certificate renewal: new key + request now, pairing when the certificate arrives.

Why it is split in two: between the request and the issued certificate lie weeks (R11), the
PC may be restarted and a different staff member may finish the job. So `start` leaves a
pending renewal on disk — the request (public), the old certificate (public), a small JSON file
(public facts) and the new key, always encrypted with a password the user chose. The password is
kept in the OS keyring only when the user asks and a keyring works here; without one the flow
still works and says so.

`pair` refuses anything that does not belong to this request: a certificate for another key
(foreign), one that is not from a UZI server CA, one for another subscriber number (R13), one
that is expired. Only then is a PFX written or the certificate installed — through the
operations layer — followed by certassist's own confirmation (R14, the vendor sends none) and
the backup question (R9).
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from certassist.core.csr import (
    ServerSubject,
    build_csr,
    csr_pem,
    decrypt_key,
    encrypt_key,
    new_key,
    public_key_der,
    subject_of,
)
from certassist.core.errors import CertassistError
from certassist.core.fileio import atomic_write_bytes
from certassist.core.kinds import Family, family
from certassist.core.models import Bundle, CertInfo, Environment
from certassist.core.rules import (
    Decision,
    PracticeFacts,
    Verdict,
    confirm_renewal,
    subscriber_mismatch,
    uzi_renewal_signs,
)
from certassist.core.rules import Outcome as RuleOutcome
from certassist.core.vendors import VendorSteps, vendor_steps
from certassist.ops.base import Confirmations, Describe, Notice, OpContext, Result
from certassist.stores.base import CertStore

if TYPE_CHECKING:
    from certassist.ops.files import BackupWriter

KEYRING_SERVICE = "certassist-uzi-renewal"


class KeyringLike(Protocol):
    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


class SystemKeyring:
    """The `keyring` package behind the small interface above (imported on first use)."""

    def get_password(self, service: str, username: str) -> str | None:
        import keyring

        return keyring.get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        import keyring

        keyring.set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        import keyring

        keyring.delete_password(service, username)


def _default_describe(cert: x509.Certificate) -> CertInfo:
    from certassist.core.classify import describe

    return describe(cert)


@dataclass(frozen=True)
class PendingRenewal:
    """A request that waits for its certificate; every field is public (no key, no password)."""

    id: str
    host: str
    created_on: date
    environment: Environment
    subscriber_number: str | None
    old_fingerprint: str | None
    old_expiry: date | None
    remembered: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_on"] = self.created_on.isoformat()
        data["environment"] = self.environment.value
        data["old_expiry"] = self.old_expiry.isoformat() if self.old_expiry else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PendingRenewal:
        return cls(
            id=str(data["id"]),
            host=str(data["host"]),
            created_on=date.fromisoformat(str(data["created_on"])),
            environment=Environment(str(data["environment"])),
            subscriber_number=data.get("subscriber_number"),
            old_fingerprint=data.get("old_fingerprint"),
            old_expiry=date.fromisoformat(data["old_expiry"]) if data.get("old_expiry") else None,
            remembered=bool(data.get("remembered", False)),
        )


@dataclass(frozen=True)
class Started:
    pending: PendingRenewal
    csr_path: Path
    csr_pem: bytes
    vendor: VendorSteps | None
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Paired:
    """The issued certificate with its key: ready to become a PFX or to be installed."""

    pending: PendingRenewal
    bundle: Bundle = field(repr=False)
    info: CertInfo
    old: CertInfo | None
    vendor: VendorSteps | None
    notices: tuple[Notice, ...] = ()


def _atomic_write(path: Path, data: bytes, private: bool = False) -> None:
    # The pending key file is for this OS user only; the CSR and metadata are public.
    atomic_write_bytes(path, data, mode=0o600 if private else 0o644)


def _vendor(facts: PracticeFacts | None) -> tuple[VendorSteps | None, tuple[Notice, ...]]:
    """R12 from data; an unset or unknown vendor is a notice, never a stop."""
    if facts is None or not facts.vendor_id:
        return None, (Notice("I-R12-record-vendor", {}, "R12"),)
    try:
        return vendor_steps(facts.vendor_id), ()
    except CertassistError:
        return None, (Notice("W-R12-vendor-unknown", {"vendor": facts.vendor_id}, "R12"),)


class UziRenewalFlow:
    """Pending renewals live in `folder` (the user's data dir); collaborators are injected."""

    def __init__(
        self,
        folder: Path,
        keyring: KeyringLike | None = None,
        today: Callable[[], date] = date.today,
        describe: Describe = _default_describe,
        key_factory: Callable[[], rsa.RSAPrivateKey] = new_key,
    ) -> None:
        self.folder = folder
        self.keyring = keyring if keyring is not None else SystemKeyring()
        self.today = today
        self.describe = describe
        self.key_factory = key_factory

    # --- files of one pending renewal -----------------------------------------------------

    def _path(self, pending_id: str, suffix: str) -> Path:
        if not re.fullmatch(r"[A-Za-z0-9-]+", pending_id):
            raise CertassistError("E-uzirenew-unknown-request", id=pending_id)
        return self.folder / f"{pending_id}{suffix}"

    def csr_path(self, pending_id: str) -> Path:
        return self._path(pending_id, ".csr.pem")

    def pending(self) -> list[PendingRenewal]:
        if not self.folder.is_dir():
            return []
        found = []
        for meta in sorted(self.folder.glob("*.json")):
            try:
                found.append(PendingRenewal.from_json(json.loads(meta.read_text("utf-8"))))
            except (ValueError, KeyError, TypeError):
                continue  # a damaged marker is skipped, not fatal for the others
        return found

    def get(self, pending_id: str) -> PendingRenewal:
        path = self._path(pending_id, ".json")
        if not path.is_file():
            raise CertassistError("E-uzirenew-unknown-request", id=pending_id)
        return PendingRenewal.from_json(json.loads(path.read_text("utf-8")))

    # --- step 1: new key and request ------------------------------------------------------

    def start(
        self,
        current: x509.Certificate | None,
        password: str,
        remember: bool = False,
        facts: PracticeFacts | None = None,
        subject: ServerSubject | None = None,
    ) -> Started:
        """New RSA-2048 key + CSR with the current certificate's subject (or a typed one)."""
        old = self.describe(current) if current is not None else None
        if old is not None and family(old.kind) is not Family.UZI_SERVER:
            raise CertassistError("E-uzirenew-not-uzi-server", subject=old.subject)
        if subject is None:
            if current is None:
                raise CertassistError("E-csr-no-host")
            subject = subject_of(current)
        key = self.key_factory()
        encrypted = encrypt_key(key, password)  # refuses a short password before any write
        csr = build_csr(key, subject)
        today = self.today()
        slug = re.sub(r"[^a-z0-9]+", "-", subject.host.lower()).strip("-")[:40]
        pending = PendingRenewal(
            id=f"{today:%Y%m%d}-{slug}-{secrets.token_hex(3)}",
            host=subject.host,
            created_on=today,
            environment=old.environment if old else Environment.PRODUCTION,
            subscriber_number=(old.classification.subscriber_number or old.classification.ura)
            if old
            else (facts.subscriber_number if facts else None),
            old_fingerprint=old.fingerprint if old else None,
            old_expiry=old.expiry_date if old else None,
        )
        notices: list[Notice] = []
        if remember:
            try:
                self.keyring.set_password(KEYRING_SERVICE, pending.id, password)
                pending = PendingRenewal(**{**pending.__dict__, "remembered": True})
            except Exception:  # any backend failure means: not remembered
                notices.append(Notice("W-uzirenew-no-keyring"))
        self.folder.mkdir(parents=True, exist_ok=True)
        _atomic_write(self._path(pending.id, ".key.pem"), encrypted, private=True)
        pem = csr_pem(csr)
        _atomic_write(self.csr_path(pending.id), pem)
        if current is not None:
            old_pem = current.public_bytes(serialization.Encoding.PEM)
            _atomic_write(self._path(pending.id, ".old.pem"), old_pem)
        _atomic_write(self._path(pending.id, ".json"), json.dumps(pending.to_json()).encode())
        vendor, vendor_notices = _vendor(facts)
        notices += vendor_notices
        return Started(pending, self.csr_path(pending.id), pem, vendor, tuple(notices))

    # --- step 2: the issued certificate arrives -------------------------------------------

    def _key(self, pending: PendingRenewal, password: str | None) -> rsa.RSAPrivateKey:
        if password is None and pending.remembered:
            try:
                password = self.keyring.get_password(KEYRING_SERVICE, pending.id)
            except Exception:  # keyring gone since: ask the user instead
                password = None
        if password is None:
            raise CertassistError("E-uzirenew-password-needed", host=pending.host)
        pem = self._path(pending.id, ".key.pem").read_bytes()
        return decrypt_key(pem, password)

    def _old(self, pending: PendingRenewal) -> CertInfo | None:
        path = self._path(pending.id, ".old.pem")
        if not path.is_file():
            return None
        return self.describe(x509.load_pem_x509_certificate(path.read_bytes()))

    def pair(
        self,
        pending_id: str,
        issued: Path | Bundle,
        password: str | None = None,
        facts: PracticeFacts | None = None,
    ) -> Paired:
        """Check the issued certificate against the pending key and the practice; refuse
        with an id when it does not belong here. Nothing is written."""
        pending = self.get(pending_id)
        if isinstance(issued, Path):
            from certassist.core.reading import read_certificate_file

            issued = read_certificate_file(issued, None)
        info = self.describe(issued.leaf)
        if family(info.kind) is not Family.UZI_SERVER:
            raise CertassistError("E-uzirenew-not-uzi-server", subject=info.subject)
        key = self._key(pending, password)
        if public_key_der(key) != public_key_der(issued.leaf):
            raise CertassistError("E-uzirenew-foreign-certificate", host=pending.host)
        found = info.classification.subscriber_number or info.classification.ura
        if pending.subscriber_number and found and not _same_number(found, pending):
            raise CertassistError(
                "E-uzirenew-subscriber-changed", old=pending.subscriber_number, new=found
            )
        mismatch = subscriber_mismatch(info, facts)
        if mismatch is not None:  # R13: the DigiD link would break with this certificate
            raise CertassistError("E-uzirenew-subscriber-mismatch", **dict(mismatch.params))
        if info.environment is not pending.environment:
            raise CertassistError(
                "E-uzirenew-environment", old=pending.environment.value, new=info.environment.value
            )
        today = self.today()
        if today > info.expiry_date:
            raise CertassistError("E-uzirenew-issued-expired", expiry=info.expiry_date.isoformat())
        notices: list[Notice] = []
        if today < info.not_before.date():
            valid_from = info.not_before.date().isoformat()
            notices.append(Notice("W-R6-not-yet-valid", {"valid_from": valid_from}, "R6"))
        old = self._old(pending)
        if old is not None and info.expiry_date <= old.expiry_date:
            raise CertassistError(
                "E-uzirenew-not-newer",
                old_expiry=old.expiry_date.isoformat(),
                new_expiry=info.expiry_date.isoformat(),
            )
        vendor, vendor_notices = _vendor(facts)
        bundle = Bundle(issued.leaf, issued.chain, key, f"{pending.host} (UZI-servercertificaat)")
        return Paired(pending, bundle, info, old, vendor, tuple(notices) + vendor_notices)

    # --- step 3: PFX / install, confirmation, clean-up ------------------------------------

    def write_pfx(
        self,
        paired: Paired,
        folder: Path,
        password: str,
        repeated: str | None,
        writer: BackupWriter | None = None,
    ) -> Path:
        """The PFX for the vendor's system, through the operations' backup writer (the GUI
        passes its helper-process writer)."""
        from certassist.ops.files import backup_stem, default_writer
        from certassist.ops.passwords import check_new_password

        check_new_password(password, repeated, None)
        folder.mkdir(parents=True, exist_ok=True)
        stem = backup_stem(paired.info, folder)
        write = writer or default_writer
        return write(folder, paired.bundle, password, "aes", stem, paired.info)

    def confirm(self, paired: Paired, places: Sequence[str]) -> Verdict:
        """R14: the new expiry and where it is; with R9's backup advice when all is well."""
        return confirm_paired(paired, places, self.today())

    def finish(self, pending_id: str) -> None:
        """Forget the pending key once the certificate with its key is safely elsewhere."""
        pending = self.get(pending_id)
        for suffix in (".key.pem", ".csr.pem", ".old.pem", ".json"):
            self._path(pending_id, suffix).unlink(missing_ok=True)
        if pending.remembered:
            try:
                self.keyring.delete_password(KEYRING_SERVICE, pending_id)
            except Exception:  # nothing left to protect; do not fail the finish
                pass


def _same_number(found: str, pending: PendingRenewal) -> bool:
    def digits(value: str) -> str:
        return "".join(c for c in value if c.isdigit()).lstrip("0")

    return digits(found) == digits(pending.subscriber_number or "")


def confirm_paired(paired: Paired, places: Sequence[str], today: date) -> Verdict:
    """R14 through the rules; without an old certificate (typed subject) only the new facts."""
    if paired.old is not None:
        return confirm_renewal(paired.old, paired.info, places, today)
    expiry = paired.info.expiry_date.isoformat()
    renewed = {"new_expiry": expiry, "places": ", ".join(places)}
    return Verdict(
        (
            Decision("R14", RuleOutcome.INFO, "I-R14-renewed", renewed),
            *uzi_renewal_signs(),
            Decision("R9", RuleOutcome.INFO, "I-R9-backup-now", {}),
        )
    )


def install_paired(
    ctx: OpContext, paired: Paired, stores: Sequence[CertStore], confirmations: Confirmations
) -> tuple[Result, Verdict]:
    """Install through the operations' install (verified after add, install date recorded),
    then certassist's R14 confirmation over the stores that now hold the new certificate."""
    from certassist.ops.install import InstallOperation

    operation = InstallOperation(ctx)
    plan = operation.plan(paired.bundle, stores, paired.pending.host)
    result = operation.execute(plan, confirmations)
    labels = [s.label for s in stores if s.store_id in result.stores]
    return result, confirm_paired(paired, labels, ctx.today())

"""The sidecar `<file>.certassist.json` next to a backup: what is in it, without the password.

A PKCS#12 file hides even its certificate behind the password (certificate bags are usually
encrypted), so without a sidecar certassist cannot say whose certificate a backup holds or
when it expires. The sidecar keeps only public facts, among them the leaf certificate itself
(base64 DER; a certificate is public). Never a password, PIN or key.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from certassist.core.models import Bundle, Classification, cert_der, sha256_fingerprint
from certassist.core.x509_decode import load_der

SIDECAR_SUFFIX = ".certassist.json"
FORMAT_VERSION = 1


def sidecar_path(pfx: Path) -> Path:
    return pfx.with_name(pfx.name + SIDECAR_SUFFIX)


@dataclass(frozen=True)
class BackupMeta:
    fingerprint: str
    subject: str
    issuer: str
    not_after: datetime
    created: datetime
    encryption: str  # "aes-256-pbes2" or "3des-sha1"
    cert_der: bytes
    kind: str | None = None
    environment: str | None = None
    holder: str | None = None

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.cert_der)

    @classmethod
    def for_bundle(
        cls,
        bundle: Bundle,
        encryption: str,
        created: datetime,
        classification: Classification | None = None,
    ) -> BackupMeta:
        leaf = bundle.leaf
        return cls(
            fingerprint=bundle.fingerprint,
            subject=leaf.subject.rfc4514_string(),
            issuer=leaf.issuer.rfc4514_string(),
            not_after=leaf.not_valid_after_utc,
            created=created,
            encryption=encryption,
            cert_der=cert_der(leaf),
            kind=str(classification.kind) if classification else None,
            environment=str(classification.environment) if classification else None,
            holder=classification.holder if classification else None,
        )

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": "certassist-backup",
            "version": FORMAT_VERSION,
            "fingerprint_sha256": self.fingerprint,
            "subject": self.subject,
            "issuer": self.issuer,
            "kind": self.kind,
            "environment": self.environment,
            "holder": self.holder,
            "not_after": self.not_after.astimezone(UTC).isoformat(),
            "created": self.created.astimezone(UTC).isoformat(),
            "encryption": self.encryption,
            "certificate_der_base64": base64.b64encode(self.cert_der).decode("ascii"),
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> BackupMeta | None:
        """None for anything we did not write or cannot trust (the file then counts as unknown).

        The fingerprint must match the embedded certificate, so a hand-edited sidecar cannot
        make one backup pass for another.
        """
        try:
            data = json.loads(text)
            if data.get("format") != "certassist-backup" or int(data["version"]) > FORMAT_VERSION:
                return None
            der = base64.b64decode(data["certificate_der_base64"], validate=True)
            cert = load_der(der)  # decoded completely: a hostile sidecar is ignored, not a crash
            if sha256_fingerprint(der) != str(data["fingerprint_sha256"]).upper():
                return None
            return cls(
                fingerprint=sha256_fingerprint(der),
                subject=cert.subject.rfc4514_string(),
                issuer=cert.issuer.rfc4514_string(),
                not_after=cert.not_valid_after_utc,
                created=datetime.fromisoformat(data["created"]),
                encryption=str(data.get("encryption", "unknown")),
                cert_der=der,
                kind=data.get("kind"),
                environment=data.get("environment"),
                holder=data.get("holder"),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def read_sidecar(pfx: Path) -> BackupMeta | None:
    try:
        return BackupMeta.from_json(sidecar_path(pfx).read_text(encoding="utf-8"))
    except OSError:
        return None

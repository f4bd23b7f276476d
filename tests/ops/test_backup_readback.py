"""A backup is verified by reading it back *with its key*: a writer that drops the key (as a
certificate-only export does) never yields "verified backup"."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, CertInfo, StoreKind
from certassist.ops.backup import BackupOperation
from certassist.ops.base import Confirm, OpContext
from certassist.ops.files import Encryption
from tests.ops.conftest import GOOD_PASSWORD, fake
from tests.pki import TestPKI


def keyless_writer(
    folder: Path, bundle: Bundle, password: str, enc: Encryption, stem: str, info: CertInfo
) -> Path:
    path = folder / f"{stem}.pfx"
    encryption = serialization.BestAvailableEncryption(password.encode())
    path.write_bytes(pkcs12.serialize_key_and_certificates(None, None, bundle.leaf, None,
                                                           encryption))  # fmt: skip
    return path


def test_a_backup_without_its_key_is_not_a_verified_backup(
    pki: TestPKI, ctx: OpContext, tmp_path: Path
) -> None:
    store = fake("windows", StoreKind.WINDOWS_USER, pki.other())
    op = BackupOperation(ctx, writer=keyless_writer, system_disk=lambda folder: False)
    plan = op.plan([(store, None)], tmp_path, GOOD_PASSWORD, GOOD_PASSWORD)
    with pytest.raises(CertassistError) as caught:
        op.execute(plan, {Confirm.PROCEED: True, Confirm.HOLDER: "x"})
    assert caught.value.message_id == "E-ops-backup-verify"
    assert list(tmp_path.glob("*.pfx")) == []  # the key-less file does not stay as a backup

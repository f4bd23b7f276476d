"""Backup files: written atomically, read back, described by a sidecar, listed without passwords.

OpenSSL's command line is the independent oracle for what the files contain.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.fileio import atomic_write_bytes
from certassist.core.models import Bundle, Classification, Environment, Kind, StoreKind
from certassist.stores.backup_meta import read_sidecar, sidecar_path
from certassist.stores.base import CertStore
from certassist.stores.pkcs12file import Pkcs12FolderStore, open_backup, write_backup
from tests.pki import TestPKI, pfx

FAST = 2048  # KDF rounds for tests that are not about the default strength
WHEN = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
needs_openssl = pytest.mark.skipif(
    shutil.which("openssl") is None or sys.platform == "win32",
    reason="needs OpenSSL's command line (Linux CI)",
)


def openssl_info(path: Path, password: str) -> str:
    result = subprocess.run(
        ["openssl", "pkcs12", "-info", "-in", str(path), "-noout", "-passin", f"pass:{password}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout + result.stderr


def openssl_cert_der(path: Path, password: str) -> bytes:
    pem = subprocess.run(
        [
            "openssl",
            "pkcs12",
            "-in",
            str(path),
            "-nokeys",
            "-clcerts",
            "-passin",
            f"pass:{password}",
        ],
        capture_output=True,
        check=True,
    ).stdout
    return subprocess.run(
        ["openssl", "x509", "-outform", "DER"], input=pem, capture_output=True, check=True
    ).stdout


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@needs_openssl
def test_default_backup_is_aes_with_strong_kdf_and_readable_by_openssl(
    tmp_path: Path, pki: TestPKI
) -> None:
    bundle = pki.issue()
    path = write_backup(tmp_path, bundle, "Zomer-2026!", file_stem="anna", now=WHEN)
    assert path == tmp_path / "anna.pfx"
    info = openssl_info(path, "Zomer-2026!")
    assert "AES-256-CBC" in info and "Iteration 600000" in info
    assert openssl_cert_der(path, "Zomer-2026!") == bundle.leaf_der
    if sys.platform != "win32":
        assert path.stat().st_mode & 0o777 == 0o600
    assert leftovers(tmp_path) == ["anna.pfx", "anna.pfx.certassist.json"]


@needs_openssl
def test_3des_backup_for_older_windows(tmp_path: Path, pki: TestPKI) -> None:
    bundle = pki.issue()
    path = write_backup(tmp_path, bundle, "geheim", "3des", "oud")
    info = openssl_info(path, "geheim")
    assert "pbeWithSHA1And3-KeyTripleDES-CBC" in info and "AES" not in info
    back = open_backup(path, "geheim")
    assert back.fingerprint == bundle.fingerprint and back.key_matches()


def test_sidecar_holds_public_facts_only(tmp_path: Path, pki: TestPKI) -> None:
    bundle = pki.issue()
    classification = Classification(
        Kind.VECOZO_PERSONAL, Environment.PRODUCTION, "vecozo", holder="Anna de Vries"
    )
    path = write_backup(
        tmp_path,
        bundle,
        "Wachtwoord-123",
        file_stem="anna",
        classification=classification,
        now=WHEN,
        kdf_rounds=FAST,
    )
    text = sidecar_path(path).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1
    assert data["fingerprint_sha256"] == bundle.fingerprint
    assert data["kind"] == "vecozo-personal" and data["environment"] == "production"
    assert data["holder"] == "Anna de Vries"
    assert data["encryption"] == "aes-256-pbes2"
    assert data["created"].startswith("2026-11-28T09:30")
    assert "Wachtwoord-123" not in text and "PRIVATE" not in text
    meta = read_sidecar(path)
    assert meta is not None and meta.certificate == bundle.leaf


def test_an_existing_backup_is_never_overwritten(tmp_path: Path, pki: TestPKI) -> None:
    bundle = pki.issue()
    first = write_backup(tmp_path, bundle, "pw-een", file_stem="anna", kdf_rounds=FAST)
    second = write_backup(tmp_path, bundle, "pw-twee", file_stem="anna", kdf_rounds=FAST)
    assert (first.name, second.name) == ("anna.pfx", "anna (2).pfx")
    assert open_backup(first, "pw-een").fingerprint == bundle.fingerprint


def test_a_key_that_is_not_the_certificates_is_refused(tmp_path: Path, pki: TestPKI) -> None:
    with pytest.raises(CertassistError) as caught:
        write_backup(tmp_path, pki.mismatched(), "pw", file_stem="fout", kdf_rounds=FAST)
    assert caught.value.message_id == "E-backup-key-mismatch"
    assert leftovers(tmp_path) == []


def test_a_failed_read_back_leaves_no_file(tmp_path: Path) -> None:
    def verify(written: Path) -> None:
        assert written.read_bytes() == b"inhoud"  # really on disk before the check
        raise CertassistError("E-backup-verify-failed", file="x.pfx")

    with pytest.raises(CertassistError):
        atomic_write_bytes(tmp_path / "x.pfx", b"inhoud", verify=verify)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="255-byte name limit of Linux file systems")
def test_a_failed_write_leaves_no_temp_file(tmp_path: Path, pki: TestPKI) -> None:
    with pytest.raises(CertassistError) as caught:
        write_backup(tmp_path, pki.issue(), "pw", file_stem="b" * 245, kdf_rounds=FAST)
    assert caught.value.message_id == "E-backup-write-failed"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="255-byte name limit of Linux file systems")
def test_a_failing_sidecar_write_takes_the_backup_back(tmp_path: Path, pki: TestPKI) -> None:
    # The backup's name fits (with its temp name), the sidecar's temp name is one step too
    # long: a real failure after the .pfx is already in place.
    stem = "a" * 230
    with pytest.raises(CertassistError) as caught:
        write_backup(tmp_path, pki.issue(), "pw", file_stem=stem, kdf_rounds=FAST)
    assert caught.value.message_id == "E-backup-write-failed"
    assert isinstance(caught.value.__cause__, OSError)
    assert leftovers(tmp_path) == []


def test_refusals_before_writing(tmp_path: Path, pki: TestPKI) -> None:
    bundle = pki.issue()
    for kwargs, message_id in (
        ({"folder": tmp_path, "password": ""}, "E-backup-password-empty"),
        ({"folder": tmp_path / "stick-weg", "password": "pw"}, "E-backup-folder-missing"),
    ):
        with pytest.raises(CertassistError) as caught:
            write_backup(bundle=bundle, **kwargs)  # type: ignore[arg-type]
        assert caught.value.message_id == message_id
    with pytest.raises(CertassistError) as caught:
        write_backup(tmp_path, Bundle(bundle.leaf), "pw")
    assert caught.value.message_id == "E-store-no-key"
    assert leftovers(tmp_path) == []


# ---- the folder as a store ------------------------------------------------------------------


class Passwords:
    """A password provider that records which files it was asked about."""

    def __init__(self, password: str | None) -> None:
        self.password = password
        self.asked: list[str] = []

    def __call__(self, path: Path) -> str | None:
        self.asked.append(path.name)
        return self.password


def folder_store(folder: Path, passwords: Passwords) -> Pkcs12FolderStore:
    return Pkcs12FolderStore(folder, passwords, kdf_rounds=FAST, clock=lambda: WHEN)


def test_folder_store_lists_from_sidecars_without_asking_passwords(
    tmp_path: Path, pki: TestPKI
) -> None:
    bundle = pki.issue()
    write_backup(tmp_path, bundle, "pw", file_stem="anna", kdf_rounds=FAST)
    (tmp_path / "van-de-leverancier.p12").write_bytes(pfx(pki.issue(), "pw2"))
    (tmp_path / "notities.txt").write_text("geen back-up")
    passwords = Passwords(None)
    store = folder_store(tmp_path, passwords)
    assert isinstance(store, CertStore)
    assert store.target.kind == StoreKind.PKCS12_FOLDER
    (entry,) = store.list()
    assert entry.fingerprint == bundle.fingerprint and entry.has_key
    assert entry.certificate == bundle.leaf
    backups = {b.path.name: b for b in store.backups()}
    assert set(backups) == {"anna.pfx", "van-de-leverancier.p12"}
    assert backups["van-de-leverancier.p12"].needs_password_to_identify
    assert passwords.asked == []


def test_a_foreign_backup_becomes_listed_once_adopted(tmp_path: Path, pki: TestPKI) -> None:
    bundle = pki.issue()
    foreign = tmp_path / "oude-pc.pfx"
    foreign.write_bytes(pfx(bundle, "oud", "3des"))
    store = folder_store(tmp_path, Passwords(None))
    assert store.list() == []
    with pytest.raises(CertassistError) as caught:
        store.adopt(foreign, "verkeerd")
    assert caught.value.message_id == "E-backup-wrong-password"
    meta = store.adopt(foreign, "oud")
    assert meta.fingerprint == bundle.fingerprint
    assert [e.fingerprint for e in store.list()] == [bundle.fingerprint]


def test_add_asks_the_provider_for_the_new_files_password(tmp_path: Path, pki: TestPKI) -> None:
    bundle = pki.issue()
    passwords = Passwords("Sterk-Wachtwoord-1")
    store = folder_store(tmp_path, passwords)
    entry = store.add(bundle)
    assert entry.fingerprint == bundle.fingerprint
    (asked,) = passwords.asked
    assert asked.endswith(".pfx") and asked in {p.name for p in tmp_path.iterdir()}
    assert open_backup(tmp_path / asked, "Sterk-Wachtwoord-1").key_matches()


def test_add_without_a_password_writes_nothing(tmp_path: Path, pki: TestPKI) -> None:
    with pytest.raises(CertassistError) as caught:
        folder_store(tmp_path, Passwords(None)).add(pki.issue())
    assert caught.value.message_id == "E-backup-password-needed"
    assert leftovers(tmp_path) == []


def test_export_opens_the_backup_with_the_provided_password(tmp_path: Path, pki: TestPKI) -> None:
    bundle = pki.issue()
    write_backup(tmp_path, bundle, "goed", file_stem="anna", kdf_rounds=FAST)
    back = folder_store(tmp_path, Passwords("goed")).export(bundle.fingerprint)
    assert back.fingerprint == bundle.fingerprint and back.key_matches()
    with pytest.raises(CertassistError) as caught:
        folder_store(tmp_path, Passwords("fout")).export(bundle.fingerprint)
    assert caught.value.message_id == "E-backup-wrong-password"
    assert "Caps Lock" in caught.value.text("nl")


def test_damaged_file_is_told_apart_from_a_wrong_password(tmp_path: Path, pki: TestPKI) -> None:
    bundle = pki.issue()
    path = write_backup(tmp_path, bundle, "goed", file_stem="anna", kdf_rounds=FAST)
    path.write_bytes(path.read_bytes()[:200])  # cut off, as by a pulled USB stick
    with pytest.raises(CertassistError) as caught:
        folder_store(tmp_path, Passwords("goed")).export(bundle.fingerprint)
    assert caught.value.message_id == "E-backup-damaged"


def test_a_sidecar_copied_next_to_another_file_is_caught(tmp_path: Path, pki: TestPKI) -> None:
    anna, bob = pki.issue(), pki.issue()
    a = write_backup(tmp_path, anna, "pw", file_stem="anna", kdf_rounds=FAST)
    b = write_backup(tmp_path, bob, "pw", file_stem="bob", kdf_rounds=FAST)
    shutil.copy(sidecar_path(a), sidecar_path(b))
    store = folder_store(tmp_path, Passwords("pw"))
    assert store.export(anna.fingerprint).fingerprint == anna.fingerprint  # the honest file
    a.rename(tmp_path / "elders.bin")  # only the mislabelled one is left
    with pytest.raises(CertassistError) as caught:
        store.export(anna.fingerprint)
    assert caught.value.message_id == "E-backup-sidecar-mismatch"
    sidecar = sidecar_path(a)
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["fingerprint_sha256"] = bob.fingerprint  # hand-edited: no longer trusted
    sidecar.write_text(json.dumps(data), encoding="utf-8")
    assert read_sidecar(a) is None


def test_remove_deletes_backup_and_sidecar(tmp_path: Path, pki: TestPKI) -> None:
    keep, drop = pki.issue(), pki.issue()
    write_backup(tmp_path, keep, "pw", file_stem="keep", kdf_rounds=FAST)
    write_backup(tmp_path, drop, "pw", file_stem="drop", kdf_rounds=FAST)
    store = folder_store(tmp_path, Passwords(None))
    store.remove(drop.fingerprint)
    assert leftovers(tmp_path) == ["keep.pfx", "keep.pfx.certassist.json"]
    with pytest.raises(CertassistError) as caught:
        store.remove(drop.fingerprint)
    assert caught.value.message_id == "E-store-not-found"


def test_missing_folder_is_unavailable_with_a_reason(tmp_path: Path) -> None:
    store = folder_store(tmp_path / "usb-stick", Passwords(None))
    assert not store.available
    reason = store.unavailable_reason
    assert reason is not None and reason.message_id == "E-backup-folder-missing"
    assert "USB-stick" in reason.text("nl")
    with pytest.raises(CertassistError):
        store.list()


def test_files_are_private_to_the_user(tmp_path: Path, pki: TestPKI) -> None:
    if sys.platform == "win32":
        pytest.skip("POSIX modes")
    path = write_backup(tmp_path, pki.issue(), "pw", file_stem="anna", kdf_rounds=FAST)
    assert path.stat().st_mode & 0o077 == 0
    assert sidecar_path(path).stat().st_mode & 0o077 == 0


def test_firefox_backup_in_ber_opens_and_a_wrong_password_is_not_damage(
    tmp_path: Path, pki: TestPKI, nss_ready: None
) -> None:
    """pk12util writes what Firefox's "Backup…" button writes: BER with indefinite lengths."""
    from tests.stores.nss_oracle import make_db, nicknames, pk12_export, pk12_import

    bundle = pki.issue()
    db = make_db(tmp_path / "profile")
    pk12_import(db, pfx(bundle, "in"), "in")
    nickname = bundle.friendly_name
    assert nickname is not None and nickname in nicknames(db)
    backup = tmp_path / "usb"
    backup.mkdir()
    (backup / "firefox.p12").write_bytes(pk12_export(db, nickname, "Firefox-Backup"))
    back = open_backup(backup / "firefox.p12", "Firefox-Backup")
    assert back.fingerprint == bundle.fingerprint and back.key_matches()
    with pytest.raises(CertassistError) as caught:
        open_backup(backup / "firefox.p12", "fout")
    assert caught.value.message_id == "E-backup-wrong-password"
    meta = folder_store(backup, Passwords(None)).adopt(backup / "firefox.p12", "Firefox-Backup")
    assert meta.fingerprint == bundle.fingerprint

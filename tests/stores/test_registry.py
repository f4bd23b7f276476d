"""Which stores certassist offers, from homes built on disk for each OS."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import StoreKind
from certassist.stores.fake import FakeStore
from certassist.stores.firefox_prefs import enable_osclientcerts
from certassist.stores.hostplatform import Platform
from certassist.stores.nss import NssStore
from certassist.stores.pkcs12file import Pkcs12FolderStore
from certassist.stores.registry import StoreStatus, discover_here, discover_stores
from certassist.stores.windows import WindowsStore
from certassist.stores.windows_fake import FakeCrypt32
from tests.stores.nss_oracle import make_db

PROFILES = """[Profile0]
Name=default-esr
IsRelative=1
Path=esr.default-esr

[Profile1]
Name=Werk
IsRelative=1
Path=werk.werk
Default=1
"""


def linux_home(home: Path) -> Path:
    root = home / ".mozilla" / "firefox"
    root.mkdir(parents=True)
    (root / "profiles.ini").write_text(PROFILES, encoding="utf-8")
    (root / "installs.ini").write_text("[3B60]\nDefault=esr.default-esr\n", encoding="utf-8")
    (root / "esr.default-esr").mkdir()
    (root / "werk.werk").mkdir()
    (home / ".pki" / "nssdb").mkdir(parents=True)
    return root


def by_kind(found: list[StoreStatus], kind: StoreKind) -> list[StoreStatus]:
    return [s for s in found if s.kind == kind]


def always() -> bool:
    return True


def test_linux_home_offers_profiles_shared_db_and_backup_folders(
    tmp_path: Path, nss_ready: None
) -> None:
    root = linux_home(tmp_path)
    make_db(root / "esr.default-esr")
    make_db(tmp_path / ".pki" / "nssdb")
    stick = tmp_path / "usb"
    stick.mkdir()
    found = discover_stores(
        Platform("linux", {}, tmp_path),
        FakeCrypt32(),  # ignored: no Windows stores on Linux
        always,
        backup_folders=[stick, tmp_path / "netwerkschijf"],
    )
    assert [s.kind for s in found] == [
        StoreKind.FIREFOX,
        StoreKind.FIREFOX,
        StoreKind.NSSDB,
        StoreKind.PKCS12_FOLDER,
        StoreKind.PKCS12_FOLDER,
    ]
    esr, werk, shared, usb, share = found
    assert esr.label == "Firefox (profiel default-esr)" and esr.is_default
    assert werk.label == "Firefox (profiel Werk)" and not werk.is_default
    assert isinstance(esr.store, NssStore) and esr.available
    assert esr.store_id == f"firefox:{root / 'esr.default-esr'}" == esr.store.store_id
    # a profile Firefox never started (no cert9.db yet) is a usable, empty target
    assert werk.available and werk.store is not None and werk.store.list() == []
    assert shared.label == "Chromium / gedeelde NSS-database" and shared.available
    assert isinstance(usb.store, Pkcs12FolderStore) and usb.available
    assert share.reason is not None and share.reason.message_id == "E-backup-folder-missing"


def test_windows_offers_both_windows_stores_and_appdata_profiles(tmp_path: Path) -> None:
    appdata = tmp_path / "AppData" / "Roaming"
    root = appdata / "Mozilla" / "Firefox"
    root.mkdir(parents=True)
    (root / "profiles.ini").write_text(
        "[Profile0]\r\nName=default-release\r\nIsRelative=1\r\nPath=Profiles\\x.default-release\r\n",
        encoding="utf-8",
    )
    (tmp_path / ".pki" / "nssdb").mkdir(parents=True)  # not a thing on Windows
    found = discover_stores(
        Platform("windows", {"APPDATA": str(appdata)}, tmp_path), FakeCrypt32(), always
    )
    assert [s.kind for s in found] == [
        StoreKind.WINDOWS_USER,
        StoreKind.WINDOWS_MACHINE,
        StoreKind.FIREFOX,
    ]
    user, machine, firefox = found
    assert isinstance(user.store, WindowsStore) and user.available
    assert machine.reason is not None and machine.reason.message_id == "E-windows-not-elevated"
    assert firefox.profile is not None
    assert firefox.profile.path == root / "Profiles" / "x.default-release"
    assert firefox.uses_windows_store is None  # the profile does not say
    (root / "Profiles" / "x.default-release").mkdir(parents=True)
    enable_osclientcerts(root / "Profiles" / "x.default-release")
    elevated = discover_stores(
        Platform("windows", {"APPDATA": str(appdata)}, tmp_path), FakeCrypt32(True), always
    )
    assert elevated[1].available
    assert elevated[2].uses_windows_store is True


def test_without_nss_firefox_is_listed_with_what_to_install(tmp_path: Path) -> None:
    linux_home(tmp_path)
    found = discover_stores(Platform("linux", {}, tmp_path), None, lambda: False)
    assert {s.kind for s in found} == {StoreKind.FIREFOX, StoreKind.NSSDB}
    for status in found:
        assert status.store is None and not status.available
        assert status.reason is not None and status.reason.message_id == "E-stores-nss-missing"
        assert "libnss3" in status.reason.text("nl")


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl lock")
def test_a_running_firefox_is_the_reason_not_a_crash(tmp_path: Path, nss_ready: None) -> None:
    root = linux_home(tmp_path)
    profile = make_db(root / "esr.default-esr")
    locker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,os,sys; fd=os.open(sys.argv[1], os.O_RDWR|os.O_CREAT);"
            "fcntl.lockf(fd, fcntl.LOCK_EX); print('ok', flush=True); sys.stdin.read()",
            str(profile / ".parentlock"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "ok"
        (esr,) = discover_stores(
            Platform("linux", {}, tmp_path), None, always, selection="firefox:default-esr"
        )
        assert esr.reason is not None and esr.reason.message_id == "E-firefox-running"
        assert esr.store is not None
        with pytest.raises(CertassistError) as caught:
            esr.store.list()
        assert caught.value.message_id == "E-firefox-running"
    finally:
        locker.communicate("")
    assert esr.store.unavailable_reason is None  # Firefox closed: usable again


def test_certassist_stores_narrows_by_kind_id_and_profile_name(tmp_path: Path) -> None:
    root = linux_home(tmp_path)
    platform = Platform("linux", {"CERTASSIST_STORES": "nssdb, firefox"}, tmp_path)
    found = discover_stores(platform, None, always)
    assert [s.kind for s in found] == [StoreKind.NSSDB, StoreKind.FIREFOX, StoreKind.FIREFOX]
    werk_id = f"firefox:{root / 'werk.werk'}"
    (werk,) = discover_stores(platform, None, always, selection=werk_id)
    assert werk.label == "Firefox (profiel Werk)"
    (esr,) = discover_stores(platform, None, always, selection="firefox:default-esr")
    assert esr.is_default
    assert discover_stores(platform, None, always, selection="windows") == []
    assert len(discover_stores(platform, None, always, selection="firefox,FIREFOX")) == 2


def test_fake_is_only_there_when_asked_for(tmp_path: Path) -> None:
    platform = Platform("linux", {}, tmp_path)
    assert discover_stores(platform, None, always) == []
    (fake,) = discover_stores(platform, None, always, selection="fake")
    assert isinstance(fake.store, FakeStore) and fake.available


def test_unknown_names_are_a_clear_error(tmp_path: Path) -> None:
    platform = Platform("linux", {"CERTASSIST_STORES": "firefox,chrome,firefox:Privé"}, tmp_path)
    linux_home(tmp_path)
    with pytest.raises(CertassistError) as caught:
        discover_stores(platform, None, always)
    assert caught.value.message_id == "E-stores-unknown-name"
    text = caught.value.text("nl")
    assert "chrome" in text and "firefox:Privé" in text and "nssdb" in text


def test_discover_here_runs_on_this_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTASSIST_STORES", "pkcs12")
    (status,) = discover_here(backup_folders=[tmp_path])
    assert status.kind == StoreKind.PKCS12_FOLDER and status.available

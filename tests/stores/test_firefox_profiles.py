"""Firefox profile discovery, the profile lock and the osclientcerts preference, on real files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from certassist.stores.firefox_lock import profile_in_use
from certassist.stores.firefox_prefs import (
    OSCLIENTCERTS_PREF,
    enable_osclientcerts,
    osclientcerts_enabled,
    read_pref,
)
from certassist.stores.firefox_profiles import discover_profiles
from certassist.stores.hostplatform import Platform


def linux(home: Path, **env: str) -> Platform:
    return Platform("linux", env, home)


def write_ini(path: Path, text: str, *, bom: bool = False, crlf: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = text.replace("\n", "\r\n") if crlf else text
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))


TWO_PROFILES = """[Profile1]
Name=default
IsRelative=1
Path=aaaa.default
Default=1

[Profile0]
Name=default-esr
IsRelative=1
Path=bbbb.default-esr

[General]
StartWithLastProfile=1
Version=2
"""


def test_installs_ini_default_wins_over_default_1(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    write_ini(root / "profiles.ini", TWO_PROFILES, bom=True, crlf=True)
    write_ini(root / "installs.ini", "[3B6073811A6ABF12]\nDefault=bbbb.default-esr\nLocked=1\n")
    profiles = discover_profiles(linux(tmp_path))
    assert [(p.name, p.is_default) for p in profiles] == [
        ("default-esr", True),
        ("default", False),
    ]
    assert profiles[0].path == root / "bbbb.default-esr"
    assert profiles[0].store_id == f"firefox:{root / 'bbbb.default-esr'}"


def test_install_section_in_profiles_ini_when_installs_ini_is_missing(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    text = TWO_PROFILES + "\n[InstallABCDEF]\nDefault=bbbb.default-esr\nLocked=1\n"
    write_ini(root / "profiles.ini", text)
    defaults = [p.name for p in discover_profiles(linux(tmp_path)) if p.is_default]
    assert defaults == ["default-esr"]


def test_default_1_when_no_install_knows_better(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    write_ini(root / "profiles.ini", TWO_PROFILES)
    defaults = [p.name for p in discover_profiles(linux(tmp_path)) if p.is_default]
    assert defaults == ["default"]


def test_absolute_profile_path_and_case_preserved_keys(tmp_path: Path) -> None:
    elsewhere = tmp_path / "Data" / "Werk profiel"
    root = tmp_path / ".mozilla" / "firefox"
    write_ini(
        root / "profiles.ini",
        f"[Profile0]\nName=Werk Praktijk\nIsRelative=0\nPath={elsewhere}\n",
    )
    (profile,) = discover_profiles(linux(tmp_path))
    assert profile.name == "Werk Praktijk"
    assert profile.path == elsewhere


def test_every_linux_root_is_searched_and_labelled(tmp_path: Path) -> None:
    roots = {
        "standard": tmp_path / ".mozilla" / "firefox",
        "xdg": tmp_path / "cfg" / "mozilla" / "firefox",
        "snap": tmp_path / "snap" / "firefox" / "common" / ".mozilla" / "firefox",
        "flatpak": tmp_path / ".var" / "app" / "org.mozilla.firefox" / ".mozilla" / "firefox",
    }
    for name, root in roots.items():
        write_ini(root / "profiles.ini", f"[Profile0]\nName={name}\nIsRelative=1\nPath=p.{name}\n")
    found = discover_profiles(linux(tmp_path, XDG_CONFIG_HOME=str(tmp_path / "cfg")))
    by_name = {p.name: p for p in found}
    assert set(by_name) == {"standard", "xdg", "snap", "flatpak"}
    assert by_name["snap"].root.flavour == "snap"
    assert by_name["flatpak"].root.flavour == "flatpak"
    assert by_name["xdg"].path == roots["xdg"] / "p.xdg"


def test_windows_roots_and_backslash_paths_resolved_on_any_os(tmp_path: Path) -> None:
    appdata = tmp_path / "AppData" / "Roaming"
    root = appdata / "Mozilla" / "Firefox"
    write_ini(
        root / "profiles.ini",
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=Profiles\\abcd.default-release\n"
        "[Profile1]\nName=Oud\nIsRelative=0\nPath=D:\\Firefox\\Oud profiel\n",
        crlf=True,
    )
    write_ini(root / "installs.ini", "[308046B0AF4A39CB]\nDefault=Profiles/abcd.default-release\n")
    platform = Platform("windows", {"APPDATA": str(appdata)}, tmp_path)
    by_name = {p.name: p for p in discover_profiles(platform)}
    assert by_name["default-release"].path == root / "Profiles" / "abcd.default-release"
    assert by_name["default-release"].is_default
    assert str(by_name["Oud"].path) == "D:\\Firefox\\Oud profiel"
    assert not by_name["Oud"].is_default


def test_macos_root(tmp_path: Path) -> None:
    root = tmp_path / "Library" / "Application Support" / "Firefox"
    write_ini(root / "profiles.ini", "[Profile0]\nName=mac\nIsRelative=1\nPath=Profiles/m.mac\n")
    (profile,) = discover_profiles(Platform("darwin", {}, tmp_path))
    assert profile.path == root / "Profiles" / "m.mac"


def test_damaged_or_missing_ini_gives_what_can_be_read(tmp_path: Path) -> None:
    assert discover_profiles(linux(tmp_path)) == []
    root = tmp_path / ".mozilla" / "firefox"
    write_ini(
        root / "profiles.ini",
        "garbage before any section\n[Profile0]\nName=ok\nPath=ok.default\nthis line is junk\n"
        "[Profile1]\nName=no path\n",
    )
    assert [p.name for p in discover_profiles(linux(tmp_path))] == ["ok"]


# ---- the profile lock -----------------------------------------------------------------------

LOCKER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.lockf(fd, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl lock")
def test_parentlock_held_by_another_process_means_firefox_is_running(tmp_path: Path) -> None:
    from certassist.stores.firefox_profiles import FirefoxProfile, FirefoxRoot

    profile = FirefoxProfile("werk", tmp_path, FirefoxRoot(tmp_path, "standard"))
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(tmp_path / ".parentlock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        error = profile.busy_error()
        assert error is not None and error.message_id == "E-firefox-running"
        assert "werk" in error.text("nl") and "Sluit" in error.text("nl")
    finally:
        holder.communicate("")
    assert profile.busy_error() is None  # the lock dies with the process


@pytest.mark.skipif(sys.platform == "win32", reason="unix symlink lock")
def test_lock_symlink_counts_only_without_parentlock_and_with_a_live_pid(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    (tmp_path / "lock").symlink_to(f"127.0.1.1:+{dead.stdout.strip()}")
    assert not profile_in_use(tmp_path)  # stale after a crash
    (tmp_path / "lock").unlink()
    (tmp_path / "lock").symlink_to(f"127.0.1.1:+{os.getpid()}")
    assert profile_in_use(tmp_path)
    (tmp_path / ".parentlock").touch()  # present and unlocked: it decides
    assert not profile_in_use(tmp_path)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("firefox-esr") is None, reason="needs firefox-esr")
def test_real_firefox_holds_the_lock_while_it_runs(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    env = dict(os.environ, MOZ_HEADLESS="1")
    firefox = subprocess.Popen(
        [
            "timeout",
            "90",
            "firefox-esr",
            "--headless",
            "--no-remote",
            "--profile",
            str(profile),
            "about:blank",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not profile_in_use(profile) and firefox.poll() is None:
            if time.monotonic() > deadline:
                pytest.fail("Firefox never locked its profile")
            time.sleep(0.2)
        assert firefox.poll() is None, "Firefox exited before it was seen running"
        assert (profile / ".parentlock").exists()
    finally:
        firefox.terminate()  # timeout passes SIGTERM on to Firefox
        firefox.wait(timeout=60)
    assert not profile_in_use(profile)


# ---- security.osclientcerts.autoload --------------------------------------------------------


def test_enable_osclientcerts_keeps_other_lines_and_replaces_the_old_value(tmp_path: Path) -> None:
    user_js = tmp_path / "user.js"
    user_js.write_text(
        "// praktijk instellingen\n"
        'user_pref("browser.startup.homepage", "https://www.vecozo.nl");\n'
        f'user_pref("{OSCLIENTCERTS_PREF}", false);\n'
        'user_pref("security.default_personal_cert", "Ask Every Time");\n',
        encoding="utf-8",
    )
    os.chmod(user_js, 0o644)
    assert osclientcerts_enabled(tmp_path) is False
    enable_osclientcerts(tmp_path)
    lines = user_js.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "// praktijk instellingen",
        'user_pref("browser.startup.homepage", "https://www.vecozo.nl");',
        f'user_pref("{OSCLIENTCERTS_PREF}", true);',
        'user_pref("security.default_personal_cert", "Ask Every Time");',
    ]
    assert osclientcerts_enabled(tmp_path) is True
    if sys.platform != "win32":  # Windows has no POSIX modes to keep
        assert user_js.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["user.js"]  # no temp file left


def test_enable_creates_user_js_and_is_idempotent(tmp_path: Path) -> None:
    assert osclientcerts_enabled(tmp_path) is None  # Firefox's own default applies
    enable_osclientcerts(tmp_path)
    enable_osclientcerts(tmp_path)
    text = (tmp_path / "user.js").read_text(encoding="utf-8")
    assert text.count(OSCLIENTCERTS_PREF) == 1
    assert read_pref(tmp_path / "user.js", OSCLIENTCERTS_PREF) == "true"


def test_prefs_js_is_read_but_user_js_wins(tmp_path: Path) -> None:
    (tmp_path / "prefs.js").write_text(
        f'// Mozilla User Preferences\nuser_pref("{OSCLIENTCERTS_PREF}", true);\n',
        encoding="utf-8",
    )
    assert osclientcerts_enabled(tmp_path) is True
    (tmp_path / "user.js").write_text(f"user_pref('{OSCLIENTCERTS_PREF}', false);\n")
    assert osclientcerts_enabled(tmp_path) is False

"""`certassist --demo` writes nothing outside the demo's own folder, not even the cache of
parsed catalogs and profiles (real processes, HOME and the XDG folders in this test's tmp)."""

from __future__ import annotations

import json
from pathlib import Path

from certassist.core.resources import cache_dir
from certassist.demo.folder import DEMO_DIR_ENV, demo_dir
from tests.cli import process


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def run_demo(*args: str, **env: str) -> None:
    done = process.run("--demo", *args, env=process.environment("nl", **env))
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 1, 2), done.stdout + done.stderr


def test_demo_commands_write_only_in_the_demo_folder(_isolated_dirs: Path) -> None:
    home = _isolated_dirs  # HOME, XDG_* and APPDATA all point into it (tests/conftest.py)
    folder = demo_dir()
    assert folder.is_relative_to(home)
    run_demo("list")
    run_demo("list", "--json")
    run_demo("check", "--json")
    written = files_under(home)
    assert written, "the demo made its folder"
    outside = {p for p in written if not p.is_relative_to(folder)}
    assert outside == set()
    assert not cache_dir().exists()  # the user's own cache folder was never made


def test_a_demo_folder_elsewhere_leaves_home_untouched(
    _isolated_dirs: Path, tmp_path: Path
) -> None:
    home = _isolated_dirs
    folder = tmp_path / "training-room"
    run_demo("list", **{DEMO_DIR_ENV: str(folder)})
    run_demo("check", "--json", **{DEMO_DIR_ENV: str(folder)})
    assert files_under(home) == set()
    assert any(folder.rglob("*.json"))  # what the demo keeps, it keeps in its own folder


def test_after_a_demo_run_the_cache_is_the_users_again() -> None:
    """In one process (the GUI's tests call main more than once) the demo's choice ends with
    the run."""
    from certassist.cli import main

    user_cache = cache_dir()
    assert main(["--demo", "list", "--json"]) in (0, 1, 2)
    assert cache_dir() == user_cache


def test_a_kind_answered_in_the_demo_stays_in_the_demo_folder(_isolated_dirs: Path) -> None:
    """`classify` keeps the user's answer as a profile file: in the demo, in the demo's folder
    (and the demo reads it back from there), never in the user's configuration folder."""
    from certassist.core.profiles import user_profiles_dir
    from tests.pki import TestPKI, pem

    home = _isolated_dirs
    cert = home.parent / "vreemd.pem"  # outside HOME: only the program's writes count there
    cert.write_bytes(pem(TestPKI().other(common_name="Onbekende Uitgever BV")))
    done = process.run("--demo", "--json", "classify", str(cert), "--as", "vecozo-system")
    assert done.returncode == 0, done.stdout + done.stderr
    answer = json.loads(done.stdout)
    assert answer["effective"] and Path(answer["profile_file"]).is_relative_to(demo_dir())
    assert not user_profiles_dir().exists()
    assert {p for p in files_under(home) if not p.is_relative_to(demo_dir())} == set()


def test_the_demo_sets_no_reminder_on_this_pc() -> None:
    for verb in ("enable", "disable"):
        done = process.run("--demo", "reminders", verb)
        assert done.returncode == 3 and "[E-demo-reminders]" in done.stderr

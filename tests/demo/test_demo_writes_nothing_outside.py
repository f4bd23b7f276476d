"""`certassist --demo` writes nothing outside the demo's own folder, not even the cache of
parsed catalogs and profiles (real processes, HOME and the XDG folders in this test's tmp)."""

from __future__ import annotations

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

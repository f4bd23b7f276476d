"""Windows folders, file names and the command line behave on a win32 CPython."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path, PureWindowsPath

import pytest

from tests.pki import TestPKI, pfx

PASSWORD = "Lente-Regen-2026!"


@pytest.fixture
def windows_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ask Windows itself (SHGetKnownFolderPath), not the test suite's overrides."""
    for name in (
        "WIN_PD_OVERRIDE_APPDATA",
        "WIN_PD_OVERRIDE_LOCAL_APPDATA",
        "WIN_PD_OVERRIDE_COMMON_APPDATA",
    ):
        monkeypatch.delenv(name, raising=False)


def _known_folder(csidl: int) -> Path:
    import ctypes

    buffer = ctypes.create_unicode_buffer(260)
    assert ctypes.WinDLL("shell32").SHGetFolderPathW(None, csidl, None, 0, buffer) == 0
    return Path(buffer.value)


def test_settings_data_and_cache_live_in_the_users_appdata(windows_folders: None) -> None:
    from certassist.core.resources import cache_dir
    from certassist.core.settings import default_settings_path
    from certassist.ops.records import default_data_dir

    roaming, local = _known_folder(0x1A), _known_folder(0x1C)  # CSIDL_APPDATA, _LOCAL_APPDATA
    settings, data, cache = default_settings_path(), default_data_dir(), cache_dir()
    for path in (settings, data, cache):
        assert PureWindowsPath(path).drive, path  # C:\..., not a POSIX path
        assert "certassist" in path.parts
    assert roaming in settings.parents or local in settings.parents
    assert roaming in data.parents or local in data.parents
    assert local in cache.parents  # a cache never roams with the profile


def test_resources_are_found_and_read(tmp_path: Path) -> None:
    from certassist.core.messages import text_only
    from certassist.core.resources import resources_dir

    assert (resources_dir() / "messages").is_dir()
    assert text_only("L-windows-user", "nl") != text_only("L-windows-user", "en")


def test_atomic_write_replaces_a_file_with_an_accented_name(tmp_path: Path) -> None:
    """os.replace over an existing file, which Windows allows only with the right flags."""
    from certassist.core.fileio import atomic_write_bytes

    target = tmp_path / "back-ups José" / "Ünal praktijk.pfx"
    target.parent.mkdir()
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file left


def test_inspect_reads_a_pfx_on_a_windows_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from certassist.cli import main

    person = TestPKI().vecozo_personal(name="José Ünal-Çelik")
    path = tmp_path / "map met spatie" / "josé.pfx"
    path.parent.mkdir()
    path.write_bytes(pfx(person, PASSWORD, "3des"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\r\n"))  # a Windows line end
    code = main(["inspect", str(path), "--json", "--password-stdin"])
    out = capsys.readouterr().out
    assert code == 0, out
    data = json.loads(out)
    assert data["kind"] == "vecozo-personal" and data["holder"] == "José Ünal-Çelik"
    assert data["fingerprint"] == person.fingerprint


def test_the_path_separator_is_windows() -> None:
    assert os.sep == "\\" and PureWindowsPath(Path.cwd()).drive

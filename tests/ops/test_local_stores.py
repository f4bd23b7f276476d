"""The PC's stores plus the backup folders of the practice settings, as list, check, the
operation commands and the GUI see them: a home in tmp_path (conftest redirects HOME and the
XDG folders), a Firefox profile that was never started, real NSS, the real CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from certassist.cli import main
from certassist.core.settings import default_settings_path
from certassist.ops.local import local_and_backup_stores
from tests.ops.conftest import ANNA, GOOD_PASSWORD
from tests.pki import TestPKI, pfx
from tests.stdin import feed_stdin

PROFILES = "[Profile0]\nName=default-esr\nIsRelative=1\nPath=esr.default-esr\nDefault=1\n"


@pytest.fixture(autouse=True)
def _nss() -> None:
    from tests.stores.conftest import _nss_ready

    reason = _nss_ready()
    if reason:
        pytest.skip(reason)


@pytest.fixture
def profile() -> Path:
    """A Firefox profile Firefox never started: profiles.ini names it, no cert9.db yet."""
    root = Path(os.environ["HOME"]) / ".mozilla" / "firefox"
    (root / "esr.default-esr").mkdir(parents=True)
    (root / "profiles.ini").write_text(PROFILES, encoding="utf-8")
    return root / "esr.default-esr"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = main([*args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def _installed_and_backed_up(
    pki: TestPKI,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[str, Path]:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    source = tmp_path / "anna.pfx"
    source.write_bytes(pfx(bundle, GOOD_PASSWORD))
    feed_stdin(monkeypatch, GOOD_PASSWORD)
    code, out = _json(capsys, "install", str(source), "--store", "firefox", "--i-am", ANNA,
                      "--yes", "--password-stdin")  # fmt: skip
    assert code == 0 and out["outcome"] == "done", out
    stick = tmp_path / "usb-stick"
    feed_stdin(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD)
    code, out = _json(capsys, "backup", "--store", "firefox", "--to", str(stick), "--yes",
                      "--new-folder", "--password-stdin")  # fmt: skip
    assert code == 0 and Path(out["paths"][0]).parent == stick, out
    return bundle.fingerprint, stick


def _row(data: Any, fingerprint: str) -> Any:
    (row,) = [c for c in data["certificates"] if c["fingerprint"] == fingerprint]
    return row


def test_a_registered_backup_folder_is_a_place_in_list_and_check(
    profile: Path,
    pki: TestPKI,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fingerprint, stick = _installed_and_backed_up(pki, tmp_path, monkeypatch, capsys)
    assert (profile / "cert9.db").is_file()  # the never-started profile got its database

    code, data = _json(capsys, "list")  # not registered, but the verified backup is remembered
    row = _row(data, fingerprint)
    assert row["status"] == "ok" and row["has_backup"] and code == 0
    assert row["last_backup"]["file"].startswith(str(stick))
    assert [p["store"] for p in row["places"]] == [f"firefox:{profile}"]

    assert main(["settings", "add-backup-folder", str(stick)]) == 0
    assert default_settings_path().is_file()  # under the test HOME's XDG config folder
    capsys.readouterr()

    code, data = _json(capsys, "list")
    row = _row(data, fingerprint)
    assert row["has_backup"] and row["status"] == "ok" and code == 0
    assert {p["store"] for p in row["places"]} == {f"firefox:{profile}", f"pkcs12:{stick}"}
    assert data["unavailable"] == []

    code, report = _json(capsys, "check")
    (item,) = [i for i in report["production"] if i["fingerprint"] == fingerprint]
    assert len(item["places"]) == 2 and any(str(stick) in p for p in item["places"])

    from certassist.gui.app import _real_stores  # the start page's loader

    assert f"pkcs12:{stick}" in {s.store_id for s in _real_stores()}  # type: ignore[attr-defined]


def test_a_stick_in_the_drawer_is_shown_but_the_answer_is_complete(
    profile: Path,
    pki: TestPKI,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The registered backup folder's medium is not connected (the normal state of a USB stick):
    list and check name it, remember the backup made there, and do not end with 4, so the daily
    reminder does not read as failed on every day the stick is out."""
    fingerprint, stick = _installed_and_backed_up(pki, tmp_path, monkeypatch, capsys)
    assert main(["settings", "add-backup-folder", str(stick)]) == 0
    capsys.readouterr()
    stick.rename(tmp_path / "in-the-drawer")

    code, data = _json(capsys, "list")
    row = _row(data, fingerprint)
    assert row["status"] == "ok" and row["has_backup"], row
    assert [u["error"] for u in data["unavailable"]] == ["E-backup-folder-missing"]
    assert code == 0

    code, report = _json(capsys, "check")
    assert report["unavailable"] == data["unavailable"] and code == 0

    main(["list"])
    assert str(stick) in capsys.readouterr().out  # shown to the user all the same


def test_ops_commands_reach_a_registered_folder_by_name_only(
    profile: Path,
    pki: TestPKI,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fingerprint, stick = _installed_and_backed_up(pki, tmp_path, monkeypatch, capsys)
    assert main(["settings", "add-backup-folder", str(stick)]) == 0
    capsys.readouterr()
    # "back up everything" reads the PC's stores, not the old backups on the stick
    feed_stdin(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD)
    code, out = _json(capsys, "backup", "--to", str(tmp_path / "second"), "--yes", "--new-folder",
                      "--password-stdin")  # fmt: skip
    assert code == 0 and out["fingerprints"] == [fingerprint] and len(out["paths"]) == 1, out
    # by its path the registered folder is a store of the operation commands
    code, out = _json(capsys, "remove", "--store", f"pkcs12:{stick}", "--fingerprint",
                      fingerprint, "--not-needed", "--yes")  # fmt: skip
    assert code == 0 and out["outcome"] == "done", out
    assert not list(stick.glob("*.pfx"))


def test_a_broken_settings_file_is_a_reason_not_a_crash(
    profile: Path,
    pki: TestPKI,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fingerprint, _ = _installed_and_backed_up(pki, tmp_path, monkeypatch, capsys)
    path = default_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"backup_folders": [', encoding="utf-8")

    code, data = _json(capsys, "list")
    assert _row(data, fingerprint)["places"]  # the PC's stores still list
    (problem,) = data["unavailable"]
    assert problem["error"] == "E-settings-syntax" and str(path) in problem["message"]
    assert problem["label"] == "Back-upmappen uit de praktijkinstellingen"

    code, report = _json(capsys, "check")  # the same fields as `list --json`
    assert report["unavailable"] == data["unavailable"] and code == 4

    here = local_and_backup_stores()
    assert here.settings_error is not None and here.settings.backup_folders == ()
    assert [s.store_id for s in here.stores] == [f"firefox:{profile}"]

    main(["--lang", "en", "list"])
    out = capsys.readouterr().out
    assert "The practice settings in" in out and "damaged" in out

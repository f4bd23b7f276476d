"""Issue #11 point 7: a backup is remembered where it was made.

Right after a verified backup to a stick that is then pulled out, `list` does not say "backup
missing" and names the last backup; `remove` needs no `--backup FILE`; `backup --to` a folder
that does not exist is refused unless its parent exists and the user says so.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path, PureWindowsPath

import pytest

from certassist.cli import main
from certassist.core.models import StoreKind
from certassist.ops.backup_records import Medium, medium_of
from certassist.ops.base import Confirm, OpContext
from certassist.ops.remove import RemoveOperation
from certassist.stores.nss import NssStore
from tests.foreign import PASSWORD, make_foreign_pki
from tests.ops.conftest import GOOD_PASSWORD
from tests.stdin import feed_stdin
from tests.stores.nss_oracle import make_db, pk12_import


@pytest.fixture(autouse=True)
def _nss(nss_ready: None) -> None:
    """Every test here needs the NSS tools."""


def _db_with_certificate(tmp_path: Path) -> tuple[Path, str]:
    pki = make_foreign_pki(tmp_path / "pki")
    cert, key = pki.leaf("balie", "/C=NL/O=Praktijk West/CN=Balie West")
    db = make_db(Path.home() / ".pki" / "nssdb")
    pk12_import(
        db, pki.pfx(cert, key, [pki.intermediate], tmp_path / "b.pfx").read_bytes(), PASSWORD
    )
    (entry,) = [e for e in NssStore(db).list() if e.has_key]
    return db, entry.fingerprint


def test_backup_on_a_stick_that_is_gone_is_still_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db, fingerprint = _db_with_certificate(tmp_path)
    monkeypatch.setenv("CERTASSIST_STORES", "nssdb")
    assert main(["list", "--json"]) == 1  # R9: backup missing
    capsys.readouterr()

    stick = tmp_path / "stick"
    stick.mkdir()
    feed_stdin(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD)
    assert main(["backup", "--to", str(stick), "--yes", "--password-stdin", "--json"]) == 0
    capsys.readouterr()
    shutil.rmtree(stick)  # the stick is pulled out

    assert main(["list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["certificates"]
    assert row["fingerprint"] == fingerprint and row["status"] == "ok"
    assert row["has_backup"] and row["last_backup"]["reachable"] is False
    assert row["last_backup"]["made_on"] == "2026-12-03"  # JSON keeps ISO dates
    assert main(["list"]) == 0
    assert "laatste back-up op map" in capsys.readouterr().out  # "… van 3-12-2026"
    records = (Path.home() / ".local/share/certassist/backups.json").read_text(encoding="utf-8")
    assert GOOD_PASSWORD not in records

    # remove without --backup: the record is the verified backup (no --not-needed either)
    assert main(["remove", "--store", "nssdb", "--fingerprint", fingerprint, "--yes"]) == 0
    assert NssStore(db).get(fingerprint) is None


def test_remove_plan_uses_the_record(tmp_path: Path, ctx: OpContext) -> None:
    db, fingerprint = _db_with_certificate(tmp_path)
    store = NssStore(db, StoreKind.NSSDB)
    assert Confirm.NO_BACKUP in RemoveOperation(ctx).plan(store, fingerprint).needs
    ctx.records.backups.record(fingerprint, tmp_path / "weg" / "balie.p12", ctx.today())
    plan = RemoveOperation(ctx).plan(store, fingerprint)
    assert Confirm.NO_BACKUP not in plan.needs
    assert [w.message_id for w in plan.warnings] == ["I-ops-remove-backup-recorded"]


def test_backup_to_a_folder_that_does_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _db_with_certificate(tmp_path)
    monkeypatch.setenv("CERTASSIST_STORES", "nssdb")
    no_stick = tmp_path / "media" / "KINGSTON" / "backups"
    feed_stdin(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD)
    assert main(["backup", "--to", str(no_stick), "--yes", "--password-stdin"]) == 3
    assert "[E-ops-backup-folder-missing]" in capsys.readouterr().err
    new = tmp_path / "nieuw"
    feed_stdin(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD)
    assert main(["backup", "--to", str(new), "--yes", "--password-stdin"]) == 5
    assert "[E-ops-backup-new-folder-unconfirmed]" in capsys.readouterr().err
    assert not new.exists() and not no_stick.parent.exists()
    feed_stdin(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD)
    assert main(["backup", "--to", str(new), "--new-folder", "--yes", "--password-stdin"]) == 0
    assert len(list(new.glob("*.pfx"))) == 1


def test_media_are_named_as_people_call_them() -> None:
    assert medium_of(Path("/media/KINGSTON/back-ups")) == Medium("removable", "KINGSTON")
    assert medium_of(Path("/run/media/anna/USB")) == Medium("removable", "USB")
    assert medium_of(PureWindowsPath(r"E:\back-ups"), windows=True) == Medium("drive", "E:")  # type: ignore[arg-type]
    share = medium_of(PureWindowsPath(r"\\nas\praktijk\certs"), windows=True)  # type: ignore[arg-type]
    assert share == Medium("network", r"\\nas\praktijk")


def test_check_reports_a_missing_backup_as_list_does(tmp_path: Path) -> None:
    """`check`, the daily reminder, run as the real process: a certificate without a backup is
    named apart ("back-up ontbreekt") without changing exit code or states; after a verified
    backup to a stick that is then pulled out, it reads "laatste back-up op …" instead."""
    from tests.cli.process import environment, run

    _db, fingerprint = _db_with_certificate(tmp_path)
    env = environment("nl", CERTASSIST_STORES="nssdb")
    before = run("check", env=env)
    assert before.returncode == 0, before.stderr  # information only: nothing is due
    assert "[back-up ontbreekt] Balie West" in before.stdout
    assert "laatste back-up" not in before.stdout
    data = json.loads(run("check", "--json", env=env).stdout)
    assert [m["fingerprint"] for m in data["backups_missing"]] == [fingerprint]
    (item,) = data["production"]
    assert item["state"] == "ok" and item["severity"] == 0  # its own state is untouched

    stick = tmp_path / "stick"
    stick.mkdir()
    made = run(
        "backup", "--to", str(stick), "--yes", "--password-stdin",
        stdin=f"{GOOD_PASSWORD}\n{GOOD_PASSWORD}\n", env=env,
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    stick.rename(tmp_path / "elsewhere")  # the stick is pulled out

    after = run("check", env=env)
    assert after.returncode == 0, after.stderr
    assert "back-up ontbreekt" not in after.stdout
    assert "laatste back-up op map" in after.stdout and "van 3-12-2026" in after.stdout
    assert json.loads(run("check", "--json", env=env).stdout)["backups_missing"] == []

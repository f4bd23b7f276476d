"""The daily reminder (`check --notify`) and the `.ics` calendar say what `list` and `check` say
about backups (R9), from the same backup records: a certificate with its key and no backup
anywhere is named; after a verified backup, also one on a stick that is not plugged in now, it
is not. Real processes over a real NSS database that `pk12util` filled."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest

from certassist.core.names import format_day
from tests.cli import process
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import make_db, pk12_import

TODAY = date.today()  # check and backup use the real clock here
PASSWORD = "Groene-Appel-Boom-2026"


@pytest.fixture
def pc(tmp_path: Path, nss_ready: None) -> dict[str, Any]:
    """One ordinary certificate with its key in the shared NSS database, valid 300 more days:
    nothing is due, only its backup is missing."""
    db = make_db(Path(os.environ["HOME"]) / ".pki" / "nssdb")
    bundle = TestPKI(TODAY).expiring_in(300, "other", common_name="Praktijk Zonder Back-up")
    pk12_import(db, pfx(bundle, PASSWORD), PASSWORD)
    no_tools = tmp_path / "bin"  # no notify-send: the notification is written to stderr
    no_tools.mkdir()
    env = process.environment("nl", CERTASSIST_STORES="nssdb", PATH=str(no_tools))
    return {"fingerprint": bundle.fingerprint, "env": env, "tmp": tmp_path}


def run(pc: dict[str, Any], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    done = process.run(*args, stdin=stdin, env=pc["env"])
    assert "Traceback" not in done.stderr, done.stderr
    return done


def calendar(pc: dict[str, Any]) -> list[Any]:
    ics = pc["tmp"] / "agenda.ics"
    done = run(pc, "check", "--ics", str(ics))
    assert done.returncode == 0, done.stdout + done.stderr
    return list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))


def test_reminder_and_calendar_name_a_missing_backup_until_one_is_made(pc: dict[str, Any]) -> None:
    listed = json.loads(run(pc, "list", "--json").stdout)["certificates"]
    assert [c["status"] for c in listed] == ["backup-missing"]  # what `list` says

    reminder = run(pc, "check", "--notify")
    assert reminder.returncode == 0  # nothing is due: the exit code is the scheduler's
    assert "geen back-up" in reminder.stderr  # ...but the person at the desk is told
    assert "Praktijk Zonder Back-up" in reminder.stderr

    events = calendar(pc)
    todo = [e for e in events if str(e["SUMMARY"]).startswith("Back-up maken")]
    assert len(todo) == 1 and todo[0].decoded("DTSTART") == TODAY
    assert "Praktijk Zonder Back-up" in str(todo[0]["SUMMARY"])
    expiry = next(e for e in events if "verloopt vandaag" in str(e["SUMMARY"]))
    assert "geen back-up gevonden" in str(expiry["DESCRIPTION"])

    stick = pc["tmp"] / "usb-stick"
    stick.mkdir()
    made = run(
        pc, "backup", "--fingerprint", pc["fingerprint"], "--to", str(stick),
        "--password-stdin", "--yes", stdin=f"{PASSWORD}\n{PASSWORD}\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    shutil.rmtree(stick)  # the stick is taken out: only the record knows the backup

    listed = json.loads(run(pc, "list", "--json").stdout)["certificates"]
    assert [c["status"] for c in listed] == ["ok"]
    quiet = run(pc, "check", "--notify")
    assert quiet.returncode == 0 and "back-up" not in quiet.stderr  # a quiet day: no notice
    events = calendar(pc)
    assert not [e for e in events if str(e["SUMMARY"]).startswith("Back-up maken")]
    expiry = next(e for e in events if "verloopt vandaag" in str(e["SUMMARY"]))
    described = str(expiry["DESCRIPTION"])
    assert "laatste back-up op" in described and format_day(TODAY, "nl") in described


def test_the_demo_reminder_reads_the_demo_s_own_backup_records() -> None:
    """A backup made in the demo counts in the demo's `list`, `check`, reminder and calendar."""
    from certassist.demo.folder import demo_dir

    env = process.environment("nl")

    def demo(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        done = process.run("--demo", *args, stdin=stdin, env=env)
        assert "Traceback" not in done.stderr, done.stderr
        return done

    rows = json.loads(demo("list", "--json").stdout)["certificates"]
    system = next(r for r in rows if r["kind"] == "vecozo-system")
    assert system["status"] == "backup-missing"
    checked = json.loads(demo("check", "--json").stdout)
    assert system["fingerprint"] in {m["fingerprint"] for m in checked["backups_missing"]}

    stick = demo_dir() / "usb-stick"
    stick.mkdir()
    made = demo(
        "backup", "--fingerprint", system["fingerprint"], "--to", str(stick),
        "--password-stdin", "--yes", stdin=f"{PASSWORD}\n{PASSWORD}\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr

    rows = json.loads(demo("list", "--json").stdout)["certificates"]
    after = next(r for r in rows if r["fingerprint"] == system["fingerprint"])
    assert after["status"] == "ok" and after["last_backup"]["file"].startswith(str(stick))
    checked = json.loads(demo("check", "--json").stdout)
    assert system["fingerprint"] not in {m["fingerprint"] for m in checked["backups_missing"]}
    ics = demo_dir() / "agenda.ics"
    assert demo("check", "--ics", str(ics)).returncode in (0, 1, 2)
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    todo = [str(e["SUMMARY"]) for e in events if str(e["SUMMARY"]).startswith("Back-up maken")]
    assert todo and not [s for s in todo if "Huisartsenpraktijk De Linde" in s]

"""R14 after a UZI server renewal, through the real `certassist` processes: the portal confirms
nothing, so certassist asks the user for its two signs (the warning in the admin site is gone;
the DigiD button stays visible in the last seven days), keeps asking in `check`, `list`, the
reminder and the calendar until the user confirms both, records the answer (audit log), and
then stops asking. It never states that DigiD is on or off."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from cryptography import x509

from certassist.core.models import Kind
from certassist.stores.pkcs12file import write_backup
from tests.cli import process
from tests.pki import TestPKI, pem

TODAY = date.today()  # `renew uzi pair` and the confirmation use the real clock unless told
PASSWORD = "Zeven-Blauwe-Fietsen-2026"
OLD_DAYS = 40  # the old certificate expires in 40 days: DigiD would go off in 33
NEVER_AS_FACT = ("is uitgeschakeld", "DigiD staat uit", "DigiD werkt weer", "DigiD is weer")


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(TODAY)


def run(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    done = process.run_nl(*args, stdin=stdin, **env)
    for phrase in NEVER_AS_FACT:
        assert phrase not in done.stdout + done.stderr
    return done


@pytest.fixture
def renewed(pki: TestPKI, tmp_path: Path) -> dict[str, Any]:
    """The old server certificate sits in the practice's backup folder; its renewal is
    requested and paired (the PFX for the vendor on a stick), as a practice does it."""
    old = pki.expiring_in(OLD_DAYS, Kind.UZI_SERVER)
    folder = tmp_path / "backups"
    folder.mkdir()
    write_backup(folder, old, PASSWORD, kdf_rounds=2048)
    settings = tmp_path / "settings.json"
    assert (
        run("settings", "--settings", str(settings), "add-backup-folder", str(folder)).returncode
        == 0
    )
    current = tmp_path / "huidig.pem"
    current.write_bytes(pem(old))
    renew = ["renew", "--json", "--settings", str(settings), "--folder", str(tmp_path / "req")]
    started = run(*renew, "uzi", "start", "--from", str(current), "--password-stdin",
                  stdin=PASSWORD + "\n")  # fmt: skip
    assert started.returncode == 0, started.stderr
    request = json.loads(started.stdout)
    csr = x509.load_pem_x509_csr(Path(request["csr"]).read_bytes())
    issued = tmp_path / "nieuw.pem"
    new = pki.issue_from_csr(csr, Kind.UZI_SERVER)
    issued.write_bytes(pem(new))
    stick = tmp_path / "usb"
    paired = run(*renew, "uzi", "pair", request["id"], str(issued), "--pfx-folder", str(stick),
                 "--password-stdin", stdin=f"{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert paired.returncode == 0, paired.stderr
    result = json.loads(paired.stdout)
    assert "I-R14-uzi-confirm-signs" in result["confirmation"] and result["confirm_signs"]
    old_expiry = TODAY + timedelta(days=OLD_DAYS)
    return {
        "settings": str(settings),
        "old": old.fingerprint,
        "new": new.fingerprint,
        "host": new.leaf.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value,
        "switch_off": old_expiry - timedelta(days=7),
        "tmp": tmp_path,
    }


def check(r: dict[str, Any], day: date, *extra: str) -> subprocess.CompletedProcess[str]:
    return run("check", "--settings", r["settings"], "--today", day.isoformat(), *extra,
               CERTASSIST_STORES="pkcs12-folder", PATH="/nonexistent")  # fmt: skip


def check_json(r: dict[str, Any], day: date) -> dict[str, Any]:
    done = check(r, day, "--json")
    data: dict[str, Any] = json.loads(done.stdout)
    assert done.returncode == data["exit_code"]
    return data


def item(data: dict[str, Any], state: str) -> dict[str, Any] | None:
    return next((i for i in data["production"] if i["state"] == state), None)


def old_item(data: dict[str, Any], fingerprint: str) -> dict[str, Any]:
    return next(i for i in data["production"] if i["fingerprint"] == fingerprint)


def confirm(*args: str, today: date | None = None) -> subprocess.CompletedProcess[str]:
    when = ["--today", today.isoformat()] if today else []
    return run("renew", *when, "--json", "uzi", "confirm-signs", *args)


def test_check_keeps_asking_for_the_two_signs_until_both_are_confirmed(
    renewed: dict[str, Any],
) -> None:
    r, switch_off = renewed, renewed["switch_off"]
    waiting = item(check_json(r, TODAY), "confirm-signs")
    assert waiting is not None and waiting["message"] == "W-R14-confirm-signs"
    assert waiting["severity"] == 0 and waiting["rules"] == ["R14"]  # listed, not yet due
    assert waiting["next_date"] == switch_off.isoformat()
    assert waiting["params"]["fingerprint"] == r["new"]
    text = check(r, TODAY).stdout
    assert "[tekens bevestigen]" in text and "DigiD-inlogknop blijft zichtbaar" in text
    listed = json.loads(
        run("list", "--json", "--settings", r["settings"], CERTASSIST_STORES="pkcs12-folder").stdout
    )
    assert [o["host"] for o in listed["uzi_signs_open"]] == [r["host"]]

    # From the switch-off day the confirmation is due: the reminder names it
    on_the_day = check_json(r, switch_off)
    assert item(on_the_day, "confirm-signs")["severity"] == 1  # type: ignore[index]
    assert "I-R11-check-signs" in [n["message"] for n in old_item(on_the_day, r["old"])["notes"]]
    note = check(r, switch_off, "--notify")
    assert r["host"] in note.stderr and "DigiD-inlogknop bekijken vanaf" in note.stderr
    ics = r["tmp"] / "agenda.ics"
    check(r, TODAY, "--ics", str(ics))
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    signs = [e for e in events if "DigiD-inlogknop zichtbaar" in str(e["SUMMARY"])]
    assert [e.decoded("DTSTART") for e in signs] == [switch_off]

    # The DigiD sign means nothing while the old certificate still carries DigiD: refused
    early = confirm("--digid-visible")
    assert (
        early.returncode == 2 and json.loads(early.stdout)["error"] == "E-R14-digid-sign-too-early"
    )
    assert item(check_json(r, TODAY), "confirm-signs")["message"] == "W-R14-confirm-signs"  # type: ignore[index]

    first = confirm(r["host"], "--warning-gone")
    assert first.returncode == 0 and json.loads(first.stdout)["message_id"] == "I-R14-sign-recorded"
    half = item(check_json(r, switch_off), "confirm-signs")
    assert half is not None and half["message"] == "W-R14-confirm-sign-digid"

    second = confirm(r["new"][:12], "--digid-visible", today=switch_off)
    done = json.loads(second.stdout)
    assert second.returncode == 0 and done["message_id"] == "I-R14-signs-confirmed"
    assert done["warning_gone_on"] == TODAY.isoformat()
    assert done["digid_visible_on"] == switch_off.isoformat()

    # Afterwards nobody asks: no item, the old certificate is replaced, nothing due
    after = check_json(r, switch_off)
    assert item(after, "confirm-signs") is None and after["exit_code"] == 0
    old = old_item(after, r["old"])
    assert old["state"] == "replaced" and "I-R11-check-signs" not in json.dumps(old["notes"])
    assert r["host"] not in check(r, switch_off, "--notify").stderr
    listed = json.loads(
        run("list", "--json", "--settings", r["settings"], CERTASSIST_STORES="pkcs12-folder").stdout
    )
    assert listed["uzi_signs_open"] == []
    assert next(c for c in listed["certificates"] if c["fingerprint"] == r["old"])["status"] == (
        "replaced"
    )
    log = json.loads(run("log", "--json").stdout)
    signed = [e for e in log if e["what"] == "confirm-signs"]
    assert [e["details"]["signs"] for e in signed] == ["warning-gone", "digid-visible"]
    assert all(e["rules"] == ["R14"] and e["fingerprint"] == r["new"] for e in signed)
    again = confirm("--warning-gone")
    assert again.returncode == 3 and json.loads(again.stdout)["error"] == "E-R14-signs-none-open"


def test_at_a_terminal_the_two_signs_are_asked_and_without_one_nothing_is_recorded(
    renewed: dict[str, Any],
) -> None:
    quiet = run("renew", "uzi", "confirm-signs")  # no terminal, no flag: nothing to record
    assert quiet.returncode == 5 and "[E-cli-not-confirmed]" in quiet.stderr
    assert "--warning-gone" in quiet.stderr
    asked = process.run_at_terminal(
        ["renew", "uzi", "confirm-signs"], answers=[("beheeromgeving van de portal verdwenen", "j")]
    )  # before the switch-off day only the warning is asked
    assert asked.code == 0, asked.output
    assert "Blijft de DigiD-inlogknop" not in asked.output
    assert "Nog te bevestigen: de DigiD-inlogknop blijft zichtbaar" in asked.output
    asked = process.run_at_terminal(
        ["renew", "--today", renewed["switch_off"].isoformat(), "uzi", "confirm-signs"],
        answers=[("Blijft de DigiD-inlogknop zichtbaar", "j")],
    )
    assert asked.code == 0 and "certassist vraagt er niet meer naar" in asked.output

"""Advice that is right to the day, through the real `certassist` commands (a process each).

R11 names three dates for a UZI server certificate: "vraag aan vóór" (expiry − 28 days − the
practice's issuing time, default 6 weeks), "nieuw certificaat bij de portal vóór" (expiry − 28)
and "DigiD gaat uit op" (expiry − 7). R7 opens VECOZO renewal one month before expiry. Every
boundary is tested the day before, on and after it. R13: the subscriber number is the 8-digit
URA; an OIN (20 digits) is refused there with an explanation and kept in its own field.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from certassist.core.rules_dates import add_months, renewal_window_opens
from certassist.stores.pkcs12file import write_backup
from tests.cli import process
from tests.pki import TestPKI, pem

TODAY = date.today()  # inspect uses the real clock; `check --today` sets its own day
PASSWORD = "Lente-Regen-2026!"
OIN = "00000001234567890000"


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(TODAY)


run = process.run_nl


def settings_cmd(settings: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    return run("settings", "--settings", str(settings), *args)


def as_json(done: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(done.stdout)


# --- R11 through `inspect`: the day before, on and after each of the three dates ------------

# days left until expiry -> (status, exit code, R11 message); default issuing time 6 weeks:
# request by = expiry − 70, portal by = expiry − 28, DigiD off = expiry − 7.
UZI_DAYS = [
    (71, "ok", 0, "I-R11-request-by"),
    (70, "uzi-start-now", 1, "W-R11-request-today"),
    (69, "uzi-start-now", 1, "W-R11-request-late"),
    (29, "uzi-start-now", 1, "W-R11-request-late"),
    (28, "uzi-start-now", 1, "W-R11-portal-today"),
    (27, "uzi-overdue", 2, "W-R11-portal-late"),
    (8, "uzi-overdue", 2, "W-R11-portal-late"),
    (7, "uzi-overdue", 2, "W-R11-digid-off-unless-renewed"),
    (6, "uzi-overdue", 2, "W-R11-digid-off-unless-renewed"),
]


@pytest.mark.parametrize(("days", "status", "code", "message"), UZI_DAYS)
def test_inspect_names_the_three_uzi_dates_right_to_the_day(
    pki: TestPKI, tmp_path: Path, days: int, status: str, code: int, message: str
) -> None:
    path = tmp_path / "server.pem"
    path.write_bytes(pem(pki.expiring_in(days, "uzi-server")))
    done = run("inspect", str(path), "--json")
    data = as_json(done)
    expiry = TODAY + timedelta(days=days)
    assert (done.returncode, data["status"]) == (code, status)
    assert data["uzi_dates"] == {
        "request_by": (expiry - timedelta(days=70)).isoformat(),
        "portal_by": (expiry - timedelta(days=28)).isoformat(),
        "switch_off": (expiry - timedelta(days=7)).isoformat(),
    }
    r11 = [r for r in data["rules"] if r["rule"] == "R11"]
    assert r11[0]["message_id"] == message
    assert all("is uitgeschakeld" not in r["text"] for r in data["rules"])  # never a fact


def test_inspect_text_shows_the_three_dates_with_their_names(pki: TestPKI, tmp_path: Path) -> None:
    path = tmp_path / "server.pem"
    path.write_bytes(pem(pki.expiring_in(100, "uzi-server")))
    text = run("inspect", str(path)).stdout
    expiry = TODAY + timedelta(days=100)
    for label, day in (
        ("Vraag aan vóór", expiry - timedelta(days=70)),
        ("Nieuw certificaat bij de portal vóór", expiry - timedelta(days=28)),
        ("DigiD gaat uit op", expiry - timedelta(days=7)),
    ):
        assert any(line.startswith(label) and day.isoformat() in line for line in text.splitlines())


def test_inspect_while_digid_may_be_off_shows_old_linking_helpdesk_and_bricks(
    pki: TestPKI, tmp_path: Path
) -> None:
    path = tmp_path / "server.pem"
    path.write_bytes(pem(pki.expiring_in(5, "uzi-server")))
    texts = " ".join(r["text"] for r in as_json(run("inspect", str(path), "--json"))["rules"])
    assert "oude koppelmethode" in texts and "beheer.pharmeon.nl" in texts
    assert "Handleiding" in texts and "uwzorgonline.atlassian.net" in texts
    assert "Bricks" in texts and "DigiD-inlogknop" in texts


# --- R7 through `inspect`: the VECOZO renewal month -----------------------------------------


@pytest.mark.parametrize(
    ("opens", "status", "code"),
    [
        (TODAY + timedelta(days=1), "ok", 0),  # the day before the renewal month
        (TODAY, "renew-now", 1),  # its first day
        (TODAY - timedelta(days=1), "renew-now", 1),  # the day after
    ],
)
def test_inspect_vecozo_renewal_month_right_to_the_day(
    pki: TestPKI, tmp_path: Path, opens: date, status: str, code: int
) -> None:
    expiry = add_months(opens, 1)
    assert renewal_window_opens(expiry) == opens
    path = tmp_path / "anna.pem"
    path.write_bytes(pem(pki.expiring_in((expiry - TODAY).days, name="Anna de Vries")))
    done = run("inspect", str(path), "--json")
    assert (done.returncode, as_json(done)["status"]) == (code, status)


# --- `check --today` over the practice's backup folder: the same boundaries, and the .ics ----


@pytest.fixture
def practice(pki: TestPKI, tmp_path: Path) -> dict[str, Any]:
    """A settings file whose backup folder holds one UZI server and one VECOZO certificate."""
    folder = tmp_path / "usb"
    folder.mkdir()
    server = pki.expiring_in(100, "uzi-server", subscriber="12345678")
    personal = pki.expiring_in(200, name="Anna de Vries")
    for bundle in (server, personal):
        write_backup(folder, bundle, PASSWORD, kdf_rounds=2048)
    settings = tmp_path / "settings.json"
    assert (
        run("settings", "--settings", str(settings), "add-backup-folder", str(folder)).returncode
        == 0
    )
    return {
        "settings": settings,
        "server": server,
        "personal": personal,
        "uzi_expiry": TODAY + timedelta(days=100),
        "vecozo_expiry": TODAY + timedelta(days=200),
        "env": {"CERTASSIST_STORES": "pkcs12-folder"},  # only the folder, not this PC's stores
    }


def _check(practice: dict[str, Any], day: date, *extra: str) -> dict[str, Any]:
    done = run(
        "check", "--json", "--settings", str(practice["settings"]), "--today", day.isoformat(),
        *extra, **practice["env"],
    )  # fmt: skip
    data = as_json(done)
    assert done.returncode == data["exit_code"]
    return data


def _item(data: dict[str, Any], fingerprint: str) -> dict[str, Any]:
    return next(i for i in data["production"] if i["fingerprint"] == fingerprint)


def test_check_walks_every_uzi_and_vecozo_boundary(practice: dict[str, Any]) -> None:
    server, personal = practice["server"].fingerprint, practice["personal"].fingerprint
    expiry = practice["uzi_expiry"]
    for days, status, code, message in UZI_DAYS:
        item = _item(_check(practice, expiry - timedelta(days=days)), server)
        assert (item["state"], item["severity"], item["message"]) == (status, code, message)
        assert "R11" in item["rules"]
    switched = _item(_check(practice, expiry - timedelta(days=7)), server)
    assert [n["message"] for n in switched["notes"]] == [
        "I-R11-check-signs", "I-R11-old-linking", "I-R11-helpdesk", "I-R11-no-fallback",
    ]  # fmt: skip
    assert _item(_check(practice, expiry - timedelta(days=8)), server)["notes"] == []
    opens = renewal_window_opens(practice["vecozo_expiry"])
    for day, state, severity in (
        (opens - timedelta(days=1), "ok", 0),
        (opens, "renew-now", 1),
        (opens + timedelta(days=1), "renew-now", 1),
    ):
        item = _item(_check(practice, day), personal)
        assert (item["state"], item["severity"]) == (state, severity)


def test_check_writes_the_three_uzi_dates_to_the_calendar(
    practice: dict[str, Any], tmp_path: Path
) -> None:
    import icalendar

    ics = tmp_path / "agenda.ics"
    _check(practice, TODAY, "--ics", str(ics))
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    by_day = {e.decoded("DTSTART"): str(e["SUMMARY"]) for e in events}
    expiry = practice["uzi_expiry"]
    assert "vraag vandaag het nieuwe certificaat aan" in by_day[expiry - timedelta(days=70)]
    assert "moet vandaag bij de portal zijn" in by_day[expiry - timedelta(days=28)]
    assert "DigiD gaat vandaag uit" in by_day[expiry - timedelta(days=7)]


def test_a_pending_uzi_request_gets_no_vecozo_install_window(practice: dict[str, Any]) -> None:
    """R5 (60 days, user number and PIN) is VECOZO's; a UZI request is not told it."""
    settings = str(practice["settings"])
    issued = (TODAY - timedelta(days=59)).isoformat()  # day 59 of VECOZO's 60: no matter here
    added = settings_cmd(
        settings, "add-pending", "--kind", "uzi-server",
        "--holder", "portaal.delinde.example", "--issued-on", issued,
    )  # fmt: skip
    assert added.returncode == 0
    data = _check(practice, TODAY)
    (pending,) = [
        i for i in data["production"] if i["kind"] == "uzi-server" and not i["fingerprint"]
    ]
    assert pending["rules"] == ["R11"] and pending["severity"] == 0
    assert not pending["message"].startswith(("I-R5", "W-R5", "E-R5"))


# --- R13: the subscriber number, the OIN, practice changes ----------------------------------


def test_an_oin_as_subscriber_number_is_refused_with_an_explanation(tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    done = run("settings", "--settings", str(settings), "set", "--subscriber", OIN)
    assert done.returncode == 3 and not settings.exists()
    assert "[E-settings-subscriber-is-oin]" in done.stderr
    assert "OIN" in done.stderr and "8 cijfers" in done.stderr and "--oin" in done.stderr
    as_data = run("settings", "--settings", str(settings), "--json", "set", "--subscriber", OIN)
    assert as_json(as_data)["error"] == "E-settings-subscriber-is-oin"
    saved = run(
        "settings", "--settings", str(settings), "--json", "set",
        "--subscriber", "1234 5678", "--oin", OIN,
    )  # fmt: skip
    assert saved.returncode == 0
    data = as_json(saved)
    assert (data["subscriber_number"], data["oin"]) == ("12345678", OIN)


def test_the_oin_is_never_compared_with_the_certificate(
    practice: dict[str, Any],
) -> None:
    settings = str(practice["settings"])
    assert (
        run("settings", "--settings", settings, "set", "--subscriber", "12345678").returncode == 0
    )
    assert run("settings", "--settings", settings, "set", "--oin", OIN).returncode == 0
    item = _item(_check(practice, TODAY), practice["server"].fingerprint)
    assert "R13" not in item["rules"] and item["notes"] == []
    assert (
        run("settings", "--settings", settings, "set", "--subscriber", "99999999").returncode == 0
    )
    item = _item(_check(practice, TODAY), practice["server"].fingerprint)
    assert item["notes"][0]["message"] == "W-R13-subscriber-mismatch"


def test_a_practice_change_warns_that_the_uzi_certificate_may_need_replacing(
    tmp_path: Path,
) -> None:
    settings = str(tmp_path / "settings.json")
    first = run("settings", "--settings", settings, "set", "--practice-name", "De Linde",
                "--contract-holder", "Dr. Linde", "--card-holder", "Dr. Linde")  # fmt: skip
    assert first.returncode == 0 and "ongeldig" not in first.stdout  # a first entry
    again = run("settings", "--settings", settings, "--json", "set", "--card-holder", "Dr. Eik")
    warning = as_json(again)["warnings"][0]
    assert warning["id"] == "W-R13-practice-changed"
    assert "UZI-pashouder" in warning["message"] and "nieuw certificaat" in warning["message"]
    assert as_json(again)["card_holder"] == "Dr. Eik"


def test_issuing_weeks_that_would_put_the_request_on_the_portal_date_are_refused(
    tmp_path: Path,
) -> None:
    settings = tmp_path / "settings.json"
    done = run("settings", "--settings", str(settings), "set", "--uzi-issuing-weeks", "0")
    assert done.returncode == 3 and "[E-settings-weeks]" in done.stderr
    assert "28 dagen" in done.stderr and not settings.exists()
    help_text = run("settings", "set", "--help").stdout
    assert "verloopdatum − 28 dagen − deze weken" in " ".join(help_text.split())


# --- `inspect` uses the practice settings (R12, R13) -----------------------------------------


def test_inspect_compares_with_the_practice_settings(pki: TestPKI, tmp_path: Path) -> None:
    path = tmp_path / "server.pem"
    path.write_bytes(pem(pki.uzi_server(subscriber="12345678", ura="12345678")))
    ids = {r["message_id"] for r in as_json(run("inspect", str(path), "--json"))["rules"]}
    assert "I-R13-record-subscriber" in ids and "I-R12-record-vendor" in ids
    settings = tmp_path / "settings.json"
    assert run(
        "settings", "--settings", str(settings), "set",
        "--subscriber", "99999999", "--vendor", "promedico-asp", "--uzi-issuing-weeks", "12",
    ).returncode == 0  # fmt: skip
    data = as_json(run("inspect", str(path), "--json", "--settings", str(settings)))
    ids = {r["message_id"] for r in data["rules"]}
    assert "W-R13-subscriber-mismatch" in ids and "I-R12-practice-uploads" in ids
    portal_by = date.fromisoformat(data["uzi_dates"]["portal_by"])
    assert date.fromisoformat(data["uzi_dates"]["request_by"]) == portal_by - timedelta(weeks=12)

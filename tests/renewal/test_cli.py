"""The renewal commands as a user and a scheduled task run them: exit codes, JSON, files."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import icalendar
import pytest
from cryptography import x509

from certassist.cli import main
from certassist.core.models import Kind
from certassist.core.reading import read_certificate_file
from tests.pki import TestPKI, pem

from .conftest import TODAY

PASSWORD = "Zeven-Blauwe-Fietsen-2026"


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_check_demo_json_and_exit_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from certassist.demo.folder import demo_dir

    assert main(["--demo", "check", "--json", "--ics", str(tmp_path / "agenda.ics")]) == 3
    assert _json(capsys)["error"] == "E-demo-outside-folder"  # the demo writes only its folder
    assert not (tmp_path / "agenda.ics").exists()
    ics = demo_dir() / "agenda.ics"
    code = main(["--demo", "check", "--json", "--ics", str(ics)])
    data = _json(capsys)
    assert isinstance(data, dict)
    assert code == data["exit_code"] == 2  # the demo has an expired certificate
    assert all(i["environment"] == "production" for i in data["production"])
    assert all(i["environment"] != "production" for i in data["acceptance_and_test"])
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert events


def test_check_nothing_due_exits_zero(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "settings.json"
    # No stores (no backup folders): on Windows the runner's own CurrentUser\MY stays out.
    monkeypatch.setenv("CERTASSIST_STORES", "pkcs12-folder")
    assert main(["check", "--settings", str(settings)]) == 0  # no stores, nothing pending
    capsys.readouterr()
    # a closed install window (R5) makes it overdue
    assert (
        main(
            [
                "settings",
                "--settings",
                str(settings),
                "add-pending",
                "--kind",
                "vecozo-system",
                "--holder",
                "De Linde",
                "--issued-on",
                "2026-01-01",
            ]
        )
        == 0
    )
    capsys.readouterr()
    code = main(["check", "--settings", str(settings), "--today", "2026-03-10", "--json"])
    data = _json(capsys)
    assert isinstance(data, dict)
    pending = [i for i in data["production"] if i["state"].startswith("pending")]
    assert pending[0]["state"] == "pending-expired" and code == 2


def test_settings_set_validates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    ok = main(
        [
            "settings",
            "--settings",
            str(settings),
            "set",
            "--agb",
            "01234567",
            "--subscriber",
            "12345678",
            "--vendor",
            "cgm-huisarts",
        ]
    )
    assert ok == 0
    capsys.readouterr()
    bad = main(["settings", "--settings", str(settings), "--json", "set", "--agb", "123"])
    expected = {"error": "E-settings-agb", "message": _message("E-settings-agb", value="123")}
    assert bad == 3 and _json(capsys) == expected
    stored = json.loads(settings.read_text(encoding="utf-8"))
    assert stored["agb_code"] == "01234567" and stored["vendor_id"] == "cgm-huisarts"


def _message(message_id: str, **params: str) -> str:
    from certassist.core.messages import render

    return render(message_id, "nl", **params)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has Task Scheduler")
def test_reminders_say_not_available_off_windows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reminders", "--json", "status"]) == 3
    assert _json(capsys)["error"] == "E-reminders-not-available"  # type: ignore[index]


def test_uzi_renewal_through_the_cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    pki: TestPKI,
) -> None:
    current = pki.expiring_in(40, Kind.UZI_SERVER)
    cert_file = tmp_path / "huidig.pem"
    cert_file.write_bytes(pem(current))
    folder = tmp_path / "renewals"
    common = ["renew", "--json", "--folder", str(folder), "--settings", str(tmp_path / "s.json")]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main([*common, "uzi", "start", "--from", str(cert_file), "--password-stdin"]) == 0
    started = _json(capsys)
    assert isinstance(started, dict)
    csr = x509.load_pem_x509_csr(Path(started["csr"]).read_bytes())
    issued = tmp_path / "nieuw.pem"
    issued.write_bytes(pem(pki.issue_from_csr(csr, Kind.UZI_SERVER)))
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n{PASSWORD}\n"))
    out = tmp_path / "usb"
    args = ["uzi", "pair", started["id"], str(issued), "--pfx-folder", str(out), "--password-stdin"]
    assert main([*common, *args]) == 0
    paired = _json(capsys)
    assert isinstance(paired, dict)
    assert paired["confirmation"] == ["I-R14-renewed", "I-R14-uzi-confirm-signs", "I-R9-backup-now"]
    assert read_certificate_file(Path(paired["pfx"]), PASSWORD).key_matches()
    assert main([*common, "uzi", "list"]) == 0 and _json(capsys) == []  # finished


def test_foreign_certificate_refused_through_the_cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    pki: TestPKI,
) -> None:
    current = pki.expiring_in(40, Kind.UZI_SERVER)
    cert_file = tmp_path / "huidig.pem"
    cert_file.write_bytes(pem(current))
    common = [
        "renew",
        "--json",
        "--folder",
        str(tmp_path / "r"),
        "--settings",
        str(tmp_path / "s.json"),
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    main([*common, "uzi", "start", "--from", str(cert_file), "--password-stdin"])
    started = _json(capsys)
    assert isinstance(started, dict)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main([*common, "uzi", "pair", started["id"], str(cert_file), "--password-stdin"])
    assert code == 3
    assert _json(capsys)["error"] == "E-uzirenew-foreign-certificate"  # type: ignore[index]
    assert TODAY  # the fixed day of the PKI

"""`certassist inspect` as a user runs it: a real process, real files, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.cli import process
from tests.pki import TestPKI, der, p7b, pem, pfx

PASSWORD = "Lente-Regen-2026!"
TODAY = date.today()  # the process under test uses the real clock, so the PKI does too


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(TODAY)


def run(*args: str, stdin: str = "", lang: str = "nl") -> subprocess.CompletedProcess[str]:
    return process.run(*args, stdin=stdin, lang=lang, timeout=60)


def inspect_json(path: Path, password: str | None = None) -> tuple[int, dict[str, Any]]:
    args = ["inspect", str(path), "--json"]
    if password is not None:
        args.append("--password-stdin")
    done = run(*args, stdin=f"{password}\n" if password is not None else "")
    assert "Traceback" not in done.stderr
    return done.returncode, json.loads(done.stdout)


def test_personal_pfx_shows_holder_key_and_rules(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.vecozo_personal(name="Anna de Vries")
    path = tmp_path / "anna.pfx"
    path.write_bytes(pfx(bundle, PASSWORD, "3des"))
    code, data = inspect_json(path, PASSWORD)
    assert code == 0
    assert data["kind"] == "vecozo-personal" and data["holder"] == "Anna de Vries"
    assert data["environment"] == "production"
    assert data["key"] == "matching"
    assert data["fingerprint"] == bundle.fingerprint
    assert (
        data["days_left"] == 730
        and data["not_after"] == bundle.leaf.not_valid_after_utc.date().isoformat()
    )
    assert {"R1", "R4", "R9"} <= {r["rule"] for r in data["rules"]}


def test_system_certificate_names_contact_person_and_no_browser(
    pki: TestPKI, tmp_path: Path
) -> None:
    path = tmp_path / "systeem.cer"
    path.write_bytes(der(pki.vecozo_system()))
    code, data = inspect_json(path)
    assert code == 0 and data["kind"] == "vecozo-system" and data["key"] == "absent"
    assert {"R2", "R3"} <= {r["rule"] for r in data["rules"]}


def test_uzi_server_fields_and_timeline(pki: TestPKI, tmp_path: Path) -> None:
    path = tmp_path / "server.p7b"
    path.write_bytes(p7b(pki.uzi_server(subscriber="12345678", ura="87654321")))
    code, data = inspect_json(path)
    assert code == 0 and data["kind"] == "uzi-server"
    assert data["uzi"]["subscriber_number"] == "12345678" and data["uzi"]["card_type"] == "S"
    assert data["ura"] == "87654321"
    assert {"R11", "R12", "R13"} <= {r["rule"] for r in data["rules"]}


def test_uzi_card_and_other(pki: TestPKI, tmp_path: Path) -> None:
    card, other = tmp_path / "pas.pem", tmp_path / "ander.pem"
    card.write_bytes(pem(pki.uzi_card(card_type="N", role="00.000")))
    other.write_bytes(pem(pki.other()))
    assert inspect_json(card)[1]["kind"] == "uzi-card"
    assert inspect_json(other)[1]["kind"] == "other"


def test_acceptance_certificate_is_shown_as_such(pki: TestPKI, tmp_path: Path) -> None:
    from tests.pki import Environment

    path = tmp_path / "acc.pem"
    path.write_bytes(pem(pki.vecozo_personal(environment=Environment.ACCEPTANCE)))
    code, data = inspect_json(path)
    assert data["environment"] == "acceptance"
    assert "R10" in {r["rule"] for r in data["rules"]}


def test_expired_exits_2_and_expiring_exits_1(pki: TestPKI, tmp_path: Path) -> None:
    expired, soon = tmp_path / "oud.pem", tmp_path / "bijna.pem"
    expired.write_bytes(pem(pki.expired()))
    soon.write_bytes(pem(pki.expiring_in(10)))
    code, data = inspect_json(expired)
    assert code == 2 and data["status"] == "expired"
    code, data = inspect_json(soon)
    assert code == 1 and data["status"] == "renew-now" and data["days_left"] == 10


def test_not_yet_valid_exits_2(pki: TestPKI, tmp_path: Path) -> None:
    path = tmp_path / "later.pem"
    path.write_bytes(pem(pki.not_yet_valid(days=3)))
    code, data = inspect_json(path)
    assert code == 2 and data["status"] == "not-yet-valid"


@pytest.mark.parametrize(
    ("name", "content", "password", "expected"),
    [
        ("leeg.pfx", b"", None, "E-read-empty"),
        ("ruis.pfx", os.urandom(3000), None, "E-read-damaged"),
        ("ruis.dat", b"\x01" + os.urandom(3000), None, "E-read-unknown-format"),
    ],
)
def test_bad_files_exit_3_with_an_error_id(
    tmp_path: Path, name: str, content: bytes, password: str | None, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, data = inspect_json(path, password)
    assert code == 3 and data["error"] == expected and data["message"]


def test_wrong_password_truncated_and_mismatch(pki: TestPKI, tmp_path: Path) -> None:
    data = pfx(pki.vecozo_personal(), PASSWORD, "aes")
    good = tmp_path / "anna.pfx"
    good.write_bytes(data)
    cut = tmp_path / "kapot.pfx"
    cut.write_bytes(data[:700])
    code, wrong = inspect_json(good, "fout-wachtwoord")
    assert code == 3 and wrong["error"] == "E-read-wrong-password"
    assert inspect_json(cut, PASSWORD)[1]["error"] == "E-read-damaged"
    mixed = pki.mismatched()
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_bytes(pem(mixed))
    from tests.pki import pkcs8_key

    key.write_bytes(pkcs8_key(mixed))
    done = run("inspect", str(cert), "--key", str(key), "--json")
    assert done.returncode == 3 and json.loads(done.stdout)["error"] == "E-read-key-mismatch"


def test_text_output_is_dutch_by_default_and_english_on_request(tmp_path: Path) -> None:
    path = tmp_path / "leeg.cer"
    path.write_bytes(b"")
    nl = run("inspect", str(path))
    en = run("inspect", str(path), "--lang", "en")
    assert nl.returncode == en.returncode == 3
    assert "[E-read-empty]" in nl.stderr and "leeg" in nl.stderr and "Traceback" not in nl.stderr
    assert "empty" in en.stderr


def test_password_is_never_an_argument() -> None:
    done = run("inspect", "x.pfx", "--password", "geheim")
    assert done.returncode == 64


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    """`certassist <cmd>` imports only that command's module; the map must stay complete."""
    from certassist.cli import COMMAND_MODULES, COMMANDS, build_parser

    for command, module in COMMANDS.items():
        parser = build_parser((module,))
        assert command in parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    everything = build_parser(COMMAND_MODULES)
    registered = set(everything._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert registered == set(COMMANDS)


@pytest.mark.parametrize(
    "args",
    [("--demo", "list", "--json"), ("list", "--demo", "--json"), ("list", "--json", "--demo")],
)
def test_global_options_work_before_and_after_the_command(args: tuple[str, ...]) -> None:
    done = run(*args, "--lang", "en")
    assert done.returncode in (0, 1, 2), done.stderr
    assert json.loads(done.stdout)  # the demo sandbox always has certificates


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals (pty) are POSIX")
def test_at_a_terminal_three_wrong_passwords_then_a_clear_stop(
    pki: TestPKI, tmp_path: Path
) -> None:
    """Typed at a prompt (a real pseudo-terminal): three tries, then stop with an id."""
    path = tmp_path / "anna.pfx"
    path.write_bytes(pfx(pki.vecozo_personal(), PASSWORD, "aes"))
    wrong = [("Password:", f"wrong-{n}") for n in (1, 2, 3)]
    done = process.run_at_terminal(["inspect", str(path)], wrong, lang="en", timeout=60)
    assert done.output.count("Password:") == 3
    assert "E-ops-password-tries" in done.output and "Traceback" not in done.output
    assert done.code == 3

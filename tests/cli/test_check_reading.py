"""`certassist check`, the daily reminder command, reads the stores as `list` does: Firefox's
primary password from `--password-stdin` or asked at a terminal, and exit 4 when a store could
not be read (the answer is incomplete). Through the real process, with a real NSS profile that
certutil protected with a primary password.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.cli.process import run, run_at_terminal
from tests.cli.profiles import ANNA, PRIMARY, firefox_profile, holding
from tests.pki import TestPKI


@pytest.fixture(autouse=True)
def _nss(nss_ready: None) -> None:
    """Every test here uses real NSS databases."""


@pytest.fixture
def locked_profile() -> tuple[Path, str]:
    """A Firefox profile with a primary password, holding Anna's certificate that ends in 20
    days (due: renew now) — what `check` must find once it may read the profile."""
    home = Path(os.environ["HOME"])  # the test's own (conftest)
    anna = TestPKI(date.today()).expiring_in(20, name=ANNA)
    db = firefox_profile(home, "kluis", PRIMARY)
    holding(db, anna, db.parent / "p.kluis.pw")
    return db, anna.fingerprint


def _fingerprints(data: dict[str, list[dict[str, str]]]) -> list[str]:
    return [item["fingerprint"] for item in data["production"]]


def test_check_without_the_primary_password_says_which_profile_and_exits_4(
    locked_profile: tuple[Path, str],
) -> None:
    _, fingerprint = locked_profile
    unread = run("check", "--json")
    assert unread.returncode == 4, unread.stderr
    data = json.loads(unread.stdout)
    assert data["exit_code"] == 4 and _fingerprints(data) == []
    (problem,) = data["unavailable"]
    assert problem["error"] == "E-nss-password-needed" and "kluis" in problem["label"]
    assert "hoofdwachtwoord" in problem["message"]  # the text, in the run's language
    text = run("check")
    assert text.returncode == 4, text.stderr
    assert "Niet gecontroleerd" in text.stdout and "kluis" in text.stdout
    # `list` ends the same way on the same PC: one answer for "a store could not be read"
    assert run("list", "--json").returncode == 4


def test_check_reads_the_primary_password_from_stdin(locked_profile: tuple[Path, str]) -> None:
    _, fingerprint = locked_profile
    read = run("check", "--json", "--password-stdin", stdin=PRIMARY + "\n")
    assert read.returncode == 1, read.stderr  # read now: Anna's certificate is due
    data = json.loads(read.stdout)
    assert _fingerprints(data) == [fingerprint] and data["unavailable"] == []
    wrong = run("check", "--password-stdin", stdin="fout\n")
    assert wrong.returncode == 3 and "[E-nss-wrong-password]" in wrong.stderr


def test_check_asks_the_primary_password_at_a_terminal(locked_profile: tuple[Path, str]) -> None:
    screen = run_at_terminal(["check"], [("Hoofdwachtwoord van", PRIMARY)])
    assert screen.code == 1, screen.output
    assert ANNA in screen.output and "Niet gecontroleerd" not in screen.output
    english = run_at_terminal(["check"], [("Primary password of", PRIMARY)], lang="en")
    assert english.code == 1 and ANNA in english.output, english.output

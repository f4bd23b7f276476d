"""`certassist --demo` keeps its word: the same made-up certificates on every run (and in every
fresh demo folder made on the same day), changes that last between commands, and nothing
written outside the demo's own folder (real processes)."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from certassist.core.names import format_day
from certassist.core.resources import cache_dir
from certassist.core.rules_dates import renewal_window_opens
from certassist.demo.folder import DEMO_DAY_ENV, DEMO_DIR_ENV, demo_dir
from tests.cli import process

NEW_PASSWORD = "Paarse-Olifant-Danst-7"


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = process.run("--demo", *args, stdin=stdin, lang="nl", env=env)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def listing() -> dict[str, dict[str, Any]]:
    done = run("list", "--json")
    assert done.returncode in (0, 1, 2), done.stderr
    return {c["fingerprint"]: c for c in json.loads(done.stdout)["certificates"]}


def places(row: dict[str, Any]) -> set[str]:
    return {p["store"] for p in row["places"]}


def snapshot(root: Path) -> dict[Path, int]:
    """Every file under `root` with its modification time (changed or new files show up)."""
    return {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_demo_keeps_fingerprints_and_changes_and_writes_only_its_folder(
    _isolated_dirs: Path,
) -> None:
    home = _isolated_dirs  # the test's HOME: every folder the program could write lies in it
    before = snapshot(home)
    first = listing()
    assert first == listing()  # the same certificates, fingerprints and states on a second run
    folder = demo_dir()
    assert folder.is_relative_to(home)

    def holder(name: str, store: str) -> str:
        return next(f for f, row in first.items() if row["holder"] == name and store in places(row))

    system = next(f for f, r in first.items() if r["kind"] == "vecozo-system")
    colleague = holder("Bram Jansen", "demo:windows")
    other = next(f for f, r in first.items() if r["kind"] == "other")

    backup = run(
        "backup", "--fingerprint", system, "--to", str(folder), "--password-stdin", "--yes",
        "--json", stdin=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert backup.returncode == 0, backup.stdout + backup.stderr
    copy = run(
        "copy", "--from", "demo:windows", "--to", "demo:firefox", "--fingerprint", other,
        "--yes", "--json",
    )  # fmt: skip
    assert copy.returncode == 0, copy.stdout + copy.stderr
    remove = run(
        "remove", "--store", "demo:windows", "--fingerprint", colleague, "--not-needed",
        "--yes", "--json",
    )  # fmt: skip
    assert remove.returncode == 0, remove.stdout + remove.stderr

    later = listing()
    assert set(later) == set(first) - {colleague}  # removed, and nothing else appeared
    assert len(places(later[system])) == len(places(first[system])) + 1  # the new backup
    assert later[system]["status"] == "ok"  # R9: "back-up ontbreekt" is gone
    assert places(later[other]) == {"demo:windows", "demo:firefox"}
    log = run("log", "--json")
    assert {r["what"] for r in json.loads(log.stdout)} >= {"backup", "copy", "remove"}

    after = snapshot(home)
    changed = {p for p, stamp in after.items() if before.get(p) != stamp}
    outside = {
        p for p in changed if not p.is_relative_to(folder) and not p.is_relative_to(cache_dir())
    }  # the cache holds parsed copies of shipped files, nothing of the user's
    assert outside == set()


def test_demo_refuses_to_write_outside_its_folder(tmp_path: Path) -> None:
    fingerprint = next(iter(listing()))
    done = run(
        "backup", "--fingerprint", fingerprint, "--to", str(tmp_path / "usb"), "--password-stdin",
        "--yes", stdin=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert done.returncode == 3 and "[E-demo-outside-folder]" in done.stderr
    assert not (tmp_path / "usb").exists()
    settings = run("settings", "set", "--practice-name", "Oefenpraktijk")
    assert settings.returncode == 0 and str(demo_dir()) in settings.stdout  # its own settings


def _vecozo_rows() -> dict[str, dict[str, Any]]:
    rows = listing()
    return {
        "personal": next(r for r in rows.values() if r["holder"] == "Anna de Vries"
                         and r["environment"] == "production"),
        "acceptance": next(r for r in rows.values() if r["environment"] == "acceptance"),
        "system": next(r for r in rows.values() if r["kind"] == "vecozo-system"),
    }  # fmt: skip


def test_renew_vecozo_says_what_applies_right_to_the_renewal_month() -> None:
    rows = _vecozo_rows()
    personal = rows["personal"]
    expiry = date.fromisoformat(personal["expires"])
    opens = renewal_window_opens(expiry)
    new_expiry = format_day(expiry.replace(year=expiry.year + 2), "nl")

    def renew(day: Any, *extra: str) -> str:
        done = run(
            "renew", "--today", day.isoformat(), "vecozo", personal["fingerprint"],
            "--i-am", "Anna de Vries", *extra,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    early = renew(opens - timedelta(days=1))
    assert "Vernieuwen kan pas vanaf" in early and format_day(opens, "nl") in early  # R7 too early
    for day in (opens, opens + timedelta(days=1)):
        assert "Vernieuwen kan pas vanaf" not in renew(day)
    text = renew(opens)
    assert new_expiry in text and "oorspronkelijke verloopdatum" in text  # R7 new expiry
    assert "gebruikersnummer" not in text and "pincode" not in text  # that is installing
    assert "bij het inloggen" in text  # a personal certificate gets VECOZO's login notice


def test_renew_vecozo_system_and_acceptance_certificates() -> None:
    rows = _vecozo_rows()
    system = run(
        "renew", "vecozo", rows["system"]["fingerprint"], "--contact-person", "--pin-at-hand"
    )
    assert system.returncode == 0, system.stderr
    assert "bij het inloggen" not in system.stdout  # a system certificate cannot log in
    assert "pincode" in system.stdout  # R2: renewing a system certificate asks its PIN
    acceptance = run(
        "renew", "vecozo", rows["acceptance"]["fingerprint"], "--i-am", "Anna de Vries"
    )
    assert acceptance.returncode == 0, acceptance.stderr
    assert "niet voor productie" in acceptance.stdout and "accwww" in acceptance.stdout
    # where VECOZO's page installs: the browsers and Windows, never the backup folder
    opening = next(line for line in acceptance.stdout.splitlines() if "accwww" in line)
    assert "Firefox" in opening and "Back-upmap" not in opening, opening


def _listing_in(folder: Path, day: str) -> tuple[int, dict[str, str], str]:
    env = process.environment("nl", **{DEMO_DIR_ENV: str(folder), DEMO_DAY_ENV: day})
    done = run("list", "--json", env=env)
    if done.returncode not in (0, 1, 2):
        return done.returncode, {}, done.stdout + done.stderr
    rows = json.loads(done.stdout)["certificates"]
    return done.returncode, {r["fingerprint"]: f"{r['holder']} {r['kind']}" for r in rows}, ""


def test_every_fresh_demo_folder_shows_the_same_fingerprints(tmp_path: Path) -> None:
    _, first, _ = _listing_in(tmp_path / "pc-1", "2026-11-28")
    _, second, _ = _listing_in(tmp_path / "pc-2", "2026-11-28")
    assert len(first) >= 6 and second == first  # same certificates, holders and fingerprints
    _, later, _ = _listing_in(tmp_path / "pc-3", "2026-11-29")
    assert set(later).isdisjoint(first)  # the dates count from the day the demo is made
    code, nothing, error = _listing_in(tmp_path / "pc-4", "morgen")
    assert code == 3 and '"E-demo-day"' in error and not (tmp_path / "pc-4").exists()

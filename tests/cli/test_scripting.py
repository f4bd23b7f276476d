"""The command line as IT support scripts it (issue 14): one test per point, each through the
real `certassist` process, with pipes or at a pseudo-terminal, exit codes asserted.

Real NSS databases (certutil/pk12util make and check them), real Firefox profile discovery
(a profiles.ini in the test's HOME), files from the made-up test PKI.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.cli.process import environment, run, run_at_terminal
from tests.cli.profiles import (
    ANNA,
    BRAM,
    PASSWORD,
    PRIMARY,
    firefox_profile,
    holding,
    pfx_file,
)
from tests.pki import TestPKI, pem
from tests.stores.nss_oracle import key_lines, make_db


@pytest.fixture(autouse=True)
def _nss(nss_ready: None) -> None:
    """Every test here uses real NSS databases."""


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(date.today())  # the process under test uses the real clock


@pytest.fixture
def home() -> Path:
    return Path(os.environ["HOME"])  # the test's own (conftest)


def colons(fingerprint: str) -> str:
    """As Firefox's certificate viewer shows it: pairs with colons (here in lower case)."""
    return ":".join(fingerprint[i : i + 2] for i in range(0, len(fingerprint), 2)).lower()


# -- 1. the ids `list` shows are the ids the commands take -----------------------------------


def test_list_shows_fingerprints_and_store_ids_that_the_commands_accept(
    pki: TestPKI, home: Path, tmp_path: Path
) -> None:
    anna = pki.issue("vecozo-personal", name=ANNA)
    other = pki.issue("other")
    werk = firefox_profile(home, "werk")
    holding(werk, anna)
    shared = make_db(home / ".pki" / "nssdb")  # what Chromium uses on Linux
    holding(shared, other)

    text = run("list")
    assert text.returncode == 1, text.stderr  # both lack a backup: something is due
    assert f"vingerafdruk {anna.fingerprint[:16]}" in text.stdout
    assert f"firefox:{werk}" in text.stdout and f"nssdb:{shared}" in text.stdout
    assert "(VECOZO persoonlijk certificaat, productie)" in text.stdout
    expiry = anna.leaf.not_valid_after_utc.date()
    assert f"— {expiry.day}-{expiry.month}-{expiry.year} (nog " in text.stdout  # a Dutch date

    listed = json.loads(run("list", "--json").stdout)
    assert {c["fingerprint"] for c in listed["certificates"]} == {
        anna.fingerprint,
        other.fingerprint,
    }
    inspected = json.loads(run("inspect", str(pfx_file(tmp_path, anna, "a.pfx")), "--json",
                               "--password-stdin", stdin=PASSWORD + "\n").stdout)  # fmt: skip
    assert inspected["fingerprint"] == anna.fingerprint  # one field name in all JSON
    assert "file_fingerprint_sha256" not in inspected

    # The 8-digit prefix with colons in lower case; the profile by its name.
    done = run("backup", "--store", "werk", "--fingerprint", colons(anna.fingerprint[:8]),
               "--to", str(tmp_path / "usb"), "--yes", "--new-folder", "--password-stdin",
               "--json",
               stdin=f"{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["fingerprints"] == [anna.fingerprint]
    # The shared database by a word of its label ("Chromium"), the whole fingerprint in colons.
    done = run("backup", "--store", "chromium", "--fingerprint", colons(other.fingerprint),
               "--to", str(tmp_path / "usb2"), "--yes", "--new-folder", "--password-stdin",
               "--json",
               stdin=f"{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["fingerprints"] == [other.fingerprint]

    short = run("backup", "--fingerprint", "1234abc", "--to", str(tmp_path / "x"))
    assert short.returncode == 3 and "[E-cli-fingerprint-invalid]" in short.stderr
    elsewhere = run("backup", "--store", "chromium", "--fingerprint", anna.fingerprint[:10],
                    "--to", str(tmp_path / "x"))  # fmt: skip
    assert elsewhere.returncode == 3 and "[E-cli-fingerprint-unknown]" in elsewhere.stderr
    assert "Chromium" in elsewhere.stderr and not (tmp_path / "x").exists()


def test_an_ambiguous_prefix_lists_the_certificates_it_matches(pki: TestPKI) -> None:
    """Two certificates sharing 8 hex digits cannot be made on purpose (SHA-256): the stores
    here report such fingerprints, the way a store lists them."""
    from certassist.cli.picking import find_fingerprint
    from certassist.core.errors import CertassistError
    from certassist.core.models import StoreEntry
    from certassist.stores.fake import FakeStore

    anna, bram = pki.issue(name=ANNA), pki.issue(name=BRAM)

    class Twins(FakeStore):
        def list(self) -> list[StoreEntry]:
            return [
                StoreEntry(self.store_id, "ABCDEF01" + "0" * 56, anna.leaf_der, True, True),
                StoreEntry(self.store_id, "ABCDEF01" + "1" * 56, bram.leaf_der, True, True),
            ]

    with pytest.raises(CertassistError) as err:
        find_fingerprint("ab:cd:ef:01", [Twins()])
    assert err.value.message_id == "E-cli-fingerprint-ambiguous"
    text = err.value.text("nl")
    assert ANNA in text and BRAM in text and "ABCDEF0100000000" in text
    assert find_fingerprint("abcdef011", [Twins()])[1].fingerprint.endswith("1" * 56)


# -- 2. confirmations name their flags; "n" cancels ------------------------------------------


def test_a_missing_confirmation_names_its_flag_in_the_interface_language(
    pki: TestPKI, tmp_path: Path
) -> None:
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "anna.pfx")
    db = make_db(tmp_path / "profiel")
    for lang, words in (
        ("nl", ('Bevestig met --i-am "Anna de Vries"', "Er is niets gewijzigd")),
        ("en", ('Confirm with --i-am "Anna de Vries"', "Nothing was changed")),
    ):
        done = run("install", str(source), "--nss-db", str(db), "--yes", "--password-stdin",
                   stdin=PASSWORD + "\n", lang=lang)  # fmt: skip
        assert done.returncode == 5, done.stderr
        assert "[E-cli-not-confirmed]" in done.stderr
        assert all(w in done.stderr for w in words), done.stderr
        assert "holder" not in done.stderr and "proceed" not in done.stderr
    no_yes = run("install", str(source), "--nss-db", str(db), "--i-am", ANNA,
                 "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert no_yes.returncode == 5 and "Bevestig met --yes" in no_yes.stderr
    assert key_lines(db) == []


def test_remove_without_a_backup_names_not_needed_and_keeps_the_certificate(
    pki: TestPKI, tmp_path: Path
) -> None:
    anna = pki.issue(name=ANNA)
    db = make_db(tmp_path / "profiel")
    holding(db, anna)
    done = run("remove", "--nss-db", str(db), "--store", "profiel", "--fingerprint",
               anna.fingerprint[:8].lower(), "--yes")  # fmt: skip
    assert done.returncode == 5, done.stderr
    assert "--not-needed (of --backup BESTAND)" in done.stderr
    assert len(key_lines(db)) == 1


def test_no_at_the_terminal_cancels_with_nothing_changed(pki: TestPKI, tmp_path: Path) -> None:
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "anna.pfx")
    db = make_db(tmp_path / "profiel")
    screen = run_at_terminal(
        ["install", str(source), "--nss-db", str(db)],
        [("Wachtwoord van het bestand", PASSWORD), ("[j/N]", "n")],
    )
    assert screen.code == 5, screen.output
    assert "Geannuleerd: niets gewijzigd." in screen.output
    assert key_lines(db) == []


def test_english_questions_say_y_n_and_yes_installs(pki: TestPKI, tmp_path: Path) -> None:
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "anna.pfx")
    db = make_db(tmp_path / "profiel")
    screen = run_at_terminal(
        ["install", str(source), "--nss-db", str(db)],
        [("Password of the file", PASSWORD), ("I am Anna de Vries? [y/N]", "y"),
         ("[y/N]", "y")],
        lang="en",
    )  # fmt: skip
    assert screen.code == 0, screen.output
    assert "[j/N]" not in screen.output and "Wachtwoord" not in screen.output
    assert len(key_lines(db)) == 1


# -- 3. Firefox's primary password ------------------------------------------------------------


def test_primary_password_first_on_stdin_then_the_files(pki: TestPKI, tmp_path: Path) -> None:
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "anna.pfx")
    locked = make_db(tmp_path / "kluis", PRIMARY)
    done = run("install", str(source), "--nss-db", str(locked), "--i-am", ANNA, "--yes",
               "--password-stdin", stdin=f"{PRIMARY}\n{PASSWORD}\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(key_lines(locked, tmp_path / "kluis.pw")) == 1


def test_a_wrong_primary_password_on_stdin_changes_nothing(pki: TestPKI, tmp_path: Path) -> None:
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "anna.pfx")
    locked = make_db(tmp_path / "kluis", PRIMARY)
    done = run("install", str(source), "--nss-db", str(locked), "--i-am", ANNA, "--yes",
               "--password-stdin", stdin=f"fout\n{PASSWORD}\n")  # fmt: skip
    assert done.returncode == 3 and "[E-nss-wrong-password]" in done.stderr
    assert key_lines(locked, tmp_path / "kluis.pw") == []


def test_three_wrong_primary_passwords_at_the_terminal_are_refused(
    pki: TestPKI, tmp_path: Path
) -> None:
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "anna.pfx")
    locked = make_db(tmp_path / "kluis", PRIMARY)
    screen = run_at_terminal(
        ["install", str(source), "--nss-db", str(locked), "--i-am", ANNA, "--yes"],
        [("Hoofdwachtwoord van", "a"), ("Hoofdwachtwoord van", "b"),
         ("Hoofdwachtwoord van", "c")],
    )  # fmt: skip
    assert screen.code == 3, screen.output
    assert "[E-primary-password-tries]" in screen.output
    assert "Wachtwoord van het bestand" not in screen.output  # stopped before the file
    assert key_lines(locked, tmp_path / "kluis.pw") == []


def test_list_asks_the_primary_password_or_says_the_profile_was_not_read(
    pki: TestPKI, home: Path
) -> None:
    anna = pki.issue(name=ANNA)
    locked = firefox_profile(home, "kluis", PRIMARY)
    holding(locked, anna, locked.parent / "p.kluis.pw")
    unread = run("list", "--json")
    assert unread.returncode == 4, unread.stderr
    assert json.loads(unread.stdout)["unavailable"][0]["error"] == "E-nss-password-needed"
    read = run("list", "--json", "--password-stdin", stdin=PRIMARY + "\n")
    assert read.returncode == 1, read.stderr  # read now; no backup yet: due
    (cert,) = json.loads(read.stdout)["certificates"]
    assert cert["fingerprint"] == anna.fingerprint and cert["key_present"] is True
    screen = run_at_terminal(["list"], [("Hoofdwachtwoord van", PRIMARY)])
    assert screen.code == 1 and anna.fingerprint[:16] in screen.output


def test_the_gui_asks_for_the_primary_password_through_its_hook(
    pki: TestPKI, tmp_path: Path
) -> None:
    """The GUI's prompt (a dialog) plugs into the same rule: three wrong, refused."""
    from certassist.core.errors import CertassistError
    from certassist.ops.primary_password import locked, unlock
    from certassist.stores.nss import NssStore

    db = make_db(tmp_path / "kluis", PRIMARY)
    store = NssStore(db)
    asked: list[int] = []

    def wrong(label: str, attempt: int) -> str:
        asked.append(attempt)
        return "fout"

    assert locked([store]) == [store]
    with pytest.raises(CertassistError) as err:
        unlock(store, wrong)
    assert err.value.message_id == "E-primary-password-tries" and asked == [1, 2, 3]
    unlock(store, lambda label, attempt: PRIMARY)
    assert locked([store]) == [] and store.list() == []


# -- 4. exit codes, command by command (the README's table) -----------------------------------


@pytest.fixture
def running_firefox(home: Path) -> Iterator[Path]:
    """A profile Firefox is using: it holds a write lock on `.parentlock` while it runs."""
    profile = firefox_profile(home, "loopt")
    fd = os.open(profile / ".parentlock", os.O_RDWR | os.O_CREAT)
    fcntl.lockf(fd, fcntl.LOCK_EX)
    yield profile
    os.close(fd)


def test_exit_codes_match_the_readme_table(
    pki: TestPKI, home: Path, tmp_path: Path, running_firefox: Path
) -> None:
    anna = pki.issue(name=ANNA)
    source = pfx_file(tmp_path, anna, "anna.pfx")
    good, soon, old = tmp_path / "goed.pem", tmp_path / "bijna.pem", tmp_path / "oud.pem"
    good.write_bytes(pem(pki.issue("other")))
    soon.write_bytes(pem(pki.expiring_in(10)))
    old.write_bytes(pem(pki.expired()))
    db = make_db(tmp_path / "profiel")
    stdin = PASSWORD + "\n"
    empty = environment(HOME=str(tmp_path / "leeg"), CERTASSIST_STORES="fake")
    table = [
        # (arguments, stdin, environment, exit code, error id or None)
        (["inspect", str(good)], "", None, 0, None),
        (["inspect", str(soon)], "", None, 1, None),
        (["inspect", str(old)], "", None, 2, None),
        (["inspect", str(tmp_path / "weg.pfx")], "", None, 3, "E-read-not-found"),
        (["list"], "", empty, 0, None),
        (["check"], "", empty, 0, None),
        (["list"], "", None, 4, "E-firefox-running"),
        (["check"], "", None, 4, "E-firefox-running"),
        (["install", str(source), "--nss-db", str(db), "--store", "profiel", "--i-am", BRAM,
          "--yes", "--password-stdin"], stdin, None, 2, "E-R1-not-rightful-user"),
        (["install", str(source), "--nss-db", str(db), "--i-am", ANNA, "--yes",
          "--password-stdin"], "a\nb\nc\n", None, 3, "E-ops-password-tries"),
        (["install", str(source), "--store", "loopt", "--i-am", ANNA, "--yes",
          "--password-stdin"], stdin, None, 4, "E-firefox-running"),
        (["install", str(source), "--nss-db", str(db), "--yes", "--password-stdin"],
         stdin, None, 5, "E-cli-not-confirmed"),
        (["install", "--bestaat-niet"], "", None, 64, None),
        (["install", str(source), "--nss-db", str(db), "--i-am", ANNA, "--yes",
          "--password-stdin"], stdin, None, 0, None),
    ]  # fmt: skip
    wrong = []
    for args, given, env, code, error in table:
        done = run(*args, "--json", stdin=given, env=env)
        data = json.loads(done.stdout) if done.stdout.startswith("{") else {}
        refusals = data.get("refusals") or data.get("unavailable") or [{}]
        found = data.get("error") or refusals[0].get("id") or refusals[0].get("error")
        if done.returncode != code or (error and error != found) or "Traceback" in done.stderr:
            wrong.append((args[0], args[1:3], done.returncode, code, found, done.stderr[-300:]))
    assert wrong == [], "\n".join(map(str, wrong))
    assert len(key_lines(db)) == 1  # only the last, allowed install changed anything
    assert {row[3] for row in table} == readme_exit_codes() - {130}  # Ctrl+C: not scripted


def _readme_rows(header: str) -> list[list[str]]:
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    lines = text[text.index(header) :].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.replace("\\|", "/").strip("|").split("|")])
    return rows


def readme_exit_codes() -> set[int]:
    return {int(row[0].strip("`")) for row in _readme_rows("| exit code | meaning |")}


def test_readme_tables_match_the_program() -> None:
    from certassist.cli import COMMANDS
    from certassist.core.errors import ExitCode

    assert readme_exit_codes() == {int(code) for code in ExitCode}
    named = set()
    for row in _readme_rows("| command | what it does |"):
        named |= {code.split()[0] for code in re.findall(r"`([^`]+)`", row[0])}
    assert named - {"certassist"} == set(COMMANDS)


# -- 5. no raw placeholder reaches the user ---------------------------------------------------


def test_transfer_without_the_old_certificate_says_how_many_were_removed(
    pki: TestPKI, tmp_path: Path
) -> None:
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "nieuw.pfx")
    db = make_db(tmp_path / "profiel")
    done = run("restore", str(source), "--transfer", "--nss-db", str(db), "--i-am", ANNA,
               "--yes", "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "oude certificaten verwijderd: 0." in done.stdout
    assert "{" not in done.stdout + done.stderr


# -- 6. one language per run -----------------------------------------------------------------


def test_help_follows_lang_and_the_system_language() -> None:
    english = run("--lang", "en", "install", "--help", lang=None)
    system_english = run("install", "--help", lang=None,
                         env=environment(None, LANG="en_GB.UTF-8"))  # fmt: skip
    dutch = run("install", "--help", "--lang", "nl", env=environment(None, LANG="en_GB.UTF-8"))
    for done in (english, system_english):
        assert done.returncode == 0
        assert "usage: certassist install" in done.stdout
        assert "confirm the plan without asking" in done.stdout
        assert "bevestigen" not in done.stdout and " / " not in done.stdout
    assert "gebruik: certassist install" in dutch.stdout
    assert "het plan bevestigen zonder te vragen" in dutch.stdout and "confirm" not in dutch.stdout


def test_every_option_has_help_in_both_languages() -> None:
    import argparse

    from certassist.cli import build_parser
    from certassist.core.messages import set_language

    missing: list[str] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if not choice.help:
                        missing.append(f"L-help-cmd-{'-'.join([*path, choice.dest])}")
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])
            elif action.help is not argparse.SUPPRESS and (not action.help or " / " in action.help):
                missing.append(f"L-help-{'-'.join(path) or 'root'}-{action.dest}")

    for lang in ("nl", "en"):
        set_language(lang)
        walk(build_parser(), [])
    assert missing == [], "add these labels to resources/messages/cli.toml"


def test_english_run_shows_no_dutch_labels_and_settings_are_text_not_repr(
    home: Path,
) -> None:
    added = run("settings", "add-pending", "--kind", "vecozo-personal", "--holder", ANNA,
                "--issued-on", date.today().isoformat())  # fmt: skip
    assert added.returncode == 0, added.stderr
    shown = run("settings", "show", "--lang", "en")
    assert shown.returncode == 0
    assert "Pending requests:" in shown.stdout and f"VECOZO personal certificate for {ANNA}" in (
        shown.stdout
    )
    assert not any(c in shown.stdout for c in "{}[]'") and "None" not in shown.stdout
    listed = run("--demo", "list", "--lang", "en")
    assert "(VECOZO personal certificate, production)" in listed.stdout
    assert "productie" not in listed.stdout and "vingerafdruk" not in listed.stdout


# -- 7. --json before or after any sub-command ------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--json", "list"],
        ["list", "--json"],
        ["settings", "show", "--json"],
        ["--json", "settings", "show"],
        ["settings", "vendors", "--json"],
        ["renew", "uzi", "list", "--json"],
        ["reminders", "status", "--json"],
        ["log", "--json"],
        ["check", "--json"],
    ],
)
def test_json_before_or_after_any_sub_command(args: list[str], home: Path) -> None:
    env = environment(CERTASSIST_STORES="fake")
    done = run(*args, env=env)
    assert done.returncode != 64, done.stderr  # accepted: no usage error
    data = json.loads(done.stdout)
    assert done.returncode in (0, 1) or data["error"] == "E-reminders-not-available"


# -- 8. no display ----------------------------------------------------------------------------


def test_without_a_display_the_window_says_so_and_exits_4() -> None:
    env = environment("en")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    done = run(env=env)
    assert done.returncode == 4, done.stderr
    assert done.stderr.startswith("[E-gui-no-display]") and "certassist --help" in done.stderr
    assert "xcb" not in done.stderr and "Aborted" not in done.stderr


# -- 9. R4: a place that already holds another person's personal certificate -----------------


def test_a_profile_holding_another_persons_certificate_warns_and_asks(
    pki: TestPKI, tmp_path: Path
) -> None:
    db = make_db(tmp_path / "gedeeld")
    holding(db, pki.issue(name=BRAM))
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "anna.pfx")
    args = ["install", str(source), "--nss-db", str(db), "--i-am", ANNA, "--yes",
            "--password-stdin"]  # fmt: skip
    asked = run(*args, stdin=PASSWORD + "\n")
    assert asked.returncode == 5, asked.stderr
    assert f"het persoonlijke certificaat van {BRAM}" in asked.stderr  # the warning
    assert "--shared-ok" in asked.stderr and len(key_lines(db)) == 1
    screen = run_at_terminal(
        ["install", str(source), "--nss-db", str(db), "--i-am", ANNA, "--yes"],
        [("Wachtwoord van het bestand", PASSWORD), ("[j/N]", "n")],
    )
    assert screen.code == 5 and "Dit is mijn eigen plek" in screen.output
    assert len(key_lines(db)) == 1
    confirmed = run(*args, "--shared-ok", "--json", stdin=PASSWORD + "\n")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "R4" in json.loads(confirmed.stdout)["rules"] and len(key_lines(db)) == 2


def test_a_place_with_only_the_holders_own_certificates_asks_nothing_more(
    pki: TestPKI, tmp_path: Path
) -> None:
    db = make_db(tmp_path / "eigen")
    holding(db, pki.issue(name=ANNA))
    holding(db, pki.issue("other"))
    source = pfx_file(tmp_path, pki.issue(name=ANNA), "anna2.pfx")
    done = run("install", str(source), "--nss-db", str(db), "--i-am", ANNA, "--yes",
               "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "W-R4" not in done.stderr and "eigen plek" not in done.stderr

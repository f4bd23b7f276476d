"""What every sub-command shares: language, JSON output, errors as id + text, exit codes."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certassist.core.errors import CertassistError, ExitCode, exit_code_of
from certassist.core.messages import render
from certassist.core.safe_text import shown

if TYPE_CHECKING:
    from certassist.ops.backup_records import BackupRecord
    from certassist.ops.uzi_signs import UziSignRecords

# The exit codes live with the error classes (core.errors.ExitCode); these names are shorthand.
EXIT_OK = int(ExitCode.OK)
EXIT_DUE = int(ExitCode.DUE)
EXIT_OVERDUE = int(ExitCode.REFUSED)
EXIT_BAD_INPUT = int(ExitCode.BAD_INPUT)
EXIT_STORE = int(ExitCode.STORE)
EXIT_USAGE = int(ExitCode.USAGE)


def system_language(chosen: str | None = None) -> str:
    """`--lang`, else CERTASSIST_LANG, else the system's (LC_ALL, LC_MESSAGES, LANG)."""
    if chosen:
        return chosen
    for name in ("CERTASSIST_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


def language(args: argparse.Namespace) -> str:
    return system_language(getattr(args, "lang", None))


def emit_json(data: Any) -> None:
    """Indented for a person at a terminal; one compact line for a program reading a pipe.

    Python's JSON encoder runs in C only without indentation: for 500 certificates that is
    3 ms instead of 10. One write, because json.dump would write hundreds of small pieces.
    """
    indent = 2 if sys.stdout.isatty() else None
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)
    if not text.isascii():
        try:
            text.encode(sys.stdout.encoding or "utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: JSON's exact \u escapes
            text = json.dumps(data, ensure_ascii=True, indent=indent, default=str)
    sys.stdout.write(text + "\n")


def error_payload(error: CertassistError, lang: str) -> dict[str, Any]:
    return {"error": error.message_id, "message": render(error.message_id, lang, **error.params)}


def report_error(args: argparse.Namespace, error: CertassistError) -> None:
    lang = language(args)
    if getattr(args, "json", False):
        emit_json(error_payload(error, lang))
    else:
        print(
            shown(f"[{error.message_id}] {render(error.message_id, lang, **error.params)}"),
            file=sys.stderr,
        )


def ask_yes_no(question: str, lang: str) -> bool:
    """A yes/no question at the terminal, in the run's language: `[j/N]` or `[y/N]`."""
    from certassist.core.messages import text_only

    try:
        answer = input(f"{question} {text_only('L-cli-yes-no', lang)} ")
    except EOFError:  # Ctrl+D: no answer is no
        return False
    return answer.strip().lower() in ("j", "ja", "y", "yes")


def read_password(args: argparse.Namespace, prompt: str) -> str | None:
    """A password from stdin (`--password-stdin`) or a prompt; never from an argument."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n") if line else None  # stdin ended: no password given
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


def run_command(args: argparse.Namespace, func: Any = None) -> int:
    """Run a sub-command: a CertassistError becomes id + text and an exit code, no traceback."""
    try:
        return int((func or args.func)(args))
    except CertassistError as error:
        report_error(args, error)
        return exit_code_of(error)
    except KeyboardInterrupt as stop:
        print(file=sys.stderr)
        return exit_code_of(stop)
    except BrokenPipeError:  # output piped into `head` and the like: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def data_dir(args: argparse.Namespace) -> Path:
    """Where audit log, install records and UZI requests go: the demo's folder with `--demo`
    (nothing outside it), else certassist's data folder."""
    if getattr(args, "demo", False):
        from certassist.demo.folder import demo_dir

        return demo_dir()
    from certassist.ops.records import default_data_dir

    return default_data_dir()


def backup_records(args: argparse.Namespace) -> Mapping[str, BackupRecord]:
    """The verified backups, read where this run's operations record them (`data_dir`): with
    `--demo` the demo's own, so `list`, `check`, its notification and its calendar see the
    backup the demo just made (R9)."""
    from certassist.ops.backup_records import BACKUPS_FILE, BackupRecords

    return BackupRecords(data_dir(args) / BACKUPS_FILE).all()


def sign_records(args: argparse.Namespace) -> UziSignRecords:
    """Paired UZI renewals and the portal signs the user confirmed (R14), where `renew uzi`
    records them (`data_dir`: the demo's own with `--demo`)."""
    from certassist.ops.uzi_signs import records_in

    return records_in(data_dir(args))


def writable_here(args: argparse.Namespace, path: Path) -> Path:
    """A path the user asked to write: with `--demo` it must lie in the demo's folder."""
    if getattr(args, "demo", False):
        from certassist.demo.folder import inside_demo

        inside_demo(path)
    return path


def unlock_stores(args: argparse.Namespace, stores: Sequence[object]) -> None:
    """Firefox's primary passwords, before any other password is read.

    With `--password-stdin`: one line per protected profile, in the order `list` shows the
    stores, *before* the file's or the backup's password; a wrong one ends the run (exit 3).
    At a terminal: asked per profile, three tries. Otherwise nobody is asked, and the profile
    says it is locked (E-nss-password-needed, exit 4).
    """
    from certassist.core.messages import text_only
    from certassist.ops.primary_password import locked, unlock

    by_stdin = bool(getattr(args, "password_stdin", False))
    if not by_stdin and not sys.stdin.isatty():
        return
    lang = language(args)
    for store in locked(stores):
        if by_stdin:
            unlock(store, lambda _label, _n: read_password(args, ""), tries=1)
        else:
            unlock(
                store,
                lambda label, _n: getpass.getpass(
                    text_only("L-cli-primary-password", lang, store=label)
                ),
            )

"""What every sub-command shares: language, JSON output, errors as id + text, exit codes."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from certassist.core.errors import CertassistError
from certassist.core.messages import render

EXIT_OK = 0
EXIT_DUE = 1
EXIT_OVERDUE = 2
EXIT_BAD_INPUT = 3
EXIT_STORE = 4
EXIT_USAGE = 64


def language(args: argparse.Namespace) -> str:
    chosen = getattr(args, "lang", None)
    if chosen:
        return str(chosen)
    env = os.environ.get("CERTASSIST_LANG") or os.environ.get("LANG", "")
    return "en" if env.startswith("en") else "nl"


def emit_json(data: Any) -> None:
    """Indented for a person at a terminal; one compact line for a program reading a pipe.

    Python's JSON encoder runs in C only without indentation: for 500 certificates that is
    3 ms instead of 10. One write, because json.dump would write hundreds of small pieces.
    """
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n")


def error_payload(error: CertassistError, lang: str) -> dict[str, Any]:
    return {"error": error.message_id, "message": render(error.message_id, lang, **error.params)}


def report_error(args: argparse.Namespace, error: CertassistError) -> None:
    lang = language(args)
    if getattr(args, "json", False):
        emit_json(error_payload(error, lang))
    else:
        print(
            f"[{error.message_id}] {render(error.message_id, lang, **error.params)}",
            file=sys.stderr,
        )


def read_password(args: argparse.Namespace, prompt: str) -> str | None:
    """A password from stdin (`--password-stdin`) or a prompt; never from an argument."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n") if line else None  # stdin ended: no password given
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


def run_command(args: argparse.Namespace) -> int:
    """Run a sub-command: a CertassistError becomes id + text and an exit code, no traceback."""
    try:
        return int(args.func(args))
    except CertassistError as error:
        report_error(args, error)
        return int(getattr(error, "exit_code", EXIT_BAD_INPUT))
    except KeyboardInterrupt:
        return 130
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


def writable_here(args: argparse.Namespace, path: Path) -> Path:
    """A path the user asked to write: with `--demo` it must lie in the demo's folder."""
    if getattr(args, "demo", False):
        from certassist.demo.folder import inside_demo

        inside_demo(path)
    return path

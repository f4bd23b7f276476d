"""`certassist reminders enable|disable|status`: the daily check as a Windows scheduled task."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from certassist.cli.common import emit_json, language
from certassist.core.messages import render, text_only


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("reminders")
    verbs = parser.add_subparsers(dest="verb", required=True)
    enable = verbs.add_parser("enable")
    enable.add_argument("--time", default="09:00")
    verbs.add_parser("disable")
    verbs.add_parser("status")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run)


def program_path() -> str:
    """What the task starts: the installed certassist.exe, or the `certassist` script.

    Always the windowed certassist.exe when frozen, also when `certassist-cli.exe` set the
    reminder up: the console program would open a black window every morning.
    """
    if getattr(sys, "frozen", False):
        windowed = Path(sys.executable).with_name("certassist.exe")
        return str(windowed) if windowed.is_file() else sys.executable
    return shutil.which("certassist") or sys.argv[0]


def run(args: argparse.Namespace) -> int:
    from certassist.ops.reminders import Reminders

    lang = language(args)
    if getattr(args, "demo", False) and args.verb != "status":
        from certassist.core.errors import CertassistError

        raise CertassistError("E-demo-reminders")  # a scheduled task lies outside the demo
    reminders = Reminders(program_path())
    if args.verb == "enable":
        status = reminders.enable(args.time)
    elif args.verb == "disable":
        reminders.disable()
        status = reminders.status()
    else:
        status = reminders.status()
    if args.json:
        emit_json(
            {
                "enabled": status.enabled,
                "next_run": status.next_run,
                "command": status.command,
                "task": reminders.task,
            }
        )
    elif status.enabled:
        print(render("I-reminders-enabled", lang, task=reminders.task,
                     next_run=status.next_run or text_only("L-value-unknown", lang)))  # fmt: skip
    else:
        print(render("I-reminders-disabled", lang))
    return 0

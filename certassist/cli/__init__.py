"""The `certassist` command: one sub-command per module, `--json` everywhere.

Exit codes (documented in the README): 0 ok / nothing due, 1 something due soon or a warning,
2 something overdue, expired or refused, 3 bad input (unreadable file, wrong password),
4 a store could not be used, 64 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from certassist.cli.common import EXIT_USAGE, run_command
from certassist.cli.version import VersionAction

# Which module registers which command, so a run imports only the module it needs (start-up
# time counts: `certassist list` is measured against `certutil -L`). Each module has
# `register(subparsers) -> None`; its parser sets `func(args) -> int`. A test keeps this in step
# with what the modules register.
# Importing `certassist.cli.list` binds the name `list` in this module: never call the builtin here.
COMMANDS: dict[str, str] = {
    "inspect": "inspect",
    "classify": "classify",
    "list": "list",
    "check": "check",
    "renew": "renew",
    "reminders": "reminders",
    "settings": "settings_cmd",
    **{name: "ops_commands" for name in ("install", "restore", "backup", "copy", "remove", "log")},
}
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))  # in help order


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="certassist",
        description="Certificaatassistent voor zorgpraktijken / certificate assistant",
    )
    parser.add_argument("--demo", action="store_true", help="sandbox met verzonnen certificaten")
    parser.add_argument("--lang", choices=("nl", "en"), default=None, help="taal / language")
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(f"certassist.cli.{name}").register(sub)
    return parser


def _modules_for(argv: Sequence[str]) -> Sequence[str]:
    """Only the chosen command's module; every module for help, errors and the GUI."""
    words = [a for a in argv if not a.startswith("-")]
    if "-h" in argv or "--help" in argv or not words or words[0] not in COMMANDS:
        return COMMAND_MODULES
    return (COMMANDS[words[0]],)


def _global_options_first(argv: list[str]) -> tuple[list[str], bool]:
    """Accept `--lang en`, `--demo` and `--json` before or after any sub-command, as users type
    them. `--json` is taken out and set after parsing: argparse would refuse it after a
    sub-command's own sub-command (`settings show --json`, `renew uzi list --json`)."""
    front: list[str] = []
    rest: list[str] = []
    as_json = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            front += argv[i : i + 2]
            i += 2
            continue
        if arg == "--json":
            as_json = True
        elif arg.startswith("--lang=") or arg == "--demo":
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest, as_json


def main(argv: Sequence[str] | None = None) -> int:
    ordered, as_json = _global_options_first([*(sys.argv[1:] if argv is None else argv)])
    words = [w for i, w in enumerate(ordered) if i == 0 or ordered[i - 1] != "--lang"]
    parser = build_parser(_modules_for(words))
    try:
        args = parser.parse_args(ordered)
    except SystemExit as exc:  # argparse prints its own usage message
        return EXIT_USAGE if exc.code else 0
    if as_json:
        args.json = True
    from certassist.cli.common import language
    from certassist.core.messages import set_language

    set_language(language(args))
    if args.command is None:
        from certassist.gui.app import run_gui

        return int(run_gui(demo=args.demo, lang=args.lang))
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())

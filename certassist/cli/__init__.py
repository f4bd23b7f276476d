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
from pathlib import Path

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
    from certassist.cli.help_text import localise

    parser = argparse.ArgumentParser(prog="certassist")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--lang", choices=("nl", "en"), default=None)
    parser.add_argument("--json", action="store_true")  # taken out before parsing: see main
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command")
    for name in modules:
        importlib.import_module(f"certassist.cli.{name}").register(sub)
    localise(parser)  # in the run's language: set before the parser is built
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


def _chosen_language(ordered: list[str]) -> str | None:
    for i, arg in enumerate(ordered):
        if arg == "--lang" and i + 1 < len(ordered) and ordered[i + 1] in ("nl", "en"):
            return ordered[i + 1]
        if arg in ("--lang=nl", "--lang=en"):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    ordered, as_json = _global_options_first([*(sys.argv[1:] if argv is None else argv)])
    previous = _demo_locations(ordered)  # before the first catalog is read (help, errors)
    try:
        return _main(ordered, as_json)
    finally:
        _use_locations(*previous)


def _use_locations(cache: Path | None, profiles: Path | None) -> tuple[Path | None, Path | None]:
    from certassist.core.resources import use_cache_dir

    earlier_profiles = None
    # Profiles load cryptography: a run without --demo does not import them only to say None.
    if profiles is not None or "certassist.core.profiles" in sys.modules:
        from certassist.core.profiles import use_user_profiles_dir

        earlier_profiles = use_user_profiles_dir(profiles)
    return use_cache_dir(cache), earlier_profiles


def _demo_locations(ordered: list[str]) -> tuple[Path | None, Path | None]:
    """With `--demo` the parsed-resource cache and the answered kinds live in the demo's
    folder (nothing is written outside it); returns the folders chosen before, to restore."""
    front = ordered[: ordered.index("--")] if "--" in ordered else ordered
    if "--demo" not in front:
        return _use_locations(None, None)
    from certassist.demo.folder import DemoFolder, demo_dir

    folder = DemoFolder(demo_dir())
    return _use_locations(folder.cache, folder.profiles)


def _main(ordered: list[str], as_json: bool) -> int:
    from certassist.cli.common import language, system_language
    from certassist.core.messages import set_language

    words = [w for i, w in enumerate(ordered) if i == 0 or ordered[i - 1] != "--lang"]
    set_language(system_language(_chosen_language(ordered)))  # help and argparse's errors too
    parser = build_parser(_modules_for(words))
    try:
        args = parser.parse_args(ordered)
    except SystemExit as exc:  # argparse prints its own usage message
        return EXIT_USAGE if exc.code else 0
    if as_json:
        args.json = True
    set_language(language(args))
    if args.command is None:
        return run_command(args, _gui)
    return run_command(args)


def _gui(args: argparse.Namespace) -> int:
    from certassist.gui.app import run_gui

    return int(run_gui(demo=args.demo, lang=args.lang))


if __name__ == "__main__":
    sys.exit(main())

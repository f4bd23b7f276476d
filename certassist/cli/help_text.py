"""`--help` in one language: the run's (`--lang`, else the system's), from the catalog.

Every option's help text is a label `L-help-<command path>-<option>` (or `L-help-any-<option>`
for an option many commands share), every command's line `L-help-cmd-<command path>`, so the
help follows the same catalogs as every other text and a test finds any option left without
one. argparse's own words (usage, options, the help option) are set here too.
"""

from __future__ import annotations

import argparse
from typing import Any

from certassist.core.messages import catalog, text_only


def _label(*ids: str) -> str | None:
    messages = catalog()
    for message_id in ids:
        if message_id in messages:
            return text_only(message_id)
    return None


def help_id(path: list[str], dest: str) -> tuple[str, str]:
    """The specific and the shared label id for one option of one command."""
    where = "-".join(path) or "root"
    name = dest.replace("_", "-")
    return f"L-help-{where}-{name}", f"L-help-any-{name}"


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix or text_only("L-help-usage"))


def localise(parser: argparse.ArgumentParser, path: list[str] | None = None) -> None:
    """Put the current language's texts into `parser` and every sub-parser below it."""
    path = path or []
    parser.formatter_class = _Formatter
    parser.description = _label(f"L-help-about-{'-'.join(path) or 'root'}")
    parser._positionals.title = text_only("L-help-positionals")
    parser._optionals.title = text_only("L-help-options")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action.metavar = text_only("L-help-command")
            listed = {choice.dest for choice in action._choices_actions}
            for name in action.choices:  # a sub-command added without help= is not listed yet
                if name not in listed:
                    action._choices_actions.append(action._ChoicesPseudoAction(name, (), ""))
            for choice in action._choices_actions:
                key = f"L-help-cmd-{'-'.join([*path, choice.dest])}"
                choice.help = _label(key) or choice.help
            for name, sub in action.choices.items():
                localise(sub, [*path, name])
        elif action.help is not argparse.SUPPRESS:  # no label yet: the code's text stays
            action.help = _label(*help_id(path, action.dest)) or action.help

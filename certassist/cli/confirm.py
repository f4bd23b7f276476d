"""What the user said yes to: the flags given, or the questions answered at a terminal.

Every confirmation names the flag that gives it (`--yes`, `--i-am NAME`, `--not-needed`,
`--backup FILE`, `--older-ok`, `--shared-ok`), in the run's language; "no" at a question cancels
with nothing changed (exit 5, `core.errors.NotConfirmedError`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from certassist.cli.common import ask_yes_no, language
from certassist.core.errors import NotConfirmedError
from certassist.core.messages import render, text_only
from certassist.ops.base import CONFIRM_WORDS, Confirm, Plan, not_confirmed


def show_plan(plan: Plan, lang: str) -> None:
    for step in plan.steps:
        print("  - " + text_only(step.message_id, lang, **step.params), file=sys.stderr)
    for w in plan.warnings:
        print("  ! " + render(w.message_id, lang, **w.params), file=sys.stderr)


def _question(need: Confirm, plan: Plan, lang: str) -> str:
    return text_only(CONFIRM_WORDS[need].question, lang, holder=plan.holder or "")


def confirm(args: argparse.Namespace, plan: Plan, flags: dict[Confirm, bool]) -> dict[Confirm, Any]:
    """The confirmations for `execute`; raises NotConfirmedError when one is missing or refused."""
    lang = language(args)
    if not getattr(args, "json", False):
        show_plan(plan, lang)
    given: dict[Confirm, Any] = {c: True for c, v in flags.items() if v}
    if getattr(args, "yes", False):
        given[Confirm.PROCEED] = True
    if getattr(args, "shared_ok", False):
        given[Confirm.SHARED_PLACE] = True
    if getattr(args, "i_am", None):
        given[Confirm.HOLDER] = args.i_am
    interactive = sys.stdin.isatty() and not getattr(args, "password_stdin", False)
    missing = sorted(plan.needs - set(given))
    if interactive:
        for need in missing:
            if not ask_yes_no(_question(need, plan, lang) + "?", lang):
                raise NotConfirmedError("E-cli-cancelled")
            given[need] = True  # HOLDER: True stands for the holder's own name
        missing = []
    if missing:  # the questions and flags, said by the presenter in the run's language
        raise not_confirmed("E-cli-not-confirmed", plan, missing)
    return given

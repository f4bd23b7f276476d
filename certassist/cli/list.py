"""`certassist list [--json]`: the start page's overview on the command line.

Every certificate shows its short fingerprint and the ids of the stores that hold it: what
`--fingerprint` and `--store` take. Exit code: 0 all fine, 1 something is due (renew, start UZI
renewal, make a backup), 2 something expired or overdue, 4 a store could not be read (the list
is incomplete: that outweighs the rest). A scheduled task can act on it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certassist.cli.common import (
    EXIT_DUE,
    EXIT_OK,
    EXIT_OVERDUE,
    backup_records,
    emit_json,
    language,
    sign_records,
    unlock_stores,
)
from certassist.cli.picking import short_fingerprint
from certassist.core.kinds import kind_label
from certassist.core.messages import render, text_only
from certassist.core.names import format_day
from certassist.core.safe_text import shown
from certassist.ops.check import answer_code
from certassist.ops.overview import CertificateGroup, StoreProblem, scan_stores

if TYPE_CHECKING:
    from certassist.ops.local import LocalStores
    from certassist.ops.uzi_signs import RenewedUzi

_OVERDUE = {"expired", "uzi-overdue"}
_DUE = {"renew-now", "uzi-start-now", "install-window-closing", "backup-missing"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("list")
    parser.add_argument("--json", action="store_true")
    add_reading_options(parser)
    parser.set_defaults(func=run)


def add_reading_options(parser: Any) -> None:
    """What `list` and `check` take to read the stores: the practice settings and, with
    `--password-stdin`, Firefox's primary passwords (one line per protected profile)."""
    parser.add_argument("--settings", type=Path)
    parser.add_argument("--password-stdin", action="store_true")


def local(args: argparse.Namespace) -> LocalStores:
    """The stores `list`, `check` and the operations see, with the practice settings: the PC's
    stores and registered backup folders, or the demo's sandbox (which never reads real folders).
    A broken settings file is listed as an unavailable place, not a crash."""
    from certassist.ops.local import local_and_backup_stores, with_settings

    path = getattr(args, "settings", None)
    if getattr(args, "demo", False):  # the demo folder's sandbox, settings and backup folder
        from certassist.demo.sandbox import open_sandbox

        sandbox = open_sandbox()
        return with_settings(sandbox.stores, sandbox.folder.settings, include_folders=True)
    return local_and_backup_stores(path)


def read_here(args: argparse.Namespace) -> LocalStores:
    """The stores `list` and `check` read, unlocked first: Firefox's primary password is asked
    at a terminal or read from `--password-stdin` (cli.common.unlock_stores); without either a
    protected profile stays unread and is reported, and the command ends with 4."""
    here = local(args)
    unlock_stores(args, here.all)
    return here


def unavailable_json(
    problems: Sequence[StoreProblem], lang: str, key: str = "error"
) -> list[dict[str, str]]:
    """The stores that could not be read, as `list --json` and `check --json` both give them;
    with `key="id"` the notices of stores that were read (no error: a repaired database)."""
    return [
        {
            "store": u.store_id,
            "label": u.label,
            key: u.message_id,
            "message": render(u.message_id, lang, **u.params),
        }
        for u in problems
    ]


def notices_json(notices: Sequence[StoreProblem], lang: str) -> list[dict[str, str]]:
    return unavailable_json(notices, lang, key="id")


def exit_code(
    groups: list[CertificateGroup], problems: Sequence[StoreProblem] = (), also_due: int = EXIT_OK
) -> int:
    """What is due among `groups` and `also_due` (R14's open signs), through `answer_code`."""
    statuses = {str(g.status.status) for g in groups}
    due = EXIT_OVERDUE if statuses & _OVERDUE else EXIT_DUE if statuses & _DUE else EXIT_OK
    return answer_code(max(due, also_due), problems)


def _days(group: CertificateGroup, lang: str) -> str:
    if group.days_left >= 0:
        return text_only("L-overview-days-left", lang, days=group.days_left)
    return text_only("L-overview-expired-days", lang, days=-group.days_left)


def _signs_open(args: argparse.Namespace, day: date) -> tuple[list[RenewedUzi], set[str], int]:
    """R14: renewals waiting for the portal's two signs, the old certificates whose renewal
    the user confirmed (shown as replaced), and the exit code the open ones ask for."""
    from certassist.ops.check import signs_item
    from certassist.ops.uzi_signs import replaced

    renewals = sign_records(args).all()
    waiting = [r for r in renewals if not r.confirmed]
    done = replaced(renewals)
    due = EXIT_DUE if any(signs_item(r, day).severity for r in waiting) else EXIT_OK
    return waiting, done, due


def _print_signs(waiting: list[RenewedUzi], day: date, lang: str) -> None:
    from certassist.ops.check import signs_item

    for renewed in waiting:
        item = signs_item(renewed, day)
        print(shown(f"[{text_only('L-check-state-confirm-signs', lang)}] {renewed.host}"))
        print(
            f"    {text_only('L-cli-fingerprint', lang)} {short_fingerprint(renewed.fingerprint)}"
        )
        print(shown(f"    {render(item.message_id, lang, **item.params)}"))


def run(args: argparse.Namespace, today: date | None = None) -> int:
    lang = language(args)
    here = read_here(args)
    day = today or date.today()
    waiting, confirmed, signs_due = _signs_open(args, day)
    overview = scan_stores(
        here.all,
        day,
        issuing_weeks=here.settings.uzi_issuing_weeks,
        backups=backup_records(args),
        renewed=confirmed,
    )
    code = exit_code(overview.groups, overview.unavailable, signs_due)
    if args.json:
        emit_json(
            {
                "certificates": [g.to_json() for g in overview.groups],
                "unavailable": unavailable_json(overview.unavailable, lang),
                "notices": notices_json(overview.notices, lang),  # e.g. a repaired database
                "uzi_signs_open": [r.to_json() for r in waiting],
            }
        )
        return code
    if not overview.groups:
        print(text_only("L-overview-none", lang))
    for group in overview.groups:
        status = text_only(f"L-overview-status-{group.status.status}", lang)
        kind = kind_label(group.kind, lang)
        env = text_only(f"L-env-short-{group.environment}", lang)
        print(
            shown(
                f"[{status}] {group.holder or group.info.subject} ({kind}, {env}) — "
                f"{format_day(group.expiry_date, lang)} ({_days(group, lang)})"
            )
        )
        print(f"    {text_only('L-cli-fingerprint', lang)} {short_fingerprint(group.fingerprint)}")
        for place in group.places:
            print(shown(f"    {place.label}: {place.store_id}"))
        print(shown(f"    {group.status.render(lang)}"))
        if group.last_backup is not None:
            print(shown(f"    {group.last_backup.describe(lang)}"))
    _print_signs(waiting, day, lang)
    for u in overview.unavailable:
        reason = render(u.message_id, lang, **u.params)
        print(shown(text_only("L-overview-unavailable", lang, store=u.label, reason=reason)))
        print(shown(f"    {u.store_id}"))
    for n in overview.notices:
        print(shown(render(n.message_id, lang, **n.params)))
    return code

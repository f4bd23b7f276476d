"""`certassist check [--json] [--notify] [--ics FILE]`: what is due, for people and for tasks.

Exit code 0 nothing due, 1 something due soon, 2 something overdue or expired, 4 a store could
not be read (the answer is incomplete), exactly as `list`: the daily scheduled task
(`certassist reminders enable`) runs `check --notify` and only bothers a person when something
is due. Firefox's primary password is asked at a terminal or read from `--password-stdin`, as
`list` does (the same code: cli.list.read_here). Production is listed first; acceptance/test
apart (R10).
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from certassist.cli.common import backup_records, emit_json, language, sign_records
from certassist.cli.list import add_reading_options, notices_json, read_here, unavailable_json
from certassist.core.kinds import kind_label
from certassist.core.messages import render, text_only


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("check")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--notify", action="store_true")
    parser.add_argument("--ics", type=Path)
    add_reading_options(parser)
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def settings_file(args: argparse.Namespace) -> Any:
    """`--settings`, the OS user's settings, or with `--demo` the demo folder's own."""
    from certassist.core.settings import SettingsFile, default_settings_path

    if getattr(args, "demo", False):
        from certassist.demo.sandbox import open_sandbox

        return SettingsFile(open_sandbox().folder.settings)
    return SettingsFile(getattr(args, "settings", None) or default_settings_path())


def _print_item(item: Any, lang: str) -> None:
    kind = kind_label(item.kind, lang, short=True)
    state = text_only(f"L-check-state-{item.state}", lang)
    print(f"[{state}] {item.label} ({kind})")
    print(f"    {render(item.message_id, lang, **item.params)}")
    if item.next_date and item.next_date_label:
        label = text_only(item.next_date_label, lang)
        print(f"    {text_only('I-check-next-date', lang, label=label, date=item.next_date)}")
    if item.places:
        print(f"    {text_only('I-check-places', lang, places=', '.join(item.places))}")
    for note in item.notes:
        print(f"    {render(note.message_id, lang, **note.params)}")
    if item.last_backup is not None:  # also on a stick that is not plugged in now
        print(f"    {item.last_backup.describe(lang)}")


def print_report(report: Any, lang: str) -> None:
    if not report.items:
        print(text_only("I-check-nothing-due", lang))
    if report.production:
        print(text_only("I-check-heading-production", lang))
        for item in report.production:
            _print_item(item, lang)
    if report.non_production:  # R10: a separate block, never mixed into production
        print()
        print(text_only("I-check-heading-other", lang))
        for item in report.non_production:
            _print_item(item, lang)
    if report.backups_missing:  # R9, as `list` says it; information, not due
        print()
        print(text_only("I-check-heading-backup-missing", lang))
        state = text_only("L-overview-status-backup-missing", lang)
        for m in report.backups_missing:
            print(f"[{state}] {m.label} ({kind_label(m.kind, lang, short=True)})")
            print(f"    {render('W-overview-backup-missing', lang)}")
    if report.unavailable:
        print()
        print(text_only("I-check-heading-unavailable", lang))
        for u in report.unavailable:
            print(f"    {u.label}: {render(u.message_id, lang, **u.params)}")
    for n in report.notices:  # read, but the user must hear it (a repaired database)
        print()
        print(f"{n.label}: {render(n.message_id, lang, **n.params)}")
    if report.items and not report.due():
        print(text_only("I-check-nothing-due", lang))


def run(args: argparse.Namespace) -> int:
    from certassist.ops.check import run_check

    lang = language(args)
    today = args.today or date.today()
    here = read_here(args)  # a broken settings file is reported among the unavailable places
    settings = here.settings
    renewals = sign_records(args).all()  # R14: open ones are listed, confirmed ones replace
    report = run_check(
        here.stores, here.backups, settings, today, records=backup_records(args), renewals=renewals
    )
    if args.ics:
        from certassist.cli.common import writable_here
        from certassist.ops.calendar_export import build_calendar, write_calendar

        writable_here(args, args.ics)

        text = build_calendar(report, datetime.now(UTC), lang, settings.uzi_issuing_weeks)
        path = write_calendar(text, args.ics)
        if not args.json:
            print(render("I-ics-written", lang, count=text.count("BEGIN:VEVENT"), path=path))
    if args.json:  # the unreadable stores as `list --json` gives them: id and text
        emit_json(
            report.to_json()
            | {
                "unavailable": unavailable_json(report.unavailable, lang),
                "notices": notices_json(report.notices, lang),
            }
        )
    else:
        print_report(report, lang)
    if args.notify:
        from certassist.ops.reminders import notification_text, show_notification

        note = notification_text(report, lang)
        if note is not None:
            show_notification(note)
    return report.exit_code

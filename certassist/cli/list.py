"""`certassist list [--json]`: the start page's overview on the command line.

Exit code: 0 all fine, 1 something is due (renew, start UZI renewal, make a backup),
2 something expired or overdue. A scheduled task can act on it.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from certassist.cli.common import EXIT_DUE, EXIT_OK, EXIT_OVERDUE, emit_json, language
from certassist.core.messages import render, text_only
from certassist.ops.overview import CertificateGroup, scan_stores

_OVERDUE = {"expired", "uzi-overdue"}
_DUE = {"renew-now", "uzi-start-now", "install-window-closing", "backup-missing"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "list", help="overzicht van alle certificaten / overview of all certificates"
    )
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON / JSON output")
    parser.set_defaults(func=run)


def _stores(args: argparse.Namespace) -> list[Any]:
    if getattr(args, "demo", False):
        from certassist.demo.pki import TestPKI
        from certassist.demo.sandbox import sandbox_stores

        return list(sandbox_stores(TestPKI(date.today())))
    from certassist.ops.overview import local_stores

    return list(local_stores())


def exit_code(groups: list[CertificateGroup]) -> int:
    statuses = {str(g.status.status) for g in groups}
    if statuses & _OVERDUE:
        return EXIT_OVERDUE
    if statuses & _DUE:
        return EXIT_DUE
    return EXIT_OK


def _days(group: CertificateGroup, lang: str) -> str:
    if group.days_left >= 0:
        return text_only("L-overview-days-left", lang, days=group.days_left)
    return text_only("L-overview-expired-days", lang, days=-group.days_left)


def run(args: argparse.Namespace, today: date | None = None) -> int:
    lang = language(args)
    overview = scan_stores(_stores(args), today or date.today())
    if args.json:
        emit_json(
            {
                "certificates": [g.to_json() for g in overview.groups],
                "unavailable": [
                    {
                        "store": u.store_id,
                        "label": u.label,
                        "error": u.message_id,
                        "message": render(u.message_id, lang, **u.params),
                    }
                    for u in overview.unavailable
                ],
            }
        )
        return exit_code(overview.groups)
    if not overview.groups:
        print(text_only("L-overview-none", lang))
    for group in overview.groups:
        status = text_only(f"L-overview-status-{group.status.status}", lang)
        places = ", ".join(p.label for p in group.places)
        print(
            f"[{status}] {group.holder or group.info.subject} ({group.kind}, "
            f"{group.environment}) — {group.expiry_date.isoformat()} ({_days(group, lang)})"
        )
        print(f"    {places}")
        print(f"    {group.status.render(lang)}")
    for u in overview.unavailable:
        reason = render(u.message_id, lang, **u.params)
        print(text_only("L-overview-unavailable", lang, store=u.label, reason=reason))
    return exit_code(overview.groups)

"""`certassist settings show|set|add-pending|remove-pending|add-backup-folder|…`.

The practice settings (no secrets) that the check, reminders and renewals rely on: practice
name, AGB code, subscriber number (the 8-digit URA, R13; an OIN only in its own field),
contract holder and UZI card holder (R13), HIS/AIS vendor (R12), contact person (R2), the UZI
issuing time (R11), backup folders to watch (R9) and issued-but-not-installed requests (R5).
A change of the R13 practice data is saved with a warning that the UZI server certificate may
need replacing.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from certassist.cli.common import emit_json, language
from certassist.core.kinds import pending_kinds
from certassist.core.messages import render, text_only


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("settings")
    parser.add_argument("--settings", type=Path)
    parser.add_argument("--json", action="store_true")
    verbs = parser.add_subparsers(dest="verb", required=True)
    verbs.add_parser("show")
    verbs.add_parser("vendors")
    change = verbs.add_parser("set")
    change.add_argument("--practice-name")
    change.add_argument("--agb")
    change.add_argument("--subscriber")
    change.add_argument("--oin")
    change.add_argument("--contract-holder")
    change.add_argument("--card-holder")
    change.add_argument("--vendor")
    change.add_argument("--contact-person")
    change.add_argument("--uzi-issuing-weeks", "--uzi-weeks", dest="uzi_weeks", type=int)
    folder = verbs.add_parser("add-backup-folder")
    folder.add_argument("folder", type=Path)
    unfolder = verbs.add_parser("remove-backup-folder")
    unfolder.add_argument("folder", type=Path)
    pending = verbs.add_parser("add-pending")
    kinds = [str(kind) for kind in pending_kinds()]
    pending.add_argument("--kind", required=True, choices=kinds)
    pending.add_argument("--holder", required=True)
    pending.add_argument(
        "--environment", default="production", choices=("production", "acceptance", "test")
    )
    pending.add_argument("--issued-on", required=True, type=date.fromisoformat)
    unpending = verbs.add_parser("remove-pending")
    unpending.add_argument("key")
    parser.set_defaults(func=run)


def _document(settings: Any) -> dict[str, Any]:
    from certassist.core.settings import to_document

    data = to_document(settings)
    data["pending_requests"] = [
        {**item, "key": p.key}
        for item, p in zip(data["pending_requests"], settings.pending_requests, strict=True)
    ]
    return data


def _changed(args: argparse.Namespace, settings: Any) -> Any:
    from certassist.core.models import Environment, Kind
    from certassist.core.settings import (
        PendingRequest,
        check_agb,
        check_oin,
        check_subscriber,
        check_vendor,
        parse_settings,
        to_document,
    )

    verb = args.verb
    if verb == "set":
        updates: dict[str, Any] = {}
        if args.practice_name is not None:
            updates["practice_name"] = args.practice_name.strip()
        if args.agb is not None:
            updates["agb_code"] = check_agb(args.agb) if args.agb else None
        if args.subscriber is not None:
            updates["subscriber_number"] = (
                check_subscriber(args.subscriber) if args.subscriber else None
            )
        if args.oin is not None:
            updates["oin"] = check_oin(args.oin) if args.oin else None
        if args.contract_holder is not None:
            updates["contract_holder"] = args.contract_holder.strip() or None
        if args.card_holder is not None:
            updates["card_holder"] = args.card_holder.strip() or None
        if args.vendor is not None:
            updates["vendor_id"] = check_vendor(args.vendor) if args.vendor else None
        if args.contact_person is not None:
            updates["contact_person"] = args.contact_person.strip() or None
        if args.uzi_weeks is not None:
            updates["uzi_issuing_weeks"] = args.uzi_weeks
        changed = replace(settings, **updates)
        return parse_settings(to_document(changed))  # the same validation as on load
    if verb == "add-backup-folder":
        folder = args.folder.expanduser().resolve()
        kept = tuple(f for f in settings.backup_folders if f != folder)
        return replace(settings, backup_folders=(*kept, folder))
    if verb == "remove-backup-folder":
        folder = args.folder.expanduser().resolve()
        return replace(
            settings,
            backup_folders=tuple(
                f for f in settings.backup_folders if f not in (folder, args.folder)
            ),
        )
    if verb == "add-pending":
        request = PendingRequest(
            Kind(args.kind), args.holder.strip(), Environment(args.environment), args.issued_on
        )
        return settings.with_pending(request)
    if verb == "remove-pending":
        return settings.without_pending(args.key)
    return None


def run(args: argparse.Namespace) -> int:
    from certassist.cli.check import settings_file

    lang = language(args)
    store = settings_file(args)
    if args.verb == "vendors":
        from certassist.core.vendors import all_vendors

        vendors = all_vendors()
        if args.json:
            emit_json(
                [
                    {"id": v.id, "name": v.name, "practice_uploads": v.practice_uploads}
                    for v in vendors
                ]
            )
        else:
            for v in vendors:
                print(f"{v.id:20} {v.name}")
        return 0
    settings = store.load()
    changed = _changed(args, settings)
    warning = ""
    if changed is not None:
        from certassist.core.settings import practice_change_warning

        warning = practice_change_warning(settings, changed, lang)  # R13
        store.save(changed)
        settings = changed
        if not args.json:
            print(render("I-settings-saved", lang, path=store.path))
            if warning:
                print(warning)
    if args.json:
        data = _document(settings)
        if warning:
            data["warnings"] = [{"id": "W-R13-practice-changed", "message": warning}]
        emit_json(data)
    elif args.verb == "show":
        print_settings(_document(settings), lang)
    return 0


def print_settings(document: dict[str, Any], lang: str) -> None:
    """One labelled line per setting in the run's language; lists one item a line; never a
    Python repr (a field without a label yet shows its JSON name)."""
    from certassist.core.messages import catalog

    none = text_only("L-settings-none", lang)
    for key, value in document.items():
        label_id = f"L-settings-field-{key.replace('_', '-')}"
        label = text_only(label_id, lang) if label_id in catalog() else key
        if isinstance(value, list):
            print(f"{label}:" + ("" if value else f" {none}"))
            for item in value:
                text = (
                    text_only("L-settings-pending", lang, env=item.get("environment"), **item)
                    if isinstance(item, dict)
                    else str(item)
                )
                print(f"  - {text}")
        else:
            print(f"{label}: {none if value in (None, '') else value}")

"""`certassist install|backup|restore|copy|remove|log`: the operations on the command line.

Passwords come from a prompt or from stdin (`--password-stdin`, one line per password; a new
backup password twice), never from an argument. Progress goes to stderr, the result to stdout
(`--json` for scripts). Confirmations: `--yes` accepts the plan, `--i-am NAME` is R1's "Ik ben",
`--shared-ok` R4's "this is my own place" (cli/confirm.py). Firefox's primary password comes
first (cli/common.unlock_stores).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from certassist.cli.common import (
    EXIT_OK,
    ask_yes_no,
    data_dir,
    emit_json,
    language,
    read_password,
    unlock_stores,
    writable_here,
)
from certassist.cli.confirm import confirm
from certassist.cli.picking import pick_stores, resolve_fingerprint
from certassist.core.errors import CertassistError, NotConfirmedError, exit_code_of
from certassist.core.messages import render, text_only
from certassist.core.models import Actor, Bundle, StoreKind
from certassist.core.safe_text import shown
from certassist.ops.audit import AuditLog
from certassist.ops.base import Confirm, Notice, OpContext, Outcome, Plan, Result, refusal_error
from certassist.ops.flows import Choice, FlowId, operation_flow
from certassist.stores.base import CertStore


def register(sub: Any) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true")
    common.add_argument("--yes", action="store_true")
    common.add_argument("--password-stdin", action="store_true")
    common.add_argument("--nss-db", action="append", type=Path, default=[], metavar="DIR")
    common.add_argument("--i-am", metavar="NAME")
    common.add_argument("--contact-person", action="store_true")
    common.add_argument("--shared-ok", action="store_true")

    p = sub.add_parser("install", parents=[common])
    p.add_argument("file", type=Path)
    p.add_argument("--key", type=Path)
    p.add_argument("--store", action="append", default=[])
    p.set_defaults(func=lambda a: _run(a, _install))

    p = sub.add_parser("restore", parents=[common])
    p.add_argument("file", type=Path)
    p.add_argument("--store", action="append", default=[])
    p.add_argument("--older-ok", action="store_true")
    p.add_argument("--transfer", action="store_true")
    p.set_defaults(func=lambda a: _run(a, _restore))

    p = sub.add_parser("backup", parents=[common])
    p.add_argument("--store", action="append", default=[])
    p.add_argument("--fingerprint")
    p.add_argument("--to", type=Path, required=True)
    p.add_argument("--compatible", action="store_true")
    p.add_argument("--transfer", action="store_true")
    p.add_argument("--new-folder", action="store_true")
    p.set_defaults(func=lambda a: _run(a, _backup))

    p = sub.add_parser("copy", parents=[common])
    p.add_argument("--from", dest="source", required=True)
    p.add_argument("--to", dest="targets", action="append", required=True)
    p.add_argument("--fingerprint", required=True)
    p.add_argument("--move", action="store_true")
    p.set_defaults(func=lambda a: _run(a, _copy))

    p = sub.add_parser("remove", parents=[common])
    p.add_argument("--store", action="append", default=[], required=True)
    p.add_argument("--fingerprint", required=True)
    p.add_argument("--backup", type=Path)
    p.add_argument("--not-needed", action="store_true")
    p.set_defaults(func=lambda a: _run(a, _remove))

    p = sub.add_parser("log")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_log)


# -- context, stores, passwords -----------------------------------------------------------


def _data_dir(args: argparse.Namespace) -> Path:
    return data_dir(args)  # with --demo: the demo's own folder


def _context(args: argparse.Namespace) -> OpContext:
    actor = Actor(
        getpass.getuser(),
        getattr(args, "i_am", None),  # R1: the rules compare it with the holder at plan time
        bool(getattr(args, "contact_person", False)),
    )
    return OpContext.for_user(actor, _data_dir(args))


def _all_stores(args: argparse.Namespace) -> list[CertStore]:
    """The stores `list` shows (the PC's and the registered backup folders), or only --nss-db."""
    found: list[CertStore] = []
    if getattr(args, "demo", False) or not args.nss_db:
        from certassist.cli.list import local

        found += local(args).all
    if args.nss_db:
        from certassist.stores.nss import NssStore

        found += [NssStore(d, StoreKind.FIREFOX) for d in args.nss_db]
    return found


def _progress(step: int, total: int, message_id: str, lang: str) -> None:
    print(f"[{step}/{total}] {text_only(message_id, lang)}", file=sys.stderr)


# -- confirm and report ---------------------------------------------------------------------


def _notice_json(n: Notice, lang: str) -> dict[str, Any]:
    return {
        "id": n.message_id,
        "rule": n.rule_id,
        "message": render(n.message_id, lang, **n.params),
    }


def _emit(args: argparse.Namespace, plan: Plan, result: Result) -> int:
    lang = language(args)
    if args.json:
        emit_json(
            {
                "outcome": result.outcome.value,
                "message_id": result.message_id,
                "message": render(result.message_id, lang, **result.params),
                "fingerprints": list(result.fingerprints),
                "paths": list(result.paths),
                "stores": list(result.stores),
                "rules": list(plan.rule_ids),
                "notices": [_notice_json(n, lang) for n in result.notices],
            }
        )
    else:
        print(shown(render(result.message_id, lang, **result.params)))
        for n in result.notices:
            print(shown("  " + render(n.message_id, lang, **n.params)))
    return EXIT_OK if result.ok else 1


def _refused(args: argparse.Namespace, plan: Plan) -> int:
    lang = language(args)
    if args.json:
        emit_json(
            {
                "outcome": Outcome.REFUSED.value,
                "refusals": [_notice_json(b, lang) for b in plan.blockers],
                "rules": list(plan.rule_ids),
            }
        )
    else:
        for b in plan.blockers:
            print(f"[{b.message_id}] {render(b.message_id, lang, **b.params)}", file=sys.stderr)
    return exit_code_of(refusal_error(plan.blockers))  # a rule: 2; a locked store: 4


def _run(args: argparse.Namespace, command: Any) -> int:
    return int(command(args))


def _execute(
    args: argparse.Namespace, flow_id: FlowId, choice: Choice, extra: dict[Confirm, bool]
) -> int:
    """The same flow object the GUI's wizard drives: plan, confirm here, execute."""
    flow = operation_flow(flow_id)
    ctx = _context(args)
    plan = flow.plan(ctx, choice)
    if not plan.allowed:
        return _refused(args, plan)
    given = confirm(args, plan, extra)
    lang = language(args)
    result = flow.execute(ctx, plan, given, lambda s, t, m: _progress(s, t, m, lang))
    return _emit(args, plan, result)


# -- the commands: collect the input, then `_execute` -------------------------------------------


def _open(args: argparse.Namespace, key: Path | None = None) -> Bundle:
    from certassist.ops.install import open_certificate_file

    prompt = text_only("L-ops-cli-password", language(args))
    return open_certificate_file(
        args.file, None, lambda n: read_password(args, prompt), key_path=key
    )


def _install(args: argparse.Namespace) -> int:
    stores = pick_stores(_all_stores(args), args.store)
    unlock_stores(args, stores)  # Firefox's primary password first (README)
    bundle = _open(args, args.key)
    if not args.store:
        from certassist.core.models import Action
        from certassist.ops.placing import allowed_stores

        ctx = _context(args)
        allowed = allowed_stores(ctx, ctx.describe(bundle.leaf), Action.INSTALL, stores)
        # None allowed: plan for all, so the refusal says why (R6: 2, Firefox running: 4).
        stores = allowed or stores
    choice = Choice(bundle=bundle, file=args.file, targets=tuple(stores))
    return _execute(args, FlowId.INSTALL, choice, {})


def _restore(args: argparse.Namespace) -> int:
    stores = pick_stores(_all_stores(args), args.store)
    unlock_stores(args, stores)
    bundle = _open(args)
    # Without --transfer the backup's own marker decides, as in the GUI.
    choice = Choice(
        bundle=bundle, file=args.file, targets=tuple(stores), transfer=args.transfer or None
    )
    return _execute(args, FlowId.RESTORE, choice, {
        Confirm.OLDER_BACKUP: args.older_ok, Confirm.REPLACE_OLD: args.yes,
    })  # fmt: skip


def _backup(args: argparse.Namespace) -> int:
    lang = language(args)
    stores = pick_stores(_all_stores(args), args.store)
    unlock_stores(args, stores)
    fingerprint = resolve_fingerprint(args.fingerprint, stores)
    password = read_password(args, text_only("L-ops-cli-new-password", lang))
    repeated = read_password(args, text_only("L-ops-cli-repeat-password", lang))
    if password is None:
        raise CertassistError("E-ops-password-not-given")
    sources: list[tuple[CertStore, str | None]] = [(s, fingerprint) for s in stores]
    if fingerprint:
        sources = [(s, fingerprint) for s in stores if s.available and s.get(fingerprint)]
    writable_here(args, args.to)  # the demo writes only in its own folder
    _confirm_new_folder(args, lang)
    choice = Choice(
        sources=tuple(sources),
        folder=args.to,
        password=password,
        repeated=repeated,
        encryption="3des" if args.compatible else "aes",
    )
    return _execute(args, FlowId.TRANSFER if args.transfer else FlowId.BACKUP, choice, {})


def _confirm_new_folder(args: argparse.Namespace, lang: str) -> None:
    """R9: `--to` a folder that does not exist only with --new-folder or a yes at the terminal."""
    from certassist.ops.backup import folder_is_new

    if not folder_is_new(args.to) or args.new_folder:
        return
    question = text_only("C-ops-new-folder", lang, folder=str(args.to)) + "?"
    if sys.stdin.isatty() and not args.password_stdin and ask_yes_no(question, lang):
        return
    raise NotConfirmedError("E-ops-backup-new-folder-unconfirmed", folder=str(args.to))


def _copy(args: argparse.Namespace) -> int:
    stores = _all_stores(args)
    source = pick_stores(stores, [args.source])[0]
    targets = tuple(pick_stores(stores, args.targets))
    unlock_stores(args, [source, *targets])
    fingerprint = resolve_fingerprint(args.fingerprint, [source])
    choice = Choice(sources=((source, fingerprint),), targets=targets, move=args.move)
    return _execute(args, FlowId.COPY, choice, {})


def _remove(args: argparse.Namespace) -> int:
    store = pick_stores(_all_stores(args), args.store)[0]
    unlock_stores(args, [store])
    fingerprint = resolve_fingerprint(args.fingerprint, [store])
    password = None
    if args.backup is not None:
        password = read_password(args, text_only("L-ops-cli-password", language(args)))
    choice = Choice(sources=((store, fingerprint),), backup=args.backup, backup_password=password)
    return _execute(args, FlowId.REMOVE, choice, {Confirm.NO_BACKUP: args.not_needed})


def _log(args: argparse.Namespace) -> int:
    records = AuditLog(_data_dir(args) / "audit.jsonl").read()
    if args.json:
        emit_json([r.to_json() for r in records])
        return EXIT_OK
    if not records:
        print(text_only("I-ops-log-empty", language(args)))
    for r in records:
        rules = ",".join(r.rules)
        print(
            shown(
                f"{r.time} {r.who} {r.what} {r.outcome} {r.kind} {r.holder or '-'} "
                f"{r.fingerprint[:16]} {r.source or '-'} → {r.target or '-'} [{rules}] "
                f"{r.message_id}"
            )
        )
    return EXIT_OK

"""`certassist renew uzi start|list|pair|confirm-signs`, `certassist renew vecozo|vecozo-install`.

UZI server: a new key and request now, pairing when the certificate arrives (weeks later), and
the user's confirmation of the portal's two signs after that (R14: the portal confirms nothing).
VECOZO: certassist prepares the step on VECOZO's site (who, which page, which browser), waits
for the new certificate to appear and then asks for the backup (R9).
"""

from __future__ import annotations

import argparse
import getpass
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certassist.cli.common import emit_json, language, read_password
from certassist.cli.picking import find_fingerprint, pick_stores
from certassist.core.errors import CertassistError
from certassist.core.messages import render, text_only

if TYPE_CHECKING:
    from certassist.core.settings import PracticeSettings
    from certassist.ops.base import OpContext
    from certassist.ops.renew_uzi import UziRenewalFlow
    from certassist.ops.uzi_signs import RenewedUzi, Sign
    from certassist.stores.base import CertStore


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("renew")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--settings", type=Path)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)  # pending renewals
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    what = parser.add_subparsers(dest="what", required=True)

    uzi = what.add_parser("uzi")
    verbs = uzi.add_subparsers(dest="verb", required=True)
    start = verbs.add_parser("start")
    start.add_argument("--from", dest="source", type=Path)
    start.add_argument("--fingerprint")
    start.add_argument("--host")
    start.add_argument("--organisation")
    start.add_argument("--serial")
    start.add_argument("--remember-password", action="store_true")
    start.add_argument("--password-stdin", action="store_true")
    verbs.add_parser("list")
    pair = verbs.add_parser("pair")
    pair.add_argument("id")
    pair.add_argument("file", type=Path)
    pair.add_argument("--pfx-folder", type=Path)
    pair.add_argument("--install", nargs="*", metavar="STORE")
    pair.add_argument("--password-stdin", action="store_true")
    signs = verbs.add_parser("confirm-signs")  # R14: what the user saw at the portal
    signs.add_argument("target", nargs="?", metavar="HOST_OR_FINGERPRINT")
    signs.add_argument("--warning-gone", action="store_true")
    signs.add_argument("--digid-visible", action="store_true")

    for name in ("vecozo", "vecozo-install"):
        sub = what.add_parser(name)
        if name == "vecozo":
            sub.add_argument("fingerprint")
        else:
            sub.add_argument("key")
            sub.add_argument("--user-number", required=True)
        sub.add_argument("--i-am")
        sub.add_argument("--contact-person", action="store_true")
        sub.add_argument("--pin-at-hand", action="store_true")
        sub.add_argument("--wait", type=float, default=0.0)
    parser.set_defaults(func=run)


def _today(args: argparse.Namespace) -> date:
    return args.today or date.today()


def _flow(args: argparse.Namespace) -> UziRenewalFlow:
    from certassist.cli.common import data_dir
    from certassist.ops.flows_renewal import uzi_renewals

    folder = args.folder
    if folder is None and getattr(args, "demo", False):  # the demo's requests stay in its folder
        folder = data_dir(args) / "uzi-renewals"
    return uzi_renewals(folder, lambda: _today(args))


def _settings(args: argparse.Namespace) -> PracticeSettings:
    from certassist.cli.check import settings_file

    settings: PracticeSettings = settings_file(args).load()
    return settings


def _stores(args: argparse.Namespace) -> list[CertStore]:
    """The PC's stores (not the backup folders: a renewal installs into the PC)."""
    from certassist.cli.list import local

    return list(local(args).stores)


def _new_password(args: argparse.Namespace, lang: str) -> str:
    first = read_password(args, text_only("L-renewal-new-key-password", lang) + ": ")
    if first is None:
        raise CertassistError("E-ops-password-not-given")
    if not args.password_stdin:
        again = getpass.getpass(text_only("L-renewal-repeat-password", lang) + ": ")
        if again != first:
            raise CertassistError("E-renewal-passwords-differ")
    return first


def _uzi_start(args: argparse.Namespace, lang: str) -> int:
    from certassist.core.csr import new_subject

    settings = _settings(args)
    current, subject = None, None
    if args.source:
        from certassist.core.reading import read_certificate_file

        current = read_certificate_file(args.source, None).leaf
    elif args.fingerprint:
        current = find_fingerprint(args.fingerprint, _stores(args))[1].certificate
    elif args.host and args.organisation:
        subject = new_subject(args.host, args.organisation, args.serial)
    else:
        raise CertassistError("E-renewal-uzi-source")
    password = _new_password(args, lang)
    started = _flow(args).start(
        current, password, args.remember_password, settings.facts(), subject
    )
    steps = started.vendor.steps(lang) if started.vendor else ()
    if args.json:
        emit_json(
            {
                "id": started.pending.id,
                "csr": str(started.csr_path),
                "remembered": started.pending.remembered,
                "vendor_steps": list(steps),
                "notices": [n.message_id for n in started.notices],
            }
        )
        return 0
    print(
        render(
            "I-uzirenew-started",
            lang,
            host=started.pending.host,
            path=started.csr_path,
            id=started.pending.id,
        )
    )
    if started.vendor:
        print(text_only("I-uzirenew-steps", lang, vendor=started.vendor.name))
        for number, step in enumerate(steps, 1):
            print(f"  {number}. {step}")
    for notice in started.notices:
        print(render(notice.message_id, lang, **dict(notice.params)))
    return 0


def _uzi_pair(args: argparse.Namespace, lang: str) -> int:
    from certassist.ops.flows_renewal import PairTargets, place_paired

    flow = _flow(args)
    settings = _settings(args)
    pending = flow.get(args.id)
    password = (
        None
        if pending.remembered
        else read_password(args, text_only("L-renewal-new-key-password", lang) + ": ")
    )
    paired = flow.pair(args.id, args.file, password, settings.facts())
    pfx_password, again = "", None
    if args.pfx_folder:
        from certassist.cli.common import writable_here

        writable_here(args, args.pfx_folder)  # the demo writes only in its own folder
        given = read_password(args, text_only("L-renewal-pfx-password", lang) + ": ")
        if given is None:
            raise CertassistError("E-renewal-pfx-password")
        pfx_password = given
        again = (
            given
            if args.password_stdin
            else getpass.getpass(text_only("L-renewal-repeat-password", lang) + ": ")
        )
    stores: tuple[CertStore, ...] = ()
    if args.install is not None:
        stores = tuple(pick_stores(_stores(args), args.install))  # ids, kinds, label words
    targets = PairTargets(stores, args.pfx_folder, pfx_password, again)
    placed = place_paired(_op_context(args), flow, paired, targets)
    verdict = placed.verdict
    if not verdict.allowed:
        raise verdict.refusals[0].to_error()
    out: dict[str, Any] = {
        "fingerprint": paired.info.fingerprint,
        "expires": paired.info.expiry_date.isoformat(),
    }
    if placed.pfx_path is not None:
        out["pfx"] = str(placed.pfx_path)
    out["confirmation"] = [d.message_id for d in verdict.decisions]
    out["confirm_signs"] = placed.finished  # R14: `check` asks for the two signs until confirmed
    if args.json:
        emit_json(out)
    else:
        for decision in verdict.decisions:
            print(decision.render(lang))
        if placed.finished:
            print(render("I-R14-confirm-signs-later", lang, host=paired.pending.host))
        if paired.vendor:
            print(text_only("I-uzirenew-steps", lang, vendor=paired.vendor.name))
            for number, step in enumerate(paired.vendor.steps(lang), 1):
                print(f"  {number}. {step}")
    return 0


def _asked_signs(renewed: RenewedUzi, today: date, lang: str) -> set[Sign]:
    """At a terminal: one question per sign still open (the DigiD sign only from the day it
    means something); without a terminal nothing can be asked, so the flags are named."""
    import sys

    from certassist.cli.common import ask_yes_no
    from certassist.core.errors import NotConfirmedError
    from certassist.ops.uzi_signs import Sign

    if not sys.stdin.isatty():
        raise NotConfirmedError(
            "E-cli-not-confirmed",
            what=[f"C-R14-{s.value}" for s in renewed.open_signs],
            flags=[f"L-cli-flag-{s.value}" for s in renewed.open_signs],
        )
    start = renewed.digid_sign_from
    seen: set[Sign] = set()
    for sign in renewed.open_signs:
        if sign is Sign.DIGID_VISIBLE and start is not None and today < start:
            continue  # refused anyway: the old certificate still carries DigiD
        if ask_yes_no(text_only(f"C-R14-{sign.value}", lang) + "?", lang):
            seen.add(sign)
    if not seen:
        raise NotConfirmedError("E-cli-cancelled")
    return seen


def _uzi_confirm_signs(args: argparse.Namespace, lang: str) -> int:
    """R14: record the portal's two signs the user saw; `check` stops asking once both are."""
    from certassist.core.vendors import portal_contact
    from certassist.ops.uzi_signs import Sign

    ctx = _op_context(args)
    records = ctx.records.uzi_signs
    renewed = records.find(args.target)
    today = ctx.today()
    signs = {s for s, given in ((Sign.WARNING_GONE, args.warning_gone),
                                (Sign.DIGID_VISIBLE, args.digid_visible)) if given}  # fmt: skip
    if not signs:
        signs = _asked_signs(renewed, today, lang)
    updated = records.confirm(renewed, signs, today, ctx.audit, ctx.actor.os_user)
    helpdesk = portal_contact().helpdesk
    if updated.confirmed:
        message, params = "I-R14-signs-confirmed", {"host": updated.host, "helpdesk": helpdesk}
    else:

        def labels(chosen: tuple[Sign, ...]) -> str:
            return "; ".join(text_only(f"L-R14-{s.value}", lang) for s in chosen)

        seen = tuple(s for s in Sign if s not in updated.open_signs)
        message = "I-R14-sign-recorded"
        params = {"host": updated.host, "seen": labels(seen), "still": labels(updated.open_signs)}
    if args.json:
        emit_json(updated.to_json() | {"message_id": message,
                                       "message": render(message, lang, **params)})  # fmt: skip
    else:
        print(render(message, lang, **params))
    return 0


def _op_context(args: argparse.Namespace) -> OpContext:
    """Installing a paired UZI certificate: done by the practice's contact person or IT
    (with --demo, the audit log and install records are the demo folder's)."""
    from certassist.cli.common import data_dir
    from certassist.core.models import Actor
    from certassist.ops.base import OpContext

    actor = Actor(getpass.getuser(), None, True)
    return OpContext.for_user(actor, data_dir(args), today=lambda: _today(args))


def _vecozo(args: argparse.Namespace, lang: str) -> int:
    from certassist.core.classify import describe
    from certassist.core.models import Actor
    from certassist.ops.base import OpContext
    from certassist.ops.flows_renewal import VECOZO_RENEWAL as flow
    from certassist.ops.vecozo_flow import check_user_number

    actor = Actor(getpass.getuser(), args.i_am, args.contact_person)
    from certassist.cli.common import data_dir

    ctx = OpContext.for_user(actor, data_dir(args), today=lambda: _today(args))
    stores = _stores(args)
    previous = None
    if args.what == "vecozo":
        previous = describe(find_fingerprint(args.fingerprint, stores)[1].certificate)
        guide = flow.plan(ctx, previous, stores)
    else:
        check_user_number(args.user_number)
        request = next((p for p in _settings(args).pending_requests if p.key == args.key), None)
        if request is None:
            raise CertassistError("E-settings-pending-unknown", key=args.key)
        guide = flow.plan_first_install(ctx, request, stores)
    refusal = flow.refusal(guide, args.pin_at_hand)
    if refusal is not None:
        raise refusal
    browsers = ", ".join(s.label for s in guide.targets)
    if guide.window is not None:
        print(guide.window.render(lang))
    # Installing is done with user number and PIN; renewing is not (R2 asks a system
    # certificate's PIN through its own notice).
    page = "I-vecozo-open-page" if guide.action.value == "install" else "I-vecozo-open-renew-page"
    print(render(page, lang, url=guide.url, browser=browsers))
    for notice in guide.notices:
        print(render(notice.message_id, lang, **dict(notice.params)))
    if args.wait <= 0:
        return 0
    before = flow.before(guide)
    print(text_only("I-vecozo-waiting", lang, stores=browsers))
    found = flow.wait(before, guide, previous, timeout=args.wait, clock=time.monotonic)
    if found is None:
        print(render("I-vecozo-not-detected", lang))
        return 1
    done = flow.finish(ctx, found, guide, previous)
    print(
        render(
            "I-vecozo-detected",
            lang,
            holder=guide.holder,
            store=found.store.label,
            expiry=found.info.expiry_date.isoformat(),
        )
    )
    for notice in done.notices:
        print(render(notice.message_id, lang, **dict(notice.params)))
    if args.what == "vecozo-install":  # installed: no longer a pending request (R5)
        from certassist.cli.check import settings_file

        store = settings_file(args)
        store.save(store.load().without_pending(args.key))
    return 0


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    if args.what == "uzi":
        if args.verb == "start":
            return _uzi_start(args, lang)
        if args.verb == "pair":
            return _uzi_pair(args, lang)
        if args.verb == "confirm-signs":
            return _uzi_confirm_signs(args, lang)
        pending = _flow(args).pending()
        if args.json:
            emit_json([p.to_json() for p in pending])
        for p in pending if not args.json else ():
            print(f"{p.id}  {p.host}  {p.created_on}  ({p.environment.value})")
        return 0
    return _vecozo(args, lang)

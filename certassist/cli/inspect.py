"""`certassist inspect FILE`: what a certificate file is, and which rules apply to it.

Exit codes: 0 fine, 1 due soon (renew now / UZI: start now), 2 expired, overdue or not yet
valid, 3 the file cannot be read (wrong password, damaged, unknown format).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from certassist.cli.check import settings_file
from certassist.cli.common import (
    EXIT_DUE,
    EXIT_OK,
    EXIT_OVERDUE,
    emit_json,
    language,
    read_password,
)
from certassist.core.classify import describe
from certassist.core.errors import CertassistError
from certassist.core.kinds import Family, family, kind_label
from certassist.core.messages import text_only
from certassist.core.models import Bundle, CertInfo
from certassist.core.names import days_left_words, format_day, uzi_words
from certassist.core.reading import read_certificate_and_key, read_certificate_file
from certassist.core.rules import (
    Status,
    StatusReport,
    applicable_rules,
    certificate_status,
    uzi_timeline,
)
from certassist.core.safe_text import shown
from certassist.core.settings import PracticeSettings
from certassist.ops.passwords import open_with_tries

_UZI_DATE_LABELS = {
    "request_by": "L-rules-request-by",
    "portal_by": "L-rules-portal-by",
    "switch_off": "L-rules-switch-off",
}
DUE = {Status.RENEW_NOW, Status.UZI_START_NOW, Status.INSTALL_WINDOW_CLOSING}
OVERDUE = {Status.EXPIRED, Status.UZI_OVERDUE, Status.NOT_YET_VALID}


def register(sub: Any) -> None:
    parser = sub.add_parser("inspect")
    parser.add_argument("file", type=Path)
    parser.add_argument("--key", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--password-stdin", action="store_true")
    parser.add_argument("--settings", type=Path)
    parser.set_defaults(func=run)


def _load(args: argparse.Namespace, lang: str) -> Bundle:
    def reader(password: str | None) -> Bundle:
        if args.key is not None:
            return read_certificate_and_key(args.file, args.key, password)
        return read_certificate_file(args.file, password)

    if args.password_stdin:  # one password, given by a script: its verdict as it is
        return reader(read_password(args, ""))
    prompt = "Wachtwoord: " if lang == "nl" else "Password: "

    def ask(attempt: int) -> str:
        password = read_password(args, prompt)
        if password is None:  # no terminal to ask on
            raise CertassistError("E-read-password-needed", file=args.file.name)
        return password

    return open_with_tries(reader, ask)


def exit_code(status: StatusReport) -> int:
    if status.status in OVERDUE:
        return EXIT_OVERDUE
    if status.status in DUE:
        return EXIT_DUE
    return EXIT_OK


def to_dict(
    info: CertInfo,
    bundle: Bundle,
    status: StatusReport,
    today: date,
    lang: str,
    settings: PracticeSettings | None = None,
) -> dict[str, Any]:
    practice = settings or PracticeSettings()
    c = info.classification
    uzi = None
    if c.uzi is not None:
        uzi = {k: getattr(c.uzi, k) for k in c.uzi.__dataclass_fields__}
    return {
        "fingerprint": info.fingerprint,
        "kind": c.kind.value,
        "kind_label": kind_label(c.kind, lang),
        "environment": c.environment.value,
        "profile": c.profile_id,
        "holder": c.holder,
        "organisation": c.organisation,
        "subject": info.subject,
        "issuer": info.issuer,
        "not_before": info.not_before.date().isoformat(),
        "not_after": info.expiry_date.isoformat(),
        "days_left": info.days_left(today),
        "status": status.status.value,
        "status_text": status.render(lang),
        "next_date": status.next_date.isoformat() if status.next_date else None,
        "uzi": uzi,
        "ura": c.ura,
        "key": "matching" if bundle.key_matches() else "absent",
        "chain": [cert.subject.rfc4514_string() for cert in bundle.chain],
        "notes": list(c.notes),
        "rules": [
            {
                "rule": d.rule_id,
                "outcome": d.outcome.value,
                "message_id": d.message_id,
                "text": d.render(lang),
            }
            for d in applicable_rules(
                info, today, practice.facts(), practice.uzi_issuing_weeks
            )  # R11-R13 with the practice's settings
        ],
        "uzi_dates": _uzi_dates(info, practice),
    }


def _uzi_dates(info: CertInfo, settings: PracticeSettings) -> dict[str, str] | None:
    """R11's three dates of a UZI server certificate (None for other kinds)."""
    if family(info.kind) is not Family.UZI_SERVER:
        return None
    t = uzi_timeline(info.expiry_date, settings.uzi_issuing_weeks)
    return {
        "request_by": t.request_by.isoformat(),
        "portal_by": t.portal_by.isoformat(),
        "switch_off": t.switch_off.isoformat(),
    }


def _print_text(data: dict[str, Any], lang: str, today: date) -> None:
    def line(label_id: str, value: object) -> None:
        print(shown(f"{text_only(label_id, lang) + ':':<24} {value}"))

    env = text_only(f"L-env-short-{data['environment']}", lang)
    line("L-field-kind", data["kind_label"])
    line("L-field-environment", env)
    line("L-field-holder", data["holder"] or "-")
    line("L-field-subject", data["subject"])
    line("L-field-issuer", data["issuer"])
    line("L-field-valid-from", format_day(date.fromisoformat(data["not_before"]), lang))
    line("L-field-valid-until", format_day(date.fromisoformat(data["not_after"]), lang))
    line("L-field-days-left", days_left_words(date.fromisoformat(data["not_after"]), today, lang))
    line("L-field-status", data["status_text"])
    line("L-field-fingerprint", data["fingerprint"])
    key_label = "L-key-present-matching" if data["key"] == "matching" else "L-key-absent"
    line("L-field-key", text_only(key_label, lang))
    if data["uzi"]:
        uzi = data["uzi"]
        line("L-field-uzi", uzi_words(uzi, lang))
    if data["ura"]:
        line("L-field-ura", data["ura"])
    for name, label in _UZI_DATE_LABELS.items():
        if data["uzi_dates"]:
            line(label, data["uzi_dates"][name])
    for note in data["notes"]:
        line("L-field-notes", text_only(f"L-note-{note}", lang))
    print(text_only("L-field-rules", lang) + ":")
    for rule in data["rules"]:
        print(shown(f"  [{rule['rule']}] {rule['text']}"))


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    bundle = _load(args, lang)
    today = date.today()
    info = describe(bundle.leaf)
    from certassist.ops.local import load_practice_settings

    # R13 and the vendor steps need the practice's settings (the demo's own with --demo); a
    # broken settings file must not stop an inspection: the defaults are used then.
    settings_path = settings_file(args).path if getattr(args, "demo", False) else args.settings
    settings, _error = load_practice_settings(settings_path)
    status = certificate_status(info, today, settings.uzi_issuing_weeks)
    data = to_dict(info, bundle, status, today, lang, settings)
    if args.json:
        emit_json(data)
    else:
        _print_text(data, lang, today)
    return exit_code(status)

"""`certassist classify FILE_OR_FINGERPRINT --as vecozo-personal|vecozo-system|other`.

Tells certassist once which kind a certificate is that no profile knows (a real VECOZO
certificate). The answer is kept as a local profile (the user's configuration folder), so every
later certificate of that issuer and subject layout is recognised without asking. Exit codes:
0 kept, 3 the file cannot be read or the fingerprint is not found, 2 another profile still
decides (the answer would have no effect).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from cryptography import x509

from certassist.cli.common import EXIT_OK, EXIT_OVERDUE, emit_json, language, read_password
from certassist.core.errors import CertassistError
from certassist.core.kinds import kind_label
from certassist.core.messages import render
from certassist.core.models import Environment, Kind, cert_der, sha256_fingerprint
from certassist.core.profile_learning import ANSWERABLE, learn
from certassist.core.profiles import profile_problems


def register(sub: Any) -> None:
    parser = sub.add_parser("classify")
    parser.add_argument("target", metavar="FILE_OR_FINGERPRINT")
    parser.add_argument(
        "--as", dest="kind", required=True, choices=[k.value for k in ANSWERABLE]
    )  # fmt: skip
    parser.add_argument(
        "--environment", choices=[e.value for e in Environment]
    )  # fmt: skip
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--password-stdin", action="store_true")
    parser.set_defaults(func=run)


def _from_file(args: argparse.Namespace, path: Path, lang: str) -> x509.Certificate:
    from certassist.core.reading import read_certificate_file
    from certassist.ops.passwords import open_with_tries

    if args.password_stdin:
        return read_certificate_file(path, read_password(args, "")).leaf
    prompt = "Wachtwoord: " if lang == "nl" else "Password: "

    def ask(attempt: int) -> str:
        password = read_password(args, prompt)
        if password is None:
            raise CertassistError("E-read-password-needed", file=path.name)
        return password

    return open_with_tries(lambda pw: read_certificate_file(path, pw), ask).leaf


def _from_stores(args: argparse.Namespace, fingerprint: str) -> x509.Certificate:
    from certassist.cli.list import local

    for store in local(args).all:
        if not store.available:
            continue
        try:
            entry = store.get(fingerprint)
        except CertassistError:
            continue
        if entry is not None:
            return entry.certificate
    raise CertassistError("E-classify-not-found", fingerprint=fingerprint)


def _certificate(args: argparse.Namespace, lang: str) -> x509.Certificate:
    path = Path(args.target)
    if path.exists():
        return _from_file(args, path, lang)
    fingerprint = args.target.replace(":", "").replace(" ", "").upper()
    if len(fingerprint) != 64 or any(c not in "0123456789ABCDEF" for c in fingerprint):
        raise CertassistError("E-classify-not-found", fingerprint=args.target)
    return _from_stores(args, fingerprint)


def run(args: argparse.Namespace) -> int:
    from certassist.core.classify import classify

    lang = language(args)
    for problem in profile_problems():
        print(f"[{problem.message_id}] {problem.text(lang)}", file=sys.stderr)
    cert = _certificate(args, lang)
    kind = Kind(args.kind)
    env = Environment(args.environment) if args.environment else None
    learned = learn(cert, kind, env, today=date.today())
    now = classify(cert)
    effective = now.profile_id == learned.profile.id
    data = {
        "fingerprint": sha256_fingerprint(cert_der(cert)),
        "kind": now.kind.value,
        "environment": now.environment.value,
        "profile": now.profile_id,
        "profile_file": str(learned.path),
        "effective": effective,
    }
    message = "I-classify-kept" if effective else "W-classify-overruled"
    params = {
        "kind": kind_label(kind, lang),
        "file": str(learned.path),
        "profile": now.profile_id,
    }
    if args.json:
        emit_json(data | {"message_id": message, "message": render(message, lang, **params)})
    else:
        print(render(message, lang, **params))
    return EXIT_OK if effective else EXIT_OVERDUE

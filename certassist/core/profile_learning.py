"""Remember the user's answer to "which kind is this?" as a local profile file.

VECOZO's certificate profile is not public, so a real VECOZO certificate is first "other" with
the note that it looks like VECOZO. The user (or IT support) answers once; the answer becomes a
profile in the same TOML format as the shipped ones, matching the issuer plus the subject
feature that tells a personal certificate (a person's name) from a system certificate (only the
practice), so every later certificate of that issuer is recognised without asking. The file
can be copied to the practice's folder to serve every user of every PC.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography import x509

from certassist.core.errors import CertassistError
from certassist.core.fileio import atomic_write_bytes
from certassist.core.models import Environment, Kind
from certassist.core.profile_match import Facts
from certassist.core.profiles import Profile, load_profile_file, user_profiles_dir

ANSWERABLE = (Kind.VECOZO_PERSONAL, Kind.VECOZO_SYSTEM, Kind.OTHER)
LEARNED_PRIORITY = 15  # after the UZI register (10), before the made-up VECOZO profile (20)
# Attributes that name a person: present in a personal certificate, absent in a system one.
PERSON_ATTRIBUTES = ("givenName", "surname", "title", "initials", "pseudonym")


@dataclass(frozen=True)
class Learned:
    path: Path
    profile: Profile


def guess_environment(facts: Facts) -> Environment:
    """From the issuer's words: acceptance and test issuers say so in their names."""
    words = set(re.findall(r"[a-z]+", f"{facts.issuer_cn} {facts.issuer_o}".casefold()))
    if words & {"acceptatie", "acceptance", "acc", "accwww"}:
        return Environment.ACCEPTANCE
    if words & {"test", "tst", "tstwww"}:
        return Environment.TEST
    return Environment.PRODUCTION


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def profile_text(facts: Facts, kind: Kind, environment: Environment, today: date) -> str:
    """The profile as TOML text (json.dumps quotes a string the way TOML reads it)."""
    if kind not in ANSWERABLE:
        raise CertassistError("E-classify-kind", kind=str(kind))
    match: dict[str, list[str]] = {"issuer_cn": [facts.issuer_cn]}
    if facts.issuer_o:
        match["issuer_o"] = [facts.issuer_o]
    if facts.subject_ou:
        match["subject_ou"] = list(facts.subject_ou)
    present = sorted(facts.subject_attributes)
    match["subject_has"] = present
    lacks = [a for a in PERSON_ATTRIBUTES if a not in facts.subject_attributes]
    if lacks:
        match["subject_lacks"] = lacks
    # Named after what it matches, not the answer: answering again (a correction) replaces it.
    key = json.dumps(match, sort_keys=True)
    ident = f"learned-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
    holder = "subject_o" if kind is Kind.VECOZO_SYSTEM else "subject_cn"
    lines = [
        f"# Learned by certassist on {today.isoformat()}: certificates of this issuer with this",
        f"# subject layout are {kind.value} ({environment.value}). Same format as the shipped",
        "# profiles; IT support may copy this file to the practice's profiles folder.",
        "",
        "[[profile]]",
        f'id = "{ident}"',
        f'kind = "{kind.value}"',
        f"priority = {LEARNED_PRIORITY}",
        f'holder = "{holder}"',
        f'default_environment = "{environment.value}"',
        f'source = "answer of the user on {today.isoformat()}"',
        "[profile.match]",
        *(f"{name} = {_toml_list(values)}" for name, values in match.items()),
        "",
    ]
    return "\n".join(lines)


def learn(
    cert: x509.Certificate,
    kind: Kind,
    environment: Environment | None = None,
    *,
    today: date,
    folder: Path | None = None,
) -> Learned:
    """Write the profile (atomically) and read it back: what was written is what will match."""
    from certassist.core.classify import read_facts

    facts = read_facts(cert)
    env = environment or guess_environment(facts)
    text = profile_text(facts, kind, env, today)
    ident = re.search(r'^id = "([^"]+)"$', text, re.M)
    assert ident is not None
    target_folder = folder or user_profiles_dir()
    target = target_folder / f"{ident.group(1)}.toml"
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, text.encode("utf-8"), mode=0o644)
    except OSError as exc:
        raise CertassistError(
            "E-classify-write", file=str(target), detail=exc.strerror or str(exc)
        ) from exc
    (profile,) = load_profile_file(target)
    return Learned(target, profile)

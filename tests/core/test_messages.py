"""Every user-visible text exists in Dutch and English, with the same placeholders in both."""

from __future__ import annotations

import re
import string

from certassist.core.errors import CertassistError
from certassist.core.messages import catalog, render

_FIELDS = string.Formatter()


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in _FIELDS.parse(template) if name}


def test_every_message_has_dutch_and_english_with_the_same_placeholders() -> None:
    problems = []
    for message in catalog().values():
        if set(message.text) != {"nl", "en"}:
            problems.append(f"{message.id}: languages {sorted(message.text)}")
            continue
        if _placeholders(message.text["nl"]) != _placeholders(message.text["en"]):
            problems.append(f"{message.id}: placeholders differ")
        if set(message.next) not in (set(), {"nl", "en"}):
            problems.append(f"{message.id}: next step in one language only")
    assert problems == []


def test_every_error_says_what_to_do_next() -> None:
    missing = [m.id for m in catalog().values() if m.id.startswith("E-") and not m.next]
    assert missing == []


# E error, W warning, I information, L label, C confirmation asked, S step of a plan,
# P progress line, A a rule that allows (e.g. "you confirmed you are <holder>").
PREFIXES = "EWILCSPA"


def test_message_ids_follow_the_convention() -> None:
    bad = [m for m in catalog() if not re.fullmatch(rf"[{PREFIXES}]-[A-Za-z0-9-]+", m)]
    assert bad == []


def test_label_placeholders_render_in_the_message_language() -> None:
    nl = render("E-R14-different-kind", "nl", new="vecozo-system", old="vecozo-personal")
    en = render("E-R14-different-kind", "en", new="vecozo-system", old="vecozo-personal")
    assert "VECOZO systeemcertificaat" in nl and "VECOZO persoonlijk certificaat" in nl
    assert "VECOZO system certificate" in en and "vecozo" not in en.replace("VECOZO", "")


def test_unknown_id_and_missing_parameter_never_crash() -> None:
    assert render("E-does-not-exist") == "E-does-not-exist"
    assert "{file}" in CertassistError("E-read-empty").text("en")

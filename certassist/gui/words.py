"""What the GUI says, in plain words: one place that turns the catalog's messages into page text.

The catalog speaks for the CLI as well, so its texts carry the rule ("regel R9"), ISO dates
("2026-12-18") and "back-up(s)". A receptionist reads none of that: here dates become Dutch
dates (18-12-2026), a count of one takes the catalog's `-one` variant when it has one, and
rule references move out of the sentence into the page's details part. Rich text is escaped
here too (`escape`), so a Firefox profile called "<b>Anna</b>" stays a name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# " (regel R9)", " (rule R9)", " (R3)", " (regels R1, R4)" at the end of a clause
_RULE_REF = re.compile(r"\s*\((?:regels?|rules?)?\s*(R\d{1,2}(?:\s*(?:,|en|and)\s*R\d{1,2})*)\)")
_FORMAT_NAMES = re.compile(r"\s*\(?PKCS#12(?:,? [^)]*)?\)?-?")


def escape(text: object) -> str:
    """The one escaping helper for rich text (QLabel with HTML): names, paths, rendered texts."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def link(url: str, text: str) -> str:
    return f"<a href='{escape(url)}'>{escape(text)}</a>"


def shown_date(value: date | str, lang: str) -> str:
    """3-12-2026 in Dutch, 3 Dec 2026 in English; a string that is not an ISO date stays."""
    from certassist.gui.i18n import format_date

    if isinstance(value, date):
        return format_date(value, lang)
    match = _ISO_DATE.match(value)
    if not match:
        return value
    year, month, day = (int(g) for g in match.groups())
    try:
        return format_date(date(year, month, day), lang)
    except ValueError:
        return value


def _params(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    return {
        key: shown_date(value, lang) if isinstance(value, date | str) else value
        for key, value in params.items()
    }


def _plural_id(message_id: str, params: Mapping[str, Any]) -> str:
    from certassist.core.messages import catalog

    if params.get("count") == 1 and f"{message_id}-one" in catalog():
        return f"{message_id}-one"
    return message_id


def rules_in(text: str) -> list[str]:
    """The rule ids a text refers to ("... (regel R9)" -> ["R9"])."""
    found: list[str] = []
    for match in _RULE_REF.finditer(text):
        found += re.findall(r"R\d{1,2}", match.group(1))
    return found


def plain(text: str) -> str:
    """The text without rule references and format names (they belong in the details)."""
    text = _RULE_REF.sub("", text)
    text = text.replace("PKCS#12-bestand", "back-upbestand").replace("PKCS#12 file", "backup file")
    return _FORMAT_NAMES.sub(" ", text).replace("  ", " ").replace(" .", ".").strip()


def say(message_id: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    """The message with its next step, in plain words (see the module docstring)."""
    from certassist.core.messages import render

    params = params or {}
    return plain(render(_plural_id(message_id, params), lang, **_params(params, lang)))


def say_text(message_id: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    """Like `say`, without the next step (progress lines, short statuses)."""
    from certassist.core.messages import text_only

    params = params or {}
    return plain(text_only(_plural_id(message_id, params), lang, **_params(params, lang)))


def details(message_id: str, rule_id: str | None = None, text: str = "") -> str:
    """The details part: the rule and the message id, for whoever helps the user on the phone."""
    from certassist.gui.i18n import translate

    rules = [rule_id] if rule_id else []
    rules += [r for r in rules_in(text) if r not in rules]
    parts = [translate("Words", "regel {rule}").format(rule=r) for r in rules]
    parts.append(message_id)
    return " · ".join(parts)

"""Message catalog: every user-visible text has an id, a Dutch text and an English one.

Errors also have a `next` text: what the user can do about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from certassist.core.names import as_day, format_day
from certassist.core.resources import read_toml, resources_dir

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_process_language = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    """The language of this process's user interface (CLI `--lang`, the GUI's choice).

    Texts made without an explicit language (store labels, for instance) follow it, so an
    English session never shows Dutch place names.
    """
    global _process_language
    _process_language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _process_language


@dataclass(frozen=True)
class Message:
    id: str
    text: dict[str, str]
    next: dict[str, str]


@cache
def catalog() -> dict[str, Message]:
    """All `resources/messages/*.toml` files; each layer keeps its own file."""
    raw: dict[str, Any] = {}
    for path in sorted((resources_dir() / "messages").glob("*.toml")):
        part = read_toml(path)
        clash = raw.keys() & part.keys()
        if clash:
            raise ValueError(f"duplicate message ids in {path.name}: {sorted(clash)}")
        raw.update(part)
    result: dict[str, Message] = {}
    for message_id, entry in raw.items():
        text = {lang: entry[lang] for lang in LANGUAGES if lang in entry}
        nxt = {lang: entry[f"next_{lang}"] for lang in LANGUAGES if f"next_{lang}" in entry}
        result[message_id] = Message(message_id, text, nxt)
    return result


class _SafeParams(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# `{new:kind}` in a template renders the parameter as the kind's name (`L-kind-<value>`, through
# core.kinds.kind_label: an unknown kind shows its id) and `{x:env}` as `L-rules-env-<value>`, in
# the message's language, so parameters stay machine values (JSON, audit log) and texts read well.
LABEL_SPECS = {"kind": "L-kind-", "env": "L-rules-env-", "medium": "L-medium-"}
# `{what:texts-quoted}` and `{flags:texts-and}`: a parameter that is a list of message ids (the
# confirmations an operation still needs, say) renders each of them in the message's language,
# with the message's own parameters: quoted and comma-separated, or as "a, b en c". So the
# one raising the error names *what* is missing (ids) and each face says it in its language.
TEXT_LIST_SPECS = ("texts-quoted", "texts-and")


class _Labelled:
    def __init__(self, value: Any, lang: str, params: dict[str, Any] | None = None) -> None:
        self.value = value
        self.lang = lang
        self.params = params or {}

    def _texts(self, spec: str) -> str:
        ids = [self.value] if isinstance(self.value, str) else list(self.value)
        texts = list(dict.fromkeys(text_only(str(i), self.lang, **self.params) for i in ids))
        if spec == "texts-and":  # "a, b en c"
            last = texts.pop() if texts else ""
            return text_only("L-and", self.lang).join([", ".join(texts), last] if texts else [last])
        return ", ".join(f'"{t}"' for t in texts)

    def __format__(self, spec: str) -> str:
        if spec in TEXT_LIST_SPECS:
            return self._texts(spec)
        if spec == "kind":
            from certassist.core.kinds import kind_label

            return kind_label(str(self.value), self.lang)
        prefix = LABEL_SPECS.get(spec)
        if prefix is None:
            return str(self) if not spec else format(self.value, spec)
        return text_only(f"{prefix}{self.value}", self.lang)

    def __str__(self) -> str:
        # A date (or an ISO date parameter) reads 3-12-2026 in Dutch text, 3 Dec 2026 in
        # English; the parameter itself stays ISO for JSON and the audit log.
        day = as_day(self.value)
        return format_day(day, self.lang) if day is not None else str(self.value)


def _format(template: str, params: dict[str, Any], lang: str = DEFAULT_LANGUAGE) -> str:
    wrapped = {key: _Labelled(value, lang, params) for key, value in params.items()}
    return template.format_map(_SafeParams(wrapped))


def render(message_id: str, lang: str | None = None, **params: Any) -> str:
    """The message in `lang`, with its next step appended when it has one."""
    message = catalog().get(message_id)
    if message is None:
        return message_id
    lang = lang or _process_language
    lang = lang if lang in message.text else DEFAULT_LANGUAGE
    text = _format(message.text[lang], params, lang)
    nxt = message.next.get(lang)
    return f"{text} {_format(nxt, params, lang)}" if nxt else text


def text_only(message_id: str, lang: str | None = None, **params: Any) -> str:
    message = catalog().get(message_id)
    if message is None:
        return message_id
    lang = lang or _process_language
    return _format(message.text.get(lang, message.text[DEFAULT_LANGUAGE]), params, lang)

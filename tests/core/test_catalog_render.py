"""No raw placeholder ever reaches a user: every catalog text rendered in both languages with
sample values, and every place in the code that names a message with fixed parameters."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from certassist.core.messages import LABEL_SPECS, catalog, render

_FIELDS = string.Formatter()
SOURCE = Path(__file__).resolve().parents[2] / "certassist"
# A `*` or `?` standing alone as a value ("staat niet in *", "sleutel voor ?"): a parameter the
# code did not know. A question mark ending a question is fine.
STRAY = re.compile(r"(?:^|[\s(:'\"])[*?](?=$|[\s),.;:'\"])")
RAW_ID = re.compile(r"\b[EWILCSPA]-[a-z0-9]+(?:-[A-Za-z0-9]+)+\b")
SPEC_SAMPLES = {"kind": "vecozo-personal", "env": "production"}


def _fields(template: str) -> dict[str, str]:
    return {name: spec for _, name, spec, _ in _FIELDS.parse(template) if name}


def _samples(message_id: str) -> dict[str, str]:
    message = catalog()[message_id]
    fields: dict[str, str] = {}
    for text in (*message.text.values(), *message.next.values()):
        fields.update(_fields(text))
    return {
        name: SPEC_SAMPLES.get(spec or "", f"«{name}»") if spec in LABEL_SPECS else f"«{name}»"
        for name, spec in fields.items()
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_message_renders_without_placeholders_stray_marks_or_raw_ids(lang: str) -> None:
    problems = []
    for message_id in sorted(catalog()):
        text = render(message_id, lang, **_samples(message_id))
        if "{" in text or "}" in text:
            problems.append(f"{message_id}: unfilled placeholder: {text}")
        if STRAY.search(text):
            problems.append(f"{message_id}: stray * or ?: {text}")
        if RAW_ID.search(text):
            problems.append(f"{message_id}: shows a message id: {text}")
    assert problems == []


_MESSAGE_CALLS = {
    "CertassistError", "StoreError", "RefusedError", "NotConfirmedError", "NoDisplayError",
    "render", "text_only", "decision",
}  # fmt: skip


def _calls() -> list[tuple[str, int, str, ast.Call]]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in _MESSAGE_CALLS or not node.args:
                continue
            first = node.args[1 if name == "decision" else 0] if name != "decision" else None
            if name == "decision" and len(node.args) >= 3:
                first = node.args[2]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((str(path.relative_to(SOURCE.parent)), node.lineno, first.value, node))
    return found


def test_code_gives_every_placeholder_its_message_names() -> None:
    """A call with a fixed id and fixed keywords must fill every placeholder of that message."""
    problems = []
    messages = catalog()
    for where, line, message_id, call in _calls():
        if message_id not in messages or any(k.arg is None for k in call.keywords):
            continue  # not a message id, or **params: checked where they are built
        given = {k.arg for k in call.keywords}
        message = messages[message_id]
        needed: set[str] = set()
        for text in (*message.text.values(), *message.next.values()):
            needed |= set(_fields(text))
        if needed - given:
            problems.append(f"{where}:{line} {message_id} lacks {sorted(needed - given)}")
    assert problems == []


def test_code_never_passes_a_bare_star_or_question_mark_as_a_value() -> None:
    """ "staat niet in *", "sleutel voor ?": say what is meant, or use another message."""
    problems = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            name = getattr(getattr(call, "func", None), "id", None) or getattr(
                getattr(call, "func", None), "attr", None
            )
            if not isinstance(call, ast.Call) or name not in {*_MESSAGE_CALLS, "Notice"}:
                continue
            for keyword in call.keywords:
                values = [keyword.value]
                if isinstance(keyword.value, ast.BoolOp):
                    values = list(keyword.value.values)
                if any(isinstance(v, ast.Constant) and v.value in ("*", "?") for v in values):
                    where = path.relative_to(SOURCE.parent)
                    problems.append(f"{where}:{keyword.lineno} {keyword.arg}=")
    assert problems == []

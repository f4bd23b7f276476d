"""Every user-visible text exists in Dutch and English, with the same placeholders in both."""

from __future__ import annotations

import os
import re
import shutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.messages import catalog, render
from certassist.core.resources import resources_dir

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


# --- the parsed catalog is cached by content, so a start-up skips the TOML parser -------------


@pytest.fixture
def own_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped messages that the test may edit; caches cleared before and after."""
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir() / "messages", copy / "messages")
    monkeypatch.setenv("CERTASSIST_RESOURCES", str(copy))
    resources_dir.cache_clear()
    catalog.cache_clear()
    yield copy / "messages"
    resources_dir.cache_clear()
    catalog.cache_clear()


def _cache_files() -> list[Path]:
    return sorted((Path(os.environ["XDG_CACHE_HOME"]) / "certassist").glob("toml-*.json"))


def test_an_edited_message_file_is_read_again_not_served_from_the_cache(
    own_messages: Path,
) -> None:
    assert render("E-read-empty", "en", file="a.pfx").startswith("The file a.pfx is empty.")
    cached_before = len(_cache_files())
    assert cached_before == len(list(own_messages.glob("*.toml")))
    reading = own_messages / "reading.toml"
    reading.write_text(
        reading.read_text(encoding="utf-8").replace(
            'en = "The file {file} is empty."', 'en = "Nothing in {file}."'
        ),
        encoding="utf-8",
    )
    catalog.cache_clear()
    assert render("E-read-empty", "en", file="a.pfx").startswith("Nothing in a.pfx.")
    assert len(_cache_files()) == cached_before + 1  # one per content; the old one stays unused


def test_a_damaged_cache_is_parsed_again(own_messages: Path) -> None:
    catalog()
    for cached in _cache_files():
        cached.write_bytes(b'{"E-read-empty": ')
    catalog.cache_clear()
    assert render("E-read-empty", "en", file="x").startswith("The file x is empty.")


def test_texts_still_load_when_the_cache_cannot_be_written(
    own_messages: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert render("E-read-empty", "en", file="x").startswith("The file x is empty.")


def test_a_duplicate_message_id_across_files_is_refused(own_messages: Path) -> None:
    (own_messages / "zz-extra.toml").write_text('["E-read-empty"]\nnl = "x"\nen = "x"\n')
    with pytest.raises(ValueError, match="duplicate message ids in zz-extra.toml"):
        catalog()

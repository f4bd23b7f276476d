"""The repository explains itself: docs/ names every rule's messages and every environment
variable the code reads, every `docs/…#anchor` cited exists, and nothing points outside."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TEXT_SUFFIXES = {".py", ".toml", ".md", ".iss", ".sh", ".yml", ".spec", ".txt", ""}
SKIP_PARTS = {".git", ".venv", "build", "dist", "__pycache__", "screenshots"}


def _repository_text_files() -> list[Path]:
    found: list[Path] = []
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if SKIP_PARTS & set(relative.parts) or not path.is_file():
            continue
        if path.suffix in TEXT_SUFFIXES and path.stat().st_size < 1_000_000:
            found.append(path)
    return found


def _catalog_ids() -> set[str]:
    ids: set[str] = set()
    for file in (ROOT / "resources" / "messages").glob("*.toml"):
        ids |= set(tomllib.loads(file.read_text(encoding="utf-8")))
    return ids


def _anchors(doc: Path) -> set[str]:
    return set(re.findall(r'<a id="([^"]+)"></a>', doc.read_text(encoding="utf-8")))


def test_every_rule_has_an_anchor() -> None:
    anchors = _anchors(DOCS / "rules.md")
    assert {f"r{n}" for n in range(1, 15)} | {"uzi-card", "kinds"} <= anchors


def test_every_kind_and_family_is_described() -> None:
    from certassist.core.kinds import KIND_TRAITS, Family

    rules = (DOCS / "rules.md").read_text(encoding="utf-8")
    architecture = (DOCS / "architecture.md").read_text(encoding="utf-8")
    assert sorted(k for k in KIND_TRAITS if f"(`{k}`)" not in rules) == []
    assert sorted(f for f in Family if f"`{f}`" not in architecture) == []


def test_every_message_of_a_rule_is_named_in_the_rules_page() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    rule_messages = {i for i in _catalog_ids() if re.match(r"[EWIA]-(R\d+|UZI-card)-", i)}
    assert rule_messages, "the catalogs have rule messages"
    assert sorted(i for i in rule_messages if f"`{i}`" not in text) == []


def test_message_ids_in_the_docs_exist() -> None:
    ids = _catalog_ids()
    for doc in DOCS.glob("*.md"):
        named = set(re.findall(r"`([EWIA]-[A-Za-z0-9-]+)`", doc.read_text(encoding="utf-8")))
        assert sorted(named - ids) == [], doc.name


def test_every_cited_docs_anchor_exists() -> None:
    cited = re.compile(r"docs/([a-z-]+\.md)#([a-z0-9-]+)")
    missing: list[str] = []
    for path in _repository_text_files():
        for doc, anchor in cited.findall(path.read_text(encoding="utf-8", errors="replace")):
            if not (DOCS / doc).is_file() or anchor not in _anchors(DOCS / doc):
                missing.append(f"{path.relative_to(ROOT)}: docs/{doc}#{anchor}")
    assert missing == []


@pytest.mark.parametrize(
    "outside",
    ["../" + "shared", "/work/" + "shared", "DOMAIN" + ".md", "DESIGN" + ".md", "FIELD" + "-NOTES"],
)
def test_nothing_points_outside_the_repository(outside: str) -> None:
    found = [
        str(p.relative_to(ROOT))
        for p in _repository_text_files()
        if outside in p.read_text(encoding="utf-8", errors="replace")
    ]
    assert found == []


def test_no_comment_cites_a_planning_issue_number() -> None:
    """Code explains itself or cites docs/, not the planning issue it was written for."""
    pattern = re.compile(r"\bissues? \d+\.\d+")
    found = [
        str(p.relative_to(ROOT))
        for p in _repository_text_files()
        if pattern.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []


def test_every_environment_variable_the_code_reads_is_documented() -> None:
    documented = (DOCS / "environment.md").read_text(encoding="utf-8")
    used: set[str] = set()
    for folder in ("certassist", "scripts", "tests", ".ci", "installers"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in TEXT_SUFFIXES:
                text = path.read_text(encoding="utf-8", errors="replace")
                used |= set(re.findall(r"CERTASSIST_[A-Z_]*[A-Z]_?", text))
    assert used, "the code reads CERTASSIST_* variables"
    assert sorted(v for v in used if f"`{v}" not in documented) == []

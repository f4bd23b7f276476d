"""The interface language reaches every text, including the names of places (store labels)."""

from __future__ import annotations

from tests.cli.test_inspect import run


def test_english_list_has_no_dutch_place_names() -> None:
    english = run("--demo", "list", lang="en")
    dutch = run("--demo", "list", lang="nl")
    assert "Backup folder (demo)" in english.stdout and "Back-upmap" not in english.stdout
    assert "Back-upmap (demo)" in dutch.stdout and "Backup folder" not in dutch.stdout
    assert "expired" in english.stdout and "verlopen" in dutch.stdout

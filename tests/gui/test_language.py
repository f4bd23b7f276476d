"""Dutch by default, English through the Qt translation compiled at test time."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from certassist.gui.i18n import choose_language, install_language, qm_file, qt_tool, ts_file

GUI = Path(__file__).resolve().parents[2] / "certassist" / "gui"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")  # type: ignore[misc]
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


def test_every_text_in_the_code_has_an_english_translation(tmp_path: Path) -> None:
    lupdate = qt_tool("pyside6-lupdate")
    assert lupdate, "PySide6's pyside6-lupdate belongs to the test environment"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = _messages(fresh)
    translated = _messages(ts_file("en"))
    assert len(in_code) > 150
    missing = [
        key
        for key in in_code
        if key not in translated
        or translated[key].get("type") == "unfinished"
        or not (translated[key].text or "").strip()
    ]
    assert missing == []


def test_english_is_compiled_and_loaded(qapp: Any) -> None:
    path = qm_file("en")
    assert path is not None and path.stat().st_size > 1000
    from certassist.gui.i18n import translate

    try:
        assert install_language("en")
        assert translate("StartPage", "Mijn certificaten") == "My certificates"
    finally:
        install_language("nl")
    assert translate("StartPage", "Mijn certificaten") == "Mijn certificaten"


def test_language_choice_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTASSIST_LANG", "en")
    assert choose_language(None) == "en"
    assert choose_language("nl") == "nl"
    monkeypatch.delenv("CERTASSIST_LANG")
    from PySide6.QtCore import QLocale

    expected = "en" if QLocale.system().name().startswith("en") else "nl"
    assert choose_language(None) == expected


def test_start_page_in_english(make_ctx: Any, qtbot: QtBot) -> None:
    from tests.gui.flow_driver import shown_window

    install_language("en")
    try:
        window = shown_window(qtbot, make_ctx(lang="en"))
        model = window.start.model
        headers = [
            model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())
        ]
        assert headers == ["Certificate", "Kind", "Where", "Expires", "Status"]
        statuses = {model.index(r, 4).data() for r in range(model.rowCount())}
        assert "● renew" in statuses and "● backup missing" in statuses
        assert "sandbox" in window.banner.text()
        window.start.table.selectRow(0)  # the soonest expiry: the colleague's expired one
        assert "expired" in window.start.detail.text().lower()  # catalog text, same language
    finally:
        install_language("nl")


def test_switching_language_rebuilds_the_window(window: Any, qtbot: QtBot) -> None:
    window.language.setCurrentIndex(1)
    try:
        qtbot.waitSignal(window.start.loaded, timeout=20000)
        assert window.ctx.lang == "en"
        assert window.start.buttons["backup"].text() == "Make a backup"
    finally:
        install_language("nl")

"""Plain words on every page: Dutch dates, plurals, no rule codes or format names in the main
text, a busy line while a file is read, "poging 2 van 3", focus in the first field; and one
place for escaping, colours and labels."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from certassist.core.models import StoreKind, StoreTarget
from certassist.demo.sandbox import DEMO_PASSWORD
from certassist.gui.labels import kind_and_environment, kind_label
from certassist.gui.words import details, escape, plain, say, say_text, shown_date
from certassist.stores.fake import FakeStore
from tests.gui.conftest import TODAY
from tests.gui.flow_driver import (
    choose_file,
    next_to,
    press_next_expect_error,
    shown_window,
    walk_to,
)
from tests.pki import TestPKI

GUI = Path(__file__).resolve().parents[2] / "certassist" / "gui"


def test_catalog_texts_get_dutch_dates_and_lose_their_rule_codes(qapp: Any) -> None:
    text = say("W-R7-renew-now", "nl", {"expiry": "2026-12-18", "days": 15})
    assert "18-12-2026" in text and "2026-12-18" not in text
    assert "R7" not in text and "regel" not in text
    assert shown_date("2026-12-03", "nl") == "3-12-2026"
    assert shown_date("niet een datum", "nl") == "niet een datum"
    assert "R3" not in say("E-R3-system-in-browser", "nl", {"store": "firefox"})


def test_format_names_stay_out_of_the_main_text(qapp: Any) -> None:
    text = plain("Kies het Windows-certificaatarchief of een PKCS#12-bestand (.pfx).")
    assert "PKCS" not in text and "back-upbestand (.pfx)" in text
    text = plain("Maak een nieuwe back-up (PKCS#12, AES of 3DES) en gebruik die.")
    assert "PKCS" not in text and text == "Maak een nieuwe back-up en gebruik die."


def test_one_backup_is_not_back_ups(qapp: Any) -> None:
    one = say_text("I-ops-backup-done", "nl", {"count": 1, "folder": "E:\\"})
    many = say_text("I-ops-backup-done", "nl", {"count": 3, "folder": "E:\\"})
    assert one.startswith("1 back-up gemaakt") and "(s)" not in one
    assert many.startswith("3 back-up")
    assert "(s)" not in say_text("I-ops-backup-done", "en", {"count": 1, "folder": "E:\\"})


def test_details_name_the_rule_and_the_message(qapp: Any) -> None:
    assert details("E-R1-not-rightful-user", "R1") == "regel R1 · E-R1-not-rightful-user"


def test_unknown_kind_is_a_plain_label_not_an_error(qapp: Any) -> None:
    assert kind_label("made-up-kind") == "made-up-kind"
    assert kind_and_environment("made-up-kind", "staging") == "made-up-kind (staging)"
    assert kind_label("vecozo-personal") == "VECOZO persoonlijk"


def test_a_profile_name_is_shown_as_text_not_markup(make_ctx: Any, qtbot: QtBot) -> None:
    """A Firefox profile called "<b>Anna</b>" (anyone can name a profile) stays a name."""
    store = FakeStore("ff", "Firefox (<b>Anna</b> & co)", StoreTarget(StoreKind.FIREFOX))
    store.put(TestPKI(TODAY).expiring_in(200, "other"))
    window = shown_window(qtbot, make_ctx(stores=[store]))
    window.start.table.selectRow(0)
    detail = window.start.detail.text()
    assert "&lt;b&gt;Anna&lt;/b&gt; &amp; co" in detail and "<b>Anna</b>" not in detail
    assert escape("<a href='x'>") == "&lt;a href=&#39;x&#39;&gt;"


def test_colours_come_from_the_palette_only() -> None:
    offenders = [
        f"{path.name}: {match}"
        for path in GUI.rglob("*.py")
        if path.name != "palette.py"
        for match in re.findall(r"#[0-9a-fA-F]{6}\b", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_wrong_password_counts_the_tries(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard = window.open_flow("install")
    page = walk_to(qtbot, wizard, "choose_file", who="Anna de Vries")
    choose_file(wizard, str(ctx.backup_dir / "nieuw-persoonlijk-certificaat.pfx"), "fout")
    first = press_next_expect_error(qtbot, wizard)
    assert "(poging 1 van 3)" in first
    qtbot.waitUntil(lambda: page.busy is None)
    page.error.setVisible(False)
    second = press_next_expect_error(qtbot, wizard)
    assert "(poging 2 van 3)" in second and second != first
    assert page.password.edit.hasFocus() and page.password.edit.selectedText() == "fout"
    qtbot.waitUntil(lambda: page.busy is None)
    page.error.setVisible(False)
    third = press_next_expect_error(qtbot, wizard)
    assert "(poging 3 van 3)" in third and "juiste bestand" in third
    wizard.reject()


def test_reading_a_file_says_it_is_busy(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard = window.open_flow("install")
    page = walk_to(qtbot, wizard, "choose_file", who="Anna de Vries")
    choose_file(wizard, str(ctx.backup_dir / "nieuw-persoonlijk-certificaat.pfx"), DEMO_PASSWORD)
    wizard.next()
    assert page.busy_row.isVisibleTo(page)
    assert page.busy_text.text() == "Het bestand wordt gelezen…"
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.pages["choose_target"], timeout=20000)
    assert not page.busy_row.isVisibleTo(page)
    wizard.reject()


def test_focus_lands_in_the_first_field_of_each_page(window: Any, qtbot: QtBot) -> None:
    window.activateWindow()
    wizard = window.open_flow("install")
    wizard.activateWindow()
    who_page = wizard.pages["who"]
    qtbot.waitUntil(lambda: who_page.name.hasFocus())
    who_page.name.setText("Anna de Vries")
    page = next_to(qtbot, wizard, "choose_file")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.path)
    wizard.reject()
    group = next(g for g in window.start.overview.groups if g.kind == "vecozo-system")
    wizard = window.open_flow("backup", group.fingerprint)
    wizard.activateWindow()
    target = walk_to(qtbot, wizard, "backup_target", who="Anna de Vries", contact=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target.folder)
    wizard.reject()


def test_english_counts_tries_too(qapp: Any) -> None:
    from certassist.gui.i18n import install_language, translate

    try:
        assert install_language("en")
        assert translate("ChooseFilePage", "(poging {n} van {max})") == "(attempt {n} of {max})"
        assert translate("StartPage", "&Opnieuw inlezen") == "&Reload"
    finally:
        install_language("nl")

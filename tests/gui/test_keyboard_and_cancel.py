"""Keyboard-only use, accessible names on every page, cancel during work, and `--demo` start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.gui.flow_driver import (
    backup_of_colleagues,
    current_name,
    next_to,
    shown_window,
    wait_plan,
    walk_to,
)

PASSWORD = "Paarse-Olifant-Danst-7"


def _tab_to(qtbot: QtBot, widget: Any, limit: int = 40) -> None:
    for _ in range(limit):
        if widget.hasFocus():
            return
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.text()}")


def test_backup_flow_with_the_keyboard_only(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    window.activateWindow()
    window.start.table.setFocus()
    qtbot.waitUntil(lambda: window.start.table.hasFocus())
    # Ctrl+End: last row (Anna, everywhere, ok)
    QTest.keyClick(window.start.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.start.selected_group().holder == "Anna de Vries"
    button = window.start.buttons["backup"]
    _tab_to(qtbot, button)
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.wizard is not None and window.wizard.isVisible())
    wizard = window.wizard
    who_page = wizard.pages["who"]
    qtbot.waitUntil(lambda: who_page.name.hasFocus() or who_page.holder_box.hasFocus())
    focus = QApplication.focusWidget()
    if focus is who_page.holder_box:
        QTest.keyClick(focus, Qt.Key.Key_Space)  # "Ik ben Anna de Vries"
    else:
        QTest.keyClicks(focus, "Anna de Vries")
    assert who_page.name.text() == "Anna de Vries"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: current_name(wizard) == "choose_certificate")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: current_name(wizard) == "backup_target")
    target = wizard.pages["backup_target"]
    target.folder.setFocus()
    target.folder.selectAll()
    QTest.keyClicks(target.folder, str(tmp_path / "usb"))
    QTest.keyClick(target.folder, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # &Wachtwoord
    assert target.password.edit.hasFocus()
    QTest.keyClicks(target.password.edit, PASSWORD)
    QTest.keyClick(target.password.edit, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert target.repeat.edit.hasFocus()
    QTest.keyClicks(target.repeat.edit, PASSWORD)
    QTest.keyClick(target.repeat.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: current_name(wizard) == "check")
    check = wait_plan(qtbot, wizard)
    box = next(iter(check.boxes.values()))
    qtbot.waitUntil(box.hasFocus)
    QTest.keyClick(box, Qt.Key.Key_Space)
    QTest.keyClick(box, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # &Uitvoeren
    qtbot.waitUntil(lambda: current_name(wizard) == "result", timeout=30000)
    assert len(list((tmp_path / "usb").glob("*.pfx"))) == 1


def test_caps_lock_is_noticed_from_typed_letters(window: Any, qtbot: QtBot) -> None:
    wizard = window.open_flow("install")
    page = walk_to(qtbot, wizard, "choose_file", who="Anna de Vries")
    field = page.password
    QTest.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, 0)
    assert not field.caps.isVisibleTo(page)
    # An upper-case letter without Shift is what caps lock produces.
    from PySide6.QtGui import QKeyEvent

    event = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier, "B")
    QApplication.sendEvent(field.edit, event)
    assert field.caps.isVisibleTo(page)
    assert field.edit.echoMode() == QLineEdit.EchoMode.Password
    field.toggle.click()
    assert field.edit.echoMode() == QLineEdit.EchoMode.Normal


def test_every_wizard_page_names_its_inputs(window: Any, qtbot: QtBot) -> None:
    for flow in ("install", "backup", "copy", "remove", "renew", "restore", "spread"):
        wizard = window.open_flow(flow)
        for page in wizard.pages.values():
            for widget in page.findChildren(QLineEdit) + page.findChildren(QAbstractButton):
                assert widget.accessibleName() or getattr(widget, "text", lambda: "")(), (
                    flow,
                    type(page).__name__,
                    widget,
                )
        wizard.reject()


def test_cancel_during_a_backup_stops_between_certificates(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    _window, wizard = backup_of_colleagues(qtbot, make_ctx, tmp_path / "usb", PASSWORD)
    run = next_to(qtbot, wizard, "run")
    assert not wizard.button(wizard.WizardButton.CancelButton).isEnabled()  # no orphaned work
    qtbot.waitUntil(lambda: run.bar.value() >= 1, timeout=20000)
    run.cancel.click()
    qtbot.waitUntil(lambda: current_name(wizard) == "result", timeout=60000)
    assert wizard.pages["result"].title() == "Afgebroken"
    assert len(list((tmp_path / "usb").glob("*.pfx"))) < 5


def test_demo_context_opens_on_the_sandbox_with_a_banner(qapp: Any, qtbot: QtBot) -> None:
    from certassist.gui.app import build_context

    ctx = build_context(demo=True, lang="nl")
    window = shown_window(qtbot, ctx)
    assert window.banner is not None and window.banner.isVisible()
    assert [s.label for s in ctx.stores] == [  # type: ignore[attr-defined]
        "Windows (demo)",
        "Firefox (demo-profiel)",
        "Back-upmap (demo)",
    ]
    assert window.start.model.rowCount() == 6


def test_certassist_demo_starts_and_shows_its_first_page(tmp_path: Path) -> None:
    """The real entry point in its own process (as `certassist --demo` runs it)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, CERTASSIST_BENCHMARK_EXIT="1", QT_QPA_PLATFORM="offscreen")
    code = "from certassist.cli import main; raise SystemExit(main(['--demo']))"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "certassist-first-page-shown" in done.stdout

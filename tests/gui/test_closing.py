"""No way out that loses a result, and no page without a way forward or back.

Esc or the window's close button during an operation used to end the wizard while the work went
on unseen. Now the wizard asks to wait, the work finishes, and its result page is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.gui.flow_driver import (
    backup_of_colleagues,
    confirm_all,
    current_name,
    next_to,
    walk_to,
)

PASSWORD = "Paarse-Olifant-Danst-7"


def _running_backup(make_ctx: Any, qtbot: QtBot, tmp_path: Path) -> tuple[Any, Any]:
    window, wizard = backup_of_colleagues(qtbot, make_ctx, tmp_path / "usb", PASSWORD)
    next_to(qtbot, wizard, "run")
    return window, wizard


def test_escape_and_close_during_a_backup_ask_to_wait_then_show_the_result(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    window, wizard = _running_backup(make_ctx, qtbot, tmp_path)
    run = wizard.pages["run"]
    assert run.busy is not None  # the operation is running
    QTest.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()
    assert wizard.wait_box is not None and wizard.wait_box.isVisible()
    assert "Even wachten" in wizard.wait_box.text()
    wizard.wait_box.close()
    wizard.close()  # the window's close button
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: current_name(wizard) == "result", timeout=60000)
    assert wizard.pages["result"].title() == "Gelukt"
    assert len(list((tmp_path / "usb").glob("*.pfx"))) == 5
    with qtbot.waitSignal(window.start.loaded, timeout=20000):
        QTest.keyClick(wizard, Qt.Key.Key_Escape)  # now it closes, and the overview reloads
    assert not wizard.isVisible()


def test_closing_before_the_operation_starts_just_closes(window: Any, qtbot: QtBot) -> None:
    wizard = window.open_flow("install")
    QTest.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and wizard.wait_box is None


def _renew(window: Any, qtbot: QtBot, kind: str) -> Any:
    group = next(g for g in window.start.overview.groups if g.kind == kind)
    wizard = window.open_flow("renew", group.fingerprint)
    walk_to(qtbot, wizard, "renew_guide", who="Anna de Vries", contact=True)
    return wizard


def test_uzi_request_page_has_a_way_back_and_out(window: Any, qtbot: QtBot) -> None:
    """The dead end of the issue: only a greyed-out "Sluiten" on the request page."""
    wizard = _renew(window, qtbot, "uzi-server")
    next_to(qtbot, wizard, "uzi_request")
    back = wizard.button(QWizard.WizardButton.BackButton)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    assert back.isVisible() and back.isEnabled()
    assert cancel.isVisible() and cancel.isEnabled()
    back.click()
    assert current_name(wizard) == "renew_guide"
    wizard.reject()


def test_vecozo_guide_can_go_back_and_on(window: Any, qtbot: QtBot) -> None:
    wizard = _renew(window, qtbot, "vecozo-system")
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert back.isVisible() and back.isEnabled()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # on to the wait
    wizard.reject()


def test_result_page_offers_only_close(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    group = next(g for g in window.start.overview.groups if g.holder == "Bram Jansen")
    wizard = window.open_flow("remove", group.fingerprint)
    walk_to(qtbot, wizard, who="Anna de Vries", contact=True)
    confirm_all(wizard.pages["check"])
    next_to(qtbot, wizard, "run")
    qtbot.waitUntil(lambda: current_name(wizard) == "result", timeout=30000)
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.accept()

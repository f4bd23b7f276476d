"""Drive a wizard page by page as a user would (keyboard-free helpers for the flow tests)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

TIMEOUT = 20000


def open_flow(window: Any, flow: str, fingerprint: str = "") -> Any:
    return window.open_flow(flow, fingerprint)


def current_name(wizard: Any) -> str:
    page = wizard.currentPage()
    return next(name for name, p in wizard.pages.items() if p is page)


def next_to(qtbot: QtBot, wizard: Any, name: str) -> Any:
    """Press Next and wait until the wizard shows page `name` (validation may run in a worker)."""
    assert wizard.currentPage().isComplete(), f"Next is disabled on {current_name(wizard)}"
    wizard.next()
    qtbot.waitUntil(lambda: current_name(wizard) == name, timeout=TIMEOUT)
    return wizard.pages[name]


def press_next_expect_error(qtbot: QtBot, wizard: Any) -> str:
    page = wizard.currentPage()
    wizard.next()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=TIMEOUT)
    assert wizard.currentPage() is page
    return str(page.error.text())


def who(qtbot: QtBot, wizard: Any, name: str, contact: bool = False) -> None:
    page = wizard.pages["who"]
    page.name.setText(name)
    page.contact.setChecked(contact)


def wait_plan(qtbot: QtBot, wizard: Any) -> Any:
    page = wizard.pages["check"]
    qtbot.waitUntil(
        lambda: wizard.state.plan is not None or page.error.isVisible(), timeout=TIMEOUT
    )
    return page


def confirm_all(page: Any) -> None:
    for box in page.boxes.values():
        box.setChecked(True)


def choose_file(wizard: Any, path: str, password: str) -> None:
    page = wizard.pages["choose_file"]
    page.path.setText(path)
    page.password.edit.setText(password)


def check_targets(wizard: Any, labels: list[str]) -> None:
    page = wizard.pages["choose_target"]
    for i in range(page.list.count()):
        item = page.list.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.text() in labels else Qt.CheckState.Unchecked
        )


def run_to_result(qtbot: QtBot, wizard: Any) -> Any:
    next_to(qtbot, wizard, "run")
    qtbot.waitUntil(lambda: current_name(wizard) == "result", timeout=TIMEOUT)
    return wizard.pages["result"]

"""Drive a wizard page by page as a user would (keyboard-free helpers for the flow tests).

`walk_to` is the one way a test gets a wizard to a page: it fills each page it passes with
what the test gave (who, file, places, backup folder and password, a backup to remove with)
and presses Next, so a test names only what matters to it. `shown_window` opens the main
window over a context and waits for the overview; `run_confirmed` ticks the check page's
boxes and runs the operation to its result page.
"""

from __future__ import annotations

from pathlib import Path
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


def shown_window(qtbot: QtBot, ctx: Any, loaded: str = "loaded") -> Any:
    """The main window over `ctx`, shown, once its overview is read (`loaded`) or checked."""
    from certassist.gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(getattr(window.start, loaded), timeout=TIMEOUT):
        window.show()
    return window


def _fill(wizard: Any, name: str, given: dict[str, Any]) -> None:
    page = wizard.pages[name]
    if name == "who" and given.get("who") is not None:
        page.name.setText(given["who"])
        page.contact.setChecked(bool(given.get("contact")))
    elif name == "choose_file" and given.get("file") is not None:
        choose_file(wizard, str(given["file"]), given.get("password") or "")
    elif name == "choose_target":
        if given.get("targets") is not None:
            check_targets(wizard, given["targets"])
        page.move_box.setChecked(bool(given.get("move")))
    elif name == "backup_target" and given.get("folder") is not None:
        page.folder.setText(str(given["folder"]))
        page.password.edit.setText(given["backup_password"])
        page.repeat.edit.setText(given.get("repeat", given["backup_password"]))
    elif name == "remove_backup" and given.get("backup") is not None:
        page.with_file.setChecked(True)
        page.path.setText(str(given["backup"]))
        page.password.edit.setText(given["backup_password"])


def walk_to(
    qtbot: QtBot,
    wizard: Any,
    until: str = "check",
    *,
    who: str | None = None,
    contact: bool = False,
    file: Path | str | None = None,
    password: str | None = None,
    targets: list[str] | None = None,
    move: bool = False,
    folder: Path | str | None = None,
    backup_password: str = "",
    backup: Path | str | None = None,
) -> Any:
    """Fill and leave every page up to `until` and return that page; on the check page, once
    the plan (or its error) is there. A page that refuses to go on fails with its error."""
    given = dict(who=who, contact=contact, file=file, password=password, targets=targets)
    given.update(move=move, folder=folder, backup_password=backup_password, backup=backup)
    while (name := current_name(wizard)) != until:
        _fill(wizard, name, given)
        page = wizard.currentPage()
        qtbot.waitUntil(lambda p=page: p.busy is None, timeout=TIMEOUT)  # a list being read
        assert page.isComplete(), f"Next is disabled on {name}"
        wizard.next()
        qtbot.waitUntil(
            lambda n=name, p=page: current_name(wizard) != n or p.error.isVisible(),
            timeout=TIMEOUT,
        )
        assert current_name(wizard) != name, f"{name}: {page.error.text()}"
    if until == "check":
        wait_plan(qtbot, wizard)
    return wizard.pages[until]


def run_confirmed(qtbot: QtBot, wizard: Any) -> Any:
    """On the check page: tick every confirmation, run, and return the result page."""
    confirm_all(wizard.pages["check"])
    return run_to_result(qtbot, wizard)


def colleagues(count: int, store_id: str = "many") -> Any:
    """A Windows store of `count` made-up colleagues' "other" certificates (with keys)."""
    from certassist.core.models import StoreKind, StoreTarget
    from certassist.stores.fake import FakeStore
    from tests.gui.conftest import TODAY
    from tests.pki import TestPKI

    pki = TestPKI(TODAY)
    store = FakeStore(store_id, f"Windows ({count})", StoreTarget(StoreKind.WINDOWS_USER))
    for i in range(count):
        store.put(pki.issue("other", common_name=f"Medewerker {i:02d} (VERZONNEN)"))
    return store


def backup_of_colleagues(
    qtbot: QtBot, make_ctx: Any, folder: Path, password: str, count: int = 5
) -> tuple[Any, Any]:
    """The main window over `count` colleagues and a backup of all of them, confirmed on the
    check page and not yet started: the next press of Next runs it."""
    window = shown_window(qtbot, make_ctx(stores=[colleagues(count)]))
    wizard = window.open_flow("backup")
    walk_to(qtbot, wizard, who="Anna de Vries", contact=True, folder=folder,
            backup_password=password)  # fmt: skip
    confirm_all(wizard.pages["check"])
    return window, wizard

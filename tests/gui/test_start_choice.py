"""The start page acts on what the user chose, and after every wizard shows what changed.

Like Firefox's certificate manager: nothing is chosen when the page opens, the buttons that act
on one certificate stay grey until a row is chosen, and then act on that row. When a wizard
closes, the stores are read again and the certificate it changed is chosen and scrolled into
view, with the status it has now.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from certassist.core.models import StoreKind, StoreTarget
from certassist.demo.sandbox import DEMO_PASSWORD
from certassist.gui.start_page import NEEDS_SELECTION
from certassist.stores.fake import FakeStore
from tests.gui.conftest import TODAY
from tests.gui.flow_driver import next_to, run_confirmed, shown_window, walk_to, who
from tests.pki import TestPKI

PASSWORD = "Paarse-Olifant-Danst-7"


def _row_of(window: Any, fingerprint: str) -> int:
    return next(i for i, g in enumerate(window.start.model.groups) if g.fingerprint == fingerprint)


def _close_and_reload(qtbot: QtBot, window: Any, wizard: Any) -> None:
    with qtbot.waitSignal(window.start.loaded, timeout=20000):
        wizard.accept()


def test_nothing_is_chosen_until_the_user_chooses(window: Any) -> None:
    start = window.start
    assert start.model.rowCount() == 6
    assert start.selected_group() is None
    for flow in NEEDS_SELECTION:
        assert not start.buttons[flow].isEnabled(), flow
    for flow in ("install", "restore", "backup", "uzi_pair"):
        assert start.buttons[flow].isEnabled(), flow
    assert "Kies een certificaat" in start.detail.text()


def test_buttons_act_on_the_chosen_row_not_the_first(window: Any, qtbot: QtBot) -> None:
    start = window.start
    system = next(g for g in start.model.groups if g.kind == "vecozo-system")
    start.table.selectRow(_row_of(window, system.fingerprint))
    assert all(start.buttons[f].isEnabled() for f in NEEDS_SELECTION)
    start.buttons["remove"].click()
    assert window.wizard.flow == "remove" and window.wizard.state.preselected == system.fingerprint
    window.wizard.reject()
    start.buttons["backup"].click()
    who(qtbot, window.wizard, "Anna de Vries", contact=True)
    page = next_to(qtbot, window.wizard, "choose_certificate")
    ticked = [g.fingerprint for g in page.chosen()]
    assert ticked == [system.fingerprint]  # only the chosen one, not the first row's
    window.wizard.reject()


def test_installing_from_a_file_never_takes_the_chosen_row(window: Any, qtbot: QtBot) -> None:
    """The issue's report: with a colleague's row chosen, "Installeren uit bestand" asked
    "Ik ben Bram Jansen". A file brings its own certificate."""
    start = window.start
    bram = next(g for g in start.model.groups if g.holder == "Bram Jansen")
    start.table.selectRow(_row_of(window, bram.fingerprint))
    start.buttons["install"].click()
    wizard = window.wizard
    assert wizard.state.preselected is None
    assert not wizard.pages["who"].holder_box.isVisibleTo(wizard.pages["who"])
    wizard.reject()


def test_after_an_install_the_new_certificate_is_chosen_and_in_view(
    make_ctx: Any, qtbot: QtBot
) -> None:
    """Twenty colleagues expire before the new certificate: its row is at the bottom, off
    screen, until the start page scrolls to it."""
    pki = TestPKI(TODAY)
    many = FakeStore("many", "Windows (20)", StoreTarget(StoreKind.WINDOWS_USER))
    for i in range(20):
        many.put(pki.expiring_in(30 + i, "other", common_name=f"Medewerker {i:02d} (VERZONNEN)"))
    ctx = make_ctx()
    ctx.stores = [many, *ctx.stores]
    window = shown_window(qtbot, ctx)
    wizard = window.open_flow("install")
    new_file = ctx.backup_dir / "nieuw-persoonlijk-certificaat.pfx"
    walk_to(qtbot, wizard, who="Anna de Vries", file=new_file, password=DEMO_PASSWORD,
            targets=["Windows (demo)"])  # fmt: skip
    run_confirmed(qtbot, wizard)
    new = wizard.state.result.fingerprints[0]
    _close_and_reload(qtbot, window, wizard)
    start = window.start
    assert start.selected_fingerprint() == new
    row = _row_of(window, new)
    assert row > 10  # far down the list
    rect = start.table.visualRect(start.model.index(row, 0))
    assert start.table.viewport().rect().contains(rect.center())  # scrolled into view


def test_a_verified_backup_clears_backup_missing_after_the_wizard(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    """The issue's report: "back-up ontbreekt" stayed after a verified backup. A backup into
    the practice's registered backup folder is a place of the certificate from then on."""
    from certassist.core.settings import PracticeSettings, save_settings

    usb = tmp_path / "usb"
    settings = tmp_path / "settings.json"
    save_settings(PracticeSettings(backup_folders=(usb,)), settings)
    ctx = make_ctx(settings_path=settings)
    usb.mkdir()
    window = shown_window(qtbot, ctx)
    system = next(g for g in window.start.model.groups if g.kind == "vecozo-system")
    assert str(system.status.status) == "backup-missing"
    window.start.table.selectRow(_row_of(window, system.fingerprint))
    window.start.buttons["backup"].click()
    wizard = window.wizard
    walk_to(qtbot, wizard, who="Anna de Vries", contact=True, folder=usb, backup_password=PASSWORD)
    run_confirmed(qtbot, wizard)
    _close_and_reload(qtbot, window, wizard)
    chosen = window.start.selected_group()
    assert chosen is not None and chosen.fingerprint == system.fingerprint
    assert str(chosen.status.status) != "backup-missing"
    assert any(p.is_backup for p in chosen.places)


def test_a_backup_on_a_stick_that_is_no_store_is_remembered_by_the_window(
    window: Any, ctx: Any, qtbot: QtBot
) -> None:
    """A backup to a folder that is not registered (a USB stick) is no place of the certificate,
    but the window's own record of it (the demo's, in the demo) clears "back-up ontbreekt" and
    names the last backup, as `list` does."""
    system = next(g for g in window.start.model.groups if g.kind == "vecozo-system")
    assert str(system.status.status) == "backup-missing"
    window.start.table.selectRow(_row_of(window, system.fingerprint))
    window.start.buttons["backup"].click()
    wizard = window.wizard
    stick = Path(ctx.backup_dir) / "usb-stick"
    walk_to(
        qtbot, wizard, who="Anna de Vries", contact=True, folder=stick, backup_password=PASSWORD
    )
    run_confirmed(qtbot, wizard)
    _close_and_reload(qtbot, window, wizard)
    chosen = window.start.selected_group()
    assert chosen is not None and chosen.fingerprint == system.fingerprint
    assert str(chosen.status.status) != "backup-missing"
    assert chosen.last_backup is not None and str(stick) in str(chosen.last_backup.file)


def test_after_a_remove_the_row_is_gone_and_nothing_is_chosen(window: Any, qtbot: QtBot) -> None:
    start = window.start
    bram = next(g for g in start.model.groups if g.holder == "Bram Jansen")
    start.table.selectRow(_row_of(window, bram.fingerprint))
    start.buttons["remove"].click()
    wizard = window.wizard
    walk_to(qtbot, wizard, who="Anna de Vries", contact=True)
    run_confirmed(qtbot, wizard)
    _close_and_reload(qtbot, window, wizard)
    assert all(g.fingerprint != bram.fingerprint for g in start.model.groups)
    assert start.selected_group() is None
    assert not start.buttons["remove"].isEnabled()


def test_a_cancelled_wizard_reloads_and_keeps_the_choice(window: Any, qtbot: QtBot) -> None:
    start = window.start
    anna = next(g for g in start.model.groups if g.environment == "acceptance")
    start.table.selectRow(_row_of(window, anna.fingerprint))
    start.buttons["copy"].click()
    with qtbot.waitSignal(start.loaded, timeout=20000):
        window.wizard.reject()
    assert start.selected_fingerprint() == anna.fingerprint


def test_banner_buttons_come_before_the_list_in_tab_order(window: Any, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.start.banner is not None and bool(window.start.banner.buttons()))
    order = []
    widget = window.settings_button
    for _ in range(200):
        order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is window.settings_button:
            break
    first_banner = window.start.banner.buttons()[0]
    assert order.index(window.language) < order.index(first_banner)  # top to bottom
    assert order.index(first_banner) < order.index(window.start.refresh_button)
    assert order.index(first_banner) < order.index(window.start.table)
    assert order.index(window.start.table) < order.index(window.start.buttons["install"])


def test_reload_and_renew_have_different_words(window: Any) -> None:
    reload_text = window.start.refresh_button.text().replace("&", "")
    assert "vernieuw" not in reload_text.lower()
    assert window.start.buttons["renew"].text() == "Vernieuwen"


def test_keyboard_choice_enables_the_buttons(window: Any, qtbot: QtBot) -> None:
    from PySide6.QtTest import QTest

    window.activateWindow()
    window.start.table.setFocus()
    qtbot.waitUntil(window.start.table.hasFocus)
    QTest.keyClick(window.start.table, Qt.Key.Key_Down)
    assert window.start.selected_group() is not None
    assert window.start.buttons["copy"].isEnabled()

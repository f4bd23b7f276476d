"""The wizard on a real NSS database (a Firefox profile in tmp_path), checked with certutil."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from certassist.core.models import StoreKind
from certassist.demo.sandbox import DEMO_PASSWORD
from tests.gui.flow_driver import (
    check_targets,
    choose_file,
    confirm_all,
    next_to,
    run_to_result,
    wait_plan,
    who,
)

pytestmark = [
    pytest.mark.linux_tools,
    pytest.mark.skipif(shutil.which("certutil") is None, reason="needs certutil"),
]

PASSWORD = "Paarse-Olifant-Danst-7"


@pytest.fixture
def nss_window(make_ctx: Any, qtbot: QtBot, tmp_path: Path) -> Any:
    from certassist.gui.main_window import MainWindow
    from certassist.stores.nss import NssStore

    profile = tmp_path / "firefox-profile"
    profile.mkdir()  # a profile Firefox never started: no cert9.db yet, certassist creates it
    store = NssStore(profile, StoreKind.FIREFOX, "Firefox (echt profiel)")
    ctx = make_ctx()
    ctx.stores = [store]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.start.loaded, timeout=30000):
        window.show()
    return window, profile


def _certutil_list(profile: Path) -> str:
    return subprocess.run(
        ["certutil", "-L", "-d", f"sql:{profile}"], capture_output=True, text=True, check=True
    ).stdout


def test_restore_into_firefox_then_back_up_from_it(
    nss_window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    window, profile = nss_window
    ctx = window.ctx
    wizard = window.open_flow("restore")
    who(qtbot, wizard, "Anna de Vries")
    next_to(qtbot, wizard, "choose_file")
    choose_file(wizard, str(ctx.backup_dir / "nieuw-persoonlijk-certificaat.pfx"), DEMO_PASSWORD)
    next_to(qtbot, wizard, "choose_target")
    check_targets(wizard, ["Firefox (echt profiel)"])
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    assert wizard.state.plan.allowed, check.summary.text()
    confirm_all(check)
    result = run_to_result(qtbot, wizard)
    assert wizard.state.result.ok, result.body.text()
    assert "Anna de Vries" in _certutil_list(profile)  # the independent oracle
    wizard.accept()

    window.start.refresh()
    qtbot.waitSignal(window.start.loaded, timeout=30000).wait()
    qtbot.waitUntil(lambda: window.start.model.rowCount() == 1, timeout=30000)
    group = window.start.model.groups[0]
    assert group.places[0].label == "Firefox (echt profiel)" and group.key_present

    wizard = window.open_flow("backup", group.fingerprint)
    who(qtbot, wizard, "Anna de Vries")
    next_to(qtbot, wizard, "choose_certificate")
    target = next_to(qtbot, wizard, "backup_target")
    target.folder.setText(str(tmp_path / "usb"))
    target.password.edit.setText(PASSWORD)
    target.repeat.edit.setText(PASSWORD)
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    confirm_all(check)
    run_to_result(qtbot, wizard)
    (backup,) = (tmp_path / "usb").glob("*.pfx")
    listed = subprocess.run(
        ["openssl", "pkcs12", "-in", str(backup), "-nokeys", "-passin", f"pass:{PASSWORD}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Anna de Vries" in listed


def test_system_certificate_refused_for_the_real_firefox_profile(
    nss_window: Any, qtbot: QtBot
) -> None:
    window, profile = nss_window
    wizard = window.open_flow("install")
    who(qtbot, wizard, "Anna de Vries", contact=True)
    next_to(qtbot, wizard, "choose_file")
    choose_file(wizard, str(window.ctx.backup_dir / "systeemcertificaat-backup.pfx"), DEMO_PASSWORD)
    next_to(qtbot, wizard, "choose_target")
    check_targets(wizard, ["Firefox (echt profiel)"])
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    assert "regel R3" in check.details_label.text()
    assert list(profile.iterdir()) == []  # refused before anything was written: not even a db

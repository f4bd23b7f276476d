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
from tests.gui.flow_driver import run_confirmed, shown_window, walk_to

pytestmark = [
    pytest.mark.linux_tools,
    pytest.mark.skipif(shutil.which("certutil") is None, reason="needs certutil"),
]

PASSWORD = "Paarse-Olifant-Danst-7"


@pytest.fixture
def nss_window(make_ctx: Any, qtbot: QtBot, tmp_path: Path) -> Any:
    from certassist.stores.nss import NssStore

    profile = tmp_path / "firefox-profile"
    profile.mkdir()  # a profile Firefox never started: no cert9.db yet, certassist creates it
    store = NssStore(profile, StoreKind.FIREFOX, "Firefox (echt profiel)")
    ctx = make_ctx()
    ctx.stores = [store]
    return shown_window(qtbot, ctx), profile


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
    check = walk_to(qtbot, wizard, who="Anna de Vries", password=DEMO_PASSWORD,
                    file=ctx.backup_dir / "nieuw-persoonlijk-certificaat.pfx",
                    targets=["Firefox (echt profiel)"])  # fmt: skip
    assert wizard.state.plan.allowed, check.summary.text()
    result = run_confirmed(qtbot, wizard)
    assert wizard.state.result.ok, result.body.text()
    assert "Anna de Vries" in _certutil_list(profile)  # the independent oracle
    wizard.accept()

    window.start.refresh()
    qtbot.waitSignal(window.start.loaded, timeout=30000).wait()
    qtbot.waitUntil(lambda: window.start.model.rowCount() == 1, timeout=30000)
    group = window.start.model.groups[0]
    assert group.places[0].label == "Firefox (echt profiel)" and group.key_present

    wizard = window.open_flow("backup", group.fingerprint)
    walk_to(qtbot, wizard, who="Anna de Vries", folder=tmp_path / "usb", backup_password=PASSWORD)
    run_confirmed(qtbot, wizard)
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
    check = walk_to(qtbot, wizard, who="Anna de Vries", contact=True, password=DEMO_PASSWORD,
                    file=window.ctx.backup_dir / "systeemcertificaat-backup.pfx",
                    targets=["Firefox (echt profiel)"])  # fmt: skip
    assert "regel R3" in check.details_label.text()
    assert list(profile.iterdir()) == []  # refused before anything was written: not even a db

"""The GUI demo keeps its word too: a backup outside the demo's own folder is refused on the
page (the same guard as `certassist --demo backup`), and nothing is written there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from tests.gui.flow_driver import next_to, open_flow, walk_to

BACKUP_PASSWORD = "Paarse-Olifant-Danst-7"


def test_demo_backup_outside_its_folder_is_refused(
    window: Any, qtbot: QtBot, ctx: Any, tmp_path_factory: Any
) -> None:
    outside = Path(tmp_path_factory.mktemp("usb-stick"))
    system = next(g for g in window.start.overview.groups if g.kind == "vecozo-system")
    wizard = open_flow(window, "backup", system.fingerprint)
    target = walk_to(qtbot, wizard, "backup_target", who="Anna de Vries", contact=True)
    for folder in (outside, Path(ctx.backup_dir) / ".." / "elders"):
        target.folder.setText(str(folder))
        target.password.edit.setText(BACKUP_PASSWORD)
        target.repeat.edit.setText(BACKUP_PASSWORD)
        wizard.next()
        assert wizard.currentPage() is target and target.error.isVisible()
        assert "De demo schrijft alleen in zijn eigen map" in target.error.text()
    assert list(outside.iterdir()) == []
    target.folder.setText(str(Path(ctx.backup_dir) / "usb"))  # inside the demo folder: fine
    target.password.edit.setText(BACKUP_PASSWORD)
    target.repeat.edit.setText(BACKUP_PASSWORD)
    next_to(qtbot, wizard, "check")

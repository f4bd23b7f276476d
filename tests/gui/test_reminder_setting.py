"""Reminders on and off from the settings dialog, with the same scheduled task as the CLI.

Only crypt32 is faked elsewhere; here `schtasks` is: the runner records the exact command lines
(`ops.reminders` builds them) and answers like Windows does, so the dialog is tested on Linux.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from certassist.ops.reminders import Reminders, RunResult

EXE = "C:\\Program Files\\certassist\\certassist.exe"


class FakeSchtasks:
    """Keeps one task, like Task Scheduler: /Create makes it, /Delete removes it."""

    def __init__(self, present: bool = False, refuse: bool = False) -> None:
        self.present = present
        self.refuse = refuse
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> RunResult:
        self.calls.append(list(argv))
        verb = argv[1]
        if verb == "/Query":
            return (
                RunResult(0, "Volgende uitvoering: 4-12-2026 09:00:00\n")
                if self.present
                else RunResult(1, "", "ERROR: not found")
            )
        if self.refuse:
            return RunResult(1, "", "Toegang geweigerd.")
        self.present = verb == "/Create"
        return RunResult(0, "SUCCESS")


def _dialog(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path, runner: FakeSchtasks, demo: bool = True
) -> Any:
    from certassist.gui.settings_dialog import SettingsDialog

    reminders = Reminders(EXE, runner=runner, platform="win32", task="herinnering (anna)")
    ctx = make_ctx(settings_path=tmp_path / "settings.json")
    ctx.demo = demo
    ctx.extra["reminders"] = reminders
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def test_switching_the_reminder_on_creates_the_daily_task(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    runner = FakeSchtasks()
    dialog = _dialog(make_ctx, qtbot, tmp_path, runner, demo=False)
    section = dialog.reminders
    qtbot.waitUntil(section.box.isEnabled)  # the task's state is read in a worker
    assert not section.box.isChecked() and "staat uit" in section.note.text()
    section.box.setChecked(True)
    assert not any(c[1] == "/Create" for c in runner.calls)  # nothing before "Opslaan"
    assert dialog.save()
    create = next(c for c in runner.calls if c[1] == "/Create")
    assert create[create.index("/TR") + 1] == f'"{EXE}" check --notify'
    assert create[create.index("/SC") + 1] == "DAILY"
    assert runner.present and "staat aan" in section.note.text()


def test_switching_it_off_deletes_the_task(make_ctx: Any, qtbot: QtBot, tmp_path: Path) -> None:
    runner = FakeSchtasks(present=True)
    dialog = _dialog(make_ctx, qtbot, tmp_path, runner, demo=False)
    section = dialog.reminders
    qtbot.waitUntil(section.box.isEnabled)
    assert section.box.isChecked() and "4-12-2026" in section.note.text()
    section.box.setChecked(False)
    assert dialog.save()
    assert any(c[1] == "/Delete" for c in runner.calls) and not runner.present


def test_a_refusal_keeps_the_dialog_open_with_the_reason(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    runner = FakeSchtasks(refuse=True)
    dialog = _dialog(make_ctx, qtbot, tmp_path, runner, demo=False)
    section = dialog.reminders
    qtbot.waitUntil(section.box.isEnabled)
    section.box.setChecked(True)
    assert not dialog.save()
    assert "Toegang geweigerd" in section.note.text()


def test_not_on_windows_or_in_the_demo_the_box_says_why(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    from certassist.gui.settings_dialog import SettingsDialog

    ctx = make_ctx(settings_path=tmp_path / "s.json")
    ctx.demo = False
    ctx.extra["reminders"] = Reminders(EXE, runner=FakeSchtasks(), platform="linux")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.reminders.box.isEnabled()
    assert "alleen op Windows" in dialog.reminders.note.text()
    runner = FakeSchtasks()
    demo = _dialog(make_ctx, qtbot, tmp_path, runner)  # the sandbox: nothing on this PC changes
    assert not demo.reminders.box.isEnabled() and "demo" in demo.reminders.note.text()
    assert demo.save() and runner.calls == []

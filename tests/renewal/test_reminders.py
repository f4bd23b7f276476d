"""The daily scheduled task: exact argv, injected runner, 'not available' off Windows; and the
notification text built from a check report."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Environment, Kind, StoreKind, StoreTarget
from certassist.core.names import format_day
from certassist.core.settings import PracticeSettings
from certassist.ops.check import run_check
from certassist.ops.reminders import (
    Reminders,
    RunResult,
    create_argv,
    notification_text,
    task_name,
)
from certassist.stores.fake import FakeStore
from tests.pki import TestPKI

from .conftest import TODAY

EXE = r"C:\Program Files\certassist\certassist.exe"


class RecordingSchtasks:
    """Stands in for schtasks.exe (absent here): remembers the task like Task Scheduler does."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.task: str | None = None

    def __call__(self, argv: Sequence[str]) -> RunResult:
        argv = list(argv)
        self.calls.append(argv)
        verb = argv[1]
        if verb == "/Create":
            self.task = argv[argv.index("/TR") + 1]
            return RunResult(0, "SUCCESS")
        if verb == "/Delete":
            self.task = None
            return RunResult(0, "SUCCESS")
        if self.task is None:
            return RunResult(1, "", "ERROR: The system cannot find the file specified.")
        return RunResult(
            0,
            f"TaskName: \\{task_name('anna')}\nNext Run Time: 29-11-2026 09:00:00\n"
            f"Task To Run: {self.task}\n",
        )


def test_create_argv_is_exact() -> None:
    assert create_argv(EXE, task=task_name("anna")) == [
        "schtasks",
        "/Create",
        "/SC",
        "DAILY",
        "/TN",
        "certassist herinnering (anna)",
        "/TR",
        '"C:\\Program Files\\certassist\\certassist.exe" check --notify',
        "/ST",
        "09:00",
        "/RL",
        "LIMITED",
        "/F",
    ]


def test_command_line_survives_windows_quoting() -> None:
    """What CreateProcess receives: schtasks must see the quoted path inside /TR."""
    line = subprocess.list2cmdline(create_argv(EXE, task=task_name("anna")))
    assert '/TR "\\"C:\\Program Files\\certassist\\certassist.exe\\" check --notify"' in line
    assert '/TN "certassist herinnering (anna)"' in line


def test_each_windows_user_gets_a_task_of_their_own() -> None:
    """Task names are machine-wide; on a shared reception PC each user needs their own."""
    assert task_name("anna") != task_name("bert")
    assert task_name("PRAKTIJK\\balie:1") == "certassist herinnering (PRAKTIJK_balie_1)"
    schtasks = RecordingSchtasks()
    Reminders(EXE, runner=schtasks, platform="win32", task=task_name("bert")).enable()
    assert all("certassist herinnering (bert)" in call for call in schtasks.calls)


def test_a_program_path_too_long_for_task_scheduler_is_explained() -> None:
    with pytest.raises(CertassistError) as caught:
        create_argv("C:\\" + "lange map\\" * 30 + "certassist.exe")
    assert caught.value.message_id == "E-reminders-path-too-long"


@pytest.mark.parametrize("bad", ["9:00", "24:00", "09:60", "0900", "ab:cd"])
def test_bad_time_is_refused(bad: str) -> None:
    with pytest.raises(CertassistError) as caught:
        create_argv(EXE, bad)
    assert caught.value.message_id == "E-reminders-time"


def test_enable_status_disable_through_the_runner() -> None:
    schtasks = RecordingSchtasks()
    reminders = Reminders(EXE, runner=schtasks, platform="win32")
    assert not reminders.status().enabled
    status = reminders.enable("08:15")
    assert status.enabled and status.next_run == "29-11-2026 09:00:00"
    assert status.command == f'"{EXE}" check --notify'
    assert schtasks.calls[1][schtasks.calls[1].index("/ST") + 1] == "08:15"
    reminders.disable()
    assert not reminders.status().enabled
    reminders.disable()  # twice is fine
    assert [c[1] for c in schtasks.calls].count("/Delete") == 1


def test_failure_of_schtasks_is_an_error_with_id() -> None:
    reminders = Reminders(
        EXE, runner=lambda argv: RunResult(1, "", "ERROR: Access is denied."), platform="win32"
    )
    with pytest.raises(CertassistError) as caught:
        reminders.enable()
    assert caught.value.message_id == "E-reminders-failed"
    assert "Access is denied" in caught.value.text("en")


def test_not_available_off_windows() -> None:
    reminders = Reminders(EXE, runner=RecordingSchtasks(), platform="linux")
    for verb in (reminders.enable, reminders.disable, reminders.status):
        with pytest.raises(CertassistError) as caught:
            verb()
        assert caught.value.message_id == "E-reminders-not-available"


@pytest.mark.windows
def test_real_task_scheduler_round_trip() -> None:  # pragma: no cover - Windows workflow
    reminders = Reminders(sys.executable)
    try:
        assert reminders.enable().enabled
    finally:
        reminders.disable()
    assert not reminders.status().enabled


def test_notification_counts_production_and_acceptance_apart(pki: TestPKI) -> None:
    store = FakeStore()
    store.put(pki.expiring_in(10, Kind.VECOZO_PERSONAL))
    store.put(pki.expiring_in(300, Kind.VECOZO_PERSONAL, name="Bert Bos"))
    store.put(pki.expiring_in(5, Kind.VECOZO_SYSTEM, environment=Environment.ACCEPTANCE))
    report = run_check([store], [], PracticeSettings(), TODAY)
    note = notification_text(report, "nl")
    assert note is not None
    due = [line for line in note.body.splitlines() if "geen back-up" not in line]
    assert any("Anna de Vries" in line for line in due)
    assert not any("Bert Bos" in line for line in due)  # not due: named only for its backup
    assert "1 in de acceptatie- of testomgeving" in note.body
    assert format_day(TODAY + timedelta(days=10), "nl") in note.body
    english = notification_text(report, "en")
    assert english is not None and "acceptance or test" in english.body


def test_no_notification_on_a_quiet_day(pki: TestPKI) -> None:
    """Nothing due and every certificate backed up (here: in a backup folder) is quiet."""
    store = FakeStore(target=StoreTarget(StoreKind.PKCS12_FOLDER))
    store.put(pki.expiring_in(300, Kind.VECOZO_PERSONAL))
    assert notification_text(run_check([], [store], PracticeSettings(), TODAY)) is None


def test_a_missing_backup_alone_is_named_as_list_names_it(pki: TestPKI) -> None:
    """R9: nothing is due, but a certificate with its key and no backup anywhere is named."""
    store = FakeStore()
    store.put(pki.expiring_in(300, Kind.VECOZO_PERSONAL, name="Bert Bos"))
    note = notification_text(run_check([store], [], PracticeSettings(), TODAY), "nl")
    assert note is not None and note.severity == 0
    assert "geen back-up" in note.title and "• Bert Bos: geen back-up" in note.body
    english = notification_text(run_check([store], [], PracticeSettings(), TODAY), "en")
    assert english is not None and "without a backup" in english.title


def test_the_installed_task_starts_the_windowed_program_not_the_console_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set up from certassist-cli.exe, the daily task must still start certassist.exe: the
    console program would open a black window every morning."""
    from certassist.cli.reminders import program_path

    (tmp_path / "certassist.exe").write_bytes(b"")
    (tmp_path / "certassist-cli.exe").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "certassist-cli.exe"))
    assert program_path() == str(tmp_path / "certassist.exe")


def test_a_uzi_reminder_names_which_of_the_three_dates_it_is(pki: TestPKI) -> None:
    """R11: the reminder says "vraag aan vóór" or "bij de portal vóór", not just a date."""
    store = FakeStore()
    store.put(pki.expiring_in(70, Kind.UZI_SERVER))  # today is the request date
    note = notification_text(run_check([store], [], PracticeSettings(), TODAY), "nl")
    assert note is not None and "Vraag aan vóór" in note.body
    assert format_day(TODAY, "nl") in note.body
    later = run_check([store], [], PracticeSettings(), TODAY + timedelta(days=1))
    note = notification_text(later, "nl")
    expected = TODAY + timedelta(days=70 - 28)
    assert (
        note is not None
        and f"Nieuw certificaat bij de portal vóór {format_day(expected, 'nl')}" in note.body
    )

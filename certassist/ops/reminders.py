"""Daily reminders through a Windows scheduled task, and the text of the notification.

Why a scheduled task: a reminder must reach a person even when nobody opens certassist for
months. The task runs `certassist check --notify` every day as the current user (no stored
password, no admin rights) and the check shows a notification only when something is due.

The command lines are built by pure functions and run through an injected runner, so they are
tested as exact argv lists on any OS and for real on Windows. Elsewhere the reminder says
"not available here" with an id instead of pretending.
"""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from certassist.core.errors import CertassistError
from certassist.core.messages import text_only
from certassist.ops.check import CheckReport, Severity

TASK_PREFIX = "certassist herinnering"
DEFAULT_TIME = "09:00"
# Characters Task Scheduler does not allow in a task name.
_NOT_IN_TASK_NAMES = str.maketrans({c: "_" for c in '\\/:*?"<>|'})
MAX_TASK_COMMAND = 261  # schtasks refuses a longer /TR value


def task_name(user: str | None = None) -> str:
    """One task per Windows user: task names are machine-wide, and on a shared reception PC a
    second user could neither create nor see a task another user made under one name."""
    who = user if user is not None else (os.environ.get("USERNAME") or getpass.getuser())
    return f"{TASK_PREFIX} ({who.translate(_NOT_IN_TASK_NAMES)})"


@dataclass(frozen=True)
class RunResult:
    returncode: int
    stdout: str = ""
    stderr: str = ""


Runner = Callable[[Sequence[str]], RunResult]


def subprocess_runner(argv: Sequence[str]) -> RunResult:
    """Runs schtasks without a console window popping up (the app is windowed)."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    # schtasks writes in the OEM code page; a user folder with an accent must not crash us.
    encoding = "oem" if sys.platform == "win32" else None
    done = subprocess.run(  # argv list, no shell
        [*argv],
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="replace",
        check=False,
        creationflags=flags,
    )
    return RunResult(done.returncode, done.stdout, done.stderr)


def task_command(exe: str) -> str:
    """The /TR value: the quoted program path, then the check that notifies."""
    return f'"{exe}" check --notify'


def create_argv(exe: str, at: str = DEFAULT_TIME, task: str | None = None) -> list[str]:
    """Daily at `at` (HH:MM), as the current user; /F replaces an older task of the same name."""
    if len(at) != 5 or at[2] != ":" or not (at[:2] + at[3:]).isdigit():
        raise CertassistError("E-reminders-time", time=at)
    if int(at[:2]) > 23 or int(at[3:]) > 59:
        raise CertassistError("E-reminders-time", time=at)
    command = task_command(exe)
    if len(command) > MAX_TASK_COMMAND:
        raise CertassistError("E-reminders-path-too-long", length=len(command))
    return [
        "schtasks",
        "/Create",
        "/SC",
        "DAILY",
        "/TN",
        task or task_name(),
        "/TR",
        command,
        "/ST",
        at,
        "/RL",
        "LIMITED",
        "/F",
    ]


def delete_argv(task: str | None = None) -> list[str]:
    return ["schtasks", "/Delete", "/TN", task or task_name(), "/F"]


def query_argv(task: str | None = None) -> list[str]:
    return ["schtasks", "/Query", "/TN", task or task_name(), "/FO", "LIST", "/V"]


@dataclass(frozen=True)
class ReminderStatus:
    enabled: bool
    next_run: str | None = None
    command: str | None = None


def _parse_query(stdout: str) -> ReminderStatus:
    """`schtasks /Query /FO LIST /V` prints 'Key: value' lines; the keys follow the OS language,
    so match both English and Dutch labels and fall back to 'present' without details."""
    fields: dict[str, str] = {}
    for line in stdout.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    next_run = fields.get("next run time") or fields.get("volgende uitvoering")
    command = fields.get("task to run") or fields.get("uit te voeren taak")
    return ReminderStatus(True, next_run, command)


class Reminders:
    """Enable, disable and query the daily task. `platform` and `runner` are injected."""

    def __init__(
        self,
        exe: str,
        runner: Runner = subprocess_runner,
        platform: str = sys.platform,
        task: str | None = None,
    ) -> None:
        self.exe = exe
        self.runner = runner
        self.platform = platform
        self.task = task or task_name()

    @property
    def available(self) -> bool:
        return self.platform == "win32"

    def _require(self) -> None:
        if not self.available:
            raise CertassistError("E-reminders-not-available", platform=self.platform)

    def _run(self, argv: list[str]) -> RunResult:
        try:
            return self.runner(argv)
        except OSError as exc:
            raise CertassistError("E-reminders-failed", detail=str(exc)) from None

    def enable(self, at: str = DEFAULT_TIME) -> ReminderStatus:
        self._require()
        result = self._run(create_argv(self.exe, at, self.task))
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip()
            raise CertassistError("E-reminders-failed", detail=detail)
        return self.status()

    def disable(self) -> None:
        self._require()
        if not self.status().enabled:
            return  # nothing to remove: disabling twice is not an error
        result = self._run(delete_argv(self.task))
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip()
            raise CertassistError("E-reminders-failed", detail=detail)

    def status(self) -> ReminderStatus:
        self._require()
        result = self._run(query_argv(self.task))
        if result.returncode != 0:
            return ReminderStatus(False)
        return _parse_query(result.stdout)


@dataclass(frozen=True)
class Notification:
    title: str
    body: str
    severity: Severity


def notification_text(report: CheckReport, lang: str = "nl") -> Notification | None:
    """What the daily notification says; None when nothing is due and every certificate has
    a backup (no noise on quiet days).

    Production and acceptance/test are counted apart (R10), so a test certificate never reads
    as if the practice's real VECOZO access were at stake. A certificate without a backup (R9)
    is named as `list` and `check` name it, from the same backup records.
    """
    due = report.due()
    missing = report.backups_missing
    if not due and not missing:
        return None
    lines: list[str] = []
    if due:
        severity = max(item.severity for item in due)
        overdue = severity is Severity.OVERDUE
        title_id = "I-notify-title-overdue" if overdue else "I-notify-title-due"
        title = text_only(title_id, lang, count=len(due))
    else:
        severity = Severity.NOTHING_DUE
        title = text_only("I-notify-title-backup", lang, count=len(missing))
    production = [i for i in due if i.is_production]
    others = [i for i in due if not i.is_production]
    for item in production[:3]:
        lines.append(_line(item.label, item.next_date, lang, item.next_date_label))
    if len(production) > 3:
        lines.append(text_only("I-notify-more", lang, count=len(production) - 3))
    if others:
        lines.append(text_only("I-notify-non-production", lang, count=len(others)))
    for backup in missing[:3]:
        lines.append(text_only("I-notify-line-backup", lang, label=backup.label))
    if len(missing) > 3:
        lines.append(text_only("I-notify-more", lang, count=len(missing) - 3))
    lines.append(text_only("I-notify-open", lang))
    return Notification(title, "\n".join(lines), severity)


def _line(label: str, when: object, lang: str, what: str | None = None) -> str:
    """One due item; with the name of its date when the rules give one (R11: "vraag aan vóór",
    "nieuw certificaat bij de portal vóór", "DigiD gaat uit op"), so the reminder says which."""
    if when is None:
        return text_only("I-notify-line-now", lang, label=label)
    if what:
        name = text_only(what, lang)
        return text_only("I-notify-line-named", lang, label=label, what=name, date=str(when))
    return text_only("I-notify-line", lang, label=label, date=str(when))


def show_notification(note: Notification, platform: str = sys.platform) -> str:
    """Show the notification the way this OS can; returns how it was shown.

    Windows: a message box in front of the other windows (works from a scheduled task in the
    user's session, needs nothing installed). Linux: `notify-send` when present. Otherwise the
    text goes to standard error, where a terminal user reads it.
    """
    if platform == "win32":  # pragma: no cover - real Windows only
        import ctypes

        flags = 0x30 | 0x10000 | 0x40000  # MB_ICONWARNING | MB_SETFOREGROUND | MB_TOPMOST
        user32 = getattr(ctypes, "windll").user32  # noqa: B009 - ctypes.windll: Windows only
        user32.MessageBoxW(None, note.body, note.title, flags)
        return "messagebox"
    import shutil

    tool = shutil.which("notify-send")
    if tool is not None:
        urgency = "critical" if note.severity is Severity.OVERDUE else "normal"
        subprocess.run(  # argv list, no shell
            [tool, "--urgency", urgency, note.title, note.body], check=False, timeout=10
        )
        return "notify-send"
    print(f"{note.title}\n{note.body}", file=sys.stderr)
    return "stderr"

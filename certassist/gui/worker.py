"""Run store and crypto work off the GUI thread (QThreadPool), report back through signals.

Why: reading a PFX, PBKDF2 with 600,000 iterations, opening an NSS database all take from tens
of milliseconds to seconds; on the GUI thread they freeze the window and a receptionist closes a
"hanging" program halfway through an import. The task function never sees a widget: it gets a
`report(done, total, text)` callback and a `cancelled()` check, and its result or error travels
back as a signal that Qt delivers on the GUI thread (queued connection).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Report = Callable[[int, int, str], None]
TaskFn = Callable[[Report, Callable[[], bool]], Any]


class TaskSignals(QObject):
    """Lives on the GUI thread; emitted from the worker, delivered queued."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # the exception object
    done = Signal()  # after finished/failed, for clean-up


class Task(QRunnable):
    def __init__(self, fn: TaskFn, signals: TaskSignals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.cancel_event = threading.Event()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self._report, self.cancel_event.is_set)
        except Exception as error:  # every failure must reach the GUI
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit(self.signals.failed, error)
        else:
            self._emit(self.signals.finished, result)
        self._emit(self.signals.done)

    def _report(self, done: int, total: int, text: str = "") -> None:
        self._emit(self.signals.progress, done, total, text)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the page that asked is gone (wizard closed): drop the result
            pass


class TaskHandle:
    """What the caller keeps: cancel the task, know whether it still runs."""

    def __init__(self, task: Task, signals: TaskSignals) -> None:
        self._cancel = task.cancel_event
        self.signals = signals
        self.running = True
        signals.done.connect(self._finish)

    def _finish(self) -> None:
        self.running = False
        _alive.discard(self)

    def cancel(self) -> None:
        self._cancel.set()


_alive: set[TaskHandle] = set()  # keeps signal objects alive until their task ends


def run_task(
    fn: TaskFn,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    parent: QObject | None = None,
    pool: QThreadPool | None = None,
) -> TaskHandle:
    """Start `fn(report, cancelled)` on the pool; callbacks run on the GUI thread.

    `parent` ties the signals to a widget: when the widget is gone, late results are dropped
    instead of landing on a deleted page.
    """
    signals = TaskSignals(parent)
    if on_done is not None:
        signals.finished.connect(on_done)
    if on_error is not None:
        signals.failed.connect(on_error)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    task = Task(fn, signals)
    handle = TaskHandle(task, signals)
    _alive.add(handle)
    (pool or QThreadPool.globalInstance()).start(task)
    return handle


def wait_idle(pool: QThreadPool | None = None, msecs: int = 30000) -> bool:
    """For shutdown and tests: let running tasks end."""
    return bool((pool or QThreadPool.globalInstance()).waitForDone(msecs))

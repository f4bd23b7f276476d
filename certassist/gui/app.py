"""Start the GUI: `certassist` without a sub-command, `certassist --demo` for the sandbox.

Imports are lazy on purpose: start-up time is measured (benchmarks/bench_startup.py) against a
bare QWizard, so only what the first page needs is imported before it is shown.
Set CERTASSIST_BENCHMARK_EXIT=1 to quit as soon as the first page is on screen.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path


def _real_stores() -> list[object]:
    from certassist.ops.local import local_stores

    return list(local_stores())


def build_context(demo: bool, lang: str) -> object:
    from certassist.gui.context import AppContext

    if demo:
        from certassist.demo.sandbox import sandbox_context_args
        from certassist.ops.audit import AuditLog
        from certassist.ops.records import InstallRecords

        args = sandbox_context_args()
        folder = args["backup_dir"]  # the demo's own folder: its logs stay there too
        return AppContext(
            lang=lang,
            demo=True,
            settings_path=demo_settings(folder),
            audit=AuditLog(folder / "audit.jsonl"),
            records=InstallRecords(folder / "installs.json"),
            **args,
        )
    return AppContext(stores_loader=_real_stores, lang=lang)  # type: ignore[arg-type]


def demo_settings(folder: str | PathLike[str]) -> Path:
    """The demo practice's settings, in the sandbox folder: never the real user's file."""
    from pathlib import Path

    from certassist.core.settings import save_settings
    from certassist.demo.folder import DemoFolder
    from certassist.demo.sandbox import demo_practice_settings

    path = DemoFolder(Path(folder)).settings
    if not path.exists():
        save_settings(demo_practice_settings(Path(folder)), path)
    return path


def run_gui(demo: bool = False, lang: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from certassist.gui.i18n import choose_language, install_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("certassist")
    chosen = choose_language(lang)
    install_language(chosen)

    from certassist.gui.main_window import MainWindow

    window = MainWindow(build_context(demo, chosen))  # type: ignore[arg-type]
    if os.environ.get("CERTASSIST_BENCHMARK_EXIT"):
        # benchmarks/bench_startup.py times the arrival of this line, then lets us quit.
        window.firstShown.connect(lambda: print("certassist-first-page-shown", flush=True))
        window.firstShown.connect(lambda: QTimer.singleShot(0, app.quit))
    window.show()
    code = int(app.exec())
    close_down(window)
    return code


def close_down(*windows: object) -> None:
    """Finish work, stop the helper process and delete the windows while Qt still runs.

    Left to the interpreter's shutdown, PySide6 sometimes frees objects in the wrong order and
    the process aborts on exit ("bool_dealloc"), which Windows shows as a crash.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from certassist.gui.offload import shutdown
    from certassist.gui.worker import wait_idle

    wait_idle(msecs=5000)
    shutdown()
    for window in windows:
        if isinstance(window, QWidget):
            window.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()

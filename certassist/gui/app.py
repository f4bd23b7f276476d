"""Start the GUI: `certassist` without a sub-command, `certassist --demo` for the sandbox.

Imports are lazy on purpose: start-up time is measured (benchmarks/bench_startup.py) against a
bare QWizard, so only what the first page needs is imported before it is shown.
Set CERTASSIST_BENCHMARK_EXIT=1 to quit as soon as the first page is on screen.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from certassist.core.errors import CertassistError, NoDisplayError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from os import PathLike
    from pathlib import Path


# The primary-password prompt (gui/primary_password.py), made on the GUI thread by run_gui.
_prompt: Callable[[str, int], str | None] | None = None


def _real_stores() -> list[object]:
    from certassist.ops.local import local_stores

    stores: list[object] = list(local_stores())
    if _prompt is not None:
        from certassist.gui.primary_password import unlock_all

        unlock_all(stores, _prompt)
    return stores


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


# Platform plugins that draw without a desktop session (tests, screenshots, remote frame buffers).
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_problem(
    system: str = sys.platform, env: Mapping[str, str] = os.environ
) -> CertassistError | None:
    """Why the window cannot be shown here, checked before Qt starts: without a display Qt
    aborts the whole process (exit 134, "could not load the Qt platform plugin xcb"), which
    tells IT support nothing. Windows and macOS always have a screen for a signed-in user."""
    if not system.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in _HEADLESS_PLATFORMS:
        return None
    wayland = bool(env.get("WAYLAND_DISPLAY")) and platform in ("", "wayland")
    if wayland:
        return None
    if not env.get("DISPLAY"):
        return NoDisplayError("E-gui-no-display")
    import ctypes.util

    if ctypes.util.find_library("xcb-cursor") is None:  # Qt 6.5+ needs it for X11
        return NoDisplayError("E-gui-qt-missing", detail="libxcb-cursor0")
    return None


def run_gui(demo: bool = False, lang: str | None = None) -> int:
    """The wizard; raises NoDisplayError (exit 4) when there is no screen to show it on."""
    problem = display_problem()
    if problem is not None:
        raise problem
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from certassist.gui.i18n import choose_language, install_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("certassist")
    chosen = choose_language(lang)
    install_language(chosen)

    from certassist.gui.main_window import MainWindow

    if not demo:
        global _prompt
        from certassist.gui.primary_password import PrimaryPasswordPrompt

        _prompt = PrimaryPasswordPrompt()
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

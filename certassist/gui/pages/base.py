"""What every wizard page shares: access to the flow, errors in words, work off the GUI thread.

`validate_async` lets a page check its input in a worker (reading a PFX can take a second):
the first press of Next starts the work and stays on the page; when the work succeeds the page
moves on by itself, when it fails the error appears on the page in plain language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from certassist.core.errors import CertassistError
from certassist.core.messages import render
from certassist.gui.worker import Report, TaskHandle, run_task

if TYPE_CHECKING:
    from certassist.gui.context import AppContext
    from certassist.gui.flow_state import FlowState
    from certassist.gui.wizard import FlowWizard


def error_text(error: BaseException, lang: str) -> str:
    if isinstance(error, CertassistError):
        return render(error.message_id, lang, **error.params)
    return render("E-gui-unexpected", lang, detail=type(error).__name__)


class FlowPage(QWizardPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.fw = flow_wizard
        self.layout_ = QVBoxLayout(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setVisible(False)
        self.error.setAccessibleName("error")
        self._validated = False
        self.busy: TaskHandle | None = None

    @property
    def ctx(self) -> AppContext:
        return self.fw.ctx

    @property
    def state(self) -> FlowState:
        return self.fw.state

    @property
    def lang(self) -> str:
        return self.fw.ctx.lang

    def finish_layout(self, stretch: bool = True) -> None:
        """Call at the end of a page's __init__: the error line sits at the bottom.
        Pages whose list should take the free space pass `stretch=False`."""
        if stretch:
            self.layout_.addStretch(1)
        self.layout_.addWidget(self.error)

    def show_error(self, error: BaseException | str | None) -> None:
        if error is None:
            self.error.clear()
            self.error.setVisible(False)
            return
        text = error if isinstance(error, str) else error_text(error, self.lang)
        self.error.setText(text)
        self.error.setVisible(True)
        self.error.setAccessibleDescription(text)

    def run(
        self,
        fn: Callable[[Report, Callable[[], bool]], Any],
        on_done: Callable[[Any], None],
        on_progress: Callable[[int, int, str], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskHandle:
        def finished(result: Any) -> None:
            self.busy = None
            on_done(result)

        def failed(error: BaseException) -> None:
            self.busy = None
            (on_error or self.show_error)(error)
            self.completeChanged.emit()

        self.busy = run_task(fn, finished, failed, on_progress, parent=self)
        return self.busy

    def validate_async(self, work: Callable[[], Any], apply: Callable[[Any], None]) -> bool:
        if self._validated:
            self._validated = False
            return True
        if self.busy is not None:
            return False
        self.show_error(None)
        self.setEnabled(False)

        def done(result: Any) -> None:
            self.setEnabled(True)
            apply(result)
            self._validated = True
            self.fw.next()

        def failed(error: BaseException) -> None:
            self.setEnabled(True)
            self.show_error(error)

        self.run(lambda report, cancelled: work(), done, on_error=failed)
        return False

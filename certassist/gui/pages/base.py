"""What every wizard page shares: access to the flow, errors in words, work off the GUI thread.

`validate_async` lets a page check its input in a worker (reading a PFX can take a second):
the first press of Next starts the work and stays on the page; when the work succeeds the page
moves on by itself, when it fails the error appears on the page in plain language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from certassist.core.errors import CertassistError
from certassist.gui import palette
from certassist.gui.i18n import translate
from certassist.gui.words import say
from certassist.gui.worker import Report, TaskHandle, run_task

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from certassist.gui.context import AppContext
    from certassist.gui.flow_state import FlowState
    from certassist.gui.wizard import FlowWizard


def error_text(error: BaseException, lang: str) -> str:
    if isinstance(error, CertassistError):
        return say(error.message_id, lang, error.params)
    return say("E-gui-unexpected", lang, {"detail": type(error).__name__})


class FlowPage(QWizardPage):
    # True on the pages after "Uitvoeren" (result pages): only "Sluiten" is offered there.
    after_commit = False
    # True where the page's work changes something (the run, making a key): closing the
    # wizard then waits for it instead of leaving the user without the result.
    work_changes_things = False

    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.fw = flow_wizard
        self.layout_ = QVBoxLayout(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {palette.ERROR}; font-weight: bold;")
        self.error.setVisible(False)
        self.error.setAccessibleName(translate("FlowPage", "Foutmelding"))
        # "Bezig…" with a moving bar while a slow step runs (reading a file, checking).
        self.busy_row = QWidget(self)
        row = QVBoxLayout(self.busy_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.busy_text = QLabel(self.busy_row)
        self.busy_text.setAccessibleName(translate("FlowPage", "Bezig"))
        self.busy_bar = QProgressBar(self.busy_row)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.setTextVisible(False)
        row.addWidget(self.busy_text)
        row.addWidget(self.busy_bar)
        self.busy_row.setVisible(False)
        self._validated = False
        self.busy: TaskHandle | None = None

    def add_details(self) -> None:
        """A folded "Details" part under the page's text: rule ids and message ids, for the
        IT helper on the phone. The main text never shows them."""
        from PySide6.QtWidgets import QToolButton

        self.details_button = QToolButton(self)
        self.details_button.setText(translate("FlowPage", "Details tonen"))
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName(translate("FlowPage", "Details tonen of verbergen"))
        self.details_label = QLabel(self)
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setStyleSheet(f"color: {palette.MUTED};")
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setVisible(False)
        self.details_button.toggled.connect(self.details_label.setVisible)
        self.details_button.setVisible(False)
        self.layout_.addWidget(self.details_button)
        self.layout_.addWidget(self.details_label)

    def set_details(self, lines: list[str]) -> None:
        self.details_label.setText("\n".join(lines))
        self.details_button.setVisible(bool(lines))
        if not lines:
            self.details_button.setChecked(False)

    def holds_close(self) -> bool:
        return self.work_changes_things and self.busy is not None

    def show_busy(self, text: str | None) -> None:
        """Say what the page is doing while it works; None hides it again."""
        self.busy_text.setText(text or "")
        self.busy_row.setVisible(text is not None)

    def first_field(self) -> QWidget | None:
        """Where the keyboard starts on this page: the first enabled, visible input."""
        for widget in self.findChildren(QWidget):
            if not (widget.isVisibleTo(self) and widget.isEnabled()):
                continue
            if isinstance(widget, QLineEdit | QComboBox | QListWidget | QAbstractButton):
                if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    return widget
        return None

    def showEvent(self, event: QShowEvent) -> None:
        """Focus lands in the page's first field (after QWizard has placed its own)."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._focus_first)

    def _focus_first(self) -> None:
        if not self.isVisible():
            return
        focus = self.focusWidget()
        if focus is not None and focus is not self and self.isAncestorOf(focus):
            if focus.hasFocus():
                return  # the page chose already (the check page's first box)
        widget = self.first_field()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_backup(self, fingerprint: str) -> None:
        """R9 after a renewal: close this wizard and open the backup of the new certificate
        from the start page's window (which reads the stores again first)."""
        window = self.fw.parent()
        self.fw.accept()
        start = getattr(window, "start", None)
        if start is not None:
            start.overview = None  # the new certificate is not in the old overview: re-read
        opener = getattr(window, "open_flow", None)
        if opener is not None:
            opener("backup", fingerprint)

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
        """Call at the end of a page's __init__: the busy and error lines sit at the bottom.
        Pages whose list should take the free space pass `stretch=False`."""
        if stretch:
            self.layout_.addStretch(1)
        self.layout_.addWidget(self.busy_row)
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
            self.show_busy(None)
            on_done(result)

        def failed(error: BaseException) -> None:
            self.busy = None
            self.show_busy(None)
            (on_error or self.show_error)(error)
            self.completeChanged.emit()

        self.busy = run_task(fn, finished, failed, on_progress, parent=self)
        return self.busy

    def validate_async(
        self,
        work: Callable[[], Any],
        apply: Callable[[Any], None],
        busy_text: str = "",
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
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
            (on_error or self.show_error)(error)

        self.run(lambda report, cancelled: work(), done, on_error=failed)
        self.show_busy(busy_text or translate("FlowPage", "Bezig…"))
        return False

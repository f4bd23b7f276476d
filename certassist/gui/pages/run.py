"""Do it: the operation runs in a worker; a progress bar moves; cancel is offered while safe.

The operations check for cancel between steps and never remove anything before the new state
is verified, so stopping between steps is always safe. While the work runs, Back and the
wizard's own Cancel are disabled: closing the window must not orphan a half-done import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWizard

from certassist.core.messages import text_only
from certassist.gui.flow_state import execute_for
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class RunPage(FlowPage):
    work_changes_things = True  # closing waits for the result

    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("RunPage", "Bezig…"))
        self.setSubTitle(translate("RunPage", "Een ogenblik; het venster blijft bruikbaar."))
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(translate("RunPage", "Voortgang"))
        self.layout_.addWidget(self.bar)
        self.step = QLabel(self)
        self.step.setWordWrap(True)
        self.layout_.addWidget(self.step)
        self.cancel = QPushButton(translate("RunPage", "&Afbreken"), self)
        self.cancel.setAccessibleName(translate("RunPage", "Afbreken"))
        self.cancel.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.done = False
        self.finish_layout()

    def initializePage(self) -> None:
        self.done = False
        self.state.result = None
        self.bar.setRange(0, 0)
        self.step.setText(translate("RunPage", "Starten…"))
        self.cancel.setEnabled(True)
        self.show_error(None)
        self._lock(True)
        ctx, state = self.ctx, self.state
        self.run(
            lambda report, cancelled: execute_for(ctx, state, report, cancelled),
            self._finished,
            on_progress=self._progress,
            on_error=self._failed,
        )

    def _lock(self, running: bool) -> None:
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            widget = self.fw.button(button)
            if widget is not None:
                widget.setEnabled(not running)

    def _progress(self, done: int, total: int, message_id: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.step.setText(text_only(message_id, self.lang) if message_id else "")

    def _cancel(self) -> None:
        if self.busy is not None:
            self.busy.cancel()
            self.cancel.setEnabled(False)
            self.step.setText(translate("RunPage", "Afbreken na de huidige stap…"))

    def _finished(self, result: Any) -> None:
        self.state.result = result
        self.done = True
        self.cancel.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self._lock(False)
        self.completeChanged.emit()
        self.fw.next()

    def _failed(self, error: BaseException) -> None:
        self.cancel.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.step.setText(translate("RunPage", "Niet gelukt."))
        self.show_error(error)
        self._lock(False)

    def isComplete(self) -> bool:
        return self.done

    def validatePage(self) -> bool:
        return self.done

"""The daily reminder, on or off, in the practice settings dialog (not only on the command line).

The reminder is a Windows scheduled task that runs `certassist check --notify` every morning
(`ops.reminders`); this section only shows whether it is on and switches it when the dialog is
saved, in the same words as `certassist reminders`. Reading the task's state runs `schtasks`,
so it happens in a worker and the box says "bezig" until it is known. Elsewhere than Windows,
and in the demo (nothing on this PC changes), the box is shown switched off with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from certassist.gui.i18n import translate
from certassist.gui.words import say
from certassist.gui.worker import run_task

if TYPE_CHECKING:
    from certassist.gui.context import AppContext
    from certassist.ops.reminders import Reminders


def reminders_for(ctx: AppContext) -> Reminders:
    """The reminders of this PC; tests and the demo put their own in `ctx.extra`."""
    from certassist.ops.reminders import Reminders

    given = ctx.extra.get("reminders")
    if isinstance(given, Reminders):
        return given
    from certassist.cli.reminders import program_path

    return Reminders(program_path())


class RemindersSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("Reminders", "Dagelijkse herinnering"), parent)
        self.ctx = ctx
        self.reminders = reminders_for(ctx)
        layout = QVBoxLayout(self)
        self.box = QCheckBox(
            translate(
                "Reminders",
                "&Elke ochtend controleren en een melding tonen als er iets moet gebeuren",
            ),
            self,
        )
        self.box.setAccessibleName(translate("Reminders", "Dagelijkse herinnering aan of uit"))
        self.box.setEnabled(False)
        layout.addWidget(self.box)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.was_on: bool | None = None  # None until the task's state is known
        if ctx.demo:
            self.note.setText(translate("Reminders", "In de demo blijft de herinnering uit."))
        elif not self.reminders.available:
            self.note.setText(
                say("E-reminders-not-available", ctx.lang, {"platform": self.reminders.platform})
            )
        else:
            self.note.setText(translate("Reminders", "Bezig met nakijken…"))
            reminders = self.reminders
            run_task(lambda r, c: reminders.status(), self._known, self._failed, parent=self)

    def _known(self, status: Any) -> None:
        self.was_on = bool(status.enabled)
        self.box.setChecked(self.was_on)
        self.box.setEnabled(True)
        self.note.setText(
            say("I-reminders-enabled", self.ctx.lang,
                {"task": self.reminders.task, "next_run": status.next_run or "?"})
            if status.enabled
            else say("I-reminders-disabled", self.ctx.lang)
        )  # fmt: skip

    def _failed(self, error: BaseException) -> None:
        from certassist.gui.pages.base import error_text

        self.note.setText(error_text(error, self.ctx.lang))

    def apply(self) -> bool:
        """Called when the dialog is saved: switch the task if the box changed. False (with
        the reason under the box) when Windows refused."""
        from certassist.core.errors import CertassistError

        if self.was_on is None or self.box.isChecked() == self.was_on:
            return True
        try:
            if self.box.isChecked():
                status = self.reminders.enable()
                self._known(status)
            else:
                self.reminders.disable()
                self._known(self.reminders.status())
        except CertassistError as error:
            self._failed(error)
            return False
        return True

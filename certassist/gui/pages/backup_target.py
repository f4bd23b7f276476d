"""Backup (and "bring to other PCs"): which folder, and a new password for the file.

The password protects a private key on a stick that can get lost, so: shown strength meter,
typed twice, and checked by the operations' password policy before we go on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QFormLayout, QLabel

from certassist.core.errors import CertassistError
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.widgets.password import PasswordField
from certassist.gui.widgets.path_row import add_path_row

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class BackupTargetPage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(
            translate("BackupTargetPage", "Waar komt de back-up, en met welk wachtwoord?")
        )
        self.setSubTitle(
            translate(
                "BackupTargetPage",
                "Kies een USB-stick, netwerkschijf of andere pc, niet deze pc zelf: als deze pc "
                "stukgaat, moet de back-up er nog zijn.",
            )
        )
        form = QFormLayout()
        self.folder, _ = add_path_row(
            form,
            self,
            label=translate("BackupTargetPage", "&Map:"),
            field_name=translate("BackupTargetPage", "Map voor de back-up"),
            browse_text=translate("BackupTargetPage", "&Bladeren…"),
            browse_name=translate("BackupTargetPage", "Map kiezen"),
            on_browse=self._browse,
            on_change=self.completeChanged,
        )
        self.password = PasswordField(
            translate("BackupTargetPage", "Nieuw wachtwoord voor de back-up"), with_meter=True
        )
        self.password.changed.connect(self.completeChanged)
        pw_label = QLabel(translate("BackupTargetPage", "&Wachtwoord:"), self)
        pw_label.setBuddy(self.password.edit)
        form.addRow(pw_label, self.password)
        self.repeat = PasswordField(translate("BackupTargetPage", "Wachtwoord herhalen"))
        self.repeat.changed.connect(self.completeChanged)
        repeat_label = QLabel(translate("BackupTargetPage", "&Herhaal:"), self)
        repeat_label.setBuddy(self.repeat.edit)
        form.addRow(repeat_label, self.repeat)
        self.layout_.addLayout(form)
        tip = QLabel(
            translate(
                "BackupTargetPage",
                "Schrijf het wachtwoord op en bewaar het apart van de USB-stick. Zonder "
                "wachtwoord is de back-up onbruikbaar; certassist onthoudt het niet.",
            ),
            self,
        )
        tip.setWordWrap(True)
        self.layout_.addWidget(tip)
        self.finish_layout()

    def initializePage(self) -> None:
        if not self.folder.text():
            default = self.ctx.backup_dir or Path.home()
            self.folder.setText(str(default))

    def cleanupPage(self) -> None:
        self.password.clear()
        self.repeat.clear()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("BackupTargetPage", "Map voor de back-up kiezen"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def isComplete(self) -> bool:
        return bool(self.folder.text().strip() and self.password.text() and self.repeat.text())

    def validatePage(self) -> bool:
        from certassist.ops.passwords import check_new_password

        holder = self.state.groups[0].info.holder if self.state.groups else None
        folder = Path(self.folder.text().strip())
        try:
            check_new_password(self.password.text(), self.repeat.text(), holder)
            if self.ctx.demo and self.ctx.backup_dir is not None:  # the demo writes only there
                from certassist.demo.folder import inside_demo

                inside_demo(folder, Path(self.ctx.backup_dir))
        except CertassistError as error:
            self.show_error(error)
            return False
        self.show_error(None)
        self.state.folder = folder
        self.state.password = self.password.text()
        self.state.repeated = self.repeat.text()
        return True

"""Remove, before the check: is there a backup of this certificate? (R9)

A certificate installs only once, so removing the last copy of a valid one costs a new request.
The user either names a backup file (with its password), which certassist opens and compares
with the certificate before anything is removed — `certassist remove --backup FILE` — or says
there is none, and the check page then asks to confirm that (`--not-needed`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QFileDialog, QFormLayout, QLabel, QRadioButton, QWidget

from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.widgets.password import PasswordField
from certassist.gui.widgets.path_row import add_path_row

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class RemoveBackupPage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("RemoveBackupPage", "Is er een back-up van dit certificaat?"))
        self.setSubTitle(
            translate(
                "RemoveBackupPage",
                "Een certificaat kan maar één keer worden geïnstalleerd. Wijs de back-up aan; "
                "certassist opent hem en verwijdert pas als hij werkt.",
            )
        )
        self.with_file = QRadioButton(translate("RemoveBackupPage", "&Ja, dit back-upbestand:"))
        self.without = QRadioButton(
            translate(
                "RemoveBackupPage", "&Nee, of niet nodig (u bevestigt dat op de volgende pagina)"
            )
        )
        group = QButtonGroup(self)
        for button in (self.with_file, self.without):
            button.setAccessibleName(button.text().replace("&", ""))
            group.addButton(button)
            button.toggled.connect(self._toggled)
        self.layout_.addWidget(self.with_file)
        self.file_part = QWidget(self)
        form = QFormLayout(self.file_part)
        form.setContentsMargins(24, 0, 0, 0)
        self.path, self.browse = add_path_row(
            form,
            self.file_part,
            label=translate("RemoveBackupPage", "&Bestand:"),
            field_name=translate("RemoveBackupPage", "Back-upbestand"),
            browse_text=translate("RemoveBackupPage", "B&laderen…"),
            browse_name=translate("RemoveBackupPage", "Back-upbestand kiezen"),
            on_browse=self._browse,
            on_change=self.completeChanged,
        )
        self.password = PasswordField(translate("RemoveBackupPage", "Wachtwoord van de back-up"))
        self.password.changed.connect(self.completeChanged)
        pw_label = QLabel(translate("RemoveBackupPage", "&Wachtwoord:"), self.file_part)
        pw_label.setBuddy(self.password.edit)
        form.addRow(pw_label, self.password)
        self.layout_.addWidget(self.file_part)
        self.layout_.addWidget(self.without)
        self.without.setChecked(True)
        self.finish_layout()

    def initializePage(self) -> None:
        if self.state.backup_file is not None:
            self.with_file.setChecked(True)
            self.path.setText(str(self.state.backup_file))
        elif not self.path.text() and self.ctx.backup_dir is not None:
            self.path.setText(str(self.ctx.backup_dir) + "/")
        self._toggled()

    def cleanupPage(self) -> None:  # going back clears the secret
        self.password.clear()

    def _toggled(self, _checked: bool = False) -> None:
        self.file_part.setEnabled(self.with_file.isChecked())
        self.completeChanged.emit()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("RemoveBackupPage", "Back-upbestand kiezen"),
            self.path.text() or str(Path.home()),
            translate("RemoveBackupPage", "Back-ups (*.pfx *.p12)"),
        )
        if chosen:
            self.path.setText(chosen)

    def _file(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text) if text and not text.endswith(("/", "\\")) else None

    def isComplete(self) -> bool:
        return self.without.isChecked() or (self._file() is not None and bool(self.password.text()))

    def validatePage(self) -> bool:
        """The named backup is opened here already (the flow opens it again before removing),
        so a wrong password or another certificate's file is said on this page."""
        path = self._file()
        if self.without.isChecked() or path is None:
            self.state.backup_file = None
            self.state.backup_password = ""
            return True
        password = self.password.text()
        fingerprint = self.state.sources[0][1] if self.state.sources else ""

        def verify() -> None:
            from certassist.gui.offload import offloaded_reader
            from certassist.ops.files import verify_backup

            verify_backup(path, password, fingerprint, offloaded_reader)

        def apply(_result: object) -> None:
            self.state.backup_file = path
            self.state.backup_password = password

        busy = translate("RemoveBackupPage", "De back-up wordt gecontroleerd…")
        return self.validate_async(verify, apply, busy)

"""Install and restore: which file, and its password. The file is read in a worker.

A wrong password and a damaged file get different messages (the reading core tells them
apart), so the user knows whether to retype or to find another copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.widgets.password import PasswordField


class ChooseFilePage(FlowPage):
    def __init__(self, flow_wizard: object) -> None:
        super().__init__(flow_wizard)  # type: ignore[arg-type]
        restore = self.fw.flow == "restore"
        self.setTitle(
            translate("ChooseFilePage", "Welke back-up wilt u terugzetten?")
            if restore
            else translate("ChooseFilePage", "Welk certificaatbestand wilt u installeren?")
        )
        self.setSubTitle(
            translate(
                "ChooseFilePage",
                "Een .pfx- of .p12-bestand met privésleutel, bijvoorbeeld van een USB-stick. "
                "Het wachtwoord is het wachtwoord dat bij het maken van het bestand is gekozen.",
            )
        )
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setAccessibleName(translate("ChooseFilePage", "Bestand"))
        self.path.textChanged.connect(self.completeChanged)
        self.browse = QPushButton(translate("ChooseFilePage", "&Bladeren…"), self)
        self.browse.setAccessibleName(translate("ChooseFilePage", "Bestand kiezen"))
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        file_label = QLabel(translate("ChooseFilePage", "&Bestand:"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        self.password = PasswordField(translate("ChooseFilePage", "Wachtwoord van het bestand"))
        pw_label = QLabel(translate("ChooseFilePage", "&Wachtwoord:"), self)
        pw_label.setBuddy(self.password.edit)
        form.addRow(pw_label, self.password)
        self.layout_.addLayout(form)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        if not self.path.text() and self.ctx.backup_dir is not None:
            self.path.setText(str(self.ctx.backup_dir) + "/")

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override: going back clears the secret
        self.password.clear()

    def _browse(self) -> None:
        start = self.path.text() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("ChooseFilePage", "Certificaatbestand kiezen"),
            start,
            translate("ChooseFilePage", "Certificaten (*.pfx *.p12 *.pem *.cer *.crt *.der *.p7b)"),
        )
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        text = self.path.text().strip()
        return bool(text) and not text.endswith(("/", "\\"))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        path = Path(self.path.text().strip())
        password = self.password.text() or None

        def read() -> object:
            from certassist.gui.offload import offloaded_reader

            return offloaded_reader(path, password)

        def apply(bundle: object) -> None:
            self.state.bundle = bundle  # type: ignore[assignment]
            self.state.file_path = path
            self.password.clear()

        return self.validate_async(read, apply)

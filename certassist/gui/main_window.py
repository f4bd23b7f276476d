"""The main window: demo banner, language choice, start page; wizards open on top of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from certassist.gui import palette
from certassist.gui.context import AppContext
from certassist.gui.i18n import install_language, translate
from certassist.gui.start_page import StartPage

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from certassist.gui.wizard import FlowWizard


def demo_banner_text() -> str:
    return translate(
        "MainWindow",
        "DEMO — u werkt in een zandbak met verzonnen certificaten. Niets op deze pc verandert.",
    )


def changed_fingerprint(wizard: FlowWizard) -> str | None:
    """The certificate a finished wizard changed (installed, restored, paired), else the one
    it was opened for; the start page chooses it after reading the stores again."""
    result = wizard.state.result
    paired = getattr(result, "paired", None)
    if paired is not None:
        return str(paired.info.fingerprint)
    fingerprints = getattr(result, "fingerprints", ())
    if fingerprints:
        return str(fingerprints[0])
    if wizard.state.sources:
        return wizard.state.sources[0][1]
    return wizard.state.preselected


class MainWindow(QMainWindow):
    firstShown = Signal()  # emitted once the start page is on screen

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._shown_once = False
        self.wizard: FlowWizard | None = None
        self.resize(1000, 680)
        self._build()

    def _build(self) -> None:
        self.setWindowTitle(translate("MainWindow", "certassist — certificaatassistent"))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.banner: QLabel | None = None
        if self.ctx.demo:
            self.banner = QLabel(demo_banner_text(), central)
            self.banner.setWordWrap(True)
            self.banner.setStyleSheet(
                f"background: {palette.DEMO_BACKGROUND}; color: {palette.DEMO_TEXT};"
                f" border: 1px solid {palette.DEMO_BORDER}; padding: 6px; font-weight: bold;"
            )
            self.banner.setAccessibleName(translate("MainWindow", "Demo-melding"))
            layout.addWidget(self.banner)
        top = QHBoxLayout()
        self.settings_button = QPushButton(translate("MainWindow", "&Praktijkinstellingen…"))
        self.settings_button.setAccessibleName(translate("MainWindow", "Praktijkinstellingen"))
        self.settings_button.clicked.connect(self.open_settings)
        top.addWidget(self.settings_button)
        top.addStretch(1)
        lang_label = QLabel(translate("MainWindow", "&Taal:"), central)
        self.language = QComboBox(central)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if self.ctx.lang == "nl" else 1)
        self.language.setAccessibleName(translate("MainWindow", "Taal"))
        lang_label.setBuddy(self.language)
        self.language.currentIndexChanged.connect(self._language_changed)
        top.addWidget(lang_label)
        top.addWidget(self.language)
        layout.addLayout(top)
        self.start = StartPage(self.ctx, central)
        self.start.flowRequested.connect(self.open_flow)
        self.start.settingsRequested.connect(self.open_settings)
        layout.addWidget(self.start, 1)
        self.setCentralWidget(central)
        # Tab follows the screen: settings, language, then the start page (banner, list, …).
        QWidget.setTabOrder(self.settings_button, self.language)
        QWidget.setTabOrder(self.language, self.start.refresh_button)

    def _language_changed(self) -> None:
        lang = str(self.language.currentData())
        if lang == self.ctx.lang:
            return
        self.ctx.lang = lang
        install_language(lang)
        old = self.centralWidget()
        self._build()
        self.start.refresh()
        if old is not None:
            old.deleteLater()

    def open_flow(self, flow: str, fingerprint: str = "") -> FlowWizard:
        """Open a wizard for `flow`; when it closes the overview is read again and the
        certificate it changed is chosen and scrolled into view."""
        from certassist.gui.wizard import FlowWizard

        wizard = FlowWizard(self.ctx, flow, fingerprint or None, self.start.overview, self)
        wizard.finished.connect(lambda _result: self.start.refresh(changed_fingerprint(wizard)))
        self.wizard = wizard
        wizard.open()
        return wizard

    def open_settings(self) -> QWidget:
        """The practice settings; saving them re-reads the overview and the reminder banner."""
        from certassist.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.accepted.connect(self.start.refresh)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._first_shown)

    def _first_shown(self) -> None:
        self.firstShown.emit()
        self.start.refresh()

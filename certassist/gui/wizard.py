"""One QWizard per flow: who → what/where → check → do it → result.

The pages are assembled per flow from `flow_state.FLOW_PAGES`; each page is its own module.
When the wizard closes (finished or cancelled) every secret it collected is cleared.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QMessageBox, QWidget, QWizard, QWizardPage

from certassist.gui.context import AppContext
from certassist.gui.flow_state import FLOW_PAGES, FlowState
from certassist.gui.i18n import translate
from certassist.gui.start_page import flow_title
from certassist.ops.flows_ids import FlowId
from certassist.ops.overview import CertificateGroup, Overview

PAGE_CLASSES = {
    "who": "WhoPage",
    "choose_file": "ChooseFilePage",
    "choose_certificate": "ChooseCertificatePage",
    "choose_target": "ChooseTargetPage",
    "backup_target": "BackupTargetPage",
    "check": "CheckPage",
    "run": "RunPage",
    "result": "ResultPage",
    "renew_guide": "RenewGuidePage",
    "uzi_request": "UziRequestPage",
    "pair_file": "PairFilePage",
    "pair_check": "PairCheckPage",
    "pair_target": "PairTargetPage",
    "pair_result": "PairResultPage",
    "vecozo_wait": "VecozoWaitPage",
    "vecozo_result": "VecozoResultPage",
    "remove_backup": "RemoveBackupPage",
}


class FlowWizard(QWizard):
    def __init__(
        self,
        ctx: AppContext,
        flow: FlowId | str,
        preselected: str | None = None,
        overview: Overview | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow = FlowId(flow)
        self.state = FlowState(self.flow, preselected, overview)
        self.setWindowTitle(flow_title(flow))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, translate("Wizard", "&Volgende >"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("Wizard", "< &Vorige"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("Wizard", "Annuleren"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("Wizard", "&Sluiten"))
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("Wizard", "&Uitvoeren"))
        self.pages: dict[str, QWizardPage] = {}
        self.page_ids: dict[str, int] = {}  # for pages that choose where the flow goes next
        for name in FLOW_PAGES[self.flow]:
            module = importlib.import_module(f"certassist.gui.pages.{name}")
            page = getattr(module, PAGE_CLASSES[name])(self)
            if name == "check":
                page.setCommitPage(True)  # after "Uitvoeren" there is no way back
            self.pages[name] = page
            self.page_ids[name] = self.addPage(page)
        self.resize(760, 560)
        self.finished.connect(self._forget_secrets)
        self.currentIdChanged.connect(self._buttons_for_page)
        self.wait_box: QMessageBox | None = None

    def _buttons_for_page(self, _id: int = 0) -> None:
        """A result page (after "Uitvoeren") offers only "Sluiten"; a guide at the end of a flow
        keeps "Vorige" and "Annuleren": no page is a dead end."""
        done = bool(getattr(self.currentPage(), "after_commit", False))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, done)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, done)

    def reject(self) -> None:
        """Esc and the window's close button: while an operation runs, ask to wait (the work
        goes on either way, and its result page must be seen); otherwise close."""
        from certassist.gui.pages.base import FlowPage

        page = self.currentPage()
        if isinstance(page, FlowPage) and page.holds_close():
            self.wait_box = QMessageBox(
                QMessageBox.Icon.Information,
                self.windowTitle(),
                translate(
                    "Wizard",
                    "Even wachten: certassist is nog bezig. Daarna ziet u wat er is gebeurd "
                    "en kunt u het venster sluiten.",
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.wait_box.open()
            return
        super().reject()

    def _forget_secrets(self, _code: int = 0) -> None:
        """Closing the wizard (done or cancelled) empties every password field and the state."""
        from certassist.gui.widgets.password import PasswordField

        for field in self.findChildren(PasswordField):
            field.clear()
        self.state.clear_secrets()

    def preselected_group(self) -> CertificateGroup | None:
        overview = self.state.overview
        if overview is None or not self.state.preselected:
            return None
        return next((g for g in overview.groups if g.fingerprint == self.state.preselected), None)

"""UZI pairing, page 1: which request, which received certificate file, the key's password.

The request was made weeks ago in the renew flow (`uzi_request`); its key waits on this PC,
encrypted with the password chosen then. The vendor or the UZI register sends the issued
certificate as PEM, DER/CER or P7B; nothing is read or checked here, the next page does that.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
)

from certassist.gui.i18n import format_date, translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.widgets.password import PasswordField
from certassist.gui.widgets.path_row import add_path_row

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard

ISSUED_FILTER = "*.pem *.cer *.crt *.der *.p7b *.p7c"


class PairFilePage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("PairFilePage", "Het ontvangen UZI-servercertificaat koppelen"))
        self.setSubTitle(
            translate(
                "PairFilePage",
                "Kies de aanvraag en het certificaatbestand dat u van uw leverancier of het "
                "UZI-register kreeg (.pem, .cer, .der of .p7b). De nieuwe sleutel staat al "
                "versleuteld op deze pc.",
            )
        )
        form = QFormLayout()
        self.request = QComboBox(self)
        self.request.setAccessibleName(translate("PairFilePage", "Openstaande aanvraag"))
        self.request.currentIndexChanged.connect(self._request_changed)
        request_label = QLabel(translate("PairFilePage", "&Aanvraag:"), self)
        request_label.setBuddy(self.request)
        form.addRow(request_label, self.request)
        self.path, self.browse = add_path_row(
            form,
            self,
            label=translate("PairFilePage", "&Certificaat:"),
            field_name=translate("PairFilePage", "Ontvangen certificaatbestand"),
            browse_text=translate("PairFilePage", "&Bladeren…"),
            browse_name=translate("PairFilePage", "Certificaatbestand kiezen"),
            on_browse=self._browse,
            on_change=self.completeChanged,
        )
        self.password = PasswordField(translate("PairFilePage", "Wachtwoord van de nieuwe sleutel"))
        self.password.changed.connect(self.completeChanged)
        self.password_label = QLabel(translate("PairFilePage", "&Wachtwoord sleutel:"), self)
        self.password_label.setBuddy(self.password.edit)
        form.addRow(self.password_label, self.password)
        self.layout_.addLayout(form)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)
        self.pending: list[Any] = []
        self.finish_layout()

    def initializePage(self) -> None:
        from certassist.gui.pairing import pending_renewals

        self.pending = pending_renewals(self.ctx)  # a few small JSON files
        self.request.blockSignals(True)
        self.request.clear()
        for pending in self.pending:
            self.request.addItem(
                translate("PairFilePage", "{host} — aangevraagd op {date}").format(
                    host=pending.host, date=format_date(pending.created_on, self.lang)
                ),
                pending.id,
            )
        self.request.blockSignals(False)
        wanted = next(
            (
                i
                for i, p in enumerate(self.pending)
                if self.state.preselected and p.old_fingerprint == self.state.preselected
            ),
            0,
        )
        if self.pending:
            self.request.setCurrentIndex(wanted)
            self.show_error(None)
        else:
            self.show_error(
                translate(
                    "PairFilePage",
                    "Er staat geen UZI-aanvraag open op deze pc. Maak eerst een aanvraag: "
                    "kies 'Vernieuwen' bij het UZI-servercertificaat.",
                )
            )
        self._request_changed()

    def cleanupPage(self) -> None:  # going back clears the secret
        self.password.clear()

    def chosen(self) -> Any:
        row = self.request.currentIndex()
        return self.pending[row] if 0 <= row < len(self.pending) else None

    def _request_changed(self) -> None:
        pending = self.chosen()
        remembered = bool(pending is not None and pending.remembered)
        self.password.setVisible(not remembered)
        self.password_label.setVisible(not remembered)
        self.note.setText(
            translate(
                "PairFilePage",
                "Het wachtwoord van deze sleutel is onthouden op deze pc (sleutelbos).",
            )
            if remembered
            else ""
        )
        self.completeChanged.emit()

    def _browse(self) -> None:
        start = self.path.text() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("PairFilePage", "Ontvangen certificaat kiezen"),
            start,
            translate("PairFilePage", "Certificaten") + f" ({ISSUED_FILTER})",
        )
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        pending = self.chosen()
        if pending is None or not self.path.text().strip():
            return False
        return pending.remembered or bool(self.password.text())

    def validatePage(self) -> bool:
        pending = self.chosen()
        self.state.pending_id = pending.id
        self.state.file_path = Path(self.path.text().strip())
        self.state.key_password = "" if pending.remembered else self.password.text()
        self.password.clear()
        return True

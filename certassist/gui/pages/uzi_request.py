"""UZI server renewal, step 1 in certassist: a new key and the request (CSR) for the vendor.

The renewal core (`ops.renew_uzi.UziRenewalFlow`) makes the key, encrypts it with the password
chosen here and stores the request; this page only collects the password and shows where the
request file is. Pairing the issued certificate weeks later is the "UZI-certificaat koppelen"
flow (pages `pair_*`, R11, R14); the page says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QPlainTextEdit, QPushButton

from certassist.core.errors import CertassistError
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.widgets.password import PasswordField
from certassist.gui.words import say

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class UziRequestPage(FlowPage):
    work_changes_things = True  # a new key is being written: closing waits for it

    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("UziRequestPage", "Aanvraag voor het nieuwe certificaat"))
        self.setSubTitle(
            translate(
                "UziRequestPage",
                "certassist maakt een nieuwe sleutel en een aanvraagbestand voor uw leverancier. "
                "De sleutel blijft op deze pc, versleuteld met het wachtwoord dat u hier kiest.",
            )
        )
        form = QFormLayout()
        self.password = PasswordField(
            translate("UziRequestPage", "Wachtwoord voor de nieuwe sleutel"), with_meter=True
        )
        self.password.changed.connect(self.completeChanged)
        label = QLabel(translate("UziRequestPage", "&Wachtwoord:"), self)
        label.setBuddy(self.password.edit)
        form.addRow(label, self.password)
        self.repeat = PasswordField(translate("UziRequestPage", "Wachtwoord herhalen"))
        repeat_label = QLabel(translate("UziRequestPage", "&Herhaal:"), self)
        repeat_label.setBuddy(self.repeat.edit)
        form.addRow(repeat_label, self.repeat)
        self.layout_.addLayout(form)
        self.remember = QCheckBox(
            translate("UziRequestPage", "Wachtwoord &onthouden op deze pc (sleutelbos)"), self
        )
        self.remember.setAccessibleName(self.remember.text().replace("&", ""))
        self.layout_.addWidget(self.remember)
        self.make = QPushButton(translate("UziRequestPage", "&Aanvraag maken"), self)
        self.make.setAccessibleName(translate("UziRequestPage", "Aanvraag maken"))
        self.make.clicked.connect(self._make)
        self.layout_.addWidget(self.make)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.outcome)
        self.csr = QPlainTextEdit(self)
        self.csr.setReadOnly(True)
        self.csr.setAccessibleName(translate("UziRequestPage", "Aanvraagbestand (CSR)"))
        self.csr.setVisible(False)
        self.layout_.addWidget(self.csr, 1)
        self.started: Any = None
        self.setFinalPage(True)
        self.finish_layout()

    def nextId(self) -> int:
        return -1  # the UZI renewal's last page (the VECOZO pages follow in the same wizard)

    def cleanupPage(self) -> None:
        self.password.clear()
        self.repeat.clear()

    def _make(self) -> None:
        if self.password.text() != self.repeat.text():
            self.show_error(CertassistError("E-ops-password-mismatch"))
            return
        self.show_error(None)
        self.make.setEnabled(False)
        group = self.state.groups[0]
        ctx, password, remember = self.ctx, self.password.text(), self.remember.isChecked()
        facts = ctx.settings().facts()  # R12: the vendor's steps, R13: the recorded number

        def start(report: object, cancelled: object) -> Any:
            from cryptography import x509

            from certassist.gui.pairing import renewal_flow

            flow = renewal_flow(ctx)  # the same folder and flow as `certassist renew uzi`
            current = x509.load_der_x509_certificate(group.info.der)
            return flow.start(current, password, remember, facts)

        def failed(error: BaseException) -> None:
            self.make.setEnabled(True)
            self.show_error(error)

        self.run(start, self._started, on_error=failed)
        self.show_busy(translate("UziRequestPage", "Nieuwe sleutel en aanvraag worden gemaakt…"))

    def _started(self, started: Any) -> None:
        self.started = started
        self.password.clear()
        self.repeat.clear()
        notices = " ".join(say(n.message_id, self.lang, n.params) for n in started.notices)
        self.outcome.setText(
            translate(
                "UziRequestPage",
                "De aanvraag staat in {path}. Stuur dit bestand naar uw HIS- of AIS-leverancier. "
                "Komt het certificaat binnen, kies dan op de startpagina 'UZI-certificaat "
                "koppelen'.",
            ).format(path=started.csr_path)
            + (" " + notices if notices else "")
            + self._vendor_text(started.vendor)
        )
        self.csr.setPlainText(started.csr_pem.decode("ascii"))
        self.csr.setVisible(True)
        self.completeChanged.emit()

    def _vendor_text(self, vendor: Any) -> str:
        """R12 from the vendor data: what the practice does next with its HIS/AIS vendor."""
        if vendor is None:
            return ""
        heading = translate("UziRequestPage", "Wat u daarna doet bij {vendor}:").format(
            vendor=vendor.name
        )
        steps = "\n".join(f"{n}. {step}" for n, step in enumerate(vendor.steps(self.lang), 1))
        return f"\n\n{heading}\n{steps}"

    def isComplete(self) -> bool:
        return self.started is not None

"""Page 1 of every flow: who are you? The answer goes to the rules (R1, R2), not to the GUI.

A personal certificate may only be handled by the person named in it (R1), a system
certificate by the practice's contact person (R2). We ask both up front, in words a
receptionist understands; the check page shows what the rules made of it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit

from certassist.core.models import Kind
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage


class WhoPage(FlowPage):
    def __init__(self, flow_wizard: object) -> None:
        super().__init__(flow_wizard)  # type: ignore[arg-type]
        self.setTitle(translate("WhoPage", "Wie bent u?"))
        self.setSubTitle(
            translate(
                "WhoPage",
                "Een persoonlijk certificaat mag alleen de persoon zelf installeren of "
                "terugzetten; een systeemcertificaat beheert de contactpersoon van de praktijk.",
            )
        )
        self.holder_box = QCheckBox(self)
        self.holder_box.setAccessibleName(
            translate("WhoPage", "Ik ben de persoon op wiens naam het certificaat staat")
        )
        self.holder_box.setVisible(False)
        self.holder_box.toggled.connect(self._holder_toggled)
        self.layout_.addWidget(self.holder_box)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setAccessibleName(translate("WhoPage", "Uw naam"))
        self.name.setPlaceholderText(translate("WhoPage", "zoals in uw certificaat"))
        self.name.textChanged.connect(self.completeChanged)
        name_label = QLabel(translate("WhoPage", "Uw &naam:"), self)
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        self.layout_.addLayout(form)
        self.contact = QCheckBox(
            translate("WhoPage", "Ik ben de &contactpersoon van de praktijk voor VECOZO"), self
        )
        self.contact.setAccessibleName(translate("WhoPage", "Ik ben de contactpersoon"))
        self.layout_.addWidget(self.contact)
        hint = QLabel(
            translate(
                "WhoPage",
                "Twijfelt u wie de contactpersoon is? Dat staat in VECOZO onder "
                "'Mijn gegevens'; de contactpersoon heeft ook de pincodes.",
            ),
            self,
        )
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        group = self.fw.preselected_group()
        holder = group.info.holder if group else None
        if group is not None and group.kind is Kind.VECOZO_PERSONAL and holder:
            self.holder_box.setText(translate("WhoPage", "Ik ben {holder}").format(holder=holder))
            self.holder_box.setAccessibleName(self.holder_box.text())
            self.holder_box.setVisible(True)
        if not self.name.text():
            self.name.setText(self.state.confirmed_name or self.ctx.demo_user or "")

    def _holder_toggled(self, checked: bool) -> None:
        group = self.fw.preselected_group()
        if checked and group is not None and group.info.holder:
            self.name.setText(group.info.holder)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.name.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.state.confirmed_name = self.name.text().strip()
        self.state.contact_person = self.contact.isChecked()
        return True

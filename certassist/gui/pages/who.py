"""Page 1 of every flow: who are you? The answer goes to the rules (R1, R2), not to the GUI.

A personal certificate may only be handled by the person named in it (R1), a system
certificate by the practice's contact person (R2). We ask both up front, in words a
receptionist understands; the check page shows what the rules made of it.

The operations take "I am the contact person" as the user's statement (`Actor.is_contact_person`);
when the practice settings record who the contact person is, the box is ticked for that name
and a different name gets a visible note, so a mix-up is noticed before the check page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit

from certassist.core.kinds import traits
from certassist.gui import palette
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class WhoPage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
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
        self.contact.toggled.connect(self._update_contact_note)
        self.layout_.addWidget(self.contact)
        self.contact_note = QLabel(self)
        self.contact_note.setWordWrap(True)
        self.contact_note.setAccessibleName(
            translate("WhoPage", "Contactpersoon volgens de praktijk")
        )
        self.layout_.addWidget(self.contact_note)
        self._auto_checked = False
        self.name.textChanged.connect(self._name_changed)
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

    def initializePage(self) -> None:
        group = self.fw.preselected_group()
        holder = group.info.holder if group else None
        if group is not None and traits(group.kind).person_bound and holder:
            self.holder_box.setText(translate("WhoPage", "Ik ben {holder}").format(holder=holder))
            self.holder_box.setAccessibleName(self.holder_box.text())
            self.holder_box.setVisible(True)
        if not self.name.text():
            self.name.setText(self.state.confirmed_name or self.ctx.demo_user or "")
        self._name_changed(self.name.text())

    def recorded_contact(self) -> str | None:
        return self.ctx.settings().contact_person

    def _name_changed(self, text: str) -> None:
        """Tick the box for the recorded contact person; untick what we ticked ourselves."""
        from certassist.core.rules_base import same_name

        recorded = self.recorded_contact()
        if recorded is None:
            self._update_contact_note()
            return
        if same_name(text, recorded):
            if not self.contact.isChecked():
                self._auto_checked = True
                self.contact.setChecked(True)
        elif self._auto_checked:
            self._auto_checked = False
            self.contact.setChecked(False)
        self._update_contact_note()

    def _update_contact_note(self) -> None:
        from certassist.core.rules_base import same_name

        recorded = self.recorded_contact()
        name = self.name.text().strip()
        if recorded and same_name(name, recorded):
            text = translate("WhoPage", "U staat in de praktijkinstellingen als contactpersoon.")
            colour = palette.OK
        elif recorded and self.contact.isChecked():
            text = translate(
                "WhoPage",
                "Let op: in de praktijkinstellingen staat {name} als contactpersoon. "
                "Alleen de contactpersoon installeert of vernieuwt het systeemcertificaat.",
            ).format(name=recorded)
            colour = palette.WARN
        elif recorded:
            text = translate("WhoPage", "De contactpersoon van de praktijk is {name}.").format(
                name=recorded
            )
            colour = palette.TEXT
        else:
            text = ""
            colour = palette.TEXT
        self.contact_note.setText(text)
        self.contact_note.setStyleSheet(f"color: {colour};")
        self.contact_note.setVisible(bool(text))

    def _holder_toggled(self, checked: bool) -> None:
        group = self.fw.preselected_group()
        if checked and group is not None and group.info.holder:
            self.name.setText(group.info.holder)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())

    def validatePage(self) -> bool:
        self.state.confirmed_name = self.name.text().strip()
        self.state.contact_person = self.contact.isChecked()
        return True

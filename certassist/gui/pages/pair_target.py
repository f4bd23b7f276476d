"""UZI pairing, page 3: where the new certificate with its key goes.

A UZI server certificate lives in the vendor's or portal's system (docs/rules.md#kinds): usually the
practice hands over a PFX file (Promedico ASP: uploaded in the portal's admin site, R12), or
installs it in a Windows store that the practice's own server software reads. Both can be
chosen; this is the commit page ("Uitvoeren"): after it there is no way back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from certassist.core.errors import CertassistError
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.widgets.password import PasswordField
from certassist.gui.widgets.path_row import add_path_row

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class PairTargetPage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("PairTargetPage", "Waar moet het nieuwe certificaat komen?"))
        self.setSubTitle(
            translate(
                "PairTargetPage",
                "Maak een PFX-bestand (met sleutel en wachtwoord) voor uw leverancier of "
                "portaal, en/of installeer het op deze pc.",
            )
        )
        self.setCommitPage(True)
        self.make_pfx = QCheckBox(translate("PairTargetPage", "&PFX-bestand maken"), self)
        self.make_pfx.setAccessibleName(translate("PairTargetPage", "PFX-bestand maken"))
        self.make_pfx.setChecked(True)
        self.make_pfx.toggled.connect(self._pfx_toggled)
        self.layout_.addWidget(self.make_pfx)
        self.pfx_box = QWidget(self)
        form = QFormLayout(self.pfx_box)
        self.folder, _ = add_path_row(
            form,
            self.pfx_box,
            label=translate("PairTargetPage", "&Map:"),
            field_name=translate("PairTargetPage", "Map voor het PFX-bestand"),
            browse_text=translate("PairTargetPage", "&Bladeren…"),
            browse_name=translate("PairTargetPage", "Map kiezen"),
            on_browse=self._browse,
            on_change=self.completeChanged,
        )
        self.password = PasswordField(
            translate("PairTargetPage", "Wachtwoord voor het PFX-bestand"), with_meter=True
        )
        self.password.changed.connect(self.completeChanged)
        pw_label = QLabel(translate("PairTargetPage", "&Wachtwoord:"), self.pfx_box)
        pw_label.setBuddy(self.password.edit)
        form.addRow(pw_label, self.password)
        self.repeat = PasswordField(translate("PairTargetPage", "Wachtwoord herhalen"))
        self.repeat.changed.connect(self.completeChanged)
        repeat_label = QLabel(translate("PairTargetPage", "&Herhaal:"), self.pfx_box)
        repeat_label.setBuddy(self.repeat.edit)
        form.addRow(repeat_label, self.repeat)
        self.layout_.addWidget(self.pfx_box)
        stores_label = QLabel(translate("PairTargetPage", "Installeren op deze pc in:"), self)
        self.layout_.addWidget(stores_label)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("PairTargetPage", "Plaatsen op deze pc"))
        self.list.itemChanged.connect(self.completeChanged)
        stores_label.setBuddy(self.list)
        self.layout_.addWidget(self.list, 1)
        self.finish_layout(stretch=False)

    def initializePage(self) -> None:
        if not self.folder.text():
            self.folder.setText(str(self.ctx.backup_dir or Path.home()))
        self.list.clear()
        for store in self.ctx.stores:
            if store.target.is_backup_folder or not store.available:
                continue
            item = QListWidgetItem(store.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, store.store_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = store.store_id in self.state.targets
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        self.password.clear()
        self.repeat.clear()

    def _pfx_toggled(self, on: bool) -> None:
        self.pfx_box.setEnabled(on)
        self.completeChanged.emit()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("PairTargetPage", "Map voor het PFX-bestand kiezen"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def chosen_stores(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def isComplete(self) -> bool:
        pfx_ready = bool(
            self.make_pfx.isChecked()
            and self.folder.text().strip()
            and self.password.text()
            and self.repeat.text()
        )
        return pfx_ready if self.make_pfx.isChecked() else bool(self.chosen_stores())

    def validatePage(self) -> bool:
        from certassist.ops.passwords import check_new_password

        self.state.targets = self.chosen_stores()
        self.state.folder = None
        if self.make_pfx.isChecked():
            try:
                check_new_password(self.password.text(), self.repeat.text(), None)
            except CertassistError as error:
                self.show_error(error)
                return False
            self.state.folder = Path(self.folder.text().strip())
            self.state.password = self.password.text()
            self.state.repeated = self.repeat.text()
        self.show_error(None)
        return True

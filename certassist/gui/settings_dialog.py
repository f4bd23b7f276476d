"""Practice settings: what the practice records about itself, edited in a dialog.

The validation is the settings module's own (`check_agb`, `check_subscriber`, `check_oin`,
`check_vendor` and the issuing weeks' range): this dialog only places each error next to its field,
in the catalog's words, so the CLI and the GUI never disagree about what is valid. Pending
certificate requests are kept as they are (they are recorded by the install flows). No secret
is ever asked here: the file holds none. A change of the practice data a UZI server certificate
depends on (R13) is saved only after a second click, with the warning shown next to the button.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from certassist.core.errors import CertassistError
from certassist.core.messages import render
from certassist.core.rules_dates import UZI_ISSUING_WEEKS, UZI_ISSUING_WEEKS_RANGE
from certassist.core.settings import (
    PracticeSettings,
    check_agb,
    check_oin,
    check_subscriber,
    check_vendor,
    practice_change_warning,
)
from certassist.gui import palette
from certassist.gui.context import AppContext
from certassist.gui.i18n import translate


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {palette.ERROR};")
    label.setVisible(False)
    return label


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("SettingsDialog", "Praktijkinstellingen"))
        self.setAccessibleName(translate("SettingsDialog", "Praktijkinstellingen"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "SettingsDialog",
                "Wat de praktijk over zichzelf vastlegt. certassist vergelijkt certificaten "
                "hiermee (abonneenummer, regel R13) en toont de stappen van uw leverancier "
                "(regel R12). Hier staan geen wachtwoorden of pincodes.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.load_error = _error_label(self)
        layout.addWidget(self.load_error)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors: dict[str, QLabel] = {}

        def row(key: str, text: str, widget: QWidget) -> None:
            label = QLabel(text, self)
            label.setBuddy(widget)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            self.errors[key] = _error_label(self)
            box.addWidget(self.errors[key])
            form.addRow(label, box)

        self.name = QLineEdit(self)
        self.name.setAccessibleName(translate("SettingsDialog", "Naam van de praktijk"))
        row("practice_name", translate("SettingsDialog", "&Praktijknaam:"), self.name)
        self.agb = QLineEdit(self)
        self.agb.setAccessibleName(translate("SettingsDialog", "AGB-code"))
        self.agb.setPlaceholderText(translate("SettingsDialog", "8 cijfers"))
        row("agb_code", translate("SettingsDialog", "&AGB-code:"), self.agb)
        self.subscriber = QLineEdit(self)
        self.subscriber.setAccessibleName(translate("SettingsDialog", "Abonneenummer (URA)"))
        self.subscriber.setPlaceholderText(
            translate("SettingsDialog", "8 cijfers, zoals in uw UZI-servercertificaat")
        )
        row(
            "subscriber_number",
            translate("SettingsDialog", "A&bonneenummer (URA):"),
            self.subscriber,
        )
        self.oin = QLineEdit(self)
        self.oin.setAccessibleName(translate("SettingsDialog", "OIN (optioneel)"))
        self.oin.setPlaceholderText(
            translate("SettingsDialog", "20 cijfers; alleen bewaard, nergens mee vergeleken")
        )
        row("oin", translate("SettingsDialog", "&OIN (optioneel):"), self.oin)
        self.contract_holder = QLineEdit(self)
        self.contract_holder.setAccessibleName(translate("SettingsDialog", "Contracthouder"))
        row(
            "contract_holder", translate("SettingsDialog", "Co&ntracthouder:"), self.contract_holder
        )
        self.card_holder = QLineEdit(self)
        self.card_holder.setAccessibleName(translate("SettingsDialog", "UZI-pashouder"))
        row("card_holder", translate("SettingsDialog", "UZI-pas&houder:"), self.card_holder)
        self.vendor = QComboBox(self)
        self.vendor.setAccessibleName(translate("SettingsDialog", "HIS- of AIS-leverancier"))
        self.vendor.addItem(translate("SettingsDialog", "(niet ingesteld)"), "")
        from certassist.core.vendors import all_vendors

        for vendor in sorted(all_vendors(), key=lambda v: v.name.casefold()):
            self.vendor.addItem(vendor.name, vendor.id)
        row("vendor_id", translate("SettingsDialog", "&Leverancier (HIS/AIS):"), self.vendor)
        self.contact = QLineEdit(self)
        self.contact.setAccessibleName(translate("SettingsDialog", "VECOZO-contactpersoon"))
        self.contact.setPlaceholderText(translate("SettingsDialog", "naam zoals bij VECOZO"))
        row("contact_person", translate("SettingsDialog", "&Contactpersoon:"), self.contact)

        folders = QWidget(self)
        folder_layout = QHBoxLayout(folders)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        self.folders = QListWidget(folders)
        self.folders.setAccessibleName(translate("SettingsDialog", "Back-upmappen"))
        self.folders.setMaximumHeight(110)
        folder_layout.addWidget(self.folders, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(translate("SettingsDialog", "Map &toevoegen…"), folders)
        self.add_button.setAccessibleName(translate("SettingsDialog", "Back-upmap toevoegen"))
        self.add_button.clicked.connect(lambda: self.add_folder())
        self.remove_button = QPushButton(translate("SettingsDialog", "Map &weghalen"), folders)
        self.remove_button.setAccessibleName(translate("SettingsDialog", "Back-upmap weghalen"))
        self.remove_button.clicked.connect(self.remove_folder)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        folder_layout.addLayout(buttons)
        row("backup_folders", translate("SettingsDialog", "Back-up&mappen:"), folders)

        self.weeks = QSpinBox(self)
        self.weeks.setRange(*UZI_ISSUING_WEEKS_RANGE)
        self.weeks.setSuffix(translate("SettingsDialog", " weken"))
        self.weeks.setAccessibleName(
            translate("SettingsDialog", "Uitgiftetijd UZI-servercertificaat in weken")
        )
        self.weeks.setToolTip(
            translate(
                "SettingsDialog",
                "Weken van uw aanvraag bij de HIS- of AIS-leverancier tot het nieuwe certificaat "
                "bij de portal is (standaard {n}). 'Vraag aan vóór' = verloopdatum − 28 dagen − "
                "deze weken; 'nieuw certificaat bij de portal vóór' = verloopdatum − 28 dagen; "
                "'DigiD gaat uit op' = verloopdatum − 7 dagen.",
            ).format(n=UZI_ISSUING_WEEKS)
        )
        row(
            "uzi_issuing_weeks",
            translate("SettingsDialog", "&UZI-uitgiftetijd:"),
            self.weeks,
        )
        self.weeks_help = QLabel(self.weeks.toolTip(), self)
        self.weeks_help.setWordWrap(True)
        form.addRow("", self.weeks_help)
        layout.addLayout(form)
        from certassist.gui.reminders_section import RemindersSection

        self.reminders = RemindersSection(ctx, self)  # on/off, applied when saved
        layout.addWidget(self.reminders)
        self.pending_note = QLabel(self)
        self.pending_note.setWordWrap(True)
        layout.addWidget(self.pending_note)
        self.change_warning = _error_label(self)  # R13: shown before a second "Opslaan"
        layout.addWidget(self.change_warning)
        self._warned_for: PracticeSettings | None = None
        layout.addStretch(1)
        box = QDialogButtonBox(self)
        self.save_button = box.addButton(
            translate("SettingsDialog", "&Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(
            translate("SettingsDialog", "Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        cancel.setAccessibleName(translate("SettingsDialog", "Annuleren"))
        self.save_button.setAccessibleName(translate("SettingsDialog", "Opslaan"))
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.original = self._load()
        self._fill(self.original)

    def _load(self) -> PracticeSettings:
        try:
            return self.ctx.settings_file().load()
        except CertassistError as error:
            self.load_error.setText(render(error.message_id, self.ctx.lang, **error.params))
            self.load_error.setVisible(True)
            return PracticeSettings()

    def _fill(self, settings: PracticeSettings) -> None:
        self.name.setText(settings.practice_name)
        self.agb.setText(settings.agb_code or "")
        self.subscriber.setText(settings.subscriber_number or "")
        self.oin.setText(settings.oin or "")
        self.contract_holder.setText(settings.contract_holder or "")
        self.card_holder.setText(settings.card_holder or "")
        index = self.vendor.findData(settings.vendor_id or "")
        self.vendor.setCurrentIndex(max(index, 0))
        self.contact.setText(settings.contact_person or "")
        self.folders.clear()
        for folder in settings.backup_folders:
            self._add_item(folder)
        self.weeks.setValue(settings.uzi_issuing_weeks)
        count = len(settings.pending_requests)
        self.pending_note.setText(
            translate(
                "SettingsDialog",
                "Openstaande aanvragen: {n} (blijven bewaard; ze verdwijnen als het "
                "certificaat is geïnstalleerd).",
            ).format(n=count)
            if count
            else ""
        )

    def _add_item(self, folder: Path) -> None:
        self.folders.addItem(str(folder))

    def add_folder(self, folder: Path | None = None) -> None:
        """A folder to watch for backups (USB stick, network drive); asked when not given."""
        if folder is None:
            from PySide6.QtWidgets import QFileDialog

            chosen = QFileDialog.getExistingDirectory(
                self, translate("SettingsDialog", "Back-upmap kiezen"), str(Path.home())
            )
            if not chosen:
                return
            folder = Path(chosen)
        if str(folder) not in self.folder_texts():
            self._add_item(folder)

    def remove_folder(self) -> None:
        row = self.folders.currentRow()
        if row >= 0:
            self.folders.takeItem(row)

    def folder_texts(self) -> list[str]:
        return [self.folders.item(i).text() for i in range(self.folders.count())]

    def collect(self) -> PracticeSettings | None:
        """The settings as typed, or None with every field's error shown next to it."""
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)
        values: dict[str, object] = {}
        checks = {
            "agb_code": (self.agb.text(), check_agb),
            "subscriber_number": (self.subscriber.text(), check_subscriber),
            "oin": (self.oin.text(), check_oin),
            "vendor_id": (str(self.vendor.currentData() or ""), check_vendor),
        }
        failed = False
        for key, (text, check) in checks.items():
            if not text.strip():
                values[key] = None
                continue
            try:
                values[key] = check(text)
            except CertassistError as error:
                self.errors[key].setText(render(error.message_id, self.ctx.lang, **error.params))
                self.errors[key].setVisible(True)
                failed = True
        if failed:
            return None
        return replace(
            self.original,
            practice_name=self.name.text().strip(),
            agb_code=values["agb_code"],  # type: ignore[arg-type]
            subscriber_number=values["subscriber_number"],  # type: ignore[arg-type]
            oin=values["oin"],  # type: ignore[arg-type]
            contract_holder=self.contract_holder.text().strip() or None,
            card_holder=self.card_holder.text().strip() or None,
            vendor_id=values["vendor_id"],  # type: ignore[arg-type]
            contact_person=self.contact.text().strip() or None,
            backup_folders=tuple(Path(t) for t in self.folder_texts()),
            uzi_issuing_weeks=int(self.weeks.value()),
        )

    def save(self) -> bool:
        settings = self.collect()
        if settings is None:
            return False
        warning = practice_change_warning(self.original, settings, self.ctx.lang)
        if warning and settings != self._warned_for:  # R13: say it once, save on the next click
            self._warned_for = settings
            self.change_warning.setText(warning)
            self.change_warning.setVisible(True)
            self.save_button.setText(translate("SettingsDialog", "&Toch opslaan"))
            return False
        try:
            self.ctx.save_settings(settings)
        except (OSError, CertassistError) as error:
            from certassist.gui.pages.base import error_text

            self.load_error.setText(error_text(error, self.ctx.lang))
            self.load_error.setVisible(True)
            return False
        if not self.reminders.apply():
            return False
        self.accept()
        return True

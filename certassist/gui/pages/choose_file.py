"""Install and restore: which file, and its password. The file is read in a worker.

A wrong password and a damaged file get different messages (the reading core tells them
apart), so the user knows whether to retype or to find another copy.

Restore also lists the backups in the practice's registered backup folders (settings), with
kind, holder and expiry from each backup's public sidecar, so nobody has to know a file name
and no password is asked before one is chosen. Files without a sidecar (made elsewhere) are
listed by name: their password is needed to see what they hold.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
)

from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage, error_text
from certassist.gui.widgets.password import PasswordField
from certassist.gui.widgets.path_row import add_path_row
from certassist.ops.flows_ids import FlowId

if TYPE_CHECKING:
    from certassist.core.models import Bundle
    from certassist.gui.wizard import FlowWizard


# Tries the page counts aloud; the file itself never locks, so after the third the page
# stops counting and says where the password can come from.
MAX_TRIES = 3


class ChooseFilePage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        restore = self.fw.flow is FlowId.RESTORE
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
        self.found_label = QLabel(
            translate("ChooseFilePage", "Back-ups in uw back-upmappen:"), self
        )
        self.found = QListWidget(self)
        self.found.setAccessibleName(translate("ChooseFilePage", "Gevonden back-ups"))
        self.found.setWordWrap(True)
        self.found.currentItemChanged.connect(self._found_chosen)
        self.found_label.setBuddy(self.found)
        self.found_note = QLabel(self)
        self.found_note.setWordWrap(True)
        for widget in (self.found_label, self.found, self.found_note):
            widget.setVisible(False)
            self.layout_.addWidget(widget)
        self.layout_.setStretchFactor(self.found, 1)
        form = QFormLayout()
        self.path, self.browse = add_path_row(
            form,
            self,
            label=translate("ChooseFilePage", "&Bestand:"),
            field_name=translate("ChooseFilePage", "Bestand"),
            browse_text=translate("ChooseFilePage", "&Bladeren…"),
            browse_name=translate("ChooseFilePage", "Bestand kiezen"),
            on_browse=self._browse,
            on_change=self.completeChanged,
        )
        self.password = PasswordField(translate("ChooseFilePage", "Wachtwoord van het bestand"))
        pw_label = QLabel(translate("ChooseFilePage", "&Wachtwoord:"), self)
        pw_label.setBuddy(self.password.edit)
        form.addRow(pw_label, self.password)
        self.layout_.addLayout(form)
        self.wrong_tries = 0
        self.path.textChanged.connect(self._path_changed)
        self.finish_layout(stretch=not restore)

    def initializePage(self) -> None:
        if not self.path.text() and self.ctx.backup_dir is not None:
            self.path.setText(str(self.ctx.backup_dir) + "/")
        if self.fw.flow is FlowId.RESTORE and self.ctx.settings().backup_folders:
            ctx = self.ctx
            from certassist.gui.worker import run_task

            # Not `self.run`: the list is a help, it must never hold up Next (validate_async).
            run_task(lambda r, c: registered_backups(ctx), self._fill_found, parent=self)

    def _fill_found(self, found: tuple[list[Any], list[str]]) -> None:
        backups, missing = found
        self.found.blockSignals(True)
        self.found.clear()
        for backup in backups:
            item = QListWidgetItem(backup_text(backup, self.lang, self.ctx.today()), self.found)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
        self.found.blockSignals(False)
        notes = []
        if not backups:
            notes.append(translate("ChooseFilePage", "Geen back-ups gevonden in uw back-upmappen."))
        if missing:
            notes.append(
                translate(
                    "ChooseFilePage", "Niet bereikbaar (USB-stick niet aangesloten?): {folders}"
                ).format(folders=", ".join(missing))
            )
        self.found_note.setText(" ".join(notes))
        self.found_label.setVisible(True)
        self.found.setVisible(bool(backups))
        self.found_note.setVisible(bool(notes))

    def _path_changed(self) -> None:
        self.wrong_tries = 0  # another file: counting starts again

    def _found_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.path.setText(str(item.data(Qt.ItemDataRole.UserRole)))
            self.password.edit.setFocus()

    def cleanupPage(self) -> None:  # going back clears the secret
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

    def isComplete(self) -> bool:
        text = self.path.text().strip()
        return bool(text) and not text.endswith(("/", "\\"))

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip())
        password = self.password.text() or None

        def read() -> Bundle:
            from certassist.gui.offload import offloaded_reader

            return offloaded_reader(path, password)

        def apply(bundle: Bundle) -> None:
            self.state.bundle = bundle
            self.state.file_path = path
            self.password.clear()
            self.wrong_tries = 0

        busy = translate("ChooseFilePage", "Het bestand wordt gelezen…")
        return self.validate_async(read, apply, busy, on_error=self._read_failed)

    def _read_failed(self, error: BaseException) -> None:
        """A wrong password says which try this is, so retyping the same one is noticed."""
        if getattr(error, "message_id", "") != "E-read-wrong-password":
            self.show_error(error)
            return
        self.wrong_tries += 1
        text = error_text(error, self.lang)
        if self.wrong_tries <= MAX_TRIES:
            text += " " + translate("ChooseFilePage", "(poging {n} van {max})").format(
                n=self.wrong_tries, max=MAX_TRIES
            )
        if self.wrong_tries >= MAX_TRIES:
            text += " " + translate(
                "ChooseFilePage",
                "Lukt het niet? Controleer of dit het juiste bestand is, en vraag wie de "
                "back-up maakte naar het wachtwoord. certassist kan het niet terughalen.",
            )
        self.password.edit.selectAll()
        self.password.edit.setFocus()
        self.show_error(text)


def registered_backups(ctx: Any) -> tuple[list[Any], list[str]]:
    """Every backup in the registered folders (runs in a worker: a network drive can be slow);
    newest certificate first. Folders that are not there are named, not fatal."""
    from certassist.core.errors import CertassistError
    from certassist.stores.pkcs12file import Pkcs12FolderStore

    found: list[Any] = []
    missing: list[str] = []
    for folder in ctx.settings().backup_folders:
        try:
            found += Pkcs12FolderStore(folder).backups()
        except (CertassistError, OSError):
            missing.append(str(folder))
    found.sort(key=lambda b: (b.meta is None, -(b.meta.not_after.timestamp() if b.meta else 0)))
    return found, missing


def backup_text(backup: Any, lang: str, today: date) -> str:
    """'Anna de Vries — VECOZO persoonlijk — verloopt 11-4-2028 (nog 500 dagen)\nname.pfx'."""
    from certassist.gui.i18n import days_left_text, format_date
    from certassist.gui.labels import kind_and_environment

    meta = backup.meta
    if meta is None:
        return f"{backup.path.name} — " + translate(
            "ChooseFilePage", "onbekend: het wachtwoord is nodig om te zien wat erin zit"
        )
    holder = meta.holder or _cn(meta.subject)
    kind = kind_and_environment(meta.kind or "other", meta.environment or "production")
    expiry = meta.not_after.date()
    days = (expiry - today).days
    when = translate("ChooseFilePage", "verloopt {date} ({days})").format(
        date=format_date(expiry, lang), days=days_left_text(days)
    )
    return f"{holder} — {kind} — {when}\n{backup.path.parent.name}/{backup.path.name}"


def _cn(subject: str) -> str:
    for part in subject.split(","):
        if part.strip().upper().startswith("CN="):
            return part.strip()[3:]
    return subject

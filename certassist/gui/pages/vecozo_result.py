"""VECOZO renewal, last page: the new certificate, where it is and until when (R14), what was
recorded, and the backup next (R9); or that nothing was found and nothing changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from certassist.gui.i18n import days_left_text, format_date, translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.words import escape, say

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class VecozoResultPage(FlowPage):
    after_commit = True

    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("VecozoResultPage", "Klaar"))
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAccessibleName(translate("VecozoResultPage", "Resultaat"))
        self.layout_.addWidget(self.body)
        self.fingerprint = ""  # the new certificate, for "Nu een back-up maken"
        self.backup = QPushButton(translate("VecozoResultPage", "Nu een &back-up maken"), self)
        self.backup.setAccessibleName(translate("VecozoResultPage", "Nu een back-up maken"))
        self.backup.clicked.connect(lambda: self.go_to_backup(self.fingerprint))
        row = QHBoxLayout()
        row.addWidget(self.backup)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.setFinalPage(True)
        self.finish_layout()

    def initializePage(self) -> None:
        outcome: Any = self.state.result
        done = getattr(outcome, "finished", None)
        self.backup.setVisible(done is not None)
        if done is None:
            cancelled = bool(getattr(outcome, "cancelled", False))
            self.setTitle(
                translate("VecozoResultPage", "Afgebroken")
                if cancelled
                else translate("VecozoResultPage", "Nog niet gevonden")
            )
            text = (
                translate("VecozoResultPage", "Er is niets veranderd.")
                if cancelled
                else say("I-vecozo-not-detected", self.lang)
            )
            self.body.setText(f"<p>{escape(text)}</p>")
            return
        info = done.info
        self.fingerprint = info.fingerprint
        self.setTitle(translate("VecozoResultPage", "Vernieuwd"))
        run = self.state.vecozo
        holder = run.guide.holder if run is not None else info.subject
        parts = [
            "<p><b>"
            + escape(
                translate(
                    "VecozoResultPage", "Het nieuwe certificaat van {holder} staat in {store}."
                ).format(holder=holder, store=done.store.label)
            )
            + "</b></p>",
            "<p>"
            + escape(
                translate("VecozoResultPage", "Geldig tot {date} ({days}).").format(
                    date=format_date(info.expiry_date, self.lang),
                    days=days_left_text(info.days_left(self.ctx.today())),
                )
            )
            + " "
            + escape(
                translate("VecozoResultPage", "Installatiedatum vastgelegd: {date}.").format(
                    date=format_date(done.installed_on, self.lang)
                )
            )
            + "</p>",
        ]
        for notice in done.notices:
            parts.append(f"<p>{escape(say(notice.message_id, self.lang, notice.params))}</p>")
        self.body.setText("".join(parts))

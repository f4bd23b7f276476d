"""UZI pairing, last page: the new expiry and where it is (R14), the vendor's steps (R12), and
the backup (R9).

The vendor sends no confirmation, so this page is it: it shows the renewal core's R14 verdict
over the places that verifiably hold the new certificate now, never what we hoped for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from certassist.gui.i18n import days_left_text, format_date, translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.words import escape, say

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class PairResultPage(FlowPage):
    after_commit = True

    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("PairResultPage", "Klaar"))
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAccessibleName(translate("PairResultPage", "Resultaat"))
        self.layout_.addWidget(self.body)
        self.backup = QPushButton(translate("PairResultPage", "Nu een &back-up maken"), self)
        self.backup.setAccessibleName(translate("PairResultPage", "Nu een back-up maken"))
        self.backup.clicked.connect(self._backup)
        row = QHBoxLayout()
        row.addWidget(self.backup)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.fingerprint = ""
        self.setFinalPage(True)
        self.finish_layout()

    def initializePage(self) -> None:
        outcome: Any = self.state.result
        if outcome is None:
            self.body.setText("")
            return
        info = outcome.paired.info
        vendor = outcome.paired.vendor
        self.fingerprint = info.fingerprint
        verdict = outcome.verdict
        ok = bool(outcome.places) and verdict.allowed and not verdict.warnings
        self.setTitle(
            translate("PairResultPage", "Vernieuwd")
            if ok
            else translate("PairResultPage", "Nog niet af")
        )
        parts = [
            "<p><b>"
            + escape(
                translate("PairResultPage", "Nieuw certificaat geldig tot {date} ({days}).").format(
                    date=format_date(info.expiry_date, self.lang),
                    days=days_left_text(info.days_left(self.ctx.today())),
                )
            )
            + "</b></p>"
        ]
        if outcome.places:
            parts.append(
                "<p>"
                + translate("ResultPage", "<b>Waar:</b>")
                + "<br>"
                + "<br>".join(escape(p) for p in outcome.places)
                + "</p>"
            )
        for decision in verdict.decisions:
            parts.append(f"<p>{escape(say(decision.message_id, self.lang, decision.params))}</p>")
        if vendor is not None:
            steps = "".join(f"<li>{escape(s)}</li>" for s in vendor.steps(self.lang))
            heading = translate("PairResultPage", "Wat u nu doet bij {vendor}:").format(
                vendor=vendor.name
            )
            parts.append(f"<p><b>{escape(heading)}</b></p><ol>{steps}</ol>")
        else:
            parts.append(
                "<p>"
                + escape(
                    translate(
                        "PairResultPage",
                        "Leg uw HIS- of AIS-leverancier vast in de praktijkinstellingen; dan "
                        "ziet u hier de stappen die daarna nog nodig zijn.",
                    )
                )
                + "</p>"
            )
        self.body.setText("".join(parts))
        in_store = bool(outcome.install is not None and outcome.install.stores)
        self.backup.setVisible(in_store)  # a PFX alone is itself a backup file
        self.state.clear_secrets()

    def _backup(self) -> None:
        self.go_to_backup(self.fingerprint)

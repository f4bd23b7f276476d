"""Result: what changed, where, until when it is valid, and what to do next (R9, R14).

The vendor and VECOZO send no confirmation, so this page is the confirmation: it shows the
operation's verified result, never what we hoped would happen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from certassist.gui.i18n import days_left_text, format_date, translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.words import escape, say
from certassist.ops.flows_ids import FlowId

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


def next_advice(flow: FlowId) -> str:
    return {
        FlowId.INSTALL: translate(
            "ResultPage",
            "Maak nu een back-up op een USB-stick: een certificaat kan maar één "
            "keer worden geïnstalleerd.",
        ),
        FlowId.RESTORE: translate(
            "ResultPage",
            "Bewaar de back-up op een veilige plek; u heeft hem weer nodig als "
            "deze pc wordt vervangen.",
        ),
        FlowId.COPY: translate(
            "ResultPage",
            "Start de browser opnieuw en log in op VECOZO om te controleren dat het werkt.",
        ),
        FlowId.BACKUP: translate(
            "ResultPage",
            "Haal de USB-stick eruit en bewaar hem op een veilige plek, apart van het wachtwoord.",
        ),
        FlowId.TRANSFER: translate(
            "ResultPage",
            "Neem de USB-stick mee naar de andere pc's. Start daar certassist en "
            "kies 'Back-up terugzetten'. Elke gebruiker zet een persoonlijk certificaat zelf "
            "terug op het eigen account.",
        ),
        FlowId.REMOVE: translate(
            "ResultPage",
            "Het certificaat is weg van deze plek. Back-ups op andere media zijn niet aangeraakt.",
        ),
    }.get(flow, "")


class ResultPage(FlowPage):
    after_commit = True

    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("ResultPage", "Klaar"))
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAccessibleName(translate("ResultPage", "Resultaat"))
        self.layout_.addWidget(self.body)
        self.setFinalPage(True)
        self.finish_layout()

    def initializePage(self) -> None:
        result: Any = self.state.result
        plan: Any = self.state.plan
        if result is None:
            self.body.setText("")
            return
        ok = bool(getattr(result, "ok", False))
        cancelled = str(getattr(result, "outcome", "")) == "cancelled"
        self.setTitle(
            translate("ResultPage", "Gelukt")
            if ok
            else translate("ResultPage", "Afgebroken")
            if cancelled
            else translate("ResultPage", "Niet gelukt")
        )
        headline = say(result.message_id, self.lang, result.params)
        parts = [f"<p><b>{escape(headline)}</b></p>"]
        where = [self._store_label(s) for s in result.stores] + list(result.paths)
        if where:
            parts.append(
                "<p>"
                + translate("ResultPage", "<b>Waar:</b>")
                + "<br>"
                + "<br>".join(escape(w) for w in where)
                + "</p>"
            )
        if plan is not None and ok and self.fw.flow is not FlowId.REMOVE:
            for info in plan.certificates:
                parts.append(
                    "<p>"
                    + translate("ResultPage", "Geldig tot {date} ({days}).").format(
                        date=format_date(info.expiry_date, self.lang),
                        days=days_left_text(info.days_left(self.ctx.today())),
                    )
                    + "</p>"
                )
        for notice in result.notices:
            parts.append(f"<p>{escape(say(notice.message_id, self.lang, notice.params))}</p>")
        if ok:
            parts.append(
                "<p><b>"
                + translate("ResultPage", "Wat nu?")
                + "</b> "
                + escape(next_advice(self.fw.flow))
                + "</p>"
            )
        self.body.setText("".join(parts))
        self.state.clear_secrets()

    def _store_label(self, store_id: str) -> str:
        try:
            return self.ctx.store(store_id).label
        except KeyError:
            return store_id

"""UZI pairing, page 2: does this certificate belong to our request and to our practice?

The renewal core checks (in a worker): the key matches the pending key, it is a UZI server
certificate, the subscriber number is the old one and the one the practice recorded (R13), the
environment is the same (R10), it is valid (R6) and newer than the old one. A refusal is shown
with its rule and the catalog's next step; nothing has been installed or written at that point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from certassist.gui import palette
from certassist.gui.i18n import days_left_text, format_date, translate
from certassist.gui.labels import environment_label
from certassist.gui.pages.base import FlowPage, error_text
from certassist.gui.pages.rule_texts import rule_explanation
from certassist.gui.words import details, escape, say

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class PairCheckPage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("PairCheckPage", "Controle van het ontvangen certificaat"))
        self.setSubTitle(
            translate(
                "PairCheckPage",
                "certassist controleert of dit certificaat bij uw aanvraag en uw praktijk "
                "hoort. Er is nog niets geïnstalleerd.",
            )
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(translate("PairCheckPage", "Uitkomst van de controle"))
        self.layout_.addWidget(self.summary)
        self.refusal: BaseException | None = None
        self.add_details()
        self.finish_layout()

    def initializePage(self) -> None:
        from certassist.gui.pairing import pair

        self.state.paired = None
        self.refusal = None
        self.set_details([])
        self.show_error(None)
        self.summary.setText(translate("PairCheckPage", "Bezig met controleren…"))
        ctx, state = self.ctx, self.state
        pending_id, path = state.pending_id, state.file_path
        password = state.key_password or None
        state.key_password = ""  # used once; the pending key stays encrypted on disk
        assert path is not None
        self.run(
            lambda r, c: pair(ctx, pending_id, path, password), self._paired, on_error=self._refused
        )
        self.show_busy(translate("PairCheckPage", "Bestand wordt gelezen en gecontroleerd…"))

    def cleanupPage(self) -> None:
        self.state.paired = None

    def _paired(self, paired: Any) -> None:
        self.state.paired = paired
        self.summary.setText(self._passed_html(paired))
        self.completeChanged.emit()

    def _refused(self, error: BaseException) -> None:
        from certassist.gui.pairing import refusal_rule

        self.refusal = error
        rule = refusal_rule(error)
        head = translate("PairCheckPage", "Niet gekoppeld")
        self.set_details([details(str(getattr(error, "message_id", "")), rule)])
        why = rule_explanation(rule)
        because = escape(translate("CheckPage", "Waarom:"))
        why_html = f"<p><i>{because} {escape(why)}</i></p>" if why else ""
        self.summary.setText(
            f"<p><b style='color:{palette.ERROR}'>{escape(head)}</b></p>"
            f"<p>{escape(error_text(error, self.lang))}</p>{why_html}"
            + "<p>"
            + translate(
                "PairCheckPage",
                "Ga terug om een ander bestand of het juiste wachtwoord te kiezen.",
            )
            + "</p>"
        )
        self.completeChanged.emit()

    def _passed_html(self, paired: Any) -> str:
        info = paired.info
        c = info.classification
        number = c.subscriber_number or c.ura or "?"
        today = self.ctx.today()
        checks = [
            translate("PairCheckPage", "De sleutel past: dit certificaat hoort bij uw aanvraag."),
            translate("PairCheckPage", "UZI-servercertificaat voor {host}.").format(
                host=paired.pending.host
            ),
            translate("PairCheckPage", "Abonneenummer {number} klopt.").format(number=number),
            translate("PairCheckPage", "Geldig van {start} tot en met {end} ({days}).").format(
                start=format_date(info.not_before.date(), self.lang),
                end=format_date(info.expiry_date, self.lang),
                days=days_left_text(info.days_left(today)),
            ),
        ]
        if info.environment.value != "production":
            checks.append(
                translate("PairCheckPage", "Omgeving: {env}.").format(
                    env=environment_label(info.environment.value)
                )
            )
        items = "".join(
            f"<li><span style='color:{palette.OK}'>✔</span> {escape(t)}</li>" for t in checks
        )
        notes = "".join(
            f"<p>{escape(say(n.message_id, self.lang, n.params))}</p>" for n in paired.notices
        )
        ok = translate("PairCheckPage", "Het certificaat hoort bij uw aanvraag.")
        return f"<p><b style='color:{palette.OK}'>{escape(ok)}</b></p><ul>{items}</ul>{notes}"

    def isComplete(self) -> bool:
        return self.state.paired is not None

"""Check: what will happen, and what the rules say about it, before anything is done.

The operation's `plan()` runs in a worker (it reads stores); its blockers are the rules'
refusals, each shown with the rule, its reason in plain Dutch, and who can do it instead
(the catalog's "next" text). Going on requires ticking the confirmations the plan asks for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from certassist.core.messages import text_only
from certassist.gui import palette
from certassist.gui.flow_state import plan_for
from certassist.gui.i18n import days_left_text, format_date, translate
from certassist.gui.labels import kind_and_environment
from certassist.gui.pages.base import FlowPage
from certassist.gui.pages.rule_texts import rule_explanation
from certassist.gui.words import details, escape, say

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


def confirm_text(confirm: Any, holder: str | None) -> str:
    value = str(getattr(confirm, "value", confirm))
    return {
        "proceed": translate("CheckPage", "Ik heb dit gelezen en wil doorgaan."),
        "holder": translate("CheckPage", "Ik ben {holder}.").format(holder=holder or ""),
        "older-backup": translate(
            "CheckPage", "Ik weet dat deze back-up ouder is dan het geïnstalleerde certificaat."
        ),
        "no-backup": translate(
            "CheckPage", "Ik weet dat er geen back-up is gecontroleerd en wil toch verwijderen."
        ),
        "replace-old": translate(
            "CheckPage", "Verwijder het oude certificaat zodra het nieuwe werkt."
        ),
    }.get(value) or text_only(f"C-ops-{value}")  # a newer confirmation: the catalog's text


class CheckPage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("CheckPage", "Controle"))
        self.setSubTitle(
            translate(
                "CheckPage",
                "certassist legt uw verzoek voor aan de regels. Er is nog niets veranderd.",
            )
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(translate("CheckPage", "Uitkomst van de controle"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget(scroll)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.summary)
        inner_layout.addStretch(1)
        scroll.setWidget(inner)
        self.layout_.addWidget(scroll, 1)
        self.confirm_box = QVBoxLayout()
        self.layout_.addLayout(self.confirm_box)
        self.boxes: dict[Any, QCheckBox] = {}
        self.add_details()
        self.finish_layout(stretch=False)  # the plan takes the free space, not an empty gap

    def initializePage(self) -> None:
        self.state.plan = None
        self._clear_boxes()
        self.set_details([])
        self.show_error(None)
        self.summary.setText(translate("CheckPage", "Bezig met controleren…"))
        ctx, state = self.ctx, self.state
        self.run(lambda r, c: plan_for(ctx, state), self._planned, on_error=self._plan_failed)
        self.show_busy(translate("CheckPage", "Bezig met controleren…"))

    def cleanupPage(self) -> None:
        self.state.plan = None
        self._clear_boxes()

    def _clear_boxes(self) -> None:
        for box in self.boxes.values():
            box.setParent(None)
            box.deleteLater()
        self.boxes.clear()

    def _plan_failed(self, error: BaseException) -> None:
        self.summary.setText(translate("CheckPage", "De controle kon niet worden afgerond."))
        self.show_error(error)
        self.set_details([details(str(getattr(error, "message_id", type(error).__name__)))])

    def _planned(self, plan: Any) -> None:
        self.state.plan = plan
        self.summary.setText(self._describe(plan))
        self.set_details(
            [
                details(n.message_id, getattr(n, "rule_id", None))
                for n in (*plan.blockers, *plan.warnings)
            ]
        )
        if plan.allowed:
            order = ["holder", "older-backup", "no-backup", "replace-old", "proceed"]
            needs = sorted(
                plan.needs, key=lambda c: order.index(c.value) if c.value in order else 0
            )
            for confirm in needs:
                box = QCheckBox(confirm_text(confirm, plan.holder), self)
                box.setAccessibleName(box.text())
                box.toggled.connect(self.completeChanged)
                self.confirm_box.addWidget(box)
                self.boxes[confirm] = box
            if self.boxes:
                next(iter(self.boxes.values())).setFocus()
        self.completeChanged.emit()

    def _notice_html(self, notice: Any, colour: str, word: str) -> str:
        rule = getattr(notice, "rule_id", None)
        text = escape(say(notice.message_id, self.lang, notice.params))
        why = rule_explanation(rule)
        because = escape(translate("CheckPage", "Waarom:"))
        why_html = f"<br><i>{because} {escape(why)}</i>" if why else ""
        return f"<p><b style='color:{colour}'>{escape(word)}</b>: {text}{why_html}</p>"

    def _describe(self, plan: Any) -> str:
        parts: list[str] = []
        for info in plan.certificates:
            who = info.holder or info.classification.organisation or info.subject
            parts.append(
                f"<b>{escape(who)}</b> — {kind_and_environment(info.kind, info.environment)}, "
                + translate("CheckPage", "geldig tot {date} ({days})").format(
                    date=format_date(info.expiry_date, self.lang),
                    days=days_left_text(info.days_left(self.ctx.today())),
                )
            )
        lines = ["<br>".join(parts)]
        if plan.source:
            lines.append(
                translate("CheckPage", "<b>Van:</b> {source}").format(source=escape(plan.source))
            )
        if plan.targets:
            lines.append(
                translate("CheckPage", "<b>Naar:</b> {targets}").format(
                    targets=escape(", ".join(plan.targets))
                )
            )
        body = "<p>" + "<br>".join(lines) + "</p>"
        if plan.blockers:
            body += "".join(
                self._notice_html(n, palette.ERROR, translate("CheckPage", "Niet toegestaan"))
                for n in plan.blockers
            )
            body += (
                "<p>"
                + translate(
                    "CheckPage",
                    "Er is niets veranderd. Ga terug om iets anders te kiezen, "
                    "of sluit de assistent.",
                )
                + "</p>"
            )
            return body
        body += (
            f"<p><b style='color:{palette.OK}'>"
            + translate("CheckPage", "Toegestaan.")
            + "</b> "
            + translate("CheckPage", "Dit gaat er gebeuren:")
            + "</p><ol>"
        )
        body += "".join(
            f"<li>{escape(say(s.message_id, self.lang, s.params))}</li>" for s in plan.steps
        )
        body += "</ol>"
        body += "".join(
            self._notice_html(n, palette.WARN, translate("CheckPage", "Let op"))
            for n in plan.warnings
        )
        return body

    def isComplete(self) -> bool:
        plan = self.state.plan
        if plan is None or not plan.allowed:
            return False
        return all(box.isChecked() for box in self.boxes.values())

    def validatePage(self) -> bool:
        plan = self.state.plan
        assert plan is not None  # Next is enabled only with a plan (isComplete)
        self.state.confirmations = {
            c: (plan.holder or True if c.value == "holder" else True) for c in self.boxes
        }
        return True

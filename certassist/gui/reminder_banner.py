"""The reminder banner on the start page: what is due or overdue, in words and colour.

Why on the start page: the daily scheduled task reaches a person once a day; the banner reaches
whoever opens certassist, and leads straight to the flow that fixes the problem. It is fed by
the same check as `certassist check` (`ops.check.run_check`), run in a worker after the first
page is shown, so start-up and the GUI thread never wait for it. Nothing due: no banner.

`banner_view` turns a check report into words and actions without touching a widget, so the
wording is tested apart from the layout. Production comes first; acceptance/test is counted
apart (R10), never mixed into "your certificates must be renewed".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from certassist.core.kinds import Family, family
from certassist.gui.i18n import translate
from certassist.gui.palette import BANNER
from certassist.gui.words import escape

MAX_ROWS = 4
_RENEW_STATES = ("renew-now", "expired")
_UZI_STATES = ("uzi-start-now", "uzi-overdue")


@dataclass(frozen=True)
class BannerAction:
    """What a row's button does: open a flow (with a certificate), the settings, or a page."""

    kind: str  # "flow", "settings", "url" or "signs" (R14: confirm the portal's two signs)
    target: str = ""  # flow name or URL
    fingerprint: str = ""
    label: str = ""


@dataclass(frozen=True)
class BannerRow:
    text: str
    action: BannerAction | None


@dataclass(frozen=True)
class BannerView:
    severity: int  # 1 due soon, 2 overdue/expired (the check's exit code)
    headline: str
    rows: tuple[BannerRow, ...]
    footer: str = ""


def _count_text(count: int, one: str, many: str) -> str:
    return (one if count == 1 else many).format(n=count)


def _uzi_server(item: Any) -> bool:
    return family(item.kind) is Family.UZI_SERVER


def headline_text(due: Sequence[Any]) -> str:
    """'2 certificaten moeten nu vernieuwd worden; UZI-servercertificaat: start nu …'."""
    parts: list[str] = []
    renew = [i for i in due if i.state in _RENEW_STATES and not _uzi_server(i)]
    if renew:
        parts.append(
            _count_text(
                len(renew),
                translate("Banner", "1 certificaat moet nu vernieuwd worden"),
                translate("Banner", "{n} certificaten moeten nu vernieuwd worden"),
            )
        )
    uzi = [i for i in due if i.state in _UZI_STATES or (_uzi_server(i) and i.state == "expired")]
    if any(i.state != "uzi-start-now" for i in uzi):
        parts.append(translate("Banner", "UZI-servercertificaat: te laat, start direct"))
    elif uzi:
        parts.append(translate("Banner", "UZI-servercertificaat: start nu de vernieuwing"))
    pending = [i for i in due if i.pending is not None]
    if pending:
        parts.append(
            _count_text(
                len(pending),
                translate("Banner", "1 aanvraag moet binnen 60 dagen geïnstalleerd zijn"),
                translate("Banner", "{n} aanvragen moeten binnen 60 dagen geïnstalleerd zijn"),
            )
        )
    mismatch = [i for i in due if any(n.rule_id == "R13" for n in i.notes)]
    if mismatch:
        parts.append(translate("Banner", "abonneenummer van het UZI-certificaat klopt niet"))
    if not parts:
        parts.append(
            _count_text(
                len(due),
                translate("Banner", "1 certificaat vraagt nu aandacht"),
                translate("Banner", "{n} certificaten vragen nu aandacht"),
            )
        )
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def action_for(item: Any, pending_uzi: Sequence[Any]) -> BannerAction | None:
    """The flow that fixes `item`: renew, pair a waiting UZI request, install a request."""
    if item.state == "confirm-signs":  # R14: renewed already; the portal's two signs
        label = translate("Banner", "Tekens bevestigen")
        return BannerAction("signs", item.label, item.params.get("fingerprint", ""), label)
    if item.pending is not None:
        if _uzi_server(item):
            return BannerAction("flow", "uzi_pair", "", translate("Banner", "Certificaat koppelen"))
        from certassist.ops.vecozo_flow import vecozo_pages

        url = vecozo_pages(item.environment).install
        return BannerAction("url", url, "", translate("Banner", "Installatiepagina openen"))
    if _uzi_server(item):
        if any(p.old_fingerprint == item.fingerprint for p in pending_uzi):
            label = translate("Banner", "Certificaat koppelen")
            return BannerAction("flow", "uzi_pair", item.fingerprint or "", label)
        if item.state in ("ok", "not-yet-valid") and item.notes:  # only R13 is wrong
            return BannerAction("settings", "", "", translate("Banner", "Instellingen"))
        label = translate("Banner", "Vernieuwing starten")
        return BannerAction("flow", "renew", item.fingerprint or "", label)
    if family(item.kind) is Family.VECOZO and item.fingerprint:
        label = (
            translate("Banner", "Opnieuw installeren")
            if item.state == "expired"
            else translate("Banner", "Vernieuwen")
        )
        return BannerAction("flow", "renew", item.fingerprint, label)
    return None


def _row_text(item: Any, lang: str) -> str:
    from certassist.gui.labels import status_label
    from certassist.gui.words import say_text

    state = item.state.removeprefix("pending-")
    word = translate("Banner", "aanvraag") if item.pending is not None else status_label(state)
    text = f"● {item.label} — {word}: {say_text(item.message_id, lang, item.params)}"
    for note in item.notes:
        text += " " + say_text(note.message_id, lang, note.params)
    return text


def banner_view(report: Any, pending_uzi: Sequence[Any], lang: str) -> BannerView | None:
    """None when nothing is due: the banner is hidden on quiet days."""
    due = report.due()
    if not due:
        return None
    production = [i for i in due if i.is_production]
    others = [i for i in due if not i.is_production]
    shown = production or others
    severity = int(max(i.severity for i in shown))
    headline = headline_text(shown)
    if not production:
        headline = translate("Banner", "Alleen acceptatie/test: {text}").format(text=headline)
    rows = tuple(
        BannerRow(_row_text(i, lang), action_for(i, pending_uzi)) for i in shown[:MAX_ROWS]
    )
    footer: list[str] = []
    if len(shown) > MAX_ROWS:
        footer.append(translate("Banner", "… en nog {n}.").format(n=len(shown) - MAX_ROWS))
    if production and others:  # R10: counted apart, never mixed into production
        footer.append(
            translate(
                "Banner",
                "Daarnaast {n} in de acceptatie- of testomgeving (niet voor het echte werk).",
            ).format(n=len(others))
        )
    return BannerView(severity, headline, rows, " ".join(footer))


class ReminderBanner(QFrame):
    """Emits `actionRequested(BannerAction)`; the start page turns it into a flow or a page."""

    actionRequested = Signal(object)  # Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setAccessibleName(translate("Banner", "Herinnering: wat moet er gebeuren"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 8, 10, 8)
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.grid.addWidget(self.headline, 0, 0, 1, 2)
        self.footer = QLabel(self)
        self.footer.setWordWrap(True)
        self.rows: list[tuple[QLabel, QPushButton | None]] = []
        self.view: BannerView | None = None
        self.setVisible(False)

    def show_view(self, view: BannerView | None) -> None:
        self.view = view
        for label, button in self.rows:
            label.deleteLater()
            if button is not None:
                button.deleteLater()
        self.rows = []
        if view is None:
            self.setVisible(False)
            return
        background, colour = BANNER.get(view.severity, BANNER[1])
        self.setStyleSheet(
            f"QFrame#reminderBanner {{ background: {background}; border: 2px solid {colour};"
            " border-radius: 4px; }"
            f" QFrame#reminderBanner QLabel {{ color: {colour}; }}"
        )
        word = (
            translate("Banner", "Actie nodig:")
            if view.severity >= 2
            else translate("Banner", "Binnenkort:")
        )
        self.headline.setText(f"<b>{escape(word)} {escape(view.headline)}</b>")
        self.headline.setAccessibleDescription(f"{word} {view.headline}")
        for number, row in enumerate(view.rows, 1):
            label = QLabel(row.text, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.grid.addWidget(label, number, 0)
            button = None
            if row.action is not None:
                button = QPushButton(row.action.label, self)
                button.setAccessibleName(f"{row.action.label}: {row.text}")
                button.clicked.connect(lambda _=False, a=row.action: self.actionRequested.emit(a))
                self.grid.addWidget(button, number, 1)
            self.rows.append((label, button))
        self.grid.addWidget(self.footer, len(view.rows) + 1, 0, 1, 2)
        self.footer.setText(view.footer)
        self.footer.setVisible(bool(view.footer))
        self.grid.setColumnStretch(0, 1)
        self.setVisible(True)

    def row_texts(self) -> list[str]:
        return [label.text() for label, _ in self.rows]

    def buttons(self) -> list[QPushButton]:
        return [b for _, b in self.rows if b is not None]

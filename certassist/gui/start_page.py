"""Start page "Mijn certificaten": every certificate on this PC, grouped, with its status.

The overview is read in a worker (opening an NSS database or the Windows store can take a
moment); until then the page says it is reading. Actions start the wizards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from certassist.core.kinds import Family, family
from certassist.gui.context import AppContext
from certassist.gui.help import help_links_label
from certassist.gui.i18n import translate
from certassist.gui.kind_question import KindQuestion
from certassist.gui.labels import kind_and_environment
from certassist.gui.overview_model import OverviewModel, group_title
from certassist.gui.words import escape
from certassist.gui.worker import run_task
from certassist.ops.flows_ids import FlowId, Selection, flow_traits

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from certassist.gui.reminder_banner import BannerAction, ReminderBanner
    from certassist.gui.worker import Report
    from certassist.ops.check import CheckReport
    from certassist.ops.renew_uzi import PendingRenewal

    CheckResult = tuple[CheckReport, list[PendingRenewal]]
    from certassist.ops.overview import CertificateGroup, Overview, StoreProblem

# One button per flow, in FlowId's order (their text: flow_title).
FLOWS = tuple(FlowId)
# Like Firefox's certificate manager: flows that act on one chosen certificate stay disabled
# until the user has chosen one. Backup takes several (none chosen: the list asks), UZI pairing
# finds its request itself; install and restore start from a file and never take the selection.
NEEDS_SELECTION = tuple(f for f in FLOWS if flow_traits(f).selection is Selection.ONE)
TAKES_SELECTION = tuple(
    f for f in FLOWS if flow_traits(f).selection in (Selection.ONE, Selection.MANY)
)
COMPACT_BELOW = 560  # px of start page height (800×600 windows) below which it saves space


def _focusable_before(widget: QWidget) -> QWidget | None:
    """The widget Tab visits before `widget` (labels and frames in between do not count)."""
    current = widget.previousInFocusChain()
    while current is not None and current is not widget:
        if current.focusPolicy() & Qt.FocusPolicy.TabFocus and current.isEnabled():
            return current
        current = current.previousInFocusChain()
    return None


def flow_title(flow: FlowId | str) -> str:
    return {
        FlowId.INSTALL: translate("Flows", "Installeren uit bestand"),
        FlowId.BACKUP: translate("Flows", "Back-up maken"),
        FlowId.RESTORE: translate("Flows", "Back-up terugzetten"),
        FlowId.COPY: translate("Flows", "Kopiëren Windows ↔ Firefox"),
        FlowId.TRANSFER: translate("Flows", "Naar andere pc's brengen"),
        FlowId.RENEW: translate("Flows", "Vernieuwen"),
        FlowId.REMOVE: translate("Flows", "Verwijderen"),
        FlowId.UZI_PAIR: translate("Flows", "UZI-certificaat koppelen"),
    }[FlowId(flow)]


def explanation_text() -> str:
    return translate(
        "StartPage",
        "<b>Persoonlijk certificaat</b>: staat op naam van één persoon en is om in te loggen "
        "op de VECOZO-website. Alleen die persoon installeert, vernieuwt en zet het terug, en "
        "alleen in de eigen Windows- of Firefox-opslag.<br>"
        "<b>Systeemcertificaat</b>: koppelt het praktijkprogramma aan VECOZO (declareren, "
        "verzekeringen controleren). De contactpersoon van de praktijk beheert het. Het hoort "
        "in Windows of in een bestand voor het programma, nooit in een browser.",
    )


class StartPage(QWidget):
    """Emits `flowRequested(flow, fingerprint or "")` when the user picks an action."""

    flowRequested = Signal(str, str)  # Qt naming
    settingsRequested = Signal()  # a banner row asks for the practice settings
    checked = Signal()  # the reminder check has finished (banner shown or hidden)
    calendarWritten = Signal(object)  # the .ics path, or the error

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        self._select_after_load: str | None = None
        self._tab_anchor: QWidget | None = None
        layout = QVBoxLayout(self)
        heading = translate("StartPage", "Mijn certificaten")
        title = QLabel(f"<h2>{escape(heading)}</h2>", self)
        layout.addWidget(title)
        # The reminder banner is built when the first check result arrives (after the first
        # page is shown): start-up time, benchmarks/bench_startup.py.
        self.banner: ReminderBanner | None = None
        self.check_report: CheckReport | None = None
        state_row = QHBoxLayout()
        self.state = QLabel(translate("StartPage", "Certificaten worden gelezen…"), self)
        self.state.setAccessibleName(translate("StartPage", "Toestand van het overzicht"))
        self.state.setWordWrap(True)
        state_row.addWidget(self.state, 1)
        # "Opnieuw inlezen", not "vernieuwen": that word is taken by renewing a certificate.
        self.refresh_button = QPushButton(translate("StartPage", "&Opnieuw inlezen"), self)
        self.refresh_button.setAccessibleName(translate("StartPage", "Overzicht opnieuw inlezen"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        state_row.addWidget(self.refresh_button)
        self.calendar_button = QPushButton(translate("StartPage", "Agenda-export (.ics)"), self)
        self.calendar_button.setAccessibleName(
            translate("StartPage", "Vernieuwdatums als agendabestand (.ics) opslaan")
        )
        self.calendar_button.clicked.connect(lambda: self.export_calendar())
        state_row.addWidget(self.calendar_button)
        layout.addLayout(state_row)
        self.calendar_state = QLabel(self)
        self.calendar_state.setWordWrap(True)
        self.calendar_state.setAccessibleName(translate("StartPage", "Agenda-export"))
        self.calendar_state.setVisible(False)
        layout.addWidget(self.calendar_state)

        self.model = OverviewModel(ctx.lang, self)
        self.table = QTableView(self)
        self.table.setAccessibleName(translate("StartPage", "Lijst van certificaten"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        # One place per line; what does not fit is elided, the tooltip has the full text.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table, 1)

        # Under the list: what the chosen certificate is, or (nothing chosen) what the two
        # VECOZO kinds mean, beside the publishers' help links. One row, so the list keeps room.
        bottom = QHBoxLayout()
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAccessibleName(translate("StartPage", "Uitleg bij het gekozen certificaat"))
        self.detail.linkActivated.connect(self.explain)
        self.explanation_box: QMessageBox | None = None
        bottom.addWidget(self.detail, 3)
        bottom.addWidget(help_links_label(self), 1)
        layout.addLayout(bottom)
        self.unavailable = QLabel(self)
        self.unavailable.setWordWrap(True)
        self.unavailable.setTextFormat(Qt.TextFormat.RichText)
        self.unavailable.setVisible(False)
        layout.addWidget(self.unavailable)
        self.kind_question = KindQuestion(ctx.today, self)  # "which kind is this?" (VECOZO)
        self.kind_question.answered.connect(lambda fingerprint: self.refresh(fingerprint))
        layout.addWidget(self.kind_question)

        actions = QGroupBox(translate("StartPage", "Wat wilt u doen?"), self)
        grid = QGridLayout(actions)
        self.buttons: dict[str, QPushButton] = {}
        for i, flow in enumerate(FLOWS):
            button = QPushButton(flow_title(flow), actions)
            button.setAccessibleName(flow_title(flow))
            button.clicked.connect(self._starter(flow))
            grid.addWidget(button, i // 4, i % 4)
            self.buttons[flow] = button
        for flow in NEEDS_SELECTION:
            self.buttons[flow].setToolTip(
                translate("StartPage", "Kies eerst een certificaat in de lijst.")
            )
        layout.addWidget(actions)
        self._selection_changed()
        # The window calls refresh() once it is on screen: reading stores never delays it.

    def _starter(self, flow: str) -> Callable[[], None]:
        return lambda: self.flowRequested.emit(flow, self.fingerprint_for(flow))

    def fingerprint_for(self, flow: str) -> str:
        """The chosen certificate for the flows that act on one; "" for the others."""
        group = self.selected_group()
        if group is None:
            return ""
        if flow in TAKES_SELECTION:
            return group.fingerprint
        if flow == FlowId.UZI_PAIR and family(group.kind) is Family.UZI_SERVER:
            return group.fingerprint  # picks the request made for this certificate
        return ""

    def _attach_model(self) -> None:
        """Connect the model once the window is visible: the first call into a Python model
        makes PySide6 build its `Qt` enums (~45 ms), which would delay the first page."""
        if self.table.model() is self.model:
            return
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
        if self.selected_group() is None:
            self.detail.setText(self._nothing_chosen_text())

    def compact(self) -> bool:
        """Low windows (800×600) keep the list readable: the long explanation of the two
        VECOZO kinds moves behind a link instead of taking six lines."""
        return self.height() < COMPACT_BELOW

    def _nothing_chosen_text(self) -> str:
        hint = escape(
            translate(
                "StartPage",
                "Kies een certificaat in de lijst voor uitleg, en om het te kopiëren, naar "
                "andere pc's te brengen, te vernieuwen of te verwijderen.",
            )
        )
        if not self.compact():
            return f"{hint}<br>{explanation_text()}"
        question = escape(translate("StartPage", "Persoonlijk of systeem: wat is het verschil?"))
        return f"{hint} <a href='#uitleg'>{question}</a>"

    def explain(self, _link: str = "") -> QMessageBox:
        """The explanation of personal and system certificates, in a box of its own."""
        self.explanation_box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("StartPage", "Persoonlijk of systeem"),
            explanation_text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.explanation_box.open()
        return self.explanation_box

    def fit_columns(self) -> None:
        """Share the table's width: every column gets what its text needs, up to a cap, and the
        certificate and place columns share the rest; nothing drops off the right edge."""
        if self.table.model() is not self.model:
            return
        from certassist.gui.overview_model import fit_widths

        header = self.table.horizontalHeader()
        wanted = [
            max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(self.model.columnCount())
        ]
        # Room for a vertical scroll bar is kept free: when rows are added it appears, and the
        # columns must still fit without a horizontal one.
        scroll = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        available = self.table.width() - 2 * self.table.frameWidth() - scroll
        for column, width in enumerate(fit_widths(wanted, available)):
            header.resizeSection(column, width)
        self.table.resizeRowsToContents()

    def selected_group(self) -> CertificateGroup | None:
        if self.table.selectionModel() is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.groups[rows[0].row()]

    def selected_fingerprint(self) -> str | None:
        group = self.selected_group()
        return group.fingerprint if group else None

    def refresh(self, select: str | None = None) -> None:
        """Read every store again; afterwards `select` (or what was chosen) is chosen and shown."""
        self._attach_model()
        self._select_after_load = select or self.selected_fingerprint()
        self.state.setText(translate("StartPage", "Certificaten worden gelezen…"))
        self.refresh_button.setEnabled(False)
        self.ctx.forget_settings()  # the reminder check reads them again, in its worker
        ctx, today = self.ctx, self.ctx.today()

        def scan(report: Report, cancelled: Callable[[], bool]) -> Overview:
            # The practice's registered backup folders count as places (R9: a verified
            # backup there clears "back-up ontbreekt"), as they do for the reminder check.
            return ctx.scan([*ctx.load_stores(), *ctx.backup_stores()], today)

        run_task(
            scan,
            on_done=self._loaded,
            on_error=self._failed,
            parent=self,
        )

    def show_store_problems(self, overview: Overview) -> None:
        """Under the table: the stores that could not be read, and what a store did on its own
        that the user must hear (a database repaired after an interrupted write), as `list`
        prints them."""
        from certassist.gui.words import say

        def line(problem: StoreProblem) -> str:
            text = say(problem.message_id, self.ctx.lang, problem.params)
            return f"<b>{escape(problem.label)}</b>: {escape(text)}"

        parts = [line(n) for n in overview.notices]
        if overview.unavailable:
            unread = [line(u) for u in overview.unavailable]
            parts.append("<br>".join([escape(translate("StartPage", "Niet gelezen:")), *unread]))
        self.unavailable.setText("<br>".join(parts))
        self.unavailable.setVisible(bool(parts))

    def _loaded(self, overview: Overview) -> None:
        self.overview = overview
        self.model.set_groups(overview.groups)
        self.fit_columns()
        self.refresh_button.setEnabled(True)
        count = len(overview.groups)
        if count == 0:
            text = translate("StartPage", "Geen certificaten gevonden.")
        elif count == 1:
            text = translate("StartPage", "1 certificaat gevonden. Kies het voor uitleg.")
        else:
            text = translate(
                "StartPage", "{n} certificaten gevonden. Kies er een voor uitleg."
            ).format(n=count)
        self.state.setText(text)
        self.show_store_problems(overview)
        self.kind_question.show_for(overview.groups)
        self.select(self._select_after_load)
        self._select_after_load = None
        self.loaded.emit()
        self.run_check()

    def select(self, fingerprint: str | None) -> None:
        """Choose the row of `fingerprint` and scroll it into view; nothing when it is gone."""
        row = next(
            (i for i, g in enumerate(self.model.groups) if g.fingerprint == fingerprint), None
        )
        if row is None:
            self.table.clearSelection()
            self._selection_changed()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    loaded = Signal()

    def _failed(self, error: BaseException) -> None:
        from certassist.gui.pages.base import error_text

        self.refresh_button.setEnabled(True)
        self.state.setText(error_text(error, self.ctx.lang))
        self.loaded.emit()

    # --- reminders: the banner and the calendar export --------------------------

    def _check_work(self) -> Callable[[Report, Callable[[], bool]], CheckResult]:
        """The worker's part: the same check as `certassist check`, plus waiting UZI requests."""
        ctx, today = self.ctx, self.ctx.today()

        def work(report: Report, cancelled: Callable[[], bool]) -> CheckResult:
            from certassist.gui.pairing import pending_renewals
            from certassist.ops.check import run_check

            settings = ctx.settings()
            records = ctx.op_context(ctx.actor(None, False)).records  # the demo's in the demo
            result = run_check(
                ctx.load_stores(), ctx.backup_stores(), settings, today,
                records=records.backups.all(), renewals=records.uzi_signs.all(),
            )  # fmt: skip
            return result, list(pending_renewals(ctx))

        return work

    def run_check(self) -> None:
        """Runs after the overview (never before the first page is shown: start-up time)."""
        run_task(
            self._check_work(),
            on_done=self._checked,
            on_error=self._check_failed,
            parent=self,
        )

    def _checked(self, result: CheckResult) -> None:
        from certassist.gui.reminder_banner import banner_view

        report, pending = result
        self.check_report = report
        banner = self._banner()
        banner.show_view(banner_view(report, pending, self.ctx.lang))
        self._banner_tab_order(banner)
        self.checked.emit()

    def _check_failed(self, error: BaseException) -> None:
        self._banner().show_view(None)  # the overview still shows every status
        self.checked.emit()

    def _banner(self) -> ReminderBanner:
        if self.banner is None:
            from certassist.gui.reminder_banner import ReminderBanner

            self._tab_anchor = _focusable_before(self.refresh_button)
            self.banner = ReminderBanner(self)
            self.banner.actionRequested.connect(self._banner_action)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.banner)  # under the heading
        return self.banner

    def _banner_tab_order(self, banner: ReminderBanner) -> None:
        """The banner sits above the list, so Tab reaches its buttons before the list (they
        were made last, which would put them after every other button)."""
        if self._tab_anchor is None:
            return
        chain: list[QWidget] = [
            self._tab_anchor,
            *banner.buttons(),
            self.refresh_button,
            self.calendar_button,
            self.table,
            *self.buttons.values(),
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _banner_action(self, action: BannerAction) -> None:
        if action.kind == "flow":
            self.flowRequested.emit(action.target, action.fingerprint)
        elif action.kind == "settings":
            self.settingsRequested.emit()
        elif action.kind == "signs":
            from certassist.gui.signs_dialog import confirm_signs

            if confirm_signs(self.ctx, action.fingerprint, self) is not None:
                self.run_check()  # the reminder for these signs is gone now
        elif action.kind == "url":
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(action.target))

    def export_calendar(self, path: Path | None = None) -> None:
        """Ask where (unless given), then check and write the .ics in a worker."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            start = str(Path.home() / "certassist-herinneringen.ics")
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                translate("StartPage", "Agenda-export opslaan"),
                start,
                translate("StartPage", "Agenda (*.ics)"),
            )
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() != ".ics":
                path = path.with_name(path.name + ".ics")
        check = self._check_work()
        ctx, lang, target = self.ctx, self.ctx.lang, path

        def work(report: Report, cancelled: Callable[[], bool]) -> tuple[Path, int]:
            from datetime import UTC, datetime

            from certassist.ops.calendar_export import build_calendar, write_calendar

            result, _pending = check(report, cancelled)
            weeks = ctx.settings().uzi_issuing_weeks
            text = build_calendar(result, datetime.now(UTC), lang, weeks)
            return write_calendar(text, target), text.count("BEGIN:VEVENT")

        self.calendar_button.setEnabled(False)
        self.calendar_state.setText(translate("StartPage", "Agenda wordt gemaakt…"))
        self.calendar_state.setVisible(True)
        run_task(work, on_done=self._calendar_done, on_error=self._calendar_failed, parent=self)

    def _calendar_done(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.calendar_button.setEnabled(True)
        self.calendar_state.setText(
            translate("StartPage", "{n} agenda-afspraken opgeslagen in {path}").format(
                n=count, path=path
            )
        )
        self.calendarWritten.emit(path)

    def _calendar_failed(self, error: BaseException) -> None:
        from certassist.gui.pages.base import error_text

        self.calendar_button.setEnabled(True)
        self.calendar_state.setText(error_text(error, self.ctx.lang))
        self.calendarWritten.emit(error)

    def _selection_changed(self) -> None:
        group = self.selected_group()
        for flow in NEEDS_SELECTION:
            self.buttons[flow].setEnabled(group is not None)
        if group is None:
            self.detail.setText(self._nothing_chosen_text())
            return
        from certassist.gui.words import say

        with_key = translate("StartPage", "met sleutel")
        without_key = translate("StartPage", "zonder sleutel")
        places = " · ".join(
            f"{escape(p.label)} ({with_key if p.has_key else without_key})" for p in group.places
        )
        title = escape(
            f"{group_title(group)} — {kind_and_environment(group.kind, group.environment)}"
        )
        status = escape(say(group.status.message_id, self.ctx.lang, group.status.params))
        where = escape(translate("StartPage", "Staat in:"))
        self.detail.setText(f"<b>{title}</b><br>{status}<br>{where} {places}")
        # The detail may have grown and the list shrunk: keep the chosen row in view.
        QTimer.singleShot(0, self, self._keep_choice_in_view)

    def _keep_choice_in_view(self) -> None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows:
            self.table.scrollTo(rows[0])

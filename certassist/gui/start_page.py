"""Start page "Mijn certificaten": every certificate on this PC, grouped, with its status.

The overview is read in a worker (opening an NSS database or the Windows store can take a
moment); until then the page says it is reading. Actions start the wizards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from certassist.gui.context import AppContext
from certassist.gui.help import help_links_label
from certassist.gui.i18n import translate
from certassist.gui.labels import kind_and_environment
from certassist.gui.overview_model import OverviewModel, group_title
from certassist.gui.worker import run_task

if TYPE_CHECKING:
    from certassist.gui.reminder_banner import ReminderBanner
    from certassist.ops.overview import CertificateGroup, Overview

# flow id -> button text (translated at build time of the page)
FLOWS = ("install", "backup", "restore", "copy", "spread", "renew", "uzi_pair", "remove")


def _escape(text: str) -> str:
    """html.escape without importing html (start-up time, see benchmarks/bench_startup.py)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def flow_title(flow: str) -> str:
    return {
        "install": translate("Flows", "Installeren uit bestand"),
        "backup": translate("Flows", "Back-up maken"),
        "restore": translate("Flows", "Back-up terugzetten"),
        "copy": translate("Flows", "Kopiëren Windows ↔ Firefox"),
        "spread": translate("Flows", "Naar andere pc's brengen"),
        "renew": translate("Flows", "Vernieuwen"),
        "remove": translate("Flows", "Verwijderen"),
        "uzi_pair": translate("Flows", "UZI-certificaat koppelen"),
    }[flow]


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

    flowRequested = Signal(str, str)  # noqa: N815 - Qt naming
    settingsRequested = Signal()  # noqa: N815 - a banner row asks for the practice settings
    checked = Signal()  # the reminder check has finished (banner shown or hidden)
    calendarWritten = Signal(object)  # noqa: N815 - the .ics path, or the error

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        layout = QVBoxLayout(self)
        heading = translate("StartPage", "Mijn certificaten")
        title = QLabel(f"<h2>{heading}</h2>", self)
        layout.addWidget(title)
        # The reminder banner is built when the first check result arrives (after the first
        # page is shown): start-up time, benchmarks/bench_startup.py.
        self.banner: ReminderBanner | None = None
        self.check_report: object | None = None
        self.state = QLabel(translate("StartPage", "Certificaten worden gelezen…"), self)
        self.state.setAccessibleName(translate("StartPage", "Toestand van het overzicht"))
        layout.addWidget(self.state)

        self.model = OverviewModel(ctx.lang, self)
        self.table = QTableView(self)
        self.table.setAccessibleName(translate("StartPage", "Lijst van certificaten"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)

        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(translate("StartPage", "Uitleg bij het gekozen certificaat"))
        layout.addWidget(self.detail)
        self.unavailable = QLabel(self)
        self.unavailable.setWordWrap(True)
        self.unavailable.setVisible(False)
        layout.addWidget(self.unavailable)

        actions = QGroupBox(translate("StartPage", "Wat wilt u doen?"), self)
        grid = QGridLayout(actions)
        self.buttons: dict[str, QPushButton] = {}
        for i, flow in enumerate(FLOWS):
            button = QPushButton(flow_title(flow), actions)
            button.setAccessibleName(flow_title(flow))
            button.clicked.connect(self._starter(flow))
            grid.addWidget(button, i // 4, i % 4)
            self.buttons[flow] = button
        self.refresh_button = QPushButton(translate("StartPage", "Overzicht vernieuwen"), actions)
        self.refresh_button.setAccessibleName(translate("StartPage", "Overzicht vernieuwen"))
        self.refresh_button.clicked.connect(self.refresh)
        grid.addWidget(self.refresh_button, 2, 0)
        self.calendar_button = QPushButton(translate("StartPage", "Agenda-export (.ics)"), actions)
        self.calendar_button.setAccessibleName(
            translate("StartPage", "Vernieuwdatums als agendabestand (.ics) opslaan")
        )
        self.calendar_button.clicked.connect(lambda: self.export_calendar())
        grid.addWidget(self.calendar_button, 2, 1)
        self.calendar_state = QLabel(actions)
        self.calendar_state.setWordWrap(True)
        self.calendar_state.setAccessibleName(translate("StartPage", "Agenda-export"))
        grid.addWidget(self.calendar_state, 2, 2, 1, 2)
        layout.addWidget(actions)

        bottom = QHBoxLayout()
        explain = QLabel(explanation_text(), self)
        explain.setWordWrap(True)
        explain.setAccessibleName(translate("StartPage", "Uitleg persoonlijk en systeem"))
        bottom.addWidget(explain, 3)
        bottom.addWidget(help_links_label(self), 1)
        layout.addLayout(bottom)
        # The window calls refresh() once it is on screen: reading stores never delays it.

    def _starter(self, flow: str) -> Callable[[], None]:
        return lambda: self.flowRequested.emit(flow, self.selected_fingerprint() or "")

    def _attach_model(self) -> None:
        """Connect the model once the window is visible: the first call into a Python model
        makes PySide6 build its `Qt` enums (~45 ms), which would delay the first page."""
        if self.table.model() is self.model:
            return
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

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

    def refresh(self) -> None:
        self._attach_model()
        self.state.setText(translate("StartPage", "Certificaten worden gelezen…"))
        self.refresh_button.setEnabled(False)
        self.ctx.forget_settings()  # the reminder check reads them again, in its worker
        ctx, today = self.ctx, self.ctx.today()

        def scan(report: object, cancelled: object) -> Overview:
            from certassist.ops.overview import scan_stores  # not on the start-up path

            weeks = ctx.settings().uzi_issuing_weeks  # the practice's UZI issuing time (R11)
            return scan_stores(ctx.load_stores(), today, issuing_weeks=weeks)

        run_task(
            scan,
            on_done=self._loaded,
            on_error=self._failed,
            parent=self,
        )

    def _loaded(self, overview: Overview) -> None:
        self.overview = overview
        self.model.set_groups(overview.groups)
        self.table.resizeRowsToContents()
        self.refresh_button.setEnabled(True)
        count = len(overview.groups)
        self.state.setText(
            translate("StartPage", "Geen certificaten gevonden.")
            if count == 0
            else translate(
                "StartPage", "{n} certificaten gevonden. Kies er een voor uitleg."
            ).format(n=count)
        )
        if overview.unavailable:
            from certassist.core.messages import render

            lines = [
                f"<b>{u.label}</b>: {render(u.message_id, self.ctx.lang, **u.params)}"
                for u in overview.unavailable
            ]
            self.unavailable.setText(
                translate("StartPage", "Niet gelezen:") + "<br>" + "<br>".join(lines)
            )
            self.unavailable.setVisible(True)
        else:
            self.unavailable.setVisible(False)
        if count:
            self.table.selectRow(0)
        self.loaded.emit()
        self.run_check()

    loaded = Signal()

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        text = getattr(error, "text", None)
        self.state.setText(text(self.ctx.lang) if callable(text) else str(error))
        self.loaded.emit()

    # --- reminders (issue 6.2): the banner and the calendar export --------------------------

    def _check_work(self) -> object:
        """The worker's part: the same check as `certassist check`, plus waiting UZI requests."""
        ctx, today = self.ctx, self.ctx.today()

        def work(report: object, cancelled: object) -> tuple[object, list[object]]:
            from certassist.ops.check import run_check
            from certassist.ops.renew_uzi import UziRenewalFlow

            settings = ctx.settings()
            result = run_check(ctx.load_stores(), ctx.backup_stores(), settings, today)
            pending = UziRenewalFlow(ctx.renewal_folder(), today=ctx.today).pending()
            return result, list(pending)

        return work

    def run_check(self) -> None:
        """Runs after the overview (never before the first page is shown: start-up time)."""
        run_task(
            self._check_work(),  # type: ignore[arg-type]
            on_done=self._checked,
            on_error=self._check_failed,
            parent=self,
        )

    def _checked(self, result: tuple[object, list[object]]) -> None:
        from certassist.gui.reminder_banner import banner_view

        report, pending = result
        self.check_report = report
        self._banner().show_view(banner_view(report, pending, self.ctx.lang))
        self.checked.emit()

    def _check_failed(self, error: BaseException) -> None:
        self._banner().show_view(None)  # the overview still shows every status
        self.checked.emit()

    def _banner(self) -> ReminderBanner:
        if self.banner is None:
            from certassist.gui.reminder_banner import ReminderBanner

            self.banner = ReminderBanner(self)
            self.banner.actionRequested.connect(self._banner_action)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.banner)  # under the heading
        return self.banner

    def _banner_action(self, action: object) -> None:
        kind = getattr(action, "kind", "")
        if kind == "flow":
            self.flowRequested.emit(action.target, action.fingerprint)  # type: ignore[attr-defined]
        elif kind == "settings":
            self.settingsRequested.emit()
        elif kind == "url":
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(action.target))  # type: ignore[attr-defined]

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

        def work(report: object, cancelled: object) -> tuple[Path, int]:
            from datetime import UTC, datetime

            from certassist.ops.calendar_export import build_calendar, write_calendar

            result, _pending = check(report, cancelled)  # type: ignore[operator]
            weeks = ctx.settings().uzi_issuing_weeks
            text = build_calendar(result, datetime.now(UTC), lang, weeks)
            return write_calendar(text, target), text.count("BEGIN:VEVENT")

        self.calendar_button.setEnabled(False)
        self.calendar_state.setText(translate("StartPage", "Agenda wordt gemaakt…"))
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
        if group is None:
            self.detail.setText("")
            return
        places = "; ".join(
            p.label
            + (
                translate("StartPage", " (met sleutel)")
                if p.has_key
                else translate("StartPage", " (zonder sleutel)")
            )
            for p in group.places
        )
        title = _escape(
            f"{group_title(group)} — {kind_and_environment(group.kind, group.environment)}"
        )
        status = _escape(group.status.render(self.ctx.lang))
        where = _escape(translate("StartPage", "Staat in: {places}").format(places=places))
        self.detail.setText(f"<b>{title}</b><br>{status}<br>{where}")

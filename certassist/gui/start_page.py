"""Start page "Mijn certificaten": every certificate on this PC, grouped, with its status.

The overview is read in a worker (opening an NSS database or the Windows store can take a
moment); until then the page says it is reading. Actions start the wizards.
"""

from __future__ import annotations

from collections.abc import Callable
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
    from certassist.ops.overview import CertificateGroup, Overview

# flow id -> button text (translated at build time of the page)
FLOWS = ("install", "backup", "restore", "copy", "spread", "renew", "remove")


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

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        layout = QVBoxLayout(self)
        heading = translate("StartPage", "Mijn certificaten")
        title = QLabel(f"<h2>{heading}</h2>", self)
        layout.addWidget(title)
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
        grid.addWidget(self.refresh_button, 1, 3)
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
        ctx, today = self.ctx, self.ctx.today()

        def scan(report: object, cancelled: object) -> Overview:
            from certassist.ops.overview import scan_stores  # not on the start-up path

            return scan_stores(ctx.load_stores(), today)

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

    loaded = Signal()

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        text = getattr(error, "text", None)
        self.state.setText(text(self.ctx.lang) if callable(text) else str(error))
        self.loaded.emit()

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

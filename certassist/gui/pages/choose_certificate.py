"""Which certificate (and from which place)? Backup may take several at once.

The list comes from the start page's overview (grouped per certificate); the place is where
the certificate will be read from, preferring a place that has the private key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QListWidget, QListWidgetItem

from certassist.core.kinds import Actors, traits
from certassist.gui.i18n import days_left_text, format_date, translate
from certassist.gui.labels import kind_and_environment, status_label
from certassist.gui.overview_model import group_title
from certassist.gui.pages.base import FlowPage
from certassist.ops.flows_ids import FlowId, Selection, flow_traits
from certassist.ops.overview import CertificateGroup, Overview

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


def _wanted(flow: FlowId, group: CertificateGroup) -> bool:
    if traits(group.kind).actors is Actors.NOBODY:
        return False  # card certificates never leave the card
    if flow_traits(flow).needs_key:
        return group.key_present
    return True


class ChooseCertificatePage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.multi = flow_traits(self.fw.flow).selection is Selection.MANY
        self.setTitle(
            translate("ChooseCertificatePage", "Van welke certificaten wilt u een back-up?")
            if self.multi
            else translate("ChooseCertificatePage", "Om welk certificaat gaat het?")
        )
        self.setSubTitle(
            translate(
                "ChooseCertificatePage",
                "Alleen certificaten met privésleutel kunnen worden gekopieerd of geback-upt.",
            )
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("ChooseCertificatePage", "Certificaten"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.itemChanged.connect(self.completeChanged)
        self.list.currentRowChanged.connect(self._current_changed)
        self.layout_.addWidget(self.list, 1)
        form = QFormLayout()
        self.place = QComboBox(self)
        self.place.setAccessibleName(translate("ChooseCertificatePage", "Opslag"))
        self.place_label = QLabel(translate("ChooseCertificatePage", "&Vanuit:"), self)
        self.place_label.setBuddy(self.place)
        form.addRow(self.place_label, self.place)
        self.layout_.addLayout(form)
        self.groups: list[CertificateGroup] = []
        self.finish_layout(stretch=False)

    def initializePage(self) -> None:
        if self.state.overview is None:
            ctx, today = self.ctx, self.ctx.today()
            self.run(lambda r, c: ctx.scan(ctx.load_stores(), today), self._fill_overview)
            self.show_busy(translate("ChooseCertificatePage", "Certificaten worden gelezen…"))
        else:
            self._fill()

    def _fill_overview(self, overview: Overview) -> None:
        self.state.overview = overview
        self._fill()

    def _fill(self) -> None:
        overview = self.state.overview
        assert overview is not None
        self.list.blockSignals(True)  # no isComplete() while the list is half built
        self.list.clear()
        self.groups = [g for g in overview.groups if _wanted(self.fw.flow, g)]
        for group in self.groups:
            text = (
                f"{group_title(group)} — {kind_and_environment(group.kind, group.environment)}\n"
                f"{format_date(group.expiry_date, self.lang)} ({days_left_text(group.days_left)})"
                f" — {status_label(str(group.status.status))}"
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, group.fingerprint)
            if self.multi:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                chosen = group.fingerprint == self.state.preselected or not self.state.preselected
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        index = next(
            (i for i, g in enumerate(self.groups) if g.fingerprint == self.state.preselected), 0
        )
        if self.groups:
            self.list.setCurrentRow(index)
        self.place.setVisible(not self.multi)
        self.place_label.setVisible(not self.multi)
        if not self.groups:
            self.show_error(
                translate("ChooseCertificatePage", "Er is geen geschikt certificaat gevonden.")
            )
        self.completeChanged.emit()

    def _current_changed(self, row: int) -> None:
        self.place.clear()
        if not 0 <= row < len(self.groups):
            return
        group = self.groups[row]
        places = sorted(group.places, key=lambda p: (not p.has_key, p.is_backup))
        for place in places:
            suffix = (
                ""
                if place.has_key
                else " " + translate("ChooseCertificatePage", "(zonder sleutel)")
            )
            self.place.addItem(place.label + suffix, place.store_id)
        self.completeChanged.emit()

    def chosen(self) -> list[CertificateGroup]:
        if self.multi:
            items = [self.list.item(i) for i in range(self.list.count())]
            return [
                g
                for item, g in zip(items, self.groups, strict=False)
                if item.checkState() == Qt.CheckState.Checked
            ]
        row = self.list.currentRow()
        return [self.groups[row]] if 0 <= row < len(self.groups) else []

    def isComplete(self) -> bool:
        return bool(self.chosen())

    def validatePage(self) -> bool:
        chosen = self.chosen()
        self.state.groups = chosen
        if self.multi:
            self.state.sources = [(_best_place(g), g.fingerprint) for g in chosen]
        else:
            self.state.sources = [(str(self.place.currentData()), chosen[0].fingerprint)]
        return True


def _best_place(group: CertificateGroup) -> str:
    """A place with the key, not a backup if possible (a backup of a backup proves less)."""
    places = sorted(group.places, key=lambda p: (not p.has_key, p.is_backup))
    return places[0].store_id

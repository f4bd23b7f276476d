"""Qt table model over the overview's `CertificateGroup` rows (start page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from certassist.gui.i18n import days_left_text, format_date, translate
from certassist.gui.labels import STATUS_COLOURS, kind_and_environment, status_label
from certassist.ops.overview import CertificateGroup

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_KIND, COL_PLACES, COL_EXPIRY, COL_STATUS = range(5)


def group_title(group: CertificateGroup) -> str:
    cn = group.info.subject.split(",")[0].removeprefix("CN=")
    return group.holder or cn


class OverviewModel(QAbstractTableModel):
    def __init__(self, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.groups: list[CertificateGroup] = []

    def set_groups(self, groups: list[CertificateGroup]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 5

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            translate("Overview", "Certificaat"),
            translate("Overview", "Soort"),
            translate("Overview", "Waar"),
            translate("Overview", "Verloopt"),
            translate("Overview", "Status"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.groups[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(group, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.status.render(self.lang)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return QBrush(QColor(STATUS_COLOURS.get(str(group.status.status), "#000000")))
        if role == Qt.ItemDataRole.UserRole:
            return group
        return None

    def _text(self, group: CertificateGroup, column: int) -> str:
        if column == COL_NAME:
            return group_title(group)
        if column == COL_KIND:
            return kind_and_environment(group.kind, group.environment)
        if column == COL_PLACES:
            return "\n".join(
                p.label + ("" if p.has_key else " " + translate("Overview", "(zonder sleutel)"))
                for p in group.places
            )
        if column == COL_EXPIRY:
            return (
                f"{format_date(group.expiry_date, self.lang)} ({days_left_text(group.days_left)})"
            )
        return "● " + status_label(str(group.status.status))

"""Qt table model over the overview's `CertificateGroup` rows (start page)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor

from certassist.gui.i18n import days_left_text, format_date, translate
from certassist.gui.labels import kind_and_environment, status_label
from certassist.gui.palette import STATUS, TEXT

if TYPE_CHECKING:
    from certassist.ops.overview import CertificateGroup

Index = QModelIndex | QPersistentModelIndex

# Qt.ItemDataRole / Qt.Orientation values as plain ints: the first touch of PySide6's `Qt`
# namespace costs ~27 ms, a fifth of a bare QWizard's start-up (benchmarks/bench_startup.py).
DISPLAY, TOOLTIP, FOREGROUND, ACCESSIBLE_TEXT, USER = 0, 3, 9, 11, 256
HORIZONTAL = 1

COL_NAME, COL_KIND, COL_PLACES, COL_EXPIRY, COL_STATUS = range(5)


def _int(value: Any) -> int:
    return int(getattr(value, "value", value))


# Widths (px) no column shrinks below; a text that does not fit is elided, with the whole
# text in its tooltip.
MIN_WIDTHS = (120, 110, 130, 110, 100)
PADDING = 14


def fit_widths(wanted: list[int], available: int) -> list[int]:
    """Column widths for `available` pixels. Room to spare goes to the place column; when the
    texts do not fit, every column gives up part of what it has above its minimum, the widest
    the most, so no column drops off the right edge and none becomes unreadable."""
    widths = [max(MIN_WIDTHS[c], w + PADDING) for c, w in enumerate(wanted)]
    total = sum(widths)
    if total <= available:
        widths[COL_PLACES] += available - total
        return widths
    slack = [w - MIN_WIDTHS[c] for c, w in enumerate(widths)]
    short = min(total - available, sum(slack))
    if short <= 0:
        return widths
    # Take from the widest slack first: level the columns down towards their minimum.
    cut = [0] * len(widths)
    while short > 0:
        top = max(s - k for s, k in zip(slack, cut, strict=True))
        if top <= 0:
            break
        for c in range(len(widths)):
            if short and slack[c] - cut[c] == top:
                cut[c] += 1
                short -= 1
    return [w - k for w, k in zip(widths, cut, strict=True)]


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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 5

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY) -> Any:
        if _int(orientation) != HORIZONTAL or _int(role) != DISPLAY:
            return None
        return [
            translate("Overview", "Certificaat"),
            translate("Overview", "Soort"),
            translate("Overview", "Waar"),
            translate("Overview", "Verloopt"),
            translate("Overview", "Status"),
        ][section]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        group = self.groups[index.row()]
        column = index.column()
        role = _int(role)
        if role in (DISPLAY, ACCESSIBLE_TEXT):
            return self._text(group, column)
        if role == TOOLTIP:
            # The whole text of a cell that may be elided, and the status in words.
            if column == COL_STATUS:
                from certassist.gui.words import say

                return say(group.status.message_id, self.lang, group.status.params)
            return self._text(group, column)
        if role == FOREGROUND and column == COL_STATUS:
            return QBrush(QColor(STATUS.get(str(group.status.status), TEXT)))
        if role == USER:
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

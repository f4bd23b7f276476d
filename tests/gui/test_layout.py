"""The start page reads well in Dutch at 800×600 and at the app's own size (1000×680).

Every column keeps its minimum width and none drops off the right edge (no horizontal scroll
bar), each place is one line and a row is as tall as its places, a cell that does not fit is
elided with the whole text in its tooltip, and the low window moves the long explanation behind
a link so the list keeps its rows.
"""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from certassist.gui.overview_model import (
    COL_NAME,
    COL_PLACES,
    COL_STATUS,
    DISPLAY,
    MIN_WIDTHS,
    TOOLTIP,
    fit_widths,
)

SIZES = [(1000, 680), (800, 600)]


def _window(make_ctx: Any, qtbot: QtBot, size: tuple[int, int]) -> Any:
    from certassist.gui.main_window import MainWindow

    window = MainWindow(make_ctx())
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitSignal(window.start.loaded, timeout=20000):
        window.show()
    qtbot.waitUntil(lambda: window.start.check_report is not None, timeout=20000)
    return window


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_column_fits_and_keeps_its_minimum(make_ctx: Any, qtbot: QtBot, size: Any) -> None:
    window = _window(make_ctx, qtbot, size)
    table = window.start.table
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert all(w >= MIN_WIDTHS[c] for c, w in enumerate(widths)), widths
    assert sum(widths) <= table.viewport().width(), (widths, table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    status_right = header.sectionViewportPosition(COL_STATUS) + header.sectionSize(COL_STATUS)
    assert status_right <= table.viewport().width()  # the Status column never disappears


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_places_one_per_line_and_rows_fit(make_ctx: Any, qtbot: QtBot, size: Any) -> None:
    window = _window(make_ctx, qtbot, size)
    start = window.start
    line = start.table.fontMetrics().lineSpacing()
    for row, group in enumerate(start.model.groups):
        places = start.model.index(row, COL_PLACES).data(DISPLAY)
        assert places.count("\n") == len(group.places) - 1
        height = start.table.rowHeight(row)
        assert height >= len(group.places) * line, (row, height)
        assert height < (len(group.places) + 1) * line + 8, (row, height)  # no wrapped lines


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_rows_of_the_demo_are_visible(make_ctx: Any, qtbot: QtBot, size: Any) -> None:
    """The issue saw 4-5 rows at 1000×680; every demo row shows there now, and 800×600
    keeps room for at least five."""
    window = _window(make_ctx, qtbot, size)
    table = window.start.table
    visible = [
        r
        for r in range(window.start.model.rowCount())
        if table.viewport().rect().contains(table.visualRect(table.model().index(r, 0)))
    ]
    assert len(visible) >= (6 if size == (1000, 680) else 5), visible


def test_tooltips_hold_the_whole_text_of_elided_cells(window: Any) -> None:
    model = window.start.model
    for row in range(model.rowCount()):
        for column in (COL_NAME, COL_PLACES):
            index = model.index(row, column)
            assert index.data(TOOLTIP) == index.data(DISPLAY)
        status = model.index(row, COL_STATUS).data(TOOLTIP)
        assert status and "regel" not in status  # the status in words, no rule codes


def test_low_window_puts_the_explanation_behind_a_link(make_ctx: Any, qtbot: QtBot) -> None:
    window = _window(make_ctx, qtbot, (800, 600))
    start = window.start
    assert start.compact()
    assert "Persoonlijk of systeem" in start.detail.text()
    assert "Systeemcertificaat" not in start.detail.text()
    box = start.explain()
    assert "Systeemcertificaat" in box.text() and box.isVisible()
    box.close()
    big = _window(make_ctx, qtbot, (1000, 680))
    assert not big.start.compact()
    assert "Systeemcertificaat" in big.start.detail.text()


def test_window_opens_at_the_default_size(window: Any) -> None:
    assert (window.width(), window.height()) == (1000, 680)


def test_fit_widths_gives_spare_room_to_the_places() -> None:
    assert fit_widths([100, 150, 120, 150, 100], 1000) == [120, 164, 438, 164, 114]


def test_fit_widths_takes_from_the_widest_first_and_never_below_the_minimum() -> None:
    widths = fit_widths([250, 220, 140, 200, 120], 700)
    assert sum(widths) <= 700
    assert all(w >= m for w, m in zip(widths, MIN_WIDTHS, strict=True))
    narrow = fit_widths([250, 220, 140, 200, 120], 300)
    assert narrow == list(MIN_WIDTHS)  # too narrow for anything: the minimums, not less

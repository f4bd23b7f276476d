"""The Qt binding the app runs on does not wear away Python's `None`.

PySide6-Essentials 6.12.0 drops one reference to `None` for every call of a Qt method that
returns nothing (`setText`, `processEvents`, ...). On Python 3.11, where `None` is an ordinary
object, a long session then ends in "Fatal Python error: none_dealloc": the window vanishes in
the middle of an operation. pyproject.toml excludes that release; this test fails on it.
"""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot


def test_a_thousand_calls_leave_none_alone(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("Bezig met lezen")
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"{lost} references to None lost in 1000 Qt calls"

"""A labelled path field with a "Browse…" button: the file and folder choosers of every flow.

Texts arrive translated from the page (each page keeps its own translation context).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


def add_path_row(
    form: QFormLayout,
    parent: QWidget,
    *,
    label: str,
    field_name: str,
    browse_text: str,
    browse_name: str,
    on_browse: Callable[[], object],
    on_change: Callable[[], object] | SignalInstance,
) -> tuple[QLineEdit, QPushButton]:
    """Add `label: [path][Browse…]` to `form`; the label's mnemonic focuses the path."""
    row = QHBoxLayout()
    edit = QLineEdit(parent)
    edit.setAccessibleName(field_name)
    edit.textChanged.connect(on_change)
    browse = QPushButton(browse_text, parent)
    browse.setAccessibleName(browse_name)
    browse.clicked.connect(on_browse)
    row.addWidget(edit, 1)
    row.addWidget(browse)
    buddy = QLabel(label, parent)
    buddy.setBuddy(edit)
    form.addRow(buddy, row)
    return edit, browse

"""Password and PIN fields: masked, show/hide, caps-lock warning, optional strength meter.

Caps lock: Qt has no portable "is caps lock on" query. We infer it from typed characters: an
upper-case letter typed without Shift (or a lower-case one with Shift) means caps lock is on.
This works on Windows and X11/Wayland alike, but only once the user types a letter, and it cannot
tell while the field is empty. That is the documented limit.

Secrets: `clear()` empties the field when the page closes; Python strings cannot be wiped from
memory, so we keep the text in the widget only and hand it over at the last moment.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from certassist.gui import palette
from certassist.gui.i18n import translate


def password_strength(text: str) -> int:
    """0..4, a rough meter: length counts most; character classes help a little.

    A backup password protects a private key for years on a USB stick that can get lost, so
    the meter pushes towards long passphrases rather than short complex words.
    """
    if not text:
        return 0
    classes = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    score = 0
    if len(text) >= 8:
        score += 1
    if len(text) >= 12:
        score += 1
    if len(text) >= 16:
        score += 1
    if classes >= 3:
        score += 1
    if len(set(text)) <= 3:
        score = min(score, 1)
    from certassist.ops.passwords import weaknesses

    if weaknesses(text):  # the meter never calls "good" what the backup will refuse
        score = min(score, 1)
    return min(score, 4)


def _strength_words() -> list[str]:
    return [
        translate("PasswordField", "leeg"),
        translate("PasswordField", "zwak"),
        translate("PasswordField", "matig"),
        translate("PasswordField", "goed"),
        translate("PasswordField", "sterk"),
    ]


class _CapsLineEdit(QLineEdit):
    capsGuess = Signal(bool)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.capsGuess.emit(text.isupper() != shift)
        super().keyPressEvent(event)


class PasswordField(QWidget):
    """One masked field with show/hide; `with_meter` adds the strength meter for new passwords."""

    changed = Signal()

    def __init__(
        self, accessible_name: str, with_meter: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.edit = _CapsLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        self.edit.textChanged.connect(self._changed)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setText(translate("PasswordField", "Tonen"))
        self.toggle.setAccessibleName(translate("PasswordField", "Wachtwoord tonen of verbergen"))
        self.toggle.toggled.connect(self._toggle)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        self.caps = QLabel(translate("PasswordField", "Let op: Caps Lock staat aan."), self)
        self.caps.setStyleSheet(f"color: {palette.CAPS};")
        self.caps.setVisible(False)
        self.edit.capsGuess.connect(self.caps.setVisible)
        layout.addWidget(self.caps)
        self.meter: QProgressBar | None = None
        self.meter_label: QLabel | None = None
        if with_meter:
            meter_row = QHBoxLayout()
            self.meter = QProgressBar(self)
            self.meter.setRange(0, 4)
            self.meter.setTextVisible(False)
            self.meter.setMaximumHeight(10)
            self.meter.setAccessibleName(translate("PasswordField", "Sterkte van het wachtwoord"))
            self.meter_label = QLabel(self)
            meter_row.addWidget(self.meter, 1)
            meter_row.addWidget(self.meter_label)
            layout.addLayout(meter_row)
            self._changed()

    def text(self) -> str:
        return self.edit.text()

    def strength(self) -> int:
        return password_strength(self.edit.text())

    def clear(self) -> None:
        self.edit.clear()
        self.toggle.setChecked(False)
        self.caps.setVisible(False)

    def _toggle(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText(
            translate("PasswordField", "Verbergen")
            if shown
            else translate("PasswordField", "Tonen")
        )

    def _changed(self) -> None:
        if self.meter is not None and self.meter_label is not None:
            score = self.strength()
            self.meter.setValue(score)
            colour = palette.STRENGTH[score]
            self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
            self.meter_label.setText(_strength_words()[score])
        self.changed.emit()

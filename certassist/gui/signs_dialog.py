"""R14 in the window: the user confirms the portal's two signs after a UZI server renewal.

The start page's reminder offers "Tekens bevestigen" for a renewal that waits for them; this
small dialog asks the same two things as `certassist renew uzi confirm-signs` and records the
answer through the same ops object (`ops.uzi_signs`), in the same files (the demo's own in the
demo). The DigiD sign can be ticked only from the old certificate's switch-off day: before it
the button shows nothing, the old certificate still carries DigiD. certassist never says
whether DigiD is on or off; it records what the user saw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from certassist.core.messages import render, text_only
from certassist.ops.uzi_signs import RenewedUzi, Sign

if TYPE_CHECKING:
    from certassist.core.errors import CertassistError
    from certassist.gui.context import AppContext
    from certassist.ops.base import OpContext


def gui_op_context(ctx: AppContext) -> OpContext:
    """The window's operation context for what no one person does (records, reminders)."""
    return ctx.op_context(ctx.actor(None, False))


class SignsDialog(QDialog):
    def __init__(self, renewed: RenewedUzi, lang: str, today_ok_for_digid: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(text_only("L-R14-signs-title", lang, host=renewed.host))
        layout = QVBoxLayout(self)
        from certassist.core.vendors import portal_contact

        helpdesk = portal_contact().helpdesk
        intro = QLabel(render("I-R14-uzi-confirm-signs", lang, helpdesk=helpdesk), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.boxes: dict[Sign, QCheckBox] = {}
        seen = (
            (Sign.WARNING_GONE, renewed.warning_gone_on),
            (Sign.DIGID_VISIBLE, renewed.digid_visible_on),
        )
        for sign, on in seen:
            box = QCheckBox(text_only(f"C-R14-{sign.value}", lang) + "?", self)
            box.setChecked(on is not None)
            box.setEnabled(on is None)
            layout.addWidget(box)
            self.boxes[sign] = box
        start = renewed.digid_sign_from
        if not today_ok_for_digid and start is not None:
            self.boxes[Sign.DIGID_VISIBLE].setEnabled(False)
            later = QLabel(render("E-R14-digid-sign-too-early", lang, host=renewed.host,
                                  date=start.isoformat()), self)  # fmt: skip
            later.setWordWrap(True)
            layout.addWidget(later)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record = buttons.addButton(
            text_only("L-R14-record", lang), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> set[Sign]:
        """The signs ticked now (not the ones confirmed before)."""
        return {s for s, box in self.boxes.items() if box.isEnabled() and box.isChecked()}


def _ask(dialog: SignsDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def confirm_signs(
    ctx: AppContext,
    fingerprint: str,
    parent: QWidget | None = None,
    ask: Callable[[SignsDialog], bool] = _ask,
) -> RenewedUzi | None:
    """Ask and record; None when the user cancels or ticks nothing (nothing is recorded)."""
    from certassist.core.errors import CertassistError

    op = gui_op_context(ctx)
    records = op.records.uzi_signs
    today = op.today()
    try:
        renewed = records.find(fingerprint or None)
    except CertassistError as error:
        _tell(parent, error, ctx.lang)
        return None
    start = renewed.digid_sign_from
    dialog = SignsDialog(renewed, ctx.lang, start is None or today >= start, parent)
    if not ask(dialog) or not dialog.chosen():
        return None
    try:
        return records.confirm(renewed, dialog.chosen(), today, op.audit, ctx.os_user)
    except CertassistError as error:
        _tell(parent, error, ctx.lang)
        return None


def _tell(parent: QWidget | None, error: CertassistError, lang: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, "certassist", render(error.message_id, lang, **error.params))

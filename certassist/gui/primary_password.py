"""Firefox's primary password in the window: a small password dialog, asked on the GUI thread.

The stores are read by a worker thread; a dialog may only be shown by the GUI thread. The prompt
is created on the GUI thread at start-up; a worker's question crosses over with a blocking
queued signal and waits for the answer. The rule (three wrong: refused, nothing changed) is
`ops.primary_password`'s, the same as the command line's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from certassist.core.errors import CertassistError
from certassist.core.messages import text_only

Dialog = Callable[[str, int], "str | None"]  # (store label, attempt) -> password or None


def _password_dialog(label: str, attempt: int) -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        None, "certassist", text_only("L-cli-primary-password", store=label).strip(),
        QLineEdit.EchoMode.Password,
    )  # fmt: skip
    return text if ok else None


class PrimaryPasswordPrompt(QObject):
    """Callable from any thread: asks on the thread it was made on (the GUI thread)."""

    _asked = Signal(str, int)

    def __init__(self, dialog: Dialog = _password_dialog) -> None:
        super().__init__()
        self._dialog = dialog
        self._answer: str | None = None
        self._asked.connect(self._ask, Qt.ConnectionType.BlockingQueuedConnection)

    @Slot(str, int)  # a slot of this object: it runs on the object's (the GUI) thread
    def _ask(self, label: str, attempt: int) -> None:
        self._answer = self._dialog(label, attempt)

    def __call__(self, label: str, attempt: int) -> str | None:
        if QThread.currentThread() is self.thread():
            self._ask(label, attempt)
        else:
            self._asked.emit(label, attempt)  # returns once the GUI thread has asked
        return self._answer


def unlock_all(stores: Sequence[object], prompt: Dialog) -> None:
    """Ask for each protected profile's primary password; a profile left locked (cancelled,
    three times wrong) is listed as not read, with its reason, like a running Firefox."""
    from certassist.ops.primary_password import locked, unlock

    for store in locked(stores):
        try:
            unlock(store, prompt)
        except CertassistError:
            continue

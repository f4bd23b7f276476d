"""The start page's "which kind is this?" question for a certificate that looks like VECOZO.

VECOZO's profile is not public, so a real VECOZO certificate arrives as "other" with the note
`vecozo-kind-unknown`. This strip asks once (personal, system, or neither) and keeps the answer as
a local profile (`core.profile_learning`), the same as `certassist classify`; afterwards the page
reads the stores again and the certificate, and every later one of that issuer, has its kind.
It is a strip on the page, never a modal dialog: nothing waits for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from certassist.core.errors import CertassistError
from certassist.core.models import Kind
from certassist.gui.i18n import translate

if TYPE_CHECKING:
    from certassist.ops.overview import CertificateGroup


class KindQuestion(QFrame):
    answered = Signal(str)  # the fingerprint whose kind is now known

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.group: CertificateGroup | None = None
        self.skipped: set[str] = set()  # "later" for this session only
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        row.addWidget(self.question, 1)
        self.buttons: dict[Kind | None, QPushButton] = {}
        for kind, text in (
            (Kind.VECOZO_PERSONAL, translate("KindQuestion", "Persoonlijk certificaat")),
            (Kind.VECOZO_SYSTEM, translate("KindQuestion", "Systeemcertificaat")),
            (Kind.OTHER, translate("KindQuestion", "Geen van beide")),
            (None, translate("KindQuestion", "Later")),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, k=kind: self.answer(k))
            row.addWidget(button)
            self.buttons[kind] = button
        self.setVisible(False)

    def show_for(self, groups: Sequence[CertificateGroup]) -> None:
        """Ask about the first certificate that needs the question; hidden when none does."""
        from certassist.core.classify import ASK_VECOZO_KIND  # not on the start-up path

        self.group = next(
            (
                g
                for g in groups
                if ASK_VECOZO_KIND in g.info.classification.notes
                and g.fingerprint not in self.skipped
            ),
            None,
        )
        if self.group is not None:
            name = self.group.holder or self.group.info.subject
            self.question.setText(
                translate(
                    "KindQuestion",
                    "Dit lijkt een VECOZO-certificaat ({name}). Welk soort is het? "
                    "certassist onthoudt het antwoord voor alle certificaten van deze uitgever.",
                ).format(name=name)
            )
        self.setVisible(self.group is not None)

    def answer(self, kind: Kind | None) -> None:
        from cryptography import x509

        from certassist.core.profile_learning import learn

        group = self.group
        if group is None:
            return
        if kind is None:
            self.skipped.add(group.fingerprint)
        else:
            try:
                learn(x509.load_der_x509_certificate(group.info.der), kind, today=self.today())
            except CertassistError as error:
                self.question.setText(error.text())
                return
        self.setVisible(False)
        self.answered.emit(group.fingerprint)

"""Renew: certassist guides; VECOZO and the UZI register do the renewing.

VECOZO renewal happens on vecozo.nl by the rightful user (personal, R1) or the contact person
with the PIN (system, R2). UZI server certificates are renewed with the HIS/AIS vendor (R11,
R12); the request (CSR) flow lives in the renewal core (issue 6) and is linked here when it
is available. The dates come from the rules' status, not from this page.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from certassist.core.kinds import Family, family, traits
from certassist.gui.help import UZI_REGISTER, VECOZO_SUPPORT, ZORGCSP
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage


def vecozo_steps(system: bool) -> list[str]:
    steps = [
        translate(
            "RenewGuidePage",
            "Open de link uit de e-mail van VECOZO, of log in op "
            "vecozo.nl; vanaf een maand voor de verloopdatum ziet u een melding.",
        ),
        translate(
            "RenewGuidePage",
            "Volg de stappen op de VECOZO-website om het certificaat "
            "te vernieuwen. Het blijft daarna twee jaar geldig, gerekend vanaf de oude "
            "verloopdatum.",
        ),
        translate(
            "RenewGuidePage",
            "Maak direct daarna in certassist een back-up op een "
            "USB-stick, en gebruik 'Naar andere pc's brengen' voor de andere pc's.",
        ),
    ]
    if system:
        steps.insert(
            0,
            translate(
                "RenewGuidePage",
                "Alleen de contactpersoon vernieuwt het "
                "systeemcertificaat; houd de pincode bij de hand.",
            ),
        )
    else:
        steps.insert(
            0,
            translate(
                "RenewGuidePage",
                "Alleen de persoon op wiens naam het certificaat staat, voert de gegevens zelf in.",
            ),
        )
    return steps


def uzi_steps() -> list[str]:
    return [
        translate(
            "RenewGuidePage",
            "Neem contact op met uw HIS- of AIS-leverancier (of het "
            "patiëntportaal): zij vragen het nieuwe UZI-servercertificaat samen met u aan.",
        ),
        translate(
            "RenewGuidePage",
            "Reken op ongeveer drie weken verwerking; is het zeven "
            "dagen voor het verlopen niet klaar, dan valt de DigiD-koppeling weg.",
        ),
        translate(
            "RenewGuidePage",
            "Controleer daarna met certassist dat het nieuwe "
            "certificaat er staat; de leverancier stuurt geen bevestiging.",
        ),
    ]


class RenewGuidePage(FlowPage):
    def __init__(self, flow_wizard: object) -> None:
        super().__init__(flow_wizard)  # type: ignore[arg-type]
        self.setTitle(translate("RenewGuidePage", "Vernieuwen: zo gaat het"))
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setOpenExternalLinks(True)
        self.body.setAccessibleName(translate("RenewGuidePage", "Stappen om te vernieuwen"))
        self.layout_.addWidget(self.body)
        self.finish_layout()

    def _is_uzi(self) -> bool:
        groups = self.state.groups
        return bool(groups) and family(groups[0].kind) is Family.UZI_SERVER

    def nextId(self) -> int:  # noqa: N802 - Qt override
        """VECOZO renewal ends here (it happens on vecozo.nl); UZI goes on to the request."""
        return super().nextId() if self._is_uzi() else -1

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        group = self.state.groups[0] if self.state.groups else None
        if group is None:
            return
        status = html.escape(group.status.render(self.lang))
        if family(group.kind) is Family.UZI_SERVER:
            steps = uzi_steps()
            links = [
                (ZORGCSP, "Zorg-CSP"),
                (UZI_REGISTER, translate("RenewGuidePage", "UZI-register")),
            ]
        else:
            steps = vecozo_steps(not traits(group.kind).person_bound)
            links = [(VECOZO_SUPPORT, translate("RenewGuidePage", "VECOZO support"))]
        items = "".join(f"<li>{html.escape(s)}</li>" for s in steps)
        link_html = " · ".join(f"<a href='{u}'>{html.escape(t)}</a>" for u, t in links)
        self.body.setText(
            f"<p>{status}</p><ol>{items}</ol><p>"
            + translate("RenewGuidePage", "Meer hulp:")
            + f" {link_html}</p>"
        )

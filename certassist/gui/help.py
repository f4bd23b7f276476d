"""Links to the official pages for what certassist cannot do itself.

Requesting a certificate, a forgotten PIN, a blocked certificate, changing the contact person:
only VECOZO or the UZI register (CIBG) can do those, so we send the user there.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from certassist.gui.i18n import translate

VECOZO_SUPPORT = "https://www.vecozo.nl/support/"
ZORGCSP = "https://www.zorgcsp.nl/"
UZI_REGISTER = "https://www.uziregister.nl/"


def help_links_html() -> str:
    return (
        f"<b>{translate('Help', 'Hulp van de uitgevers')}</b><br>"
        f"<a href='{VECOZO_SUPPORT}'>{translate('Help', 'VECOZO support (PIN, aanvragen)')}</a><br>"
        f"<a href='{ZORGCSP}'>{translate('Help', 'Zorg-CSP (UZI-certificaten)')}</a><br>"
        f"<a href='{UZI_REGISTER}'>{translate('Help', 'UZI-register (CIBG)')}</a>"
    )


def help_links_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(help_links_html(), parent)
    label.setOpenExternalLinks(True)
    label.setWordWrap(True)
    label.setAccessibleName(translate("Help", "Links naar VECOZO en het UZI-register"))
    return label

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
    # Plain calls, not inside f-strings: pyside6-lupdate only finds literal arguments.
    title = translate("Help", "Hulp van de uitgevers")
    vecozo = translate("Help", "VECOZO support (pincode, aanvragen)")
    zorgcsp = translate("Help", "Zorg-CSP (UZI-certificaten)")
    uzi = translate("Help", "UZI-register (CIBG)")
    return (
        f"<b>{title}</b><br>"
        f"<a href='{VECOZO_SUPPORT}'>{vecozo}</a><br>"
        f"<a href='{ZORGCSP}'>{zorgcsp}</a><br>"
        f"<a href='{UZI_REGISTER}'>{uzi}</a>"
    )


def help_links_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(help_links_html(), parent)
    label.setOpenExternalLinks(True)
    label.setWordWrap(True)
    label.setAccessibleName(translate("Help", "Links naar VECOZO en het UZI-register"))
    return label

"""The renewal page says what the rules say (R7, R10, R11): UZI's three dates, a VECOZO
renewal's new expiry, the login notice only for a personal certificate, acceptance apart."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pytestqt.qtbot import QtBot

from tests.gui.conftest import TODAY
from tests.gui.test_guides import _guide


def test_uzi_guide_names_the_three_dates(window: Any, qtbot: QtBot) -> None:
    wizard, page = _guide(window, qtbot, lambda g: g.kind == "uzi-server")
    text = page.body.text()
    expiry = TODAY + timedelta(days=40)  # the demo's UZI server certificate

    def dutch(day: Any) -> str:
        return f"{day.day}-{day.month}-{day.year}"

    assert f"Vraag aan vóór: {dutch(expiry - timedelta(days=70))}" in text
    assert f"Nieuw certificaat bij de portal vóór: {dutch(expiry - timedelta(days=28))}" in text
    assert f"DigiD gaat uit op {dutch(expiry - timedelta(days=7))}" in text
    wizard.reject()


def test_vecozo_guides_say_new_expiry_login_notice_and_environment(
    window: Any, qtbot: QtBot
) -> None:
    wizard, page = _guide(window, qtbot, lambda g: g.kind == "vecozo-system")
    system = page.body.text()
    wizard.reject()
    assert "oorspronkelijke verloopdatum" in system  # R7: two years from the old expiry
    assert "bij het inloggen" not in system and "ziet u daar een melding" not in system
    wizard, page = _guide(window, qtbot, lambda g: g.environment == "acceptance")
    acceptance = page.body.text()
    wizard.reject()
    assert "niet voor productie" in acceptance  # R10
    assert "bij het inloggen" in acceptance  # a personal certificate can log in

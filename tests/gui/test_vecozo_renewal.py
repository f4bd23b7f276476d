"""VECOZO renewal in the wizard goes on past the guide: it waits for the new certificate (what
`certassist renew vecozo --wait` does), records its install date (R6) and shows the result; the
wait can be cancelled with nothing changed. The same flow through the CLI: test_flow_parity."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from certassist.core.models import Environment
from tests.gui.conftest import TODAY
from tests.gui.flow_driver import TIMEOUT, current_name, next_to, open_flow, walk_to
from tests.pki import TestPKI

ANNA = "Anna de Vries"


def _acceptance(window: Any) -> Any:
    return next(g for g in window.start.overview.groups if g.environment == "acceptance")


def _to_guide(
    window: Any, qtbot: QtBot, group: Any, name: str = ANNA, contact: bool = False
) -> Any:
    wizard = open_flow(window, "renew", group.fingerprint)
    walk_to(qtbot, wizard, "renew_guide", who=name, contact=contact)
    return wizard


def _renewed(group: Any) -> Any:
    """What VECOZO's page puts in the browser: the same person, two years after the old expiry."""
    days = (group.info.expiry_date - TODAY).days + 730
    return TestPKI(TODAY).expiring_in(
        days, "vecozo-personal", name=ANNA, environment=Environment.ACCEPTANCE
    )


def test_the_wizard_waits_for_the_renewed_certificate_and_records_it(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    group = _acceptance(window)
    wizard = _to_guide(window, qtbot, group)
    guide = wizard.pages["renew_guide"]
    assert "Volgende" in guide.body.text() and not guide.pin.isVisible()  # personal: no PIN
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()
    wait = next_to(qtbot, wizard, "vecozo_wait")
    assert wait.busy_row.isVisible() and "wacht" in wait.busy_text.text()  # busy while waiting
    new = _renewed(group)
    ctx.store("demo:firefox").put(new)  # VECOZO's page installs it into Firefox
    qtbot.waitUntil(lambda: current_name(wizard) == "vecozo_result", timeout=TIMEOUT)
    result = wizard.pages["vecozo_result"]
    text = result.body.text()
    assert result.title() == "Vernieuwd"
    assert ANNA in text and "Firefox (demo-profiel)" in text and "back-up" in text
    assert result.backup.isVisible()
    recorded = ctx.records.get(new.fingerprint)
    assert recorded is not None and recorded.installed_on == TODAY  # R6: from installation
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    with qtbot.waitSignal(window.start.loaded, timeout=TIMEOUT):
        wizard.accept()
    assert window.start.selected_group().fingerprint == new.fingerprint  # the new one chosen


def test_cancelling_the_wait_changes_nothing(window: Any, qtbot: QtBot, ctx: Any) -> None:
    group = _acceptance(window)
    before = {s.store_id: sorted(e.fingerprint for e in s.list()) for s in ctx.stores}
    wizard = _to_guide(window, qtbot, group)
    wait = next_to(qtbot, wizard, "vecozo_wait")
    qtbot.waitUntil(lambda: wait.busy is not None)
    wait.cancel.click()
    qtbot.waitUntil(lambda: current_name(wizard) == "vecozo_result", timeout=TIMEOUT)
    assert wizard.pages["vecozo_result"].title() == "Afgebroken"
    assert "niets veranderd" in wizard.pages["vecozo_result"].body.text()
    assert {s.store_id: sorted(e.fingerprint for e in s.list()) for s in ctx.stores} == before
    assert not ctx.records.path.exists() or ctx.records.get(group.fingerprint) is None


def test_back_during_the_wait_stops_it(window: Any, qtbot: QtBot, ctx: Any) -> None:
    group = _acceptance(window)
    wizard = _to_guide(window, qtbot, group)
    wait = next_to(qtbot, wizard, "vecozo_wait")
    qtbot.waitUntil(lambda: wait.busy is not None)
    wizard.back()
    assert current_name(wizard) == "renew_guide"
    ctx.store("demo:firefox").put(_renewed(group))  # arrives after the user went back
    qtbot.wait(300)
    assert current_name(wizard) == "renew_guide" and wizard.state.result is None


def test_a_system_certificate_needs_the_pin_at_hand(window: Any, qtbot: QtBot) -> None:
    system = next(g for g in window.start.overview.groups if g.kind == "vecozo-system")
    wizard = _to_guide(window, qtbot, system, contact=True)
    guide = wizard.pages["renew_guide"]
    assert guide.pin.isVisible() and not guide.pin.isChecked()
    wizard.next()
    assert current_name(wizard) == "renew_guide" and "pincode" in guide.error.text()
    guide.pin.setChecked(True)
    next_to(qtbot, wizard, "vecozo_wait")
    wizard.reject()  # Esc while waiting: closes, and the wait stops


def test_an_expired_certificate_gets_no_wait(window: Any, qtbot: QtBot) -> None:
    expired = next(g for g in window.start.overview.groups if g.holder == "Bram Jansen")
    wizard = _to_guide(window, qtbot, expired, name="Bram Jansen")
    assert wizard.currentPage().nextId() == -1  # R8: reinstall on VECOZO's page, no renewal

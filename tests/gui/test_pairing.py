"""UZI pairing in the wizard: the issued certificate meets the pending key.

The request is made by the renewal core, the "CA" issues from that very CSR (TestPKI), and the
wizard does the rest page by page: check (key match, R13, validity), install into a store and
write a PFX, the new expiry and where it is (R14), the vendor's steps (R12), the backup (R9).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from certassist.core.reading import read_certificate_file
from certassist.core.settings import PracticeSettings, save_settings
from certassist.ops.renew_uzi import UziRenewalFlow
from tests.gui.conftest import TODAY
from tests.gui.flow_driver import TIMEOUT, current_name, next_to, open_flow, shown_window, walk_to
from tests.pki import TestPKI, der, p7b, pem

KEY_PASSWORD = "Nieuwe-Sleutel-Bewaren-42"
PFX_PASSWORD = "Paarse-Olifant-Danst-7"


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    save_settings(
        PracticeSettings(
            practice_name="Huisartsenpraktijk De Linde",
            subscriber_number="12345678",
            vendor_id="promedico-asp",
        ),
        path,
    )
    return path


@pytest.fixture
def pair_window(make_ctx: Any, qtbot: QtBot, tmp_path: Path, settings_path: Path) -> Any:
    ctx = make_ctx(settings_path=settings_path, renewals_dir=tmp_path / "renewals")
    return shown_window(qtbot, ctx, "checked")


def _uzi(window: Any) -> Any:
    return next(g for g in window.start.overview.groups if g.kind == "uzi-server")


def _request(window: Any) -> tuple[UziRenewalFlow, Any]:
    """What the renew wizard did weeks ago: a pending key + CSR for the current certificate."""
    ctx = window.ctx
    flow = UziRenewalFlow(ctx.renewal_folder(), today=ctx.today)
    current = x509.load_der_x509_certificate(_uzi(window).info.der)
    started = flow.start(current, KEY_PASSWORD, facts=ctx.settings().facts())
    return flow, started


def _issued_file(tmp_path: Path, started: Any, fmt: str = "pem", **kwargs: Any) -> Path:
    csr = x509.load_pem_x509_csr(started.csr_pem)
    bundle = TestPKI(TODAY).issue_from_csr(csr, **kwargs)
    writer = {"pem": pem, "der": der, "p7b": p7b}[fmt]
    path = tmp_path / f"nieuw-uzi.{fmt}"
    path.write_bytes(writer(bundle))
    return path


def _to_check(qtbot: QtBot, window: Any, path: Path, password: str = KEY_PASSWORD) -> Any:
    wizard = open_flow(window, "uzi_pair", _uzi(window).fingerprint)
    assert current_name(wizard) == "pair_file"
    page = wizard.pages["pair_file"]
    assert page.request.count() == 1
    page.path.setText(str(path))
    page.password.edit.setText(password)
    check = next_to(qtbot, wizard, "pair_check")
    qtbot.waitUntil(
        lambda: check.busy is None and "Bezig" not in check.summary.text(), timeout=TIMEOUT
    )
    return wizard


def _pair_into_windows(qtbot: QtBot, wizard: Any, tmp_path: Path) -> Any:
    """From the check page: install into Windows (demo), a PFX on the stick, run to the result."""
    target = next_to(qtbot, wizard, "pair_target")
    for i in range(target.list.count()):
        item = target.list.item(i)
        if item.text() == "Windows (demo)":
            item.setCheckState(Qt.CheckState.Checked)
    target.folder.setText(str(tmp_path / "usb"))
    target.password.edit.setText(PFX_PASSWORD)
    target.repeat.edit.setText(PFX_PASSWORD)
    next_to(qtbot, wizard, "run")
    qtbot.waitUntil(lambda: current_name(wizard) == "pair_result", timeout=TIMEOUT)
    return target


@pytest.mark.parametrize("fmt", ["pem", "der", "p7b"])
def test_issued_certificate_in_every_format_passes_the_check(
    pair_window: Any, qtbot: QtBot, tmp_path: Path, fmt: str
) -> None:
    _, started = _request(pair_window)
    wizard = _to_check(qtbot, pair_window, _issued_file(tmp_path, started, fmt))
    page = wizard.pages["pair_check"]
    text = page.summary.text()
    assert wizard.state.paired is not None and page.isComplete()
    assert "De sleutel past" in text and "12345678" in text and "regel" not in text
    assert "Geldig van 28-11-2026 tot en met" in text


def test_full_pairing_installs_writes_pfx_and_confirms(
    pair_window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    flow, started = _request(pair_window)
    wizard = _to_check(qtbot, pair_window, _issued_file(tmp_path, started))
    target = _pair_into_windows(qtbot, wizard, tmp_path)
    assert target.isCommitPage()  # no way back once the certificate is installed
    result = wizard.pages["pair_result"]
    text = result.body.text()
    assert result.title() == "Vernieuwd"
    new_fp = wizard.state.result.paired.info.fingerprint
    # R14: the new expiry and where it is, checked by certassist
    expiry = wizard.state.result.paired.info.expiry_date
    assert f"{expiry.day}-{expiry.month}-{expiry.year}" in text
    assert "Windows (demo)" in text
    pfx = wizard.state.result.pfx_path
    assert pfx is not None and str(pfx) in text
    # R12: Promedico ASP, the practice uploads the certificate itself
    assert "Promedico ASP" in text and "beheer.pharmeon.nl" in text
    # R9: straight on to a backup
    assert result.backup.isVisible()
    assert pair_window.ctx.store("demo:windows").get(new_fp).has_key
    bundle = read_certificate_file(pfx, PFX_PASSWORD)
    assert bundle.fingerprint == new_fp and bundle.key_matches()
    assert flow.pending() == []  # the pending key is forgotten once it lives elsewhere
    assert wizard.state.paired is None  # the key left the wizard's memory on the last page
    result.backup.click()
    qtbot.waitUntil(lambda: pair_window.wizard is not wizard, timeout=TIMEOUT)
    assert pair_window.wizard.flow == "backup"


def test_foreign_certificate_is_refused_and_nothing_installed(
    pair_window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    flow, _ = _request(pair_window)
    stranger = TestPKI(TODAY).issue("uzi-server", subscriber="12345678")
    path = tmp_path / "vreemd.pem"
    path.write_bytes(pem(stranger))
    before = len(pair_window.ctx.store("demo:windows").list())
    wizard = _to_check(qtbot, pair_window, path)
    page = wizard.pages["pair_check"]
    text = page.summary.text()
    assert "Niet gekoppeld" in text and "hoort niet bij de aanvraag" in text
    assert "Er is niets geïnstalleerd" in text  # the catalog's next step
    assert not page.isComplete()
    assert len(pair_window.ctx.store("demo:windows").list()) == before
    assert len(flow.pending()) == 1  # the request still waits for the right certificate


def test_other_subscriber_number_than_recorded_is_refused_with_r13(
    pair_window: Any, qtbot: QtBot, tmp_path: Path, settings_path: Path
) -> None:
    _, started = _request(pair_window)
    save_settings(PracticeSettings(subscriber_number="11112222"), settings_path)
    pair_window.ctx.forget_settings()  # as after 'Overzicht vernieuwen'
    wizard = _to_check(qtbot, pair_window, _issued_file(tmp_path, started))
    text = wizard.pages["pair_check"].summary.text()
    assert "11112222" in text and "regel" not in text
    assert "regel R13" in wizard.pages["pair_check"].details_label.text()
    assert "abonneenummer" in text.lower()
    assert not wizard.pages["pair_check"].isComplete()


def test_expired_issued_certificate_is_refused_with_r6(
    pair_window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    _, started = _request(pair_window)
    path = _issued_file(tmp_path, started, not_before=TODAY.replace(year=2020), days_valid=30)
    wizard = _to_check(qtbot, pair_window, path)
    text = wizard.pages["pair_check"].summary.text()
    assert "al verlopen" in text and "regel" not in text
    assert "regel R6" in wizard.pages["pair_check"].details_label.text()


def test_wrong_key_password_says_so(pair_window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    _, started = _request(pair_window)
    wizard = _to_check(qtbot, pair_window, _issued_file(tmp_path, started), password="fout-fout")
    text = wizard.pages["pair_check"].summary.text()
    assert "Niet gekoppeld" in text and "wachtwoord" in text.lower()


def test_without_a_pending_request_the_page_says_what_to_do(pair_window: Any, qtbot: QtBot) -> None:
    wizard = open_flow(pair_window, "uzi_pair")
    page = wizard.pages["pair_file"]
    assert page.error.isVisible() and "Vernieuwen" in page.error.text()
    page.path.setText("/tmp/x.pem")
    assert not page.isComplete()


def test_request_in_the_wizard_then_pairing_of_what_the_ca_issued(
    pair_window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    """The whole UZI renewal in the GUI: request (with R12's steps), the CA issues from that
    very CSR, the banner leads to the pairing, the result confirms it (R14)."""
    uzi = _uzi(pair_window)
    wizard = open_flow(pair_window, "renew", uzi.fingerprint)
    page = walk_to(qtbot, wizard, "uzi_request", who="Anna de Vries")
    page.password.edit.setText(KEY_PASSWORD)
    page.repeat.edit.setText(KEY_PASSWORD)
    page.make.click()
    qtbot.waitUntil(lambda: page.started is not None or page.error.isVisible(), timeout=TIMEOUT)
    outcome = page.outcome.text()
    assert "Promedico ASP" in outcome and "beheer.pharmeon.nl" in outcome  # R12 from data
    assert "UZI-certificaat koppelen" in outcome
    path = _issued_file(tmp_path, page.started, "p7b")
    wizard.accept()
    qtbot.waitSignal(pair_window.start.checked, timeout=TIMEOUT).wait()
    button = next(
        b for b in pair_window.start.banner.buttons() if b.text() == "Certificaat koppelen"
    )
    button.click()
    pairing = pair_window.wizard
    assert pairing.flow == "uzi_pair"
    file_page = pairing.pages["pair_file"]
    file_page.path.setText(str(path))
    file_page.password.edit.setText(KEY_PASSWORD)
    next_to(qtbot, pairing, "pair_check")
    qtbot.waitUntil(lambda: pairing.state.paired is not None, timeout=TIMEOUT)
    target = next_to(qtbot, pairing, "pair_target")
    target.make_pfx.setChecked(False)
    target.list.item(0).setCheckState(Qt.CheckState.Checked)
    next_to(qtbot, pairing, "run")
    qtbot.waitUntil(lambda: current_name(pairing) == "pair_result", timeout=TIMEOUT)
    assert pairing.pages["pair_result"].title() == "Vernieuwd"
    assert target.list.item(0).text() in pairing.pages["pair_result"].body.text()


def test_start_page_shows_the_old_uzi_certificate_as_replaced_after_pairing(
    pair_window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 13: no "UZI: nu starten" for the certificate that was just renewed."""
    from certassist.gui.overview_model import COL_STATUS

    def status_text(fingerprint: str) -> str:
        model = pair_window.start.model
        row = next(i for i, g in enumerate(model.groups) if g.fingerprint == fingerprint)
        return str(model.data(model.index(row, COL_STATUS)))

    old_fp = _uzi(pair_window).fingerprint
    assert status_text(old_fp) == "● UZI: nu starten"
    _, started = _request(pair_window)
    wizard = _to_check(qtbot, pair_window, _issued_file(tmp_path, started))
    _pair_into_windows(qtbot, wizard, tmp_path)
    new_fp = wizard.state.result.paired.info.fingerprint
    pair_window.start.refresh()
    qtbot.waitUntil(
        lambda: any(g.fingerprint == new_fp for g in pair_window.start.model.groups),
        timeout=TIMEOUT,
    )
    assert status_text(old_fp) == "● vervangen"
    assert "nu starten" not in status_text(new_fp)

"""The start page: every certificate once, where it is, its expiry in words, status with text."""

from __future__ import annotations

from typing import Any

import pytest

from certassist.gui.overview_model import COL_EXPIRY, COL_NAME, COL_PLACES, COL_STATUS


def _rows(window: Any) -> list[list[str]]:
    model = window.start.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_demo_banner_is_visible(window: Any) -> None:
    assert window.banner is not None and window.banner.isVisible()
    assert "DEMO" in window.banner.text()


def test_one_row_per_certificate_with_places_expiry_and_status(window: Any) -> None:
    rows = _rows(window)
    assert len(rows) == 6
    anna = [r for r in rows if r[COL_NAME] == "Anna de Vries"]
    assert len(anna) == 2  # production and acceptance
    everywhere = next(r for r in anna if "Back-upmap" in r[COL_PLACES])
    assert "Windows (demo)" in everywhere[COL_PLACES] and "Firefox" in everywhere[COL_PLACES]
    soon = next(r for r in anna if r is not everywhere)
    assert soon[COL_EXPIRY] == "18-12-2026 (nog 20 dagen)"
    assert soon[COL_STATUS] == "● vernieuwen"
    statuses = {r[COL_STATUS] for r in rows}
    assert {
        "● ok",
        "● vernieuwen",
        "● verlopen",
        "● back-up ontbreekt",
        "● UZI: nu starten",
    } <= statuses


def test_explanation_of_personal_and_system(window: Any) -> None:
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "Persoonlijk certificaat" in texts and "Systeemcertificaat" in texts
    assert "https://www.vecozo.nl/support/" in texts and "uziregister.nl" in texts


def test_selecting_a_row_explains_its_status(window: Any) -> None:
    window.start.table.selectRow(0)  # soonest expiry first: the colleague's expired certificate
    detail = window.start.detail.text()
    assert "verlopen" in detail and "Windows (demo)" in detail


def test_every_button_has_an_accessible_name(window: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton

    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.accessibleName() or button.text(), button


def test_start_page_uses_the_practices_uzi_lead_time(
    make_ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    """40 days left: with the default issuing time (6 weeks) the UZI row says "start now"; with
    the practice's own 1 week the request date is 5 days away (R11 issuing time, settings)."""
    from certassist.core.settings import PracticeSettings, save_settings
    from tests.gui.flow_driver import shown_window

    settings_path = tmp_path / "settings.json"
    save_settings(PracticeSettings(uzi_issuing_weeks=1), settings_path)
    win = shown_window(qtbot, make_ctx(settings_path=settings_path))
    uzi = next(r for r in _rows(win) if "UZI" in r[1])
    assert uzi[COL_STATUS] != "● UZI: nu starten"


@pytest.mark.usefixtures("nss_ready")
def test_a_database_repaired_after_an_interrupted_write_is_told_under_the_table(
    make_ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    """A real NSS database left with a hot journal by a killed writer: the start page lists its
    certificate and says the database was repaired, as `list` does."""
    from certassist.core.messages import text_only
    from certassist.core.models import StoreKind
    from certassist.stores.nss import NssStore
    from tests.gui.conftest import TODAY
    from tests.gui.flow_driver import shown_window
    from tests.pki import TestPKI, pfx
    from tests.stores.nss_oracle import make_db, pk12_import
    from tests.stores.test_nss_journal import _kill_mid_write

    db = make_db(tmp_path / "profiel")
    bundle = TestPKI(TODAY).other()
    pk12_import(db, pfx(bundle, "Bewaar-Mij-1", "aes", iterations=2048), "Bewaar-Mij-1")
    _kill_mid_write(db / "key4.db")
    win = shown_window(qtbot, make_ctx(stores=[NssStore(db, StoreKind.FIREFOX)]))

    assert [g.fingerprint for g in win.start.model.groups] == [bundle.fingerprint]
    shown = win.start.unavailable
    repaired = text_only("I-nss-journal-recovered", "nl", store="\0").split("\0")[1]
    assert shown.isVisible() and repaired.strip()[:40] in shown.text()
    assert "Niet gelezen" not in shown.text()  # a repaired database is no unread store

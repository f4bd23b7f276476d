"""The reminder banner and the calendar export on the start page.

The banner is fed by the same check as `certassist check`, in a worker after the first page is
shown; it says what is due in words and colour and leads to the flow that fixes it.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest
from cryptography import x509
from pytestqt.qtbot import QtBot

from certassist.core.models import Environment, Kind, StoreKind, StoreTarget
from certassist.core.settings import PendingRequest, PracticeSettings, save_settings
from certassist.gui.main_window import MainWindow
from certassist.ops.renew_uzi import UziRenewalFlow
from certassist.stores.fake import FakeStore
from tests.gui.conftest import TODAY
from tests.gui.flow_driver import TIMEOUT, current_name, shown_window
from tests.pki import TestPKI


def _show(qtbot: QtBot, ctx: Any) -> MainWindow:
    win: MainWindow = shown_window(qtbot, ctx, "checked")
    return win


def _button(win: MainWindow, label: str) -> Any:
    return next(b for b in win.start.banner.buttons() if b.text() == label)


def test_banner_says_what_is_due_in_words_and_colour(make_ctx: Any, qtbot: QtBot) -> None:
    win = _show(qtbot, make_ctx())
    banner = win.start.banner
    assert banner.isVisible()
    headline = banner.headline.text()
    # Bram's certificate expired (R8), the UZI server certificate must start now (R11)
    assert "Actie nodig:" in headline
    assert "1 certificaat moet nu vernieuwd worden" in headline
    assert "UZI-servercertificaat: start nu de vernieuwing" in headline
    assert "#b00020" in banner.styleSheet()  # red: something is overdue
    rows = banner.row_texts()
    assert any("Bram Jansen" in r and "verlopen" in r for r in rows)
    assert any("portaal.delinde.example" in r and "UZI: nu starten" in r for r in rows)
    # R10: the acceptance certificate is counted apart, never as one of "your" certificates
    assert not any("Anna de Vries" in r for r in rows)
    assert "1 in de acceptatie- of testomgeving" in banner.footer.text()


def test_banner_button_opens_the_right_flow(make_ctx: Any, qtbot: QtBot) -> None:
    win = _show(qtbot, make_ctx())
    uzi = next(g for g in win.start.overview.groups if g.kind == "uzi-server")
    _button(win, "Vernieuwing starten").click()
    wizard = win.wizard
    assert wizard is not None and wizard.flow == "renew"
    assert wizard.state.preselected == uzi.fingerprint
    wizard.reject()
    bram = next(g for g in win.start.overview.groups if g.holder == "Bram Jansen")
    _button(win, "Opnieuw installeren").click()
    assert win.wizard.flow == "renew" and win.wizard.state.preselected == bram.fingerprint


def test_no_banner_when_nothing_is_due(make_ctx: Any, qtbot: QtBot) -> None:
    pki = TestPKI(TODAY)
    windows = FakeStore("w", "Windows", StoreTarget(StoreKind.WINDOWS_USER))
    windows.put(pki.expiring_in(500, "vecozo-personal", name="Anna de Vries"))
    win = _show(qtbot, make_ctx(stores=[windows]))
    assert win.start.check_report is not None
    assert not win.start.banner.isVisible()


def test_pending_requests_and_waiting_uzi_renewal(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.json"
    issued = date(2026, 10, 10)  # day 60 is 9 December: R5's window is closing
    request = PendingRequest(Kind.VECOZO_SYSTEM, "De Linde", Environment.PRODUCTION, issued)
    save_settings(PracticeSettings(pending_requests=(request,)), settings)
    ctx = make_ctx(settings_path=settings, renewals_dir=tmp_path / "renewals")
    server = next(
        e
        for s in ctx.stores
        for e in s.list()
        if "portaal" in e.certificate.subject.rfc4514_string()
    )
    UziRenewalFlow(ctx.renewal_folder(), today=ctx.today).start(
        x509.load_der_x509_certificate(server.der), "Nieuwe-Sleutel-Bewaren-42"
    )
    win = _show(qtbot, ctx)
    banner = win.start.banner
    assert "1 aanvraag moet binnen 60 dagen geïnstalleerd zijn" in banner.headline.text()
    assert any("De Linde" in r and "9-12-2026" in r for r in banner.row_texts())  # Dutch date
    install = _button(win, "Installatiepagina openen")
    assert install.isVisible()
    # the UZI certificate's request is already made: the banner leads to the pairing
    _button(win, "Certificaat koppelen").click()
    assert win.wizard.flow == "uzi_pair"
    assert current_name(win.wizard) == "pair_file"
    assert win.wizard.pages["pair_file"].request.count() == 1


def test_recorded_subscriber_number_differs_r13(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.json"
    save_settings(PracticeSettings(subscriber_number="11112222"), settings)
    win = _show(qtbot, make_ctx(settings_path=settings))
    banner = win.start.banner
    assert "abonneenummer van het UZI-certificaat klopt niet" in banner.headline.text()
    row = next(r for r in banner.row_texts() if "portaal" in r)
    assert "11112222" in row


class WatchedStore(FakeStore):
    """Records on which thread the store is read: never the GUI thread."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.threads: list[threading.Thread] = []

    def list(self) -> Any:
        self.threads.append(threading.current_thread())
        return super().list()


def test_check_runs_in_a_worker_and_only_after_the_first_page(make_ctx: Any, qtbot: QtBot) -> None:
    store = WatchedStore("w", "Windows", StoreTarget(StoreKind.WINDOWS_USER))
    store.put(TestPKI(TODAY).expired("vecozo-personal", days_ago=3, name="Anna de Vries"))
    win = MainWindow(make_ctx(stores=[store]))
    qtbot.addWidget(win)
    assert store.threads == [] and win.start.check_report is None  # nothing before show
    with qtbot.waitSignal(win.start.checked, timeout=TIMEOUT):
        win.show()
    assert len(store.threads) >= 2  # the overview and the check each read it
    assert threading.main_thread() not in store.threads
    assert win.start.banner.isVisible()


def test_calendar_export_writes_an_ics_that_parses(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    win = _show(qtbot, make_ctx())
    target = tmp_path / "agenda" / "herinneringen.ics"
    with qtbot.waitSignal(win.start.calendarWritten, timeout=TIMEOUT) as done:
        win.start.export_calendar(target)
    assert done.args == [target]
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("portaal.delinde.example" in s for s in summaries)
    starts = {e["DTSTART"].dt for e in events}
    assert date(2027, 1, 7) in starts  # the UZI certificate's expiry (40 days from today)
    assert str(len(events)) in win.start.calendar_state.text()
    assert str(target) in win.start.calendar_state.text()


def test_calendar_export_error_is_shown(make_ctx: Any, qtbot: QtBot, tmp_path: Path) -> None:
    win = _show(qtbot, make_ctx())
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with qtbot.waitSignal(win.start.calendarWritten, timeout=TIMEOUT) as done:
        win.start.export_calendar(blocker / "x.ics")  # a file where a folder should be
    assert isinstance(done.args[0], BaseException)
    assert win.start.calendar_state.text()
    assert win.start.calendar_button.isEnabled()


@pytest.mark.parametrize("lang", ["en"])
def test_banner_in_english(make_ctx: Any, qtbot: QtBot, lang: str) -> None:
    from certassist.gui.i18n import install_language

    install_language(lang)
    try:
        win = _show(qtbot, make_ctx(lang=lang))
        headline = win.start.banner.headline.text()
        assert "Action needed:" in headline and "1 certificate must be renewed now" in headline
        assert "Reinstall" in [b.text() for b in win.start.banner.buttons()]
    finally:
        install_language("nl")


def test_refresh_reads_settings_changed_elsewhere(
    make_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    """`certassist settings set` (or another PC on a shared profile) changed the file."""
    settings = tmp_path / "settings.json"
    win = _show(qtbot, make_ctx(settings_path=settings))
    assert "abonneenummer" not in win.start.banner.headline.text()
    save_settings(PracticeSettings(subscriber_number="11112222"), settings)
    with qtbot.waitSignal(win.start.checked, timeout=TIMEOUT):
        win.start.refresh_button.click()
    assert "abonneenummer" in win.start.banner.headline.text()

"""The window asks Firefox's primary password on the GUI thread, also when a worker reads the
stores; three wrong answers leave the profile locked (listed as not read), nothing changed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from certassist.gui.primary_password import PrimaryPasswordPrompt, unlock_all
from certassist.stores.nss import NssStore

PRIMARY = "Hoofd-Wachtwoord-2026"


@pytest.fixture
def locked_db(tmp_path: Path) -> Path:
    from tests.stores.conftest import _nss_ready
    from tests.stores.nss_oracle import make_db

    reason = _nss_ready()
    if reason:
        pytest.skip(reason)
    return make_db(tmp_path / "kluis", PRIMARY)


def _from_a_worker(qtbot: QtBot, work: object) -> None:
    done = threading.Event()

    def run() -> None:
        work()  # type: ignore[operator]
        done.set()

    threading.Thread(target=run).start()
    qtbot.waitUntil(done.is_set, timeout=30000)  # the GUI thread keeps serving the dialog


def test_a_worker_gets_the_password_from_a_dialog_on_the_gui_thread(
    qtbot: QtBot, locked_db: Path
) -> None:
    gui_thread = threading.current_thread()
    asked: list[tuple[str, int, bool]] = []

    def dialog(label: str, attempt: int) -> str:
        asked.append((label, attempt, threading.current_thread() is gui_thread))
        return "fout" if attempt == 1 else PRIMARY

    store = NssStore(locked_db)
    prompt = PrimaryPasswordPrompt(dialog)  # made on the GUI thread, as run_gui does
    _from_a_worker(qtbot, lambda: unlock_all([store], prompt))
    assert [(a, on_gui) for _, a, on_gui in asked] == [(1, True), (2, True)]
    assert asked[0][0] == store.label
    assert store.list() == []  # readable now, without asking again


def test_three_wrong_answers_leave_the_profile_locked(qtbot: QtBot, locked_db: Path) -> None:
    from certassist.core.errors import CertassistError

    asked: list[int] = []
    store = NssStore(locked_db)
    prompt = PrimaryPasswordPrompt(lambda label, attempt: asked.append(attempt) or "fout")
    _from_a_worker(qtbot, lambda: unlock_all([store], prompt))
    assert asked == [1, 2, 3]
    with pytest.raises(CertassistError) as err:
        store.list()
    assert err.value.message_id == "E-nss-password-needed"

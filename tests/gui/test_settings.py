"""Practice settings in the GUI, the contact person on the "who" page (R2), and
restore from the practice's registered backup folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from certassist.core.classify import describe
from certassist.core.models import Environment, Kind
from certassist.core.settings import PendingRequest, PracticeSettings, load_settings, save_settings
from certassist.core.vendors import all_vendors
from certassist.demo.sandbox import DEMO_PASSWORD
from certassist.gui.main_window import MainWindow
from certassist.stores.pkcs12file import write_backup
from tests.gui.conftest import TODAY
from tests.gui.flow_driver import (
    TIMEOUT,
    next_to,
    open_flow,
    run_confirmed,
    shown_window,
    walk_to,
)
from tests.pki import TestPKI, pfx

BACKUP_PASSWORD = "Paarse-Olifant-Danst-7"


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def _window(qtbot: QtBot, ctx: Any) -> MainWindow:
    win: MainWindow = shown_window(qtbot, ctx, "checked")
    return win


def test_settings_are_validated_inline_then_saved(
    make_ctx: Any, qtbot: QtBot, settings_path: Path, tmp_path: Path
) -> None:
    win = _window(qtbot, make_ctx(settings_path=settings_path))
    win.settings_button.click()
    dialog = win.settings_dialog
    assert dialog.isVisible()
    dialog.name.setText("Huisartsenpraktijk De Linde")
    dialog.agb.setText("1234")
    dialog.subscriber.setText("1234")
    assert not dialog.save()
    assert dialog.isVisible() and not settings_path.exists()
    assert "precies 8 cijfers" in dialog.errors["agb_code"].text()
    assert "(URA) heeft precies 8 cijfers" in dialog.errors["subscriber_number"].text()
    assert not dialog.errors["vendor_id"].isVisible()
    dialog.agb.setText("01234567")
    dialog.subscriber.setText("1234 5678")  # people type spaces
    dialog.vendor.setCurrentIndex(dialog.vendor.findData("promedico-asp"))
    dialog.contact.setText("Anna de Vries")
    dialog.add_folder(tmp_path / "usb")
    dialog.add_folder(tmp_path / "usb")  # twice is once
    dialog.weeks.setValue(10)
    with qtbot.waitSignal(win.start.checked, timeout=TIMEOUT):  # saving re-runs the check
        assert dialog.save()
    assert not dialog.isVisible()
    saved = load_settings(settings_path)
    assert saved.agb_code == "01234567" and saved.subscriber_number == "12345678"
    assert saved.vendor_id == "promedico-asp" and saved.contact_person == "Anna de Vries"
    assert saved.backup_folders == (tmp_path / "usb",) and saved.uzi_issuing_weeks == 10
    assert win.ctx.settings() == saved
    assert "wachtwoord" not in settings_path.read_text(encoding="utf-8").lower()


def test_vendor_choice_comes_from_the_vendor_data(make_ctx: Any, qtbot: QtBot) -> None:
    from certassist.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(make_ctx())
    qtbot.addWidget(dialog)
    offered = {dialog.vendor.itemData(i) for i in range(1, dialog.vendor.count())}
    assert offered == {v.id for v in all_vendors()}
    assert dialog.vendor.itemData(0) == ""  # "not set" is allowed


def test_pending_requests_survive_a_save_and_folders_can_be_removed(
    make_ctx: Any, qtbot: QtBot, settings_path: Path, tmp_path: Path
) -> None:
    from certassist.gui.settings_dialog import SettingsDialog

    request = PendingRequest(Kind.VECOZO_PERSONAL, "Anna de Vries", Environment.PRODUCTION, TODAY)
    save_settings(
        PracticeSettings(
            backup_folders=(tmp_path / "a", tmp_path / "b"), pending_requests=(request,)
        ),
        settings_path,
    )
    dialog = SettingsDialog(make_ctx(settings_path=settings_path))
    qtbot.addWidget(dialog)
    assert "Openstaande aanvragen: 1" in dialog.pending_note.text()
    dialog.folders.setCurrentRow(0)
    dialog.remove_folder()
    assert dialog.save()
    saved = load_settings(settings_path)
    assert saved.pending_requests == (request,)
    assert saved.backup_folders == (tmp_path / "b",)


def test_damaged_settings_file_is_reported(
    make_ctx: Any, qtbot: QtBot, settings_path: Path
) -> None:
    from certassist.gui.settings_dialog import SettingsDialog

    settings_path.parent.mkdir(parents=True)
    settings_path.write_text("{ kapot", encoding="utf-8")
    dialog = SettingsDialog(make_ctx(settings_path=settings_path))
    qtbot.addWidget(dialog)
    assert not dialog.load_error.isHidden() and "beschadigd" in dialog.load_error.text()


def test_banner_row_for_r13_opens_the_settings(
    make_ctx: Any, qtbot: QtBot, settings_path: Path
) -> None:
    """A subscriber number that differs is fixed in the settings; saving updates the banner."""
    pki = TestPKI(TODAY)
    from certassist.core.models import StoreKind, StoreTarget
    from certassist.stores.fake import FakeStore

    store = FakeStore("w", "Windows", StoreTarget(StoreKind.WINDOWS_USER))
    store.put(pki.expiring_in(800, "uzi-server", subscriber="12345678"))
    save_settings(PracticeSettings(subscriber_number="11112222"), settings_path)
    win = _window(qtbot, make_ctx(stores=[store], settings_path=settings_path))
    button = next(b for b in win.start.banner.buttons() if b.text() == "Instellingen")
    button.click()
    dialog = win.settings_dialog
    dialog.subscriber.setText("12345678")
    assert not dialog.save()  # R13: a changed subscriber number is said out loud first
    assert "abonneenummer" in dialog.change_warning.text()
    with qtbot.waitSignal(win.start.checked, timeout=TIMEOUT):
        assert dialog.save()
    assert not win.start.banner.isVisible()


# --- R2: the recorded contact person on the "who" page -------------------------------------


def test_recorded_contact_person_is_ticked_and_a_different_name_is_noted(
    make_ctx: Any, qtbot: QtBot, settings_path: Path
) -> None:
    save_settings(PracticeSettings(contact_person="Anna de Vries"), settings_path)
    win = _window(qtbot, make_ctx(settings_path=settings_path))
    wizard = open_flow(win, "install")
    who = wizard.pages["who"]
    assert who.name.text() == "Anna de Vries" and who.contact.isChecked()
    assert "als contactpersoon" in who.contact_note.text()
    who.name.setText("Bram Jansen")
    assert not who.contact.isChecked()  # we ticked it, we untick it
    who.contact.setChecked(True)
    assert "staat Anna de Vries als contactpersoon" in who.contact_note.text()


def test_recorded_contact_person_installs_the_system_certificate(
    make_ctx: Any, qtbot: QtBot, settings_path: Path
) -> None:
    """R2 allowed without ticking anything: the pre-filled answer reaches the rules."""
    save_settings(PracticeSettings(contact_person="anna de vries"), settings_path)
    ctx = make_ctx(settings_path=settings_path)
    win = _window(qtbot, ctx)
    wizard = open_flow(win, "install")
    walk_to(qtbot, wizard, file=ctx.backup_dir / "systeemcertificaat-backup.pfx",
            password=DEMO_PASSWORD, targets=["Windows (demo)"])  # fmt: skip
    assert wizard.state.plan.allowed and wizard.state.contact_person


def test_without_recorded_contact_person_nothing_is_ticked(make_ctx: Any, qtbot: QtBot) -> None:
    win = _window(qtbot, make_ctx())
    wizard = open_flow(win, "install")
    who = wizard.pages["who"]
    assert not who.contact.isChecked() and not who.contact_note.isVisible()


# --- restore from a registered backup folder -----------------------------------------------


def test_restore_offers_backups_from_registered_folders(
    make_ctx: Any, qtbot: QtBot, settings_path: Path, tmp_path: Path
) -> None:
    pki = TestPKI(TODAY)
    usb = tmp_path / "usb"
    usb.mkdir()
    anna = pki.expiring_in(400, "vecozo-personal", name="Anna de Vries")
    written = write_backup(
        usb, anna, BACKUP_PASSWORD, classification=describe(anna.leaf).classification
    )
    (usb / "van-elders.pfx").write_bytes(pfx(pki.issue("other"), BACKUP_PASSWORD))
    gone = tmp_path / "netwerkschijf"
    save_settings(PracticeSettings(backup_folders=(usb, gone)), settings_path)
    ctx = make_ctx(settings_path=settings_path)
    win = _window(qtbot, ctx)
    wizard = open_flow(win, "restore")
    page = next_to(qtbot, wizard, "choose_file")
    qtbot.waitUntil(lambda: page.found.count() == 2, timeout=TIMEOUT)
    first, second = page.found.item(0).text(), page.found.item(1).text()
    expiry = anna.leaf.not_valid_after_utc.date()
    assert "Anna de Vries" in first and "VECOZO persoonlijk" in first
    assert f"{expiry.day}-{expiry.month}-{expiry.year}" in first and "nog 400 dagen" in first
    assert "van-elders.pfx" in second and "wachtwoord is nodig" in second
    assert str(gone) in page.found_note.text()
    assert page.password.text() == ""  # nothing was asked to show this list
    page.found.setCurrentRow(0)
    assert page.path.text() == str(written)
    page.password.edit.setText(BACKUP_PASSWORD)
    walk_to(qtbot, wizard, targets=["Windows (demo)"])
    result = run_confirmed(qtbot, wizard)
    assert result.title() == "Gelukt"
    assert ctx.store("demo:windows").get(anna.fingerprint).has_key


def test_restore_without_registered_folders_shows_no_list(make_ctx: Any, qtbot: QtBot) -> None:
    win = _window(qtbot, make_ctx())
    wizard = open_flow(win, "restore")
    page = next_to(qtbot, wizard, "choose_file")
    assert not page.found.isVisible() and not page.found_label.isVisible()


def test_demo_keeps_its_own_practice_settings(qapp: Any) -> None:
    """`certassist --demo` never reads or writes the real user's settings file."""
    from certassist.core.settings import default_settings_path
    from certassist.gui.app import build_context

    ctx: Any = build_context(demo=True, lang="nl")
    assert ctx.settings_path.parent == ctx.backup_dir
    assert ctx.settings().contact_person == "Anna de Vries"
    assert ctx.settings().subscriber_number == "12345678"
    assert not default_settings_path().exists()


def test_an_oin_in_the_subscriber_field_is_explained_and_kept_apart(
    make_ctx: Any, qtbot: QtBot, settings_path: Path
) -> None:
    """R13: the subscriber number is the 8-digit URA; a 20-digit OIN goes in its own field."""
    from certassist.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(make_ctx(settings_path=settings_path))
    qtbot.addWidget(dialog)
    oin = "00000001234567890000"
    dialog.subscriber.setText(oin)
    assert not dialog.save() and not settings_path.exists()
    error = dialog.errors["subscriber_number"].text()
    assert "OIN" in error and "8 cijfers" in error and "niet het abonneenummer" in error
    dialog.subscriber.setText("12345678")
    dialog.oin.setText(oin)
    assert dialog.save()
    saved = load_settings(settings_path)
    assert (saved.subscriber_number, saved.oin) == ("12345678", oin)


def test_a_practice_change_warns_before_it_is_saved(
    make_ctx: Any, qtbot: QtBot, settings_path: Path
) -> None:
    """R13: a new practice name, contract holder or card holder may invalidate the UZI server
    certificate; the dialog says so and saves on the second click."""
    from certassist.gui.settings_dialog import SettingsDialog

    save_settings(
        PracticeSettings(practice_name="De Linde", contract_holder="Dr. Linde"), settings_path
    )
    dialog = SettingsDialog(make_ctx(settings_path=settings_path))
    qtbot.addWidget(dialog)
    assert dialog.contract_holder.text() == "Dr. Linde"
    dialog.contract_holder.setText("Dr. Eik")
    assert not dialog.save()
    warning = dialog.change_warning.text()
    assert "contracthouder" in warning and "nieuw certificaat" in warning
    assert "uwzorgonline.atlassian.net" in warning
    assert load_settings(settings_path).contract_holder == "Dr. Linde"  # not yet
    assert dialog.save()
    assert load_settings(settings_path).contract_holder == "Dr. Eik"


def test_issuing_weeks_field_explains_what_it_counts_from(make_ctx: Any, qtbot: QtBot) -> None:
    from certassist.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(make_ctx())
    qtbot.addWidget(dialog)
    assert dialog.weeks.minimum() == 1  # never a request date on or after the portal date
    help_text = dialog.weeks_help.text()
    assert "verloopdatum − 28 dagen − deze weken" in help_text
    assert "verloopdatum − 7 dagen" in help_text

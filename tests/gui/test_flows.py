"""Every flow, page by page, on the sandbox's FakeStores: happy paths, refusals, bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from certassist.core.models import Owner, StoreKind, StoreTarget
from certassist.demo.sandbox import DEMO_PASSWORD
from certassist.stores.fake import FakeStore
from tests.gui.flow_driver import (
    choose_file,
    open_flow,
    press_next_expect_error,
    run_confirmed,
    shown_window,
    walk_to,
)

BACKUP_PASSWORD = "Paarse-Olifant-Danst-7"
ANNA = "Anna de Vries"


def _group(window: Any, holder: str, kind: str) -> Any:
    return next(g for g in window.start.overview.groups if g.holder == holder and g.kind == kind)


def _system(window: Any) -> Any:
    return next(g for g in window.start.overview.groups if g.kind == "vecozo-system")


def _new_file(ctx: Any, name: str = "nieuw-persoonlijk-certificaat.pfx") -> Path:
    return Path(ctx.backup_dir) / name


def test_install_personal_certificate_from_file(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard = open_flow(window, "install")
    check = walk_to(qtbot, wizard, who=ANNA, file=_new_file(ctx), password=DEMO_PASSWORD,
                    targets=["Windows (demo)"])  # fmt: skip
    assert wizard.state.plan.allowed
    assert not check.isComplete()  # the user must confirm first
    result = run_confirmed(qtbot, wizard)
    text = result.body.text()
    assert wizard.pages["result"].title() == "Gelukt"
    assert "Windows (demo)" in text and "Geldig tot" in text
    assert "back-up op een USB-stick" in text
    fingerprint = wizard.state.result.fingerprints[0]
    assert ctx.store("demo:windows").get(fingerprint).has_key


def test_wrong_password_keeps_the_user_on_the_file_page(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    wizard = open_flow(window, "install")
    walk_to(qtbot, wizard, "choose_file", who=ANNA)
    choose_file(wizard, str(_new_file(ctx)), "fout")
    message = press_next_expect_error(qtbot, wizard)
    assert "wachtwoord" in message.lower()


def test_damaged_file_is_not_called_a_wrong_password(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard = open_flow(window, "restore")
    walk_to(qtbot, wizard, "choose_file", who=ANNA)
    choose_file(wizard, str(_new_file(ctx, "beschadigd.pfx")), DEMO_PASSWORD)
    message = press_next_expect_error(qtbot, wizard)
    assert "wachtwoord" not in message.lower().split(".")[0]
    assert message


def test_r1_someone_else_cannot_install_annas_certificate(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    wizard = open_flow(window, "install")
    check = walk_to(qtbot, wizard, who="Bram Jansen", contact=True, file=_new_file(ctx),
                    password=DEMO_PASSWORD, targets=["Windows (demo)"])  # fmt: skip
    text = check.summary.text()
    assert "Niet toegestaan" in text and "regel" not in text  # plain words on the page
    assert "regel R1" in check.details_label.text()  # the rule only in the details
    assert ANNA in text and "Waarom:" in text
    assert not check.isComplete() and not check.boxes
    assert ctx.store("demo:windows").get(wizard.state.bundle.fingerprint) is None


def test_r3_system_certificate_not_into_firefox(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard = open_flow(window, "restore")
    check = walk_to(qtbot, wizard, who=ANNA, contact=True,
                    file=_new_file(ctx, "systeemcertificaat-backup.pfx"), password=DEMO_PASSWORD,
                    targets=["Firefox (demo-profiel)"])  # fmt: skip
    text = check.summary.text()
    assert "browser" in text and "R3" not in text
    assert "regel R3" in check.details_label.text()
    assert "Windows" in text  # says what to choose instead
    assert not check.isComplete()


def test_r4_personal_certificate_not_into_the_machine_store(make_ctx: Any, qtbot: QtBot) -> None:
    base = make_ctx()
    machine = FakeStore(
        "demo:machine",
        "Windows (hele computer)",
        StoreTarget(StoreKind.WINDOWS_MACHINE, Owner.MACHINE),
    )
    base.stores.append(machine)
    window = shown_window(qtbot, base)
    wizard = open_flow(window, "install")
    check = walk_to(qtbot, wizard, who=ANNA, file=_new_file(base), password=DEMO_PASSWORD,
                    targets=["Windows (hele computer)"])  # fmt: skip
    assert "regel R4" in check.details_label.text() and "R4" not in check.summary.text()
    assert not check.isComplete()
    assert machine.list() == []


def test_backup_of_the_system_certificate(
    window: Any, qtbot: QtBot, ctx: Any, tmp_path: Path
) -> None:
    system = _system(window)
    wizard = open_flow(window, "backup", system.fingerprint)
    page = walk_to(qtbot, wizard, "choose_certificate", who=ANNA, contact=True)
    assert [g.fingerprint for g in page.chosen()] == [system.fingerprint]
    target = walk_to(qtbot, wizard, "backup_target")
    target.password.edit.setText(BACKUP_PASSWORD)
    assert target.password.strength() >= 3
    walk_to(qtbot, wizard, folder=tmp_path / "usb", backup_password=BACKUP_PASSWORD)
    result = run_confirmed(qtbot, wizard)
    files = list((tmp_path / "usb").glob("*.pfx"))
    assert len(files) == 1
    assert str(files[0]) in result.body.text()
    assert "USB-stick" in result.body.text()
    assert wizard.state.password == ""  # cleared once the work is done


def test_weak_backup_password_is_refused_on_the_page(
    window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    wizard = open_flow(window, "backup", _system(window).fingerprint)
    target = walk_to(qtbot, wizard, "backup_target", who=ANNA, contact=True)
    target.folder.setText(str(tmp_path / "usb"))
    target.password.edit.setText("welkom123")
    target.repeat.edit.setText("welkom123")
    assert target.password.strength() <= 1
    wizard.next()
    assert wizard.currentPage() is target and target.error.isVisible()


def test_copy_acceptance_certificate_from_firefox_to_windows(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    acceptance = next(g for g in window.start.overview.groups if g.environment == "acceptance")
    wizard = open_flow(window, "copy", acceptance.fingerprint)
    page = walk_to(qtbot, wizard, "choose_certificate", who=ANNA)
    assert page.place.currentData() == "demo:firefox"
    check = walk_to(qtbot, wizard, targets=["Windows (demo)"])
    assert wizard.state.plan.allowed, check.summary.text()
    run_confirmed(qtbot, wizard)
    assert ctx.store("demo:windows").get(acceptance.fingerprint).has_key
    assert ctx.store("demo:firefox").get(acceptance.fingerprint).has_key  # a copy: both


def test_remove_expired_colleague_certificate_asks_about_backup(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    expired = _group(window, "Bram Jansen", "vecozo-personal")
    wizard = open_flow(window, "remove", expired.fingerprint)
    check = walk_to(qtbot, wizard, who=ANNA, contact=True)
    assert len(check.boxes) == 2  # "no backup" and "proceed"
    assert "geen back-up" in " ".join(b.text() for b in check.boxes.values())
    run_confirmed(qtbot, wizard)
    assert ctx.store("demo:windows").get(expired.fingerprint) is None


def test_spread_renewed_certificate_explains_the_other_pcs(
    window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    anna = next(
        g
        for g in window.start.overview.groups
        if g.holder == ANNA and g.environment == "production"
    )
    wizard = open_flow(window, "spread", anna.fingerprint)
    walk_to(qtbot, wizard, who=ANNA, folder=tmp_path / "usb", backup_password=BACKUP_PASSWORD)
    result = run_confirmed(qtbot, wizard)
    assert "andere pc" in result.body.text() and "Back-up terugzetten" in result.body.text()


def test_renew_uzi_server_certificate_shows_the_timeline(window: Any, qtbot: QtBot) -> None:
    uzi = next(g for g in window.start.overview.groups if g.kind == "uzi-server")
    wizard = open_flow(window, "renew", uzi.fingerprint)
    guide = walk_to(qtbot, wizard, "renew_guide", who=ANNA, contact=True)
    text = guide.body.text()
    assert "drie weken" in text and "zorgcsp.nl" in text
    assert "2026-12-10" in text or "10-12-2026" in text  # latest safe start from the rules


def test_closing_the_wizard_clears_passwords(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    wizard = open_flow(window, "backup", _system(window).fingerprint)
    walk_to(qtbot, wizard, who=ANNA, contact=True, folder=tmp_path,
            backup_password=BACKUP_PASSWORD)  # fmt: skip
    target = wizard.pages["backup_target"]
    assert wizard.state.password == BACKUP_PASSWORD
    wizard.back()  # back on the password page: still filled in, for a correction
    assert wizard.currentPage() is target
    wizard.reject()
    assert target.password.text() == "" and target.repeat.text() == ""
    assert wizard.state.password == "" and wizard.state.repeated == ""


def test_renew_uzi_makes_a_request_for_the_vendor(window: Any, qtbot: QtBot, ctx: Any) -> None:
    uzi = next(g for g in window.start.overview.groups if g.kind == "uzi-server")
    wizard = open_flow(window, "renew", uzi.fingerprint)
    page = walk_to(qtbot, wizard, "uzi_request", who=ANNA, contact=True)
    assert not page.isComplete()
    page.password.edit.setText("Lange-Sleutel-Zin-2026")
    page.repeat.edit.setText("Lange-Sleutel-Zin-2026")
    page.make.click()
    qtbot.waitUntil(lambda: page.started is not None or page.error.isVisible(), timeout=20000)
    assert page.started is not None, page.error.text()
    assert "BEGIN CERTIFICATE REQUEST" in page.csr.toPlainText()
    assert page.started.csr_path.is_file()
    assert page.started.csr_path.is_relative_to(ctx.backup_dir)
    assert page.password.text() == ""
    assert page.isComplete()


def test_renew_vecozo_guides_then_goes_on_to_the_wait(window: Any, qtbot: QtBot) -> None:
    acceptance = next(g for g in window.start.overview.groups if g.environment == "acceptance")
    wizard = open_flow(window, "renew", acceptance.fingerprint)
    guide = walk_to(qtbot, wizard, "renew_guide", who=ANNA)
    assert guide.nextId() == wizard.page_ids["vecozo_wait"]  # test_vecozo_renewal goes on
    assert "vecozo.nl" in guide.body.text() and "twee jaar" in guide.body.text()


def test_move_takes_the_certificate_out_of_the_source_once_it_works(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    """`certassist copy --move`: the wizard's "Verplaatsen" (its parity: test_flow_parity)."""
    acceptance = next(g for g in window.start.overview.groups if g.environment == "acceptance")
    wizard = open_flow(window, "copy", acceptance.fingerprint)
    page = walk_to(qtbot, wizard, "choose_target", who=ANNA)
    assert "Firefox (demo-profiel)" in page.move_box.text()  # says where it is taken from
    check = walk_to(qtbot, wizard, targets=["Windows (demo)"], move=True)
    assert "Firefox (demo-profiel)" in check.summary.text().split("<ol>")[1]  # a step of its own
    run_confirmed(qtbot, wizard)
    assert ctx.store("demo:windows").get(acceptance.fingerprint).has_key
    assert ctx.store("demo:firefox").get(acceptance.fingerprint) is None


def test_move_is_offered_only_when_copying(window: Any, qtbot: QtBot) -> None:
    wizard = open_flow(window, "install")
    page = wizard.pages["choose_target"]
    assert not page.move_box.isVisibleTo(page)
    wizard.reject()


def test_remove_with_a_named_backup_checks_the_file_first(
    window: Any, qtbot: QtBot, ctx: Any, tmp_path: Path
) -> None:
    """`remove --backup FILE`: another certificate's file and a wrong password are said on the
    page; the right file replaces the "no backup" confirmation."""
    from tests.pki import pfx

    expired = _group(window, "Bram Jansen", "vecozo-personal")
    (tmp_path / "bram.pfx").write_bytes(
        pfx(ctx.store("demo:windows").export(expired.fingerprint), BACKUP_PASSWORD)
    )
    wizard = open_flow(window, "remove", expired.fingerprint)
    page = walk_to(qtbot, wizard, "remove_backup", who=ANNA, contact=True)
    assert page.without.isChecked() and not page.file_part.isEnabled()
    page.with_file.setChecked(True)
    assert page.file_part.isEnabled() and not page.isComplete()  # a file and its password
    page.path.setText(str(_new_file(ctx)))
    page.password.edit.setText(DEMO_PASSWORD)
    other = press_next_expect_error(qtbot, wizard)  # someone else's certificate in the file
    assert "bevat niet dit certificaat" in other and "Er is niets verwijderd" in other
    assert "weggehaald" not in other and "zojuist geschreven" not in other
    page.path.setText(str(tmp_path / "bram.pfx"))
    page.password.edit.setText("fout")
    assert "wachtwoord" in press_next_expect_error(qtbot, wizard)
    check = walk_to(qtbot, wizard, backup=tmp_path / "bram.pfx", backup_password=BACKUP_PASSWORD)
    assert [c.value for c in check.boxes] == ["proceed"]  # no "geen back-up" box
    assert ctx.store("demo:windows").get(expired.fingerprint) is not None  # nothing yet
    run_confirmed(qtbot, wizard)
    assert ctx.store("demo:windows").get(expired.fingerprint) is None
    assert (tmp_path / "bram.pfx").exists()  # the backup itself is never touched


def test_keyboard_starts_in_the_first_field_of_the_new_pages(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    """The backup question of a removal starts on its first choice; tab goes through the file
    row in reading order; the system certificate's guide starts on the PIN box."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    expired = _group(window, "Bram Jansen", "vecozo-personal")
    wizard = open_flow(window, "remove", expired.fingerprint)
    wizard.activateWindow()
    page = walk_to(qtbot, wizard, "remove_backup", who=ANNA, contact=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.with_file)
    page.with_file.setChecked(True)
    for following in (page.path, page.browse, page.password.edit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is following  # reading order
    wizard.reject()
    wizard = open_flow(window, "renew", _system(window).fingerprint)
    wizard.activateWindow()
    guide = walk_to(qtbot, wizard, "renew_guide", who=ANNA, contact=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is guide.pin)
    wizard.reject()

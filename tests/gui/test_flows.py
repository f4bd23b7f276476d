"""Every flow, page by page, on the sandbox's FakeStores: happy paths, refusals, bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from certassist.core.models import Owner, StoreKind, StoreTarget
from certassist.demo.sandbox import DEMO_PASSWORD
from certassist.stores.fake import FakeStore
from tests.gui.flow_driver import (
    check_targets,
    choose_file,
    confirm_all,
    next_to,
    open_flow,
    press_next_expect_error,
    run_to_result,
    wait_plan,
    who,
)

BACKUP_PASSWORD = "Paarse-Olifant-Danst-7"


def _group(window: Any, holder: str, kind: str) -> Any:
    return next(g for g in window.start.overview.groups if g.holder == holder and g.kind == kind)


def _system(window: Any) -> Any:
    return next(g for g in window.start.overview.groups if g.kind == "vecozo-system")


def test_install_personal_certificate_from_file(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard = open_flow(window, "install")
    who(qtbot, wizard, "Anna de Vries")
    next_to(qtbot, wizard, "choose_file")
    choose_file(wizard, str(ctx.backup_dir / "nieuw-persoonlijk-certificaat.pfx"), DEMO_PASSWORD)
    next_to(qtbot, wizard, "choose_target")
    check_targets(wizard, ["Windows (demo)"])
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    assert wizard.state.plan.allowed
    assert not check.isComplete()  # the user must confirm first
    confirm_all(check)
    result = run_to_result(qtbot, wizard)
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
    who(qtbot, wizard, "Anna de Vries")
    next_to(qtbot, wizard, "choose_file")
    choose_file(wizard, str(ctx.backup_dir / "nieuw-persoonlijk-certificaat.pfx"), "fout")
    message = press_next_expect_error(qtbot, wizard)
    assert "wachtwoord" in message.lower()


def test_damaged_file_is_not_called_a_wrong_password(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard = open_flow(window, "restore")
    who(qtbot, wizard, "Anna de Vries")
    next_to(qtbot, wizard, "choose_file")
    choose_file(wizard, str(ctx.backup_dir / "beschadigd.pfx"), DEMO_PASSWORD)
    message = press_next_expect_error(qtbot, wizard)
    assert "wachtwoord" not in message.lower().split(".")[0]
    assert message


def test_r1_someone_else_cannot_install_annas_certificate(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    wizard = open_flow(window, "install")
    who(qtbot, wizard, "Bram Jansen", contact=True)
    next_to(qtbot, wizard, "choose_file")
    choose_file(wizard, str(ctx.backup_dir / "nieuw-persoonlijk-certificaat.pfx"), DEMO_PASSWORD)
    next_to(qtbot, wizard, "choose_target")
    check_targets(wizard, ["Windows (demo)"])
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    text = check.summary.text()
    assert "Niet toegestaan" in text and "regel" not in text  # plain words on the page
    assert "regel R1" in check.details_label.text()  # the rule only in the details
    assert "Anna de Vries" in text and "Waarom:" in text
    assert not check.isComplete() and not check.boxes
    assert ctx.store("demo:windows").get(wizard.state.bundle.fingerprint) is None


def test_r3_system_certificate_not_into_firefox(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard = open_flow(window, "restore")
    who(qtbot, wizard, "Anna de Vries", contact=True)
    next_to(qtbot, wizard, "choose_file")
    choose_file(wizard, str(ctx.backup_dir / "systeemcertificaat-backup.pfx"), DEMO_PASSWORD)
    next_to(qtbot, wizard, "choose_target")
    check_targets(wizard, ["Firefox (demo-profiel)"])
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    text = check.summary.text()
    assert "browser" in text and "R3" not in text
    assert "regel R3" in check.details_label.text()
    assert "Windows" in text  # says what to choose instead
    assert not check.isComplete()


def test_r4_personal_certificate_not_into_the_machine_store(make_ctx: Any, qtbot: QtBot) -> None:
    from certassist.gui.main_window import MainWindow

    base = make_ctx()
    machine = FakeStore(
        "demo:machine",
        "Windows (hele computer)",
        StoreTarget(StoreKind.WINDOWS_MACHINE, Owner.MACHINE),
    )
    base.stores.append(machine)
    window = MainWindow(base)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.start.loaded, timeout=20000):
        window.show()
    wizard = open_flow(window, "install")
    who(qtbot, wizard, "Anna de Vries")
    next_to(qtbot, wizard, "choose_file")
    choose_file(wizard, str(base.backup_dir / "nieuw-persoonlijk-certificaat.pfx"), DEMO_PASSWORD)
    next_to(qtbot, wizard, "choose_target")
    check_targets(wizard, ["Windows (hele computer)"])
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    assert "regel R4" in check.details_label.text() and "R4" not in check.summary.text()
    assert not check.isComplete()
    assert machine.list() == []


def test_backup_of_the_system_certificate(
    window: Any, qtbot: QtBot, ctx: Any, tmp_path: Path
) -> None:
    system = _system(window)
    wizard = open_flow(window, "backup", system.fingerprint)
    who(qtbot, wizard, "Anna de Vries", contact=True)
    page = next_to(qtbot, wizard, "choose_certificate")
    assert [g.fingerprint for g in page.chosen()] == [system.fingerprint]
    target = next_to(qtbot, wizard, "backup_target")
    target.folder.setText(str(tmp_path / "usb"))
    target.password.edit.setText(BACKUP_PASSWORD)
    target.repeat.edit.setText(BACKUP_PASSWORD)
    assert target.password.strength() >= 3
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    confirm_all(check)
    result = run_to_result(qtbot, wizard)
    files = list((tmp_path / "usb").glob("*.pfx"))
    assert len(files) == 1
    assert str(files[0]) in result.body.text()
    assert "USB-stick" in result.body.text()
    assert wizard.state.password == ""  # cleared once the work is done


def test_weak_backup_password_is_refused_on_the_page(
    window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    wizard = open_flow(window, "backup", _system(window).fingerprint)
    who(qtbot, wizard, "Anna de Vries", contact=True)
    next_to(qtbot, wizard, "choose_certificate")
    target = next_to(qtbot, wizard, "backup_target")
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
    who(qtbot, wizard, "Anna de Vries")
    page = next_to(qtbot, wizard, "choose_certificate")
    assert page.place.currentData() == "demo:firefox"
    next_to(qtbot, wizard, "choose_target")
    check_targets(wizard, ["Windows (demo)"])
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    assert wizard.state.plan.allowed, check.summary.text()
    confirm_all(check)
    run_to_result(qtbot, wizard)
    assert ctx.store("demo:windows").get(acceptance.fingerprint).has_key


def test_remove_expired_colleague_certificate_asks_about_backup(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    expired = _group(window, "Bram Jansen", "vecozo-personal")
    wizard = open_flow(window, "remove", expired.fingerprint)
    who(qtbot, wizard, "Anna de Vries", contact=True)
    next_to(qtbot, wizard, "choose_certificate")
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    assert len(check.boxes) == 2  # "no backup" and "proceed"
    assert "geen back-up" in " ".join(b.text() for b in check.boxes.values())
    confirm_all(check)
    run_to_result(qtbot, wizard)
    assert ctx.store("demo:windows").get(expired.fingerprint) is None


def test_spread_renewed_certificate_explains_the_other_pcs(
    window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    anna = next(
        g
        for g in window.start.overview.groups
        if g.holder == "Anna de Vries" and g.environment == "production"
    )
    wizard = open_flow(window, "spread", anna.fingerprint)
    who(qtbot, wizard, "Anna de Vries")
    next_to(qtbot, wizard, "choose_certificate")
    target = next_to(qtbot, wizard, "backup_target")
    target.folder.setText(str(tmp_path / "usb"))
    target.password.edit.setText(BACKUP_PASSWORD)
    target.repeat.edit.setText(BACKUP_PASSWORD)
    check = next_to(qtbot, wizard, "check")
    wait_plan(qtbot, wizard)
    confirm_all(check)
    result = run_to_result(qtbot, wizard)
    assert "andere pc" in result.body.text() and "Back-up terugzetten" in result.body.text()


def test_renew_uzi_server_certificate_shows_the_timeline(window: Any, qtbot: QtBot) -> None:
    uzi = next(g for g in window.start.overview.groups if g.kind == "uzi-server")
    wizard = open_flow(window, "renew", uzi.fingerprint)
    who(qtbot, wizard, "Anna de Vries", contact=True)
    next_to(qtbot, wizard, "choose_certificate")
    guide = next_to(qtbot, wizard, "renew_guide")
    text = guide.body.text()
    assert "drie weken" in text and "zorgcsp.nl" in text
    assert "2026-12-10" in text or "10-12-2026" in text  # latest safe start from the rules


def test_closing_the_wizard_clears_passwords(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    wizard = open_flow(window, "backup", _system(window).fingerprint)
    who(qtbot, wizard, "Anna de Vries", contact=True)
    next_to(qtbot, wizard, "choose_certificate")
    target = next_to(qtbot, wizard, "backup_target")
    target.folder.setText(str(tmp_path))
    target.password.edit.setText(BACKUP_PASSWORD)
    target.repeat.edit.setText(BACKUP_PASSWORD)
    next_to(qtbot, wizard, "check")
    assert wizard.state.password == BACKUP_PASSWORD
    wizard.back()  # back on the password page: still filled in, for a correction
    assert wizard.currentPage() is target
    wizard.reject()
    assert target.password.text() == "" and target.repeat.text() == ""
    assert wizard.state.password == "" and wizard.state.repeated == ""


def test_renew_uzi_makes_a_request_for_the_vendor(window: Any, qtbot: QtBot, ctx: Any) -> None:
    uzi = next(g for g in window.start.overview.groups if g.kind == "uzi-server")
    wizard = open_flow(window, "renew", uzi.fingerprint)
    who(qtbot, wizard, "Anna de Vries", contact=True)
    next_to(qtbot, wizard, "choose_certificate")
    next_to(qtbot, wizard, "renew_guide")
    page = next_to(qtbot, wizard, "uzi_request")
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
    who(qtbot, wizard, "Anna de Vries")
    next_to(qtbot, wizard, "choose_certificate")
    guide = next_to(qtbot, wizard, "renew_guide")
    assert guide.nextId() == wizard.page_ids["vecozo_wait"]  # test_vecozo_renewal goes on
    assert "vecozo.nl" in guide.body.text() and "twee jaar" in guide.body.text()

"""Guides chosen by kind and state, with links; a target page that starts on a sensible place.

Reported: an expired certificate led to renewal steps (R8: it is reinstalled), an "other"
certificate got VECOZO steps, a system certificate with 300 days left read as due today, and
vecozo.nl was plain text. The target page ticked nothing and forgot ticks after "Vorige".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from certassist.demo.sandbox import DEMO_PASSWORD
from tests.gui.flow_driver import next_to, walk_to


def _guide(window: Any, qtbot: QtBot, pick: Any) -> Any:
    group = next(g for g in window.start.overview.groups if pick(g))
    wizard = window.open_flow("renew", group.fingerprint)
    return wizard, walk_to(qtbot, wizard, "renew_guide", who="Anna de Vries", contact=True)


def test_expired_vecozo_certificate_gets_reinstall_steps(window: Any, qtbot: QtBot) -> None:
    wizard, page = _guide(window, qtbot, lambda g: g.holder == "Bram Jansen")
    text = page.body.text()
    assert page.title() == "Opnieuw installeren: zo gaat het"
    assert "installeren/'" in text and "nieuwe aanvraag is niet nodig" in text
    assert "vernieuwen/'" not in text and "twee jaar geldig" not in text
    wizard.reject()


def test_system_certificate_with_300_days_is_not_due(window: Any, qtbot: QtBot) -> None:
    wizard, page = _guide(window, qtbot, lambda g: g.kind == "vecozo-system")
    text = page.body.text()
    assert "U hoeft nu nog niets te doen" in text
    assert "Vernieuwen kan vanaf" in text and "2027" in text  # a Dutch date a month before
    assert "contactpersoon" in text
    wizard.reject()


def test_due_certificate_gets_renewal_steps_with_a_clickable_link(
    window: Any, qtbot: QtBot
) -> None:
    wizard, page = _guide(window, qtbot, lambda g: g.environment == "acceptance")
    text = page.body.text()
    assert "U hoeft nu nog niets te doen" not in text
    assert "<a href='https://accwww.vecozo.nl/" in text  # the acceptance site, as a link
    assert page.body.openExternalLinks()
    assert page.body.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    wizard.reject()


def test_other_certificate_gets_no_vecozo_steps(window: Any, qtbot: QtBot) -> None:
    wizard, page = _guide(window, qtbot, lambda g: g.kind == "other")
    text = page.body.text()
    assert "VECOZO" not in text and "vecozo.nl" not in text
    assert "uitgever" in text
    wizard.reject()


def _to_targets(window: Any, qtbot: QtBot, ctx: Any, file: str) -> Any:
    wizard = window.open_flow("install")
    page = walk_to(qtbot, wizard, "choose_target", who="Anna de Vries", contact=True,
                   file=ctx.backup_dir / file, password=DEMO_PASSWORD)  # fmt: skip
    return wizard, page


def _ticked(page: Any) -> list[str]:
    return [
        page.list.item(i).text()
        for i in range(page.list.count())
        if page.list.item(i).checkState() == Qt.CheckState.Checked
    ]


def test_target_page_starts_on_windows_for_a_personal_certificate(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    wizard, page = _to_targets(window, qtbot, ctx, "nieuw-persoonlijk-certificaat.pfx")
    assert _ticked(page) == ["Windows (demo)"]
    assert page.isComplete()  # Next works straight away, like the Windows import wizard
    assert "Windows gebruiken Edge" not in page.subTitle()
    assert "Edge, Chrome en de praktijksoftware gebruiken de Windows-opslag" in page.subTitle()
    wizard.reject()


def test_target_page_never_ticks_firefox_for_a_system_certificate(
    window: Any, qtbot: QtBot, ctx: Any
) -> None:
    wizard, page = _to_targets(window, qtbot, ctx, "systeemcertificaat-backup.pfx")
    assert _ticked(page) == ["Windows (demo)"]  # R3: not the browser
    wizard.reject()


def test_target_page_remembers_ticks_after_going_back(window: Any, qtbot: QtBot, ctx: Any) -> None:
    wizard, page = _to_targets(window, qtbot, ctx, "nieuw-persoonlijk-certificaat.pfx")
    for i in range(page.list.count()):
        item = page.list.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if "Firefox" in item.text() else Qt.CheckState.Unchecked
        )
    wizard.back()
    assert wizard.currentPage() is wizard.pages["choose_file"]
    wizard.pages["choose_file"].password.edit.setText(DEMO_PASSWORD)
    page = next_to(qtbot, wizard, "choose_target")
    assert _ticked(page) == ["Firefox (demo-profiel)"]
    wizard.reject()


def test_copy_preselects_the_other_side(window: Any, qtbot: QtBot) -> None:
    group = next(g for g in window.start.overview.groups if g.environment == "acceptance")
    wizard = window.open_flow("copy", group.fingerprint)
    page = walk_to(qtbot, wizard, "choose_target", who="Anna de Vries")
    assert _ticked(page) == ["Windows (demo)"]  # it is in Firefox: Windows is the other side
    wizard.reject()

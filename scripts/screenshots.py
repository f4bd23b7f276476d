"""Render every page of every flow, in Dutch and English, to docs/screenshots/*.png.

Run:  QT_QPA_PLATFORM=offscreen python scripts/screenshots.py   (or under xvfb-run)
Uses the demo sandbox at a fixed date, so the pictures only change when the GUI does.
Files are named <flow>-<page>-<lang>.png; look at them after every GUI change.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from certassist.core.messages import text_only  # noqa: E402
from certassist.demo.sandbox import DEMO_PASSWORD, sandbox_context_args  # noqa: E402
from certassist.gui.app import close_down  # noqa: E402
from certassist.gui.context import AppContext  # noqa: E402
from certassist.gui.i18n import install_language  # noqa: E402
from certassist.gui.main_window import MainWindow  # noqa: E402

TODAY = date(2026, 11, 28)
OUT = ROOT / "docs" / "screenshots"
BACKUP_PASSWORD = "Paarse-Olifant-Danst-7"


def wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        QCoreApplication.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("page did not appear")
        time.sleep(0.01)
    for _ in range(5):
        QCoreApplication.processEvents()


def shot(widget: QWidget, name: str, lang: str) -> None:
    for _ in range(5):
        QCoreApplication.processEvents()
    path = OUT / f"{name}-{lang}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


class Walker:
    def __init__(self, window: MainWindow, lang: str) -> None:
        self.window = window
        self.lang = lang
        self.wizard: Any = None

    def page(self) -> str:
        current = self.wizard.currentPage()
        return next(n for n, p in self.wizard.pages.items() if p is current)

    def open(self, flow: str, fingerprint: str = "") -> Any:
        self.wizard = self.window.open_flow(flow, fingerprint)
        self.flow = flow
        wait(lambda: self.wizard.isVisible())
        return self.wizard

    def snap(self, suffix: str = "") -> None:
        shot(self.wizard, f"{self.flow}{suffix}-{self.page()}", self.lang)

    def next(self, name: str) -> Any:
        self.wizard.next()
        wait(lambda: self.page() == name)
        return self.wizard.pages[name]

    def who(self, name: str, contact: bool = False, snap: bool = False) -> None:
        page = self.wizard.pages["who"]
        page.name.setText(name)  # ticks the box by itself for the recorded contact person
        if contact:
            page.contact.setChecked(True)
        if snap:
            self.snap()

    def check(self, snap_suffix: str = "") -> Any:
        page = self.wizard.pages["check"]
        wait(lambda: self.wizard.state.plan is not None or page.error.isVisible())
        self.snap(snap_suffix)
        return page

    def run(self) -> None:
        for box in self.wizard.pages["check"].boxes.values():
            box.setChecked(True)
        self.next("run")
        self.snap()
        wait(lambda: self.page() == "result")
        self.snap()

    def close(self) -> None:
        self.wizard.reject()
        wait(lambda: not self.wizard.isVisible())


def targets(wizard: Any, labels: list[str], name: str = "choose_target") -> None:
    page = wizard.pages[name]
    for i in range(page.list.count()):
        item = page.list.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.text() in labels else Qt.CheckState.Unchecked
        )


def render_language(lang: str, work: Path) -> None:
    install_language(lang)
    args = sandbox_context_args(TODAY, work / lang / "demo")
    from certassist.gui.app import demo_settings
    from certassist.ops.audit import AuditLog
    from certassist.ops.records import InstallRecords

    ctx = AppContext(
        lang=lang, demo=True, os_user="anna", audit=AuditLog(work / lang / "audit.jsonl"),
        records=InstallRecords(work / lang / "installs.json"),
        settings_path=demo_settings(args["backup_dir"]),  # type: ignore[arg-type]
        renewals_dir=work / lang / "renewals", **args,
    )  # fmt: skip
    window = MainWindow(ctx)
    window.resize(1100, 760)
    window.show()
    wait(lambda: window.start.check_report is not None)
    window.start.table.selectRow(1)
    shot(window, "start-overview", lang)
    settings_shots(window, lang, work)
    groups = window.start.overview.groups
    system = next(g for g in groups if g.kind == "vecozo-system")
    anna = next(g for g in groups if g.holder == "Anna de Vries" and g.environment == "production")
    acceptance = next(g for g in groups if g.environment == "acceptance")
    uzi = next(g for g in groups if g.kind == "uzi-server")
    bram = next(g for g in groups if g.holder == "Bram Jansen")
    demo = ctx.backup_dir
    assert demo is not None
    w = Walker(window, lang)

    # install from a file: every page
    wiz = w.open("install")
    w.who("Anna de Vries", snap=True)
    page = w.next("choose_file")
    page.path.setText(str(demo / "nieuw-persoonlijk-certificaat.pfx"))
    page.password.edit.setText(DEMO_PASSWORD)
    w.snap()
    w.next("choose_target")
    targets(wiz, [text_only("L-demo-windows"), text_only("L-demo-firefox")])
    w.snap()
    w.next("check")
    w.check()
    w.run()
    w.close()

    # bad inputs and refusals
    wiz = w.open("install")
    w.who("Anna de Vries")
    page = w.next("choose_file")
    page.path.setText(str(demo / "nieuw-persoonlijk-certificaat.pfx"))
    page.password.edit.setText("fout")
    wiz.next()
    wait(lambda: page.error.isVisible())
    shot(wiz, "install-choose_file-wrong-password", lang)
    page.path.setText(str(demo / "beschadigd.pfx"))
    wiz.next()
    wait(lambda: page.error.isVisible() and page.busy is None)
    shot(wiz, "install-choose_file-damaged", lang)
    w.close()

    wiz = w.open("install")
    w.who("Bram Jansen", contact=True)
    page = w.next("choose_file")
    page.path.setText(str(demo / "nieuw-persoonlijk-certificaat.pfx"))
    page.password.edit.setText(DEMO_PASSWORD)
    w.next("choose_target")
    targets(wiz, [text_only("L-demo-windows")])
    w.next("check")
    w.check("-refused-R1")
    w.close()

    wiz = w.open("restore")
    w.who("Anna de Vries", contact=True)
    page = w.next("choose_file")
    page.path.setText(str(demo / "systeemcertificaat-backup.pfx"))
    page.password.edit.setText(DEMO_PASSWORD)
    w.snap()
    w.next("choose_target")
    targets(wiz, [text_only("L-demo-firefox")])
    w.next("check")
    w.check("-refused-R3")
    w.close()

    # backup of the system certificate
    wiz = w.open("backup", system.fingerprint)
    w.who("Anna de Vries", contact=True)
    w.next("choose_certificate")
    w.snap()
    page = w.next("backup_target")
    page.folder.setText(str(work / lang / "usb"))
    page.password.edit.setText(BACKUP_PASSWORD)
    page.repeat.edit.setText(BACKUP_PASSWORD)
    page.password.toggle.setChecked(True)
    w.snap()
    page.password.toggle.setChecked(False)
    w.next("check")
    w.check()
    w.run()
    w.close()

    # restore, offered from the registered backup folder (the backup just made)
    usb = work / lang / "usb"
    ctx.save_settings(replace(ctx.settings(), backup_folders=(usb, work / lang / "netwerk")))
    w.open("restore")
    w.who("Anna de Vries", contact=True)
    page = w.next("choose_file")
    wait(lambda p=page: p.found.count() > 0)
    page.found.setCurrentRow(0)
    w.snap("-registered")
    w.close()

    # copy Firefox -> Windows
    wiz = w.open("copy", acceptance.fingerprint)
    w.who("Anna de Vries")
    w.next("choose_certificate")
    w.snap()
    w.next("choose_target")
    targets(wiz, [text_only("L-demo-windows")])
    w.snap()
    w.next("check")
    w.check()
    w.run()
    w.close()

    # bring to other PCs
    wiz = w.open("spread", anna.fingerprint)
    w.who("Anna de Vries")
    w.next("choose_certificate")
    page = w.next("backup_target")
    page.folder.setText(str(work / lang / "usb2"))
    page.password.edit.setText(BACKUP_PASSWORD)
    page.repeat.edit.setText(BACKUP_PASSWORD)
    w.next("check")
    w.check()
    w.run()
    w.close()

    # remove the colleague's expired certificate
    w.open("remove", bram.fingerprint)
    w.who("Anna de Vries", contact=True)
    w.next("choose_certificate")
    w.next("check")
    w.check()
    w.run()
    w.close()

    # renew: VECOZO guidance and UZI timeline
    for group, suffix in ((acceptance, "-vecozo"), (uzi, "-uzi")):
        w.open("renew", group.fingerprint)
        w.who("Anna de Vries", contact=True)
        w.next("choose_certificate")
        w.next("renew_guide")
        w.snap(suffix)
        if group is uzi:
            page = w.next("uzi_request")
            page.password.edit.setText(BACKUP_PASSWORD)
            page.repeat.edit.setText(BACKUP_PASSWORD)
            w.snap(suffix)
            page.make.click()
            wait(lambda p=page: p.started is not None or p.error.isVisible())
            w.snap(suffix + "-done")
        w.close()
    pairing_shots(w, work / lang)
    close_down(window)


def settings_shots(window: MainWindow, lang: str, work: Path) -> None:
    window.settings_button.click()
    dialog = window.settings_dialog
    wait(lambda: dialog.isVisible())
    shot(dialog, "settings-dialog", lang)
    dialog.agb.setText("1234")
    dialog.subscriber.setText("12-34")
    dialog.save()
    shot(dialog, "settings-dialog-errors", lang)
    dialog.reject()
    wait(lambda: not dialog.isVisible())


def pairing_shots(w: Walker, work: Path) -> None:
    """UZI pairing: the request made above, issued by the made-up CA from its own CSR."""
    from cryptography import x509

    from certassist.demo.pki import TestPKI, pem

    started = next(iter(sorted((work / "renewals").glob("*.csr.pem"))))
    csr = x509.load_pem_x509_csr(started.read_bytes())
    issued = work / "nieuw-uzi-servercertificaat.pem"
    issued.write_bytes(pem(TestPKI(TODAY).issue_from_csr(csr)))
    stranger = work / "ander-certificaat.pem"
    stranger.write_bytes(pem(TestPKI(TODAY).issue("uzi-server")))
    for path, suffix in ((stranger, "-refused"), (issued, "")):
        w.open("uzi_pair")
        page = w.wizard.pages["pair_file"]
        page.path.setText(str(path))
        page.password.edit.setText(BACKUP_PASSWORD)
        if not suffix:
            w.snap()
        check = w.next("pair_check")
        wait(lambda c=check: c.busy is None)
        w.snap(suffix)
        if suffix:
            w.close()
    target = w.next("pair_target")
    target.folder.setText(str(work / "pfx"))
    target.password.edit.setText(BACKUP_PASSWORD)
    target.repeat.edit.setText(BACKUP_PASSWORD)
    targets(w.wizard, [text_only("L-demo-windows")], name="pair_target")
    w.snap()
    w.next("run")
    wait(lambda: w.page() == "pair_result")
    w.snap()
    w.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="certassist-shots-") as tmp:
        os.environ.setdefault("XDG_CACHE_HOME", str(Path(tmp) / "cache"))
        os.environ.setdefault("XDG_DATA_HOME", str(Path(tmp) / "data"))
        for lang in ("nl", "en"):
            render_language(lang, Path(tmp))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

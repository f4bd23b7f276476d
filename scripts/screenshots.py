"""Render every page of every flow, in Dutch and English, to docs/screenshots/*.png.

Run:  QT_QPA_PLATFORM=offscreen python scripts/screenshots.py   (or under xvfb-run)
An unchanged GUI gives byte-identical pictures, so a changed PNG in a diff is a changed page:
- the demo sandbox at a fixed date, in a work folder of its own for each run (`--work DIR`,
  else a new temporary folder: two runs at once never share files); its keys and serial
  numbers are seeded (`certassist.demo.seeded`), and the UZI request's key and id drawn
  from the same seeded streams (`Deterministic`) instead of the OS's randomness;
- paths shown the way the practice sees them on Windows (C:\\Users\\anna\\…, E:\\ for the
  USB stick), swapped in on screen only for the moment of the picture,
  and the page laid out again for the shown text (`windows_paths`): where the script runs
  never changes a picture;
- every wait is a wait for a condition (a page shown, every worker's result delivered, the
  run page's first report), never for a span of time;
- the main window at its own default size (1000×680), the start page also at 800×600.
Files are named <flow>-<page>-<lang>.png; look at them after every GUI change.
`--quick` renders the start page and the install flow only (the determinism test uses it).
`--out DIR` writes the pictures there instead of docs/screenshots; `--work DIR` renders in
DIR (emptied first, removed afterwards) instead of a new temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QThreadPool  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from certassist.core.messages import text_only  # noqa: E402
from certassist.demo.sandbox import DEMO_PASSWORD, sandbox_context_args  # noqa: E402
from certassist.demo.seeded import SeededKeys, seeded_key, stream  # noqa: E402
from certassist.gui.app import close_down  # noqa: E402
from certassist.gui.context import AppContext  # noqa: E402
from certassist.gui.i18n import install_language  # noqa: E402
from certassist.gui.main_window import MainWindow  # noqa: E402

TODAY = date(2026, 11, 28)
OUT = ROOT / "docs" / "screenshots"
WORK = Path(tempfile.gettempdir()) / "certassist-screenshots"  # the run's folder: `render` sets it
BACKUP_PASSWORD = "Paarse-Olifant-Danst-7"
SMALL = (800, 600)


class Deterministic:
    """Seeded stand-ins for the randomness the pictures would show outside the demo's own
    certificates (those are seeded already, `certassist.demo.seeded`): the UZI request's new
    key (the CSR text) and its request id, drawn from the same seeded streams.

    Each calling module draws from its own numbered stream, and `reset()` starts every stream
    again, so a second rendering in the same process sees exactly the same values.
    """

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}
        self.originals: list[tuple[Any, str, Any]] = []

    def reset(self) -> None:
        self.counters.clear()

    def _next(self, purpose: str) -> int:
        count = self.counters.get(purpose, 0)
        self.counters[purpose] = count + 1
        return count

    def install(self) -> None:
        import secrets

        from cryptography.hazmat.primitives.asymmetric import rsa

        def caller() -> str:
            return str(sys._getframe(2).f_globals.get("__name__", "?"))

        def generate_private_key(public_exponent: int, key_size: int, backend: Any = None) -> Any:
            purpose = f"key:{caller()}"
            return seeded_key(purpose, self._next(purpose), key_size)

        def token_bytes(n: int | None = None) -> bytes:
            purpose = f"bytes:{caller()}"
            return stream(purpose, self._next(purpose)).randbytes(n or 32)

        def token_hex(n: int | None = None) -> str:
            purpose = f"bytes:{caller()}"
            return stream(purpose, self._next(purpose)).randbytes(n or 32).hex()

        self.originals = [
            (rsa, "generate_private_key", rsa.generate_private_key),
            (secrets, "token_bytes", secrets.token_bytes),
            (secrets, "token_hex", secrets.token_hex),
        ]
        rsa.generate_private_key = generate_private_key  # type: ignore[assignment]
        secrets.token_bytes = token_bytes
        secrets.token_hex = token_hex

    def uninstall(self) -> None:
        """The OS's randomness again (the determinism test renders inside pytest)."""
        for module, name, original in self.originals:
            setattr(module, name, original)
        self.originals = []


DETERMINISTIC = Deterministic()


class RunGate:
    """Holds each operation after its first progress report until the run page is
    photographed: a moving "busy" bar or a run already finished would change the picture."""

    def __init__(self) -> None:
        self.reported = threading.Event()
        self.release = threading.Event()
        self.original: tuple[Any, Any] | None = None

    def install(self) -> None:
        import certassist.gui.pages.run as run_page

        original = run_page.execute_for
        if getattr(original, "gated", False):
            return
        self.original = (run_page, original)

        def gated(ctx: Any, state: Any, report: Any, cancelled: Any) -> Any:
            first = True

            def held(done: int, total: int, text: str = "") -> None:
                nonlocal first
                report(done, total, text)
                if first:
                    first = False
                    self.reported.set()
                    self.release.wait()  # set by `Walker.run` after the picture, or on failure

            return original(ctx, state, held, cancelled)

        gated.gated = True  # type: ignore[attr-defined]
        run_page.execute_for = gated

    def uninstall(self) -> None:
        if self.original is not None:
            module, original = self.original
            module.execute_for = original
            self.original = None

    def arm(self) -> None:
        self.reported.clear()
        self.release.clear()


GATE = RunGate()

# Where the practice would see these folders on Windows (longest prefix first).
WINDOWS_FOLDERS = (
    ("demo/usb2", "F:"),  # the demo writes only in its own folder: its "sticks" lie there
    ("demo/usb", "E:"),
    ("demo", "C:\\Users\\anna\\Documents\\certassist-demo"),
    ("netwerk", "\\\\praktijk-server\\back-ups"),
    ("renewals", "C:\\Users\\anna\\AppData\\Local\\certassist\\uzi-aanvragen"),
    ("pfx", "C:\\Users\\anna\\Documents\\UZI"),
    ("", "C:\\Users\\anna\\Downloads"),
)
_PATH_CHARS = r"[^\s\"'<>,;()]*"


def windows_path(text: str, work: Path | None = None) -> str:
    """Every path under `work` (default: the run's folder) written as the Windows path the
    practice would see."""
    root = str(work or WORK)

    def swap(match: re.Match[str]) -> str:
        path = match.group(0)
        tail = ""
        while path and path[-1] in ".:":
            path, tail = path[:-1], path[-1] + tail
        rest = path[len(root) :].lstrip("/").split("/", 1)[1:]  # drop the language part
        inner = rest[0] if rest else ""
        for folder, shown in WINDOWS_FOLDERS:
            if inner == folder or inner.startswith(folder + "/") or not folder:
                remainder = inner[len(folder) :].lstrip("/") if folder else inner
                joined = shown + ("\\" + remainder.replace("/", "\\") if remainder else "\\")
                return joined + tail
        return path + tail

    text = re.sub(re.escape(root) + _PATH_CHARS, swap, text)
    # The restore list names a backup as "<folder>/<file>": on Windows that is a backslash.
    return re.sub(r"\b(usb2?|netwerk)/", lambda m: m.group(1) + "\\", text)


@contextmanager
def windows_paths(widget: QWidget) -> Iterator[None]:
    """Show Windows paths in every text of `widget` while it is photographed, then restore
    the real ones (signals blocked: no page reacts to the swap). The page is laid out again
    for the shown texts before the picture: word wrapping and heights never depend on how
    long the real path is."""
    undo: list[Callable[[], None]] = []

    def swap(item: Any, get: Callable[[], str], put: Callable[[str], None]) -> None:
        old = get()
        new = windows_path(old)
        if new != old:
            blocked = item.blockSignals(True)
            put(new)
            item.blockSignals(blocked)
            undo.append(lambda: (item.blockSignals(True), put(old), item.blockSignals(blocked)))

    for edit in widget.findChildren(QLineEdit):
        swap(edit, edit.text, edit.setText)
    for label in widget.findChildren(QLabel):
        swap(label, label.text, label.setText)
    for plain in widget.findChildren(QPlainTextEdit):
        swap(plain, plain.toPlainText, plain.setPlainText)
    for view in widget.findChildren(QListWidget):
        for row in range(view.count()):
            entry = view.item(row)
            swap(view, entry.text, entry.setText)
    for combo in widget.findChildren(QComboBox):
        for row in range(combo.count()):
            swap(
                combo,
                lambda c=combo, r=row: c.itemText(r),
                lambda t, c=combo, r=row: c.setItemText(r, t),
            )
    try:
        relayout(widget)
        yield
    finally:
        for step in reversed(undo):
            step()
        relayout(widget)


def relayout(widget: QWidget) -> None:
    """Lay `widget` out for the texts it shows now: every layout below it, deepest first."""
    for child in reversed(widget.findChildren(QWidget)):
        layout = child.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()
    top = widget.layout()
    if top is not None:
        top.invalidate()
        top.activate()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def wait(condition: Callable[[], bool], timeout: float = 600.0, settled: bool = True) -> None:
    """Until `condition()` holds, handling the GUI's events; then (`settled`) until every
    worker the GUI started has ended and its result reached the page. The timeout only turns
    a hang into an error: no picture is ever taken because time ran out."""
    end = time.monotonic() + timeout
    while not condition():
        QCoreApplication.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("page did not appear")
        time.sleep(0.01)
    if settled:
        settle(timeout)
    else:
        QCoreApplication.sendPostedEvents()


def settle(timeout: float = 600.0) -> None:
    """Until no worker runs and every started task's result was handled on the GUI thread
    (a task's `done` signal comes after its result, so a page that starts new work from a
    result is waited for too): a list still filling would make the picture depend on timing."""
    from certassist.gui import worker

    end = time.monotonic() + timeout
    pool = QThreadPool.globalInstance()
    while True:
        pool.waitForDone(100)
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()
        if pool.activeThreadCount() == 0 and not _ours(worker._alive):
            break
        if time.monotonic() > end:
            raise TimeoutError("a worker did not finish")
    QCoreApplication.sendPostedEvents()


_EARLIER: set[Any] = set()  # tasks alive before this render began (a test run's leftovers)


def _ours(alive: set[Any]) -> list[Any]:
    """The tasks this render started that have not yet delivered their result."""
    return [h for h in alive if h not in _EARLIER]


def sized(window: QWidget, size: QSize) -> None:
    """Resize a window and wait until it has that size. Under a window manager a resize is a
    request the manager answers later, and an answer to an earlier request can still undo it:
    there the size must also hold over a few of the manager's answers (as many as it takes,
    asking again whenever it was undone)."""
    from PySide6.QtGui import QGuiApplication

    window.resize(size)
    wait(lambda: window.size() == size, settled=False)
    if QGuiApplication.platformName() == "offscreen":
        return
    held = 0
    while held < 20:
        QGuiApplication.sync()  # a round trip to the display: its answers are in the queue
        QCoreApplication.processEvents()
        time.sleep(0.02)
        if window.size() == size:
            held += 1
        else:
            held = 0
            window.resize(size)


def activate(widget: QWidget) -> None:
    """Under a window manager (xvfb-run with openbox) the photographed window is made the
    active one first: an inactive window draws its selection and focus in other colours, and
    which window the manager activated last depends on timing. Offscreen windows are active."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() == "offscreen":
        return
    top = widget.window()
    top.raise_()
    top.activateWindow()
    wait(top.isActiveWindow, timeout=30, settled=False)


def shot(widget: QWidget, name: str, lang: str, settled: bool = True) -> None:
    activate(widget)
    if settled:
        settle()
    path = OUT / f"{name}-{lang}.png"
    with windows_paths(widget):
        widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


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

    def snap(self, suffix: str = "", settled: bool = True, small: bool = False) -> None:
        """The page at the wizard's own size; `small`: also at 800×600, in Dutch (new and
        changed pages are looked at on a small screen too)."""
        shot(self.wizard, f"{self.flow}{suffix}-{self.page()}", self.lang, settled)
        if small and self.lang == "nl":
            size = self.wizard.size()
            sized(self.wizard, QSize(*SMALL))
            shot(self.wizard, f"{self.flow}{suffix}-{self.page()}-800x600", self.lang, settled)
            sized(self.wizard, size)

    def next(self, name: str, settled: bool = True) -> Any:
        self.wizard.next()
        wait(lambda: self.page() == name, settled=settled)
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
        GATE.arm()
        self.next("run", settled=False)  # its operation waits for the picture
        bar = self.wizard.pages["run"].bar
        try:  # the operation is held at its first report: no waiting for the workers here
            wait(lambda: GATE.reported.is_set() and bar.maximum() > 0, settled=False)
            self.snap(settled=False)
        finally:
            GATE.release.set()
        wait(lambda: self.page() == "result")
        self.snap()

    def close(self) -> None:
        """Close the wizard and wait for the start page to read the stores again: the next
        wizard starts from the overview as it is now, not from a half-finished reload."""
        start = self.window.start
        before = start.overview
        self.wizard.reject()
        wait(lambda: not self.wizard.isVisible())
        wait(lambda: start.overview is not before and start.refresh_button.isEnabled())


def targets(wizard: Any, labels: list[str], name: str = "choose_target") -> None:
    page = wizard.pages[name]
    for i in range(page.list.count()):
        item = page.list.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.text() in labels else Qt.CheckState.Unchecked
        )


def render_language(lang: str, work: Path, quick: bool = False) -> None:
    install_language(lang)
    DETERMINISTIC.reset()
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
    window = MainWindow(ctx)  # at its own default size, 1000×680
    window.show()
    wait(lambda: window.start.check_report is not None)
    shot(window, "start-overview", lang)  # nothing chosen yet
    groups = window.start.overview.groups
    anna = next(g for g in groups if g.holder == "Anna de Vries" and g.environment == "production")
    window.start.select(anna.fingerprint)
    shot(window, "start-chosen", lang)
    default = window.size()
    window.start.select(None)
    window.resize(*SMALL)
    wait(lambda: window.size().width() == SMALL[0])
    shot(window, "start-overview-800x600", lang)
    window.start.select(anna.fingerprint)
    shot(window, "start-chosen-800x600", lang)
    window.start.select(None)
    window.resize(default)
    wait(lambda: window.size() == default)
    if not quick:
        settings_shots(window, lang, work)
    system = next(g for g in groups if g.kind == "vecozo-system")
    acceptance = next(g for g in groups if g.environment == "acceptance")
    uzi = next(g for g in groups if g.kind == "uzi-server")
    bram = next(g for g in groups if g.holder == "Bram Jansen")
    other = next(g for g in groups if g.kind == "other")
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
    if quick:
        close_down(window)
        return

    # bad inputs and refusals
    wiz = w.open("install")
    w.who("Anna de Vries")
    page = w.next("choose_file")
    page.path.setText(str(demo / "nieuw-persoonlijk-certificaat.pfx"))
    page.password.edit.setText("fout")
    wiz.next()
    wait(lambda: page.wrong_tries == 1 and page.busy is None)
    wiz.next()  # the second try: "poging 2 van 3"
    wait(lambda: page.wrong_tries == 2 and page.busy is None)
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
    wait(lambda p=page: p.found_label.isVisible())  # the registered folders are read first
    page.path.setText(str(demo / "systeemcertificaat-backup.pfx"))
    page.password.edit.setFocus()  # the user types the password last
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
    page.folder.setText(str(demo / "usb"))
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
    usb = demo / "usb"
    ctx.save_settings(replace(ctx.settings(), backup_folders=(usb, work / lang / "netwerk")))
    w.open("restore")
    w.who("Anna de Vries", contact=True)
    page = w.next("choose_file")
    wait(lambda p=page: p.found.count() > 0)
    page.found.setCurrentRow(0)
    w.snap("-registered")
    w.close()

    # move Firefox -> Windows (copy, then out of Firefox once Windows has it)
    wiz = w.open("copy", acceptance.fingerprint)
    w.who("Anna de Vries")
    w.next("choose_certificate")
    w.snap()
    page = w.next("choose_target")
    targets(wiz, [text_only("L-demo-windows")])
    page.move_box.setChecked(True)
    w.snap(small=True)
    w.next("check")
    w.check()
    w.run()
    w.close()

    # bring to other PCs
    wiz = w.open("spread", anna.fingerprint)
    w.who("Anna de Vries")
    w.next("choose_certificate")
    page = w.next("backup_target")
    page.folder.setText(str(demo / "usb2"))
    page.password.edit.setText(BACKUP_PASSWORD)
    page.repeat.edit.setText(BACKUP_PASSWORD)
    w.next("check")
    w.check()
    w.run()
    w.close()

    # renew: guides by kind and state (due, not yet due, expired, other) and the UZI timeline
    guides = (
        (acceptance, "-vecozo"),
        (system, "-vecozo-system"),
        (bram, "-vecozo-expired"),
        (other, "-other"),
        (uzi, "-uzi"),
    )
    for group, suffix in guides:
        w.open("renew", group.fingerprint)
        w.who("Anna de Vries", contact=True)
        w.next("choose_certificate")
        w.next("renew_guide")
        w.snap(suffix, small=group is acceptance or group is system)
        if group is acceptance:
            vecozo_wait_shots(w, ctx, group, suffix)
        if group is uzi:
            page = w.next("uzi_request")
            page.password.edit.setText(BACKUP_PASSWORD)
            page.repeat.edit.setText(BACKUP_PASSWORD)
            w.snap(suffix)
            page.make.click()
            wait(lambda p=page: p.started is not None or p.error.isVisible())
            if page.started is None:
                raise RuntimeError(f"no UZI request made: {page.error.text()!r}")
            w.snap(suffix + "-done")
        w.close()
    # remove the colleague's expired certificate: a backup of another one is not proof
    w.open("remove", bram.fingerprint)
    w.who("Anna de Vries", contact=True)
    w.next("choose_certificate")
    page = w.next("remove_backup")
    w.snap(small=True)
    page.with_file.setChecked(True)
    page.path.setText(str(next(iter(sorted(usb.glob("*.pfx"))))))
    page.password.edit.setText(BACKUP_PASSWORD)
    w.wizard.next()
    wait(lambda p=page: p.error.isVisible() and p.busy is None)
    w.snap("-wrong-file", small=True)
    page.without.setChecked(True)
    w.next("check")
    w.check()
    w.run()
    w.close()

    pairing_shots(w, work / lang)
    close_down(window)


def vecozo_wait_shots(w: Walker, ctx: AppContext, group: Any, suffix: str) -> None:
    """After the guide: the wait (its bar stopped for the picture: a moving bar would make
    every render differ), then VECOZO's page "installs" the renewed certificate into Firefox
    and the result page shows what was recorded."""
    from certassist.core.models import Environment
    from certassist.core.rules import renewed_expiry
    from certassist.demo.pki import TestPKI

    page = w.next("vecozo_wait", settled=False)
    wait(lambda: page.busy_row.isVisible(), settled=False)
    page.busy_bar.setRange(0, 1)  # as still as the run page's bar in its picture
    w.snap(suffix, settled=False, small=True)
    page.busy_bar.setRange(0, 0)
    days = (renewed_expiry(group.info.expiry_date) - TODAY).days  # two years after the old (R7)
    renewed = TestPKI(TODAY, keys=SeededKeys()).expiring_in(
        days, "vecozo-personal", name="Anna de Vries", environment=Environment.ACCEPTANCE
    )
    ctx.store("demo:firefox").put(renewed)  # type: ignore[attr-defined]
    wait(lambda: w.page() == "vecozo_result")
    w.snap(suffix, small=True)


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
    issued.write_bytes(pem(TestPKI(TODAY, keys=SeededKeys()).issue_from_csr(csr)))
    stranger = work / "ander-certificaat.pem"
    stranger.write_bytes(pem(TestPKI(TODAY, keys=SeededKeys()).issue("uzi-server")))
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
    GATE.arm()
    GATE.release.set()  # no picture of this run page: let it go on at once
    w.wizard.next()  # the run page goes on to the result by itself
    run = w.wizard.pages["run"]
    try:
        wait(lambda: w.page() == "pair_result")
    except TimeoutError:
        raise TimeoutError(f"pairing did not finish: {run.error.text()!r}") from None
    w.snap()
    w.close()


def render(
    out: Path, langs: tuple[str, ...] = ("nl", "en"), quick: bool = False, work: Path | None = None
) -> None:
    """Every picture into `out`, from a fresh work folder: `work` (emptied first) or a new
    temporary one. Its path never shows: pictures show fixed Windows paths."""
    global OUT, WORK
    OUT = out
    out.mkdir(parents=True, exist_ok=True)
    if work is None:
        WORK = Path(tempfile.mkdtemp(prefix="certassist-screenshots-"))
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        WORK = work.resolve()
    from certassist.gui import worker

    _EARLIER.clear()
    _EARLIER.update(worker._alive)
    # Under a window manager the focused field's caret blinks: a steady one for the pictures.
    flash = QApplication.cursorFlashTime()
    QApplication.setCursorFlashTime(0)
    DETERMINISTIC.install()
    GATE.install()
    os.environ["XDG_CACHE_HOME"] = str(WORK / "cache")
    os.environ["XDG_DATA_HOME"] = str(WORK / "data")
    try:
        for lang in langs:
            render_language(lang, WORK, quick)
    finally:
        GATE.release.set()  # a held operation must not outlive the run
        settle()
        QApplication.setCursorFlashTime(flash)
        _EARLIER.clear()
        GATE.uninstall()
        DETERMINISTIC.uninstall()
        install_language("nl")
        shutil.rmtree(WORK, ignore_errors=True)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    args = sys.argv[1:]
    work = Path(args[args.index("--work") + 1]) if "--work" in args else None
    out = Path(args[args.index("--out") + 1]) if "--out" in args else OUT
    render(out, quick="--quick" in args, work=work)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

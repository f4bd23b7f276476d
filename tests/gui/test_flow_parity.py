"""One flow, two faces: each flow run once through the command line and once through the wizard,
each on its own "PC" (real NSS databases and a USB folder in tmp_path), must leave the same
stores, the same backup files and markers, and the same audit and install records.

The two PCs have the same layout under different roots; paths are compared relative to them.
"""

from __future__ import annotations

import getpass
import io
import json
import shutil
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from certassist.cli import main
from certassist.core.models import Bundle, Kind, StoreKind
from certassist.core.reading import read_certificate_file
from certassist.core.settings import PracticeSettings, save_settings
from certassist.gui.context import AppContext
from certassist.ops.audit import AuditLog
from certassist.ops.files import TRANSFER_SUFFIX
from certassist.ops.records import InstallRecords, default_data_dir
from certassist.ops.renew_uzi import UziRenewalFlow
from certassist.stores.nss import NssStore
from tests.gui.flow_driver import (
    TIMEOUT,
    current_name,
    next_to,
    run_confirmed,
    walk_to,
)
from tests.pki import TestPKI, pem, pfx
from tests.stores.nss_oracle import make_db

pytestmark = [
    pytest.mark.linux_tools,
    pytest.mark.skipif(shutil.which("certutil") is None, reason="needs certutil"),
]

ANNA = "Anna de Vries"
FILE_PASSWORD = "Vijf-Groene-Appels-2026"
BACKUP_PASSWORD = "Paarse-Olifant-Danst-7"
KEY_PASSWORD = "Nieuwe-Sleutel-Bewaren-42"
SUBSCRIBER = "12345678"


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(date.today())  # both faces use the real clock (the CLI has no other)


@dataclass
class PC:
    """One PC: two Firefox profiles (real NSS databases), a USB folder, its own files."""

    root: Path

    @property
    def profile(self) -> Path:
        return self.root / "profile"

    @property
    def other(self) -> Path:
        return self.root / "other-profile"

    @property
    def usb(self) -> Path:
        return self.root / "usb"

    def store(self, db: Path) -> NssStore:
        return NssStore(db, StoreKind.FIREFOX)

    def contents(self, db: Path) -> list[tuple[str, bool]]:
        return sorted((e.fingerprint, e.has_key) for e in self.store(db).list())

    def usb_files(self) -> dict[str, Any]:
        """Backup files (by name: the certificate they hold) and transfer markers (content)."""
        found: dict[str, Any] = {}
        for path in sorted(self.usb.glob("*")) if self.usb.exists() else ():
            if path.name.endswith(TRANSFER_SUFFIX):
                found[path.name] = json.loads(path.read_text("utf-8"))
            elif path.suffix in (".pfx", ".p12"):
                password = BACKUP_PASSWORD
                found[path.name] = read_certificate_file(path, password).fingerprint
        return found

    def normalised(self, text: str) -> str:
        return text.replace(str(self.root), "<pc>")


def _pcs(tmp_path: Path) -> tuple[PC, PC]:
    pcs = PC(tmp_path / "cli"), PC(tmp_path / "gui")
    for pc in pcs:
        make_db(pc.profile)
        make_db(pc.other)
    return pcs


def _audit(pc: PC, log: AuditLog) -> list[dict[str, Any]]:
    records = []
    for record in log.read():
        data = record.to_json()
        del data["time"]
        data["from"], data["to"] = pc.normalised(data["from"]), pc.normalised(data["to"])
        records.append(data)
    return records


def _installs(pc: PC, path: Path) -> str:
    return pc.normalised(path.read_text("utf-8")) if path.exists() else ""


def assert_same(cli: PC, gui: PC) -> None:
    assert cli.contents(cli.profile) == gui.contents(gui.profile)
    assert cli.contents(cli.other) == gui.contents(gui.other)
    assert cli.usb_files() == gui.usb_files()
    cli_audit = _audit(cli, AuditLog(default_data_dir() / "audit.jsonl"))
    assert cli_audit, "the CLI wrote no audit record"
    assert cli_audit == _audit(gui, AuditLog(gui.root / "audit.jsonl"))
    cli_installs = _installs(cli, default_data_dir() / "installs.json")
    assert cli_installs == _installs(gui, gui.root / "installs.json")


def cli(monkeypatch: pytest.MonkeyPatch, args: list[str], *stdin: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in stdin)))
    assert main([*args, "--password-stdin"]) == 0


def wizard_on(qtbot: QtBot, gui: PC, flow: str, fingerprint: str = "", **extra: Any) -> Any:
    from certassist.gui.i18n import install_language
    from certassist.gui.wizard import FlowWizard

    install_language("nl")
    ctx = AppContext(
        stores=[gui.store(gui.profile), gui.store(gui.other)],
        today=date.today,
        os_user=getpass.getuser(),  # the CLI's audit records name the OS user
        audit=AuditLog(gui.root / "audit.jsonl"),
        records=InstallRecords(gui.root / "installs.json"),
        backup_dir=gui.root,
        settings_path=gui.root / "settings.json",
        **extra,
    )
    wizard = FlowWizard(ctx, flow, fingerprint or None)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def only_target(wizard: Any, store: NssStore) -> None:
    """Tick `store` alone (as the CLI's one --nss-db): both profiles have the same label."""
    page = wizard.pages["choose_target"]
    for i in range(page.list.count()):
        item = page.list.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) == store.store_id
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def check_and_run(qtbot: QtBot, wizard: Any, **given: Any) -> Any:
    """The rest of the wizard (`walk_to` fills what `given` names), confirmed and run: ok."""
    page = walk_to(qtbot, wizard, **given)
    assert wizard.state.plan.allowed, page.summary.text()
    run_confirmed(qtbot, wizard)
    assert wizard.state.result.ok, wizard.pages["result"].body.text()
    return wizard.state.result


def _seed(pc: PC, db: Path, *bundles: Bundle) -> None:
    for bundle in bundles:
        pc.store(db).add(bundle)


def test_install(tmp_path: Path, qtbot: QtBot, pki: TestPKI, monkeypatch: Any) -> None:
    cli_pc, gui_pc = _pcs(tmp_path)
    bundle = pki.issue("vecozo-personal", name=ANNA)
    for pc in (cli_pc, gui_pc):
        (pc.root / "anna.pfx").write_bytes(pfx(bundle, FILE_PASSWORD))

    cli(monkeypatch, ["install", str(cli_pc.root / "anna.pfx"), "--nss-db", str(cli_pc.profile),
                      "--i-am", ANNA, "--yes"], FILE_PASSWORD)  # fmt: skip

    wizard = wizard_on(qtbot, gui_pc, "install")
    walk_to(qtbot, wizard, "choose_target", who=ANNA, file=gui_pc.root / "anna.pfx",
            password=FILE_PASSWORD)  # fmt: skip
    only_target(wizard, gui_pc.store(gui_pc.profile))
    check_and_run(qtbot, wizard)

    assert (bundle.fingerprint, True) in cli_pc.contents(cli_pc.profile)
    assert_same(cli_pc, gui_pc)


@pytest.mark.parametrize("transfer", [False, True], ids=["backup", "transfer"])
def test_backup_and_transfer(
    tmp_path: Path, qtbot: QtBot, pki: TestPKI, monkeypatch: Any, transfer: bool
) -> None:
    """'Naar andere pc's brengen' writes the transfer marker exactly as `backup --transfer`."""
    cli_pc, gui_pc = _pcs(tmp_path)
    bundle = pki.issue("vecozo-personal", name=ANNA)
    for pc in (cli_pc, gui_pc):
        _seed(pc, pc.profile, bundle)

    cli(monkeypatch, ["backup", "--nss-db", str(cli_pc.profile), "--fingerprint",
                      bundle.fingerprint, "--to", str(cli_pc.usb), "--yes", "--new-folder",
                      *(["--transfer"] if transfer else [])],
        BACKUP_PASSWORD, BACKUP_PASSWORD)  # fmt: skip

    wizard = wizard_on(qtbot, gui_pc, "spread" if transfer else "backup", bundle.fingerprint)
    check_and_run(qtbot, wizard, who=ANNA, folder=gui_pc.usb, backup_password=BACKUP_PASSWORD)

    markers = [n for n in gui_pc.usb_files() if n.endswith(TRANSFER_SUFFIX)]
    assert len(markers) == (1 if transfer else 0)
    assert_same(cli_pc, gui_pc)


@pytest.mark.parametrize("flag", [["--transfer"], []], ids=["--transfer", "marker"])
def test_restore_of_a_transfer_backup_retires_the_old_certificate(
    tmp_path: Path, qtbot: QtBot, pki: TestPKI, monkeypatch: Any, flag: list[str]
) -> None:
    """On the other PC the wizard's plain restore does what `restore --transfer` does (and the
    CLI without the flag: the backup's marker says what it replaces)."""
    cli_pc, gui_pc = _pcs(tmp_path)
    old = pki.expiring_in(20, Kind.VECOZO_PERSONAL, name=ANNA)
    new = pki.issue("vecozo-personal", name=ANNA)
    source = PC(tmp_path / "renewed-pc")
    make_db(source.profile)
    _seed(source, source.profile, new)
    cli(monkeypatch, ["backup", "--nss-db", str(source.profile), "--to", str(source.usb),
                      "--yes", "--new-folder", "--transfer"], BACKUP_PASSWORD,
        BACKUP_PASSWORD)  # fmt: skip
    (backup,) = source.usb.glob("*.pfx")
    for pc in (cli_pc, gui_pc):
        _seed(pc, pc.profile, old)
        shutil.copytree(source.usb, pc.usb)
    AuditLog(default_data_dir() / "audit.jsonl").path.unlink()  # only the restore is compared

    cli(monkeypatch, ["restore", str(cli_pc.usb / backup.name), "--nss-db", str(cli_pc.profile),
                      "--i-am", ANNA, "--yes", *flag], BACKUP_PASSWORD)  # fmt: skip

    wizard = wizard_on(qtbot, gui_pc, "restore")
    walk_to(qtbot, wizard, "choose_target", who=ANNA, file=gui_pc.usb / backup.name,
            password=BACKUP_PASSWORD)  # fmt: skip
    only_target(wizard, gui_pc.store(gui_pc.profile))
    result = check_and_run(qtbot, wizard)

    assert result.message_id == "I-ops-transfer-done" and result.params["removed"] == 1
    held = gui_pc.contents(gui_pc.profile)
    assert (new.fingerprint, True) in held and (old.fingerprint, True) not in held
    assert_same(cli_pc, gui_pc)


@pytest.mark.parametrize("move", [False, True], ids=["copy", "--move"])
def test_copy(tmp_path: Path, qtbot: QtBot, pki: TestPKI, monkeypatch: Any, move: bool) -> None:
    """The wizard's "Verplaatsen" is `copy --move`: the source goes once the target is verified."""
    cli_pc, gui_pc = _pcs(tmp_path)
    bundle = pki.issue("vecozo-personal", name=ANNA)
    for pc in (cli_pc, gui_pc):
        _seed(pc, pc.profile, bundle)

    source, target = cli_pc.store(cli_pc.profile), cli_pc.store(cli_pc.other)
    cli(monkeypatch, ["copy", "--nss-db", str(cli_pc.profile), "--nss-db", str(cli_pc.other),
                      "--from", source.store_id, "--to", target.store_id,
                      "--fingerprint", bundle.fingerprint, "--i-am", ANNA, "--yes",
                      *(["--move"] if move else [])])  # fmt: skip

    wizard = wizard_on(qtbot, gui_pc, "copy", bundle.fingerprint)
    page = walk_to(qtbot, wizard, "choose_target", who=ANNA)
    assert page.move_box.isVisible() and not page.move_box.isChecked()
    other = gui_pc.store(gui_pc.other)  # the source profile is not offered; the other one is
    check_and_run(qtbot, wizard, targets=[other.label], move=move)

    assert (bundle.fingerprint, True) in cli_pc.contents(cli_pc.other)
    assert ((bundle.fingerprint, True) in cli_pc.contents(cli_pc.profile)) is not move
    assert_same(cli_pc, gui_pc)


@pytest.mark.parametrize("backup", [False, True], ids=["--not-needed", "--backup"])
def test_remove(tmp_path: Path, qtbot: QtBot, pki: TestPKI, monkeypatch: Any, backup: bool) -> None:
    """Either "no backup needed", or a named backup file that is opened and compared first:
    `remove --not-needed` or `remove --backup FILE`, the same records either way."""
    cli_pc, gui_pc = _pcs(tmp_path)
    bundle = pki.issue("vecozo-personal", name=ANNA)
    for pc in (cli_pc, gui_pc):
        _seed(pc, pc.profile, bundle)
        if backup:
            pc.usb.mkdir()
            (pc.usb / "anna.pfx").write_bytes(pfx(bundle, BACKUP_PASSWORD))

    store = cli_pc.store(cli_pc.profile)
    proof = ["--backup", str(cli_pc.usb / "anna.pfx")] if backup else ["--not-needed"]
    cli(monkeypatch, ["remove", "--nss-db", str(cli_pc.profile), "--store", store.store_id,
                      "--fingerprint", bundle.fingerprint, *proof, "--yes"],
        *([BACKUP_PASSWORD] if backup else []))  # fmt: skip

    wizard = wizard_on(qtbot, gui_pc, "remove", bundle.fingerprint)
    proof = gui_pc.usb / "anna.pfx" if backup else None
    check_and_run(qtbot, wizard, who=ANNA, backup=proof, backup_password=BACKUP_PASSWORD)
    asked = {c.value for c in wizard.state.confirmations}
    assert asked == ({"proceed"} if backup else {"proceed", "no-backup"})

    assert (bundle.fingerprint, True) not in cli_pc.contents(cli_pc.profile)
    assert_same(cli_pc, gui_pc)


def test_uzi_pairing(tmp_path: Path, qtbot: QtBot, pki: TestPKI, monkeypatch: Any) -> None:
    """Both faces run the one placing flow: PFX written and read back, R14, pending key gone."""
    current = pki.expiring_in(40, Kind.UZI_SERVER, host="portaal.linde.example",
                              subscriber=SUBSCRIBER)  # fmt: skip
    issued_fp: dict[str, str] = {}
    for pc in _pcs(tmp_path):
        settings = PracticeSettings(subscriber_number=SUBSCRIBER, vendor_id="promedico-asp")
        save_settings(settings, pc.root / "settings.json")
        flow = UziRenewalFlow(pc.root / "renewals", today=date.today)
        started = flow.start(current.leaf, KEY_PASSWORD, facts=settings.facts())
        csr = x509.load_pem_x509_csr(started.csr_pem)
        issued = pki.issue_from_csr(csr, Kind.UZI_SERVER, subscriber=SUBSCRIBER)
        (pc.root / "issued.pem").write_bytes(pem(issued))
        issued_fp[pc.root.name] = issued.fingerprint
        if pc.root.name == "cli":
            cli(monkeypatch, ["renew", "--folder", str(pc.root / "renewals"), "--settings",
                              str(pc.root / "settings.json"), "uzi", "pair", started.pending.id,
                              str(pc.root / "issued.pem"), "--pfx-folder", str(pc.usb)],
                KEY_PASSWORD, BACKUP_PASSWORD)  # fmt: skip
            continue
        wizard = wizard_on(qtbot, pc, "uzi_pair", renewals_dir=pc.root / "renewals")
        page = wizard.pages["pair_file"]
        page.path.setText(str(pc.root / "issued.pem"))
        page.password.edit.setText(KEY_PASSWORD)
        next_to(qtbot, wizard, "pair_check")
        qtbot.waitUntil(lambda w=wizard: w.state.paired is not None, timeout=TIMEOUT)
        target = next_to(qtbot, wizard, "pair_target")
        target.folder.setText(str(pc.usb))
        target.password.edit.setText(BACKUP_PASSWORD)
        target.repeat.edit.setText(BACKUP_PASSWORD)
        next_to(qtbot, wizard, "run")
        qtbot.waitUntil(lambda w=wizard: current_name(w) == "pair_result", timeout=TIMEOUT)
        assert wizard.state.result.finished

    for name, fingerprint in issued_fp.items():
        pc = PC(tmp_path / name)
        assert list(pc.usb_files().values()) == [fingerprint]  # the PFX holds the new one
        assert list((pc.root / "renewals").iterdir()) == []  # the pending key is forgotten


def _firefox_of_the_cli(home: Path, profile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`renew` reads this PC's stores (no --nss-db): a Firefox whose only profile is `profile`."""
    root = home / ".mozilla" / "firefox"
    root.mkdir(parents=True, exist_ok=True)
    (root / "profiles.ini").write_text(
        f"[Profile0]\nName=praktijk\nIsRelative=0\nPath={profile}\nDefault=1\n", "utf-8"
    )
    monkeypatch.setenv("CERTASSIST_STORES", "firefox")


@pytest.mark.parametrize("person", [ANNA, "Bram Jansen"], ids=["holder", "someone-else"])
def test_vecozo_renewal(
    tmp_path: Path,
    qtbot: QtBot,
    pki: TestPKI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    _isolated_dirs: Path,
    person: str,
) -> None:
    """The wizard's guide links the page `renew vecozo` names, and refuses whom it refuses."""
    cli_pc, gui_pc = _pcs(tmp_path)
    current = pki.expiring_in(20, Kind.VECOZO_PERSONAL, name=ANNA)
    for pc in (cli_pc, gui_pc):
        _seed(pc, pc.profile, current)
    _firefox_of_the_cli(_isolated_dirs, cli_pc.profile, monkeypatch)
    code = main(["renew", "vecozo", current.fingerprint, "--i-am", person])
    out = capsys.readouterr()

    wizard = wizard_on(qtbot, gui_pc, "renew", current.fingerprint)
    guide = walk_to(qtbot, wizard, "renew_guide", who=person)

    if person == ANNA:
        assert code == 0, out.err
        url = next(w for w in out.out.split() if w.startswith("https://"))
        assert url.rstrip(".,") in guide.body.text() and not guide.error.isVisible()
    else:
        assert code == 2 and "[E-R1-" in out.err
        refusal = out.err.split("] ", 1)[1].split(".")[0]  # the first sentence: who it is for
        assert guide.error.isVisible() and guide.error.text().startswith(refusal)


def _learned_profiles() -> dict[str, str]:
    """The local profiles certassist learned (and takes them away: the next face starts bare)."""
    from certassist.core.profiles import user_profiles_dir

    learned = {}
    for path in sorted(user_profiles_dir().glob("learned-*.toml")):
        learned[path.name] = path.read_text("utf-8")
        path.unlink()
    return learned


def test_vecozo_renewal_waits_records_and_learns_the_issuer(
    tmp_path: Path,
    qtbot: QtBot,
    pki: TestPKI,
    monkeypatch: pytest.MonkeyPatch,
    _isolated_dirs: Path,
) -> None:
    """`renew vecozo --wait` and the wizard's wait page: the renewed certificate, from an issuer
    certassist never saw (OpenSSL made it, pk12util puts it into Firefox as VECOZO's page
    would), is found, its install date recorded and audited, and the kind kept as a local
    profile: the same records and the same profile from both faces."""
    from tests.foreign import PASSWORD, fingerprint, make_foreign_pki
    from tests.stores.nss_oracle import pk12_import

    cli_pc, gui_pc = _pcs(tmp_path)
    current = pki.expiring_in(20, Kind.VECOZO_PERSONAL, name=ANNA)
    for pc in (cli_pc, gui_pc):
        _seed(pc, pc.profile, current)
    issuer = make_foreign_pki(tmp_path / "pki", org="VECOZO Nieuwe Uitgever BV")
    cert, key = issuer.leaf("anna", "/C=NL/O=Praktijk West/CN=Anna de Vries/GN=Anna/SN=de Vries")
    renewed = issuer.pfx(cert, key, [], tmp_path / "renewed.pfx").read_bytes()
    _firefox_of_the_cli(_isolated_dirs, cli_pc.profile, monkeypatch)

    arrives = threading.Timer(1.0, pk12_import, (cli_pc.profile, renewed, PASSWORD))
    arrives.start()  # while the CLI waits
    try:
        assert main(["renew", "vecozo", current.fingerprint, "--i-am", ANNA, "--wait", "60"]) == 0
    finally:
        arrives.join()
    cli_learned = _learned_profiles()
    assert len(cli_learned) == 1 and 'kind = "vecozo-personal"' in next(iter(cli_learned.values()))

    wizard = wizard_on(qtbot, gui_pc, "renew", current.fingerprint)
    walk_to(qtbot, wizard, "renew_guide", who=ANNA)
    pk12_import(gui_pc.profile, renewed, PASSWORD)  # the user renews on VECOZO's page
    next_to(qtbot, wizard, "vecozo_wait")
    qtbot.waitUntil(lambda: current_name(wizard) == "vecozo_result", timeout=TIMEOUT)
    assert wizard.state.result.ok, wizard.pages["vecozo_result"].body.text()

    held = cli_pc.contents(cli_pc.profile)
    assert (fingerprint(cert), True) in held and (current.fingerprint, True) in held  # old stays
    assert_same(cli_pc, gui_pc)
    assert _learned_profiles() == cli_learned


def test_uzi_request(
    tmp_path: Path,
    qtbot: QtBot,
    pki: TestPKI,
    monkeypatch: pytest.MonkeyPatch,
    _isolated_dirs: Path,
) -> None:
    """A new key and request for the same certificate: the same pending renewal, both faces."""
    cli_pc, gui_pc = _pcs(tmp_path)
    current = pki.expiring_in(40, Kind.UZI_SERVER, host="portaal.linde.example",
                              subscriber=SUBSCRIBER)  # fmt: skip
    for pc in (cli_pc, gui_pc):
        _seed(pc, pc.profile, current)
    _firefox_of_the_cli(_isolated_dirs, cli_pc.profile, monkeypatch)
    cli(monkeypatch, ["renew", "--folder", str(cli_pc.root / "renewals"), "uzi", "start",
                      "--fingerprint", current.fingerprint], KEY_PASSWORD)  # fmt: skip

    wizard = wizard_on(qtbot, gui_pc, "renew", current.fingerprint,
                       renewals_dir=gui_pc.root / "renewals")  # fmt: skip
    page = walk_to(qtbot, wizard, "uzi_request", who=ANNA, contact=True)
    page.password.edit.setText(KEY_PASSWORD)
    page.repeat.edit.setText(KEY_PASSWORD)
    page.make.click()
    qtbot.waitUntil(lambda: page.started is not None, timeout=TIMEOUT)

    def pending(pc: PC) -> list[dict[str, Any]]:
        found = [p.to_json() for p in UziRenewalFlow(pc.root / "renewals").pending()]
        for data in found:
            del data["id"]  # made of the date, the host and a random part
        return found

    assert pending(cli_pc) == pending(gui_pc) != []
    assert pending(cli_pc)[0]["old_fingerprint"] == current.fingerprint


def test_every_flow_has_its_pages_title_and_traits(qapp: Any) -> None:
    """Adding a flow: a FlowId, its traits row and its operation (ops), its pages and its title
    (GUI), its command (CLI). Nothing else names flows."""
    from certassist.gui.flow_state import FLOW_PAGES
    from certassist.gui.start_page import FLOWS, flow_title
    from certassist.ops.flows_ids import FLOW_TRAITS, FlowId

    assert set(FLOW_PAGES) == set(FLOW_TRAITS) == set(FLOWS) == set(FlowId)
    assert all(flow_title(f) for f in FlowId)

"""After a UZI server renewal is paired, the old certificate reads "vervangen", not "nu starten"
(issue 13): through the real `certassist` process, `list` and `check` agree, and so does the
start page, which shows the same overview.

The old certificate sits in a registered backup folder (a real PFX); the renewal is started and
paired with the CLI, the new PFX written into that same folder, as the pairing step offers.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from certassist.core.models import Kind
from certassist.stores.pkcs12file import Pkcs12FolderStore
from tests.cli.process import environment, run
from tests.pki import TestPKI, pem, pfx

PASSWORD = "Zeven-Blauwe-Fietsen-2026"


@pytest.fixture(scope="module")
def today_pki() -> TestPKI:
    return TestPKI(date.today())  # the process under test uses the real clock


def _json(done: object) -> object:
    assert done.returncode in (0, 1, 2), done.stderr  # type: ignore[attr-defined]
    return json.loads(done.stdout)  # type: ignore[attr-defined]


def _statuses(listed: object) -> dict[str, str]:
    assert isinstance(listed, dict | list)
    groups = listed["certificates"] if isinstance(listed, dict) else listed
    return {g["fingerprint"].upper(): g["status"] for g in groups}


def test_old_uzi_certificate_reads_replaced_after_pairing(
    tmp_path: Path, today_pki: TestPKI
) -> None:
    env = environment("nl", CERTASSIST_STORES="pkcs12-folder")
    folder = tmp_path / "backups"
    folder.mkdir()
    settings = str(tmp_path / "settings.json")
    old = today_pki.expiring_in(40, Kind.UZI_SERVER)
    (folder / "oud.p12").write_bytes(pfx(old, PASSWORD))  # made elsewhere, adopted to list
    Pkcs12FolderStore(folder).adopt(folder / "oud.p12", PASSWORD)
    (tmp_path / "oud.pem").write_bytes(pem(old))
    added = run("settings", "--settings", settings, "add-backup-folder", str(folder), env=env)
    assert added.returncode == 0, added.stderr
    old_fp = old.leaf.fingerprint(hashes.SHA256()).hex().upper()

    before = run("list", "--json", "--settings", settings, env=env)
    assert _statuses(_json(before))[old_fp] == "uzi-start-now"
    assert before.returncode == 1  # due soon: start the renewal
    assert run("check", "--settings", settings, env=env).returncode == 1

    renew = ["renew", "--json", "--folder", str(tmp_path / "renewals"), "--settings", settings]
    start = ["uzi", "start", "--from", str(tmp_path / "oud.pem"), "--password-stdin"]
    started = _json(run(*renew, *start, stdin=PASSWORD + "\n", env=env))
    assert isinstance(started, dict)
    csr = x509.load_pem_x509_csr(Path(started["csr"]).read_bytes())
    new = today_pki.issue_from_csr(csr, Kind.UZI_SERVER)
    (tmp_path / "nieuw.pem").write_bytes(pem(new))
    pair = ["uzi", "pair", started["id"], str(tmp_path / "nieuw.pem"), "--pfx-folder", str(folder)]
    paired = run(*renew, *pair, "--password-stdin", stdin=f"{PASSWORD}\n{PASSWORD}\n", env=env)
    assert paired.returncode == 0, paired.stderr + paired.stdout

    after = run("list", "--json", "--settings", settings, env=env)
    statuses = _statuses(_json(after))
    new_fp = new.leaf.fingerprint(hashes.SHA256()).hex().upper()
    assert statuses[old_fp] == "replaced" and statuses[new_fp] == "ok"
    assert after.returncode == 0  # nothing due any more
    text = run("list", "--settings", settings, env=env)
    assert "nu starten" not in text.stdout and "vervangen" in text.stdout
    checked = run("check", "--json", "--settings", settings, env=env)
    assert checked.returncode == 0, checked.stdout
    report = json.loads(checked.stdout)
    states = {
        i["fingerprint"].upper(): i["state"] for i in report["production"] if i["fingerprint"]
    }
    # R14: the renewal itself waits for the portal's two signs (listed, not due yet)
    assert [i["state"] for i in report["production"] if not i["fingerprint"]] == ["confirm-signs"]
    assert states[old_fp] == "replaced" and states[new_fp] == "ok"

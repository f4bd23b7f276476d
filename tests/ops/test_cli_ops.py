"""The operation commands as a script uses them: real NSS databases, passwords on stdin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from certassist.cli import main
from tests.ops.conftest import ANNA, GOOD_PASSWORD
from tests.pki import TestPKI, pfx
from tests.stdin import feed_stdin
from tests.stores.nss_oracle import key_lines, make_db


@pytest.fixture(autouse=True)
def _nss(nss_ready: None) -> None:
    """Every test here needs the NSS tools."""


def test_install_backup_log_with_json(
    tmp_path: Path,
    pki: TestPKI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = pki.issue("vecozo-personal", name=ANNA)
    source = tmp_path / "anna.pfx"
    source.write_bytes(pfx(bundle, GOOD_PASSWORD))
    db = make_db(tmp_path / "profile")
    feed_stdin(monkeypatch, "wrong-one", GOOD_PASSWORD)
    code = main(["install", str(source), "--nss-db", str(db), "--i-am", ANNA, "--yes",
                 "--password-stdin", "--json"])  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out
    assert json.loads(out.out)["outcome"] == "done"
    assert "[2/3]" in out.err  # progress lines on stderr
    assert len(key_lines(db)) == 1

    feed_stdin(monkeypatch, GOOD_PASSWORD, GOOD_PASSWORD)
    code = main(["backup", "--nss-db", str(db), "--to", str(tmp_path / "usb"), "--yes",
                 "--new-folder", "--password-stdin", "--json", "--compatible"])  # fmt: skip
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and Path(result["paths"][0]).exists()

    assert main(["log", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["what"] for r in records] == ["install", "backup"]
    assert GOOD_PASSWORD not in json.dumps(records)


def test_refused_by_R1_exit_code_2(
    tmp_path: Path,
    pki: TestPKI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "bram.pfx"
    source.write_bytes(pfx(pki.issue("vecozo-personal", name="Bram Jansen"), GOOD_PASSWORD))
    db = make_db(tmp_path / "profile")
    feed_stdin(monkeypatch, GOOD_PASSWORD)
    code = main(["restore", str(source), "--nss-db", str(db), "--i-am", ANNA, "--yes",
                 "--password-stdin", "--json"])  # fmt: skip
    assert code == 2
    assert json.loads(capsys.readouterr().out)["refusals"][0]["id"] == "E-R1-not-rightful-user"
    assert key_lines(db) == []


def test_three_wrong_passwords_stop_with_exit_3(
    tmp_path: Path,
    pki: TestPKI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "a.pfx"
    source.write_bytes(pfx(pki.issue("other"), GOOD_PASSWORD))
    db = make_db(tmp_path / "profile")
    feed_stdin(monkeypatch, "a", "b", "c", GOOD_PASSWORD)
    code = main(["restore", str(source), "--nss-db", str(db), "--yes", "--password-stdin",
                 "--json"])  # fmt: skip
    assert code == 3
    assert json.loads(capsys.readouterr().out)["error"] == "E-ops-password-tries"


def test_weak_backup_password_is_explained(
    tmp_path: Path,
    pki: TestPKI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = make_db(tmp_path / "profile")
    from certassist.stores.nss import NssStore

    NssStore(db).add(pki.issue("other"))
    feed_stdin(monkeypatch, "geheim", "geheim")
    code = main(["--lang", "en", "backup", "--nss-db", str(db), "--to", str(tmp_path / "usb"),
                 "--yes", "--new-folder", "--password-stdin"])  # fmt: skip
    assert code == 3
    assert "E-ops-password-weak" in capsys.readouterr().err
    assert not (tmp_path / "usb").exists()

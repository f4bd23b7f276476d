"""`certassist classify` with files other tools wrote: `openssl pkcs12 -export` and
`pk12util -o`, and by fingerprint for a certificate in the NSS database (issue #11 point 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from certassist.cli import main
from certassist.core.profiles import user_profiles_dir
from tests.foreign import PASSWORD, fingerprint, make_foreign_pki
from tests.stdin import feed_stdin
from tests.stores.nss_oracle import make_db, pk12_export, pk12_import

pytestmark = pytest.mark.linux_tools

PERSON = "/C=NL/O=Praktijk Zuid/serialNumber={n}/GN={g}/SN={s}/CN={g} {s}"
SYSTEM = "/C=NL/O=Praktijk Zuid/serialNumber={n}/CN=Praktijk Zuid"


@pytest.fixture(autouse=True)
def _nss(nss_ready: None) -> None:
    """The NSS tools write one of the files."""


def _inspect_kind(path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    feed_stdin(monkeypatch, PASSWORD)
    main(["inspect", str(path), "--password-stdin", "--json"])
    return json.loads(capsys.readouterr().out)


def test_classify_a_pfx_then_a_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pki = make_foreign_pki(tmp_path / "pki", org="VECOZO Certificaten Testuitgever")
    cert, key = pki.leaf("anna", PERSON.format(n="10000000000001", g="Anna", s="Smit"))
    anna = pki.pfx(cert, key, [pki.intermediate], tmp_path / "anna.pfx", legacy=True)

    shown = _inspect_kind(anna, monkeypatch, capsys)
    assert shown["kind"] == "other" and "vecozo-kind-unknown" in shown["notes"]

    feed_stdin(monkeypatch, PASSWORD)
    code = main(["classify", str(anna), "--as", "vecozo-personal", "--password-stdin", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0, result
    assert result["kind"] == "vecozo-personal" and result["fingerprint"] == fingerprint(cert)
    assert Path(result["profile_file"]).parent == user_profiles_dir()
    assert PASSWORD not in Path(result["profile_file"]).read_text(encoding="utf-8")

    # Firefox's own backup (pk12util -o) of someone else's certificate of that issuer
    cert2, key2 = pki.leaf("bert", PERSON.format(n="10000000000002", g="Bert", s="Bakker"))
    bert_pfx = pki.pfx(cert2, key2, [], tmp_path / "bert-in.pfx", name="Bert Bakker")
    db = make_db(Path.home() / ".pki" / "nssdb")
    pk12_import(db, bert_pfx.read_bytes(), PASSWORD)
    bert = tmp_path / "bert-firefox.p12"
    bert.write_bytes(pk12_export(db, "Bert Bakker", PASSWORD))
    shown = _inspect_kind(bert, monkeypatch, capsys)
    assert (shown["kind"], shown["holder"]) == ("vecozo-personal", "Bert Bakker")

    # the practice's system certificate, already in the store: classified by its fingerprint
    cert3, key3 = pki.leaf("sys", SYSTEM.format(n="20000000000001"))
    pk12_import(db, pki.pfx(cert3, key3, [], tmp_path / "sys.pfx").read_bytes(), PASSWORD)
    monkeypatch.setenv("CERTASSIST_STORES", "nssdb")
    spaced = ":".join(fingerprint(cert3)[i : i + 2] for i in range(0, 64, 2))
    assert main(["classify", spaced, "--as", "vecozo-system"]) == 0
    out = capsys.readouterr().out
    assert "VECOZO systeemcertificaat" in out
    main(["list", "--json"])
    kinds = {
        c["fingerprint"]: c["kind"] for c in json.loads(capsys.readouterr().out)["certificates"]
    }
    assert kinds[fingerprint(cert3)] == "vecozo-system"
    assert kinds[fingerprint(cert2)] == "vecozo-personal"


def test_unknown_fingerprint_and_broken_local_profile(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = user_profiles_dir()
    folder.mkdir(parents=True)
    (folder / "kapot.toml").write_text("[[profile]\n", encoding="utf-8")
    code = main(["classify", "AB" * 32, "--as", "other"])
    err = capsys.readouterr().err
    assert code == 3
    assert "[E-classify-not-found]" in err
    assert "[E-profile-local-invalid]" in err and "kapot.toml" in err and "regel 1" in err

"""Issue #11 point 2: files as other tools write them, certificates from issuers never seen.

A PKCS#12 made by `openssl pkcs12 -export -certfile …` (default and `-legacy`) carries the
user's certificate, its issuing chain, and an unrelated expired certificate. Only the keyed
certificate and its own chain go into the store (checked with certutil); the stranger is named
in the plan as left out; CA certificates are issuers, never due.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from certassist.cli import main
from certassist.core.classify import describe
from certassist.core.models import Kind, StoreKind
from certassist.core.rules import Status, certificate_status
from certassist.ops.base import Confirm, OpContext
from certassist.ops.install import InstallOperation, open_certificate_file
from certassist.stores.nss import NssStore
from tests.foreign import PASSWORD, expired_stranger, fingerprint, make_foreign_pki
from tests.ops.conftest import TODAY
from tests.stores.nss_oracle import key_lines, make_db, nicknames, run_tool


@pytest.fixture(autouse=True)
def _nss(nss_ready: None) -> None:
    """Every test here needs the NSS tools."""


@pytest.mark.parametrize("legacy", [False, True], ids=["aes", "legacy"])
def test_pfx_with_extras_installs_only_the_keyed_certificate_and_its_chain(
    tmp_path: Path, ctx: OpContext, legacy: bool
) -> None:
    foreign = make_foreign_pki(tmp_path / "pki")
    cert, key = foreign.leaf("balie", "/C=NL/O=Praktijk Noord/CN=Balie Noord")
    stranger = expired_stranger(tmp_path / "pki")
    source = foreign.pfx(
        cert, key, [stranger, foreign.intermediate, foreign.root], tmp_path / "export.pfx",
        legacy=legacy,
    )  # fmt: skip
    db = make_db(tmp_path / "profile")
    store = NssStore(db, StoreKind.FIREFOX, label="profiel")

    bundle = open_certificate_file(source, PASSWORD, lambda n: PASSWORD)
    op = InstallOperation(ctx)
    plan = op.plan(bundle, [store], str(source))
    left_out = [s for s in plan.steps if s.message_id == "S-ops-left-out"]
    assert [s.params["name"] for s in left_out] == ["Oude Medewerker"]
    op.execute(plan, {Confirm.PROCEED: True})

    listed = {e.fingerprint: e for e in store.list()}
    assert set(listed) == {fingerprint(p) for p in (cert, foreign.intermediate, foreign.root)}
    assert fingerprint(stranger) not in listed
    assert not any("Oude Medewerker" in n for n in nicknames(db))
    assert len(key_lines(db)) == 1
    # the chain arrives without trust: certutil shows empty trust flags for the CAs
    trust = run_tool("certutil", "-L", "-d", f"sql:{db}").stdout
    assert "CT," not in trust and "C,," not in trust
    for ca in (foreign.intermediate, foreign.root):
        info = describe(listed[fingerprint(ca)].certificate)
        assert info.kind is Kind.ISSUER


def test_an_expired_issuer_is_shown_as_issuer_and_never_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`inspect` calls a CA an issuer ("uitgever"), not "other"; expired, it is not overdue;
    in a store it makes neither `list` nor `check` exit non-zero."""
    old_ca = expired_stranger(tmp_path, "Oude Tussen CA", ca=True)
    assert main(["inspect", str(old_ca), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["kind"] == "issuer" and shown["status"] == "ok"
    assert main(["inspect", str(old_ca)]) == 0
    assert "Uitgever (CA-certificaat)" in capsys.readouterr().out

    db = make_db(Path.home() / ".pki" / "nssdb")
    run_tool("certutil", "-A", "-d", f"sql:{db}", "-n", "oud", "-t", ",,", "-i", old_ca)
    monkeypatch.setenv("CERTASSIST_STORES", "nssdb")
    assert main(["list", "--json"]) == 0
    assert main(["check", "--json"]) == 0
    capsys.readouterr()
    info = describe(NssStore(db).list()[0].certificate)
    assert info.kind is Kind.ISSUER
    assert certificate_status(info, TODAY).status is Status.OK

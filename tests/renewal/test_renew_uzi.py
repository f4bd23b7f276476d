"""UZI server renewal end to end with real crypto and files: CSR from certassist, certificate
issued by the test CA from that CSR, pairing, PFX read back, install into a real NSS database;
and every refusal (foreign, other subscriber, expired, not a server certificate)."""

from __future__ import annotations

import json
import stat
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from certassist.core.errors import CertassistError
from certassist.core.models import Actor, Bundle, Kind, StoreKind, sha256_fingerprint
from certassist.core.reading import read_certificate_file
from certassist.core.rules import PracticeFacts
from certassist.core.settings import PracticeSettings
from certassist.ops.audit import AuditLog
from certassist.ops.base import Confirm, OpContext
from certassist.ops.check import run_check
from certassist.ops.records import InstallRecords
from certassist.ops.renew_uzi import KEYRING_SERVICE, UziRenewalFlow, install_paired
from tests.pki import TestPKI, der, p7b, pem

from .conftest import TODAY

PASSWORD = "Zeven-Blauwe-Fietsen-2026"
SUBSCRIBER = "12345678"


class BrokenKeyring:
    """What keyring does on a PC without a secret service: every call raises."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("No recommended backend was available")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("No recommended backend was available")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("No recommended backend was available")


@pytest.fixture
def current(pki: TestPKI) -> Bundle:
    return pki.expiring_in(40, Kind.UZI_SERVER, host="portaal.linde.example", subscriber=SUBSCRIBER)


@pytest.fixture
def flow(tmp_path: Path) -> UziRenewalFlow:
    import keyring

    return UziRenewalFlow(tmp_path / "renewals", keyring=keyring.get_keyring(), today=lambda: TODAY)


def _csr(flow: UziRenewalFlow, pending_id: str) -> x509.CertificateSigningRequest:
    return x509.load_pem_x509_csr(flow.csr_path(pending_id).read_bytes())


def _issue(pki: TestPKI, flow: UziRenewalFlow, pending_id: str, **kwargs: object) -> Bundle:
    kwargs.setdefault("subscriber", SUBSCRIBER)
    return pki.issue_from_csr(_csr(flow, pending_id), Kind.UZI_SERVER, **kwargs)  # type: ignore[arg-type]


def test_start_writes_request_and_encrypted_key_only(flow: UziRenewalFlow, current: Bundle) -> None:
    facts = PracticeFacts(SUBSCRIBER, "promedico-asp")
    started = flow.start(current.leaf, PASSWORD, facts=facts)
    files = sorted(p.name.split(".", 1)[1] for p in flow.folder.iterdir())
    assert files == ["csr.pem", "json", "key.pem", "old.pem"]
    key_file = flow.folder / f"{started.pending.id}.key.pem"
    assert key_file.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    if sys.platform != "win32":  # Windows has no POSIX modes
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    meta = (flow.folder / f"{started.pending.id}.json").read_text()
    assert PASSWORD not in meta and "PRIVATE" not in meta
    assert json.loads(meta)["subscriber_number"] == SUBSCRIBER
    assert _csr(flow, started.pending.id).subject == current.leaf.subject
    assert started.vendor is not None and started.vendor.practice_uploads  # R12 from data
    assert any("beheer.pharmeon.nl" in step for step in started.vendor.steps("nl"))


@pytest.mark.parametrize("fmt", ["pem", "der", "p7b"])
def test_issued_certificate_pairs_and_pfx_reads_back(
    pki: TestPKI, flow: UziRenewalFlow, current: Bundle, tmp_path: Path, fmt: str
) -> None:
    started = flow.start(current.leaf, PASSWORD)
    issued = _issue(pki, flow, started.pending.id)
    path = tmp_path / f"nieuw.{fmt}"
    path.write_bytes({"pem": pem, "der": der, "p7b": p7b}[fmt](issued))
    paired = flow.pair(started.pending.id, path, PASSWORD, PracticeFacts(SUBSCRIBER))
    assert paired.bundle.key_matches()
    pfx = flow.write_pfx(paired, tmp_path / "usb", PASSWORD, PASSWORD)
    back = read_certificate_file(pfx, PASSWORD)
    assert back.fingerprint == issued.fingerprint and back.key_matches()
    verdict = flow.confirm(paired, ["USB-stick"])
    assert verdict.allowed
    assert [d.message_id for d in verdict.decisions] == [
        "I-R14-renewed",
        "I-R14-uzi-confirm-signs",
        "I-R9-backup-now",
    ]
    assert verdict.decisions[0].params["new_expiry"] == paired.info.expiry_date.isoformat()
    flow.finish(started.pending.id)
    assert flow.pending() == []


def _refusal(
    flow: UziRenewalFlow, pending_id: str, issued: Bundle | Path, facts: PracticeFacts | None = None
) -> str:
    with pytest.raises(CertassistError) as caught:
        flow.pair(pending_id, issued, PASSWORD, facts)
    return caught.value.message_id


def test_foreign_certificate_is_refused(
    pki: TestPKI, flow: UziRenewalFlow, current: Bundle
) -> None:
    started = flow.start(current.leaf, PASSWORD)
    other = flow.start(current.leaf, PASSWORD)  # a second request: another key
    issued_for_other = _issue(pki, flow, other.pending.id)
    assert _refusal(flow, started.pending.id, issued_for_other) == "E-uzirenew-foreign-certificate"
    stranger = pki.uzi_server(host="portaal.linde.example")
    assert _refusal(flow, started.pending.id, stranger) == "E-uzirenew-foreign-certificate"


def test_other_subscriber_is_refused_r13(
    pki: TestPKI, flow: UziRenewalFlow, current: Bundle
) -> None:
    started = flow.start(current.leaf, PASSWORD)
    moved = _issue(pki, flow, started.pending.id, subscriber="99999999", with_ura=False)
    assert _refusal(flow, started.pending.id, moved) == "E-uzirenew-subscriber-changed"
    issued = _issue(pki, flow, started.pending.id)
    facts = PracticeFacts("11112222")
    assert _refusal(flow, started.pending.id, issued, facts) == "E-uzirenew-subscriber-mismatch"


def test_expired_or_wrong_kind_is_refused(
    pki: TestPKI, flow: UziRenewalFlow, current: Bundle
) -> None:
    started = flow.start(current.leaf, PASSWORD)
    csr = _csr(flow, started.pending.id)
    expired = pki.issue_from_csr(
        csr,
        Kind.UZI_SERVER,
        subscriber=SUBSCRIBER,
        days_valid=30,
        not_before=TODAY - timedelta(days=60),
    )
    assert _refusal(flow, started.pending.id, expired) == "E-uzirenew-issued-expired"
    vecozo = pki.issue_from_csr(csr, Kind.OTHER)
    assert _refusal(flow, started.pending.id, vecozo) == "E-uzirenew-not-uzi-server"


def test_wrong_key_password_is_refused(pki: TestPKI, flow: UziRenewalFlow, current: Bundle) -> None:
    started = flow.start(current.leaf, PASSWORD)
    issued = _issue(pki, flow, started.pending.id)
    with pytest.raises(CertassistError) as caught:
        flow.pair(started.pending.id, issued, "niet-het-wachtwoord")
    assert caught.value.message_id == "E-csr-key-password"
    with pytest.raises(CertassistError) as missing:
        flow.pair(started.pending.id, issued, None)
    assert missing.value.message_id == "E-uzirenew-password-needed"


def test_password_remembered_only_when_asked(
    pki: TestPKI, flow: UziRenewalFlow, current: Bundle
) -> None:
    import keyring

    plain = flow.start(current.leaf, PASSWORD)
    assert keyring.get_password(KEYRING_SERVICE, plain.pending.id) is None
    kept = flow.start(current.leaf, PASSWORD, remember=True)
    assert kept.pending.remembered
    issued = _issue(pki, flow, kept.pending.id)
    assert flow.pair(kept.pending.id, issued, None).bundle.key_matches()  # from the keyring
    flow.finish(kept.pending.id)
    assert keyring.get_password(KEYRING_SERVICE, kept.pending.id) is None


def test_works_without_a_keyring_backend(tmp_path: Path, current: Bundle) -> None:
    flow = UziRenewalFlow(tmp_path / "r", keyring=BrokenKeyring(), today=lambda: TODAY)
    started = flow.start(current.leaf, PASSWORD, remember=True)
    assert not started.pending.remembered
    assert [n.message_id for n in started.notices][0] == "W-uzirenew-no-keyring"
    assert (flow.folder / f"{started.pending.id}.key.pem").is_file()


@pytest.fixture
def nss_db(tmp_path: Path) -> Path:
    from tests.stores.conftest import _nss_ready
    from tests.stores.nss_oracle import make_db

    reason = _nss_ready()
    if reason:
        pytest.skip(reason)
    return make_db(tmp_path / "nssdb")


def test_full_renewal_into_a_real_nss_database(
    pki: TestPKI, flow: UziRenewalFlow, current: Bundle, nss_db: Path, tmp_path: Path
) -> None:
    from certassist.stores.nss import NssStore
    from tests.stores.nss_oracle import key_lines, nicknames, run_tool

    store = NssStore(nss_db, StoreKind.NSSDB, label="NSS-database")
    store.add(current)
    started = flow.start(current.leaf, PASSWORD, facts=PracticeFacts(SUBSCRIBER, "cgm-huisarts"))
    issued_file = tmp_path / "uzi-nieuw.cer"
    issued_file.write_bytes(der(_issue(pki, flow, started.pending.id)))
    paired = flow.pair(started.pending.id, issued_file, PASSWORD, PracticeFacts(SUBSCRIBER))
    ctx = OpContext(
        actor=Actor("anna", None, True),
        audit=AuditLog(tmp_path / "data" / "audit.jsonl"),
        records=InstallRecords(tmp_path / "data" / "installs.json"),
        today=lambda: TODAY,
    )
    result, verdict = install_paired(ctx, paired, [store], {Confirm.PROCEED: True})
    assert result.ok
    assert verdict.decisions[0].message_id == "I-R14-renewed"
    assert verdict.decisions[0].params["places"] == "NSS-database"
    # certutil as the independent oracle: the new certificate is there, and both keys
    nick = next(n for n in nicknames(nss_db) if n.startswith("portaal.linde.example"))
    out = run_tool("certutil", "-L", "-d", f"sql:{nss_db}", "-n", nick, "-a").stdout
    found = {
        sha256_fingerprint(c.public_bytes(Encoding.DER))
        for c in x509.load_pem_x509_certificates(out.encode())
    }
    assert paired.info.fingerprint in found
    assert len(key_lines(nss_db)) == 2
    report = run_check([store], [], PracticeSettings(subscriber_number=SUBSCRIBER), TODAY)
    by_fp = {i.fingerprint: i for i in report.items}
    assert by_fp[paired.info.fingerprint].expiry == paired.info.expiry_date
    assert by_fp[paired.info.fingerprint].state == "ok"
    assert by_fp[current.fingerprint].state == "replaced"  # the old one is no longer due
    assert report.exit_code == 0

"""Chromium on Linux logs in with what is in `$HOME/.pki/nssdb`, and not without it.

The shared NSS database is the store certassist calls NSSDB; Chromium reads it at start-up.
The verdict is the login server's log, never Chromium's exit code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.x509.oid import NameOID

from certassist.core.models import Bundle, StoreKind
from certassist.core.reading import read_certificate_file
from certassist.stores.nss import NssStore
from certassist.stores.pkcs12file import write_backup
from tests.pki import TestPKI, pfx

from . import nss_cli
from .browsers import run_chromium, write_chromium_preferences
from .conftest import LoginSite
from .tls_server import ClientCertServer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("need_chromium")]

PASSWORD = "Verzonnen-wachtwoord-2"


def issuer_cn(bundle: Bundle) -> str:
    return str(bundle.leaf.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)


def fresh_user_data_dir(tmp_path: Path, bundle: Bundle, run: str) -> Path:
    """One user-data-dir per run (a second Chromium on a busy one exits 21)."""
    user_data = tmp_path / f"chromium-{run}"
    write_chromium_preferences(user_data, issuer_cn(bundle))
    return user_data


def test_harness_chromium_logs_in_with_an_nssdb_filled_by_pk12util(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    """Control: the recipe works with NSS's own tools, so a failure below is certassist's."""
    bundle = pki.vecozo_personal()
    home = tmp_path / "home"
    nssdb = home / ".pki" / "nssdb"
    nss_cli.create_db(nssdb)
    p12 = tmp_path / "anna.p12"
    p12.write_bytes(pfx(bundle, PASSWORD))
    nss_cli.pk12_import(nssdb, p12, PASSWORD)
    nss_cli.trust_tls_ca(nssdb, login_site.tls_ca_pem)

    run = run_chromium(
        fresh_user_data_dir(tmp_path, bundle, "1"),
        login_server.url,
        home=home,
        stop_when=login_server.verdict(),
    )

    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        run.describe() + login_server.describe()
    )


def test_chromium_logs_in_with_the_certificate_certassist_put_in_the_shared_nssdb(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    """certassist creates the database in an empty ~/.pki/nssdb before Chromium ever ran."""
    bundle = pki.vecozo_personal()
    home = tmp_path / "home"
    nssdb = home / ".pki" / "nssdb"
    nssdb.mkdir(parents=True)
    NssStore(nssdb, kind=StoreKind.NSSDB).add(bundle)
    nss_cli.trust_tls_ca(nssdb, login_site.tls_ca_pem)

    run = run_chromium(
        fresh_user_data_dir(tmp_path, bundle, "1"),
        login_server.url,
        home=home,
        stop_when=login_server.verdict(),
    )

    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        run.describe() + login_server.describe()
    )


@pytest.mark.slow
def test_chromium_logs_in_only_while_certassist_keeps_the_certificate_in_the_nssdb(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    """An nssdb that existed before: out, in with the certificate, out again after removal.

    (Chromium 156 does not create a missing ~/.pki/nssdb itself, so NSS's certutil does.)
    """
    bundle = pki.vecozo_personal(name="Bram Bakker")
    home = tmp_path / "home"
    nssdb = home / ".pki" / "nssdb"
    nss_cli.create_db(nssdb)
    nss_cli.trust_tls_ca(nssdb, login_site.tls_ca_pem)
    before = run_chromium(
        fresh_user_data_dir(tmp_path, bundle, "0"),
        login_server.url,
        home=home,
        stop_when=login_server.verdict(),
    )
    assert login_server.successes == [], before.describe()
    assert login_server.refused_without_certificate(), before.describe() + login_server.describe()
    login_server.clear()
    store = NssStore(nssdb, kind=StoreKind.NSSDB)

    store.add(bundle)
    with_certificate = run_chromium(
        fresh_user_data_dir(tmp_path, bundle, "1"),
        login_server.url,
        home=home,
        stop_when=login_server.verdict(),
    )
    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        with_certificate.describe() + login_server.describe()
    )

    store.remove(bundle.fingerprint)
    login_server.clear()
    without = run_chromium(
        fresh_user_data_dir(tmp_path, bundle, "2"),
        login_server.url,
        home=home,
        stop_when=login_server.verdict(),
    )
    assert login_server.successes == [], without.describe()
    assert login_server.refused_without_certificate(), without.describe() + login_server.describe()


def test_chromium_logs_in_after_certassist_restored_its_own_backup(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    """Backup then restore: certassist's backup file, read by certassist into the nssdb."""
    original = pki.vecozo_personal(name="Dirk de Boer")
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    backup = write_backup(folder, original, PASSWORD)
    home = tmp_path / "home"
    nssdb = home / ".pki" / "nssdb"
    nssdb.mkdir(parents=True)
    NssStore(nssdb, kind=StoreKind.NSSDB).add(read_certificate_file(backup, PASSWORD))
    nss_cli.trust_tls_ca(nssdb, login_site.tls_ca_pem)

    run = run_chromium(
        fresh_user_data_dir(tmp_path, original, "1"),
        login_server.url,
        home=home,
        stop_when=login_server.verdict(),
    )

    assert set(login_server.fingerprints) == {original.fingerprint}, (
        run.describe() + login_server.describe()
    )

"""Firefox ESR logs in with what is in its profile, and not without it.

The login server only lets a request through with a client certificate from the made-up PKI;
the verdict is the server's log (fingerprint of the certificate that logged in).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from certassist.core.models import StoreKind
from certassist.core.reading import read_certificate_file
from certassist.stores.nss import NssStore
from tests.pki import TestPKI, pfx

from . import nss_cli, openssl_cli
from .browsers import run_firefox
from .conftest import LoginSite
from .tls_server import ClientCertServer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("need_firefox")]

PASSWORD = "Verzonnen-wachtwoord-1"


def test_harness_firefox_logs_in_with_a_profile_filled_by_pk12util(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    """Control: the recipe works with NSS's own tools, so a failure below is certassist's."""
    bundle = pki.vecozo_personal()
    profile = tmp_path / "profile"
    nss_cli.create_db(profile)
    p12 = tmp_path / "anna.p12"
    p12.write_bytes(pfx(bundle, PASSWORD))
    nss_cli.pk12_import(profile, p12, PASSWORD)
    nss_cli.trust_tls_ca(profile, login_site.tls_ca_pem)

    run = run_firefox(profile, login_server.url, home=tmp_path, stop_when=login_server.verdict())

    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        run.describe() + login_server.describe()
    )


def test_firefox_logs_in_with_the_certificate_certassist_put_in_a_new_profile(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    """certassist creates the profile's database itself (before Firefox ever ran there)."""
    bundle = pki.vecozo_personal()
    profile = tmp_path / "profile"
    profile.mkdir()
    NssStore(profile, kind=StoreKind.FIREFOX).add(bundle)
    nss_cli.trust_tls_ca(profile, login_site.tls_ca_pem)

    run = run_firefox(profile, login_server.url, home=tmp_path, stop_when=login_server.verdict())

    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        run.describe() + login_server.describe()
    )


@pytest.mark.slow
def test_firefox_logs_in_only_while_certassist_keeps_the_certificate_in_its_profile(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    """A profile Firefox made itself: in with the certificate, out again after removal."""
    bundle = pki.vecozo_personal(name="Bram Bakker")
    profile = tmp_path / "profile"
    first = run_firefox(profile, "about:blank", home=tmp_path)
    assert (profile / "cert9.db").is_file(), first.describe()
    nss_cli.trust_tls_ca(profile, login_site.tls_ca_pem)
    store = NssStore(profile, kind=StoreKind.FIREFOX)

    store.add(bundle)
    with_certificate = run_firefox(
        profile, login_server.url, home=tmp_path, stop_when=login_server.verdict()
    )
    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        with_certificate.describe() + login_server.describe()
    )

    store.remove(bundle.fingerprint)
    login_server.clear()
    without = run_firefox(
        profile, login_server.url, home=tmp_path, stop_when=login_server.verdict()
    )
    assert login_server.successes == [], without.describe()
    assert login_server.refused_without_certificate(), without.describe() + login_server.describe()


def test_firefox_logs_in_after_certassist_restored_an_old_windows_style_backup(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    """Restore: an RC2/3DES file (as old Windows and `openssl -legacy` write) read by certassist
    and added to a profile gives a key Firefox can actually sign with."""
    original = pki.vecozo_personal(name="Dirk de Boer")
    backup = tmp_path / "dirk.pfx"
    openssl_cli.export(original, backup, PASSWORD, legacy=True)
    profile = tmp_path / "profile"
    profile.mkdir()
    NssStore(profile, kind=StoreKind.FIREFOX).add(read_certificate_file(backup, PASSWORD))
    nss_cli.trust_tls_ca(profile, login_site.tls_ca_pem)

    run = run_firefox(profile, login_server.url, home=tmp_path, stop_when=login_server.verdict())

    assert set(login_server.fingerprints) == {original.fingerprint}, (
        run.describe() + login_server.describe()
    )

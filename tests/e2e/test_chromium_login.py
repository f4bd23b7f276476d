"""Chromium on Linux logs in with what is in `$HOME/.pki/nssdb`, and not without it.

The shared NSS database is the store certassist calls NSSDB; Chromium reads it at start-up.
The verdict is the login server's log, never Chromium's exit code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.x509.oid import NameOID

from certassist.core.models import Bundle
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

    run = run_chromium(fresh_user_data_dir(tmp_path, bundle, "1"), login_server.url, home=home)

    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        run.describe() + login_server.describe()
    )

"""Firefox ESR logs in with what is in its profile, and not without it.

The login server only lets a request through with a client certificate from the made-up PKI;
the verdict is the server's log (fingerprint of the certificate that logged in).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pki import TestPKI, pfx

from . import nss_cli
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

    run = run_firefox(profile, login_server.url, home=tmp_path)

    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        run.describe() + login_server.describe()
    )

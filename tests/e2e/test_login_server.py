"""The login server itself, driven by Python's ssl client: the browsers' verdicts rest on it.

If this server let a request through without a certificate, or logged the wrong fingerprint,
every browser test would prove nothing; these checks run in well under a second.
"""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

import pytest

from certassist.core.models import Bundle
from tests.pki import TestPKI, pem, pkcs8_key

from .conftest import LoginSite
from .tls_server import OK_MARKER, ClientCertServer


def _get(server: ClientCertServer, site: LoginSite, tmp_path: Path, client: Bundle | None) -> str:
    context = ssl.create_default_context(cadata=site.tls_ca_pem.decode())
    if client is not None:
        chain, key = tmp_path / "client.pem", tmp_path / "client-key.pem"
        chain.write_bytes(pem(client))
        key.write_bytes(pkcs8_key(client))
        context.load_cert_chain(chain, key)
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            tls.sendall(b"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            return tls.recv(65536).decode()


def test_a_client_certificate_from_the_test_pki_logs_in_and_is_logged_by_fingerprint(
    tmp_path: Path, pki: TestPKI, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    bundle = pki.vecozo_personal(name="Eva Evers")

    page = _get(login_server, login_site, tmp_path, bundle)

    assert OK_MARKER in page and bundle.fingerprint in page
    assert login_server.fingerprints == [bundle.fingerprint]
    assert "Eva Evers" in login_server.successes[0].subject


def test_without_a_client_certificate_nothing_gets_through_and_the_refusal_is_logged(
    tmp_path: Path, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    with pytest.raises((ssl.SSLError, OSError)):
        page = _get(login_server, login_site, tmp_path, None)
        assert not page  # TLS 1.3: the refusal may arrive as an empty read instead of an alert
        raise ConnectionError("closed without a page")

    assert login_server.wait_for_failure(5)
    assert login_server.wait_for_success(0.5) is False
    assert login_server.verdict(grace=0.0)()  # the stop signal browser runs rely on
    assert login_server.refused_without_certificate(), login_server.describe()


def test_a_certificate_from_an_unknown_ca_does_not_log_in(
    tmp_path: Path, login_site: LoginSite, login_server: ClientCertServer
) -> None:
    stranger = TestPKI().other(common_name="Vreemde CA-gebruiker")  # a second, unrelated PKI
    with pytest.raises((ssl.SSLError, OSError)):
        page = _get(login_server, login_site, tmp_path, stranger)
        assert not page
        raise ConnectionError("closed without a page")

    assert login_server.wait_for_failure(5), "the refused handshake must be logged"
    assert login_server.successes == []

"""Fixtures for the end-to-end proofs: the made-up PKI, a login server, browser folders.

Browsers check validity against the real clock, so the PKI here is dated `date.today()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from tests.pki import TestPKI, pem, pkcs8_key

from .browsers import (
    WARM_UP_TIMEOUT,
    chromium_binary,
    firefox_binary,
    run_chromium,
    run_firefox,
    warm_up,
)
from .tls_server import ClientCertServer

PEM = serialization.Encoding.PEM


@pytest.fixture(scope="session")
def pki() -> TestPKI:
    return TestPKI(date.today())


@dataclass(frozen=True)
class LoginSite:
    """The files a login server needs, and what the browser side must trust."""

    server_chain: Path
    server_key: Path
    client_ca: Path  # every CA of the certificates that may log in (roots + issuing CAs)
    tls_ca_pem: bytes  # the root that signed the server certificate: browsers must trust it


@pytest.fixture(scope="session")
def login_site(pki: TestPKI, tmp_path_factory: pytest.TempPathFactory) -> LoginSite:
    folder = tmp_path_factory.mktemp("login-site")
    server = pki.tls_server_bundle("127.0.0.1")
    chain = folder / "server-chain.pem"
    chain.write_bytes(pem(server))
    key = folder / "server-key.pem"
    key.write_bytes(pkcs8_key(server))
    key.chmod(0o600)
    client_cas: list[x509.Certificate] = [*pki.ca_certificates()]
    client_cas += [pki.ca_for(kind).cert for kind in ("vecozo-personal", "vecozo-system", "other")]
    ca_file = folder / "client-ca.pem"
    ca_file.write_bytes(b"".join(c.public_bytes(PEM) for c in client_cas))
    return LoginSite(chain, key, ca_file, pki.tls_ca_pem())


@pytest.fixture
def login_server(login_site: LoginSite) -> Iterator[ClientCertServer]:
    with ClientCertServer(
        cert_chain=login_site.server_chain,
        key=login_site.server_key,
        client_ca=login_site.client_ca,
    ) as server:
        yield server


@pytest.fixture(scope="session")
def need_firefox(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Firefox is installed and has started once (its first start is slow on a fresh machine)."""
    if firefox_binary() is None:
        pytest.skip("Firefox (ESR) is not installed")
    folder = tmp_path_factory.mktemp("firefox-first-start")
    warm_up(
        lambda f: run_firefox(
            f / "profile", "about:blank", home=f / "home", timeout=WARM_UP_TIMEOUT
        ),
        folder,
    )


@pytest.fixture(scope="session")
def need_chromium(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Chromium is installed and has started once (its first start is slow on a fresh machine)."""
    if chromium_binary() is None:
        pytest.skip("Chromium is not installed")
    folder = tmp_path_factory.mktemp("chromium-first-start")
    warm_up(
        lambda f: run_chromium(
            f / "user-data", "about:blank", home=f / "home", timeout=WARM_UP_TIMEOUT
        ),
        folder,
    )

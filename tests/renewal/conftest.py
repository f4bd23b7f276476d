"""Fixtures of the renewal tests: one made-up PKI per test session, dated on a fixed day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.pki import TestPKI

TODAY = date(2026, 11, 28)


class MemoryKeyring(KeyringBackend):
    """In-memory secrets. keyring 25 refuses a backend that is not a KeyringBackend, which the
    top-level conftest's stand-in is not; this override keeps the renewal tests independent."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def pki() -> TestPKI:
    return TestPKI(TODAY)

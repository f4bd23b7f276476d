"""Test-wide set-up: offscreen Qt, every directory in tmp_path, an in-memory keyring.

Nothing a test does may touch the real home directory, the real keyring or a real screen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps secrets in memory only (test machines have no keyring)."""

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
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "etc-xdg"))  # the practice's folder
    monkeypatch.setenv("APPDATA", str(home / "AppData" / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData" / "Local"))
    # platformdirs asks Windows itself for these folders, not the variables above. These
    # overrides (platformdirs releases since February 2026) keep settings, data and caches
    # in `home` there too.
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", str(home / "AppData" / "Roaming"))
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", str(home / "AppData" / "Local"))
    monkeypatch.setenv("WIN_PD_OVERRIDE_COMMON_APPDATA", str(home / "ProgramData"))
    monkeypatch.delenv("CERTASSIST_STORES", raising=False)
    yield home


@pytest.fixture(autouse=True)
def _dutch_interface() -> Iterator[None]:
    """The interface language is process-wide; every test starts in Dutch (the default)."""
    from certassist.core.messages import set_language

    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if sys.platform == "win32":
        tools = pytest.mark.skip(reason="NSS and OpenSSL command-line tools: Linux CI only")
        for item in items:
            if "linux_tools" in item.keywords:
                item.add_marker(tools)
        return
    skip = pytest.mark.skip(reason="needs real Windows (crypt32, Task Scheduler)")
    for item in items:
        if "windows" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nss_ready() -> None:
    """Skips a test that needs NSS's certutil/pk12util and libnss3 where they are missing."""
    from tests.stores.conftest import _nss_ready

    reason = _nss_ready()
    if reason:
        pytest.skip(reason)

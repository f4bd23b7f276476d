"""Store-test fixtures: the test PKI and real NSS databases (helpers in nss_oracle.py)."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from certassist.stores.nss_lib import NssLibraryMissing, load_nss
from tests.pki import TestPKI
from tests.stores.nss_oracle import make_db

TODAY = date(2026, 11, 28)
NSS_TOOLS = ("certutil", "pk12util")


def _nss_ready() -> str | None:
    if sys.platform == "win32":  # C:\\Windows\\System32\\certutil.exe is not NSS's certutil
        return "NSS command-line tools: Linux CI only"
    missing = [tool for tool in NSS_TOOLS if shutil.which(tool) is None]
    if missing:
        return "NSS tools missing: " + ", ".join(missing)
    try:
        load_nss()
    except NssLibraryMissing as exc:
        return f"NSS library missing: {exc.detail}"
    return None


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    """One PKI per module: within one instance every certificate has its own key."""
    return TestPKI(TODAY)


@pytest.fixture
def empty_db(tmp_path: Path, nss_ready: None) -> Path:
    """A fresh sql: database with an empty primary password, made by certutil."""
    return make_db(tmp_path / "profile")

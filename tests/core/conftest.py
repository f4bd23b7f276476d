from __future__ import annotations

from datetime import date

import pytest

from tests.pki import TestPKI

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def pki() -> TestPKI:
    return TestPKI(TODAY)

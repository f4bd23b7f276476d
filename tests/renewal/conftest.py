"""Fixtures of the renewal tests: one made-up PKI per test session, dated on a fixed day."""

from __future__ import annotations

from datetime import date

import pytest

from tests.pki import TestPKI

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def pki() -> TestPKI:
    return TestPKI(TODAY)

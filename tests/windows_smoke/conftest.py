"""tests/windows_smoke: run by a win32 CPython (Windows, or Wine through scripts/win32_smoke.sh).

Every test here carries the `win32_smoke` marker and is skipped on other systems, so the Linux
suite collects them without running them. Under Wine the header and the summary say that the
run is a smoke test and which calls it cannot prove (tests/windows_smoke/wine.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.windows_smoke.wine import NOT_COVERED_BY_WINE, under_wine, wine_version

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="needs a win32 CPython (Windows, or scripts/win32_smoke.sh)")
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.win32_smoke)
            if sys.platform != "win32" and "wine_host" not in item.keywords:
                item.add_marker(skip)


def pytest_report_header(config: pytest.Config) -> list[str]:
    if not under_wine():
        return []
    return [
        f"WINE {wine_version()} SMOKE RUN: not Windows coverage. Not proven here: "
        + ", ".join(NOT_COVERED_BY_WINE)
    ]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not under_wine():
        return
    terminalreporter.section("not covered by Wine (proven only by the Windows workflow)")
    for call, why in NOT_COVERED_BY_WINE.items():
        terminalreporter.write_line(f"{call}: {why}")

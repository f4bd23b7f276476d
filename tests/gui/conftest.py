"""GUI test set-up: the demo sandbox (FakeStores from the test PKI) at a fixed date."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from certassist.gui.context import AppContext
from certassist.gui.i18n import install_language
from certassist.gui.worker import wait_idle
from certassist.ops.audit import AuditLog
from certassist.ops.records import InstallRecords

TODAY = date(2026, 11, 28)


@pytest.fixture
def make_ctx(tmp_path: Path) -> Callable[..., AppContext]:
    from certassist.demo.sandbox import sandbox_context_args

    def make(lang: str = "nl", **overrides: Any) -> AppContext:
        args = sandbox_context_args(TODAY, tmp_path)  # the demo writes only in its folder
        args.update(overrides)
        return AppContext(
            lang=lang,
            demo=True,
            audit=AuditLog(tmp_path / "audit.jsonl"),
            records=InstallRecords(tmp_path / "installs.json"),
            os_user="anna",
            **args,
        )

    return make


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext], qapp: Any) -> Iterator[AppContext]:
    install_language("nl")
    yield make_ctx()
    wait_idle()


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> Any:
    from tests.gui.flow_driver import shown_window

    return shown_window(qtbot, ctx)

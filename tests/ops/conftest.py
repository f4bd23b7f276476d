"""Operation-test fixtures: the test PKI, an operation context with its files in tmp_path,
and stores (in-memory FakeStores; real NSS databases in the NSS tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from certassist.core.models import Actor, Bundle, StoreKind, StoreTarget
from certassist.ops.audit import AuditLog
from certassist.ops.base import Confirm, OpContext
from certassist.ops.records import InstallRecords
from certassist.stores.fake import FakeStore
from tests.pki import TestPKI

TODAY = date(2026, 11, 28)
ANNA = "Anna de Vries"
GOOD_PASSWORD = "Vijf-Groene-Appels-2026"
YES = {Confirm.PROCEED: True}


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(TODAY)


@pytest.fixture
def make_ctx(tmp_path: Path) -> Callable[..., OpContext]:
    def make(
        confirmed_name: str | None = None, contact: bool = True, os_user: str = "anna"
    ) -> OpContext:
        return OpContext(
            actor=Actor(os_user, confirmed_name, contact),
            audit=AuditLog(tmp_path / "data" / "audit.jsonl"),
            records=InstallRecords(tmp_path / "data" / "installs.json"),
            today=lambda: TODAY,
        )

    return make


@pytest.fixture
def ctx(make_ctx: Callable[..., OpContext]) -> OpContext:
    return make_ctx()


def fake(store_id: str, kind: StoreKind = StoreKind.FIREFOX, *bundles: Bundle) -> FakeStore:
    store = FakeStore(store_id, store_id.title(), StoreTarget(kind))
    for bundle in bundles:
        store.put(bundle)
    return store


def holder_yes(name: str = ANNA) -> dict[Confirm, str | bool]:
    return {Confirm.PROCEED: True, Confirm.HOLDER: name}

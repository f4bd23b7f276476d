"""The demo's made-up certificates come from one seeded source: the same on every run and PC,
while the test suite's PKI keeps its fast random pool (chosen explicitly, `keys=`)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.demo.folder import DEMO_DAY_ENV, demo_day
from certassist.demo.pki import TestPKI
from certassist.demo.sandbox import open_sandbox
from certassist.demo.seeded import KEY_LABEL, PRIMES, SeededKeys, generated_key, seeded_key

DAY = date(2026, 11, 28)


def fingerprints(folder: Path, day: date = DAY) -> set[str]:
    sandbox = open_sandbox(day, folder)
    return {entry.fingerprint for store in sandbox.stores for entry in store.list()}


@pytest.mark.parametrize("index", [0, len(PRIMES) - 1])
def test_the_written_out_demo_keys_are_the_seeded_ones(index: int) -> None:
    made = generated_key(KEY_LABEL, index).private_numbers()
    assert {made.p, made.q} == set(PRIMES[index])
    assert seeded_key(KEY_LABEL, index).private_numbers() == made


def test_seeded_keys_and_serials_repeat_and_differ_from_each_other() -> None:
    first, second = SeededKeys(), SeededKeys()
    keys = [first.take().private_numbers() for _ in range(3)]
    assert keys == [second.take().private_numbers() for _ in range(3)]
    assert len({k.p for k in keys}) == 3  # every certificate its own key
    serials = [first.ca_serial(), first.leaf_serial(), first.leaf_serial()]
    assert serials == [second.ca_serial(), second.leaf_serial(), second.leaf_serial()]
    assert serials[1] != serials[2]


def test_two_fresh_demo_folders_hold_the_same_certificates(tmp_path: Path) -> None:
    start = time.monotonic()
    first = fingerprints(tmp_path / "een")
    assert time.monotonic() - start < 10  # the demo's first start stays quick (about 1 s here)
    assert len(first) >= 6
    assert fingerprints(tmp_path / "twee") == first
    assert fingerprints(tmp_path / "drie", date(2026, 11, 29)) != first  # dates count from today


def test_the_test_suite_pki_stays_random_unless_told() -> None:
    random = TestPKI(DAY).issue("other").fingerprint
    assert TestPKI(DAY).issue("other").fingerprint != random  # random serials
    seeded = TestPKI(DAY, keys=SeededKeys()).issue("other")
    assert TestPKI(DAY, keys=SeededKeys()).issue("other").fingerprint == seeded.fingerprint


def test_the_demo_day_comes_from_the_environment_or_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(DEMO_DAY_ENV, raising=False)
    assert demo_day() is None
    monkeypatch.setenv(DEMO_DAY_ENV, "2026-11-28")
    assert demo_day() == DAY
    monkeypatch.setenv(DEMO_DAY_ENV, "28-11-2026")
    with pytest.raises(CertassistError) as refused:
        demo_day()
    assert refused.value.message_id == "E-demo-day"

"""A seeded, time-bounded mutation fuzz of every reader: no input ends in anything but a result or
an `[id]` error. Longer runs (and a coverage-guided one): benchmarks/fuzz_readers.py."""

from __future__ import annotations

import os
import time

from tests.core import fuzzing

SECONDS = float(os.environ.get("CERTASSIST_FUZZ_SECONDS", "8"))
SEED = int(os.environ.get("CERTASSIST_FUZZ_SEED", "17"))


def test_mutated_files_end_in_a_result_or_an_id() -> None:
    deadline = time.monotonic() + SECONDS
    tried, counts, findings = fuzzing.run(lambda: deadline - time.monotonic(), SEED)
    print(f"fuzz: seed {SEED}, {tried} inputs in {SECONDS} s: {counts}")
    assert tried > 50  # the loop really ran
    assert len(counts) > 3  # and reached several outcomes, not only one early refusal
    first = [f"{name}: {type(exc).__name__}: {exc}" for name, _, exc in findings[:5]]
    assert findings == [], first


def test_the_seeds_themselves_read() -> None:
    for name, data in fuzzing.seeds():
        assert fuzzing.exercise(data, name) == "ok", name

"""Long runs of the reader fuzzing: a seeded mutation loop and a coverage-guided one (atheris).

    python benchmarks/fuzz_readers.py mutate --seconds 600 --seed 1
    python benchmarks/fuzz_readers.py atheris -- -max_total_time=600 -rss_limit_mb=4096

Both exercise what `certassist inspect` does (tests/core/fuzzing.py). Every input must end in a
result or an `[id]` error; a finding is written to fuzz-findings/ and the run exits 1. The count
of inputs and outcomes is printed at the end (atheris prints its own `#N` execution counter).
atheris is not a dependency of certassist: `pip install atheris` into the venv first.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.core import fuzzing

FINDINGS = Path("fuzz-findings")


def _keep(name: str, data: bytes, exc: BaseException) -> Path:
    FINDINGS.mkdir(exist_ok=True)
    path = FINDINGS / f"{hashlib.sha256(data).hexdigest()[:16]}-{Path(name).suffix[1:]}"
    path.write_bytes(data)
    print(f"finding: {name}: {type(exc).__name__}: {exc} -> {path}", file=sys.stderr)
    return path


def mutate(seconds: float, seed: int) -> int:
    deadline = time.monotonic() + seconds
    started = time.monotonic()
    tried, counts, findings = fuzzing.run(lambda: deadline - time.monotonic(), seed)
    for name, data, exc in findings:
        _keep(name, data, exc)
    rate = tried / (time.monotonic() - started)
    print(f"mutation fuzz: seed {seed}: {tried} inputs ({rate:.0f}/s), "
          f"{len(findings)} findings; outcomes {dict(sorted(counts.items()))}")  # fmt: skip
    return 1 if findings else 0


def coverage_guided(argv: list[str]) -> int:
    import atheris  # type: ignore[import-not-found]

    corpus = fuzzing.seeds()
    names = [name for name, _ in corpus]
    seeds_dir = Path("fuzz-corpus")
    seeds_dir.mkdir(exist_ok=True)
    for index, (_, data) in enumerate(corpus):
        (seeds_dir / f"seed-{index}").write_bytes(bytes([index]) + data)
    executed = [0]

    def target(raw: bytes) -> None:
        if not raw:
            return
        executed[0] += 1
        name = names[raw[0] % len(names)]  # first byte: which reader's file name it gets
        try:
            fuzzing.exercise(raw[1:], name)
        except Exception as exc:
            _keep(name, raw[1:], exc)
            raise

    import atexit

    atexit.register(lambda: print(f"coverage-guided fuzz: {executed[0]} inputs", flush=True))
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], *argv, str(seeds_dir)], target)
    atheris.Fuzz()  # libFuzzer ends the process itself (its "Done N runs" line)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["mutate", "atheris"])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args, rest = parser.parse_known_args()  # the rest (after --) is for libFuzzer
    if args.mode == "mutate":
        return mutate(args.seconds, args.seed)
    return coverage_guided([a for a in rest if a != "--"])


if __name__ == "__main__":
    raise SystemExit(main())

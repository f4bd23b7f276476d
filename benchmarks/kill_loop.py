"""kill -9 in the middle of NSS writes, many rounds: nothing lost, the database always opens.

    python benchmarks/kill_loop.py --rounds 100 --seed 1

A fresh database (certutil -N) with one certificate and key (pk12util -i); each round a child
process adds or removes another certificate through certassist and is killed at a random
moment; then certassist (recovering a hot journal if one was left) and certutil must open the
database, and the first certificate must still be there with its key. Prints the counts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.pki import TestPKI, pfx
from tests.stores import kill_loop
from tests.stores.nss_oracle import make_db, pk12_import


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db = make_db(Path(work) / "profile")
        keeper = TestPKI().other()
        pk12_import(db, pfx(keeper, "Bewaar-Mij-1", "aes", iterations=2048), "Bewaar-Mij-1")
        started = time.monotonic()
        report = kill_loop.run(db, Path(work), args.rounds, args.seed)
    print(f"kill loop: seed {args.seed}: {report.rounds} kill -9s in "
          f"{time.monotonic() - started:.0f} s; killed mid-way {report.killed_mid_way}, "
          f"journal left {report.journals_found}; outcomes {report.outcomes}; "
          f"lost {len(report.lost)}")  # fmt: skip
    for problem in report.lost:
        print("  " + problem)
    return 1 if report.lost else 0


if __name__ == "__main__":
    raise SystemExit(main())

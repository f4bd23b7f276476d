"""kill -9 against real NSS databases: a child adds or removes a certificate, the parent kills it
at a random moment, then checks that nothing was lost and that the database still opens (after
certassist's own journal recovery) for certassist and for certutil.

Used by tests/stores/test_nss_journal.py (a few rounds) and benchmarks/kill_loop.py (many).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from certassist.core.models import Bundle, StoreKind
from certassist.stores.nss import NssStore
from tests.pki import TestPKI

CHILD = """
import pickle, sys
from pathlib import Path
from cryptography.hazmat.primitives.serialization import pkcs12
from certassist.core.reading import read_bytes
from certassist.core.models import StoreKind
from certassist.stores.nss import NssStore
store = NssStore(Path(sys.argv[1]), StoreKind.FIREFOX)
bundle = read_bytes(Path(sys.argv[3]).read_bytes(), "kill-loop", "x.pfx")
print("go", flush=True)
if sys.argv[2] == "add":
    store.add(bundle)
else:
    store.remove(bundle.fingerprint)
print("done", flush=True)
"""


@dataclass
class KillLoop:
    rounds: int = 0
    killed_mid_way: int = 0  # the child had not printed "done" when it was killed
    journals_found: int = 0  # a journal was left behind by the kill
    lost: list[str] = field(default_factory=list)  # problems: must stay empty
    outcomes: dict[str, int] = field(default_factory=dict)


def _keyed(db: Path) -> set[str]:
    return {e.fingerprint for e in NssStore(db, StoreKind.FIREFOX).list() if e.has_key}


def run(db: Path, work: Path, rounds: int, seed: int) -> KillLoop:
    """`db` already holds a certificate with its key that must survive every round."""
    from tests.pki import pfx

    rng = random.Random(seed)
    pki = TestPKI()
    keeper = _keyed(db)
    assert keeper, "the database must start with a certificate and key"
    report = KillLoop()
    extra: Bundle | None = None
    for number in range(rounds):
        verb = "remove" if extra is not None and rng.random() < 0.5 else "add"
        bundle = extra if verb == "remove" and extra is not None else pki.other()
        file = work / f"round-{number}.pfx"
        file.write_bytes(pfx(bundle, "kill-loop", "aes", iterations=2048))
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), verb, str(file)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ},
        )
        assert child.stdout is not None
        child.stdout.readline()  # "go": the store call starts now
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        tail = child.stdout.read()
        child.wait(10)
        child.stdout.close()
        report.rounds += 1
        report.killed_mid_way += "done" not in tail
        report.journals_found += any(db.glob("*-journal"))
        try:
            present = _keyed(db)  # the recovery happens here when a journal was left
        except Exception as exc:
            report.lost.append(f"round {number}: certassist cannot open: {exc}")
            continue
        done = subprocess.run(["certutil", "-L", "-d", f"sql:{db}"], capture_output=True,
                              text=True, check=False)  # fmt: skip
        if done.returncode != 0:
            report.lost.append(f"round {number}: certutil -L: {done.stderr.strip()}")
        if not keeper <= present:
            report.lost.append(f"round {number}: lost {sorted(keeper - present)}")
        now_there = bundle.fingerprint in present
        key = f"{verb}:{'present' if now_there else 'absent'}"
        report.outcomes[key] = report.outcomes.get(key, 0) + 1
        extra = bundle if now_there else (None if verb == "remove" else extra)
    return report

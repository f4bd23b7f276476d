"""Mutation testing of the safety code: each hand-made mutant must be killed by some test.

    python benchmarks/mutants.py                # every mutant
    python benchmarks/mutants.py M3 M6          # some
    python benchmarks/mutants.py M9 --tests tests/stores/test_backup_writer_faults.py

Each mutant removes one safety check (a non-atomic write, no clean-up of a key-less copy, no
re-verification before a move removes its source, …). It is applied to a copy of the source
tree, then the fault-injection test runs; a mutant that survives it gets the rest of the
core/stores/ops tests that guard "nothing lost". Prints, per mutant, which test killed it.
Not part of the suite: it runs the suite's tests a dozen times.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST = ["tests/ops/test_fault_injection.py"]
REST = [
    "tests/ops",
    "tests/stores/test_backup_writer_faults.py",
    "tests/stores/test_pkcs12file.py",
    "tests/stores/test_nss_journal.py",
    "tests/stores/test_nss_store.py",
    "tests/stores/test_nss_concurrent.py",
    "tests/stores/test_windows_store.py",
    "tests/core/test_hostile_input.py",
    "tests/core/test_reading.py",
]


@dataclass(frozen=True)
class Mutant:
    id: str
    what: str
    file: str
    old: str
    new: str


MUTANTS = (
    Mutant("M1", "non-atomic write: straight into the target, no temporary file",
           "certassist/core/fileio.py",
           'temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")\n'
           "    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL",
           "temp = target\n    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC"),
    Mutant("M2", "no clean-up of a key-less copy after a failed add",
           "certassist/ops/common.py",
           "            drop_keyless_copy(store, bundle.fingerprint)\n        raise",
           "            pass\n        raise"),
    Mutant("M3", "no re-verification of the targets before a move removes its source",
           "certassist/ops/copy.py",
           "verify_present(placement.store, info.fingerprint, need_key=True)", "pass"),
    Mutant("M4", "no clean-up of files a failed backup left in the folder",
           "certassist/ops/files.py", "(folder / name).unlink()", "pass"),
    Mutant("M5", "no read-back of a written backup before it gets its name",
           "certassist/stores/pkcs12file.py",
           "atomic_write_bytes(target, data, verify=verify, overwrite=False)",
           "atomic_write_bytes(target, data, verify=None, overwrite=False)"),
    Mutant("M6", "the one placement check (stores' and operations') does not require the key",
           "certassist/stores/base.py", "if need_key and not entry.has_key:", "if False:"),
    Mutant("M7", "operations re-read a placement without requiring the key (trusting the store)",
           "certassist/ops/common.py",
           "return verify_present(store, bundle.fingerprint, bundle.has_key), True",
           "return verify_present(store, bundle.fingerprint, False), True"),
    Mutant("M8", "a backup's read-back does not require the key",
           "certassist/ops/files.py", "    if not bundle.key_matches():", "    if False:"),
    Mutant("M9", "the final rename of a backup overwrites an existing file",
           "certassist/core/fileio.py", "os.link(temp, target)", "os.replace(temp, target)"),
    Mutant("M10", "temporary files of a killed run are not cleaned",
           "certassist/stores/pkcs12file.py", "clean_leftovers(folder)  #", "(folder)  #"),
    Mutant("M11", "no recovery of a hot NSS journal",
           "certassist/stores/nss_session.py",
           "if not self._ctx and self.read_only and self._hot_journals():", "if False:"),
    Mutant("M12", "no cap on iteration counts",
           "certassist/core/pkcs12_shape.py",
           "return any(c > MAX_ITERATIONS for c in counts) or sum(counts) > MAX_TOTAL_ITERATIONS",
           "return False"),
    Mutant("M13", "the Windows store verifies an add without requiring the key",
           "certassist/stores/windows.py",
           "entry = verify_present(self, bundle.fingerprint, bundle.has_key)",
           "entry = verify_present(self, bundle.fingerprint, False)"),
    Mutant("M14", "two writers of one NSS database at once (no folder lock)",
           "certassist/stores/nss_session.py",
           "            if not self.read_only:  # one writer at a time per database, "
           "across processes\n                self._hold_folder_lock()",
           "            pass"),
    Mutant("M15", "no 'begun' audit record before a change (a full disk leaves it unrecorded)",
           "certassist/ops/base.py",
           "        audit_begin(self.ctx, trail, plan)  # before any store changes, or not at all",
           "        pass"),
)  # fmt: skip


def _pytest(tree: Path, targets: list[str], timeout: float) -> tuple[bool, str]:
    """(killed, by which test)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "pytest", *targets, "-x", "-q", "-p", "no:cacheprovider",
               "-o", "addopts=", "--no-header"]  # fmt: skip
    try:
        done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True,
                              timeout=timeout, check=False)  # fmt: skip
    except subprocess.TimeoutExpired:
        return True, "timeout (a hang counts as killed)"
    if done.returncode == 0:
        return False, ""
    failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.MULTILINE)
    return True, failed[0] if failed else done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--tests", nargs="+", help="only these tests (instead of both tiers)")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if not args.ids or m.id in args.ids]
    survivors = 0
    with tempfile.TemporaryDirectory() as work:
        tree = Path(work) / "tree"
        shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__"))
        for mutant in chosen:
            path = tree / mutant.file
            original = path.read_text(encoding="utf-8")
            if original.count(mutant.old) != 1:
                print(f"{mutant.id}: the code it mutates has changed; update the mutant")
                survivors += 1
                continue
            path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
            started = time.monotonic()
            try:
                killed, by = _pytest(tree, args.tests or FIRST, 900)
                tier = "the given tests" if args.tests else "fault injection"
                if not killed and not args.tests:
                    killed, by = _pytest(tree, REST, 1800)
                    tier = "core/stores/ops tests"
            finally:
                path.write_text(original, encoding="utf-8")
            seconds = time.monotonic() - started
            verdict = f"killed by {tier}: {by}" if killed else "SURVIVED"
            survivors += not killed
            print(f"{mutant.id} {mutant.what}: {verdict} ({seconds:.0f} s)", flush=True)
    print(f"{len(chosen)} mutants, {len(chosen) - survivors} killed, {survivors} survived")
    return 1 if survivors else 0


if __name__ == "__main__":
    raise SystemExit(main())

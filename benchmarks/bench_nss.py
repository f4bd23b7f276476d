"""NssStore (NSS over ctypes, in-process) against Debian's NSS tools run as subprocesses.

Run: `python benchmarks/bench_nss.py [repeats]`. Each figure is the median of `repeats` runs
on fresh databases in a temporary folder; the tools stand for what a user would otherwise
run. A whole-process row (`python -c` doing the same) shows Python's fixed start-up cost.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from certassist.core.models import Bundle  # noqa: E402
from certassist.demo.pki import TestPKI, pfx  # noqa: E402
from certassist.stores.nss import NssStore  # noqa: E402

P12_PASSWORD = "bench"


def run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, capture_output=True, timeout=120)


def new_db(base: Path, name: str) -> Path:
    folder = base / name
    folder.mkdir()
    run("certutil", "-N", "-d", f"sql:{folder}", "--empty-password")
    return folder


def median_ms(action: Callable[[], object], prepare: Callable[[], None], repeats: int) -> float:
    times: list[float] = []
    for _ in range(repeats):
        prepare()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def whole_process(code: str, *args: str) -> None:
    run(sys.executable, "-c", code, *args)


def main(repeats: int) -> None:
    pki = TestPKI(date(2026, 11, 28))
    bundles: list[Bundle] = [pki.vecozo_personal(), pki.vecozo_system(), pki.uzi_server()]
    main_bundle = bundles[0]
    nickname = str(main_bundle.friendly_name)
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        p12 = base / "in.p12"
        p12.write_bytes(pfx(main_bundle, P12_PASSWORD))
        counter = iter(range(10_000))
        state: dict[str, Path] = {}

        def fresh() -> None:
            state["db"] = new_db(base, f"db{next(counter)}")

        # import
        ours = median_ms(lambda: NssStore(state["db"]).add(main_bundle), fresh, repeats)
        tool = median_ms(
            lambda: run("pk12util", "-i", p12, "-d", f"sql:{state['db']}", "-W", P12_PASSWORD,
                        "-K", ""),
            fresh, repeats,
        )  # fmt: skip
        rows.append(("import (add + verify)", ours, tool, "pk12util -i"))

        # a database with three certificates and keys, for list and export
        full = new_db(base, "full")
        store = NssStore(full)
        for bundle in bundles:
            store.add(bundle)

        def nothing() -> None:
            return None

        ours = median_ms(store.list, nothing, repeats)
        tool = median_ms(lambda: run("certutil", "-L", "-d", f"sql:{full}"), nothing, repeats)
        rows.append(("list (3 certs, has_key)", ours, tool, "certutil -L"))
        code = (
            "import sys; from pathlib import Path; from certassist.stores.nss import NssStore;"
            "NssStore(Path(sys.argv[1])).list()"
        )
        ours = median_ms(lambda: whole_process(code, str(full)), nothing, repeats)
        rows.append(("list, whole python process", ours, tool, "certutil -L"))

        out = base / "out.p12"
        ours = median_ms(lambda: store.export(main_bundle.fingerprint), nothing, repeats)
        tool = median_ms(
            lambda: run("pk12util", "-o", out, "-n", nickname, "-d", f"sql:{full}",
                        "-W", P12_PASSWORD, "-K", ""),
            nothing, repeats,
        )  # fmt: skip
        rows.append(("export (key + chain)", ours, tool, "pk12util -o"))

    print(f"NSS benchmark, median of {repeats} runs (ms)")
    print(f"{'operation':<28} {'certassist':>11} {'NSS tool':>9}  {'ratio':>6}  tool")
    for name, ours, tool, tool_name in rows:
        print(f"{name:<28} {ours:>11.1f} {tool:>9.1f}  {ours / tool:>6.2f}  {tool_name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)

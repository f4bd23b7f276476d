"""Cold start to the first page on screen: certassist's wizard vs a bare PySide6 QWizard.

Both are started the same way (a fresh `python` process, offscreen Qt, an empty home so no real
stores are read) and print a marker line the moment their first page is shown; we time from
just before starting the process to the arrival of that line. The store scan starts after
the first page is shown, so it is not part of "first page visible" (it is in `total`).

    python benchmarks/bench_startup.py [--runs 7]

Goal (issue 7): median ratio <= 1.3 and certassist < 1.5 s on this machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = "certassist-first-page-shown"

BARE = f"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication([])
wizard = QWizard()
for i in range(3):
    page = QWizardPage()
    page.setTitle(f"Pagina {{i}}")
    QVBoxLayout(page).addWidget(QLabel("tekst"))
    wizard.addPage(page)
def shown():
    print("{MARKER}", flush=True)
    app.quit()
wizard.show()
QTimer.singleShot(0, shown)
app.exec()
"""

CERTASSIST = "from certassist.gui.app import run_gui; raise SystemExit(run_gui())"


def once(code: str, env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    shown = None
    for line in proc.stdout:
        if line.strip() == MARKER:
            shown = time.perf_counter() - start
    proc.wait()
    total = time.perf_counter() - start
    if shown is None:
        raise RuntimeError("the first page was never shown")
    return shown, total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        env.update(
            HOME=home, XDG_CACHE_HOME=str(Path(home) / "cache"), QT_QPA_PLATFORM="offscreen",
            CERTASSIST_BENCHMARK_EXIT="1", CERTASSIST_LANG="nl",
        )  # fmt: skip
        once(CERTASSIST, env)  # warm the OS file cache for both, once
        once(BARE, env)
        bare, ours = [], []
        for _ in range(args.runs):  # interleaved, so a busy moment hits both alike
            bare.append(once(BARE, env))
            ours.append(once(CERTASSIST, env))
    b = statistics.median(s for s, _ in bare)
    c = statistics.median(s for s, _ in ours)
    ct = statistics.median(t for _, t in ours)
    print(f"bare QWizard (3 pages): first page {b:.3f} s (median of {args.runs})")
    print(f"certassist wizard:      first page {c:.3f} s, process total {ct:.3f} s")
    print(f"ratio: {c / b:.2f}x  (goal <= 1.3x and < 1.5 s)")
    return 0 if c / b <= 1.3 and c < 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())

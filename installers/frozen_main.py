"""Entry point of the frozen program (PyInstaller): what `python -m certassist` does, plus two
things only a frozen, windowed Windows program needs.

1. `multiprocessing.freeze_support()` first: the GUI encrypts PKCS#12 files in a "spawn" helper
   process (`certassist.gui.offload`), and a frozen program starts that helper by running its own
   executable again; without this call the helper would parse the helper's arguments as a
   certassist command line and fail (or open a second window).
2. Standard streams that do not exist become the null device: `certassist.exe` is windowed (no
   console flashes up when the daily scheduled task runs `check --notify`), and a windowed
   program started without redirection has `sys.stdout`, `sys.stderr` and `sys.stdin` set to
   None. The CLI writes to them, so a missing one would crash the reminder.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _null_streams() -> None:
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    multiprocessing.freeze_support()
    _null_streams()
    from certassist.cli import main

    sys.exit(main())

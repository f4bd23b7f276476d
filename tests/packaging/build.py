"""Build certassist's wheel from a copy of the checkout, so the build's own litter
(`build/`, `certassist.egg-info/`) never lands in the working tree the other tests read."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What setup.py and pyproject.toml need to build the wheel (see MANIFEST.in).
SOURCES = (
    "certassist",
    "resources",
    "installers",
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
)
LITTER = shutil.ignore_patterns("__pycache__", "*.pyc")


def build_wheel(work: Path) -> Path:
    """The wheel, built in pip's isolated build environment; returns its path in `work`."""
    source = work / "source"
    for name in (*SOURCES, "README.md"):
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work), str(source)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = work.glob("certassist-*.whl")
    return wheel

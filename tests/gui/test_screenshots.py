"""The screenshot script: an unchanged GUI gives byte-identical pictures, at the default size
and at 800×600, with the Windows paths a practice sees.

Rendered twice in one process (the start page at both sizes and the install flow, in Dutch),
the second time in a work folder with a much longer path: keys, serial numbers, request ids and
dates are fixed and the shown paths do not depend on where the script runs, so every PNG must be
equal.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtGui import QImage

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("certassist_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_rendering_twice_gives_byte_identical_pictures(qapp: Any, tmp_path: Path) -> None:
    shots = _script()
    first, second = tmp_path / "first", tmp_path / "second"
    shots.render(first, ("nl",), quick=True)  # in a new temporary folder of its own
    deep = tmp_path / "een-veel-langere-werkmap" / "met" / "nog" / "meer" / "mappen" / "erin"
    shots.render(second, ("nl",), quick=True, work=deep)
    assert not deep.exists()  # the run's folder is cleaned up
    names = sorted(p.name for p in first.glob("*.png"))
    assert "start-overview-nl.png" in names and "install-run-nl.png" in names
    assert names == sorted(p.name for p in second.glob("*.png"))
    changed = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert changed == []
    big = QImage(str(first / "start-overview-nl.png"))
    small = QImage(str(first / "start-overview-800x600-nl.png"))
    assert (big.width(), big.height()) == (1000, 680)  # the app's own default size
    assert (small.width(), small.height()) == (800, 600)


@pytest.mark.parametrize("work", ["/tmp/certassist-screenshots-x1", "/var/tmp/a/much/longer/run"])
def test_paths_are_shown_the_windows_way(qapp: Any, work: str) -> None:
    shots = _script()
    text = f"<b>Van:</b> {work}/nl/demo/nieuw.pfx. En {work}/nl/demo/usb/Anna.pfx; {work}/nl/x.pem"
    shown = shots.windows_path(text, Path(work))
    assert work not in shown
    assert "C:\\Users\\anna\\Documents\\certassist-demo\\nieuw.pfx." in shown
    assert "E:\\Anna.pfx;" in shown and "C:\\Users\\anna\\Downloads\\x.pem" in shown
    assert shots.windows_path("usb/Anna.pfx") == "usb\\Anna.pfx"

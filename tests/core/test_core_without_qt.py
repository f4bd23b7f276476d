"""The core must work where Qt is missing (a scheduled check): import it without PySide6."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT = """
import sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 blocked for this test")
        return None

sys.meta_path.insert(0, BlockQt())
import pkgutil, importlib
import certassist.core
for module in pkgutil.iter_modules(certassist.core.__path__):
    importlib.import_module("certassist.core." + module.name)
try:
    import PySide6  # noqa: F401
except ImportError:
    print("blocked-ok")
assert not any(m.startswith("PySide6") for m in sys.modules), "core pulled in Qt"
"""


def test_every_core_module_imports_with_pyside6_unimportable() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "blocked-ok" in done.stdout

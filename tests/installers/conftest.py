"""The PyInstaller folder under test: built once per session from build.spec, or an existing one.

`CERTASSIST_BUNDLE=dist/certassist` tests a folder built elsewhere (the Windows workflow builds
the real certassist.exe and then runs these tests against it); otherwise the session builds a
bundle for this OS in its temporary folder, which needs PyInstaller (the `dev` extra).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
BUILD_TIMEOUT = 900


def program(bundle: Path, name: str) -> Path:
    """`certassist` (windowed on Windows) or `certassist-cli` (console) inside the bundle."""
    return bundle / f"{name}{EXE_SUFFIX}"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("CERTASSIST_BUNDLE")
    if given:
        path = Path(given).resolve()
        assert program(path, "certassist").is_file(), f"no certassist program in {path}"
        return path
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed (pip install -e .[dev])")
    base = tmp_path_factory.mktemp("pyinstaller")
    # PyInstaller keeps a cache and config under the home folder: keep them in tmp as well.
    env = {
        **os.environ,
        "HOME": str(base / "home"),
        "XDG_CACHE_HOME": str(base / "home" / ".cache"),
        "PYINSTALLER_CONFIG_DIR": str(base / "config"),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "build.spec"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(base / "dist"),
            "--workpath",
            str(base / "work"),
        ],
        cwd=base,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return base / "dist" / "certassist"

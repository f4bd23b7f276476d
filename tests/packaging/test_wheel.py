"""The wheel carries its own data: built from this checkout, installed into a new venv and run
from a folder outside the checkout, certassist finds its catalogs, profiles and compiled
translation inside the installed package (importlib.resources), with no .ts and no lrelease.

Slow (about a minute): the build runs in pip's isolated build environment and the new venv
installs the dependencies (from pip's cache once they were downloaded).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.packaging.build import build_wheel
from tests.pki import TestPKI, pfx

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Lente-Regen-2026!"
BIN = "Scripts" if sys.platform == "win32" else "bin"


def _run(argv: list[str], cwd: Path, codes: tuple[int, ...] = (0,), **env: str) -> str:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "CERTASSIST_RESOURCES", "VIRTUAL_ENV")
    }
    environment.update(env)
    done = subprocess.run(
        argv,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
        input="",
    )
    assert done.returncode in codes, f"{argv}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv outside the checkout with the wheel built from it; returns the venv."""
    base = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(base / "build")
    names = zipfile.ZipFile(wheel).namelist()
    assert "certassist/resources/i18n/certassist_en.qm" in names
    assert any(n.startswith("certassist/resources/messages/") for n in names)
    assert any(n.startswith("certassist/resources/profiles/kinds/") for n in names)
    assert not [n for n in names if n.endswith(".ts")], "translation sources are not shipped"
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], base)
    _run([str(venv / BIN / "python"), "-m", "pip", "install", "-q", str(wheel)], base)
    return venv


def test_the_installed_package_reads_its_own_data(installed: Path, tmp_path: Path) -> None:
    probe = (
        "from certassist.core.resources import resources_dir; import certassist; "
        "print(resources_dir()); print(certassist.__file__)"
    )
    found, package = _run([str(installed / BIN / "python"), "-c", probe], tmp_path).splitlines()
    assert Path(found) == Path(package).parent / "resources"
    assert Path(installed) in Path(found).parents  # the venv's copy, not the checkout's
    assert ROOT not in Path(found).parents


def test_inspect_and_list_run_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    program = str(installed / BIN / "certassist")
    person = TestPKI().vecozo_personal(name="José Ünal-Çelik")
    path = tmp_path / "anna.pfx"
    path.write_bytes(pfx(person, PASSWORD))
    done = subprocess.run(
        [program, "inspect", str(path), "--json", "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={**os.environ, "HOME": str(tmp_path), "CERTASSIST_LANG": "nl"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["kind"] == "vecozo-personal"  # the shipped profiles
    assert data["status_text"].startswith("Geldig tot en met")  # the shipped catalogs
    listed = json.loads(
        # exit 2: the demo holds an expired certificate, as `list` reports it
        _run([program, "--demo", "list", "--json"], tmp_path, (2,), HOME=str(tmp_path))
    )
    kinds = {c["kind"] for c in listed["certificates"]}
    assert {"vecozo-personal", "vecozo-system"} <= kinds


def test_the_gui_self_test_runs_from_the_wheel_in_english(installed: Path, tmp_path: Path) -> None:
    """Offscreen start to the first page with the shipped .qm (no lrelease in the new venv)."""
    out = _run(
        [str(installed / BIN / "certassist"), "--demo", "--lang", "en"],
        tmp_path,
        HOME=str(tmp_path),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        QT_QPA_PLATFORM="offscreen",
        CERTASSIST_BENCHMARK_EXIT="1",
    )
    assert "certassist-first-page-shown" in out
    probe = (
        "from certassist.gui.i18n import qm_file; from certassist.core.resources import "
        "resources_dir; print(qm_file('en')); print(resources_dir())"
    )
    qm, data = _run(
        [str(installed / BIN / "python"), "-c", probe],
        tmp_path,
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    ).splitlines()
    assert Path(qm) == Path(data) / "i18n" / "certassist_en.qm"  # shipped, not compiled now
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").rglob("*.qm"))

"""The frozen program works on its own: version, every command, bundled catalogs, profiles and
translation, and the GUI start, run from the PyInstaller folder as a user would start it.

Each program runs from a temporary working folder with no CERTASSIST_RESOURCES, so it can only
use what the bundle carries (a frozen module's `__file__` lies inside the bundle, not the checkout).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from certassist.cli import build_parser
from tests.installers.conftest import ROOT, program
from tests.pki import TestPKI, pfx

pytestmark = pytest.mark.slow

PASSWORD = "Lente-Regen-2026!"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def run(
    bundle: Path, name: str, *args: str, cwd: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "CERTASSIST_RESOURCES"}
    environment.update(env)
    return subprocess.run(
        [str(program(bundle, name)), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=environment,
        timeout=120,
        check=False,
    )


def command_names() -> list[str]:
    """The sub-commands as the CLI's own parser knows them (one per COMMAND_MODULES entry)."""
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    raise AssertionError("certassist has no sub-commands")


@pytest.mark.parametrize("name", ["certassist", "certassist-cli"])
def test_both_programs_report_the_pyproject_version(
    bundle: Path, name: str, tmp_path: Path
) -> None:
    done = run(bundle, name, "--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"certassist {VERSION}"


def test_every_command_module_is_in_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """Commands are imported by name; a missing hidden import fails here, not at a user's desk."""
    names = command_names()
    assert {"inspect", "list", "check", "reminders", "backup", "restore"} <= set(names)
    for name in names:
        done = run(bundle, "certassist-cli", name, "--help", cwd=tmp_path)
        assert done.returncode == 0, f"{name}: {done.stderr}"
        assert "Traceback" not in done.stderr
    done = run(bundle, "certassist-cli", "reminders", "enable", "--help", cwd=tmp_path)
    assert done.returncode == 0 and "--time" in done.stdout


@pytest.mark.parametrize("name", ["certassist", "certassist-cli"])
def test_inspect_classifies_a_pfx_with_the_bundled_profiles_and_catalogs(
    bundle: Path, name: str, tmp_path: Path
) -> None:
    person = TestPKI().vecozo_personal(name="José Ünal-Çelik")  # UTF-8 through the pipe
    path = tmp_path / "anna.pfx"
    path.write_bytes(pfx(person, PASSWORD))
    texts = {}
    for lang in ("nl", "en"):
        done = run(
            bundle,
            name,
            "inspect",
            str(path),
            "--json",
            "--password-stdin",
            cwd=tmp_path,
            stdin=PASSWORD + "\n",
            CERTASSIST_LANG=lang,
        )
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert data["kind"] == "vecozo-personal"  # from resources/profiles
        assert data["holder"] == "José Ünal-Çelik" and data["key"] == "matching"
        assert data["fingerprint"] == person.fingerprint
        texts[lang] = data["status_text"]  # from resources/messages
    assert texts["nl"].startswith("Geldig tot en met")
    assert texts["en"] and texts["en"] != texts["nl"]


def test_a_wrong_password_is_a_clear_error_not_a_traceback(bundle: Path, tmp_path: Path) -> None:
    path = tmp_path / "anna.pfx"
    path.write_bytes(pfx(TestPKI().vecozo_personal(), PASSWORD))
    done = run(
        bundle,
        "certassist-cli",
        "inspect",
        str(path),
        "--password-stdin",
        cwd=tmp_path,
        stdin="verkeerd\n",
        CERTASSIST_LANG="nl",
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and "wachtwoord" in done.stderr.lower()


@pytest.fixture
def bundled_resources(bundle: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point this process's resource lookup at the bundle's resources folder."""
    from certassist.core.resources import resources_dir

    found = [p for p in bundle.rglob("resources") if (p / "messages").is_dir()]
    assert len(found) == 1, found
    monkeypatch.setenv("CERTASSIST_RESOURCES", str(found[0]))
    resources_dir.cache_clear()
    yield found[0]
    resources_dir.cache_clear()


def test_the_bundled_translation_is_used_and_complete(bundled_resources: Path) -> None:
    """A frozen build has no pyside6-lrelease: the shipped .qm must be the one i18n picks, and
    it must hold every finished translation of the .ts it came from."""
    from PySide6.QtCore import QTranslator

    from certassist.gui.i18n import qm_file

    shipped = bundled_resources / "i18n" / "certassist_en.qm"
    assert qm_file("en") == shipped
    assert not list(bundled_resources.rglob("*.ts")), "translation sources are not shipped"
    translator = QTranslator()
    assert translator.load(str(shipped))
    checked = 0
    for context in ET.parse(ROOT / "resources" / "i18n" / "certassist_en.ts").getroot():
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                continue
            source = message.findtext("source") or ""
            assert translator.translate(ctx, source) == (translation.text or ""), source
            checked += 1
    assert checked > 50


def test_the_gui_starts_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """Qt plugins (offscreen here, windows on Windows) and the wizard pages are bundled."""
    done = run(
        bundle,
        "certassist",
        "--demo",
        "--lang",
        "en",
        cwd=tmp_path,
        QT_QPA_PLATFORM="offscreen",
        CERTASSIST_BENCHMARK_EXIT="1",
    )
    assert done.returncode == 0, done.stderr
    assert "certassist-first-page-shown" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("xvfb-run") is None,
    reason="the X11 platform plugin: Linux with Xvfb",
)
def test_the_gui_starts_on_x11_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """The real Linux display path (xcb plugin and the libraries it links) survived the
    trimming of the frozen folder (build_support.DEAD_WEIGHT), not only offscreen."""
    done = subprocess.run(
        ["xvfb-run", "-a", str(program(bundle, "certassist")), "--demo", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb", "CERTASSIST_BENCHMARK_EXIT": "1"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "certassist-first-page-shown" in done.stdout

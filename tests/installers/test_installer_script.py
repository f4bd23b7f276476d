"""installers/certassist.iss agrees with what the build makes and what the CLI accepts.

The installer can only be compiled and run on Windows; these checks catch, on any OS, the
mistakes that would otherwise surface only there: a program name the spec does not build, a
reminder command the CLI rejects (the task would silently not exist), a text in one language
only, a version number typed into the script.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shlex
import sys
from pathlib import Path
from types import ModuleType

import pytest

from certassist.cli import build_parser, main
from certassist.ops.reminders import task_command
from tests.installers.conftest import ROOT

ISS = ROOT / "installers" / "certassist.iss"
SPEC = ROOT / "build.spec"
WORKFLOW = ROOT / ".github" / "workflows" / "build-windows.yml"
# Messages every Inno Setup 6 language file defines (Default.isl, Languages\Dutch.isl).
INNO_MESSAGES = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}


def build_support() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_support", ROOT / "installers" / "build_support.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, flags=re.M))


def iss_sections() -> dict[str, list[str]]:
    """Section name -> its lines, comments and preprocessor lines dropped, {#Name} expanded."""
    text = ISS.read_text(encoding="utf-8")
    defines = _defines(text)
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
            continue
        for name, value in defines.items():
            line = line.replace("{#" + name + "}", value)
        sections[current].append(line)
    return sections


def entries(section: str) -> list[dict[str, str]]:
    """`Name: "x"; Flags: a b` lines as dicts (the format of every Inno Setup entry section)."""
    parsed = []
    for line in iss_sections()[section]:
        fields: dict[str, str] = {}
        for part in re.findall(r'(?:[^;"]|"[^"]*")+', line):
            key, _, value = part.partition(":")
            fields[key.strip()] = value.strip().strip('"')
        parsed.append(fields)
    return parsed


def bundle_relative(source: str) -> str:
    """A [Files] Source inside the PyInstaller folder, relative to it, with / separators."""
    prefix = _defines(ISS.read_text(encoding="utf-8"))["BundleDir"] + "\\"
    assert source.startswith(prefix), source
    return source.removeprefix(prefix).replace("\\", "/")


def setup_values() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections()["Setup"])


def spec_programs() -> tuple[set[str], str]:
    """The programs build.spec makes (`program("name", ...)`) and its COLLECT folder name."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    names: set[str] = set()
    folder = ""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            first = node.args[0] if node.args else None
            if node.func.id == "program" and isinstance(first, ast.Constant):
                names.add(f"{first.value!s}.exe")
            if node.func.id == "COLLECT":
                folder = next(k.value.value for k in node.keywords if k.arg == "name")  # type: ignore[attr-defined]
    return names, folder


def app_programs() -> list[tuple[str, dict[str, str]]]:
    """Every program the installer starts or links to, as (name inside {app}, entry)."""
    found = []
    for section in ("Icons", "Run", "UninstallRun"):
        for entry in entries(section):
            filename = entry["Filename"]
            assert filename.startswith("{app}\\"), filename
            found.append((filename.removeprefix("{app}\\"), entry))
    return found


def test_the_installer_starts_only_programs_the_spec_builds() -> None:
    built, folder = spec_programs()
    assert built == {"certassist.exe", "certassist-cli.exe"}
    used = {name for name, _ in app_programs()}
    assert used and used <= built
    assert _defines(ISS.read_text(encoding="utf-8"))["BundleDir"].endswith(f"dist\\{folder}")
    sources = {bundle_relative(e["Source"]) for e in entries("Files")}
    assert built <= sources, "every built program is installed"
    assert "_internal/*" in sources  # PyInstaller 6's one-folder library folder


def reminder_entries() -> list[tuple[str, dict[str, str]]]:
    return [
        (section, entry)
        for section in ("Run", "UninstallRun")
        for entry in entries(section)
        if entry.get("Parameters", "").startswith("reminders")
    ]


def test_reminder_commands_are_ones_the_cli_accepts(capsys: pytest.CaptureFixture[str]) -> None:
    found = {section: entry for section, entry in reminder_entries()}
    assert set(found) == {"Run", "UninstallRun"}
    assert found["Run"]["Parameters"] == "reminders enable"
    assert found["UninstallRun"]["Parameters"] == "reminders disable"
    for entry in found.values():
        argv = shlex.split(entry["Parameters"])
        args = build_parser().parse_args(argv)
        assert (args.command, args.verb) == ("reminders", argv[1])
        assert main([*argv, "--help"]) == 0
        # The help of that very sub-command (in the interface language: "gebruik:" in Dutch).
        assert f"certassist reminders {argv[1]} [-h]" in capsys.readouterr().out
        assert "waituntilterminated" in entry["Flags"].split()
        assert entry["Filename"] == "{app}\\certassist.exe"  # windowed: no console flashes up


def test_the_task_runs_a_command_the_installed_program_accepts() -> None:
    """What `reminders enable` puts in the scheduled task, with the installed certassist.exe."""
    line = task_command(r"C:\Users\anna\AppData\Local\Programs\certassist\certassist.exe")
    argv = shlex.split(line, posix=False)
    assert argv[0].strip('"').endswith("\\certassist.exe")
    args = build_parser().parse_args(argv[1:])
    assert args.command == "check" and args.notify


def test_reminders_are_on_by_default_and_always_removed_on_uninstall() -> None:
    tasks = {e["Name"]: e for e in entries("Tasks")}
    assert "unchecked" not in tasks["reminders"].get("Flags", "").split()
    found = dict(reminder_entries())
    assert found["Run"]["Tasks"] == "reminders"
    assert "Tasks" not in found["UninstallRun"], "disable runs even if the task was unticked"
    assert found["UninstallRun"].get("RunOnceId")


def test_per_user_install_without_admin_rights() -> None:
    setup = setup_values()
    assert setup["PrivilegesRequired"] == "lowest"
    # {autopf}: %LOCALAPPDATA%\Programs per user, through [Code] with Windows' default folder
    # where Wine cannot expand it.
    assert setup["DefaultDirName"] == "{code:DefaultAppDir}"
    code = ISS.read_text(encoding="utf-8").split("[Code]", 1)[1]
    assert "ExpandConstant('{autopf}\\certassist')" in code
    assert "ExpandConstant('{localappdata}\\Programs\\certassist')" in code


def test_dutch_first_and_every_text_in_both_languages() -> None:
    languages = [e["Name"] for e in entries("Languages")]
    assert languages == ["nl", "en"]
    custom = [line.split("=", 1)[0] for line in iss_sections()["CustomMessages"]]
    by_lang = {
        lang: {k.split(".", 1)[1] for k in custom if k.startswith(lang + ".")} for lang in languages
    }
    assert by_lang["nl"] == by_lang["en"] and by_lang["nl"]
    used = set(re.findall(r"\{cm:(\w+)", ISS.read_text(encoding="utf-8")))
    assert used <= by_lang["nl"] | INNO_MESSAGES
    assert by_lang["nl"] <= used, "no unused texts"


def test_version_comes_from_pyproject_only(capsys: pytest.CaptureFixture[str]) -> None:
    support = build_support()
    version = support.project_version()
    text = ISS.read_text(encoding="utf-8")
    assert setup_values()["AppVersion"] == "{#AppVersion}"
    assert "AppVersion" not in _defines(text), "the version is passed in, never typed in"
    assert not any(version in line for lines in iss_sections().values() for line in lines)
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "installers/build_support.py version" in workflow and "/DAppVersion=" in workflow
    resource = support.version_info_text(version)
    ast.parse(resource, mode="eval")  # PyInstaller evaluates it as one expression
    assert f"StringStruct('FileVersion', '{version}')" in resource
    assert f"filevers=({', '.join(map(str, support.version_tuple(version)))})" in resource
    from certassist import __version__

    assert __version__ == version
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"certassist {version}"


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("2.10.3.4", (2, 10, 3, 4)), ("1.2rc1", (1, 2, 0, 0))],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert build_support().version_tuple(version) == numbers


@pytest.mark.slow
def test_every_file_the_installer_takes_is_in_the_built_bundle(bundle: Path) -> None:
    suffix = "" if sys.platform == "win32" else ".exe"  # stripped: Linux programs have no .exe
    for entry in entries("Files"):
        relative = bundle_relative(entry["Source"])
        if relative.endswith("/*"):
            assert any((bundle / relative[:-2]).iterdir()), relative
        else:
            assert (bundle / relative.removesuffix(suffix)).is_file(), relative
    for name, _ in app_programs():
        assert (bundle / name.removesuffix(suffix)).is_file(), name

"""Every Windows API function certassist calls through ctypes is exported by its DLL.

The names are read from the source (not a list kept by hand): each `X = _windll("dll")`,
`ctypes.WinDLL("dll")` or `ctypes.windll.dll`, and every `X.Function` used on it. A misspelt or
missing export would otherwise surface only as an AttributeError on a user's PC, as the nss3.dll
exports once did. Wine exports these names too (some as stubs: tests/windows_smoke/wine.py).
"""

from __future__ import annotations

import ast
import ctypes
import shutil
from pathlib import Path

import pytest

import certassist
from certassist.ops.reminders import create_argv, delete_argv, query_argv

PACKAGE = Path(certassist.__file__).resolve().parent


def _dll_of(value: ast.expr) -> str | None:
    """The DLL an expression loads: _windll("x"), ctypes.WinDLL("x"), ctypes.windll.x."""
    if isinstance(value, ast.Call) and value.args and isinstance(value.args[0], ast.Constant):
        func = ast.unparse(value.func)
        if func in ("_windll", "ctypes.WinDLL", "WinDLL") and isinstance(value.args[0].value, str):
            return value.args[0].value.lower()
    if isinstance(value, ast.Attribute):
        base = ast.unparse(value.value)
        if base in ("ctypes.windll", "getattr(ctypes, 'windll')", "windll"):
            return value.attr.lower()
    return None


def declared_calls(source: str) -> set[tuple[str, str]]:
    """(dll, function) for every function used on a handle to a Windows DLL in `source`."""
    tree = ast.parse(source)
    handles: dict[str, str] = {}
    for node in ast.walk(tree):  # handles, then aliases such as `c, n = self._c, self._ncrypt`
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            dll = _dll_of(value)
            if dll:
                handles[ast.unparse(target)] = dll
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
            target = node.targets[0]
            if isinstance(target, ast.Tuple):
                for name, value in zip(target.elts, node.value.elts, strict=False):
                    if ast.unparse(value) in handles:
                        handles[ast.unparse(name)] = handles[ast.unparse(value)]
    calls = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr[:1].isupper():
            dll = handles.get(ast.unparse(node.value))
            if dll:
                calls.add((dll, node.attr))
    return calls


def all_declared_calls() -> set[tuple[str, str]]:
    calls: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "windll" in text.lower():
            calls |= declared_calls(text)
    return calls


CALLS = sorted(all_declared_calls())


def test_the_source_scan_finds_every_layer() -> None:
    """crypt32, ncrypt, advapi32, shell32 (store) and user32 (reminder notice) are all seen."""
    found = set(CALLS)
    for expected in [
        ("crypt32", "CertOpenStore"),
        ("crypt32", "PFXImportCertStore"),
        ("crypt32", "PFXExportCertStoreEx"),
        ("crypt32", "CertDeleteCertificateFromStore"),
        ("ncrypt", "NCryptOpenKey"),
        ("ncrypt", "NCryptDeleteKey"),
        ("advapi32", "CryptAcquireContextW"),
        ("shell32", "IsUserAnAdmin"),
        ("user32", "MessageBoxW"),
    ]:
        assert expected in found, expected
    assert len(found) >= 15


@pytest.mark.parametrize(("dll", "function"), CALLS, ids=[f"{d}!{f}" for d, f in CALLS])
def test_the_function_is_exported(dll: str, function: str) -> None:
    library = ctypes.WinDLL(dll, use_last_error=True)
    assert getattr(library, function) is not None


def test_the_crypt32_layer_declares_its_prototypes() -> None:
    """RealCrypt32() resolves every function it sets argtypes on, at start, not at first use."""
    from certassist.stores.windows_api import RealCrypt32, load_crypt32

    assert isinstance(load_crypt32(), RealCrypt32)


def test_the_task_scheduler_program_exists() -> None:
    """The reminder layer runs schtasks.exe; its argv must name a program Windows has."""
    programs = {create_argv(r"C:\certassist.exe")[0], delete_argv()[0], query_argv()[0]}
    assert programs == {"schtasks"}
    found = shutil.which("schtasks")
    assert found and Path(found).parent.name.lower() == "system32"

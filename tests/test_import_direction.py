"""Layers import only downwards (docs/architecture.md#layers): read from the source, lazy imports
inside functions and imports for type checking included, so a shortcut cannot hide."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "certassist"
QT = ("PySide6", "shiboken6")

# layer -> the certassist layers it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "core": ("stores", "ops", "cli", "gui", "demo"),
    "stores": ("ops", "cli", "gui", "demo"),
    "ops": ("cli", "gui"),
    "cli": ("gui",),
    "demo": ("ops", "cli", "gui"),
}
# The one way up: `certassist` without a command is the program's entry and opens the window.
ALLOWED = {("certassist/cli/__init__.py", "certassist.gui.app")}


def _modules_imported(path: Path) -> set[str]:
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join([*base, *([node.module] if node.module else [])]))
            elif node.module:
                found.add(node.module)
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "certassist" else None


SOURCES = sorted(PACKAGE.rglob("*.py"))


def _violations() -> list[str]:
    found: list[str] = []
    for path in SOURCES:
        layer = path.relative_to(PACKAGE).parts[0]
        for module in sorted(_modules_imported(path)):
            where = path.relative_to(PACKAGE.parent)
            if module.split(".")[0] in QT and layer != "gui":
                found.append(f"{where} imports {module}")
            if _layer(module) in FORBIDDEN.get(layer, ()) and (str(where), module) not in ALLOWED:
                found.append(f"{where} imports {module}")
    return found


def test_the_reader_sees_lazy_and_relative_imports() -> None:
    assert "certassist.core.kinds" in _modules_imported(PACKAGE / "core" / "models.py")
    lazy = _modules_imported(PACKAGE / "ops" / "local.py")
    assert "certassist.stores.unavailable" in lazy  # imported inside a function


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_downwards(layer: str) -> None:
    assert [v for v in _violations() if v.startswith(f"certassist/{layer}/")] == []


def test_only_gui_imports_qt() -> None:
    assert [v for v in _violations() if any(qt in v for qt in QT)] == []

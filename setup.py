"""The one packaging step pyproject.toml cannot declare: the wheel carries its own data.

`resources/` stays at the top of the repository (message catalogs, profiles, translation
sources) and is shipped inside the package as `certassist/resources`, where
`certassist.core.resources` finds it with importlib.resources, installed and frozen alike.
The translations are compiled to `.qm` here, at build time (installers/build_support.py, the
same step build.spec uses), and the `.ts` sources stay out: an installed certassist never needs
`pyside6-lrelease`. An editable install (the checkout) reads `resources/` where it is.
"""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
NOT_SHIPPED = {".ts", ".qm", ".pyc"}


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "certassist" / "resources"
        shutil.rmtree(target, ignore_errors=True)
        source = ROOT / "resources"
        for path in sorted(source.rglob("*")):
            if (
                path.is_file()
                and path.suffix not in NOT_SHIPPED
                and "__pycache__" not in path.parts
            ):
                copy = target / path.relative_to(source)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)
        support = runpy.run_path(str(ROOT / "installers" / "build_support.py"))
        support["compile_translations"](target / "i18n", source / "i18n")


setup(cmdclass={"build_py": BuildPyWithResources})

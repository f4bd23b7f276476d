"""`certassist --version`: the version of the installed program, for support calls and the
installer's smoke test.

The version has one source, `project.version` in pyproject.toml; an installed or frozen program
reads it from its package metadata (the PyInstaller build bundles that metadata).
`certassist.__version__` is only the fallback for a checkout that was never installed.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any


def program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("certassist")
    except PackageNotFoundError:
        from certassist import __version__

        return __version__


class VersionAction(argparse.Action):
    """Like argparse's "version" action, but looks the version up only when asked, so the
    metadata scan does not slow down every start of the GUI."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"certassist {program_version()}")
        parser.exit()

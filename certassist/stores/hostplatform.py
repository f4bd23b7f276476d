"""The facts about the host that store discovery depends on, injected as one value.

Discovery reads the OS name, the environment and the home folder only through `Platform`, so the
Windows and macOS path logic is tested on Linux by building a `Platform` instead of patching.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Literal

System = Literal["windows", "linux", "darwin"]


@dataclass(frozen=True)
class Platform:
    system: System
    env: Mapping[str, str] = field(default_factory=dict)
    home: Path = field(default_factory=Path.home)

    @classmethod
    def current(cls) -> Platform:
        system: System
        if sys.platform == "win32":
            system = "windows"
        elif sys.platform == "darwin":
            system = "darwin"
        else:
            system = "linux"
        return cls(system, dict(os.environ), Path.home())

    def env_path(self, name: str, *fallback: str) -> Path:
        """An environment folder (APPDATA, XDG_CONFIG_HOME), else home joined with `fallback`."""
        value = self.env.get(name, "")
        if value:
            return self.path(value)
        return self.home.joinpath(*fallback)

    def path(self, text: str) -> Path:
        """A path as this platform writes it: on Windows backslashes separate parts."""
        if self.system == "windows" and os.sep == "/" and "\\" in text:
            pure = PureWindowsPath(text)
            if pure.is_absolute():
                return Path(text)  # a real Windows path; only meaningful on Windows itself
            return Path(*pure.parts)
        return Path(text)

    def relative(self, base: Path, text: str) -> Path:
        """`text` relative to `base`, with either separator (profiles.ini uses '/' everywhere)."""
        parts = PureWindowsPath(text).parts if self.system == "windows" else Path(text).parts
        return base.joinpath(*parts)

"""Where the data files (profiles, messages, translations) are.

Searched in order: $CERTASSIST_RESOURCES, a PyInstaller bundle, the source checkout.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    override = os.environ.get("CERTASSIST_RESOURCES")
    candidates = [Path(override)] if override else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    for candidate in candidates:
        if (candidate / "messages").is_dir():
            return candidate
    raise FileNotFoundError("certassist resources not found; set CERTASSIST_RESOURCES")

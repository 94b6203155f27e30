"""Where bundled resources live: the source tree, or a PyInstaller bundle (sys._MEIPASS)."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"

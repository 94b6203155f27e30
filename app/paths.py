"""Where bundled resources live: the source tree, or a PyInstaller bundle (sys._MEIPASS)."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def catalog_db_path() -> Path:
    """The shipped, read-only catalog built from resources/data (top level of the tree or bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "catalog.db"
    return Path(__file__).resolve().parent.parent / "catalog.db"


def data_dir() -> Path:
    """Sources of the catalog (CSV)."""
    return resource_dir() / "data"


def user_data_dir() -> Path:
    """Where the user's own catalog entries live. GPU_PLANNER_DATA_DIR overrides (tests, portable use)."""
    import os

    override = os.environ.get("GPU_PLANNER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("gpu-planner", appauthor=False))

"""The test session never reads the real user's files: the data folder is a temporary one, set in
tests/conftest.py before anything imports the catalog."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import platformdirs


def test_the_data_folder_was_temporary_before_the_app_was_imported():
    from tests import conftest

    session = Path(conftest.SESSION_DATA_DIR)
    assert session.is_relative_to(tempfile.gettempdir())
    # conftest set it before its first import of the app, and the catalog module was not loaded yet
    assert "app.catalog.repository" not in conftest.MODULES_AT_SETUP


def test_the_catalog_reads_and_writes_only_below_the_temporary_folder():
    from app.catalog.repository import default_catalog
    from app.paths import user_data_dir

    here = Path(os.environ["GPU_PLANNER_DATA_DIR"])
    assert here.is_relative_to(tempfile.gettempdir())
    assert user_data_dir() == here
    overlay = Path(default_catalog().overlay_path)
    assert overlay.is_relative_to(here)
    real = Path(platformdirs.user_data_dir("gpu-planner", appauthor=False))
    assert not overlay.is_relative_to(real) and not str(overlay).startswith(str(Path.home() / ".local"))
    assert "app.catalog.repository" in sys.modules

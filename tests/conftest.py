import os

# Qt must never try to open a display in tests (platform.md: without it pytest aborts the process).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path, monkeypatch):
    """Each test gets its own user data dir, so a test never reads or writes the real user's catalog
    (napari's _fresh_settings idea), and a fresh process-wide catalog."""
    from app.catalog.repository import default_catalog

    monkeypatch.setenv("GPU_PLANNER_DATA_DIR", str(tmp_path / "userdata"))
    default_catalog.cache_clear()
    yield
    default_catalog.cache_clear()
    from app.i18n import current_language, set_language

    if current_language() != "en":  # a --lang ja run switches the process's translator: switch back
        set_language("en")


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """pytest-qt owns the single QApplication of the test run, also for code (CLI --pdf, exports)
    that would otherwise create its own; two owners crash the interpreter at exit."""
    yield qapp

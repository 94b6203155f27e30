import os
import tempfile

# Before anything imports the app: Qt never tries to open a display (platform.md: without it pytest
# aborts the process), and the user data folder (the user's own catalog, autosave, crash log) is a
# temporary one, so no test and no import can read or change the real user's files.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SESSION_DATA_DIR = tempfile.mkdtemp(prefix="gpu-planner-tests-")
os.environ["GPU_PLANNER_DATA_DIR"] = SESSION_DATA_DIR
MODULES_AT_SETUP = frozenset(__import__("sys").modules)

import pytest  # noqa: E402

# Slow tests (processes started, PDFs drawn, many generated cases) by file or by name; the quick loop
# is `pytest -m "not gui and not slow"`.
SLOW_FILES = {"test_properties.py", "test_benchmarks.py", "test_selftest.py"}
SLOW_TESTS = {"test_planning_gui_and_pdf_open_no_network_connection", "test_japanese_report_has_no_english_words",
              "test_report_cites_the_fx_rate_with_its_date", "test_exit_status_and_one_line_errors_in_a_real_process",
              "test_bad_input_is_one_line_naming_the_flag_exit_2", "test_japanese_cli_needs_no_qt",
              "test_compiled_translations_are_up_to_date", "test_the_ts_covers_every_translatable_string_in_the_sources",
              "test_import_linter_contracts_hold", "test_shipped_catalog_db_is_up_to_date",
              "test_ruff_finds_nothing", "test_mypy_finds_nothing"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.as_posix()
        if "/tests/ui/" in path or "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
        if item.path.name in SLOW_FILES or item.originalname in SLOW_TESTS or item.get_closest_marker("bundle"):
            item.add_marker(pytest.mark.slow)


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

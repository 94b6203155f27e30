import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp):
    """QSettings go to a temporary INI tree: tests never read or write the user's settings
    (napari's _fresh_settings, qutebrowser's isolation habit)."""
    QCoreApplication.setOrganizationName("gpu-planner-tests")
    QCoreApplication.setApplicationName("LLM GPU Planner tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def window(qtbot):
    """The main window, shown; the plan may be changed freely (no "save?" prompt on close)."""
    from app.ui.application import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    w.show()
    yield w
    w.session.wait_idle()

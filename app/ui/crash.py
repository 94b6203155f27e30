"""Unexpected errors in the GUI: written to crash.log in the user's data folder and shown in a dialog
that names the file; the app keeps running (the plan is autosaved, see PlanSession.autosave)."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

LOG_NAME = "crash.log"
_state: dict[str, Any] = {"busy": False, "previous": None}


def log_path() -> Path:
    from app.paths import user_data_dir

    return user_data_dir() / LOG_NAME


def write_log(exc_type, exc, tb) -> Path | None:
    """Append the traceback with the time and versions; None when the folder is not writable."""
    from app import __version__

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} · LLM GPU Planner {__version__} · "
                     f"Python {sys.version.split()[0]} · {sys.platform}\n")
            fh.write("".join(traceback.format_exception(exc_type, exc, tb)))
            fh.write("\n")
    except OSError:
        return None
    return path


def handle(exc_type, exc, tb) -> None:
    """sys.excepthook for the GUI: log, tell the user where, carry on."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    path = write_log(exc_type, exc, tb)
    if _state["busy"] or QApplication.instance() is None:  # an error while showing an error: log only
        return
    _state["busy"] = True
    try:
        parent = QApplication.activeWindow()
        where = str(path) if path else QCoreApplication.translate("Crash", "(the log could not be written)")
        QMessageBox.critical(parent, QCoreApplication.translate("Crash", "Unexpected error"),
                             QCoreApplication.translate("Crash", "Something went wrong: {0}\n\nThe details were written "
                                                        "to {1}. Your plan is autosaved and the app keeps running; "
                                                        "please send the file to the developers.").format(
                                 f"{exc_type.__name__}: {exc}", where))
    finally:
        _state["busy"] = False


def install() -> None:
    if sys.excepthook is not handle:
        _state["previous"] = sys.excepthook
        sys.excepthook = handle


def uninstall() -> None:
    if sys.excepthook is handle:
        previous = _state["previous"]
        sys.excepthook = previous if callable(previous) else sys.__excepthook__

"""Issue 9: an unexpected error is logged and shown with the log's path, the app keeps running; the
wizard's state is autosaved within a second of an edit and offered back after a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.ui import crash
from app.ui.application import MainWindow
from app.ui.session import PlanSession


def test_an_unexpected_error_is_logged_and_shown_with_the_log_path(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a))
    try:
        {}["no such key"]
    except KeyError as e:
        crash.handle(type(e), e, e.__traceback__)
    log = crash.log_path()
    text = log.read_text(encoding="utf-8")
    assert "KeyError" in text and "no such key" in text and "LLM GPU Planner" in text
    assert len(shown) == 1 and str(log) in shown[0][2] and "KeyError" in shown[0][2]


def test_the_hook_is_installed_and_removed():
    import sys

    before = sys.excepthook
    crash.install()
    try:
        assert sys.excepthook is crash.handle
    finally:
        crash.uninstall()
    assert sys.excepthook is before


def test_an_edit_is_autosaved_within_a_second_and_offered_back(qtbot, monkeypatch):
    s = PlanSession()
    s.update(samples="31415", goal="finetune")
    qtbot.waitUntil(lambda: PlanSession.autosave_path().exists(), timeout=3000)
    doc = json.loads(PlanSession.autosave_path().read_text(encoding="utf-8"))
    assert doc["request"]["samples"] == "31415"
    s.wait_idle()
    # "the next start": a new window finds the autosave and, when the user says yes, takes it back
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    w = MainWindow()
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    assert w.offer_autosave()
    assert w.session.draft["samples"] == "31415" and w.session.modified
    w.session.wait_idle()


def test_declining_or_a_clean_exit_removes_the_autosave(qtbot, monkeypatch):
    s = PlanSession()
    s.update(samples="27182")
    assert s.autosave() and PlanSession.autosave_path().exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    w = MainWindow()
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    assert not w.offer_autosave()
    assert not PlanSession.autosave_path().exists()
    w.session.update(samples="11111")
    assert w.session.autosave()
    w.close()
    assert not PlanSession.autosave_path().exists()
    s.wait_idle()


def test_saving_the_plan_removes_the_autosave(qtbot, tmp_path):
    s = PlanSession()
    s.update(samples="16180")
    assert s.autosave()
    s.save(tmp_path / "p.gpuplan")
    assert not PlanSession.autosave_path().exists() and PlanSession.pending_autosave() is None
    s.wait_idle()


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"schema": "gpu-planner.planfile/99", "draft": {}}',
                                     b'{"schema": "gpu-planner.planfile/3", "request": {"own": ["h100-sxm"]}}',
                                     b"[" * 100000 + b"]" * 100000])
def test_a_damaged_autosave_is_set_aside_once_with_a_message(qapp, content):
    """Issue 24: the same bad bytes in the autosave brought the crash dialog back at every launch."""
    PlanSession.autosave_path().parent.mkdir(parents=True, exist_ok=True)
    PlanSession.autosave_path().write_bytes(content)
    first = PlanSession.pending_autosave()
    assert first is not None and first["error"]
    aside = Path(first["damaged"])
    assert aside.read_bytes() == content  # kept, not deleted
    assert not PlanSession.autosave_path().exists()
    assert PlanSession.pending_autosave() is None  # once

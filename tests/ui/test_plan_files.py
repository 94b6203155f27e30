"""Plan files: written atomically, damaged or newer files refused with a clear message and left
untouched, older versions migrated."""

from __future__ import annotations

import json
import os

import pytest

from app.planning.planfile import SCHEMA as PLANFILE_SCHEMA
from app.ui.session import PlanSession


@pytest.fixture
def session(qapp):
    s = PlanSession()
    yield s
    s.wait_idle()


def _saved(session, path, **draft):
    session.update(**draft)
    session.save(path)
    return path.read_bytes()


@pytest.mark.parametrize("fail_in", ["fsync", "replace"])
def test_a_failed_save_leaves_the_previous_file_intact(session, tmp_path, monkeypatch, fail_in):
    path = tmp_path / "plan.gpuplan"
    before = _saved(session, path, samples="20000")
    session.update(samples="99999")

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, fail_in, boom)
    with pytest.raises(OSError):
        session.save(path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.gpuplan"]  # no temporary file left behind
    assert session.modified and session.draft["samples"] == "99999"  # the edit is still there to save


def test_a_damaged_file_is_refused_and_not_touched(session, tmp_path):
    path = tmp_path / "broken.gpuplan"
    good = _saved(PlanSession(), path)
    path.write_bytes(good[: len(good) // 2])  # cut off mid-write by another program
    damaged = path.read_bytes()
    session.update(samples="12345")
    with pytest.raises(ValueError, match="not a plan file"):
        session.open(path)
    assert path.read_bytes() == damaged
    assert session.draft["samples"] == "12345"


def test_a_file_from_a_newer_version_is_refused_and_not_touched(session, tmp_path):
    path = tmp_path / "future.gpuplan"
    path.write_text(json.dumps({"schema": "gpu-planner.planfile/99", "app_version": "9.0", "draft": {"goal": "cpt"}}),
                    encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ValueError, match="newer version") as e:
        session.open(path)
    assert "9.0" in str(e.value)
    assert path.read_bytes() == before
    assert session.path is None  # Save would ask for a new name, never write over the newer file


def test_a_version_1_file_is_migrated(session, tmp_path):
    """Version 1 had no FX date: it opens, keeps its answers, and cites no date for the rate."""
    path = tmp_path / "old.gpuplan"
    path.write_text(json.dumps({"schema": "gpu-planner.planfile/1", "app_version": "0.1.0", "draft": {
        "goal": "inference", "model_id": "llama-3.1-70b", "quant": "int4", "fx_jpy_per_usd": 155.0}}), encoding="utf-8")
    session.open(path)
    assert session.draft["goal"] == "inference" and session.draft["quant"] == "int4"
    assert session.draft["fx_as_of"] is None and session.scenario.fx_jpy_per_usd == 155.0
    assert not session.errors
    session.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema"] == PLANFILE_SCHEMA


def test_a_version_2_file_is_migrated_to_the_request_it_asked(session, tmp_path):
    """Version 2 stored the wizard's own keys (model_id, custom {params}, precisions): they open as the
    request fields they meant, and plan the same question."""
    path = tmp_path / "v2.gpuplan"
    path.write_text(json.dumps({"schema": "gpu-planner.planfile/2", "app_version": "0.1.0", "draft": {
        "goal": "scratch", "model_id": None, "custom": {"params": "13B", "layers": 40, "hidden": 5120, "heads": 40},
        "precisions": ["bf16", "fp8"], "seq_len": 2048, "currency": "JPY", "deadline_days": "60"}}), encoding="utf-8")
    session.open(path)
    assert session.draft["params_total"] == "13B" and session.draft["layers"] == 40
    assert session.draft["precision_choices"] == ["bf16", "fp8"] and "model_id" not in session.draft
    s = session.scenario
    assert s.model.params_total == 13e9 and s.model.layers == 40 and s.precision_choices == ("bf16", "fp8")
    assert s.seq_len == 2048 and s.currency == "JPY" and s.deadline_days == 60


HOSTILE = {
    "own as a list": {"schema": PLANFILE_SCHEMA, "request": {"goal": "finetune", "own": ["h100-sxm"]}},
    "a count as text": {"schema": PLANFILE_SCHEMA, "request": {"goal": "finetune", "own": {"h100-sxm": "eight"}}},
    "a count null": {"schema": PLANFILE_SCHEMA, "request": {"goal": "finetune", "own": {"h100-sxm": None}}},
    "samples as a list": {"schema": PLANFILE_SCHEMA, "request": {"goal": "finetune", "samples": [1]}},
    "goal a number": {"schema": PLANFILE_SCHEMA, "request": {"goal": 3}},
    "precisions as text": {"schema": PLANFILE_SCHEMA, "request": {"goal": "finetune", "precision_choices": "bf16"}},
    "name an object": {"schema": PLANFILE_SCHEMA, "name": {"x": 1}, "request": {"goal": "finetune"}},
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_refused_file_keeps_the_open_plan_its_edits_and_its_path(session, tmp_path, case):
    """Issue 24: files with fields of the wrong type replaced the open plan (unsaved edits lost) and
    the next Save wrote over the refused file; the autosave picked up the hostile draft."""
    mine = tmp_path / "mine.gpuplan"
    _saved(session, mine, samples="20000")
    session.update(samples="31415")  # an unsaved edit
    assert session.autosave()
    hostile = tmp_path / "hostile.gpuplan"
    hostile.write_text(json.dumps(HOSTILE[case]), encoding="utf-8")
    before = hostile.read_bytes()
    with pytest.raises(ValueError, match="open plan is kept"):
        session.open(hostile)
    assert session.path == mine and session.modified and session.draft["samples"] == "31415"
    session.save(session.path)  # Save goes to the plan's own file, never to the refused one
    assert hostile.read_bytes() == before
    assert json.loads(mine.read_text(encoding="utf-8"))["request"]["samples"] == "31415"
    assert PlanSession.pending_autosave() is None  # saved: no hostile draft was autosaved either


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes and symlinks")
def test_saving_keeps_the_files_mode_and_its_symlink(session, tmp_path):
    real = tmp_path / "team" / "plan.gpuplan"
    real.parent.mkdir()
    _saved(session, real, samples="20000")
    os.chmod(real, 0o664)
    link = tmp_path / "plan.gpuplan"
    link.symlink_to(real)
    session.open(link)
    session.update(samples="27182")
    session.save(session.path)
    assert link.is_symlink() and os.stat(real).st_mode & 0o777 == 0o664
    assert json.loads(real.read_text(encoding="utf-8"))["request"]["samples"] == "27182"

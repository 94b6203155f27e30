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

"""compare and plan --json's sensitivity, as a script runs them (docs/cli.md)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from app.cli import main


def run(capsys, *args):
    rc = main(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


@pytest.fixture
def plans(tmp_path, capsys):
    a, b = tmp_path / "a.gpuplan", tmp_path / "b.gpuplan"
    assert run(capsys, "plan", "--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "10000", "--save", str(a),
               "--name", "8B LoRA")[0] == 0
    assert run(capsys, "plan", "--goal", "finetune", "--model", "llama-3.1-70b", "--method", "qlora", "--samples", "10000",
               "--save", str(b), "--name", "70B QLoRA")[0] == 0
    return a, b


def test_compare_json_has_every_plan_and_the_inputs_that_differ(capsys, plans):
    a, b = plans
    rc, out, err = run(capsys, "compare", str(a), str(b), "--json")
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["schema"] == "gpu-planner.compare/1" and doc["names"] == ["8B LoRA", "70B QLoRA"]
    assert [p["schema"] for p in doc["plans"]] == ["gpu-planner.plan/2"] * 2
    diff = {d["field"]: d["values"] for d in doc["differences"]}
    assert diff["model"] == ["llama-3.1-8b", "llama-3.1-70b"] and diff["method"] == ["lora", "qlora"]
    assert "samples" not in diff  # the same in both
    # each plan is the plan the CLI gives for the same flags
    rc, single, _ = run(capsys, "plan", "--goal", "finetune", "--model", "llama-3.1-70b", "--method", "qlora", "--samples", "10000", "--json")
    assert json.loads(single)["options"][0]["job_s"] == doc["plans"][1]["options"][0]["job_s"]
    assert doc["results"][1]["time_s"] == doc["plans"][1]["options"][0]["job_s"]


def test_compare_text_and_refusals(capsys, plans, tmp_path):
    a, b = plans
    rc, out, _ = run(capsys, "compare", str(a), str(b))
    assert rc == 0 and "8B LoRA" in out and "70B QLoRA" in out and "Recommendation" in out
    rc, _, err = run(capsys, "compare", str(a))
    assert rc == 2 and "2 to 6 plan files" in err
    rc, _, err = run(capsys, "compare", *[str(a)] * 7)
    assert rc == 2 and "not 7" in err
    (tmp_path / "bad.gpuplan").write_text("{not json")
    rc, _, err = run(capsys, "compare", str(a), str(tmp_path / "bad.gpuplan"))
    assert rc == 2 and "bad.gpuplan" in err and "Traceback" not in err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_compare_pdf_names_the_plans_and_what_moves_each(capsys, plans, tmp_path):
    a, b = plans
    pdf = tmp_path / "cmp.pdf"
    rc, _, err = run(capsys, "compare", str(a), str(b), "--pdf", str(pdf))
    assert rc == 0, err
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("Plans compared", "8B LoRA", "70B QLoRA", "What moves 8B LoRA", "Utilisation (MFU)", "Recommendation"):
        assert needle in text, needle


def test_plan_json_sensitivity_follows_the_contract(capsys):
    """docs/cli.md: ``sensitivity`` is a list of {assumption, low, high, time_s: [lo, hi], cost: [lo, hi]}."""
    rc, out, err = run(capsys, "plan", "--goal", "inference", "--model", "llama-3.1-8b", "--gpu", "l40s", "--gpus", "1", "--json")
    assert rc == 0, err
    doc = json.loads(out)
    sens = doc["sensitivity"]
    assert sens and all({"assumption", "low", "high", "time_s", "cost"} <= set(w) for w in sens)
    assert all(len(w["time_s"]) == 2 and len(w["cost"]) == 2 and w["low"] <= w["high"] for w in sens)
    f = next(x for x in doc["flips"] if x["field"] == "hours_per_day")
    assert f["message"].startswith("Buying beats renting when the hours of use per day is above")

"""benchmarks/run.py still works (issue 10). Benchmarks are not timed tests: this runs the quick
mode and checks that every figure is there and plausible, never how fast anything was."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"
SECONDS = ("first_window_s", "first_window_cpu_s", "wizard_ready_s", "plan_cli_s", "plan_cli_cpu_s", "result_page_s",
           "pdf_export_s")
MILLISECONDS = ("search_ms", "search_cpu_ms", "edit_to_plot_ms", "edit_to_plot_ms_max")


def _run(*args: str) -> dict:
    r = subprocess.run([sys.executable, str(RUN), *args], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


def _plausible(v, top: float) -> bool:
    return isinstance(v, (int, float)) and math.isfinite(v) and 0 < v < top


def test_quick_run_prints_every_figure(tmp_path):
    doc = _run("--quick", "--bundle", str(tmp_path / "no-bundle"))
    for key in SECONDS:
        assert _plausible(doc[key], 120), key
    for key in MILLISECONDS:
        assert _plausible(doc[key], 120_000), key
    assert doc["first_window_s"] <= doc["wizard_ready_s"]
    assert set(doc["plan_cli_s_by_goal"]) == set(doc["search_ms_by_goal"]) == {"inference", "finetune", "cpt", "scratch"}
    assert doc["plan_cli_s"] == max(doc["plan_cli_s_by_goal"].values())
    assert doc["search_ms"] == max(doc["search_ms_by_goal"].values())
    assert all(_plausible(v, 120_000) for v in doc["search_ms_by_case"].values())
    assert 20 < doc["gui_peak_rss_mb"] < 10_000
    assert doc["bundle_mb"] is None and doc["bundle_path"] is None  # no bundle built
    assert doc["first_window_heavy_modules"] == []  # the first page needs none of them
    assert doc["machine"]["cpus"] >= 1 and doc["quick"] is True


def test_bundle_size_is_the_folder_size(tmp_path):
    bundle = tmp_path / "gpu-planner"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "gpu-planner").write_bytes(b"x" * 1_500_000)
    (bundle / "_internal" / "lib.so").write_bytes(b"y" * 500_000)
    doc = _run("--only", "bundle", "--bundle", str(bundle))
    assert doc["bundle_mb"] == 2.0 and doc["bundle_path"] == str(bundle)

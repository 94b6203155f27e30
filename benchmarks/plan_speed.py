"""Prints how long planning takes (search over the built-in GPUs) per goal, and CLI start-up.

    python benchmarks/plan_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from app.catalog.repository import default_catalog
from app.core.planner import plan
from app.core.scenario import Scenario


def main() -> None:
    gpus = list(default_catalog().gpus())
    cases = {
        "inference llama-3.1-70b": dict(goal="inference", model=default_catalog().model("llama-3.1-70b"), concurrency=16),
        "finetune llama-3.1-8b lora": dict(goal="finetune", model=default_catalog().model("llama-3.1-8b"), method="lora", samples=20000),
        "cpt qwen2.5-72b": dict(goal="cpt", model=default_catalog().model("qwen2.5-72b")),
        "scratch llama-3.1-405b": dict(goal="scratch", model=default_catalog().model("llama-3.1-405b")),
    }
    for name, kw in cases.items():
        s = Scenario(**kw)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            p = plan(s, gpus)
            times.append(time.perf_counter() - t0)
        print(f"plan {name:32} median {statistics.median(times) * 1000:7.1f} ms  ({len(p.options)} options)")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "plan", "--goal", "inference", "--model", "llama-3.1-8b",
                    "--gpu", "h100-sxm", "--gpus", "1", "--json"], check=True, capture_output=True)
    print(f"CLI one configuration, wall clock {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()

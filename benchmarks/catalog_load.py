"""Catalog figures: import cost, load time (shipped, and with a 500-row user overlay), build and
backtest time, and the wall clock of `gpu-planner catalog gpus` as a fresh process.

Run: python3 benchmarks/catalog_load.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(fn, repeat=5):
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def main() -> None:
    t = time.perf_counter()
    import sqlmodel  # noqa: F401

    print(f"import sqlmodel: {1e3 * (time.perf_counter() - t):.0f} ms (first import in this process)")
    from app.catalog.build import build
    from app.catalog.csv_io import write_csv
    from app.catalog.repository import Catalog
    from app.catalog.schema import KINDS
    from app.core.backtest import backtest
    from app.paths import data_dir

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        none = tmp / "none.db"
        print(f"load shipped catalog: {1e3 * timed(lambda: Catalog(overlay=none).gpus()):.1f} ms")
        # a 500-row overlay (user GPUs)
        base = Catalog(overlay=none).records("gpus")[0]
        rows = [{**base, "id": f"user-gpu-{i}", "name": f"User GPU {i}"} for i in range(500)]
        csv = tmp / "g.csv"
        write_csv(csv, KINDS["gpus"], rows)
        overlay = tmp / "user.db"
        t = time.perf_counter()
        Catalog(overlay=overlay).import_csv(csv)
        print(f"import 500 GPU rows: {1e3 * (time.perf_counter() - t):.0f} ms")
        print(f"load with 500-row overlay: {1e3 * timed(lambda: Catalog(overlay=overlay).gpus()):.1f} ms")
        print(f"build catalog.db from CSV: {1e3 * timed(lambda: build(data_dir(), tmp / 'c.db'), 3):.0f} ms")
        cat = Catalog(overlay=none)
        print(f"backtest {len(cat.runs())} runs: "
              f"{1e3 * timed(lambda: backtest(list(cat.runs()), list(cat.gpus()), list(cat.models())), 3):.0f} ms")
    env = dict(os.environ, GPU_PLANNER_DATA_DIR=tempfile.mkdtemp())
    walls = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", "catalog", "gpus"], check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - t)
    print(f"`python -m app catalog gpus` wall clock: {statistics.median(walls):.2f} s (median of 3)")


if __name__ == "__main__":
    main()

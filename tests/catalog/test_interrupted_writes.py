"""The user's catalog and plan files survive a SIGKILL at any moment (issue 24).

A catalog import killed mid-transaction leaves SQLite's rollback journal. Before, the next start
opened the overlay read-only (``immutable=1``), could not roll back, called the file damaged and
moved it aside without its journal: every user entry vanished and the kept copy was a torn mix of
old and new rows. Now the journal is rolled back first, so the catalog is exactly as it was before
the killed import, or exactly as after it when the kill came after the commit.

Kill counts: 10 per harness by default (CI), 100 with HYPOTHESIS_PROFILE=long.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.catalog.csv_io import write_csv
from app.catalog.repository import Catalog
from app.catalog.schema import KINDS

pytestmark = [pytest.mark.skipif(os.name != "posix", reason="SIGKILL"), pytest.mark.slow]
KILLS = 100 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 10
ROOT = Path(__file__).resolve().parents[2]
ROWS = 10_000


def _rows(tag: str, n: int) -> list[dict]:
    base = Catalog(overlay=Path("/nonexistent/none.db")).records("gpus")[0]
    return [{**base, "id": f"user-gpu-{i}", "name": f"{tag} GPU {i}"} for i in range(n)]


def _finish(p: subprocess.Popen) -> None:
    p.send_signal(signal.SIGKILL)
    p.wait(30)
    for stream in (p.stdin, p.stdout):
        if stream is not None:
            stream.close()


def _names(overlay: Path) -> tuple[set[str], list]:
    cat = Catalog(overlay=overlay)
    return {r["name"].split(" ")[0] for r in cat.records("gpus", "user")}, cat.problems


@pytest.fixture
def catalogs(tmp_path):
    """An overlay holding 10,000 "old" rows, and a CSV that replaces all of them with "new" ones."""
    old_csv, new_csv = tmp_path / "old.csv", tmp_path / "new.csv"
    write_csv(old_csv, KINDS["gpus"], _rows("old", ROWS))
    write_csv(new_csv, KINDS["gpus"], _rows("new", ROWS) + _rows("extra", ROWS + 50)[ROWS:])
    pristine = tmp_path / "pristine.db"
    Catalog(overlay=pristine).import_csv(old_csv)
    return pristine, new_csv


def _import_process(overlay: Path, csv: Path) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from app.catalog.repository import Catalog
        from app.catalog.csv_io import read_csv
        cat = Catalog(overlay={str(overlay)!r})
        print("ready", flush=True)
        sys.stdin.readline()
        cat.import_csv({str(csv)!r})
        print("done", flush=True)
    """)
    return subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def test_a_catalog_import_killed_at_any_moment_loses_nothing(catalogs, tmp_path):
    pristine, new_csv = catalogs
    # how long the import itself takes (from the go signal to "done"), to spread the kills over it
    overlay = tmp_path / "timing.db"
    shutil.copy(pristine, overlay)
    p = _import_process(overlay, new_csv)
    assert p.stdout.readline().strip() == "ready"
    t = time.perf_counter()
    p.stdin.write("go\n")
    p.stdin.flush()
    assert p.stdout.readline().strip() == "done"
    took = time.perf_counter() - t
    _finish(p)
    rng = random.Random(24)
    outcomes = {"old": 0, "new": 0}
    for i in range(KILLS):
        overlay = tmp_path / f"kill-{i}.db"
        shutil.copy(pristine, overlay)
        p = _import_process(overlay, new_csv)
        assert p.stdout.readline().strip() == "ready"
        p.stdin.write("go\n")
        p.stdin.flush()
        time.sleep(rng.uniform(0.0, took * 1.1))
        _finish(p)
        names, problems = _names(overlay)
        assert not problems, problems  # never "damaged", never moved aside
        assert names in ({"old"}, {"new", "extra"}), f"kill {i}: a torn catalog {names}"
        outcomes["old" if names == {"old"} else "new"] += 1
        assert not [f for f in tmp_path.iterdir() if f.name.startswith(f"kill-{i}.db.damaged")]
    assert outcomes["old"] >= 1  # most kills land inside the import's transaction


def test_a_hot_journal_is_rolled_back_not_moved_aside(tmp_path):
    """Deterministic: a writer killed with its transaction open and pages already spilled to the
    database file (cache_size 1), so only the journal can restore the old rows."""
    overlay = tmp_path / "catalog-user.db"
    old_csv = tmp_path / "old.csv"
    write_csv(old_csv, KINDS["gpus"], _rows("old", 2000))
    Catalog(overlay=overlay).import_csv(old_csv)
    code = textwrap.dedent(f"""
        import sqlite3, sys
        con = sqlite3.connect({str(overlay)!r}, isolation_level=None)
        con.execute("PRAGMA cache_size=1")
        con.execute("BEGIN")
        con.execute("UPDATE gpu SET name = 'new ' || id")
        print("ready", flush=True)
        sys.stdin.readline()
    """)
    p = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    _finish(p)
    assert overlay.with_name(overlay.name + "-journal").exists()
    names, problems = _names(overlay)
    assert names == {"old"} and not problems
    assert not overlay.with_name(overlay.name + "-journal").exists()


def test_a_damaged_overlay_is_moved_aside_with_its_journal(tmp_path):
    overlay = tmp_path / "catalog-user.db"
    overlay.write_bytes(b"not a database" * 100)
    journal = overlay.with_name(overlay.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)  # a journal header, no pages
    cat = Catalog(overlay=overlay)
    assert [p.code for p in cat.problems] in (["overlay_moved"], ["overlay_unreadable"])
    if cat.problems[0].code == "overlay_moved":
        aside = Path(cat.problems[0].params["aside"])
        assert aside.exists() and aside.with_name(aside.name + "-journal").exists() and not journal.exists()


def _save_process(path: Path) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from app.planning import planfile
        print("ready", flush=True)
        i = 0
        while True:
            i += 1
            pf = planfile.PlanFile(request={{"goal": "finetune", "samples": str(i), "notes": "x" * 20000}}, name=f"v{{i}}")
            planfile.write({str(path)!r}, pf)
    """)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)


def test_a_plan_save_killed_at_any_moment_leaves_a_whole_plan(tmp_path):
    from app import fileio
    from app.planning import planfile

    path = tmp_path / "plan.gpuplan"
    planfile.write(path, planfile.PlanFile(request={"goal": "finetune", "samples": "0"}, name="v0"))
    rng = random.Random(2024)
    for i in range(KILLS):
        p = _save_process(path)
        assert p.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.3))
        _finish(p)
        pf = planfile.read(path)  # never torn: the old plan or a newer one, whole
        assert pf.name.startswith("v") and pf.request["goal"] == "finetune", f"kill {i}"
    # temporary files the kills left are removed by a later save once they are stale
    later = time.time() + fileio.STALE_S + 60
    left = [f for f in tmp_path.iterdir() if f.name.startswith(fileio.TEMP_PREFIX)]
    assert fileio.clean_stale(tmp_path, now=later) == len(left)
    assert [f.name for f in tmp_path.iterdir()] == ["plan.gpuplan"]

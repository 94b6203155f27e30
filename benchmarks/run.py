"""Speed figures of the app on this machine, as one JSON object on stdout (issue 10).

    python3 benchmarks/run.py            # medians of 5 fresh runs each (about 3 minutes on 2 cores)
    python3 benchmarks/run.py --quick    # one run each, two goals in the wizard: proves it works (CI)
    python3 benchmarks/run.py --repeat 9 --bundle dist/gpu-planner

Keys (see docs/benchmarks.md for the targets and the figures measured so far):

- ``first_window_s``: a fresh ``gpu-planner`` process (offscreen) until the wizard window has been
  painted once; the wall clock seen by the parent, so interpreter start-up is included.
  ``wizard_ready_s``: until every page is built; ``first_window_heavy_modules``: which of pyqtgraph,
  sqlmodel, sqlalchemy, numpy, pydantic were imported at the first paint.
- ``plan_cli_s``: ``gpu-planner plan … --json`` wall clock, the slowest goal; ``plan_cli_s_by_goal``.
- ``search_ms``: the recommendation search (``core.plan.plan``) in-process, the slowest goal;
  ``search_ms_by_goal`` and ``search_ms_by_case`` (harder scenarios: several formats, no fit, ...).
- ``first_window_cpu_s``, ``plan_cli_cpu_s``, ``search_cpu_ms``: the same in CPU time, which other
  processes on the machine disturb less than the wall clock (compare these when the load is high).
- ``what_if_step_ms``: one step of the hours-per-day what-if slider on the Sensitivity tab until the
  plan, the tornado and the text follow (``what_if_step_ms_max``: the slowest step).
- ``edit_to_plot_ms``: an edit in the wizard (a spin box or a combo, as a user changes it) until the
  result page shows the plan of the edited draft with its plots repainted; median over edits of
  every goal (``edit_to_plot_ms_max``: the slowest edit).
- ``result_page_s``: Next on the last question until the first recommendation and its plots show.
- ``pdf_export_s``: File → Export PDF in the running wizard, the first export of the session
  (``pdf_export_warm_s``: later exports).
- ``gui_peak_rss_mb``: peak resident memory of the GUI process through the whole wizard run (each
  goal to a recommendation, the edits, the PDF exports).
- ``bundle_mb``: size of the PyInstaller one-folder bundle (``dist/gpu-planner/``), null when none.

Each figure is the median of ``--repeat`` fresh processes (``search_ms``: of in-process repeats).
Progress goes to stderr. Every child runs with a temporary user data and settings directory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One scenario per goal: the same flags drive the CLI figure and the in-process search figure.
GOALS = {
    "inference": ["--goal", "inference", "--model", "llama-3.1-70b", "--concurrency", "16"],
    "finetune": ["--goal", "finetune", "--model", "llama-3.1-8b", "--method", "lora", "--samples", "20000"],
    "cpt": ["--goal", "cpt", "--model", "qwen2.5-72b"],
    "scratch": ["--goal", "scratch", "--model", "llama-3.1-405b"],
}
# Harder searches (formerly benchmarks/plan_speed.py): several formats, nothing fits, over budget, late.
CASES = {
    "inference deepseek-v3 x256, 3 quants": ["--goal", "inference", "--model", "deepseek-v3", "--concurrency", "256",
                                             "--quant", "bf16,fp8,int4"],
    "finetune 70B full on 4 owned A6000 (no fit)": ["--goal", "finetune", "--model", "llama-3.1-70b", "--samples", "10000",
                                                    "--own", "rtx-a6000:4", "--deployment", "onprem", "--max-gpus", "4",
                                                    "--method", "full", "--seq-len", "4096"],
    "finetune 405B budget $1,000 (over)": ["--goal", "finetune", "--model", "llama-3.1-405b", "--samples", "1e5",
                                           "--budget", "1000", "--method", "full", "--seq-len", "4096"],
    "scratch 100B 30 days <=512 GPUs (late)": ["--goal", "scratch", "--params", "100B", "--deadline-days", "30",
                                               "--max-gpus", "512"],
    "scratch 405B 4 precisions": ["--goal", "scratch", "--model", "llama-3.1-405b", "--precision", "bf16,fp8,fp16,fp32"],
    "inference 70B 800 users, 20 tok/s, 1 s, N+1": ["--goal", "inference", "--model", "llama-3.1-70b", "--users", "800",
                                                    "--prompt-tokens", "1000", "--output-tokens", "500",
                                                    "--min-tokens-per-s", "20", "--max-ttft-s", "1", "--availability", "n+1"],
    "inference 8B first token 50 ms (unreachable)": ["--goal", "inference", "--model", "llama-3.1-8b", "--users", "20",
                                                     "--prompt-tokens", "100000", "--max-ttft-s", "0.05"],
}
# The wizard run: goal, catalog model, and two edits that change the plan (draft key, widget, values).
WIZARD = {
    "finetune": ("llama-3.1-8b", [("data", "epochs", (2.0, 1.0)), ("budget", "hours", (12.0, 24.0))]),
    "inference": ("llama-3.1-70b", [("data", "concurrency", (32, 16)), ("budget", "years", (5.0, 3.0))]),
    "cpt": ("llama-3.1-swallow-8b", [("budget", "deployment", ("cloud", "any")), ("budget", "pue", (1.2, 1.5))]),
    "scratch": ("llama-3.2-1b", [("budget", "max_gpus", (64, 16384)), ("budget", "hours", (12.0, 24.0))]),
}
HEAVY = ("pyqtgraph", "sqlmodel", "sqlalchemy", "numpy", "pydantic")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def child_env(tmp: Path, lang: str) -> dict:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", GPU_PLANNER_DATA_DIR=str(tmp / "userdata"),
               XDG_CONFIG_HOME=str(tmp / "config"), LANG="ja_JP.UTF-8" if lang == "ja" else "en_US.UTF-8",
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""), PYTHONDONTWRITEBYTECODE="")
    for var in ("LC_ALL", "LC_MESSAGES"):
        env.pop(var, None)
    return env


def run_child(mode: str, env: dict, extra: list[str] = (), timeout: float = 600) -> tuple[list[float], dict]:
    """Run this script as ``--child MODE``. Returns the wall clock from the start of the process to
    each line it printed, and the JSON of its last line.

    Each child gets a user data folder of its own: a child ends without closing its window, which
    leaves the plan's autosave behind, and the next start would (rightly) stop to offer it back."""
    import tempfile

    parent = Path(env["GPU_PLANNER_DATA_DIR"]).parent  # the run's temporary folder (child_env)
    env = {**env, "GPU_PLANNER_DATA_DIR": tempfile.mkdtemp(prefix="userdata-", dir=parent)}
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", mode, *extra], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    walls, last = [], ""
    for line in p.stdout:
        walls.append(time.perf_counter() - t0)
        last = line
    try:
        _, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        _, err = p.communicate()
    if p.returncode or not last.strip().startswith("{"):
        raise RuntimeError(f"child {mode} failed (exit {p.returncode}):\n{err[-3000:]}")
    return walls, json.loads(last)


# ----- children (fresh processes) ----------------------------------------------------------------

def _main_window(app):
    return next(w for w in app.topLevelWidgets() if w.inherits("QMainWindow"))


def _wait_for(cond, timeout_s: float = 60.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    if cond():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s

    def poll():
        if cond() or time.perf_counter() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()
    if not cond():
        raise TimeoutError("the wizard did not get there in time")


def _painted(widget) -> None:
    """Paint ``widget`` now, as the user will see it. One synchronous paint of the whole window:
    letting the event loop paint the changed parts first and then repainting everything counted
    the paint twice."""
    widget.repaint()


def _launch(script) -> None:
    """Start the app the way ``gpu-planner`` does; ``script(app)`` replaces the event loop."""
    from PySide6.QtWidgets import QApplication

    def exec_(*_a):
        return script(QApplication.instance())

    QApplication.exec = exec_
    from app.cli import main

    rc = main([])
    sys.stdout.flush()
    os._exit(rc)  # skip interpreter teardown: it is not part of any figure


def child_first_window() -> None:
    """Prints a line when the main window has been painted (on the event loop's next turn, as the
    user sees it), then a JSON line when every wizard page is built."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    seen = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.inherits("QMainWindow") \
                    and "heavy" not in seen:
                seen["heavy"] = [m for m in HEAVY if m in sys.modules]

                def painted():
                    seen["cpu_s"] = time.process_time()  # CPU of this process since it started
                    print("painted", flush=True)

                QTimer.singleShot(0, painted)
            return False

    def script(app):
        spy = FirstPaint()
        app.installEventFilter(spy)  # an application filter sees the paint before the window's own
        w = _main_window(app)
        _wait_for(lambda: "cpu_s" in seen and getattr(w.wizard, "ready", True))
        print(json.dumps({"heavy_modules_at_first_paint": seen["heavy"], "cpu_s_at_first_paint": seen["cpu_s"],
                          "heavy_modules_when_ready": [m for m in HEAVY if m in sys.modules]}), flush=True)
        return 0

    _launch(script)


def child_gui(goals: int) -> None:
    """The whole wizard: each goal (the first ``goals``) to a recommendation, edits on the way, PDF
    exports."""

    def script(app):
        import resource
        import threading

        from PySide6.QtTest import QTest

        from app.ui.wizard import PageId

        w = _main_window(app)
        _wait_for(lambda: getattr(w.wizard, "ready", True))
        # A user reads the first page for a second or more: let the background preload finish first.
        for t in threading.enumerate():
            if t.name.startswith("preload"):
                t.join(30)
        wiz, session = w.wizard, w.session
        w.maybe_save = lambda: True
        out = {"edit_ms": [], "pdf_s": [], "result_page_s": None}
        result_page = wiz.page_at(PageId.RESULT)
        pages = {"data": wiz.page_at(PageId.DATA), "budget": wiz.page_at(PageId.BUDGET)}

        def current():
            r = result_page.result
            return r is not None and r.generation == session.generation

        tmp = Path(tempfile.mkdtemp())
        for n, (goal, (model_id, edits)) in enumerate(list(WIZARD.items())[:goals]):
            if n:
                w.new_plan()
            _painted(w)
            wiz.page_at(PageId.GOAL).select(goal)
            wiz.next()
            wiz.page_at(PageId.MODEL).select_model(model_id)
            while wiz.currentId() != PageId.BUDGET:
                wiz.next()
            _painted(w)
            t0 = time.perf_counter()
            wiz.next()
            _wait_for(current)
            _painted(w)
            if out["result_page_s"] is None:
                out["result_page_s"] = time.perf_counter() - t0
            tabs = result_page.tabs
            tabs.setCurrentIndex(min(3, tabs.count() - 1))  # a plot is on screen while editing
            _painted(w)
            for page, attr, values in edits:
                widget = getattr(pages[page], attr)
                for v in values:
                    t0 = time.perf_counter()
                    if hasattr(widget, "findData"):
                        widget.setCurrentIndex(widget.findData(v))
                    else:
                        widget.setValue(v)
                    _wait_for(current)
                    _painted(w)
                    out["edit_ms"].append(1e3 * (time.perf_counter() - t0))
            # what-if: dragging the hours-per-day slider on the Sensitivity tab, one step at a time
            sens = getattr(result_page, "sensitivity", None)
            if sens is not None:
                tabs.setCurrentWidget(sens)
                _painted(w)
                for v in (20, 16, 12, 8):
                    t0 = time.perf_counter()
                    sens.hours.setValue(v)
                    _wait_for(current)
                    _painted(w)
                    out.setdefault("what_if_ms", []).append(1e3 * (time.perf_counter() - t0))
                sens.reset.click()
                _wait_for(current)
                tabs.setCurrentIndex(min(3, tabs.count() - 1))
            path = tmp / f"{goal}.pdf"
            t0 = time.perf_counter()
            if not w.export("pdf", str(path)):
                raise RuntimeError("PDF export failed")
            out["pdf_s"].append(time.perf_counter() - t0)
            QTest.qWait(1)
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out["heavy_modules"] = [m for m in HEAVY if m in sys.modules]
        print(json.dumps(out), flush=True)
        session.wait_idle()
        return 0

    _launch(script)


def child_search(repeat: int) -> None:
    from app.cli import build_parser, catalog, scenario_from_args
    from app.core.plan import plan

    gpus, offers = list(catalog().gpus()), list(catalog().offers())
    out = {}
    for name, args in {**GOALS, **CASES}.items():
        _request, s, _lang = scenario_from_args(build_parser().parse_args(["plan", *args]))
        plan(s, gpus, offers)  # warm-up: first-call caches are not the search
        times, cpus = [], []
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            plan(s, gpus, offers)
            times.append(1e3 * (time.perf_counter() - t0))
            cpus.append(1e3 * (time.process_time() - c0))
        out[name] = round(statistics.median(times), 2)
        out["cpu " + name] = round(statistics.median(cpus), 2)
    print(json.dumps(out), flush=True)


# ----- the parent ------------------------------------------------------------------------------

def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = None
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip() or None
    except OSError:
        commit = None
    return {"cpus": os.cpu_count(), "cpu": cpu or platform.processor(), "system": platform.platform(),
            "python": platform.python_version(), "pyside6": pyside, "commit": commit,
            "load_average_1m_at_start": round(os.getloadavg()[0], 2)}


def dir_mb(path: Path) -> float | None:
    if not path.is_dir():
        return None
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return round(total / 1e6, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="one run of each figure (CI: proves it works)")
    ap.add_argument("--repeat", type=int, help="fresh runs per figure (default 5; --quick: 1)")
    ap.add_argument("--lang", choices=["en", "ja"], default="en", help="language of the app under test")
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "gpu-planner",
                    help="PyInstaller one-folder bundle to measure (default dist/gpu-planner)")
    ap.add_argument("--only", metavar="PART[,PART]", default="window,cli,search,gui,bundle",
                    help="measure only these parts: window, cli, search, gui, bundle (default: all)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--search-repeat", type=int, default=7, help=argparse.SUPPRESS)
    ap.add_argument("--goals", type=int, default=len(WIZARD), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child == "first-window":
        return child_first_window()
    if a.child == "gui":
        return child_gui(a.goals)
    if a.child == "search":
        return child_search(a.search_repeat)

    repeat = a.repeat or (1 if a.quick else 5)
    parts = set(a.only.split(","))
    out: dict = {"quick": a.quick, "repeat": repeat, "lang": a.lang, "machine": machine()}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        env = child_env(tmp, a.lang)

        if "window" in parts:
            log(f"first window x{repeat}")
            first, cpu, ready, heavy = [], [], [], set()
            for _ in range(repeat):
                walls, doc = run_child("first-window", env)
                first.append(walls[0])
                cpu.append(doc["cpu_s_at_first_paint"])
                ready.append(walls[-1])
                heavy |= set(doc["heavy_modules_at_first_paint"])
            out["first_window_s"] = round(median(first), 3)
            out["first_window_cpu_s"] = round(median(cpu), 3)
            out["first_window_heavy_modules"] = sorted(heavy)
            out["wizard_ready_s"] = round(median(ready), 3)
        if "cli" in parts:
            log(f"plan --json x{repeat} per goal")
            by_goal, cpu_by_goal = {}, {}
            for goal, args in GOALS.items():
                times, cpus = [], []
                for _ in range(repeat):
                    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                    t0 = time.perf_counter()
                    subprocess.run([sys.executable, "-m", "app", "plan", *args, "--json"], cwd=ROOT, env=env,
                                   check=True, capture_output=True)
                    times.append(time.perf_counter() - t0)
                    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
                by_goal[goal] = round(median(times), 3)
                cpu_by_goal[goal] = round(median(cpus), 3)
            out["plan_cli_s"] = max(by_goal.values())
            out["plan_cli_s_by_goal"] = by_goal
            out["plan_cli_cpu_s"] = max(cpu_by_goal.values())
        if "search" in parts:
            log("search")
            _, doc = run_child("search", env, extra=["--search-repeat", str(3 if a.quick else 15)])
            out["search_ms"] = max(doc[g] for g in GOALS)
            out["search_ms_by_goal"] = {g: doc[g] for g in GOALS}
            out["search_ms_by_case"] = {c: doc[c] for c in CASES}
            out["search_cpu_ms"] = max(doc["cpu " + g] for g in GOALS)
        if "gui" in parts:
            gui(out, env, repeat, goals=2 if a.quick else len(WIZARD))
    if "bundle" in parts:
        out["bundle_mb"] = dir_mb(a.bundle)
        out["bundle_path"] = str(a.bundle) if out["bundle_mb"] is not None else None
    # Other processes on the machine slow every figure: a load above ~0.5 makes them unreliable.
    out["machine"]["load_average_1m_at_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(out, indent=2, ensure_ascii=False))


def gui(out: dict, env: dict, repeat: int, goals: int) -> None:
    log(f"wizard run x{repeat}")
    runs = [run_child("gui", env, extra=["--goals", str(goals)])[1] for _ in range(repeat)]
    edits = [e for r in runs for e in r["edit_ms"]]
    out["edit_to_plot_ms"] = round(median(edits), 1)
    out["edit_to_plot_ms_max"] = round(max(edits), 1)
    steps = [e for r in runs for e in r.get("what_if_ms", [])]
    if steps:
        out["what_if_step_ms"] = round(median(steps), 1)
        out["what_if_step_ms_max"] = round(max(steps), 1)
    out["result_page_s"] = round(median([r["result_page_s"] for r in runs]), 3)
    out["pdf_export_s"] = round(median([r["pdf_s"][0] for r in runs]), 3)
    warm = [s for r in runs for s in r["pdf_s"][1:]]
    out["pdf_export_warm_s"] = round(median(warm), 3) if warm else None
    out["gui_peak_rss_mb"] = round(median([r["peak_rss_mb"] for r in runs]), 1)


if __name__ == "__main__":
    main()

"""``gpu-planner --selftest``: does this installation work? Run by CI on the frozen bundle after every
build (tests/packaging/test_bundle.py) and by anyone checking an install.

It finds the bundled resources, loads the shipped catalog (read-only; the user's own catalog is not
read), plans one scenario per goal and draws each plan's PDF report into a temporary directory, the
languages taking turns (English, Japanese, English, Japanese), and checks each result. One line per step on stdout; the first failure is printed on stderr
as ``selftest: FAILED <step>: <reason>`` and the exit status is 1. Nothing is written outside the
temporary directory (or GPU_PLANNER_SELFTEST_DIR, which keeps the PDFs for a look). Without a display
(Linux without DISPLAY/WAYLAND_DISPLAY) Qt runs offscreen.

The PDF is drawn by the Qt layer (app.ui.report), imported only when that step runs: this module
itself imports no Qt (pyproject's import-linter contract).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.catalog.repository import Catalog
    from app.planning.outcome import PlanOutcome

MODEL = "llama-3.1-8b"
FONT_FILES = ("GPUPlannerSansJP-Regular.otf", "GPUPlannerSansJP-Bold.otf")
GOALS = ("inference", "finetune", "cpt", "scratch")
LANGS = ("en", "ja")  # each report in one of them, in turn: every goal's report and both languages drawn
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


class SelftestError(Exception):
    """A check failed; the message says what was expected and what was found."""


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise SelftestError(message)


def headless_if_no_display() -> None:
    """Qt aborts without a display unless told to draw offscreen (platform.md)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _Run:
    """State shared by the steps: the catalog, the plans and where the PDFs go."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.catalog: Catalog | None = None
        self.plans: dict[str, PlanOutcome] = {}  # goal -> PlanOutcome

    def resources(self) -> str:
        from app.i18n import messages_path, qm_path, qt_qm_path
        from app.paths import catalog_db_path, resource_dir

        res = resource_dir()
        needed = [catalog_db_path(), *(res / "fonts" / f for f in FONT_FILES), qm_path("ja"), qt_qm_path("ja"),
                  messages_path("ja"),
                  res / "icons" / "gpu-planner.png"]
        missing = [str(p) for p in needed if not p.is_file()]
        _check(not missing, "missing " + ", ".join(missing))
        where = "bundle" if getattr(sys, "frozen", False) else "source tree"
        return f"{len(needed)} files in the {where} at {res.parent}"

    def catalog_loads(self) -> str:
        from app.catalog.repository import Catalog

        # The shipped catalog alone: an overlay path that does not exist is never created by reading.
        self.catalog = cat = Catalog(overlay=self.workdir / "no-user-catalog.db")
        _check(not cat.problems, "; ".join(str(p) for p in cat.problems))
        counts = {kind: len(list(cat.entries(kind))) for kind in ("gpus", "models", "runs", "offers")}
        empty = [k for k, n in counts.items() if n == 0]
        _check(not empty, f"no {', '.join(empty)} in {cat.shipped_path}")
        _check(cat.model(MODEL) is not None, f"model {MODEL!r} is not in the catalog")
        return f"version {cat.version()}, " + ", ".join(f"{n} {k}" for k, n in counts.items())

    def plan(self, goal: str) -> str:
        from app.planning.outcome import build_outcome
        from app.planning.request import PlanRequest, to_scenario

        cat = self.catalog
        assert cat is not None  # the catalog step runs first
        samples = "10000" if goal == "finetune" else None
        scenario = to_scenario(PlanRequest(goal=goal, model=MODEL, samples=samples), cat)
        out = build_outcome(scenario, cat)
        result = out.plan
        _check(bool(result.options), f"no option for {goal} with {MODEL} (verdict {result.verdict.code})")
        self.plans[goal] = out
        best = result.options[0]
        return f"{MODEL}: {len(result.options)} options, first {best.gpu_count} x {best.gpu}"

    def qt(self) -> str:
        from app.fonts import load_app_fonts
        from app.i18n import set_language
        from app.ui.report.pdf import ensure_gui_app

        app = ensure_gui_app()
        _check(load_app_fonts(), "the Japanese font in resources/fonts could not be loaded by Qt")
        try:
            _check(set_language("ja"), "the Japanese translation (.qm) could not be loaded by Qt")
        finally:
            set_language("en")
        return f"platform {app.platformName()}, font and ja translation loaded"

    def pdf(self, goal: str, lang: str) -> str:
        from app.fonts import FAMILY
        from app.present.html import to_html
        from app.present.report import build_report
        from app.ui.report.pdf import write_pdf

        report = build_report(self.plans[goal], f"selftest {goal}", lang)
        if lang == "ja":
            _check(bool(JAPANESE.search(to_html(report, FAMILY))), "the Japanese report has no Japanese text")
        path = self.workdir / f"selftest-{goal}-{lang}.pdf"
        pages = write_pdf(report, path)
        data = path.read_bytes() if path.is_file() else b""
        _check(data.startswith(b"%PDF") and pages >= 1, f"{path} is not a PDF ({len(data)} bytes, {pages} pages)")
        _check(b"GPUPlannerSansJP" in data, f"{path} does not embed the bundled font")
        return f"{pages} pages, {len(data) // 1024} KB"

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        out: list[tuple[str, Callable[[], str]]] = [("resources", self.resources), ("catalog", self.catalog_loads)]
        out += [(f"plan {g}", partial(self.plan, g)) for g in GOALS]
        out += [("qt", self.qt)]
        pairs = [(g, LANGS[i % len(LANGS)]) for i, g in enumerate(GOALS)]
        out += [(f"pdf {g} {lang}", partial(self.pdf, g, lang)) for g, lang in pairs]
        return out


def run(workdir: Path | None = None) -> int:
    """Run every step; 0 when all pass. ``workdir`` (or GPU_PLANNER_SELFTEST_DIR) keeps the PDFs;
    by default they go to a temporary directory, removed afterwards."""
    headless_if_no_display()
    start = time.perf_counter()
    env_dir = os.environ.get("GPU_PLANNER_SELFTEST_DIR")
    workdir = workdir or (Path(env_dir) if env_dir else None)
    with tempfile.TemporaryDirectory(prefix="gpu-planner-selftest-") as tmp:
        if workdir:
            Path(workdir).mkdir(parents=True, exist_ok=True)
        r = _Run(Path(workdir) if workdir else Path(tmp))
        for name, step in r.steps():
            t0 = time.perf_counter()
            try:
                detail = step()
            except Exception as e:  # noqa: BLE001 - every failure is reported the same way
                reason = str(e) if isinstance(e, SelftestError) else f"{type(e).__name__}: {e}"
                print(f"selftest: FAILED {name}: {reason}", file=sys.stderr, flush=True)
                return 1
            print(f"selftest: ok {name}: {detail} ({time.perf_counter() - t0:.1f} s)", flush=True)
    print(f"selftest: passed in {time.perf_counter() - start:.1f} s", flush=True)
    return 0

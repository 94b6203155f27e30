"""Backtest: GPU-hours predicted by the default utilisation model against published runs.

For each run with parameters, tokens, a catalog accelerator and a GPU count, the planner evaluates
that exact configuration (scratch goal, the run's tokens, FP8 when the run used it) with the default
MFU model, never the run's own utilisation. The result is compared with the reported GPU-hours (or
GPU count x days x 24 when only those are published). Error = predicted / reported - 1.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from pydantic import BaseModel, Field

from app.core.evaluate import evaluate
from app.core.scenario import Goal, Scenario
from app.core.specs import GpuSpec, ModelSpec, TrainingRun, model_from_params

BASES = ("reported", "derived", "estimate")
NOMINAL_GPU_COUNT = 1024


class BacktestRow(BaseModel):
    run: str
    name: str
    gpu: str | None = None
    gpu_count: int | None = None
    gpu_count_assumed: bool = False  # the run did not publish its GPU count; NOMINAL_GPU_COUNT was used
    params_active: float | None = None
    tokens: float | None = None
    precision: str = ""
    reported_gpu_hours: float | None = None
    basis: str | None = None  # reported | derived | estimate: how the compared GPU-hours were obtained
    predicted_gpu_hours: float | None = None
    predicted_gpu_hours_range: tuple[float, float] | None = None
    predicted_mfu: float | None = None
    implied_mfu: float | None = None  # 6·N·D over the reported GPU-hours at the dense peak
    error: float | None = None
    within_range: bool | None = None
    skipped: str | None = None  # code: no_params, no_tokens, no_gpu, no_gpu_count, no_gpu_hours


class BacktestSummary(BaseModel):
    basis: str
    runs: int
    median_abs_error: float | None = None
    median_error: float | None = None
    worst_run: str | None = None
    worst_error: float | None = None
    within_range: int = 0


class Backtest(BaseModel):
    rows: list[BacktestRow] = Field(default_factory=list)
    summaries: list[BacktestSummary] = Field(default_factory=list)


def _reported_hours(run: TrainingRun) -> tuple[float | None, str | None]:
    if run.gpu_hours:
        return run.gpu_hours, run.status_of("gpu_hours") or "reported"
    if run.gpu_count and run.days:
        parts = (run.status_of("gpu_count") or "reported", run.status_of("days") or "reported")
        basis = "estimate" if "estimate" in parts else "derived"
        return run.gpu_count * run.days * 24.0, basis
    return None, None


def _precision(run: TrainingRun, gpu: GpuSpec) -> str:
    p = run.precision.lower()
    if "fp8" in p and gpu.peak_flops_fp8:
        return "fp8"
    if "bf16" not in p and "fp16" in p:
        return "fp16"
    return "bf16"


def predict(run: TrainingRun, gpu: GpuSpec, model: ModelSpec | None = None) -> BacktestRow:
    hours, basis = _reported_hours(run)
    row = BacktestRow(run=run.id, name=run.name, gpu=run.gpu, gpu_count=run.gpu_count,
                      params_active=run.params_active or run.params_total, tokens=run.tokens,
                      reported_gpu_hours=hours, basis=basis)
    count, assumed = run.gpu_count, False
    if count is None and run.gpu_hours and run.days:
        count = max(1, round(run.gpu_hours / (run.days * 24.0)))
    if count is None:
        # Model cards often give GPU-hours but not the GPU count. GPU-hours depend on the count only
        # through the layout (multi-node data parallelism, TP/PP); a cluster-scale count stands in.
        count, assumed = NOMINAL_GPU_COUNT, True
    if model is None:
        if not run.params_total:
            return row.model_copy(update={"skipped": "no_params"})
        model = model_from_params(run.params_total, run.params_active)
    if not run.tokens:
        return row.model_copy(update={"skipped": "no_tokens"})
    if hours is None:
        return row.model_copy(update={"skipped": "no_gpu_hours"})
    precision = _precision(run, gpu)
    s = Scenario(goal=Goal.SCRATCH, model=model, tokens=run.tokens, gpu_id=gpu.id, gpu_count=count,
                 precision=precision, max_gpus=max(count, 1))
    o = evaluate(s, gpu, count)
    fast, slow = o.duration_s_range
    lo, hi = fast * count / 3600.0, slow * count / 3600.0
    model_flops = 6.0 * model.params_active * run.tokens
    peak = gpu.peak_flops(precision) or gpu.peak_flops_bf16
    return row.model_copy(update={
        "gpu_count": count, "gpu_count_assumed": assumed, "precision": precision, "params_active": model.params_active,
        "predicted_gpu_hours": o.gpu_hours, "predicted_gpu_hours_range": (lo, hi),
        "predicted_mfu": o.mfu, "implied_mfu": model_flops / (hours * 3600.0 * peak),
        "error": o.gpu_hours / hours - 1.0, "within_range": lo <= hours <= hi,
    })


def summarise(rows: list[BacktestRow], basis: str, bases: tuple[str, ...]) -> BacktestSummary:
    done = [(r, r.error) for r in rows if r.error is not None and r.basis in bases]
    if not done:
        return BacktestSummary(basis=basis, runs=0)
    worst, worst_error = max(done, key=lambda d: abs(d[1]))
    return BacktestSummary(
        basis=basis, runs=len(done),
        median_abs_error=statistics.median(abs(e) for _, e in done),
        median_error=statistics.median(e for _, e in done),
        worst_run=worst.run, worst_error=worst_error,
        within_range=sum(1 for r, _ in done if r.within_range),
    )


def backtest(runs: Sequence[TrainingRun], gpus: Sequence[GpuSpec], models: Sequence[ModelSpec] = ()) -> Backtest:
    """Predict every run that has enough data; summarise by how the compared figure was obtained."""
    by_gpu = {g.id: g for g in gpus}
    by_model = {m.id: m for m in models}
    rows = []
    for run in runs:
        gpu = by_gpu.get(run.gpu or "")
        if gpu is None:
            hours, basis = _reported_hours(run)
            rows.append(BacktestRow(run=run.id, name=run.name, gpu=run.gpu, gpu_count=run.gpu_count,
                                    params_active=run.params_active or run.params_total, tokens=run.tokens,
                                    reported_gpu_hours=hours, basis=basis, skipped="no_gpu"))
            continue
        rows.append(predict(run, gpu, by_model.get(run.model or "")))
    summaries = [
        summarise(rows, "reported", ("reported",)),
        summarise(rows, "reported+derived", ("reported", "derived")),
        summarise(rows, "estimate", ("estimate",)),
        summarise(rows, "all", BASES),
    ]
    return Backtest(rows=rows, summaries=summaries)

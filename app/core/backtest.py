"""Backtest: GPU-hours predicted by the utilisation model against published runs, out of sample.

For each run with parameters, tokens, a catalog accelerator and a GPU count, the planner evaluates
that exact configuration (scratch goal, the run's tokens, FP8 when the run used it) and picks its
layout; the run's GPU-hours are then predicted with the constants of the cross-validation fold that
left the run out (app.core.utilisation_fit.FOLDS, fitted by tools/fit_utilisation.py), never with a
fit that saw it. The result is compared with the reported GPU-hours (or GPU count x days x 24 when
only those are published). Error = predicted / reported - 1. Summaries: by how the compared figure
was obtained, then (reported and derived runs) by GPU family, size band and precision.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import replace

from pydantic import BaseModel, Field

from app.core import utilisation_fit as FIT
from app.core.calibration import NOMINAL_GPU_COUNT, Case, fold_of, predicted_time_ratio, reported_hours, run_precision, size_band
from app.core.evaluate import evaluate
from app.core.layouts import Layout
from app.core.scenario import Goal, Scenario
from app.core.specs import GpuSpec, ModelSpec, TrainingRun, model_from_params
from app.core.utilisation import Params, family

BASES = ("reported", "derived", "estimate")


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
    fold: int | None = None  # the cross-validation fold whose constants predicted it (fitted without it)
    family: str | None = None  # GPU family (app.core.utilisation.family)
    size_band: str | None = None


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


def predict(run: TrainingRun, gpu: GpuSpec, model: ModelSpec | None = None) -> BacktestRow:
    hours, basis = reported_hours(run)
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
    precision = run_precision(run, gpu)
    s = Scenario(goal=Goal.SCRATCH, model=model, tokens=run.tokens, gpu_id=gpu.id, gpu_count=count,
                 precision=precision, max_gpus=max(count, 1))
    o = evaluate(s, gpu, count)
    par = o.parallelism
    case = Case(run.id, s, gpu, count, Layout(tp=par.tp, pp=par.pp, dp=par.dp, cp=par.cp, ep=par.ep, zero=par.zero_stage),
                "gpu_hours", hours)
    # out of sample: the constants fitted without this run's fold (app.core.utilisation_fit)
    fold = fold_of(run.id, FIT.K)
    params = replace(Params.registry(), **FIT.FOLDS[fold]) if FIT.FOLDS else Params.registry()
    predicted = predicted_time_ratio(case, params) * hours
    lo, hi = predicted * FIT.RANGE[0], predicted * FIT.RANGE[1]
    model_flops = 6.0 * model.params_active * run.tokens
    peak = gpu.peak_flops(precision) or gpu.peak_flops_bf16
    return row.model_copy(update={
        "gpu_count": count, "gpu_count_assumed": assumed, "precision": precision, "params_active": model.params_active,
        "predicted_gpu_hours": predicted, "predicted_gpu_hours_range": (lo, hi),
        "predicted_mfu": model_flops / (predicted * 3600.0 * peak), "implied_mfu": model_flops / (hours * 3600.0 * peak),
        "error": predicted / hours - 1.0, "within_range": lo <= hours <= hi, "fold": fold,
        "family": family(gpu), "size_band": size_band(model.params_active),
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
            hours, basis = reported_hours(run)
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
    done = [r for r in rows if r.error is not None and r.basis in ("reported", "derived")]
    for key in ("family", "size_band", "precision"):
        for v in sorted({str(getattr(r, key)) for r in done}):
            summaries.append(summarise([r for r in done if str(getattr(r, key)) == v], f"{key}:{v}", ("reported", "derived")))
    return Backtest(rows=rows, summaries=summaries)

"""What can I do with what I have: for GPUs the user owns, a table per goal of which model sizes are
feasible and how long they take (the seed article's §9 tables, generated from the model).

Rows use Llama-shaped architectures estimated from the parameter count (``model_from_params``), so
they read as "a dense model of this size". Marks follow the seed's table: ``ok`` fits and finishes
within ``good_days`` (90 days: "three months"), ``slow`` fits but takes up to ``max_days`` (a year),
``no`` does not fit or takes longer. Inference is ``ok`` when it fits.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.core import assumptions as A
from app.core.evaluate import evaluate
from app.core.results import Parallelism
from app.core.scenario import Goal, Method, Scenario
from app.core.specs import GpuSpec, model_from_params

SIZES = (1e9, 3e9, 7e9, 13e9, 30e9, 70e9, 100e9, 180e9, 405e9)
FINETUNE_TOKENS = 1e8  # a fine-tuning job of 100M tokens (e.g. 50K samples x 2,048 tokens), stated
GOOD_DAYS = A.value("target_days")
MAX_DAYS = 365.0


class CapacityRow(BaseModel):
    goal: str
    variant: str  # quant for inference, method for fine-tuning, "" otherwise
    params: float
    tokens: float = 0.0
    fits: bool
    mark: str  # ok | slow | no
    job_s: float | None = None
    decode_tokens_per_s: float | None = None
    memory_per_gpu_bytes: float = 0.0
    parallelism: Parallelism = Parallelism()
    findings: list[str] = []


def _mark(fits: bool, days: float | None) -> str:
    if not fits:
        return "no"
    if days is None or days <= GOOD_DAYS:
        return "ok"
    return "slow" if days <= MAX_DAYS else "no"


def capacity(gpu: GpuSpec, count: int, sizes: tuple[float, ...] = SIZES, **scenario: Any) -> list[CapacityRow]:
    """Every goal x size (x quant or method) on ``count`` x ``gpu``; scenario fields pass through."""
    rows: list[CapacityRow] = []
    cases: list[tuple[Goal, str, dict[str, Any]]] = []
    for q in ("bf16", "int8", "int4"):
        cases.append((Goal.INFERENCE, q, {"quant": q}))
    for m in (Method.QLORA, Method.LORA, Method.FULL):
        cases.append((Goal.FINETUNE, m.value, {"method": m, "tokens": FINETUNE_TOKENS}))
    cases.append((Goal.CPT, "", {}))
    cases.append((Goal.SCRATCH, "", {}))
    for goal, variant, kw in cases:
        for p in sizes:
            s = Scenario(goal=goal, model=model_from_params(p), gpu_id=gpu.id, gpu_count=count,
                         **{**scenario, **kw})
            o = evaluate(s, gpu, count)
            training = goal != Goal.INFERENCE
            days = o.job_s / 86400.0 if o.job_s is not None else None
            rows.append(CapacityRow(
                goal=goal.value, variant=variant, params=p,
                tokens=o.throughput_tokens_per_s * o.job_s if o.job_s is not None else 0.0,
                fits=o.fits, mark=_mark(o.fits, days), job_s=o.job_s,
                decode_tokens_per_s=o.decode_tokens_per_s if not training else None,
                memory_per_gpu_bytes=o.memory_per_gpu_bytes, parallelism=o.parallelism,
                findings=[f.code for f in o.findings if f.severity != "info"],
            ))
    return rows

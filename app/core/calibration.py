"""Published throughput against the utilisation model: the rows, their prediction, the fit and the
cross-validation (issue 17).

A calibration row is one published measurement of a training setup (model, accelerator, GPU count,
precision, layout, batch) and what was measured: tokens/s per GPU, TFLOP/s per GPU, MFU or step time.
Each is predicted with ``app.core.utilisation`` and compared as *time*: error = predicted time /
published time - 1 (positive: the planner is too slow, i.e. pessimistic), the sign the backtest of
published runs uses too.

Cross-validation: every row belongs to one of K folds (a hash of its id, so adding a row never moves
the others); the constants used to predict a row are fitted without its fold. The fit minimises the
soft-L1 loss of the log time errors with Nelder-Mead (app.core.fit).
"""

from __future__ import annotations

import math
import statistics
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from app.core.fit import nelder_mead
from app.core.layouts import Layout
from app.core.scenario import Goal, Scenario
from app.core.specs import GpuSpec, Measurement, ModelSpec, TrainingRun, model_from_architecture, model_from_params
from app.core.utilisation import FITTED, Params, family, utilisation
from app.core.workload import flops_per_token

# starting values and priors: H100-class HFU ~0.5 (Llama 3: 38-43% MFU on 16K H100s), A100 a little
# higher (MAMF 0.869 vs 0.803), FP8 ~0.6 of its doubled peak, LoRA/QLoRA slower kernels
PRIOR = Params(base_a100=0.55, base_hopper=0.5, base_blackwell=0.45, base_amd=0.35, base_gaudi=0.4, base_tpu=0.5,
               base_workstation=0.45, width_half=1024.0, fp8_te=0.65, fp8_other=0.55, moe=0.7, lora=0.8, qlora=0.5,
               overlap=0.8, tp_overlap=0.3, ep_overlap=0.3, goodput=0.8)

METRICS = ("tokens_per_s_per_gpu", "tokens_per_s_total", "tflops_per_gpu", "mfu", "step_time_s", "gpu_hours")
BASES = ("6nd", "6nd_attn6", "6nd_attn12", "megatron_hfu", "hardware")


@dataclass(frozen=True)
class Case:
    """One row ready to predict: the scenario, the accelerator and count, the layout, and what to
    compare (``metric``, ``value``, the FLOP ``basis`` of a TFLOP/s or MFU figure)."""

    id: str
    scenario: Scenario
    gpu: GpuSpec
    count: int
    layout: Layout
    metric: str
    value: float
    basis: str = "6nd"
    group: dict[str, str] = field(default_factory=dict)  # family, size band, precision, kind


def fold_of(row_id: str, k: int) -> int:
    return zlib.crc32(row_id.encode()) % k


def _model(row: dict[str, str], models: dict[str, ModelSpec]) -> ModelSpec:
    if row.get("model"):
        m = models.get(row["model"])
        if m is None:
            raise ValueError(f"{row['id']}: unknown model {row['model']}")
        return m
    kw: dict[str, int | bool] = {k: int(float(row[k])) for k in ("layers", "hidden", "heads", "kv_heads", "ffn", "vocab") if row.get(k)}
    if row.get("experts"):
        kw["num_experts"] = int(row["experts"])
        kw["experts_per_token"] = int(row.get("experts_per_token") or 1)
    gated = model_from_architecture(**kw)  # type: ignore[arg-type]
    published = _count(row.get("params_total", ""))
    if published and row.get("ffn"):  # GPT, MPT and BLOOM have a plain 4h MLP: take the FFN that matches the size
        plain = model_from_architecture(**kw, gated_ffn=False)  # type: ignore[arg-type]
        if abs(plain.params_total - published) < abs(gated.params_total - published):
            return plain
    return gated


def _count(text: str) -> float:
    """``176000000000``, ``1.7B``, ``350M`` -> a number (0 when empty)."""
    t = text.strip().upper()
    if not t:
        return 0.0
    mult = {"B": 1e9, "M": 1e6, "T": 1e12}.get(t[-1], 1.0)
    return float(t[:-1] if mult != 1.0 else t) * mult


def _int(row: dict[str, str], key: str, default: int = 1) -> int:
    v = row.get(key) or ""
    return int(float(v)) if v.strip() else default


def size_band(params_active: float) -> str:
    return "<3B" if params_active < 3e9 else "3-20B" if params_active < 20e9 else "20-100B" if params_active < 100e9 else ">100B"


def case_of(row: dict[str, str], models: dict[str, ModelSpec], gpus: dict[str, GpuSpec]) -> Case:
    """A CSV row (tests/data/throughput_training.csv) as a Case."""
    m = _model(row, models)
    gpu = gpus[row["gpu"]]
    count = _int(row, "gpu_count")
    tp, pp, cp, ep = _int(row, "tp"), _int(row, "pp"), _int(row, "cp"), _int(row, "ep")
    dp = _int(row, "dp", 0) or max(count // (tp * pp * cp), 1)
    method = row.get("method") or "pretrain"
    kw: dict[str, object] = dict(model=m, precision=row.get("precision") or "bf16", seq_len=_int(row, "seq_len", 2048),
                                 micro_batch=_int(row, "micro_batch"), vpp=_int(row, "vpp"))
    if row.get("stack"):
        kw["stack"] = row["stack"]
    if method == "pretrain":
        kw.update(goal=Goal.SCRATCH, tokens=1e12)
    else:
        kw.update(goal=Goal.FINETUNE, tokens=1e9, method=method)
        if method != "full" and row.get("lora_rank"):
            kw["lora_rank"] = int(row["lora_rank"])
    if row.get("recompute"):
        kw["recompute"] = row["recompute"]
    if row.get("global_batch_seqs"):
        kw["global_batch"] = int(float(row["global_batch_seqs"]))
    s = Scenario(**kw)
    zero = _int(row, "zero", 1 if dp > 1 else 0)
    lay = Layout(tp=tp, pp=pp, dp=dp, cp=cp, ep=ep, zero=zero)
    group = {"family": family(gpu), "size": size_band(m.params_active), "precision": s.precision,
             "kind": "pretrain" if method == "pretrain" else method}
    group["source"] = row.get("group", "")
    group["exclude"] = row.get("exclude", "")
    return Case(row["id"], s, gpu, count, lay, row["metric"], float(row["value"]), row.get("basis") or "6nd", group)


def predicted_time_ratio(c: Case, p: Params) -> float:
    """Predicted / published time for the same work (the row's error + 1)."""
    u = utilisation(c.scenario, c.gpu, c.count, c.layout, p)
    model_f, hw_f = flops_per_token(c.scenario)
    tokens_per_s_gpu = u.hfu * (c.gpu.peak_flops(c.scenario.precision) or c.gpu.peak_flops_bf16) / hw_f
    if c.metric == "step_time_s":
        return u.step_s / c.value
    if c.metric == "gpu_hours":  # a published run: its tokens over the predicted rate
        return (c.scenario.tokens or 0.0) / (tokens_per_s_gpu * p.goodput * 3600.0) / c.value
    if c.metric == "tokens_per_s_per_gpu":
        return c.value / tokens_per_s_gpu
    if c.metric == "tokens_per_s_total":
        return c.value / (tokens_per_s_gpu * c.count)
    m = c.scenario.model
    attn = m.layers * c.scenario.training_seq_len * m.heads * m.head_dim  # L s d_attn
    per_token = {"6nd": model_f, "6nd_attn6": 6.0 * m.params_active + 6.0 * attn,
                 "6nd_attn12": 6.0 * m.params_active + 12.0 * attn,  # PaLM, Megatron, NeMo, llm-foundry: non-causal
                 "megatron_hfu": 8.0 * m.params_active + 16.0 * attn,  # Narayanan et al. 2021 eq. 3 (recompute)
                 "hardware": hw_f}[c.basis]
    peak = c.gpu.peak_flops(c.scenario.precision) or c.gpu.peak_flops_bf16
    if c.metric == "tflops_per_gpu":
        return c.value * 1e12 / (per_token * tokens_per_s_gpu)
    if c.metric == "mfu":
        return c.value * peak / (per_token * tokens_per_s_gpu)
    raise ValueError(c.metric)


def _soft_l1(x: float) -> float:
    return 2.0 * (math.sqrt(1.0 + (x / 0.15) ** 2) - 1.0)


def objective(cases: Sequence[Case], extra: Sequence[Callable[[Params], float]] = ()) -> Callable[[list[float]], float]:
    base = Params.registry()

    def f(x: list[float]) -> float:
        if any(v <= 0 for v in x):
            return 1e9
        p = replace(base, **dict(zip(FITTED, x, strict=True)))
        bases = (p.base_a100, p.base_hopper, p.base_blackwell, p.base_amd, p.base_gaudi, p.base_tpu, p.base_workstation)
        if max(bases) > 0.95:  # no kernel runs above the best matmul a GPU achieves (MAMF <= ~0.9)
            return 1e9
        if max(p.overlap, p.tp_overlap, p.ep_overlap, p.goodput) > 1.0 or max(p.fp8_te, p.fp8_other, p.moe, p.lora, p.qlora) > 1.2:
            return 1e9
        total = 0.0
        for c in cases:
            total += _soft_l1(math.log(predicted_time_ratio(c, p)))
        for g in extra:
            total += _soft_l1(math.log(g(p)))
        # weak priors (a factor of 2 costs as much as one row 15% off): constants few rows inform stay
        # near the physical starting values instead of running off
        for k, v in zip(FITTED, x, strict=True):
            total += (math.log(v / getattr(PRIOR, k)) / math.log(2.0)) ** 2 * 0.14
        return total

    return f


def fit(cases: Sequence[Case], extra: Sequence[Callable[[Params], float]] = (), start: Params | None = None,
        iterations: int = 4000) -> Params:
    p0 = start or Params.registry()
    x0 = [getattr(p0, k) for k in FITTED]
    step = [0.1 * v for v in x0]
    best, _ = nelder_mead(objective(cases, extra), x0, step, iterations)
    # restart once from the optimum (Nelder-Mead can stall on a degenerate simplex)
    best, _ = nelder_mead(objective(cases, extra), best, [0.05 * v for v in best], iterations)
    return replace(p0, **dict(zip(FITTED, best, strict=True)))


def summary(errors: Sequence[float]) -> dict[str, float]:
    a = [abs(e) for e in errors]
    return {"rows": float(len(a)), "median_abs_error": statistics.median(a) if a else math.nan,
            "median_error": statistics.median(errors) if errors else math.nan}


NOMINAL_GPU_COUNT = 1024


def reported_hours(run: TrainingRun) -> tuple[float | None, str | None]:
    if run.gpu_hours:
        return run.gpu_hours, run.status_of("gpu_hours") or "reported"
    if run.gpu_count and run.days:
        parts = (run.status_of("gpu_count") or "reported", run.status_of("days") or "reported")
        basis = "estimate" if "estimate" in parts else "derived"
        return run.gpu_count * run.days * 24.0, basis
    return None, None


def run_precision(run: TrainingRun, gpu: GpuSpec) -> str:
    p = run.precision.lower()
    if "fp8" in p and gpu.peak_flops_fp8:
        return "fp8"
    if "bf16" not in p and "fp16" in p:
        return "fp16"
    return "bf16"


def run_case(run: TrainingRun, gpu: GpuSpec, model: ModelSpec | None = None) -> Case | None:
    """A published run (catalog runs.csv) as a Case on its GPU-hours, on the layout the planner
    would pick for it; None when the run lacks what a prediction needs."""
    from app.core.evaluate import evaluate

    hours, basis = reported_hours(run)
    if hours is None or not run.tokens or not (model or run.params_total):
        return None
    count = run.gpu_count
    if count is None and run.gpu_hours and run.days:
        count = max(1, round(run.gpu_hours / (run.days * 24.0)))
    count = count or NOMINAL_GPU_COUNT
    m = model or model_from_params(run.params_total or 0.0, run.params_active)
    precision = run_precision(run, gpu)
    s = Scenario(goal=Goal.SCRATCH, model=m, tokens=run.tokens, gpu_id=gpu.id, gpu_count=count,
                 precision=precision, max_gpus=max(count, 1))
    o = evaluate(s, gpu, count)
    par = o.parallelism
    lay = Layout(tp=par.tp, pp=par.pp, dp=par.dp, cp=par.cp, ep=par.ep, zero=par.zero_stage)
    group = {"family": family(gpu), "size": size_band(m.params_active), "precision": precision,
             "kind": "run", "basis": basis or ""}
    return Case(run.id, s, gpu, count, lay, "gpu_hours", hours, "6nd", group)


# ----- decode (serving) ----------------------------------------------------------------------------
DECODE_MODELS = {"llama-3-8b": "llama-3.1-8b", "llama-3-70b": "llama-3.1-70b"}  # same shapes (torchtune builders)
DECODE_FORMATS = {"gptq-int4": "int4", "awq-int4": "int4", "gptq-int8": "int8"}


@dataclass(frozen=True)
class DecodeCase:
    """One published single-stream decode speed: the serving scenario, the GPU and layout, and the
    measured tokens/s per sequence."""

    id: str
    scenario: Scenario
    gpu: GpuSpec
    layout: Layout
    value: float
    family: str
    group: dict[str, str] = field(default_factory=dict)
    metric: str = "decode_tokens_per_s_per_seq"  # | prefill_tokens_per_s | ttft_s


def decode_case(row: dict[str, str], models: dict[str, ModelSpec], gpus: dict[str, GpuSpec]) -> DecodeCase:
    """A row of tests/data/throughput_decode.csv. The context during decoding averages the prompt and
    half the output; llama.cpp on several GPUs splits by layers (a pipeline run one stage at a time),
    vLLM by tensor parallelism."""
    from app.core.throughput import kernel_family

    m = models[DECODE_MODELS.get(row["model"], row["model"])]
    fmt = DECODE_FORMATS.get(row["weight_format"], row["weight_format"])
    n = _int(row, "gpu_count")
    prompt, out = _int(row, "prompt_tokens", 0), max(_int(row, "output_tokens", 1), 1)
    ctx = max(prompt + out // 2, 1) if row["metric"] == "decode_tokens_per_s_per_seq" else prompt + out
    engine = "llama.cpp" if row["engine"] == "llama.cpp" else "vllm"
    s = Scenario(goal=Goal.INFERENCE, model=m, quant=fmt, context=ctx, concurrency=max(_int(row, "concurrency"), 1),
                 output_tokens=min(out, ctx), engine=engine)
    lay = Layout(pp=n) if (engine == "llama.cpp" and n > 1) else Layout(tp=n)
    fam = kernel_family(s)
    return DecodeCase(row["id"], s, gpus[row["gpu"]], lay, float(row["value"]), fam,
                      {"family": fam, "gpu": row["gpu"], "engine": engine, "exclude": row.get("exclude", "")}, row["metric"])


def decode_ratio(c: DecodeCase, decode: dict[str, float]) -> float:
    """Predicted / published time: per generated token (decode only: the benchmarks time generation),
    per prompt token (prefill rows), or to the first token (TTFT rows)."""
    from app.core.throughput import decode_bytes, inference_speed

    s = c.scenario
    # a layer split (pipeline) at batch 1 runs its stages in turn: one token reads every stage's
    # weights, which decode_bytes counts in full
    sp = inference_speed(s, c.gpu, c.layout, read=decode_bytes(s, c.layout), decode=decode, include_prefill=False)
    if c.metric == "prefill_tokens_per_s":
        return c.value / sp.prefill_tokens_per_s
    if c.metric == "ttft_s":
        return sp.ttft_s / c.value
    return c.value / sp.decode_tokens_per_s


# ----- the user's own measurements ---------------------------------------------------------------
def measurement_scenario(m: Measurement, model: ModelSpec) -> Scenario:
    goal = Goal.SCRATCH if m.method == "pretrain" else Goal.FINETUNE
    kw: dict[str, object] = dict(goal=goal, model=model, stack=m.stack, precision=m.precision, seq_len=m.seq_len,
                                 gpu_id=m.gpu, gpu_count=m.gpu_count, tokens=1e10)
    if goal == Goal.FINETUNE:
        kw["method"] = m.method
    return Scenario(**kw)


def predicted_rate(m: Measurement, model: ModelSpec, gpu: GpuSpec) -> float:
    """The planner's tokens/s per GPU for the measured setup, on the layout it would pick, while
    training (the measured figure is a steady-state rate, so the job's goodput is left out)."""
    from app.core.evaluate import evaluate
    from app.core.throughput import PARAMS

    o = evaluate(measurement_scenario(m, model), gpu, m.gpu_count)
    return o.throughput_tokens_per_s / m.gpu_count / PARAMS.goodput


def calibration_factors(measurements: Sequence[Measurement], models: dict[str, ModelSpec],
                        gpus: dict[str, GpuSpec]) -> dict[str, float]:
    """"gpu/stack" -> the median of measured / predicted over the user's runs on that GPU and stack."""
    ratios: dict[str, list[float]] = {}
    for m in measurements:
        model, gpu = models.get(m.model), gpus.get(m.gpu)
        if model is None or gpu is None:
            continue
        ratios.setdefault(f"{m.gpu}/{m.stack}", []).append(m.tokens_per_s_per_gpu / predicted_rate(m, model, gpu))
    return {k: statistics.median(v) for k, v in ratios.items()}

"""Utilisation, and the time a job or a request takes.

Training: wall clock = hardware FLOPs / (GPUs x dense peak at the precision x hardware utilisation).
The utilisation of a layout comes from the calibrated step model (app.core.utilisation: kernel
efficiency of the GPU family, width, FP8, MoE, LoRA; communication that compute cannot hide; the
pipeline bubble; the global batch), times the goodput of a real job and the user's own measured runs
on that GPU and stack (gpu-planner calibrate); ``--mfu`` replaces it. MFU is quoted against 6·N·D,
HFU against the hardware FLOPs. The stated range is the spread of the out-of-sample errors on
published runs (registry time_range_low/high). Constants and errors: docs/time.md.

Serving: decode is memory-bandwidth bound at small batch: each step reads the weights the batch
visits and every sequence's KV cache, at the bandwidth utilisation of the weight format's kernel
family (GGUF, 4-bit AWQ/GPTQ, dense 16/8-bit) plus a fixed time per token; prefill is compute bound
(2 N_active FLOPs per token at the family's share of the peak, scaled by the GPU's MAMF), the first
token adds a fixed time, and prefill shares the GPU with decoding. All fitted on published rows
(tests/data/throughput_decode.csv). Databricks' "LLM Inference Performance Engineering" (2023)
defines MBU.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, field

from app.core import assumptions as A
from app.core import utilisation_fit as FIT
from app.core.layouts import Layout, Shape, layout_factor
from app.core.memory import TrainingMemory, kv_cache_bytes
from app.core.offload import offload_factor
from app.core.precision import GGUF_FORMATS, compute_precision_for
from app.core.results import Finding
from app.core.scenario import Scenario
from app.core.specs import GpuSpec
from app.core.stacks import Engine
from app.core.utilisation import Params, StepCache, Utilisation, hfu_of, kernel_efficiency, utilisation
from app.core.workload import flops_per_token, global_batch_tokens

PARAMS = Params.registry()
DECODE = {k: float(A.value(f"decode_{k}")) for k in FIT.DECODE}  # per kernel family: MBU and per-token overhead
DECODE_RANGE = FIT.DECODE_RANGE
TIME_RANGE = (A.value("time_range_low"), A.value("time_range_high"))
MAMF_REFERENCE = A.value("mamf_reference")  # A100, H100: prefill shares scale by the GPU's MAMF against these
PREFILL_MFU = A.value("prefill_mfu")
PREFILL_MFU_RANGE = (A.entry("prefill_mfu").low or PREFILL_MFU, A.entry("prefill_mfu").high or PREFILL_MFU)
TP_DECODE_EFFICIENCY_NVLINK = A.value("tp_decode_efficiency_nvlink")
TP_DECODE_EFFICIENCY_PCIE = A.value("tp_decode_efficiency_pcie")
HOST_BW = A.value("host_memory_bytes_per_s")


@dataclass
class Efficiency:
    nominal: float
    low: float
    high: float
    findings: list[Finding] = field(default_factory=list)
    factors: list[tuple[str, float]] = field(default_factory=list)


def job_factor(s: Scenario, gpu: GpuSpec) -> float:
    """Upper bound of the hardware utilisation of any layout of ``s`` on ``gpu``: the kernel
    efficiency at TP 1 (the widest GEMMs), before communication, bubble or idle ranks."""
    return kernel_efficiency(s, gpu, 1, PARAMS)[0] * PARAMS.goodput


def hardware_utilisation(s: Scenario, gpu: GpuSpec, count: int, lay: Layout, cache: StepCache | None = None) -> float:
    """Hardware FLOPs / (time x peak) of one layout: the user's MFU (converted to hardware FLOPs),
    else the calibrated step model (app.core.utilisation)."""
    if s.mfu is not None:
        model_f, hw_f = flops_per_token(s)
        return s.mfu * hw_f / model_f
    c = cache if cache is not None and cache.s is s else step_cache(s)
    return hfu_of(c, gpu, count, lay) * PARAMS.goodput * measured(s, gpu)


def measured(s: Scenario, gpu: GpuSpec) -> float:
    """The user's own measurements on this GPU and stack: measured / predicted (1 without any)."""
    return s.calibration.get(f"{gpu.id}/{s.training_stack.value}", 1.0) if s.calibration else 1.0


_STEP_CACHES: OrderedDict[int, StepCache] = OrderedDict()


def step_cache(s: Scenario) -> StepCache:
    """The StepCache of ``s`` with the planner's constants (for callers pricing many layouts): one per
    scenario object, the last 64 kept (each holds its scenario, so an id is never reused while cached)."""
    c = _STEP_CACHES.get(id(s))
    if c is None or c.s is not s:
        c = _STEP_CACHES[id(s)] = StepCache(s, PARAMS)
        if len(_STEP_CACHES) > 64:
            _STEP_CACHES.popitem(last=False)
    return c


def training_efficiency(s: Scenario, gpu: GpuSpec, count: int, lay: Layout,
                        flops_per_token: float | None = None) -> Efficiency:
    """Hardware utilisation of a training layout with its range (the calibrated spread of the
    time, registry time_range_low/high) and the factors behind it; an offload's transfers and CPU
    step lower it (app.core.offload; needs the job's hardware ``flops_per_token``)."""
    findings: list[Finding] = []
    layout_factor(s, Shape.of(gpu), count, lay, findings)  # the layout's findings
    ut = None
    if s.mfu is not None:
        u = hardware_utilisation(s, gpu, count, lay)
        factors = [("user_mfu", s.mfu)]
    else:
        ut = utilisation(s, gpu, count, lay, PARAMS, step_cache(s))
        mine = measured(s, gpu)
        u = ut.hfu * PARAMS.goodput * mine
        factors = [*ut.factors, ("goodput", PARAMS.goodput)] + ([("your_measurement", mine)] if mine != 1.0 else [])
    if s.offload and flops_per_token:
        slow = offload_slowdown(s, gpu, lay, flops_per_token, u)
        u *= slow
        factors.append(("offload", slow))
    if s.mfu is not None:
        return Efficiency(u, u, u, findings, factors)
    findings += step_findings(s, gpu, count, lay, ut)
    return Efficiency(u, u / TIME_RANGE[1], u / TIME_RANGE[0], findings, factors)


def step_findings(s: Scenario, gpu: GpuSpec, count: int, lay: Layout, ut: Utilisation | None = None) -> list[Finding]:
    """Where the step model binds: the global batch leaving ranks idle, communication not hidden."""
    u = ut or utilisation(s, gpu, count, lay, PARAMS, step_cache(s))
    out = []
    if u.idle > 0.0:
        out.append(Finding(code="global_batch_limits_dp", severity="warning", params={
            "idle": u.idle, "dp": lay.dp, "sequences": global_batch_tokens(s) / s.training_seq_len}))
    if u.exposed_comm_s > 0.2 * u.step_s:
        out.append(Finding(code="communication_bound", severity="warning", params={
            "share": u.exposed_comm_s / u.step_s, "network": s.network.value}))
    return out


def offload_slowdown(s: Scenario, gpu: GpuSpec, lay: Layout, flops_per_token: float, efficiency: float) -> float:
    """Share of the step left for compute when ``s`` offloads (1.0 otherwise)."""
    peak = gpu.peak_flops(s.precision) or gpu.peak_flops_bf16
    return offload_factor(TrainingMemory(s), gpu, lay, flops_per_token, peak * efficiency)


def gpu_matmul_factor(gpu: GpuSpec) -> float:
    """How this GPU's achievable matmul share of peak compares with A100/H100 (1.0 when unmeasured)."""
    return (gpu.mamf_fraction / MAMF_REFERENCE) if gpu.mamf_fraction else 1.0


def training_time_s(hardware_flops: float, gpus: int, peak_flops: float, utilisation: float) -> float:
    """FLOPs / (GPUs x dense peak x utilisation)."""
    return hardware_flops / (gpus * peak_flops * utilisation)


def implied_mfu(model_flops: float, gpu_hours: float, peak_flops: float) -> float:
    """The utilisation a published run achieved: model FLOPs / (GPU-seconds x peak)."""
    return model_flops / (gpu_hours * 3600.0 * peak_flops)


@dataclass
class InferenceSpeed:
    decode_tokens_per_s: float  # per sequence
    aggregate_tokens_per_s: float
    prefill_tokens_per_s: float  # per replica
    ttft_s: float
    request_s: float
    request_s_range: tuple[float, float]
    compute_bound: bool
    prefill_share: float = 0.0  # share of the GPU's time spent on prompts (the input tokens' share of the cost)
    ttft_s_range: tuple[float, float] = (0.0, 0.0)


def decode_bytes(s: Scenario, lay: Layout, gpu_layers: float | None = None) -> tuple[float, float]:
    """(bytes one GPU reads per decode step, bytes read from host RAM per step): the weights the batch
    visits and every sequence's KV cache (layers in host RAM with llama.cpp). The same on every GPU."""
    m = s.model
    tp = lay.tp
    seqs = -(-s.concurrency // lay.replicas)
    bpw = s.weight_bytes
    # Weights read per decode step: a dense model reads all of them; an MoE reads the experts its
    # batch visits, expected fraction 1 - (1 - k/E)^batch of the expert parameters.
    if m.is_moe and m.num_experts > 1:
        k, e = m.experts_per_token, m.num_experts
        expert_total = (m.params_total - m.params_active) * e / (e - k)
        shared = m.params_total - expert_total
        read_params = shared + expert_total * (1.0 - (1.0 - k / e) ** seqs)
    elif m.is_moe:
        read_params = m.params_active if seqs == 1 else m.params_total
    else:
        read_params = m.params_total
    # the cache a decode step reads: the whole context, or on average the prompt and half the answer
    ctx = float(s.inference_context) if s.prompt_tokens is None else min(s.prompt_len + s.output_tokens / 2.0,
                                                                         float(s.inference_context))
    window = min(float(m.sliding_window or ctx), ctx)
    kv_read = kv_cache_bytes(m, tokens=ctx * seqs, kv_dtype=s.kv_dtype, tp=tp, pp=1, window_tokens=window * seqs)
    share = 1.0 if gpu_layers is None else min(gpu_layers / m.layers, 1.0)
    return (read_params * bpw / tp + kv_read) * share, (read_params * bpw + kv_read) * (1.0 - share)


def kernel_family(s: Scenario) -> str:
    """The decode kernels a weight format runs on: llama.cpp's GGUF kernels, 4-bit weight-only
    kernels (AWQ, GPTQ, NF4: dequantise in the matmul), or dense 16/8-bit GEMMs (vLLM, TensorRT-LLM)."""
    if s.engine == Engine.LLAMA_CPP or (s.quant in GGUF_FORMATS and s.quant != "f16"):
        return "gguf"
    if s.quant in ("int4", "nf4"):
        return "int4"
    return "dense"


def mbu_for(s: Scenario) -> float:
    return DECODE[f"mbu_{kernel_family(s)}"]


def inference_speed(s: Scenario, gpu: GpuSpec, lay: Layout, gpu_layers: float | None = None,
                    read: tuple[float, float] | None = None, decode: dict[str, float] | None = None,
                    include_prefill: bool = True, ranges: bool = True) -> InferenceSpeed:
    """Decode and prefill speed of one layout. With llama.cpp and ``gpu_layers`` below the model's
    layers, the other layers run on the CPU from system RAM (their weights read at the host memory
    bandwidth every token). ``read``: ``decode_bytes`` when the caller has it."""
    m = s.model
    tp = lay.tp
    seqs = -(-s.concurrency // lay.replicas)
    bytes_per_step_per_gpu, host_bytes = read or decode_bytes(s, lay, gpu_layers)
    precision = compute_precision_for(s.quant)
    peak = gpu.peak_flops(precision) or gpu.peak_flops_bf16
    tp_eff = 1.0
    if tp > 1:
        tp_eff = TP_DECODE_EFFICIENCY_NVLINK if (gpu.has_nvlink and tp <= gpu.nvlink_domain) else TP_DECODE_EFFICIENCY_PCIE

    fam = kernel_family(s)
    d = decode or DECODE
    mbu0, t0 = d[f"mbu_{fam}"], d[f"t0_{fam}"]
    pmfu = d.get(f"pmfu_{fam}", PREFILL_MFU)  # prefill: the family's share of the dense peak
    ttft0 = d.get(f"ttft0_{fam}", 0.0)  # scheduling and launches before the first token

    def step(mbu: float, mfu: float) -> tuple[float, bool]:
        mem_t = bytes_per_step_per_gpu / (gpu.bandwidth_bytes_per_s * mbu) + host_bytes / (HOST_BW * mbu)
        comp_t = 2.0 * m.params_active * seqs / (tp * peak * mfu * gpu_matmul_factor(gpu))
        return max(mem_t, comp_t) / tp_eff + t0, comp_t > mem_t

    st, bound = step(mbu0, pmfu)
    if ranges:
        st_fast, _ = step(mbu0 / DECODE_RANGE[0], PREFILL_MFU_RANGE[1])
        st_slow, _ = step(mbu0 / DECODE_RANGE[1], PREFILL_MFU_RANGE[0])
    prefill = tp * peak * pmfu * gpu_matmul_factor(gpu) * tp_eff / (2.0 * m.params_active)
    prompt = s.prompt_len
    # Prefill and decode share the GPU: while a replica's ``seqs`` users each get ``output_tokens``
    # tokens, it also prefills each of their prompts (continuous batching interleaves both), so every
    # output token carries seqs x prompt / output prefill tokens of work.
    out_tokens = max(s.output_tokens, 1)
    many = include_prefill and seqs > 1

    def per_token(step_s: float, prefill_rate: float) -> float:
        return step_s + (seqs * prompt / (out_tokens * prefill_rate) if include_prefill else 0.0)

    def first_token(step_s: float, prefill_rate: float) -> tuple[float, float]:
        """(time to the first token, share of the GPU's time spent prefilling). A new prompt waits for
        the prompts ahead of it: prefills queue as an M/D/1 queue (Poisson arrivals, fixed service
        time S = prompt / prefill rate), whose mean wait is rho S / (2 (1 - rho)) by the
        Pollaczek-Khinchine formula, rho being the prefill share of the GPU's time."""
        service = prompt / prefill_rate
        pt_ = per_token(step_s, prefill_rate)
        rho = (pt_ - step_s) / pt_ if many else 0.0
        wait = rho * service / (2.0 * (1.0 - rho)) if rho < 1.0 else math.inf
        return ttft0 + service + wait, rho

    pt = per_token(st, prefill)
    ttft, rho = first_token(st, prefill)
    request = ttft + s.output_tokens * pt
    if ranges:  # the fast and slow ends of the decode and prefill utilisation (the search needs neither)
        fast_rate, slow_rate = prefill * PREFILL_MFU_RANGE[1] / PREFILL_MFU, prefill * PREFILL_MFU_RANGE[0] / PREFILL_MFU
        pt_fast, pt_slow = per_token(st_fast, fast_rate), per_token(st_slow, slow_rate)
        (ttft_fast, _), (ttft_slow, _) = first_token(st_fast, fast_rate), first_token(st_slow, slow_rate)
    else:
        pt_fast = pt_slow = pt
        ttft_fast = ttft_slow = ttft
    return InferenceSpeed(
        decode_tokens_per_s=1.0 / pt,
        aggregate_tokens_per_s=s.concurrency / pt,  # seqs x replicas >= concurrency; idle slots add nothing
        prefill_tokens_per_s=prefill,
        ttft_s=ttft,
        request_s=request,
        request_s_range=(ttft_fast + s.output_tokens * pt_fast, ttft_slow + s.output_tokens * pt_slow),
        compute_bound=bound,
        prefill_share=rho,
        ttft_s_range=(ttft_fast, ttft_slow),
    )

"""Utilisation models and the time a job takes.

Training: wall-clock = hardware FLOPs / (GPUs x dense peak at the precision x utilisation).
The default utilisation (MFU against 6ND, counting the whole run) is 0.40 with a range 0.30-0.50,
resting on published runs (derivations in tests/core/test_throughput.py):
- Llama 2 7B: 2T tokens in 184,320 A100-80GB GPU-hours (model card) -> 6 x 6.74e9 x 2e12 / (184,320 h
  x 3600 x 312e12) = 0.39.
- Llama 2 70B: 1,720,320 GPU-hours -> 6 x 68.98e9 x 2e12 / (1,720,320 x 3600 x 312e12) = 0.43.
- Llama 3.1 405B on H100: 38-43% BF16 MFU (Llama 3 paper, Table 4).
- OPT-175B: 147 TFLOP/s per A100 (Zhang et al. 2022) = 0.47 of 312.
- DeepSeek-V3 (FP8 mixed precision, H800): 180K GPU-hours per trillion tokens at 37B active ->
  6 x 37e9 x 1e12 / (180,000 x 3600) = 343 TFLOP/s = 0.35 of the BF16 peak (989), 0.17 of FP8 (1979).
Multipliers (stated estimates unless a source is given; values in app.core.assumptions):
- FP8: x0.70 of the FP8 peak. LLM-jp-3 172B went from 400 to 545-553 TFLOP/s per H100 with FP8
  (x1.37 of a x2 peak, NVIDIA/LLM-jp blog 2024).
- The layout's interconnect factor (tensor/data parallelism over PCIe, the network, ZeRO-3, the
  pipeline bubble): ``app.core.layouts.layout_factor``.
- LoRA x0.85, QLoRA x0.55 (dequantising NF4 weights in every forward and backward pass).
- GPUs whose best matmul reaches a different share of peak than A100/H100 (on which the base rests,
  mean 0.836) scale by MAMF / 0.836: MI300X 0.514 -> x0.61, B200 0.776 -> x0.93 (stas00/ml-engineering,
  "Maximum Achievable Matmul FLOPS" table).

Inference decode is memory-bandwidth bound at small batch: each step reads the weights once and every
sequence's KV cache. Model bandwidth utilisation (MBU) 0.6 (range 0.5-0.8): Databricks' "LLM Inference
Performance Engineering: Best Practices" (2023) defines MBU and shows 50% in its worked example; well
tuned stacks approach 80%. Prefill is compute bound: 2 N_active FLOPs per token at MFU 0.5 (0.4-0.6, estimate).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core import assumptions as A
from app.core.layouts import Layout, Shape, layout_factor
from app.core.memory import TrainingMemory, kv_cache_bytes
from app.core.offload import offload_factor
from app.core.precision import compute_precision_for, weight_bytes_per_param
from app.core.results import Finding
from app.core.scenario import Method, Scenario
from app.core.specs import GpuSpec

BASE_MFU = A.value("mfu")
BASE_MFU_RANGE = (A.entry("mfu").low or BASE_MFU, A.entry("mfu").high or BASE_MFU)
FP8_FACTOR = A.value("fp8_factor")
LORA_FACTOR = A.value("lora_factor")
QLORA_FACTOR = A.value("qlora_factor")
MAMF_REFERENCE = A.value("mamf_reference")  # A100, H100: the GPUs of the runs behind BASE_MFU
MBU = A.value("mbu")
MBU_RANGE = (A.entry("mbu").low or MBU, A.entry("mbu").high or MBU)
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


def job_factor(s: Scenario, gpu: GpuSpec) -> float:
    """Utilisation multiplier that does not depend on the layout: GPU matmul share, FP8, LoRA/QLoRA."""
    factor = gpu_matmul_factor(gpu)
    if s.precision == "fp8":
        factor *= FP8_FACTOR
    if s.method == Method.LORA:
        factor *= LORA_FACTOR
    elif s.method == Method.QLORA:
        factor *= QLORA_FACTOR
    return factor


def training_efficiency(s: Scenario, gpu: GpuSpec, count: int, lay: Layout,
                        flops_per_token: float | None = None) -> Efficiency:
    """Utilisation of the dense peak (hardware FLOPs) for a training layout; an offload's transfers
    and CPU step lower it (app.core.offload; needs the job's hardware ``flops_per_token``)."""
    findings: list[Finding] = []
    factor = job_factor(s, gpu) * layout_factor(s, Shape.of(gpu), count, lay, findings)
    if s.offload and flops_per_token:
        factor *= offload_slowdown(s, gpu, lay, flops_per_token, BASE_MFU * factor)
    if s.mfu is not None:
        return Efficiency(s.mfu, s.mfu, s.mfu, findings)
    return Efficiency(BASE_MFU * factor, BASE_MFU_RANGE[0] * factor, BASE_MFU_RANGE[1] * factor, findings)


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


def decode_bytes(s: Scenario, lay: Layout, gpu_layers: float | None = None) -> tuple[float, float]:
    """(bytes one GPU reads per decode step, bytes read from host RAM per step): the weights the batch
    visits and every sequence's KV cache (layers in host RAM with llama.cpp). The same on every GPU."""
    m = s.model
    tp = lay.tp
    seqs = -(-s.concurrency // lay.replicas)
    bpw = weight_bytes_per_param(s.quant)
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
    ctx = float(s.inference_context)
    window = min(float(m.sliding_window or ctx), ctx)
    kv_read = kv_cache_bytes(m, tokens=ctx * seqs, kv_dtype=s.kv_dtype, tp=tp, pp=1, window_tokens=window * seqs)
    share = 1.0 if gpu_layers is None else min(gpu_layers / m.layers, 1.0)
    return (read_params * bpw / tp + kv_read) * share, (read_params * bpw + kv_read) * (1.0 - share)


def inference_speed(s: Scenario, gpu: GpuSpec, lay: Layout, gpu_layers: float | None = None,
                    read: tuple[float, float] | None = None) -> InferenceSpeed:
    """Decode and prefill speed of one layout. With llama.cpp and ``gpu_layers`` below the model's
    layers, the other layers run on the CPU from system RAM (their weights read at the host memory
    bandwidth every token). ``read``: ``decode_bytes`` when the caller has it."""
    m = s.model
    tp = lay.tp
    seqs = -(-s.concurrency // lay.replicas)
    ctx = float(s.inference_context)
    bytes_per_step_per_gpu, host_bytes = read or decode_bytes(s, lay, gpu_layers)
    precision = compute_precision_for(s.quant)
    peak = gpu.peak_flops(precision) or gpu.peak_flops_bf16
    tp_eff = 1.0
    if tp > 1:
        tp_eff = TP_DECODE_EFFICIENCY_NVLINK if (gpu.has_nvlink and tp <= gpu.nvlink_domain) else TP_DECODE_EFFICIENCY_PCIE

    def step(mbu: float, mfu: float) -> tuple[float, bool]:
        mem_t = bytes_per_step_per_gpu / (gpu.bandwidth_bytes_per_s * mbu) + host_bytes / (HOST_BW * mbu)
        comp_t = 2.0 * m.params_active * seqs / (tp * peak * mfu * gpu_matmul_factor(gpu))
        return max(mem_t, comp_t) / tp_eff, comp_t > mem_t

    st, bound = step(MBU, PREFILL_MFU)
    st_fast, _ = step(MBU_RANGE[1], PREFILL_MFU_RANGE[1])
    st_slow, _ = step(MBU_RANGE[0], PREFILL_MFU_RANGE[0])
    prefill = tp * peak * PREFILL_MFU * gpu_matmul_factor(gpu) * tp_eff / (2.0 * m.params_active)
    prompt = max(int(ctx) - s.output_tokens, 1)
    ttft = prompt / prefill
    ttft_fast = prompt / (prefill * PREFILL_MFU_RANGE[1] / PREFILL_MFU)
    ttft_slow = prompt / (prefill * PREFILL_MFU_RANGE[0] / PREFILL_MFU)
    request = ttft + s.output_tokens * st
    return InferenceSpeed(
        decode_tokens_per_s=1.0 / st,
        aggregate_tokens_per_s=s.concurrency / st,  # seqs x replicas >= concurrency; idle slots add nothing
        prefill_tokens_per_s=prefill,
        ttft_s=ttft,
        request_s=request,
        request_s_range=(ttft_fast + s.output_tokens * st_fast, ttft_slow + s.output_tokens * st_slow),
        compute_bound=bound,
    )

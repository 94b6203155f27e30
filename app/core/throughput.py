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
Multipliers (stated estimates unless a source is given), each reported as a finding:
- FP8: x0.70 of the FP8 peak. LLM-jp-3 172B went from 400 to 545-553 TFLOP/s per H100 with FP8
  (x1.37 of a x2 peak, NVIDIA/LLM-jp blog 2024).
- Tensor parallelism over PCIe: x0.6; across nodes: x0.3 (Megatron-LM keeps TP inside the NVLink
  domain, Narayanan et al. 2021 §3.3).
- Data parallelism over PCIe inside a node (no NVLink): x0.85.
- Multi-node over InfiniBand 400/200: x1.0/x0.95; over 100/25/10 GbE: x0.75/x0.5/x0.3.
- ZeRO-3 / FSDP full sharding: x0.9 (1.5x the communication volume of plain DP, ZeRO paper §7).
- Pipeline bubble (p-1)/m with m = 8p micro-batches in flight (Narayanan et al. 2021 §2.2): x1/(1+(p-1)/m).
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

from app.core.memory import kv_cache_bytes
from app.core.precision import compute_precision_for, weight_bytes_per_param
from app.core.results import Finding
from app.core.scenario import Method, Network, Scenario
from app.core.specs import GpuSpec

BASE_MFU = 0.40
BASE_MFU_RANGE = (0.30, 0.50)
FP8_FACTOR = 0.70
TP_PCIE_FACTOR = 0.6
TP_CROSS_NODE_FACTOR = 0.3
DP_PCIE_FACTOR = 0.85
ZERO3_FACTOR = 0.9
LORA_FACTOR = 0.85
QLORA_FACTOR = 0.55
MAMF_REFERENCE = (0.869 + 0.803) / 2  # A100, H100: the GPUs of the runs behind BASE_MFU
NETWORK_FACTOR = {
    Network.IB_400: 1.0,
    Network.IB_200: 0.95,
    Network.ETH_100G: 0.75,
    Network.ETH_25G: 0.5,
    Network.ETH_10G: 0.3,
}
MBU = 0.6
MBU_RANGE = (0.5, 0.8)
PREFILL_MFU = 0.5
PREFILL_MFU_RANGE = (0.4, 0.6)
TP_DECODE_EFFICIENCY_NVLINK = 0.9
TP_DECODE_EFFICIENCY_PCIE = 0.7

MFU_SOURCES = (
    "Llama 2 model card (7B 184,320 / 70B 1,720,320 A100 GPU-hours for 2T tokens -> MFU 0.39 / 0.43); "
    "Llama 3 paper Table 4 (405B: 38-43% BF16 MFU on H100); OPT-175B 147 TFLOP/s per A100 (0.47); "
    "DeepSeek-V3 report (180K H800 GPU-hours per trillion tokens -> 0.35 of BF16 peak)"
)


@dataclass
class Efficiency:
    nominal: float
    low: float
    high: float
    findings: list[Finding] = field(default_factory=list)


def nodes_for(gpu: GpuSpec, count: int) -> int:
    return -(-count // gpu.gpus_per_node)


def layout_factor(s: Scenario, gpu: GpuSpec, count: int, tp: int, pp: int, dp: int, zero_stage: int,
                  findings: list[Finding] | None = None) -> float:
    """Utilisation multiplier of a training layout on this GPU's interconnect (everything except the
    GPU's matmul share, precision and method). Appends the reasons to ``findings`` when given."""
    factor = 1.0
    if tp > 1:
        if tp > gpu.gpus_per_node:
            factor *= TP_CROSS_NODE_FACTOR
            if findings is not None:
                findings.append(Finding(code="tp_spans_nodes", severity="warning", params={"tp": tp, "gpus_per_node": gpu.gpus_per_node}))
        elif not gpu.has_nvlink or tp > gpu.nvlink_domain:
            factor *= TP_PCIE_FACTOR
            if findings is not None:
                findings.append(Finding(code="tp_spans_pcie", severity="warning", params={"tp": tp, "nvlink_domain": gpu.nvlink_domain, "pcie_gen": gpu.pcie_gen}))
    if dp > 1 and count > 1 and (not gpu.has_nvlink or min(count, gpu.gpus_per_node) > gpu.nvlink_domain):
        factor *= DP_PCIE_FACTOR
        if findings is not None:
            findings.append(Finding(code="dp_over_pcie", severity="info", params={"pcie_gen": gpu.pcie_gen, "nvlink_domain": gpu.nvlink_domain}))
    if count > gpu.gpus_per_node:
        net = s.network
        factor *= NETWORK_FACTOR[net]
        if findings is not None and net in (Network.ETH_100G, Network.ETH_25G, Network.ETH_10G):
            findings.append(Finding(code="multinode_over_ethernet", severity="warning", params={"network": net.value, "nodes": nodes_for(gpu, count), "factor": NETWORK_FACTOR[net]}))
    if zero_stage >= 3 and dp > 1:
        factor *= ZERO3_FACTOR
    if pp > 1:
        factor *= 1.0 / (1.0 + (pp - 1) / (8 * pp))
    return factor


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


def training_efficiency(s: Scenario, gpu: GpuSpec, count: int, tp: int, pp: int, dp: int, zero_stage: int) -> Efficiency:
    """Utilisation of the dense peak (hardware FLOPs) for a training layout."""
    findings: list[Finding] = []
    factor = job_factor(s, gpu) * layout_factor(s, gpu, count, tp, pp, dp, zero_stage, findings)
    if s.mfu is not None:
        return Efficiency(s.mfu, s.mfu, s.mfu, findings)
    return Efficiency(BASE_MFU * factor, BASE_MFU_RANGE[0] * factor, BASE_MFU_RANGE[1] * factor, findings)


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


def inference_speed(s: Scenario, gpu: GpuSpec, tp: int, pp: int, replicas: int) -> InferenceSpeed:
    m = s.model
    seqs = -(-s.concurrency // replicas)
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
    kv_read = kv_cache_bytes(m, tokens=float(s.inference_context) * seqs, kv_dtype=s.kv_dtype, tp=tp, pp=1)
    bytes_per_step_per_gpu = read_params * bpw / tp + kv_read
    precision = compute_precision_for(s.quant)
    peak = gpu.peak_flops(precision) or gpu.peak_flops_bf16
    tp_eff = 1.0
    if tp > 1:
        tp_eff = TP_DECODE_EFFICIENCY_NVLINK if (gpu.has_nvlink and tp <= gpu.nvlink_domain) else TP_DECODE_EFFICIENCY_PCIE

    def step(mbu: float, mfu: float) -> tuple[float, bool]:
        mem_t = bytes_per_step_per_gpu / (gpu.bandwidth_bytes_per_s * mbu)
        comp_t = 2.0 * m.params_active * seqs / (tp * peak * mfu * gpu_matmul_factor(gpu))
        return max(mem_t, comp_t) / tp_eff, comp_t > mem_t

    st, bound = step(MBU, PREFILL_MFU)
    st_fast, _ = step(MBU_RANGE[1], PREFILL_MFU_RANGE[1])
    st_slow, _ = step(MBU_RANGE[0], PREFILL_MFU_RANGE[0])
    prefill = tp * peak * PREFILL_MFU * gpu_matmul_factor(gpu) * tp_eff / (2.0 * m.params_active)
    prompt = max(s.inference_context - s.output_tokens, 1)
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

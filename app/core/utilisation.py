"""Training utilisation from a few physical terms, fitted on published throughput (issue 17).

A step of the job takes the longer of its compute and its exposed communication, plus the pipeline
bubble. Compute: the step's hardware FLOPs (6·N per token for a full fine-tune or pre-training,
4·N + 6·N_lora with LoRA, +2·N with full recomputation, plus the attention matmuls 6·L·s·d_attn per
token, causal, with FlashAttention skipping the masked half) over the GPUs' dense peak at the
precision times a *kernel efficiency*:

    efficiency = base(GPU family) x width(d / TP) x precision x MoE x method

- base: the share of the dense peak a large dense model reaches on that family with a mature stack
  (A100; H100/H200/H800; B200/GB200; MI300-class; Gaudi; TPU; workstation and consumer cards).
  Families without published runs follow the GPU's measured matmul share (MAMF) against the H100's.
- width: GEMMs narrower than the hidden size ``width_half`` reach half of it: d / (d + width_half),
  with d the hidden size per tensor-parallel rank, normalised to 1 at d = 8192.
- precision: FP8 reaches ``fp8_te`` of the FP8 peak with Transformer Engine (Megatron), ``fp8_other``
  elsewhere (torchao float8, DeepSeek's block scaling).
- MoE: router, permutation and grouped GEMMs: x ``moe`` (all-to-all is communication, below).
- LoRA x ``lora``, QLoRA x ``qlora`` (adapter launches, NF4 dequantisation).

A real job also loses time to restarts, evaluation and checkpoints: its wall clock is the step time
over ``goodput`` (fitted on the published runs' GPU-hours; benchmark rows measure steps only).

Communication per step and GPU, on the link the group spans (NVLink, Infinity Fabric or TPU ICI
inside the scale-up domain, else PCIe inside a server, else the network per GPU):
- data parallel: the gradient all-reduce, 2 x 2 bytes x parameters per model shard x (d-1)/d (ZeRO-3
  and FSDP gather the weights twice more: x1.5); hidden behind the backward pass up to ``overlap``
  of the compute time;
- tensor parallel: 4 all-reduces of the activations per layer and micro-batch (6 with full
  recomputation), hidden up to ``tp_overlap`` of the compute time (overlapped GEMM and collective);
- expert parallel: 4 all-to-alls of the routed tokens per MoE layer, hidden up to ``ep_overlap`` of
  the compute time;
- pipeline: the bubble (p - 1) / (m x v) with m the micro-batches per pipeline from the global batch;
- the global batch caps data parallelism: with fewer sequences than data-parallel ranks x micro-batch,
  the rest of the GPUs idle.

MFU is model FLOPs (6·N·D, or 4·N·D + 6·N_lora·D with LoRA) over the time and peak; HFU counts the
hardware FLOPs (recomputation and attention). Fitted values and the cross-validated errors are in
docs/time.md; the fit is tools/fit_utilisation.py on tests/data/throughput_*.csv.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core import assumptions as A
from app.core.layouts import Layout
from app.core.scenario import Goal, Method, Recompute, Scenario
from app.core.specs import GpuSpec
from app.core.stacks import Stack
from app.core.workload import flops_per_token, global_batch_tokens, pipeline_chunks

FAMILIES = ("a100", "hopper", "blackwell", "amd", "gaudi", "tpu", "workstation", "other")
# the parameters a fit moves (registry codes util_<name>)
FITTED = ("base_a100", "base_hopper", "base_blackwell", "base_amd", "base_gaudi", "base_tpu", "base_workstation",
          "width_half", "fp8_te", "fp8_other", "moe", "lora", "qlora", "overlap", "tp_overlap", "ep_overlap",
          "goodput")

MAMF_HOPPER = 0.803  # H100 SXM, stas00/ml-engineering "Maximum Achievable Matmul FLOPS" table


def family(gpu: GpuSpec) -> str:
    """The software-maturity family of an accelerator (by catalog id, then vendor)."""
    i, v = gpu.id.lower(), gpu.vendor.lower()
    if i.startswith("a100"):
        return "a100"
    if i.startswith(("h100", "h200", "h800", "h20")):
        return "hopper"
    if i.startswith(("b200", "gb200", "b300", "gb300")):
        return "blackwell"
    if i.startswith("mi") or v == "amd":
        return "amd"
    if i.startswith("gaudi") or v == "intel":
        return "gaudi"
    if i.startswith("tpu") or v == "google":
        return "tpu"
    if i.startswith(("rtx", "l40", "l4", "a40", "a10", "a6000")):
        return "workstation"
    return "other"


@dataclass(frozen=True)
class Params:
    """The fitted constants (registry codes ``util_*``)."""

    base_a100: float
    base_hopper: float
    base_blackwell: float
    base_amd: float
    base_gaudi: float
    base_tpu: float
    base_workstation: float
    width_half: float
    fp8_te: float
    fp8_other: float
    moe: float
    lora: float
    qlora: float
    overlap: float
    tp_overlap: float  # share of the tensor-parallel all-reduces hidden behind compute (TE comm overlap)
    ep_overlap: float  # share of the expert all-to-alls hidden (DeepSeek's DualPipe hides nearly all)
    goodput: float  # share of a real job's wall clock spent training (restarts, evaluation, checkpoints)

    @classmethod
    def registry(cls) -> Params:
        return cls(**{k: float(A.value(f"util_{k}")) for k in FITTED})

    def base(self, gpu: GpuSpec) -> tuple[float, str]:
        """(base efficiency, how it was obtained: the family's fit or the MAMF ratio)."""
        fam = family(gpu)
        if fam in ("a100", "hopper", "blackwell", "amd", "gaudi", "tpu", "workstation"):
            return getattr(self, f"base_{fam}"), fam
        mamf = gpu.mamf_fraction
        ratio = (mamf / MAMF_HOPPER) if mamf else 1.0
        return self.base_hopper * ratio, "mamf"


NETWORK_BYTES_PER_S_PER_NODE = {  # one 400/200 Gb/s NIC per GPU (DGX H100 / A100); one Ethernet port per server
    "ib-400": 8 * 50e9, "ib-200": 8 * 25e9, "100gbe": 12.5e9, "25gbe": 3.125e9, "10gbe": 1.25e9,
}
PCIE_BYTES_PER_S = {3: 12e9, 4: 25e9, 5: 50e9, 6: 100e9}  # per GPU, one direction, achievable


@dataclass
class Utilisation:
    """A layout's utilisation and the factors behind it (name, value) for the report."""

    hfu: float  # hardware FLOPs / (time x peak)
    mfu: float  # model FLOPs / (time x peak)
    efficiency: float  # the kernel efficiency (compute only)
    step_s: float
    compute_s: float
    exposed_comm_s: float
    bubble: float
    idle: float  # share of the data-parallel ranks the global batch leaves idle
    factors: list[tuple[str, float]] = field(default_factory=list)


def kernel_efficiency(s: Scenario, gpu: GpuSpec, tp: int, p: Params | None = None) -> tuple[float, list[tuple[str, float]]]:
    p = p or Params.registry()
    base, how = p.base(gpu)
    factors: list[tuple[str, float]] = [(f"base_{how}", base)]
    d = s.model.hidden / max(tp, 1)
    width = (d / (d + p.width_half)) / (8192.0 / (8192.0 + p.width_half))
    factors.append(("width", width))
    eff = base * width
    if s.precision == "fp8":
        f = p.fp8_te if s.training_stack == Stack.MEGATRON else p.fp8_other
        factors.append(("fp8_te" if s.training_stack == Stack.MEGATRON else "fp8_other", f))
        eff *= f
    if s.model.num_experts > 1:
        factors.append(("moe", p.moe))
        eff *= p.moe
    if s.goal == Goal.FINETUNE and s.method == Method.LORA:
        factors.append(("lora", p.lora))
        eff *= p.lora
    elif s.goal == Goal.FINETUNE and s.method == Method.QLORA:
        factors.append(("qlora", p.qlora))
        eff *= p.qlora
    return min(eff, 0.95), factors


def _link(gpu: GpuSpec, group: int, span: int, network: str) -> float:
    """Bytes/s per GPU, one direction, for a collective over ``group`` ranks spread over ``span``
    consecutive GPUs."""
    if group <= 1:
        return float("inf")
    if gpu.has_nvlink and span <= gpu.nvlink_domain:
        return gpu.nvlink_bandwidth_bytes_per_s / 2.0
    if span <= gpu.gpus_per_node:
        return PCIE_BYTES_PER_S.get(gpu.pcie_gen, 25e9) / 2.0  # through the host bridge, shared
    return NETWORK_BYTES_PER_S_PER_NODE[network] / gpu.gpus_per_node


class StepCache:
    """What the step model needs from a scenario that no layout changes (FLOPs per token, the global
    batch, chunks per pipeline rank, kernel efficiency per GPU and TP): the search prices thousands
    of layouts of one scenario."""

    def __init__(self, s: Scenario, p: Params) -> None:
        self.s, self.p = s, p
        self.flops = flops_per_token(s)
        self.g_tokens = global_batch_tokens(s)
        m = s.model
        self.seqs = self.g_tokens / s.training_seq_len
        self.micro = s.micro_batch
        self.trains_all = s.method == Method.FULL or s.goal != Goal.FINETUNE
        self.tp_per_layer = 6.0 if s.recompute_mode == Recompute.FULL else 4.0
        self.network = s.network.value
        self.moe = m.num_experts > 1
        self.chunks: dict[int, int] = {}
        self.eff: dict[tuple[str, int], tuple[float, list[tuple[str, float]]]] = {}
        self.peaks: dict[str, float] = {}

    def chunk(self, pp: int) -> int:
        v = self.chunks.get(pp)
        if v is None:
            v = self.chunks[pp] = pipeline_chunks(self.s, pp)
        return v

    def kernel(self, gpu: GpuSpec, tp: int) -> tuple[float, list[tuple[str, float]]]:
        key = (gpu.id, tp)
        v = self.eff.get(key)
        if v is None:
            v = self.eff[key] = kernel_efficiency(self.s, gpu, tp, self.p)
        return v

    def peak(self, gpu: GpuSpec) -> float:
        v = self.peaks.get(gpu.id)
        if v is None:
            v = self.peaks[gpu.id] = gpu.peak_flops(self.s.precision) or gpu.peak_flops_bf16
        return v


def _step(c: StepCache, gpu: GpuSpec, count: int, lay: Layout) -> tuple[float, float, float, float, float, float]:
    """(step seconds, compute seconds, exposed communication seconds, bubble, busy share, kernel
    efficiency) of one layout."""
    p, m = c.p, c.s.model
    eff = c.kernel(gpu, lay.tp)[0]
    tp, pp, dp = lay.tp, lay.pp, lay.dp if lay.dp > 1 else 1
    m_micro = c.seqs / (dp * c.micro)  # micro-batches per pipeline per step
    busy = m_micro if m_micro < 1.0 else 1.0  # the global batch caps the data-parallel ranks that have work
    compute = c.flops[1] * c.g_tokens / (count * busy * c.peak(gpu) * eff)
    exposed = 0.0
    if dp > 1 or tp > 1 or lay.ep > 1:
        cp, ep = max(lay.cp, 1), max(lay.ep, 1)
        tokens_per_rank = c.g_tokens / dp / busy  # tokens each data-parallel replica processes per step
        # data parallel (the outermost group): gradients, and ZeRO-3/FSDP gathers, of this rank's shard
        shard = m.params_total / (tp * pp) / (ep if c.moe else 1)
        if dp > 1:
            ring = (dp - 1) / dp
            dp_bytes = 4.0 * (shard if c.trains_all else 0.0) * ring
            if lay.zero >= 3:
                dp_bytes += 4.0 * shard * ring  # the weights gathered in forward and backward
            if dp_bytes:
                exposed += max(0.0, dp_bytes / _link(gpu, dp, count, c.network) - p.overlap * compute)
        if tp > 1:  # activations all-reduced per layer
            tp_bytes = c.tp_per_layer * (m.layers / pp) * tokens_per_rank / cp * m.hidden * 4.0 * (tp - 1) / tp
            exposed += max(0.0, tp_bytes / _link(gpu, tp, tp, c.network) - p.tp_overlap * compute)
        if ep > 1 and c.moe:  # routed tokens sent to their experts and back
            ep_bytes = 4.0 * (m.layers / pp) * m.experts_per_token * tokens_per_rank / cp * m.hidden * 2.0 * (ep - 1) / ep / tp
            exposed += max(0.0, ep_bytes / _link(gpu, ep, tp * ep * cp, c.network) - p.ep_overlap * compute)
    bubble = (pp - 1) / ((m_micro if m_micro > 1.0 else 1.0) * c.chunk(pp)) if pp > 1 else 0.0
    return (compute + exposed) * (1.0 + bubble), compute, exposed, bubble, busy, eff


def hfu_of(c: StepCache, gpu: GpuSpec, count: int, lay: Layout) -> float:
    """Hardware FLOPs / (time x peak) of one layout: the search's inner loop."""
    step = _step(c, gpu, count, lay)[0]
    return c.flops[1] * c.g_tokens / (count * c.peak(gpu) * step)


def utilisation(s: Scenario, gpu: GpuSpec, count: int, lay: Layout, p: Params | None = None,
                cache: StepCache | None = None) -> Utilisation:
    """The step model of one layout (see the module docstring), with the factors behind it."""
    p = p or Params.registry()
    c = cache if cache is not None and cache.s is s and cache.p is p else StepCache(s, p)
    step, compute, exposed, bubble, busy, eff = _step(c, gpu, count, lay)
    model_f, hw_f = c.flops
    peak = c.peak(gpu)
    factors = list(c.kernel(gpu, lay.tp)[1])
    if busy < 1.0:
        factors.append(("batch_idle", busy))
    if exposed > 0:
        factors.append(("communication", compute / (compute + exposed)))
    if bubble:
        factors.append(("pipeline_bubble", 1.0 / (1.0 + bubble)))
    return Utilisation(hfu=hw_f * c.g_tokens / (count * peak * step), mfu=model_f * c.g_tokens / (count * peak * step),
                       efficiency=eff, step_s=step, compute_s=compute, exposed_comm_s=exposed, bubble=bubble,
                       idle=1.0 - busy, factors=factors)

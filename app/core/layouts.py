"""How a job is split over GPUs: the named ``Layout``, the one enumeration of layouts for a GPU count
(fallbacks included), the node-shaped GPU counts the search tries, and the one utilisation factor of a
training layout on an interconnect, used by the search and by the evaluation of a single option.

Tensor parallelism stays a power of two within a node and divides the attention heads (Megatron-LM
keeps TP inside the NVLink domain, Narayanan et al. 2021 §3.3); pipeline parallelism is a power of two
up to the layers; the remaining GPUs are data-parallel ranks (training) or independent replicas
(serving). A count that no such split divides (e.g. 3 GPUs) falls back to plain data parallelism /
replicas.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from app.core import assumptions as A
from app.core.results import Finding
from app.core.scenario import Network, Scenario
from app.core.specs import GpuSpec
from app.core.workload import global_batch_tokens, pipeline_chunks

TP_PCIE_FACTOR = A.value("tp_pcie_factor")
TP_CROSS_NODE_FACTOR = A.value("tp_cross_node_factor")
DP_PCIE_FACTOR = A.value("dp_pcie_factor")
ZERO3_FACTOR = A.value("zero3_factor")
LONG_SEQUENCE = 32768  # tokens: context parallelism is searched from here
NETWORK_FACTOR: dict[Network, float] = {n: A.value(f"network_factor_{n.value}") for n in Network}
_ETHERNET = (Network.ETH_100G, Network.ETH_25G, Network.ETH_10G)


class Layout(NamedTuple):
    """Degrees of parallelism: tensor, pipeline, data (training) or replicas (serving), context and
    expert parallelism, and the ZeRO stage over the data-parallel ranks. A named tuple: the search
    builds and hashes tens of thousands of them per plan."""

    tp: int = 1
    pp: int = 1
    dp: int = 1
    cp: int = 1
    ep: int = 1
    replicas: int = 1
    zero: int = 0

    @property
    def model_split(self) -> int:
        """GPUs one copy of the model is split over."""
        return self.tp * self.pp * self.cp


_new = tuple.__new__  # Layout(...) without NamedTuple's keyword-parsing __new__


@dataclass(frozen=True, slots=True)
class Shape:
    """What a layout's speed depends on in an accelerator: GPUs per node and the NVLink (or other
    scale-up) domain."""

    gpus_per_node: int
    nvlink_domain: int
    has_nvlink: bool
    pcie_gen: int = 4
    link: str = "NVLink"  # the vendor's name for the scale-up link (findings only)

    @classmethod
    def of(cls, gpu: GpuSpec) -> Shape:
        return cls(gpu.gpus_per_node, gpu.nvlink_domain, gpu.has_nvlink, gpu.pcie_gen, gpu.scale_up_link)


def pow2_upto(n: int) -> list[int]:
    out, v = [], 1
    while v <= n:
        out.append(v)
        v *= 2
    return out


def node_steps(limit: int) -> list[int]:
    """2, 3, 4, 6, 8, 12, 16, 24, ... (steps of x1.5 and x1.33 alternately) up to ``limit``."""
    out, a = [], 2
    while a <= limit:
        out.append(a)
        if a * 3 // 2 <= limit:
            out.append(a * 3 // 2)
        a *= 2
    return out


def candidate_counts(gpu: GpuSpec, max_gpus: int) -> list[int]:
    """Node-shaped GPU counts: 1, 2, 4, ... up to one node, then whole nodes 2, 3, 4, 6, 8, 12, ...
    (about x1.4 apart, so a deadline is met without doubling the cluster) up to ``max_gpus``."""
    counts = [c for c in pow2_upto(gpu.gpus_per_node) if c <= max_gpus]
    counts += [n * gpu.gpus_per_node for n in node_steps(max_gpus // gpu.gpus_per_node)]
    return counts


def splits(s: Scenario, gpus_per_node: int, count: int, serving: bool) -> Iterator[tuple[int, int, int]]:
    """(tp, pp, rest) for ``count`` GPUs: the pinned --tp/--pp, or every power-of-two split (TP within
    a node dividing the heads; serving always allows TP 1)."""
    m = s.model
    if s.tp:
        tps = [s.tp]
    else:
        tps = [t for t in pow2_upto(min(count, gpus_per_node)) if m.heads % t == 0 or (serving and t == 1)]
    for tp in tps:
        for pp in ([s.pp] if s.pp else pow2_upto(min(count // tp, m.layers))):
            if count % (tp * pp) == 0:
                yield tp, pp, count // (tp * pp)


def _context_degrees(s: Scenario, rest: int, model_parallel: bool) -> list[int]:
    """Context-parallel degrees for ``rest`` GPUs per model copy: the pinned one, or (long sequences
    only, >= 32K tokens, where activations outgrow the GPU) powers of two up to 8 that divide the
    sequence in 2 x cp chunks (Megatron and torchtitan balance causal attention that way)."""
    if s.cp is not None:
        return [s.cp] if rest % s.cp == 0 else []
    seq = s.training_seq_len
    if not model_parallel or seq < LONG_SEQUENCE:
        return [1]
    return [c for c in pow2_upto(min(rest, 8)) if rest % c == 0 and seq % (2 * c) == 0]


def _expert_degrees(s: Scenario, group: int, model_parallel: bool) -> list[int]:
    """Expert-parallel degrees for a MoE model over ``group`` = tp x dp x cp ranks: the pinned one, or
    powers of two dividing the experts, up to 64 (DeepSeek-V3 trained with EP 64)."""
    if s.ep is not None:
        return [s.ep] if group % s.ep == 0 else []
    if s.model.num_experts <= 1 or not model_parallel:
        return [1]
    return [e for e in pow2_upto(min(group, s.model.num_experts, 64)) if s.model.num_experts % e == 0 and group % e == 0]


def _zeros(s: Scenario, shard: int, stages: tuple[int, ...]) -> list[int]:
    """ZeRO stages to try: the pinned one, else every stage the stack has (only 0 without data
    parallelism, unless weights are offloaded: ZeRO-3 offload works on one GPU)."""
    params_offload = bool(s.offload) and any(o.value in ("params", "nvme") for o in (s.offload or ()))
    if s.zero_stage is not None:
        return [s.zero_stage]
    if params_offload:
        return [3] if 3 in stages else []
    return list(stages) if shard > 1 else [0]


def training_layouts(s: Scenario, gpus_per_node: int, count: int) -> list[Layout]:
    """Every training layout of ``count`` GPUs the stack offers: TP x PP (Megatron, torchtitan),
    context and expert parallelism where they apply, each ZeRO stage over the data-parallel ranks;
    plain data parallelism with the highest ZeRO stage when no split divides the count."""
    out = []
    vpp = s.vpp
    rules = s.rules
    mp, stages = rules.model_parallel, rules.zero_stages
    spl = splits(s, gpus_per_node, count, serving=False) if mp else iter([(1, 1, count)])
    for tp, pp, rest in spl:
        if vpp > 1 and (pp == 1 or s.model.layers % (pp * vpp)):
            continue
        for cp in _context_degrees(s, rest, mp):
            dp = rest // cp
            for ep in _expert_degrees(s, tp * dp * cp, mp):
                out += [_new(Layout, (tp, pp, dp, cp, ep, 1, z)) for z in _zeros(s, dp * cp, stages)]  # thousands per search
    if not out:
        zs = _zeros(s, count, stages)
        out.append(Layout(dp=count, zero=zs[-1] if zs else 0))
    return out


def serving_layouts(s: Scenario, gpus_per_node: int, count: int) -> list[Layout]:
    """Every serving layout of ``count`` GPUs: TP x PP per replica, the rest replicas."""
    out = [Layout(tp=tp, pp=pp, replicas=r) for tp, pp, r in splits(s, gpus_per_node, count, serving=True)]
    return out or [Layout(replicas=count)]


def layouts(s: Scenario, gpus_per_node: int, count: int) -> list[Layout]:
    return training_layouts(s, gpus_per_node, count) if s.is_training else serving_layouts(s, gpus_per_node, count)


def layout_factors(s: Scenario, shape: Shape, count: int, lays: Sequence[Layout],
                   findings: list[Finding] | None = None) -> list[float]:
    """Utilisation multiplier of each training layout of ``count`` GPUs on this interconnect
    (everything except the GPU's matmul share, the precision and the method); with ``findings``,
    the reasons too. The search scores every layout of every shape with it, so what depends only on
    the shape and the count is worked out once per call.

    - Tensor parallelism over PCIe x0.6, across nodes x0.3 (estimates; Narayanan et al. 2021 §3.3).
    - Data parallelism over PCIe inside a node x0.85.
    - Multi-node: the network's factor (InfiniBand 400/200: 1.0/0.95; 100/25/10 GbE: 0.75/0.5/0.3).
    - ZeRO-3 / FSDP full sharding x0.9 (1.5x the communication of plain DP, ZeRO paper §7).
    - Pipeline bubble (p-1)/(m v) with m the micro-batches per pipeline from the global batch and v
      the chunks per rank (Narayanan et al. 2021 §2.2); ranks the global batch leaves idle.
    These order the layouts (cheaply, the same for every accelerator of a shape); the time of the
    chosen layout comes from the calibrated step model (app.core.utilisation).
    """
    gpn, dom, nv = shape.gpus_per_node, shape.nvlink_domain, shape.has_nvlink
    # a scale-up domain wider than a server (TPU ICI, NVL72) carries the traffic instead of the network
    multinode = count > (max(gpn, dom) if nv else gpn)
    net = NETWORK_FACTOR[s.network] if multinode else 1.0
    dp_pcie = count > 1 and (not nv or min(count, gpn) > dom)
    seqs = global_batch_tokens(s) / s.training_seq_len
    micro = s.micro_batch
    batch: dict[int, float] = {}
    chunks: dict[int, int] = {}

    def idle_and_bubble(dp: int, pp: int) -> float:
        """Ranks the global batch leaves without a micro-batch, and the pipeline bubble."""
        key = dp << 16 | pp
        g = batch.get(key)
        if g is None:
            m_micro = seqs / (dp * micro)
            g = min(m_micro, 1.0)
            if pp > 1:
                v = chunks.get(pp)
                if v is None:
                    v = chunks[pp] = pipeline_chunks(s, pp)
                g /= 1.0 + (pp - 1) / (max(m_micro, 1.0) * v)
            batch[key] = g
        return g

    if findings is None:  # the search's path: thousands of layouts, no reasons
        tpf: dict[int, float] = {}
        dpf = DP_PCIE_FACTOR if dp_pcie else 1.0
        out = []
        for tp, pp, dp, _cp, _ep, _rep, zero in lays:
            t = tpf.get(tp)
            if t is None:
                t = tpf[tp] = (1.0 if tp == 1 else TP_CROSS_NODE_FACTOR if tp > gpn
                               else TP_PCIE_FACTOR if (not nv or tp > dom) else 1.0)
            f = net * t
            if dp > 1:
                f *= dpf * (ZERO3_FACTOR if zero >= 3 else 1.0)
            if pp > 1 or dp * micro > seqs:
                f *= idle_and_bubble(dp, pp)
            out.append(f)
        return out
    out = []
    for lay in lays:
        f = net
        tp = lay.tp
        if tp > 1:
            if tp > gpn:
                f *= TP_CROSS_NODE_FACTOR
                findings.append(Finding(code="tp_spans_nodes", severity="warning", params={"tp": tp, "gpus_per_node": gpn}))
            elif not nv or tp > dom:
                f *= TP_PCIE_FACTOR
                findings.append(Finding(code="tp_spans_pcie", severity="warning",
                                        params={"tp": tp, "nvlink_domain": dom, "pcie_gen": shape.pcie_gen, "link": shape.link}))
        if lay.dp > 1:
            if dp_pcie:
                f *= DP_PCIE_FACTOR
                findings.append(Finding(code="dp_over_pcie", severity="info",
                                        params={"pcie_gen": shape.pcie_gen, "nvlink_domain": dom, "link": shape.link}))
            if lay.zero >= 3:
                f *= ZERO3_FACTOR
        if lay.pp > 1 or lay.dp * micro > seqs:
            f *= idle_and_bubble(lay.dp, lay.pp)
        if multinode and s.network in _ETHERNET:
            findings.append(Finding(code="multinode_over_ethernet", severity="warning", params={
                "network": s.network.value, "nodes": -(-count // gpn), "factor": net}))
        out.append(f)
    return out


def layout_factor(s: Scenario, shape: Shape, count: int, lay: Layout, findings: list[Finding] | None = None) -> float:
    """``layout_factors`` of one layout (the evaluation of one configuration)."""
    return layout_factors(s, shape, count, (lay,), findings)[0]


def tp_over_pcie(shape: Shape, tp: int) -> bool:
    return tp > 1 and (not shape.has_nvlink or tp > shape.nvlink_domain)


def serving_link_findings(shape: Shape, lay: Layout) -> list[Finding]:
    """Where a serving layout's tensor parallelism leaves NVLink or the node."""
    out = []
    if tp_over_pcie(shape, lay.tp):
        out.append(Finding(code="tp_spans_pcie", severity="warning",
                           params={"tp": lay.tp, "nvlink_domain": shape.nvlink_domain, "pcie_gen": shape.pcie_gen}))
    if lay.tp > shape.gpus_per_node:
        out.append(Finding(code="tp_spans_nodes", severity="warning",
                           params={"tp": lay.tp, "gpus_per_node": shape.gpus_per_node}))
    return out

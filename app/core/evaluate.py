"""One configuration: ``count`` GPUs of one type, the best layout that fits (or the one needing the
least memory), its time, cost and findings, as an ``Option``."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core import memory as mem
from app.core.cost import Prices, job_cost, prices_for, relevant_cost, service_hours
from app.core.layouts import Layout, Shape, layouts, serving_link_findings
from app.core.precision import compute_precision_for
from app.core.results import Finding, MemoryBreakdown, Option, Parallelism, Workload
from app.core.scenario import Deployment, Scenario
from app.core.specs import GpuSpec
from app.core.throughput import MBU, InferenceSpeed, inference_speed, training_efficiency, training_time_s
from app.core.workload import workload as compute_workload


@dataclass
class Evaluated:
    """A layout with its memory and (training) utilisation."""

    layout: Layout
    memory: MemoryBreakdown
    eff_nominal: float = 0.0
    eff_low: float = 0.0
    eff_high: float = 0.0
    findings: list[Finding] = field(default_factory=list)


def nodes_for(gpu: GpuSpec, count: int) -> int:
    return -(-count // gpu.gpus_per_node)


def precision_findings(s: Scenario, gpu: GpuSpec) -> list[Finding]:
    """A training precision the GPU has no tensor cores for is an error; a weight format computed in
    BF16 (dequantised) is worth saying."""
    if s.is_training:
        if gpu.peak_flops(s.precision) is None:
            return [Finding(code="precision_unsupported", severity="error", params={"gpu": gpu.id, "precision": s.precision})]
        return []
    cp = compute_precision_for(s.quant)
    if gpu.peak_flops(cp) is None:
        return [Finding(code="precision_emulated", severity="info", params={"gpu": gpu.id, "quant": s.quant, "compute": "bf16"})]
    return []


def is_viable(o: Option) -> bool:
    return o.fits and not any(f.severity == "error" for f in o.findings)


def _training(s: Scenario, gpu: GpuSpec, count: int, lay: Layout) -> Evaluated:
    e = training_efficiency(s, gpu, count, lay)
    return Evaluated(lay, mem.training_memory(s, lay), e.nominal, e.low, e.high, e.findings)


def _serving(s: Scenario, gpu: GpuSpec, lay: Layout) -> Evaluated:
    return Evaluated(lay, mem.inference_memory(s, lay), MBU, MBU, MBU, serving_link_findings(Shape.of(gpu), lay))


def best_training_layout(s: Scenario, gpu: GpuSpec, count: int) -> Evaluated:
    """Best utilisation among the layouts that fit; on a tie the simpler one (least model splitting,
    lowest ZeRO stage). When none fits, the one needing the least memory."""
    cands = [_training(s, gpu, count, lay) for lay in layouts(s, gpu.gpus_per_node, count)]
    fitting = [c for c in cands if c.memory.total <= gpu.memory_bytes]
    if fitting:
        return max(fitting, key=lambda c: (round(c.eff_nominal, 9), -c.layout.tp * c.layout.pp, -c.layout.zero,
                                           -c.memory.total))
    return min(cands, key=lambda c: c.memory.total)


def best_serving_layout(s: Scenario, gpu: GpuSpec, count: int) -> tuple[Evaluated, InferenceSpeed]:
    """Most aggregate throughput (then per-sequence speed) among the layouts that fit; when none fits,
    the one needing the least memory."""
    cands = [_serving(s, gpu, lay) for lay in layouts(s, gpu.gpus_per_node, count)]
    fitting = [c for c in cands if c.memory.total <= gpu.memory_bytes]
    if not fitting:
        least = min(cands, key=lambda c: c.memory.total)
        return least, inference_speed(s, gpu, least.layout)
    speeds = [(c, inference_speed(s, gpu, c.layout)) for c in fitting]
    return max(speeds, key=lambda cs: (cs[1].aggregate_tokens_per_s, cs[1].decode_tokens_per_s))


def evaluate(s: Scenario, gpu: GpuSpec, count: int, wl: Workload | None = None, prices: Prices | None = None,
             layout: Layout | None = None) -> Option:
    """One configuration: ``count`` GPUs of type ``gpu`` with ``layout`` (the search's choice), or the
    best layout that fits."""
    wl = wl or compute_workload(s)
    prices = prices or prices_for(s, gpu)
    findings = precision_findings(s, gpu)
    if s.is_training:
        ev = _training(s, gpu, count, layout) if layout is not None else best_training_layout(s, gpu, count)
        option = _training_option(s, gpu, count, wl, prices, ev)
    else:
        if layout is not None:
            ev = _serving(s, gpu, layout)
            sp = inference_speed(s, gpu, layout)
        else:
            ev, sp = best_serving_layout(s, gpu, count)
        option = _serving_option(s, gpu, count, prices, ev, sp)
    return _judge(s, option, findings)


def _parallelism(lay: Layout) -> Parallelism:
    return Parallelism(tp=lay.tp, pp=lay.pp, dp=lay.dp, cp=lay.cp, ep=lay.ep, zero_stage=lay.zero, replicas=lay.replicas)


def _training_option(s: Scenario, gpu: GpuSpec, count: int, wl: Workload, prices: Prices, ev: Evaluated) -> Option:
    peak = gpu.peak_flops(s.precision) or gpu.peak_flops_bf16
    t = training_time_s(wl.hardware_flops, count, peak, ev.eff_nominal)
    t_fast = training_time_s(wl.hardware_flops, count, peak, ev.eff_high)
    t_slow = training_time_s(wl.hardware_flops, count, peak, ev.eff_low)
    ratio = wl.train_flops / wl.hardware_flops if wl.hardware_flops else 1.0
    hours = t / 3600.0
    cost, cf = job_cost(s, gpu, count, hours, prices)
    return Option(
        gpu=gpu.id, gpu_name=gpu.name, gpu_count=count, nodes=nodes_for(gpu, count), parallelism=_parallelism(ev.layout),
        precision=s.precision, mfu=ev.eff_nominal * ratio, mfu_range=(ev.eff_low * ratio, ev.eff_high * ratio),
        fits=ev.memory.total <= gpu.memory_bytes, memory_per_gpu_bytes=ev.memory.total,
        memory_capacity_bytes=gpu.memory_bytes, memory_breakdown_bytes=ev.memory,
        job_s=t, job_s_range=(t_fast, t_slow), gpu_hours=count * hours,
        throughput_tokens_per_s=wl.tokens / t if t > 0 else 0.0, cost=cost, findings=ev.findings + cf)


def _serving_option(s: Scenario, gpu: GpuSpec, count: int, prices: Prices, ev: Evaluated, sp: InferenceSpeed) -> Option:
    hours = service_hours(s)
    cost, cf = job_cost(s, gpu, count, hours, prices)
    findings: list[Finding] = []
    if sp.compute_bound:
        findings.append(Finding(code="decode_compute_bound", severity="info", params={"concurrency": s.concurrency}))
    if s.inference_context > s.model.context:
        findings.append(Finding(code="context_exceeds_model", severity="warning",
                                params={"context": s.inference_context, "model_context": s.model.context}))
    if ev.memory.kv_cache > ev.memory.weights:
        findings.append(Finding(code="kv_cache_dominates", severity="info",
                                params={"kv_cache_bytes": ev.memory.kv_cache, "weights_bytes": ev.memory.weights}))
    return Option(
        gpu=gpu.id, gpu_name=gpu.name, gpu_count=count, nodes=nodes_for(gpu, count), parallelism=_parallelism(ev.layout),
        weight_format=s.quant, mbu=MBU, fits=ev.memory.total <= gpu.memory_bytes,
        memory_per_gpu_bytes=ev.memory.total, memory_capacity_bytes=gpu.memory_bytes,
        memory_breakdown_bytes=ev.memory, request_s=sp.request_s, request_s_range=sp.request_s_range,
        gpu_hours=count * hours, throughput_tokens_per_s=sp.aggregate_tokens_per_s,
        decode_tokens_per_s=sp.decode_tokens_per_s, prefill_tokens_per_s=sp.prefill_tokens_per_s,
        time_to_first_token_s=sp.ttft_s, cost=cost, findings=findings + ev.findings + cf)


def _judge(s: Scenario, o: Option, first: list[Finding]) -> Option:
    """Memory, deadline, power and budget checks, as findings and flags (after ``first``, the
    precision findings, and the option's own)."""
    findings = first + o.findings
    if not o.fits:
        findings.insert(0, Finding(code="does_not_fit", severity="error", params={
            "memory_per_gpu_bytes": o.memory_per_gpu_bytes, "capacity_bytes": o.memory_capacity_bytes,
            "gpu_count": o.gpu_count}))
    meets = True
    if o.job_s is not None and s.deadline_days is not None:
        t, t_slow = o.job_s, o.duration_s_range[1]
        if t > s.deadline_days * 86400.0:
            meets = False
            findings.append(Finding(code="exceeds_deadline", severity="error",
                                    params={"days": t / 86400.0, "deadline_days": s.deadline_days}))
        elif t_slow > s.deadline_days * 86400.0:
            findings.append(Finding(code="deadline_at_risk", severity="warning",
                                    params={"days_slow": t_slow / 86400.0, "deadline_days": s.deadline_days}))
    within_power = s.power_limit_kw is None or o.cost.power_kw <= s.power_limit_kw
    if not within_power:
        findings.append(Finding(code="power_limit_exceeded", severity="error" if s.deployment == Deployment.ONPREM else "info",
                                params={"power_kw": o.cost.power_kw, "limit_kw": s.power_limit_kw}))
    within = True
    spend = relevant_cost(s, o.cost.cloud, o.cost.onprem if within_power else None)
    if s.budget is not None and spend is not None and spend > s.budget:
        within = False
        findings.append(Finding(code="over_budget", severity="error",
                                params={"cost": spend, "budget": s.budget, "currency": s.currency}))
    return o.model_copy(update={"findings": findings, "meets_deadline": meets, "within_budget": within,
                                "within_power": within_power})

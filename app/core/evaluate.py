"""One configuration: ``count`` GPUs of one type, the best layout that fits (or the one needing the
least memory), its time, cost and findings, as an ``Option``."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from app.core import assumptions as A
from app.core import memory as mem
from app.core.cost import Prices, job_cost, prices_for, relevant_cost, service_hours
from app.core.layouts import Layout, Shape, layout_factors, layouts, serving_link_findings
from app.core.offload import saver_variants
from app.core.precision import compute_precision_for
from app.core.results import Finding, MemoryBreakdown, Option, Parallelism, ServiceCheck, TokenPrices, Workload
from app.core.runtimes import engine_runs_on, format_runs_on
from app.core.scenario import Deployment, Scenario
from app.core.service import choice_key, load_layout, serve, token_price
from app.core.specs import GpuSpec
from app.core.stacks import Engine
from app.core.throughput import InferenceSpeed, inference_speed, mbu_for, training_efficiency, training_time_s
from app.core.workload import workload as compute_workload

HEADROOM = A.value("memory_headroom")
SPREAD = A.value("memory_estimate_spread")


@dataclass
class Evaluated:
    """A layout with its memory and (training) utilisation, for scenario ``s`` (a memory saver's
    variant when the plain scenario does not fit)."""

    layout: Layout
    memory: MemoryBreakdown
    eff_nominal: float = 0.0
    eff_low: float = 0.0
    eff_high: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    s: Scenario | None = None
    gpu_layers: int | None = None
    host: float = 0.0  # bytes per GPU in host RAM (offload, llama.cpp's CPU layers)
    nvme: float = 0.0
    factors: list[tuple[str, float]] = field(default_factory=list)


def nodes_for(gpu: GpuSpec, count: int) -> int:
    return -(-count // gpu.gpus_per_node)


def precision_findings(s: Scenario, gpu: GpuSpec) -> list[Finding]:
    """A training precision the GPU has no tensor cores for is an error; a weight format computed in
    BF16 (dequantised) is worth saying."""
    if s.is_training:
        if gpu.peak_flops(s.precision) is None:
            alt = next((p for p in ("bf16", "fp16", "fp8") if p != s.precision and gpu.supports(p)), "")
            return [Finding(code="precision_unsupported", severity="error",
                            params={"gpu": gpu.id, "precision": s.precision, "instead": alt})]
        return []
    if not format_runs_on(s.engine, s.quant, gpu.architecture):
        return [Finding(code="format_unsupported", severity="error", params={
            "gpu": gpu.id, "quant": s.quant, "engine": s.engine.value,
            "engine_runs": engine_runs_on(s.engine, gpu.architecture)})]
    cp = compute_precision_for(s.quant)
    if gpu.peak_flops(cp) is None:
        return [Finding(code="precision_emulated", severity="info", params={"gpu": gpu.id, "quant": s.quant, "compute": "bf16"})]
    return []


def is_viable(o: Option) -> bool:
    return o.fits and not any(f.severity == "error" for f in o.findings)


def _training(s: Scenario, gpu: GpuSpec, count: int, lay: Layout, flops_per_token: float = 0.0,
              tm: mem.TrainingMemory | None = None) -> Evaluated:
    e = training_efficiency(s, gpu, count, lay, flops_per_token)
    parts = (tm or mem.TrainingMemory(s)).parts(lay)
    return Evaluated(lay, mem.breakdown(parts), e.nominal, e.low, e.high, e.findings, s, host=parts.host, nvme=parts.nvme,
                     factors=e.factors)


def _serving(s: Scenario, gpu: GpuSpec, lay: Layout, gpu_layers: int | None = None) -> Evaluated:
    layers = gpu_layers if gpu_layers is not None else s.gpu_layers
    p = mem.inference_memory_parts(s, tp=lay.tp, pp=lay.pp, replicas=load_layout(s, lay).replicas, gpu_layers=layers)
    memory = MemoryBreakdown(weights=p.weights, activations=p.activations, kv_cache=p.kv_cache, overhead=p.overhead)
    mbu = mbu_for(s)
    return Evaluated(lay, memory, mbu, mbu, mbu, serving_link_findings(Shape.of(gpu), lay), s, layers, host=p.host)


def _best_fitting(s: Scenario, gpu: GpuSpec, count: int, flops_per_token: float) -> Evaluated | None:
    tm = mem.TrainingMemory(s)
    every = layouts(s, gpu.gpus_per_node, count)
    factors = layout_factors(s, Shape.of(gpu), count, every)
    # the search's order (app.core.search.LayoutCache.ordered): layout factor, then less model
    # splitting, then a lower ZeRO stage; the first that fits
    order = sorted(range(len(every)), key=lambda i: (-factors[i], every[i].tp * every[i].pp, every[i].zero, i))
    for i in order:
        if tm.total(every[i]) <= gpu.memory_bytes:
            return _training(s, gpu, count, every[i], flops_per_token, tm)
    return None


def best_training_layout(s: Scenario, gpu: GpuSpec, count: int, flops_per_token: float = 0.0) -> Evaluated:
    """Best utilisation among the layouts that fit; on a tie the simpler one (least model splitting,
    lowest ZeRO stage). When none fits, the first memory saver that fits (app.core.offload); when
    none does either, the plain layout needing the least memory."""
    for v in (s, *saver_variants(s)):
        best = _best_fitting(v, gpu, count, flops_per_token)
        if best is not None:
            return best
    tm = mem.TrainingMemory(s)
    least = min(layouts(s, gpu.gpus_per_node, count), key=tm.total)
    return _training(s, gpu, count, least, flops_per_token, tm)


def best_serving_layout(s: Scenario, gpu: GpuSpec, count: int) -> tuple[Evaluated, InferenceSpeed]:
    """Among the layouts that fit in the memory the engine lets the model use, the one meeting the
    service level (else the nearest miss), then the most aggregate throughput, then per-sequence
    speed (app.core.service.choice_key, as the search); llama.cpp on one GPU keeps the layers that
    fit; when nothing fits, the layout needing the least memory."""
    usable = mem.usable_memory(s, gpu.memory_bytes, gpu.architecture)
    cands = [_serving(s, gpu, lay) for lay in layouts(s, gpu.gpus_per_node, count)]
    fitting = [c for c in cands if c.memory.total <= usable]
    if not fitting and s.engine == Engine.LLAMA_CPP and s.gpu_layers is None and count == 1:
        n = mem.gpu_layers_that_fit(s, usable * HEADROOM)
        if n >= 1:
            ev = _serving(s, gpu, Layout(), n)
            return ev, inference_speed(s, gpu, ev.layout, n)
    if not fitting:
        least = min(cands, key=lambda c: c.memory.total)
        return least, inference_speed(s, gpu, least.layout, least.gpu_layers)
    served = [(c, *serve(s, gpu, c.layout, c.gpu_layers)) for c in fitting]
    best = max(served, key=lambda x: choice_key(x[1], x[2]))
    return best[0], best[1]


def evaluate(s: Scenario, gpu: GpuSpec, count: int, wl: Workload | None = None, prices: Prices | None = None,
             layout: Layout | None = None) -> Option:
    """One configuration: ``count`` GPUs of type ``gpu`` with ``layout`` (the search's choice), or the
    best layout that fits."""
    wl = wl or compute_workload(s)
    prices = prices or prices_for(s, gpu)
    findings = precision_findings(s, gpu)
    if s.is_training:
        fpt = wl.hardware_flops / max(wl.tokens, 1.0)
        ev = _training(s, gpu, count, layout, fpt) if layout is not None else best_training_layout(s, gpu, count, fpt)
        option = _training_option(ev.s or s, gpu, count, wl, prices, ev)
    else:
        if layout is not None:
            ev = _serving(s, gpu, layout)
            usable = mem.usable_memory(s, gpu.memory_bytes, gpu.architecture)
            if ev.memory.total > usable and s.engine == Engine.LLAMA_CPP and s.gpu_layers is None and count == 1:
                ev = _serving(s, gpu, layout, mem.gpu_layers_that_fit(s, usable * HEADROOM))
            sp = inference_speed(s, gpu, layout, ev.gpu_layers)
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
    per_node = min(count, gpu.gpus_per_node)
    offload = [o.value for o in (s.offload or ())]
    return Option(
        gpu=gpu.id, gpu_name=gpu.name, gpu_count=count, nodes=nodes_for(gpu, count), parallelism=_parallelism(ev.layout),
        precision=s.precision, mfu=ev.eff_nominal * ratio, mfu_range=(ev.eff_low * ratio, ev.eff_high * ratio),
        hfu=ev.eff_nominal, utilisation_factors=ev.factors,
        fits=ev.memory.total <= gpu.memory_bytes, memory_per_gpu_bytes=ev.memory.total,
        memory_capacity_bytes=gpu.memory_bytes, memory_breakdown_bytes=ev.memory,
        stack=s.training_stack.value, offload=offload, optimizer_in_backward=bool(s.optimizer_in_backward),
        host_memory_per_node_bytes=ev.host * per_node, nvme_per_node_bytes=ev.nvme * per_node,
        job_s=t, job_s_range=(t_fast, t_slow), gpu_hours=count * hours,
        throughput_tokens_per_s=wl.tokens / t if t > 0 else 0.0, cost=cost,
        findings=_saver_findings(s, ev, gpu, count) + ev.findings + cf)


def _saver_findings(s: Scenario, ev: Evaluated, gpu: GpuSpec, count: int) -> list[Finding]:
    """What a memory saver costs: host RAM or NVMe per server and the time lost to transfers."""
    out = []
    per_node = min(count, gpu.gpus_per_node)
    if s.offload:
        plain = training_efficiency(s.model_copy(update={"offload": ()}), gpu, count, ev.layout).nominal
        out.append(Finding(code="offload_used", severity="warning", params={
            "offload": ", ".join(o.value for o in s.offload), "host_bytes": ev.host * per_node,
            "nvme_bytes": ev.nvme * per_node, "slowdown": 1.0 - ev.eff_nominal / plain if plain else 0.0}))
    if s.optimizer_in_backward:
        out.append(Finding(code="optimizer_in_backward", severity="info", params={}))
    if s.optimizer.value == "paged-adamw-8bit":
        out.append(Finding(code="paged_optimizer", severity="info", params={}))
    return out


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
    usable = mem.usable_memory(s, gpu.memory_bytes, gpu.architecture)
    if ev.gpu_layers is not None and ev.gpu_layers < s.model.layers:
        findings.append(Finding(code="layers_on_cpu", severity="warning", params={
            "gpu_layers": ev.gpu_layers, "layers": s.model.layers, "host_bytes": ev.host}))
    if s.model.sliding_window and s.model.local_layers and s.inference_context > s.model.sliding_window:
        findings.append(Finding(code="sliding_window_kv", severity="info", params={
            "window": s.model.sliding_window, "local_layers": s.model.local_layers, "layers": s.model.layers}))
    _, sl = serve(s, gpu, ev.layout, ev.gpu_layers)
    check = None
    if s.has_service_level:
        check = ServiceCheck(tokens_per_s=sl.tokens_per_s, time_to_first_token_s=sl.ttft_s if math.isfinite(sl.ttft_s) else 0.0,
                             met=sl.met, binding=sl.binding, replicas=ev.layout.replicas, active_replicas=sl.active_replicas,
                             min_tokens_per_s=s.min_tokens_per_s, max_ttft_s=s.max_ttft_s)
    per_million: dict[str, TokenPrices] = {}
    for where, total in (("cloud", cost.cloud), ("onprem", cost.onprem)):
        tp_ = token_price(s, sp, total)
        if tp_ is not None:
            per_million[where] = TokenPrices(input=tp_.input, output=tp_.output, blended=tp_.blended)
    return Option(
        gpu=gpu.id, gpu_name=gpu.name, gpu_count=count, nodes=nodes_for(gpu, count), parallelism=_parallelism(ev.layout),
        weight_format=s.quant, mbu=mbu_for(s), service_level=check, cost_per_million_tokens=per_million, fits=ev.memory.total <= usable, memory_usable_bytes=usable,
        gpu_layers=ev.gpu_layers, host_memory_per_node_bytes=ev.host, memory_per_gpu_bytes=ev.memory.total, memory_capacity_bytes=gpu.memory_bytes,
        memory_breakdown_bytes=ev.memory, request_s=sp.request_s, request_s_range=sp.request_s_range,
        gpu_hours=count * hours, throughput_tokens_per_s=sp.aggregate_tokens_per_s,
        decode_tokens_per_s=sp.decode_tokens_per_s, prefill_tokens_per_s=sp.prefill_tokens_per_s,
        time_to_first_token_s=sp.ttft_s, cost=cost, findings=findings + ev.findings + cf)


def _service_finding(sl: ServiceCheck) -> Finding:
    """The target that binds, met or missed: achieved against asked, with the replicas carrying it."""
    if sl.binding == "availability":
        return Finding(code="service_level_missed", severity="error", params={
            "binding": "availability", "replicas": sl.replicas, "active_replicas": 0})
    if sl.binding == "min_tokens_per_s":
        achieved, target = sl.tokens_per_s, sl.min_tokens_per_s
    elif sl.binding == "max_ttft_s":
        achieved, target = sl.time_to_first_token_s, sl.max_ttft_s
    else:  # N+1 alone: no speed target
        return Finding(code="service_level_met", severity="info", params={
            "binding": "availability", "replicas": sl.replicas, "active_replicas": sl.active_replicas})
    return Finding(code="service_level_met" if sl.met else "service_level_missed", severity="info" if sl.met else "error",
                   params={"binding": sl.binding, "achieved": achieved, "target": target, "replicas": sl.replicas,
                           "active_replicas": sl.active_replicas})


def _judge(s: Scenario, o: Option, first: list[Finding]) -> Option:
    """Memory, deadline, power and budget checks, as findings and flags (after ``first``, the
    precision findings, and the option's own)."""
    findings = first + o.findings
    usable = o.memory_usable_bytes or o.memory_capacity_bytes
    if not o.fits:
        findings.insert(0, Finding(code="does_not_fit", severity="error", params={
            "memory_per_gpu_bytes": o.memory_per_gpu_bytes, "capacity_bytes": usable,
            "gpu_count": o.gpu_count}))
    elif o.memory_per_gpu_bytes > HEADROOM * usable:
        findings.append(Finding(code="memory_headroom", severity="warning", params={
            "share": o.memory_per_gpu_bytes / usable, "spread": SPREAD, "serving": o.job_s is None}))
    meets = True
    target = s.target_days
    if o.job_s is not None and target is not None:
        t, t_slow = o.job_s, o.duration_s_range[1]
        why = {"deadline_days": target, "target": s.deadline_is_target}
        if t > target * 86400.0:
            meets = False
            findings.append(Finding(code="exceeds_deadline", severity="error", params={"days": t / 86400.0, **why}))
        elif t_slow > target * 86400.0:
            findings.append(Finding(code="deadline_at_risk", severity="warning",
                                    params={"days_slow": t_slow / 86400.0, **why}))
    sl = o.service_level
    if sl is not None and o.fits:
        findings.append(_service_finding(sl))
        meets = meets and sl.met
    within_power = s.power_limit_kw is None or o.cost.power_kw <= s.power_limit_kw
    if not within_power:
        findings.append(Finding(code="power_limit_exceeded", severity="error" if s.deployment == Deployment.ONPREM else "info",
                                params={"power_kw": o.cost.power_kw, "limit_kw": s.power_limit_kw}))
    if s.deployment == Deployment.ONPREM and o.cost.onprem is None:  # on-prem only, and it cannot be bought
        findings = [f.model_copy(update={"severity": "error"}) if f.code in ("not_sold_separately", "gpu_price_missing") else f
                    for f in findings]
    within = True
    spend = relevant_cost(s, o.cost.cloud, o.cost.onprem if within_power else None, s.own.get(o.gpu, 0) >= o.gpu_count)
    if s.budget is not None and spend is not None and spend > s.budget:
        within = False
        findings.append(Finding(code="over_budget", severity="error",
                                params={"cost": spend, "budget": s.budget, "currency": s.currency}))
    return o.model_copy(update={"findings": findings, "meets_deadline": meets, "within_budget": within,
                                "within_power": within_power})

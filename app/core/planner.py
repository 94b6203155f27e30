"""plan(scenario, gpus) -> Plan: evaluate one configuration, or search GPU types and counts.

This is the minimal search (smallest node-shaped GPU count per GPU type that fits and meets the
deadline); the recommendation issue widens it to Pareto fronts and nearest feasible changes.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

from app.core import memory as mem
from app.core.cost import Prices, job_cost, power_kw, service_hours
from app.core.precision import compute_precision_for
from app.core.results import (Assumption, Finding, MemoryBreakdown, Option, Parallelism, Plan,
                              Rejected, Verdict, Workload)
from app.core.scenario import DEFAULT_SOURCES, Deployment, Goal, Scenario
from app.core.specs import CloudOffer, GpuSpec
from app.core.throughput import (BASE_MFU, BASE_MFU_RANGE, MBU, MFU_SOURCES, inference_speed,
                                 nodes_for, training_efficiency, training_time_s)
from app.core.workload import workload as compute_workload

DEFAULT_TARGET_DAYS = 90.0  # search target for training when no deadline is given (seed §4: "3 months")


def _pow2_upto(n: int) -> list[int]:
    out, v = [], 1
    while v <= n:
        out.append(v)
        v *= 2
    return out


def _node_steps(limit: int) -> list[int]:
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
    counts = [c for c in _pow2_upto(gpu.gpus_per_node) if c <= max_gpus]
    counts += [n * gpu.gpus_per_node for n in _node_steps(max_gpus // gpu.gpus_per_node)]
    return counts


@dataclass
class _Layout:
    tp: int
    pp: int
    dp: int
    zero: int
    replicas: int
    memory: MemoryBreakdown
    eff_nominal: float
    eff_low: float
    eff_high: float
    findings: list[Finding]


def _training_layouts(s: Scenario, gpu: GpuSpec, count: int) -> list[_Layout]:
    m = s.model
    tps = [s.tp] if s.tp else [t for t in _pow2_upto(min(count, gpu.gpus_per_node)) if m.heads % t == 0]
    out: list[_Layout] = []
    for tp in tps:
        pps = [s.pp] if s.pp else _pow2_upto(min(count // tp, m.layers))
        for pp in pps:
            if count % (tp * pp):
                continue
            dp = count // (tp * pp)
            zeros = [s.zero_stage] if s.zero_stage is not None else ([0, 1, 2, 3] if dp > 1 else [0])
            for z in zeros:
                mb = mem.training_memory(s, tp=tp, pp=pp, dp=dp, zero_stage=z)
                e = training_efficiency(s, gpu, count, tp, pp, dp, z)
                out.append(_Layout(tp, pp, dp, z, 1, mb, e.nominal, e.low, e.high, e.findings))
    return out


def _inference_layouts(s: Scenario, gpu: GpuSpec, count: int) -> list[_Layout]:
    m = s.model
    tps = [s.tp] if s.tp else [t for t in _pow2_upto(min(count, gpu.gpus_per_node)) if m.heads % t == 0 or t == 1]
    out: list[_Layout] = []
    for tp in tps:
        pps = [s.pp] if s.pp else _pow2_upto(min(count // tp, m.layers))
        for pp in pps:
            if count % (tp * pp):
                continue
            replicas = count // (tp * pp)
            mb = mem.inference_memory(s, tp=tp, pp=pp, replicas=replicas)
            findings: list[Finding] = []
            if tp > 1 and (not gpu.has_nvlink or tp > gpu.nvlink_domain):
                findings.append(Finding(code="tp_spans_pcie", severity="warning", params={"tp": tp, "nvlink_domain": gpu.nvlink_domain, "pcie_gen": gpu.pcie_gen}))
            if tp > gpu.gpus_per_node:
                findings.append(Finding(code="tp_spans_nodes", severity="warning", params={"tp": tp, "gpus_per_node": gpu.gpus_per_node}))
            out.append(_Layout(tp, pp, 1, 0, replicas, mb, MBU, MBU, MBU, findings))
    return out


def _pick(layouts: list[_Layout], capacity: float, key) -> _Layout:
    fitting = [l for l in layouts if l.memory.total <= capacity]
    if fitting:
        return max(fitting, key=key)
    return min(layouts, key=lambda l: l.memory.total)


def _precision_findings(s: Scenario, gpu: GpuSpec) -> list[Finding]:
    if s.is_training:
        if gpu.peak_flops(s.precision) is None:
            return [Finding(code="precision_unsupported", severity="error", params={"gpu": gpu.id, "precision": s.precision})]
        return []
    cp = compute_precision_for(s.quant)
    if gpu.peak_flops(cp) is None:
        return [Finding(code="precision_emulated", severity="info", params={"gpu": gpu.id, "quant": s.quant, "compute": "bf16"})]
    return []


def _training_layout(s: Scenario, gpu: GpuSpec, count: int, tp: int, pp: int, dp: int, zero: int) -> _Layout:
    mb = mem.training_memory(s, tp=tp, pp=pp, dp=dp, zero_stage=zero)
    e = training_efficiency(s, gpu, count, tp, pp, dp, zero)
    return _Layout(tp, pp, dp, zero, 1, mb, e.nominal, e.low, e.high, e.findings)


def evaluate(s: Scenario, gpu: GpuSpec, count: int, wl: Workload | None = None, prices: Prices | None = None,
             layout: tuple[int, int, int, int] | None = None) -> Option:
    """One configuration: ``count`` GPUs of type ``gpu``, best layout that fits (or the least memory).

    ``layout`` (tp, pp, dp or replicas, zero) skips the layout search when the caller has chosen it."""
    wl = wl or compute_workload(s)
    findings = _precision_findings(s, gpu)
    nodes = nodes_for(gpu, count)
    if s.is_training:
        if layout is not None:
            lay = _training_layout(s, gpu, count, *layout)
        else:
            layouts = _training_layouts(s, gpu, count) or [_fallback_layout(s, gpu, count)]
            # best utilisation; on a tie the simpler layout (least model splitting, lowest ZeRO stage)
            lay = _pick(layouts, gpu.memory_bytes, key=lambda l: (round(l.eff_nominal, 9), -l.tp * l.pp, -l.zero, -l.memory.total))
        peak = gpu.peak_flops(s.precision) or gpu.peak_flops_bf16
        t = training_time_s(wl.hardware_flops, count, peak, lay.eff_nominal)
        t_fast = training_time_s(wl.hardware_flops, count, peak, lay.eff_high)
        t_slow = training_time_s(wl.hardware_flops, count, peak, lay.eff_low)
        ratio = wl.train_flops / wl.hardware_flops if wl.hardware_flops else 1.0
        mfu, mfu_range = lay.eff_nominal * ratio, (lay.eff_low * ratio, lay.eff_high * ratio)
        hours = t / 3600.0
        gpu_hours = count * hours
        throughput = wl.tokens / t if t > 0 else 0.0
        decode = prefill = ttft = 0.0
        precision = s.precision
        cost, cf = job_cost(s, gpu, count, hours, prices)
    else:
        if layout is not None:
            tp, pp, replicas, _ = layout
            lay = next(l for l in _inference_layouts(s.model_copy(update={"tp": tp, "pp": pp}), gpu, count)
                       if l.replicas == replicas)
        else:
            layouts = _inference_layouts(s, gpu, count) or [_fallback_layout(s, gpu, count)]
            speeds = {}

            def key(l: _Layout):
                sp = speeds.setdefault(id(l), inference_speed(s, gpu, l.tp, l.pp, l.replicas))
                return (sp.aggregate_tokens_per_s, sp.decode_tokens_per_s)

            lay = _pick(layouts, gpu.memory_bytes, key=key)
        sp = inference_speed(s, gpu, lay.tp, lay.pp, lay.replicas)
        t, (t_fast, t_slow) = sp.request_s, sp.request_s_range
        mfu, mfu_range = MBU, (MBU, MBU)
        decode, prefill, ttft = sp.decode_tokens_per_s, sp.prefill_tokens_per_s, sp.ttft_s
        throughput = sp.aggregate_tokens_per_s
        hours = service_hours(s)
        gpu_hours = count * hours
        precision = s.quant
        cost, cf = job_cost(s, gpu, count, hours, prices)
        if sp.compute_bound:
            findings.append(Finding(code="decode_compute_bound", severity="info", params={"concurrency": s.concurrency}))
        if s.inference_context > s.model.context:
            findings.append(Finding(code="context_exceeds_model", severity="warning", params={"context": s.inference_context, "model_context": s.model.context}))
        if lay.memory.kv_cache > lay.memory.weights:
            findings.append(Finding(code="kv_cache_dominates", severity="info", params={"kv_cache_bytes": lay.memory.kv_cache, "weights_bytes": lay.memory.weights}))
    findings.extend(lay.findings)
    findings.extend(cf)
    fits = lay.memory.total <= gpu.memory_bytes
    if not fits:
        findings.insert(0, Finding(code="does_not_fit", severity="error", params={
            "memory_per_gpu_bytes": lay.memory.total, "capacity_bytes": gpu.memory_bytes, "gpu_count": count}))
    meets = True
    if s.is_training and s.deadline_days is not None:
        if t > s.deadline_days * 86400.0:
            meets = False
            findings.append(Finding(code="exceeds_deadline", severity="error", params={"days": t / 86400.0, "deadline_days": s.deadline_days}))
        elif t_slow > s.deadline_days * 86400.0:
            findings.append(Finding(code="deadline_at_risk", severity="warning", params={"days_slow": t_slow / 86400.0, "deadline_days": s.deadline_days}))
    within_power = s.power_limit_kw is None or cost.power_kw <= s.power_limit_kw
    if not within_power:
        findings.append(Finding(code="power_limit_exceeded", severity="error" if s.deployment == Deployment.ONPREM else "info",
                                params={"power_kw": cost.power_kw, "limit_kw": s.power_limit_kw}))
    within = True
    spend = _relevant_cost(s, cost.cloud, cost.onprem if within_power else None)
    if s.budget is not None and spend is not None and spend > s.budget:
        within = False
        findings.append(Finding(code="over_budget", severity="error", params={"cost": spend, "budget": s.budget, "currency": s.currency}))
    return Option(
        gpu=gpu.id, gpu_name=gpu.name, gpu_count=count, nodes=nodes,
        parallelism=Parallelism(tp=lay.tp, pp=lay.pp, dp=lay.dp, zero_stage=lay.zero, replicas=lay.replicas),
        precision=precision, mfu=mfu, mfu_range=mfu_range, fits=fits,
        memory_per_gpu_bytes=lay.memory.total, memory_capacity_bytes=gpu.memory_bytes,
        memory_breakdown_bytes=lay.memory, wall_clock_s=t, wall_clock_s_range=(t_fast, t_slow),
        gpu_hours=gpu_hours, throughput_tokens_per_s=throughput, decode_tokens_per_s=decode,
        prefill_tokens_per_s=prefill, time_to_first_token_s=ttft, cost=cost,
        meets_deadline=meets, within_budget=within, within_power=within_power, findings=findings,
    )


def _fallback_layout(s: Scenario, gpu: GpuSpec, count: int) -> _Layout:
    """A count no power-of-two layout divides (e.g. 3 GPUs): plain data parallelism / replicas."""
    if s.is_training:
        z = s.zero_stage if s.zero_stage is not None else (3 if count > 1 else 0)
        mb = mem.training_memory(s, tp=1, pp=1, dp=count, zero_stage=z)
        e = training_efficiency(s, gpu, count, 1, 1, count, z)
        return _Layout(1, 1, count, z, 1, mb, e.nominal, e.low, e.high, e.findings)
    mb = mem.inference_memory(s, tp=1, pp=1, replicas=count)
    return _Layout(1, 1, 1, 0, count, mb, MBU, MBU, MBU, [])


def _relevant_cost(s: Scenario, cloud: float | None, onprem: float | None) -> float | None:
    if s.deployment == Deployment.CLOUD:
        return cloud
    if s.deployment == Deployment.ONPREM:
        return onprem
    vals = [v for v in (cloud, onprem) if v is not None]
    return min(vals) if vals else None


def _viable(o: Option) -> bool:
    return o.fits and not any(f.severity == "error" for f in o.findings)


def _rank_key(s: Scenario, o: Option):
    c = _relevant_cost(s, o.cost.cloud, o.cost.onprem)
    return (0 if _viable(o) else 1, c if c is not None else float("inf"), o.wall_clock_s)


def assumptions(s: Scenario) -> list[Assumption]:
    a = [
        Assumption(name="bytes_per_param_accounting", value="ZeRO 16 (2 weights + 2 gradients + 12 AdamW states)",
                   source="Rajbhandari et al. 2020 (ZeRO), §3.1 and Figure 1; Megatron's 18 and DeepSpeed's estimator's 20 differ by fp32 gradient buffers"),
        Assumption(name="activations", value="Korthikanti et al. 2022 Table 2, sequence parallel with TP",
                   source="arXiv 2205.05198"),
        Assumption(name="recompute", value=s.recompute_mode.value, source="default: selective for full training, full for LoRA/QLoRA"),
        Assumption(name="chinchilla_tokens_per_param", value=s.chinchilla_tokens_per_param, source=DEFAULT_SOURCES["chinchilla_tokens_per_param"]),
        Assumption(name="currency", value=s.currency, source="--currency"),
        Assumption(name="fx_jpy_per_usd", value=s.fx_jpy_per_usd,
                   source=DEFAULT_SOURCES["fx_jpy_per_usd"] if s.fx_as_of is None else f"user setting, as of {s.fx_as_of}"),
        Assumption(name="electricity_price_per_kwh", value=s.electricity_price, source=DEFAULT_SOURCES["electricity_price_per_kwh"] if s.electricity_price_per_kwh is None else "--electricity-price"),
        Assumption(name="pue", value=s.pue, source=DEFAULT_SOURCES["pue"]),
        Assumption(name="host_cost_fraction", value=s.host_cost_fraction, source=DEFAULT_SOURCES["host_cost_fraction"]),
        Assumption(name="overhead_fixed_bytes", value=s.overhead_fixed_bytes, source=DEFAULT_SOURCES["overhead_fixed_bytes"]),
        Assumption(name="overhead_fraction", value=s.overhead_fraction, source=DEFAULT_SOURCES["overhead_fraction"]),
    ]
    if s.goal == Goal.CPT:
        a.append(Assumption(name="cpt_fraction", value=s.cpt_fraction, source=DEFAULT_SOURCES["cpt_fraction"]))
    if s.is_training:
        if s.mfu is None:
            a.append(Assumption(name="mfu", value=BASE_MFU, source=f"range {BASE_MFU_RANGE[0]}-{BASE_MFU_RANGE[1]}; {MFU_SOURCES}"))
        else:
            a.append(Assumption(name="mfu", value=s.mfu, source="--mfu"))
        if s.deadline_days is None and s.gpu_id is None:
            a.append(Assumption(name="target_days", value=DEFAULT_TARGET_DAYS, source="no deadline given: search aims to finish within 90 days"))
    else:
        a.append(Assumption(name="mbu", value=MBU, source="Databricks 2023, 'LLM Inference Performance Engineering: Best Practices' (MBU definition; 50% worked example; ~80% for tuned stacks)"))
        a.append(Assumption(name="service_hours", value=service_hours(s), source=DEFAULT_SOURCES["hours_per_day"]))
    return a


def plan(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer] | tuple = ()) -> Plan:
    """Evaluate the pinned configuration (``gpu_id`` and ``gpu_count``) or recommend: search every
    accelerator x count x layout x precision (app.core.recommend) and rank what is viable."""
    from app.core import recommend
    from app.core.cost import prices_for

    offers = list(offers)
    wl = compute_workload(s)
    scenario_findings = list(wl.adjustments)
    if s.model.architecture_estimated:
        scenario_findings.append(Finding(code="architecture_estimated", severity="info", params={
            "layers": s.model.layers, "hidden": s.model.hidden, "heads": s.model.heads}))
    by_id = {g.id: g for g in gpus}
    rejected: list[Rejected] = []
    summary: dict[str, int] = {}
    evaluated = 0
    caches: dict = {}
    if s.gpu_id is not None:
        gpu = by_id.get(s.gpu_id)
        if gpu is None:
            raise ValueError(f"unknown GPU id {s.gpu_id!r}")
        options = [evaluate(s, gpu, int(s.gpu_count or 1), wl, prices_for(s, gpu, offers))]
        evaluated = 1
        cands = []
    else:
        caches: dict = {}
        gc_was_on = gc.isenabled()
        gc.disable()  # thousands of short-lived tuples: a collection mid-search costs more than it frees
        try:
            cands, rejected = recommend.search(s, gpus, offers, caches)
        finally:
            if gc_was_on:
                gc.enable()
        evaluated = len(cands)
        chosen, summary = recommend.select(s, cands)
        options = recommend.build_options(s, chosen, offers)
        rejected += recommend.rejected_gpus(s, cands, {o.gpu for o in options})
    if s.gpu_id is None and not any(c.viable for c in cands):
        verdict = recommend.infeasible_verdict(s, cands)
    else:
        verdict = _verdict(s, options)
    if not verdict.feasible and s.gpu_id is None:
        verdict = verdict.model_copy(update={"suggestions": recommend.suggestions(s, gpus, offers, cands, caches)})
    return Plan(goal=s.goal.value, model_id=s.model.id, workload=wl, options=options, rejected=rejected,
                verdict=verdict, assumptions=assumptions(s), findings=scenario_findings,
                rejected_summary=summary, evaluated=evaluated)


def _verdict(s: Scenario, options: list[Option]) -> Verdict:
    if not options or not any(o.fits for o in options):
        return Verdict(feasible=False, code="no_configuration_fits", params={})
    best = options[0]
    if _viable(best):
        c = _relevant_cost(s, best.cost.cloud, best.cost.onprem)
        if not s.is_training:
            return Verdict(feasible=True, code="feasible_service", params={
                "gpu": best.gpu, "gpu_name": best.gpu_name, "gpu_count": best.gpu_count, "decode_tokens_per_s": best.decode_tokens_per_s,
                "throughput_tokens_per_s": best.throughput_tokens_per_s, "cost": c, "years": s.years,
                "currency": s.currency})
        return Verdict(feasible=True, code="feasible", params={
            "gpu": best.gpu, "gpu_name": best.gpu_name, "gpu_count": best.gpu_count, "days": best.wall_clock_s / 86400.0,
            "cost": c, "currency": s.currency})
    fitting = [o for o in options if o.fits]
    if any(not o.meets_deadline for o in fitting) and not any(o.meets_deadline for o in fitting):
        fastest = min(fitting, key=lambda o: o.wall_clock_s)
        return Verdict(feasible=False, code="deadline_not_met", params={
            "best_days": fastest.wall_clock_s / 86400.0, "deadline_days": s.deadline_days, "gpu": fastest.gpu,
            "gpu_count": fastest.gpu_count})
    if any(not o.within_budget for o in fitting):
        pool = [o for o in fitting if o.meets_deadline] or fitting
        costs = [_relevant_cost(s, o.cost.cloud, o.cost.onprem) for o in pool]
        cheapest = min((c for c in costs if c is not None), default=None)
        return Verdict(feasible=False, code="over_budget", params={"min_cost": cheapest, "budget": s.budget, "currency": s.currency})
    err = next((f for f in best.findings if f.severity == "error"), None)
    return Verdict(feasible=False, code=err.code if err else "infeasible", params=dict(err.params) if err else {})

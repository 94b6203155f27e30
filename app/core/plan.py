"""plan(scenario, gpus, offers) -> Plan: evaluate the pinned configuration, or search every accelerator
x count x layout x precision and rank what is viable; the verdict, the ways out, and every assumption
the plan used."""

from __future__ import annotations

import gc
from collections.abc import Sequence

from app.core import assumptions as A
from app.core import utilisation_fit as FIT
from app.core.cost import prices_for, relevant_cost
from app.core.evaluate import evaluate, is_viable
from app.core.results import Assumption, Finding, Option, Plan, Rejected, Verdict
from app.core.scenario import Deployment, Goal, Method, Scenario
from app.core.search import SearchCaches, search
from app.core.select import build_options, rejected_gpus, select
from app.core.specs import CloudOffer, GpuSpec
from app.core.suggest import infeasible_verdict, suggestions
from app.core.utilisation import FITTED, family
from app.core.workload import workload as compute_workload

# the calibrated step model (app.core.utilisation): every fitted constant, the range and the batch rules
_TRAINING_CODES = ("bytes_per_param_accounting", "activations", "recompute", "util_width_half", "util_overlap",
                   "util_tp_overlap", "util_goodput", "time_range_low", "time_range_high", "pipeline_interleave")
_SERVING_CODES = (*(f"decode_{k}" for k in FIT.DECODE), "tp_decode_efficiency_nvlink", "tp_decode_efficiency_pcie",
                  "prefill_chunk_tokens")
_MONEY_CODES = ("fx_jpy_per_usd", "electricity_jpy_per_kwh", "pue", "host_cost_fraction", "hours_per_day",
                "days_per_month", "years", "overhead_fixed_bytes", "overhead_fraction")


def _used(code: str, value: float | str | None, user: bool = False, unit: str | None = None) -> Assumption:
    e = A.entry(code)
    return Assumption(name=code, value=value, unit=e.unit if unit is None else unit, low=e.low, high=e.high,
                      field=e.field, set_by="user" if user else "default")


def _default(code: str, value: float | str | None) -> Assumption:
    """``value`` as used; "user" when it differs from the registry's default."""
    d = A.entry(code).value
    user = value != d if not isinstance(d, float) or not isinstance(value, (int, float)) else abs(value - d) > 1e-12 * max(1.0, abs(d))
    return _used(code, value, user)


_FITTED_CODES = frozenset(f"util_{k}" for k in FITTED)


def assumptions(s: Scenario, families: Sequence[str] = ()) -> list[Assumption]:
    """Every registry entry this plan rests on, with the value used and who set it (``families``:
    the GPU families of the options, whose kernel efficiencies the plan used)."""
    out: list[Assumption] = []
    if s.is_training:
        for code in _TRAINING_CODES:
            if code == "recompute":
                out.append(_used(code, s.recompute_mode.value, s.recompute is not None))
            else:
                out.append(_used(code, A.entry(code).value))
        if s.mfu is not None:  # the user's MFU replaces the model
            out.append(_used("mfu", s.mfu, True))
        # the calibrated constants that apply to this plan: the GPU families it recommends, FP8, MoE, LoRA
        fams = dict.fromkeys(families)
        out += [_used(f"util_base_{f}", A.entry(f"util_base_{f}").value) for f in fams if f"util_{'base_' + f}" in _FITTED_CODES]
        if "fp8" in s.precisions:
            out += [_used("util_fp8_te", A.value("util_fp8_te")), _used("util_fp8_other", A.value("util_fp8_other"))]
        if s.model.num_experts > 1:
            out += [_used("util_moe", A.value("util_moe")), _used("util_ep_overlap", A.value("util_ep_overlap"))]
        if s.goal == Goal.FINETUNE and s.method in (Method.LORA, Method.QLORA):
            out.append(_used(f"util_{s.method.value}", A.value(f"util_{s.method.value}")))
        out.append(_used("network", s.network.value, s.network.value != A.text("network")))
        if s.global_batch is None:
            codes = (("global_batch_sequences_finetune",) if s.goal == Goal.FINETUNE
                     else ("batch_law_coefficient", "batch_law_exponent"))
            out += [_used(code, A.entry(code).value) for code in codes]
        code = "seq_len_finetune" if s.goal == Goal.FINETUNE else "seq_len_pretrain"
        out.append(_default(code, float(s.training_seq_len)))
        if s.goal in (Goal.SCRATCH, Goal.CPT) and s.tokens is None:
            out.append(_default("chinchilla_tokens_per_param", s.chinchilla_tokens_per_param))
        if s.goal == Goal.CPT and s.tokens is None:
            out.append(_default("cpt_fraction", s.cpt_fraction))
        if s.deadline_is_target:
            out.append(_used("target_days", A.value("target_days")))
    else:
        out += [_used(code, A.entry(code).value) for code in _SERVING_CODES]
        if s.context is None:
            out.append(_used("context_cap", A.value("context_cap")))
    for code in _MONEY_CODES:
        if code == "electricity_jpy_per_kwh":
            out.append(_used(code, s.electricity_price, s.electricity_price_per_kwh is not None,
                             unit=f"{s.currency}/kWh"))
        elif code == "fx_jpy_per_usd":
            out.append(_used(code, s.fx_jpy_per_usd, s.fx_as_of is not None or s.fx_jpy_per_usd != A.value(code)))
        else:
            out.append(_default(code, getattr(s, code)))
    return out


def plan(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer] | tuple[CloudOffer, ...] = ()) -> Plan:
    """Evaluate the pinned configuration (``gpu_id`` and ``gpu_count``) or recommend: search every
    accelerator x count x layout x precision and rank what is viable."""
    offers = list(offers)
    wl = compute_workload(s)
    scenario_findings = list(wl.adjustments)
    if s.model.architecture_estimated:
        scenario_findings.append(Finding(code="architecture_estimated", severity="info", params={
            "layers": s.model.layers, "hidden": s.model.hidden, "heads": s.model.heads}))
    rejected: list[Rejected] = []
    summary: dict[str, int] = {}
    caches: SearchCaches = {}
    if s.gpu_id is not None:
        gpu = next((g for g in gpus if g.id == s.gpu_id), None)
        if gpu is None:
            raise ValueError(f"unknown GPU id {s.gpu_id!r}")
        options = [evaluate(s, gpu, int(s.gpu_count or 1), wl, prices_for(s, gpu, offers))]
        verdict = _verdict(s, options)
        evaluated = 1
    else:
        gc_was_on = gc.isenabled()
        gc.disable()  # thousands of short-lived tuples: a collection mid-search costs more than it frees
        try:
            cands, rejected = search(s, gpus, offers, caches)
        finally:
            if gc_was_on:
                gc.enable()
        evaluated = len(cands)
        chosen, summary = select(s, cands)
        options = build_options(s, chosen, offers)
        rejected += rejected_gpus(s, cands, {o.gpu for o in options})
        verdict = _verdict(s, options) if any(c.viable for c in cands) else infeasible_verdict(s, cands)
        if not verdict.feasible:
            verdict = verdict.model_copy(update={"suggestions": suggestions(s, gpus, offers, cands, caches)})
    return Plan(goal=s.goal.value, model_id=s.model.id, workload=wl, options=options, rejected=rejected,
                verdict=verdict, assumptions=assumptions(s, _families(options, gpus)), findings=scenario_findings,
                rejected_summary=summary, evaluated=evaluated)


def _families(options: list[Option], gpus: list[GpuSpec]) -> list[str]:
    by_id = {g.id: g for g in gpus}
    return [family(by_id[o.gpu]) for o in options if o.gpu in by_id]


def decide(s: Scenario, best: Option) -> dict[str, float | str | None]:
    """Rent, buy or use your own, for this job: the user's own GPUs when they are enough; otherwise
    the cheaper of renting and buying for the job (training: the job's hours; serving: the service
    horizon), unless the deployment decides. With both prices the parameters also carry the other
    side's cost and the break-even of buying (hours of use and the share of the horizon)."""
    cloud, onprem = best.cost.cloud, best.cost.onprem
    if s.own.get(best.gpu, 0) >= best.gpu_count and onprem is not None:
        choice = "own"
    elif onprem is None or s.deployment == Deployment.CLOUD:
        choice = "rent"
    elif cloud is None or s.deployment == Deployment.ONPREM:
        choice = "buy"
    else:
        choice = "rent" if cloud <= onprem else "buy"
    return {"decision": choice, "cloud": cloud, "onprem": onprem, "breakeven_hours": best.cost.breakeven_hours,
            "breakeven_utilisation": best.cost.breakeven_utilisation, "years": s.years}


def _verdict(s: Scenario, options: list[Option]) -> Verdict:
    if not options or not any(o.fits for o in options):
        return Verdict(feasible=False, code="no_configuration_fits", params={})
    best = options[0]
    if is_viable(best):
        c = relevant_cost(s, best.cost.cloud, best.cost.onprem, s.own.get(best.gpu, 0) >= best.gpu_count)
        decision = decide(s, best)
        if not s.is_training:
            return Verdict(feasible=True, code="feasible_service", params={
                "gpu": best.gpu, "gpu_name": best.gpu_name, "gpu_count": best.gpu_count,
                "decode_tokens_per_s": best.decode_tokens_per_s, "throughput_tokens_per_s": best.throughput_tokens_per_s,
                "cost": c, "years": s.years, "currency": s.currency, **decision})
        return Verdict(feasible=True, code="feasible", params={
            "gpu": best.gpu, "gpu_name": best.gpu_name, "gpu_count": best.gpu_count,
            "days": best.duration_s / 86400.0, "cost": c, "currency": s.currency, **decision})
    fitting = [o for o in options if o.fits]
    missed = [o for o in fitting if o.service_level is not None and not o.service_level.met]
    if missed and len(missed) == len(fitting):
        near = missed[0]
        sl = near.service_level
        params: dict[str, float | int | str | bool | None] = {"gpu": near.gpu, "gpu_count": near.gpu_count,
                                                              "max_gpus": s.max_gpus, "binding": sl.binding if sl else None}
        if sl is not None and sl.binding == "min_tokens_per_s":
            params.update(achieved=sl.tokens_per_s, target=sl.min_tokens_per_s)
        elif sl is not None and sl.binding == "max_ttft_s":
            params.update(achieved=sl.time_to_first_token_s, target=sl.max_ttft_s)
        return Verdict(feasible=False, code="service_level_not_met", params=params)
    if any(not o.meets_deadline for o in fitting) and not any(o.meets_deadline for o in fitting):
        fastest = min(fitting, key=lambda o: o.duration_s)
        return Verdict(feasible=False, code="deadline_not_met", params={
            "best_days": fastest.duration_s / 86400.0, "deadline_days": s.target_days,
            "target": s.deadline_is_target, "gpu": fastest.gpu,
            "gpu_count": fastest.gpu_count})
    if any(not o.within_budget for o in fitting):
        pool = [o for o in fitting if o.meets_deadline] or fitting
        costs = [relevant_cost(s, o.cost.cloud, o.cost.onprem, s.own.get(o.gpu, 0) >= o.gpu_count) for o in pool]
        cheapest = min((c for c in costs if c is not None), default=None)
        return Verdict(feasible=False, code="over_budget", params={"min_cost": cheapest, "budget": s.budget,
                                                                   "currency": s.currency})
    err = next((f for f in best.findings if f.severity == "error"), None)
    return Verdict(feasible=False, code=err.code if err else "infeasible", params=dict(err.params) if err else {})

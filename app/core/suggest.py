"""When nothing is viable: why (the constraint that bites first), and the computed ways out,
nearest first. Each way out is checked by rerunning the search with the change, except where the
arithmetic is exact (time and cloud cost are linear in tokens)."""

from __future__ import annotations

import math

from app.core.cost import prices_for
from app.core.layouts import candidate_counts
from app.core.precision import weight_bytes_per_param
from app.core.results import Suggestion, Verdict
from app.core.scenario import Deployment, Goal, Method, Scenario
from app.core.search import Candidate, LayoutCache, SearchCaches, ServingCache, search
from app.core.select import sort_key
from app.core.specs import CloudOffer, GpuSpec, model_from_params
from app.core.workload import workload as compute_workload


def _best_viable(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer], caches: SearchCaches | None = None
                 ) -> Candidate | None:
    cands, _ = search(s, gpus, offers, caches)
    viable = [c for c in cands if c.viable]
    return min(viable, key=lambda c: sort_key(s, c)) if viable else None


def _summary(c: Candidate) -> dict[str, float | int | str | bool | None]:
    if not c.s.is_training:
        return {"gpu": c.gpu.id, "gpu_count": c.count, "request_s": c.time_s, "cost": c.cost, "currency": c.s.currency}
    return {"gpu": c.gpu.id, "gpu_count": c.count, "days": c.time_s / 86400.0, "cost": c.cost,
            "currency": c.s.currency}


def _usable(s: Scenario, gpu: GpuSpec, offers: list[CloudOffer]) -> bool:
    """Can the user get this accelerator at all under the deployment (a price, or owned)?"""
    p = prices_for(s, gpu, offers)
    cloud_ok = p.cloud is not None
    onprem_ok = p.purchase is not None or s.own.get(gpu.id, 0) > 0
    if s.deployment == Deployment.CLOUD:
        return cloud_ok
    if s.deployment == Deployment.ONPREM:
        return onprem_ok
    return cloud_ok or onprem_ok


def _largest_model_that_fits(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer]) -> tuple[float, GpuSpec, int] | None:
    """Largest parameter count (Llama-shaped estimate, same active share) whose least-memory layout
    fits, on the accelerator with the most memory in total at the allowed count; bisection on size."""
    usable = [g for g in gpus if _usable(s, g, offers)]
    if not usable:
        return None

    def top_count(g: GpuSpec) -> int:
        return candidate_counts(g, s.max_gpus)[-1]

    gpu = max(usable, key=lambda g: g.memory_bytes * top_count(g))
    n = top_count(gpu)

    def fits(p: float) -> bool:
        v = s.model_copy(update={"model": model_from_params(p, p * s.model.params_active / s.model.params_total)})
        if v.is_training:
            return LayoutCache(v).min_memory(gpu.gpus_per_node, n) <= gpu.memory_bytes
        return min(total for _, total in ServingCache(v).layouts(gpu.gpus_per_node, n)) <= gpu.memory_bytes

    lo, hi = 1e7, s.model.params_total
    if not fits(lo):
        return None
    for _ in range(24):
        mid = math.sqrt(lo * hi)
        if fits(mid):
            lo = mid
        else:
            hi = mid
        if hi / lo < 1.02:
            break
    return lo, gpu, n


def suggestions(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer], cands: list[Candidate],
                caches: SearchCaches | None = None) -> list[Suggestion]:
    """Computed ways out, nearest first. Each is checked by rerunning the search with the change,
    except where the arithmetic is exact (time and cloud cost are linear in tokens)."""
    out: list[Suggestion] = []
    fitting = [c for c in cands if c.fits]
    target = s.target_days
    if target is not None and fitting and not any(c.meets for c in fitting):
        fastest = min(fitting, key=lambda c: c.time_s)
        days = fastest.time_s / 86400.0
        out.append(Suggestion(code="later_deadline", distance=days / target - 1.0,
                              params={"deadline_days": math.ceil(days), "target": s.deadline_is_target,
                                      **_summary(fastest)}))
        if s.goal != Goal.FINETUNE or s.tokens is not None or s.samples is not None:
            frac = target / days
            tokens = compute_workload(s).tokens * frac
            out.append(Suggestion(code="fewer_tokens", distance=1.0 - frac, params={"tokens": tokens, "fraction": frac}))
        if fastest.count >= s.max_gpus // 2:
            need = fastest.count * days / target
            v = s.model_copy(update={"max_gpus": int(min(1_000_000, need * 2))})
            best = _best_viable(v, gpus, offers, caches)
            if best:
                out.append(Suggestion(code="more_gpus", distance=math.log2(best.count / s.max_gpus) if best.count > s.max_gpus else 0.1,
                                      params={"max_gpus": best.count, **_summary(best)}))
    meeting = [c for c in fitting if c.meets and c.cost is not None]
    if s.budget is not None and meeting and not any(c.viable for c in cands):
        cheapest = min(meeting, key=lambda c: c.cost if c.cost is not None else math.inf)
        if cheapest.cost is not None and cheapest.cost > s.budget:
            out.append(Suggestion(code="more_budget", distance=cheapest.cost / s.budget - 1.0,
                                  params={"budget": cheapest.cost, **_summary(cheapest)}))
            if s.is_training:
                frac = s.budget / cheapest.cost
                out.append(Suggestion(code="fewer_tokens", distance=1.0 - frac,
                                      params={"tokens": compute_workload(s).tokens * frac, "fraction": frac}))
            if s.pricing != "spot" and s.deployment != Deployment.ONPREM:
                best = _best_viable(s.model_copy(update={"pricing": "spot"}), gpus, offers, caches)
                if best:
                    out.append(Suggestion(code="spot_pricing", distance=0.3, params=_summary(best)))
    if s.goal == Goal.FINETUNE and s.method != Method.QLORA and not any(c.viable for c in cands):
        for method, code, dist in ((Method.LORA, "use_lora", 0.4), (Method.QLORA, "use_qlora", 0.6)):
            if method == s.method:
                continue
            best = _best_viable(s.model_copy(update={"method": method}), gpus, offers, caches)
            if best:
                out.append(Suggestion(code=code, distance=dist, params=_summary(best)))
                break
    if not s.is_training and not any(c.viable for c in cands):
        bits = s.weight_bytes * 8
        for q in ("int8", "q4_k_m", "int4"):
            if weight_bytes_per_param(q) * 8 < bits - 0.5:
                best = _best_viable(s.model_copy(update={"quant": q, "quant_choices": ()}), gpus, offers)
                if best:
                    out.append(Suggestion(code="lower_quant", distance=1.0 - weight_bytes_per_param(q) * 8 / bits,
                                          params={"quant": q, **_summary(best)}))
                    break
    if s.power_limit_kw is not None and any(c.reason == "power_limit" for c in cands):
        blocked = [c for c in cands if c.reason == "power_limit"]
        least = min(blocked, key=lambda c: c.power_kw)
        out.append(Suggestion(code="raise_power_limit", distance=least.power_kw / s.power_limit_kw - 1.0,
                              params={"power_kw": least.power_kw, **_summary(least)}))
    if s.deployment == Deployment.ONPREM and not any(c.viable for c in cands):
        best = _best_viable(s.model_copy(update={"deployment": Deployment.CLOUD}), gpus, offers, caches)
        if best:
            out.append(Suggestion(code="cloud_instead", distance=0.5, params=_summary(best)))
    if not fitting:
        found = _largest_model_that_fits(s, gpus, offers)
        if found:
            largest, gpu, n = found
            out.append(Suggestion(code="smaller_model", distance=1.0 - largest / s.model.params_total,
                                  params={"params": largest, "gpu": gpu.id, "gpu_count": n}))
        v = s.model_copy(update={"max_gpus": 1_000_000})
        grown = [c for c in search(v, gpus, offers, caches)[0] if c.viable or (c.fits and c.reason == "too_slow")]
        if grown:
            least = min(grown, key=lambda c: (c.count, sort_key(v, c)))
            out.append(Suggestion(code="more_gpus", distance=math.log2(max(least.count / s.max_gpus, 1.0)) + 0.1,
                                  params={"max_gpus": least.count, **_summary(least)}))
    out.sort(key=lambda x: x.distance)
    return out


def infeasible_verdict(s: Scenario, cands: list[Candidate]) -> Verdict:
    """Why nothing is viable, named by the constraint that bites first (memory, deadline, power,
    price, budget), with the figures of the nearest miss."""
    fitting = [c for c in cands if c.fits]
    if not fitting:
        return Verdict(feasible=False, code="no_configuration_fits", params={"max_gpus": s.max_gpus})
    if s.target_days is not None and not any(c.meets for c in fitting):
        f = min(fitting, key=lambda c: c.time_s)
        return Verdict(feasible=False, code="deadline_not_met", params={
            "best_days": f.time_s / 86400.0, "deadline_days": s.target_days, "target": s.deadline_is_target,
            "gpu": f.gpu.id, "gpu_count": f.count})
    ok_time = [c for c in fitting if c.meets]
    if s.deployment == Deployment.ONPREM and ok_time and all(c.reason in ("power_limit", "no_price") for c in ok_time) \
            and any(c.reason == "power_limit" for c in ok_time):
        least = min((c for c in ok_time if c.reason == "power_limit"), key=lambda c: c.power_kw)
        return Verdict(feasible=False, code="power_limit_exceeded", params={"power_kw": least.power_kw, "limit_kw": s.power_limit_kw})
    priced = [c for c in ok_time if c.cost is not None and c.reason in ("over_budget", "")]
    if s.budget is not None and priced:
        cheapest = min(priced, key=lambda c: c.cost if c.cost is not None else math.inf)
        return Verdict(feasible=False, code="over_budget", params={"min_cost": cheapest.cost, "budget": s.budget,
                                                                  "currency": s.currency, "gpu": cheapest.gpu.id,
                                                                  "gpu_count": cheapest.count})
    return Verdict(feasible=False, code="no_price", params={"deployment": s.deployment.value})

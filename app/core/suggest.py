"""When nothing is viable: why (the constraint that bites first), and the computed ways out,
nearest first. Each way out is checked by rerunning the search with the change, except where the
arithmetic is exact (time and cloud cost are linear in tokens)."""

from __future__ import annotations

import math

from app.core.cost import prices_for
from app.core.precision import weight_bytes_per_param
from app.core.results import Suggestion, Verdict
from app.core.scenario import Deployment, Goal, Method, Scenario
from app.core.search import Candidate, SearchCaches, can_meet, search
from app.core.select import miss_ratio, sort_key
from app.core.service import ServiceLevel, serve
from app.core.specs import CloudOffer, GpuSpec, model_from_params
from app.core.workload import workload as compute_workload


def _unreachable(s: Scenario, gpus: list[GpuSpec]) -> bool:
    """No accelerator can meet the service level even with one user per replica (search.can_meet,
    an upper bound): a search of the variant would find nothing viable, so it is not run."""
    return not s.is_training and s.has_service_level and not any(can_meet(s, g) for g in gpus)


def _best_viable(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer], caches: SearchCaches | None = None
                 ) -> Candidate | None:
    if _unreachable(s, gpus):
        return None
    cands, _ = search(s, gpus, offers, caches)
    viable = [c for c in cands if c.viable]
    return min(viable, key=lambda c: sort_key(s, c)) if viable else None


def _electricity(c: Candidate) -> float:
    """What a candidate's job spends on power (the part of a bought cluster's cost that scales with
    the hours)."""
    return c.power_kw * c.s.electricity_price * c.time_s / 3600.0


def _summary(c: Candidate, fraction: float = 1.0) -> dict[str, float | int | str | bool | None]:
    """The configuration a way out leads to (``fraction``: of the tokens, for fewer tokens: time and a
    cloud bill scale with it)."""
    if not c.s.is_training:
        return {"gpu": c.gpu.id, "gpu_count": c.count, "request_s": c.time_s, "cost": c.cost, "currency": c.s.currency}
    cost = c.cost
    if fraction != 1.0 and cost is not None:
        if cost == c.cloud:
            cost *= fraction
        else:  # bought: the purchase stays, the electricity shrinks with the hours
            cost -= _electricity(c) * (1.0 - fraction)
    return {"gpu": c.gpu.id, "gpu_count": c.count, "days": c.time_s * fraction / 86400.0, "cost": cost,
            "currency": c.s.currency}


def _next_size(s: Scenario, n: float, cands: list[Candidate]) -> float:
    """Where the largest plannable model should be, from a search of a model of ``n`` parameters:
    time and cost grow with N x tokens (from scratch the Chinchilla tokens grow with N too), so the
    closest miss by a factor r points at N / r (N / sqrt(r) from scratch); memory grows with N."""
    fitting = [c for c in cands if c.fits]
    if fitting:
        r = min(miss_ratio(s, c) for c in fitting)
        tokens_follow = s.goal in (Goal.SCRATCH, Goal.CPT) and s.tokens is None
        return n / (math.sqrt(r) if tokens_follow else r) if math.isfinite(r) and r > 1.0 else n * 0.8
    least = min(cands, key=lambda c: c.min_memory / c.gpu.memory_bytes) if cands else None
    if least is None or least.min_memory <= 0:
        return n / 10.0
    return n * min(0.95, least.gpu.memory_bytes / least.min_memory)


def _largest_viable_model(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer], cands: list[Candidate]
                          ) -> tuple[float, Candidate] | None:
    """The largest parameter count (Llama-shaped estimate, same active share) that some configuration
    plans within every constraint: memory, deadline, budget, power, GPU limit. Each guess (``_next_size``
    of the last search, less 10%) is checked by a search until one plans, then up to three bisection
    steps bring it within 10% of the smallest size that does not. The searches cover the three
    accelerators that came closest to the request and the three cheapest per GPU (to buy, or to rent
    for a year), which keeps each search to a few milliseconds."""
    share = s.model.params_active / s.model.params_total
    fitting = [c for c in cands if c.fits]
    order = (sorted(fitting, key=lambda c: (miss_ratio(s, c), c.time_s)) if fitting
             else sorted(cands, key=lambda c: c.min_memory / c.gpu.memory_bytes))

    def per_gpu(g: GpuSpec) -> float:
        p = prices_for(s, g, offers)
        return min(p.purchase if p.purchase is not None else math.inf,
                   p.cloud * 8760.0 if p.cloud is not None else math.inf)

    near = list(dict.fromkeys(c.gpu.id for c in order))[:3]
    near += [g.id for g in sorted(gpus, key=per_gpu) if g.id not in near][:3]
    pool = [g for g in gpus if g.id in near] or gpus

    def attempt(n: float) -> tuple[Candidate | None, list[Candidate]]:
        v = s.model_copy(update={"model": model_from_params(n, n * share)})
        found, _ = search(v, pool, offers)  # run even when unreachable: its nearest miss guides the next size
        viable = [c for c in found if c.viable]
        return (min(viable, key=lambda c: sort_key(v, c)) if viable else None), found

    upper = s.model.params_total  # known not to plan
    guess = min(_next_size(s, upper, cands), upper * 0.95)
    best: tuple[float, Candidate] | None = None
    for _ in range(6):
        if guess < 1e8:
            return None
        c, found = attempt(guess)
        if c is not None:
            best = (guess, c)
            break
        upper = guess
        guess = min(_next_size(s, guess, found), guess * 0.95) * 0.9
    if best is None:
        return None
    for _ in range(3):  # tighten from below: the largest within 10%
        if upper / best[0] < 1.1:
            break
        mid = math.sqrt(upper * best[0])
        c, _ = attempt(mid)
        if c is not None:
            best = (mid, c)
        else:
            upper = mid
    return best


def _fewer_tokens(s: Scenario, fitting: list[Candidate]) -> Suggestion | None:
    """The most tokens some fitting configuration can train within both the deadline and the budget:
    time scales with the tokens, and so does a cloud bill (a purchase does not)."""
    if not s.is_training or (s.goal == Goal.FINETUNE and s.tokens is None and s.samples is None):
        return None
    target_s = (s.target_days or math.inf) * 86400.0
    best_f, best_c = 0.0, None
    for c in fitting:
        if not c.within_power and s.deployment == Deployment.ONPREM or (c.cost is None and s.budget is not None):
            continue
        f = min(1.0, target_s / c.time_s)
        if s.budget is not None and c.cost is not None and c.cost > s.budget:
            if c.cost == c.cloud:
                f = min(f, s.budget / c.cost)
            else:  # bought: only the electricity shrinks with fewer tokens
                elec = _electricity(c)
                f = min(f, 1.0 - (c.cost - s.budget) / elec) if elec > 0 else 0.0
        if f > best_f:
            best_f, best_c = f, c
    if best_c is None or best_f >= 1.0 or best_f <= 0.0:
        return None
    tokens = compute_workload(s).tokens * best_f
    return Suggestion(code="fewer_tokens", distance=1.0 - best_f, params={
        "tokens": tokens, "fraction": best_f, **_summary(best_c, best_f)})


def suggestions(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer], cands: list[Candidate],
                caches: SearchCaches | None = None) -> list[Suggestion]:
    """Computed ways out, each within every constraint but the one it changes, nearest first. Each is
    checked by rerunning the search with the change, except where the arithmetic is exact (time and a
    cloud bill are linear in tokens; a configuration's cost does not depend on the deadline)."""
    out: list[Suggestion] = []
    fitting = [c for c in cands if c.fits]
    target = s.target_days
    if target is not None and fitting and not any(c.meets for c in fitting):
        # a later deadline: the fastest configuration that keeps to the budget and the power limit
        affordable = [c for c in fitting if c.within_budget and (c.within_power or s.deployment != Deployment.ONPREM)
                      and (c.cost is not None or s.budget is None) and c.reason in ("too_slow", "")]
        if affordable:
            fastest = min(affordable, key=lambda c: c.time_s)
            days = fastest.time_s / 86400.0
            out.append(Suggestion(code="later_deadline", distance=days / target - 1.0,
                                  params={"deadline_days": math.ceil(days), "target": s.deadline_is_target,
                                          **_summary(fastest)}))
        quickest = min(fitting, key=lambda c: c.time_s)
        if quickest.count >= s.max_gpus // 2:
            need = quickest.count * quickest.time_s / 86400.0 / target
            v = s.model_copy(update={"max_gpus": int(min(1_000_000, need * 2))})
            best = _best_viable(v, gpus, offers, caches)
            if best:
                out.append(Suggestion(code="more_gpus", distance=math.log2(best.count / s.max_gpus) if best.count > s.max_gpus else 0.1,
                                      params={"max_gpus": best.count, **_summary(best)}))
    if not s.is_training and s.has_service_level and fitting and not any(c.sla_met for c in fitting):
        out.extend(_without_target(s, gpus, offers, fitting, caches))
    fewer = _fewer_tokens(s, fitting)
    if fewer is not None:
        out.append(fewer)
    meeting = [c for c in fitting if c.meets and c.cost is not None]
    if s.budget is not None and meeting and not any(c.viable for c in cands):
        cheapest = min(meeting, key=lambda c: c.cost if c.cost is not None else math.inf)
        if cheapest.cost is not None and cheapest.cost > s.budget:
            out.append(Suggestion(code="more_budget", distance=cheapest.cost / s.budget - 1.0,
                                  params={"budget": cheapest.cost, **_summary(cheapest)}))
            if s.pricing != "spot" and s.deployment != Deployment.ONPREM:
                best = _best_viable(s.model_copy(update={"pricing": "spot"}), gpus, offers, caches)
                if best:
                    out.append(Suggestion(code="spot_pricing", distance=0.3, params=_summary(best)))
    nothing = not any(c.viable for c in cands)
    if nothing and s.is_training and "fp8" not in s.precisions:
        best = _best_viable(s.model_copy(update={"precision": "fp8", "precision_choices": ()}), gpus, offers, caches)
        if best:
            out.append(Suggestion(code="use_fp8", distance=0.35, params=_summary(best)))
    if s.goal == Goal.FINETUNE and s.method != Method.QLORA and nothing:
        for method, code, dist in ((Method.LORA, "use_lora", 0.4), (Method.QLORA, "use_qlora", 0.6)):
            if method == s.method:
                continue
            best = _best_viable(s.model_copy(update={"method": method}), gpus, offers, caches)
            if best:
                out.append(Suggestion(code=code, distance=dist, params=_summary(best)))
                break
    if not s.is_training and nothing:
        bits = s.weight_bytes * 8
        for q in ("int8", "q4_k_m", "int4"):
            if weight_bytes_per_param(q) * 8 < bits - 0.5:
                best = _best_viable(s.model_copy(update={"quant": q, "quant_choices": ()}), gpus, offers)
                if best:
                    out.append(Suggestion(code="lower_quant", distance=1.0 - weight_bytes_per_param(q) * 8 / bits,
                                          params={"quant": q, **_summary(best)}))
                    break
    if s.power_limit_kw is not None and any(c.reason == "power_limit" for c in cands):
        blocked = [c for c in cands if c.reason == "power_limit" and c.meets and c.within_budget]
        if blocked:
            least = min(blocked, key=lambda c: c.power_kw)
            out.append(Suggestion(code="raise_power_limit", distance=least.power_kw / s.power_limit_kw - 1.0,
                                  params={"power_kw": least.power_kw, **_summary(least)}))
    if s.deployment == Deployment.ONPREM and nothing:
        best = _best_viable(s.model_copy(update={"deployment": Deployment.CLOUD}), gpus, offers, caches)
        if best:
            out.append(Suggestion(code="cloud_instead", distance=0.5, params=_summary(best)))
    if nothing:
        found = _largest_viable_model(s, gpus, offers, cands)
        if found:
            largest, c = found
            out.append(Suggestion(code="smaller_model", distance=1.0 - largest / s.model.params_total,
                                  params={"params": largest, **_summary(c)}))
    if not fitting:
        v = s.model_copy(update={"max_gpus": 1_000_000})
        grown = [c for c in search(v, gpus, offers, caches)[0] if c.viable]
        if grown:
            least = min(grown, key=lambda c: (c.count, sort_key(v, c)))
            out.append(Suggestion(code="more_gpus", distance=math.log2(max(least.count / s.max_gpus, 1.0)) + 0.1,
                                  params={"max_gpus": least.count, **_summary(least)}))
    out.sort(key=lambda x: x.distance)
    return out


def _without_target(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer], fitting: list[Candidate],
                    caches: SearchCaches | None) -> list[Suggestion]:
    """The nearest plan that meets the other targets: the search rerun without the binding one."""
    near = min(fitting, key=lambda c: c.service.miss if c.service else math.inf).service
    binding = near.binding if near is not None else None
    if binding not in ("min_tokens_per_s", "max_ttft_s", "availability"):
        return []
    update: dict[str, object] = {"availability": "none"} if binding == "availability" else {binding: None}
    if binding == "min_tokens_per_s" and s.request_rate is not None:
        return []  # the rate's requests in flight are worked out from the answer speed
    v = s.model_copy(update=update)
    best = _best_viable(v, gpus, offers, caches)
    if best is None:
        return []
    achieved = None
    if best.layout is not None and binding != "availability":  # the binding target's figure on that plan
        _, sl = serve(s, best.gpu, best.layout, s.gpu_layers)
        achieved = sl.tokens_per_s if binding == "min_tokens_per_s" else (sl.ttft_s if math.isfinite(sl.ttft_s) else None)
    return [Suggestion(code="without_target", distance=0.2, params={"target": binding, "achieved": achieved,
                                                                    **_summary(best)})]


def _nearest(fitting: list[Candidate]) -> tuple[str, int]:
    c = min(fitting, key=lambda c: c.service.miss if c.service else math.inf)
    return c.gpu.id, c.count


def service_verdict(s: Scenario, sl: ServiceLevel | None, gpu: str, count: int) -> Verdict:
    """No configuration meets the service level: the binding target, and what the nearest miss
    achieves against it."""
    params: dict[str, float | int | str | bool | None] = {"gpu": gpu, "gpu_count": count, "max_gpus": s.max_gpus}
    if sl is not None:
        params["binding"] = sl.binding
        if sl.binding == "min_tokens_per_s":
            params.update(achieved=sl.tokens_per_s, target=s.min_tokens_per_s)
        elif sl.binding == "max_ttft_s":
            params.update(achieved=sl.ttft_s if math.isfinite(sl.ttft_s) else None, target=s.max_ttft_s)
    return Verdict(feasible=False, code="service_level_not_met", params=params)


def infeasible_verdict(s: Scenario, cands: list[Candidate]) -> Verdict:
    """Why nothing is viable, named by the constraint that bites first (memory, deadline, power,
    price, budget), with the figures of the nearest miss."""
    fitting = [c for c in cands if c.fits]
    if not fitting:
        return Verdict(feasible=False, code="no_configuration_fits", params={"max_gpus": s.max_gpus})
    if not s.is_training and s.has_service_level and not any(c.sla_met for c in fitting):
        return service_verdict(s, min(fitting, key=lambda c: c.service.miss if c.service else math.inf).service,
                               *_nearest(fitting))
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

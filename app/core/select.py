"""Which configurations to show: the viable ones ranked cheapest first (or fastest first with
``rank_by="time"``), labelled (recommended, cheapest, fastest, the time/cost front, the best on every
accelerator and precision, the best with the GPUs the user owns); when nothing is viable, the nearest
miss on every accelerator. Everything else is counted by why it lost (``rejected_summary``)."""

from __future__ import annotations

import math
from functools import partial

from app.core import assumptions as A
from app.core.cost import prices_for
from app.core.evaluate import evaluate
from app.core.results import Option, Rejected, Workload
from app.core.scenario import Scenario
from app.core.search import Candidate
from app.core.specs import CloudOffer
from app.core.workload import workload as compute_workload

MAX_OPTIONS = 40
# costs within 0.5% count as equal; then the option whose slow end still meets the deadline (or the
# 90-day target), then the faster one
COST_TIE = 1.0 + A.value("cost_tie")
SLOW_END = A.value("time_range_high")  # the pessimistic end of a training time is time x this
NEAR = A.value("nearest_miss_ratio")  # a miss counts as "nearest" within this factor of the constraint


def slow_end_s(s: Scenario, c: Candidate) -> float:
    """The pessimistic end of a candidate's time (its own time under a user-set MFU)."""
    return c.time_s if s.mfu is not None or not s.is_training else c.time_s * SLOW_END


def sort_key(s: Scenario, c: Candidate, anchor: float | None = None) -> tuple[float, ...]:
    """Cost bands of COST_TIE (then the slow end against the deadline, time, count). ``anchor``: the
    cheapest cost of the group being ranked, so that bands count from it and every candidate within
    COST_TIE of the cheapest shares its band (fixed bands split two costs 0.1% apart at a band edge)."""
    cost = c.cost if c.cost is not None else math.inf
    if s.rank_by == "time":
        return (c.time_s, cost)
    rel = cost / anchor if anchor and 0 < anchor < math.inf else cost
    band = math.floor(math.log(rel) / math.log(COST_TIE) + 1e-9) if 0 < rel < math.inf else (math.inf if rel else -math.inf)
    target = s.target_days
    at_risk = 0.0 if target is None or slow_end_s(s, c) <= target * 86400.0 else 1.0
    return (band, at_risk, c.time_s, c.count)


def _keyed(s: Scenario, anchor: float | None, c: Candidate) -> tuple[float, ...]:
    return sort_key(s, c, anchor)


def _cheapest(cands: list[Candidate]) -> float | None:
    costs = [c.cost for c in cands if c.cost is not None and c.cost > 0]
    return min(costs) if costs else None


def miss_ratio(s: Scenario, c: Candidate) -> float:
    """How far a candidate that is not viable is from what was asked: the worst of its misses, each
    as a factor of its constraint (time / deadline, cost / budget, power / limit; 1.0 = on it)."""
    worst = 1.0
    if not c.meets and s.target_days:
        worst = max(worst, c.time_s / (s.target_days * 86400.0))
    if s.budget and not c.within_budget:
        worst = max(worst, c.cost / s.budget if c.cost is not None else math.inf)
    if not c.within_power and s.power_limit_kw:
        worst = max(worst, c.power_kw / s.power_limit_kw)
    if not c.sla_met and c.service is not None:
        worst = max(worst, c.service.miss)
    if c.reason == "no_price":
        worst = math.inf
    return worst


def pareto(cands: list[Candidate]) -> list[Candidate]:
    """Configurations no other beats on both cost and time."""
    pts = sorted((c for c in cands if c.cost is not None), key=lambda c: (c.cost, c.time_s))
    front, best_t = [], math.inf
    for c in pts:
        if c.time_s < best_t - 1e-9:
            front.append(c)
            best_t = c.time_s
    return front


def select(s: Scenario, cands: list[Candidate]) -> tuple[list[tuple[Candidate, list[str]]], dict[str, int]]:
    """The configurations to show, with labels, and a count of the rest by reason."""
    viable = [c for c in cands if c.viable]
    labels: dict[int, list[str]] = {}

    def tag(c: Candidate, label: str) -> None:
        labels.setdefault(id(c), [])
        if label not in labels[id(c)]:
            labels[id(c)].append(label)

    by_id = {id(c): c for c in cands}
    anchor = _cheapest(viable)
    if viable:
        ranked = sorted(viable, key=lambda c: sort_key(s, c, anchor))
        tag(ranked[0], "recommended")
        priced = [c for c in viable if c.cost is not None]
        if priced:  # costs within COST_TIE are equal; the tie goes to fewer GPUs, as in the ranking
            tag(min(priced, key=lambda c: sort_key(s.model_copy(update={"rank_by": "cost"}), c, anchor)), "cheapest")
        tag(min(viable, key=lambda c: (c.time_s, c.cost if c.cost is not None else math.inf)), "fastest")
        for c in pareto(viable):
            tag(c, "pareto")
        groups: dict[tuple[str, str, str], list[Candidate]] = {}
        for c in viable:
            groups.setdefault((c.gpu.id, c.s.precision, c.s.quant), []).append(c)
        for group in groups.values():  # each accelerator's best, its bands counted from its own cheapest
            tag(min(group, key=partial(_keyed, s, _cheapest(group))), "best_for_gpu")
        for c in viable:
            if c.count <= s.own.get(c.gpu.id, 0):
                mine = [x for x in viable if x.gpu.id == c.gpu.id and x.count <= s.own[c.gpu.id]]
                tag(min(mine, key=lambda x: (x.time_s, x.count)), "owned")
                break
    else:
        # nothing viable: per accelerator the closest miss (fastest for a deadline, cheapest for a
        # budget); "nearest" only within NEAR of the constraint, the rest say how far they are
        fitting = [c for c in cands if c.fits]
        per: dict[str, Candidate] = {}
        for c in sorted(fitting, key=lambda c: (miss_ratio(s, c), c.time_s, c.cost or math.inf)):
            per.setdefault(c.gpu.id, c)
        for c in per.values():
            tag(c, "nearest" if miss_ratio(s, c) <= NEAR else "far_miss")
    chosen = [by_id[i] for i in labels]
    chosen.sort(key=lambda c: (0, *sort_key(s, c, anchor)) if c.viable else (1, miss_ratio(s, c), *sort_key(s, c)))
    chosen = chosen[:MAX_OPTIONS]
    kept = {id(c) for c in chosen}
    summary: dict[str, int] = {}
    for c in cands:
        if id(c) in kept:
            continue
        reason = c.reason or "dominated"
        summary[reason] = summary.get(reason, 0) + 1
    return [(c, labels[id(c)]) for c in chosen], summary


def rejected_gpus(s: Scenario, cands: list[Candidate], shown: set[str]) -> list[Rejected]:
    """One line per accelerator that has no configuration in the options, with the reason."""
    per: dict[str, list[Candidate]] = {}
    for c in cands:
        per.setdefault(c.gpu.id, []).append(c)
    out = []
    for gid, cs in per.items():
        if gid in shown:
            continue
        fits = [c for c in cs if c.fits]
        if not fits:
            least = min(cs, key=lambda c: c.min_memory)
            out.append(Rejected(gpu=gid, code="does_not_fit", params={
                "min_memory_per_gpu_bytes": least.min_memory, "capacity_bytes": cs[0].gpu.memory_bytes,
                "max_gpus": s.max_gpus}))
            continue
        order = ("service_level", "too_slow", "power_limit", "no_price", "over_budget")
        reason = next((r for r in order if any(c.reason == r for c in fits)), "dominated")
        params: dict[str, float | int | str | bool | None] = {}
        if reason == "service_level":
            near = min((c for c in fits if c.service is not None), key=lambda c: c.service.miss if c.service else math.inf)
            sl = near.service
            params = {"gpu_count": near.count, "binding": sl.binding if sl else None,
                      "tokens_per_s": sl.tokens_per_s if sl else None,
                      "ttft_s": sl.ttft_s if sl and math.isfinite(sl.ttft_s) else None}
        elif reason == "too_slow":
            fastest = min(fits, key=lambda c: c.time_s)
            params = {"best_days": fastest.time_s / 86400.0, "gpu_count": fastest.count, "deadline_days": s.target_days,
                      "target": s.deadline_is_target}
        elif reason == "over_budget":
            cheapest = min((c for c in fits if c.cost is not None), key=lambda c: c.cost if c.cost is not None else math.inf)
            params = {"min_cost": cheapest.cost, "budget": s.budget, "currency": s.currency}
        elif reason == "power_limit":
            params = {"min_power_kw": min(c.power_kw for c in fits), "limit_kw": s.power_limit_kw}
        out.append(Rejected(gpu=gid, code=reason, params=params))
    return out


def build_options(s: Scenario, chosen: list[tuple[Candidate, list[str]]], offers: list[CloudOffer]) -> list[Option]:
    out = []
    wls: dict[int, Workload] = {}
    for c, labels in chosen:
        wl = wls.setdefault(id(c.s), compute_workload(c.s))
        o = evaluate(c.s, c.gpu, c.count, wl, prices_for(c.s, c.gpu, offers), layout=c.layout)
        out.append(o.model_copy(update={"labels": labels}))
    return out

"""The recommendation search: every accelerator x node-shaped GPU count x layout x precision.

How it stays fast enough to rerun on every keystroke (benchmarks/run.py prints the figures: search_ms):
- memory of a layout (tp, pp, dp, ZeRO stage) does not depend on the GPU type, so it is computed once
  per plan and shared by all accelerators;
- the order in which layouts are tried (best utilisation first, then the simplest) depends only on the
  interconnect shape (GPUs per node, NVLink domain), so it is sorted once per shape and count;
- a count whose least-memory layout does not fit is skipped without looking at layouts;
- counts stop two steps after the first one that meets the deadline (those are the faster, dearer
  points of the time/cost front);
- the pydantic Option with findings and itemised cost is built only for the configurations kept.

Selection: the viable configurations (fit, meet the deadline, within budget and power) are ranked
cheapest first (or fastest first with ``rank_by="time"``). Kept: the best of every accelerator and
precision, the time/cost Pareto front, the fastest within budget and the best with the GPUs the user
owns. Everything else is counted by why it lost (``rejected_summary``).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from app.core import memory as mem
from app.core.cost import Prices, cost_totals, power_kw, prices_for
from app.core.precision import weight_bytes_per_param
from app.core.planner import (DEFAULT_TARGET_DAYS, _inference_layouts, _pow2_upto, _precision_findings,
                              _rank_key, _relevant_cost, _viable, candidate_counts, evaluate)
from pydantic import BaseModel

from app.core.results import Option, Rejected, Suggestion
from app.core.scenario import Deployment, Goal, Method, Scenario
from app.core.specs import CloudOffer, GpuSpec, model_from_params
from app.core.throughput import (BASE_MFU, DP_PCIE_FACTOR, NETWORK_FACTOR, TP_CROSS_NODE_FACTOR, TP_PCIE_FACTOR,
                                 ZERO3_FACTOR, inference_speed, job_factor)
from app.core.workload import workload as compute_workload

EXTRA_STEPS = 2  # counts evaluated beyond the first that meets the deadline (the faster, dearer points)
MAX_OPTIONS = 40


@dataclass
class Candidate:
    gpu: GpuSpec
    s: Scenario  # the scenario variant (precision or quant) evaluated
    count: int
    layout: tuple[int, int, int, int] | None  # tp, pp, dp (replicas for inference), zero
    fits: bool
    time_s: float = math.inf
    cloud: float | None = None
    onprem: float | None = None
    power_kw: float = 0.0
    cost: float | None = None  # the relevant one for the deployment
    meets: bool = True
    within_budget: bool = True
    within_power: bool = True
    min_memory: float = 0.0
    reason: str = ""  # why it is not viable

    @property
    def viable(self) -> bool:
        return not self.reason


def tp_pp_splits(s: Scenario, gpn: int, count: int, allow_tp1_always: bool):
    """(tp, pp, rest) for ``count`` GPUs: tensor parallelism a power of two within a node that divides
    the heads (or the pinned --tp), pipeline a power of two up to the layers (or --pp), the rest data
    parallel ranks (training) or replicas (inference)."""
    m = s.model
    tps = [s.tp] if s.tp else [t for t in _pow2_upto(min(count, gpn)) if m.heads % t == 0 or (allow_tp1_always and t == 1)]
    for tp in tps:
        for pp in ([s.pp] if s.pp else _pow2_upto(min(count // tp, m.layers))):
            if count % (tp * pp) == 0:
                yield tp, pp, count // (tp * pp)


@dataclass
class _Cache:
    """Per-plan caches shared by all accelerators (memory does not depend on the GPU type)."""

    s: Scenario
    mem: dict = field(default_factory=dict)
    total: dict = field(default_factory=dict)  # (tp, pp, dp, zero) -> memory bytes
    entries: dict = field(default_factory=dict)
    orders: dict = field(default_factory=dict)
    minmem: dict = field(default_factory=dict)
    shared: dict = field(default_factory=dict)  # layout orders, shared between precisions

    def layouts(self, gpn: int, count: int) -> list[tuple[int, int, int, int, float]]:
        """(tp, pp, dp, zero, memory bytes) of every layout of ``count`` GPUs, ``gpn`` per node."""
        key = (gpn, count)
        v = self.entries.get(key)
        if v is not None:
            return v
        s = self.s
        out = []
        for tp, pp, dp in tp_pp_splits(s, gpn, count, allow_tp1_always=False):
            for z in ([s.zero_stage] if s.zero_stage is not None else ([0, 1, 2, 3] if dp > 1 else [0])):
                out.append((tp, pp, dp, z, self.memory(tp, pp, dp, z)))
        if not out:  # e.g. 3 GPUs: plain data parallelism
            z = s.zero_stage if s.zero_stage is not None else (3 if count > 1 else 0)
            out.append((1, 1, count, z, self.memory(1, 1, count, z)))
        self.entries[key] = out
        self.minmem[key] = min(e[4] for e in out)
        return out

    def memory(self, tp: int, pp: int, dp: int, z: int) -> float:
        key = (tp, pp, dp, z)
        v = self.total.get(key)
        if v is None:  # every accelerator shape asks again for the same layouts: computed once
            base = self.mem.get((tp, pp))
            if base is None:
                base = self.mem[(tp, pp)] = mem.unsharded_training_parts(self.s, tp=tp, pp=pp)
            v = self.total[key] = sum(mem.zero_shard(self.s, base, dp, z))
        return v

    def min_memory(self, gpn: int, count: int) -> float:
        v = self.minmem.get((gpn, count))
        if v is None:
            self.layouts(gpn, count)
            v = self.minmem[(gpn, count)]
        return v

    def ordered(self, gpu: GpuSpec, count: int):
        """Layouts best-utilisation first (ties: less model splitting, then a lower ZeRO stage), with
        the running minimum of their memory, for this interconnect shape and count. The order does not
        depend on memory, so caches of different precisions share it (``shared``)."""
        gpn, dom, nv = gpu.gpus_per_node, gpu.nvlink_domain, gpu.has_nvlink
        key = (gpn, dom, nv, count)
        v = self.orders.get(key)
        if v is None:
            s = self.s
            okey = (key, s.network, s.tp, s.pp, s.zero_stage, id(s.model))
            layouts = self.shared.get(okey)
            if layouts is None:
                layouts = self.shared[okey] = self._sorted_layouts(gpn, dom, nv, count)
            neg_prefmin, low = [], math.inf
            for _, (tp, pp, dp, z) in layouts:
                mb = self.memory(tp, pp, dp, z)
                if mb < low:
                    low = mb
                neg_prefmin.append(-low)
            v = self.orders[key] = (layouts, neg_prefmin)
        return v

    def _sorted_layouts(self, gpn: int, dom: int, nv: bool, count: int) -> list[tuple[float, tuple[int, int, int, int]]]:
        """The utilisation factor is ``throughput.layout_factor`` unrolled (a test checks they agree):
        it runs for every layout of every shape, so a function call per layout would dominate."""
        net = NETWORK_FACTOR[self.s.network] if count > gpn else 1.0
        dp_pcie = count > 1 and (not nv or min(count, gpn) > dom)
        scored = []
        for tp, pp, dp, z, _ in self.layouts(gpn, count):
            f = net
            if tp > 1:
                if tp > gpn:
                    f *= TP_CROSS_NODE_FACTOR
                elif not nv or tp > dom:
                    f *= TP_PCIE_FACTOR
            if dp > 1:
                if dp_pcie:
                    f *= DP_PCIE_FACTOR
                if z >= 3:
                    f *= ZERO3_FACTOR
            if pp > 1:
                f /= 1.0 + (pp - 1) / (8 * pp)
            scored.append((-f, tp * pp, z, (tp, pp, dp, z)))
        scored.sort(key=lambda x: x[:3])
        return [(-x[0], x[3]) for x in scored]

    def choose(self, gpu: GpuSpec, count: int) -> tuple[float, tuple[int, int, int, int]] | None:
        """The first layout in utilisation order that fits (bisection on the running minimum)."""
        layouts, neg_prefmin = self.ordered(gpu, count)
        i = bisect.bisect_left(neg_prefmin, -gpu.memory_bytes)
        return layouts[i] if i < len(layouts) else None


def _relevant(s: Scenario, cloud: float | None, onprem: float | None, within_power: bool) -> float | None:
    return _relevant_cost(s, cloud, onprem if within_power else None)


def _judge(s: Scenario, c: Candidate, target_s: float | None) -> Candidate:
    c.within_power = s.power_limit_kw is None or c.power_kw <= s.power_limit_kw
    c.cost = _relevant(s, c.cloud, c.onprem, c.within_power)
    c.meets = target_s is None or c.time_s <= target_s
    c.within_budget = s.budget is None or (c.cost is not None and c.cost <= s.budget)
    if not c.fits:
        c.reason = "does_not_fit"
    elif s.deployment == Deployment.ONPREM and not c.within_power:
        c.reason = "power_limit"
    elif s.deployment == Deployment.ONPREM and c.onprem is None:
        c.reason = "no_price"
    elif s.deployment == Deployment.CLOUD and c.cloud is None:
        c.reason = "no_price"
    elif not c.meets:
        c.reason = "too_slow"
    elif not c.within_budget:
        c.reason = "over_budget" if c.cost is not None else "no_price"
    return c


def _counts(s: Scenario, gpu: GpuSpec) -> list[int]:
    owned = s.own.get(gpu.id)
    counts = set(candidate_counts(gpu, s.max_gpus))
    if owned and owned <= s.max_gpus:
        counts.add(owned)
    return sorted(counts)


def _training_candidates(s: Scenario, gpu: GpuSpec, prices: Prices, cache: _Cache, hw_flops: float,
                         target_s: float | None) -> list[Candidate]:
    peak = gpu.peak_flops(s.precision) or gpu.peak_flops_bf16
    jf = job_factor(s, gpu)
    out: list[Candidate] = []
    met_at = None
    counts = _counts(s, gpu)
    # If even the largest count at the best possible layout (factor 1) misses the target, the counts in
    # between are all too slow: evaluate only the first that fits, the largest and the owned one.
    best_eff = s.mfu if s.mfu is not None else BASE_MFU * jf
    hopeless = target_s is not None and hw_flops / (counts[-1] * peak * best_eff) > target_s
    first_fit = True
    owned = s.own.get(gpu.id, 0)
    for count in counts:
        least = cache.min_memory(gpu.gpus_per_node, count)
        if least > gpu.memory_bytes:
            out.append(_judge(s, Candidate(gpu, s, count, None, False, min_memory=least), target_s))
            continue
        if hopeless and not first_fit and count != counts[-1] and count != owned:
            continue
        first_fit = False
        lf, lay = cache.choose(gpu, count)
        eff = s.mfu if s.mfu is not None else BASE_MFU * jf * lf
        t = hw_flops / (count * peak * eff)
        cloud, onprem = cost_totals(s, gpu, count, t / 3600.0, prices)
        c = _judge(s, Candidate(gpu, s, count, lay, True, t, cloud, onprem, power_kw(s, gpu, count),
                                min_memory=least), target_s)
        out.append(c)
        if c.meets and met_at is None:
            met_at = len(out)
        if met_at is not None and len(out) - met_at >= EXTRA_STEPS and count > s.own.get(gpu.id, 0):
            break
    return out


@dataclass
class _InferenceCache:
    """Serving memory per (tp, pp, replicas) is the same on every accelerator: computed once."""

    s: Scenario
    entries: dict = field(default_factory=dict)

    def layouts(self, gpn: int, count: int) -> list[tuple[int, int, int, float]]:
        key = (gpn, count)
        v = self.entries.get(key)
        if v is None:
            s = self.s
            v = [(tp, pp, r, sum(mem.inference_memory_parts(s, tp=tp, pp=pp, replicas=r)))
                 for tp, pp, r in tp_pp_splits(s, gpn, count, allow_tp1_always=True)]
            if not v:
                v.append((1, 1, count, sum(mem.inference_memory_parts(s, tp=1, pp=1, replicas=count))))
            self.entries[key] = v
        return v


def _inference_candidates(s: Scenario, gpu: GpuSpec, prices: Prices, hours: float, cache: _InferenceCache) -> list[Candidate]:
    out: list[Candidate] = []
    first_fit = None
    weights = s.model.params_total * weight_bytes_per_param(s.quant)
    for count in _counts(s, gpu):
        if weights / count > gpu.memory_bytes:
            out.append(_judge(s, Candidate(gpu, s, count, None, False, min_memory=weights / count), None))
            continue
        best = None
        least = math.inf
        for tp, pp, r, total in cache.layouts(gpu.gpus_per_node, count):
            least = min(least, total)
            if total > gpu.memory_bytes:
                continue
            sp = inference_speed(s, gpu, tp, pp, r)
            key = (sp.aggregate_tokens_per_s, sp.decode_tokens_per_s)
            if best is None or key > best[0]:
                best = (key, (tp, pp, r, 0), sp)
        if best is None:
            out.append(_judge(s, Candidate(gpu, s, count, None, False, min_memory=least), None))
            continue
        _, lay, sp = best
        cloud, onprem = cost_totals(s, gpu, count, hours, prices)
        out.append(_judge(s, Candidate(gpu, s, count, lay, True, sp.request_s, cloud, onprem,
                                       power_kw(s, gpu, count), min_memory=least), None))
        first_fit = first_fit if first_fit is not None else len(out)
        if len(out) - first_fit >= EXTRA_STEPS and count >= s.own.get(gpu.id, 0):
            break
    return out


def _memory_key(v: Scenario) -> tuple:
    """What layout memory and utilisation order depend on (not prices, deadlines or budgets), so a
    rerun for a suggestion reuses the caches. bf16/fp16/fp8 keep 2-byte states: only fp32 differs."""
    return (id(v.model), v.goal, v.method, v.optimizer, v.seq_len, v.micro_batch, v.recompute, v.precision == "fp32",
            v.lora_rank, v.lora_targets, v.tp, v.pp, v.zero_stage, v.network, v.quant, v.kv_dtype, v.context,
            v.concurrency, v.overhead_fixed_bytes, v.overhead_fraction)


def search(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer] = (), caches: dict | None = None
           ) -> tuple[list[Candidate], list[Rejected]]:
    """Every accelerator x count x layout x precision; returns candidates and unusable accelerators.
    ``caches`` (a dict the caller keeps) shares layout memory between reruns of the same model."""
    from app.core.cost import service_hours

    target_s = (s.deadline_days or DEFAULT_TARGET_DAYS) * 86400.0 if s.is_training else None
    if s.is_training and s.deadline_days is None:
        target_s_hard = None  # the 90-day target steers the search but is not a constraint
    else:
        target_s_hard = target_s
    cands: list[Candidate] = []
    rejected: list[Rejected] = []
    variants = ([s.model_copy(update={"precision": p}) for p in s.precisions] if s.is_training
                else [s.model_copy(update={"quant": q}) for q in s.quants])
    caches = {} if caches is None else caches
    shared = caches.setdefault("orders", {})
    for v in variants:
        key = _memory_key(v)
        if key not in caches:
            caches[key] = (_Cache(v, shared=shared), _InferenceCache(v))
        cache, icache = caches[key]
        wl = compute_workload(v)
        hours = service_hours(v)
        for gpu in gpus:
            prec = _precision_findings(v, gpu)
            if any(f.severity == "error" for f in prec):
                if len(variants) == 1:
                    rejected.append(Rejected(gpu=gpu.id, code="precision_unsupported", params=prec[0].params))
                continue
            if (v.is_training and v.precision == "fp16" and "bf16" in s.precisions
                    and gpu.peak_flops("fp16") == gpu.peak_flops_bf16):
                continue  # identical to the bf16 run on this GPU (same peak, same 2-byte states)
            if v.is_training and v.precision == "fp32" and "bf16" in s.precisions:
                continue  # dominated by bf16 on the same GPU: half the peak, twice the state memory
            prices = prices_for(v, gpu, offers)
            if v.is_training:
                found = _training_candidates(v, gpu, prices, cache, wl.hardware_flops, target_s)
                if target_s_hard is None:
                    for c in found:  # no deadline: "too slow" only steers the count search
                        if c.reason == "too_slow":
                            c.meets, c.reason = True, ""
                            _judge_budget_only(v, c)
            else:
                found = _inference_candidates(v, gpu, prices, hours, icache)
            cands.extend(found)
    return cands, rejected


def _judge_budget_only(s: Scenario, c: Candidate) -> None:
    if not c.within_budget:
        c.reason = "over_budget" if c.cost is not None else "no_price"


COST_TIE = 1.005  # costs within 0.5% count as equal; then fewer GPUs (a smaller cluster is easier to get)


def _sort_key(s: Scenario, c: Candidate):
    cost = c.cost if c.cost is not None else math.inf
    if s.rank_by == "time":
        return (c.time_s, cost)
    band = math.floor(math.log(cost) / math.log(COST_TIE)) if 0 < cost < math.inf else (math.inf if cost else -math.inf)
    return (band, c.count, c.time_s)


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
    if viable:
        ranked = sorted(viable, key=lambda c: _sort_key(s, c))
        tag(ranked[0], "recommended")
        priced = [c for c in viable if c.cost is not None]
        if priced:  # costs within COST_TIE are equal; the tie goes to fewer GPUs, as in the ranking
            tag(min(priced, key=lambda c: _sort_key(s.model_copy(update={"rank_by": "cost"}), c)), "cheapest")
        tag(min(viable, key=lambda c: (c.time_s, c.cost if c.cost is not None else math.inf)), "fastest")
        for c in pareto(viable):
            tag(c, "pareto")
        best_per: dict[tuple, Candidate] = {}
        for c in ranked:
            best_per.setdefault((c.gpu.id, c.s.precision, c.s.quant), c)
        for c in best_per.values():
            tag(c, "best_for_gpu")
        for c in viable:
            if c.count <= s.own.get(c.gpu.id, 0):
                mine = [x for x in viable if x.gpu.id == c.gpu.id and x.count <= s.own[c.gpu.id]]
                tag(min(mine, key=lambda x: (x.time_s, x.count)), "owned")
                break
    else:
        # nothing viable: per accelerator the nearest miss (fastest for a deadline, cheapest for a budget)
        fitting = [c for c in cands if c.fits]
        per: dict[str, Candidate] = {}
        for c in sorted(fitting, key=lambda c: (c.time_s if c.reason == "too_slow" else (c.cost or math.inf))):
            per.setdefault(c.gpu.id, c)
        for c in per.values():
            tag(c, "nearest")
    chosen = [by_id[i] for i in labels]
    chosen.sort(key=lambda c: (0 if c.viable else 1, *_sort_key(s, c)))
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
        order = ("too_slow", "power_limit", "no_price", "over_budget")
        reason = next((r for r in order if any(c.reason == r for c in fits)), "dominated")
        params: dict = {}
        if reason == "too_slow":
            fastest = min(fits, key=lambda c: c.time_s)
            params = {"best_days": fastest.time_s / 86400.0, "gpu_count": fastest.count, "deadline_days": s.deadline_days}
        elif reason == "over_budget":
            cheapest = min((c for c in fits if c.cost is not None), key=lambda c: c.cost)
            params = {"min_cost": cheapest.cost, "budget": s.budget, "currency": s.currency}
        elif reason == "power_limit":
            params = {"min_power_kw": min(c.power_kw for c in fits), "limit_kw": s.power_limit_kw}
        out.append(Rejected(gpu=gid, code=reason, params=params))
    return out


def build_options(s: Scenario, chosen: list[tuple[Candidate, list[str]]], offers: list[CloudOffer]) -> list[Option]:
    out = []
    wls: dict[int, object] = {}
    for c, labels in chosen:
        wl = wls.setdefault(id(c.s), compute_workload(c.s))
        o = evaluate(c.s, c.gpu, c.count, wl, prices_for(c.s, c.gpu, offers), layout=c.layout)
        out.append(o.model_copy(update={"labels": labels}))
    return out


# ----- the nearest change that makes an infeasible scenario feasible ------------------------------

def _best_viable(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer], caches: dict | None = None) -> Candidate | None:
    cands, _ = search(s, gpus, offers, caches)
    viable = [c for c in cands if c.viable]
    return min(viable, key=lambda c: _sort_key(s, c)) if viable else None


def _summary(c: Candidate) -> dict:
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
            return _Cache(v).min_memory(gpu.gpus_per_node, n) <= gpu.memory_bytes
        return min(l.memory.total for l in _inference_layouts(v, gpu, n)) <= gpu.memory_bytes

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
                caches: dict | None = None) -> list[Suggestion]:
    """Computed ways out, nearest first. Each is checked by rerunning the search with the change,
    except where the arithmetic is exact (time and cloud cost are linear in tokens)."""
    out: list[Suggestion] = []
    fitting = [c for c in cands if c.fits]
    if s.is_training and fitting and s.deadline_days is not None and not any(c.meets for c in fitting):
        fastest = min(fitting, key=lambda c: c.time_s)
        days = fastest.time_s / 86400.0
        out.append(Suggestion(code="later_deadline", distance=days / s.deadline_days - 1.0,
                              params={"deadline_days": math.ceil(days), **_summary(fastest)}))
        if s.goal != Goal.FINETUNE or s.tokens is not None or s.samples is not None:
            frac = s.deadline_days / days
            tokens = compute_workload(s).tokens * frac
            out.append(Suggestion(code="fewer_tokens", distance=1.0 - frac, params={"tokens": tokens, "fraction": frac}))
        if fastest.count >= s.max_gpus // 2:
            need = fastest.count * days / s.deadline_days
            v = s.model_copy(update={"max_gpus": int(min(1_000_000, need * 2))})
            best = _best_viable(v, gpus, offers, caches)
            if best:
                out.append(Suggestion(code="more_gpus", distance=math.log2(best.count / s.max_gpus) if best.count > s.max_gpus else 0.1,
                                      params={"max_gpus": best.count, **_summary(best)}))
    meeting = [c for c in fitting if c.meets and c.cost is not None]
    if s.budget is not None and meeting and not any(c.viable for c in cands):
        cheapest = min(meeting, key=lambda c: c.cost)
        if cheapest.cost > s.budget:
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
        bits = weight_bytes_per_param(s.quant) * 8
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
            least = min(grown, key=lambda c: (c.count, _sort_key(v, c)))
            out.append(Suggestion(code="more_gpus", distance=math.log2(max(least.count / s.max_gpus, 1.0)) + 0.1,
                                  params={"max_gpus": least.count, **_summary(least)}))
    out.sort(key=lambda x: x.distance)
    return out


def infeasible_verdict(s: Scenario, cands: list[Candidate]):
    """Why nothing is viable, named by the constraint that bites first (memory, deadline, power,
    price, budget), with the figures of the nearest miss."""
    from app.core.results import Verdict

    fitting = [c for c in cands if c.fits]
    if not fitting:
        return Verdict(feasible=False, code="no_configuration_fits", params={"max_gpus": s.max_gpus})
    if s.is_training and s.deadline_days is not None and not any(c.meets for c in fitting):
        f = min(fitting, key=lambda c: c.time_s)
        return Verdict(feasible=False, code="deadline_not_met", params={
            "best_days": f.time_s / 86400.0, "deadline_days": s.deadline_days, "gpu": f.gpu.id, "gpu_count": f.count})
    ok_time = [c for c in fitting if c.meets]
    if s.deployment == Deployment.ONPREM and ok_time and all(c.reason in ("power_limit", "no_price") for c in ok_time) \
            and any(c.reason == "power_limit" for c in ok_time):
        least = min((c for c in ok_time if c.reason == "power_limit"), key=lambda c: c.power_kw)
        return Verdict(feasible=False, code="power_limit_exceeded", params={"power_kw": least.power_kw, "limit_kw": s.power_limit_kw})
    priced = [c for c in ok_time if c.cost is not None and c.reason in ("over_budget", "")]
    if s.budget is not None and priced:
        cheapest = min(priced, key=lambda c: c.cost)
        return Verdict(feasible=False, code="over_budget", params={"min_cost": cheapest.cost, "budget": s.budget,
                                                                  "currency": s.currency, "gpu": cheapest.gpu.id,
                                                                  "gpu_count": cheapest.count})
    return Verdict(feasible=False, code="no_price", params={"deployment": s.deployment.value})


class CurvePoint(BaseModel):
    count: int
    fits: bool
    time_s: float | None = None
    cloud: float | None = None
    onprem: float | None = None


def scaling_curve(s: Scenario, gpu: GpuSpec, offers: list[CloudOffer] = (), max_count: int | None = None,
                  caches: dict | None = None) -> list[CurvePoint]:
    """Time and cost against GPU count for one accelerator (every node-shaped count up to
    ``max_count``), for the wizard's scaling plot. Training: job time; inference: request latency."""
    from app.core.cost import service_hours

    v = s.model_copy(update={"max_gpus": max_count or s.max_gpus, "deadline_days": None, "budget": None})
    caches = {} if caches is None else caches
    key = _memory_key(v)
    if key not in caches:
        caches[key] = (_Cache(v, shared=caches.setdefault("orders", {})), _InferenceCache(v))
    cache, icache = caches[key]
    prices = prices_for(v, gpu, offers)
    out = []
    if v.is_training:
        wl = compute_workload(v)
        peak = gpu.peak_flops(v.precision) or gpu.peak_flops_bf16
        jf = job_factor(v, gpu)
        for count in _counts(v, gpu):
            if cache.min_memory(gpu.gpus_per_node, count) > gpu.memory_bytes:
                out.append(CurvePoint(count=count, fits=False))
                continue
            lf, _ = cache.choose(gpu, count)
            eff = v.mfu if v.mfu is not None else BASE_MFU * jf * lf
            t = wl.hardware_flops / (count * peak * eff)
            cloud, onprem = cost_totals(v, gpu, count, t / 3600.0, prices)
            out.append(CurvePoint(count=count, fits=True, time_s=t, cloud=cloud, onprem=onprem))
    else:
        hours = service_hours(v)
        for count in _counts(v, gpu):
            best = None
            for tp, pp, r, total in icache.layouts(gpu.gpus_per_node, count):
                if total <= gpu.memory_bytes:
                    sp = inference_speed(v, gpu, tp, pp, r)
                    if best is None or sp.request_s < best:
                        best = sp.request_s
            if best is None:
                out.append(CurvePoint(count=count, fits=False))
                continue
            cloud, onprem = cost_totals(v, gpu, count, hours, prices)
            out.append(CurvePoint(count=count, fits=True, time_s=best, cloud=cloud, onprem=onprem))
    return out

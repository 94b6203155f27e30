"""The recommendation search: every accelerator x node-shaped GPU count x layout x precision.

How it stays fast enough to rerun on every keystroke (benchmarks/run.py prints the figures: search_ms):
- memory of a layout does not depend on the GPU type, so it is computed once per plan and shared by
  all accelerators;
- the order in which layouts are tried (best utilisation first, then the simplest) depends only on the
  interconnect shape (GPUs per node, NVLink domain), so it is sorted once per shape and count, with the
  same ``layout_factor`` the evaluation of one option uses;
- a count whose least-memory layout does not fit is skipped without looking at layouts;
- counts stop two steps after the first one that meets the deadline (those are the faster, dearer
  points of the time/cost front);
- the pydantic Option with findings and itemised cost is built only for the configurations kept
  (app.core.select).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from app.core import assumptions as A
from app.core import memory as mem
from app.core.cost import Prices, cost_totals, power_kw, prices_for, relevant_cost, service_hours
from app.core.evaluate import precision_findings
from app.core.layouts import Layout, Shape, candidate_counts, layout_factors, pow2_upto, serving_layouts, training_layouts
from app.core.offload import offload_factor, saver_variants
from app.core.results import Rejected
from app.core.scenario import Deployment, Scenario
from app.core.service import ServiceLevel, choice_key, load_layout, serve
from app.core.specs import CloudOffer, GpuSpec
from app.core.stacks import Engine
from app.core.throughput import decode_bytes, hardware_utilisation, job_factor, step_cache
from app.core.workload import global_batch_tokens
from app.core.workload import workload as compute_workload

EXTRA_STEPS = 2  # counts evaluated beyond the first that meets the deadline (the faster, dearer points)
# What a caller keeps between searches: memory_key(v) -> (LayoutCache, ServingCache), and "orders" -> the
# layout orders shared between precisions (LayoutCache.shared).
SearchCaches = dict[Hashable, Any]


@dataclass
class Candidate:
    gpu: GpuSpec
    s: Scenario  # the scenario variant (precision or quant) evaluated
    count: int
    layout: Layout | None
    fits: bool
    time_s: float = math.inf  # the job (training) or one request (serving)
    cloud: float | None = None
    onprem: float | None = None
    power_kw: float = 0.0
    cost: float | None = None  # the relevant one for the deployment
    meets: bool = True
    within_budget: bool = True
    within_power: bool = True
    min_memory: float = 0.0
    reason: str = ""  # why it is not viable
    service: ServiceLevel | None = None  # serving: the service level with the spare replicas down

    @property
    def sla_met(self) -> bool:
        return self.service is None or self.service.met

    @property
    def viable(self) -> bool:
        return not self.reason


@dataclass
class LayoutCache:
    """Per-plan caches shared by all accelerators (memory does not depend on the GPU type)."""

    s: Scenario
    tm: mem.TrainingMemory | None = None  # built on first use (serving plans never need it)
    total: dict[Layout, float] = field(default_factory=dict)  # Layout -> memory bytes
    entries: dict[tuple[int, int], list[tuple[Layout, float]]] = field(default_factory=dict)  # (gpn, count) -> [(Layout, bytes)]
    # (gpn, NVLink domain, NVLink, count) -> (layouts best first with their factor, running minimum of
    # their memory, negated)
    orders: dict[tuple[int, int, bool, int], tuple[list[tuple[float, Layout]], list[float]]] = field(default_factory=dict)
    minmem: dict[tuple[int, int], float] = field(default_factory=dict)
    # shared between precisions: the layout lists ("layouts", …) and their orders as (factor, position)
    shared: dict[tuple[object, ...], Any] = field(default_factory=dict)

    def layouts(self, gpn: int, count: int) -> list[tuple[Layout, float]]:
        """Every layout of ``count`` GPUs, ``gpn`` per node, with its memory bytes."""
        key = (gpn, count)
        v = self.entries.get(key)
        if v is None:
            s = self.s
            lkey = ("layouts", gpn, count, layout_key(s))  # the same for every precision
            lays = self.shared.get(lkey)
            if lays is None:
                lays = self.shared[lkey] = training_layouts(s, gpn, count)
            total, memory = self.total, self.memory
            v = self.entries[key] = [(lay, total.get(lay) or memory(lay)) for lay in lays]
            self.minmem[key] = min(e[1] for e in v)
        return v

    def memory(self, lay: Layout) -> float:
        v = self.total.get(lay)
        if v is None:  # every accelerator shape asks again for the same layouts: computed once
            if self.tm is None:
                self.tm = mem.TrainingMemory(self.s)
            v = self.total[lay] = self.tm.total(lay)
        return v

    def min_memory(self, gpn: int, count: int) -> float:
        v = self.minmem.get((gpn, count))
        if v is None:
            self.layouts(gpn, count)
            v = self.minmem[(gpn, count)]
        return v

    def ordered(self, gpu: GpuSpec, count: int) -> tuple[list[tuple[float, Layout]], list[float]]:
        """Layouts best-utilisation first (ties: less model splitting, then a lower ZeRO stage), with
        the running minimum of their memory, for this interconnect shape and count. The order does not
        depend on memory, so caches of different precisions share it (``shared``: positions in the
        layout list, which is the same for every precision)."""
        gpn = gpu.gpus_per_node
        key = (gpn, gpu.nvlink_domain, gpu.has_nvlink, count)  # what layout_factor depends on
        v = self.orders.get(key)
        if v is None:
            s = self.s
            entries = self.layouts(gpn, count)
            # the order also follows the global batch (ranks it leaves idle, the pipeline bubble)
            okey = (key, s.network, layout_key(s), global_batch_tokens(s), s.micro_batch)
            order = self.shared.get(okey)
            if order is None:
                shape = Shape(gpn, gpu.nvlink_domain, gpu.has_nvlink)
                lays = [e[0] for e in entries]
                factors = layout_factors(s, shape, count, lays)
                keyed = sorted([(-f, lay[0] * lay[1], lay[6], i) for i, (f, lay) in enumerate(zip(factors, lays, strict=True))])
                order = self.shared[okey] = [(-k[0], k[3]) for k in keyed]
            ordered, neg_prefmin, low = [], [], math.inf
            for f, i in order:
                lay, mb = entries[i]
                ordered.append((f, lay))
                if mb < low:
                    low = mb
                neg_prefmin.append(-low)
            v = self.orders[key] = (ordered, neg_prefmin)
        return v

    def choose(self, gpu: GpuSpec, count: int) -> tuple[float, Layout] | None:
        """The first layout in utilisation order that fits (bisection on the running minimum)."""
        ordered, neg_prefmin = self.ordered(gpu, count)
        i = bisect.bisect_left(neg_prefmin, -gpu.memory_bytes)
        return ordered[i] if i < len(ordered) else None


@dataclass
class ServingCache:
    """Serving memory per layout is the same on every accelerator: computed once."""

    s: Scenario
    entries: dict[tuple[int, int], list[tuple[Layout, float]]] = field(default_factory=dict)
    reads: dict[Layout, tuple[float, float]] = field(default_factory=dict)  # decode bytes per layout

    def read(self, lay: Layout) -> tuple[float, float]:
        v = self.reads.get(lay)
        if v is None:
            v = self.reads[lay] = decode_bytes(self.s, lay, self.s.gpu_layers)
        return v

    def layouts(self, gpn: int, count: int) -> list[tuple[Layout, float]]:
        key = (gpn, count)
        v = self.entries.get(key)
        if v is None:
            s = self.s
            v = self.entries[key] = [
                (lay, mem.inference_memory_parts(s, tp=lay.tp, pp=lay.pp, replicas=load_layout(s, lay).replicas,
                                                 gpu_layers=s.gpu_layers).total)
                for lay in serving_layouts(s, gpn, count)]
        return v


def judge(s: Scenario, c: Candidate, target_s: float | None) -> Candidate:
    """Set a candidate's cost for the deployment and the first reason it is not viable."""
    c.within_power = s.power_limit_kw is None or c.power_kw <= s.power_limit_kw
    owned = s.own.get(c.gpu.id, 0) >= c.count
    c.cost = relevant_cost(s, c.cloud, c.onprem if c.within_power else None, owned)
    c.meets = (target_s is None or c.time_s <= target_s) and c.sla_met
    c.within_budget = s.budget is None or (c.cost is not None and c.cost <= s.budget)
    if not c.fits:
        c.reason = "does_not_fit"
    elif s.deployment == Deployment.ONPREM and not c.within_power:
        c.reason = "power_limit"
    elif s.deployment == Deployment.ONPREM and c.onprem is None:
        c.reason = "no_price"
    elif s.deployment == Deployment.CLOUD and c.cloud is None and not owned:
        c.reason = "no_price"
    elif not c.sla_met:
        c.reason = "service_level"
    elif not c.meets:
        c.reason = "too_slow"
    elif not c.within_budget:
        c.reason = "over_budget" if c.cost is not None else "no_price"
    return c


def counts_for(s: Scenario, gpu: GpuSpec) -> list[int]:
    """The counts to try: node-shaped up to --max-gpus, plus the count the user owns."""
    owned = s.own.get(gpu.id)
    counts = set(candidate_counts(gpu, s.max_gpus))
    if owned and owned <= s.max_gpus:
        counts.add(owned)
    return sorted(counts)


def fitting(s: Scenario, gpu: GpuSpec, count: int, cache: LayoutCache, savers: list[LayoutCache]
             ) -> tuple[LayoutCache, float] | None:
    """The cache whose scenario fits ``count`` GPUs: the plain one, else the first memory saver that
    does (with the least memory of its layouts); None when nothing fits. Savers are tried on one
    server at most, or on the GPUs the user owns: across servers, more GPUs fit without them."""
    for c in (cache, *(savers if count <= gpu.gpus_per_node or count == s.own.get(gpu.id) else ())):
        least = c.min_memory(gpu.gpus_per_node, count)
        if least <= gpu.memory_bytes:
            return c, least
    return None


def _training_candidates(s: Scenario, gpu: GpuSpec, prices: Prices, cache: LayoutCache, hw_flops: float,
                         target_s: float | None, savers: list[LayoutCache] | None = None,
                         flops_per_token: float = 0.0) -> list[Candidate]:
    """Candidates of one accelerator, count by count. A count nothing fits on tries the memory
    savers (app.core.offload) in order; their time includes the offload's cost."""
    peak = gpu.peak_flops(s.precision) or gpu.peak_flops_bf16
    out: list[Candidate] = []
    steps = step_cache(s)
    met_at = None
    counts = counts_for(s, gpu)
    # If even the largest count at the best possible layout (factor 1) misses the target, the counts in
    # between are all too slow: evaluate only the first that fits, the largest and the owned one.
    best_eff = job_factor(s, gpu) if s.mfu is None else hardware_utilisation(s, gpu, 1, Layout())
    hopeless = target_s is not None and hw_flops / (counts[-1] * peak * best_eff) > target_s
    first_fit = True
    owned = s.own.get(gpu.id, 0)
    for count in counts:
        found = fitting(s, gpu, count, cache, savers or [])
        if found is None:
            least = cache.min_memory(gpu.gpus_per_node, count)
            out.append(judge(s, Candidate(gpu, s, count, None, False, min_memory=least), target_s))
            continue
        if hopeless and not first_fit and count != counts[-1] and count != owned:
            continue
        first_fit = False
        used, least = found
        chosen = used.choose(gpu, count)
        assert chosen is not None  # the least-memory layout fits, so one in the order does
        _lf, lay = chosen
        eff = hardware_utilisation(s, gpu, count, lay, steps)
        if used is not cache and s.mfu is None:
            assert used.tm is not None  # min_memory built it
            eff *= offload_factor(used.tm, gpu, lay, flops_per_token, peak * eff)
        t = hw_flops / (count * peak * eff)
        cloud, onprem = cost_totals(s, gpu, count, t / 3600.0, prices)
        # caches are shared between precisions (same memory): the candidate keeps this variant's
        # precision and takes only the saver from the cache it fitted with
        cs = s if used is cache else s.model_copy(update={"offload": used.s.offload,
                                                          "optimizer_in_backward": used.s.optimizer_in_backward})
        c = judge(s, Candidate(gpu, cs, count, lay, True, t, cloud, onprem, power_kw(s, gpu, count),
                               min_memory=least), target_s)
        out.append(c)
        if c.meets and met_at is None:
            met_at = len(out)
        if met_at is not None and len(out) - met_at >= EXTRA_STEPS and count > owned:
            break
    return out


def serving_counts(s: Scenario, gpu: GpuSpec) -> list[int]:
    """Serving grows by replicas: with a service level every count up to one node (3 replicas are
    not 4), then the node-shaped counts."""
    counts = counts_for(s, gpu)
    if not s.has_service_level:
        return counts
    return sorted(set(counts) | set(range(1, min(gpu.gpus_per_node, s.max_gpus) + 1)))


def can_meet(s: Scenario, gpu: GpuSpec) -> bool:
    """Can any count of this GPU meet the service level? An upper bound: one user per replica (no
    queue, the fastest answers) at every tensor-parallel width a server allows, memory aside. More
    GPUs only add replicas, which cannot beat one user each."""
    if not s.has_service_level or (s.min_tokens_per_s is None and s.max_ttft_s is None):
        return True
    per = 1 + s.spare_replicas
    alone = s.model_copy(update={"concurrency": per})
    heads = s.model.heads
    for tp in pow2_upto(gpu.gpus_per_node):
        if s.tp not in (None, tp) or (tp > 1 and heads % tp):
            continue
        _, sl = serve(alone, gpu, Layout(tp=tp, replicas=per), s.gpu_layers, ranges=False)
        if sl.met:
            return True
    return False


def _serving_candidates(s: Scenario, gpu: GpuSpec, prices: Prices, hours: float, cache: ServingCache) -> list[Candidate]:
    """Candidates of one accelerator for serving, against the memory the engine lets the model use.
    llama.cpp on one GPU that cannot hold the model keeps the layers that fit and runs the rest on
    the CPU (``-ngl``)."""
    out: list[Candidate] = []
    first_fit = None
    usable = mem.usable_memory(s, gpu.memory_bytes, gpu.architecture)
    weights = s.model.params_total * s.weight_bytes
    partial = s.engine == Engine.LLAMA_CPP and s.gpu_layers is None
    closest, stalled = math.inf, 0  # the nearest miss of the service level so far, and counts since it improved
    hopeless = not can_meet(s, gpu)
    counts = serving_counts(s, gpu)
    jump: int | None = None  # a GPU that cannot meet the targets: its first fit, then its best (one user per replica)
    for count in counts:
        if jump is not None and count < jump and count != counts[-1]:
            continue
        if weights / count > usable and not (partial and count == 1):
            out.append(judge(s, Candidate(gpu, s, count, None, False, min_memory=weights / count), None))
            continue
        best = None
        least = math.inf
        for lay, total in cache.layouts(gpu.gpus_per_node, count):
            least = min(least, total)
            if total > usable:
                continue
            sp, sl = serve(s, gpu, lay, s.gpu_layers, cache.read, ranges=False)
            key = choice_key(sp, sl)
            if best is None or key > best[0]:
                best = (key, lay, sp, sl)
        if best is None and partial and count == 1:
            n = mem.gpu_layers_that_fit(s, usable * A.value("memory_headroom"))  # leave room
            if n >= 1:
                lay = Layout()
                sp, sl = serve(s, gpu, lay, n)
                best = (choice_key(sp, sl), lay, sp, sl)
        if best is None:
            out.append(judge(s, Candidate(gpu, s, count, None, False, min_memory=least), None))
            continue
        _, lay, sp, sl = best
        cloud, onprem = cost_totals(s, gpu, count, hours, prices)
        c = judge(s, Candidate(gpu, s, count, lay, True, sp.request_s, cloud, onprem,
                               power_kw(s, gpu, count), min_memory=least, service=sl if s.has_service_level else None), None)
        out.append(c)
        if not c.sla_met:  # more GPUs: more replicas, until the service level holds or stops improving
            stalled = stalled + 1 if sl.miss >= closest * (1.0 - 1e-3) else 0
            closest = min(closest, sl.miss)
            if jump is not None or stalled >= EXTRA_STEPS or sl.active_replicas >= s.concurrency:
                break  # one user per replica already: more replicas would stand idle
            if hopeless:  # how near it comes: the widest replicas, one user each
                jump = (s.concurrency + s.spare_replicas) * lay.model_split * max(1, gpu.gpus_per_node // lay.model_split)
            continue
        first_fit = first_fit if first_fit is not None else len(out)
        if len(out) - first_fit >= EXTRA_STEPS and count >= s.own.get(gpu.id, 0):
            break
    return out


def layout_key(v: Scenario) -> tuple[object, ...]:
    """What the list of layouts (and their utilisation order) depends on."""
    weights_offloaded = any(o.value in ("params", "nvme") for o in (v.offload or ()))  # ZeRO-3 only
    return (id(v.model), v.stack, v.tp, v.pp, v.cp, v.ep, v.vpp, v.zero_stage, v.seq_len, weights_offloaded)


def memory_key(v: Scenario) -> tuple[object, ...]:
    """What layout memory and utilisation order depend on (not prices, deadlines or budgets), so a
    rerun for a suggestion reuses the caches. bf16/fp16/fp8 keep 2-byte states: only fp32 differs."""
    return (layout_key(v), v.offload, v.goal, v.method, v.optimizer, v.micro_batch, v.recompute, v.precision == "fp32",
            v.lora_rank, v.lora_targets, v.network, v.quant, v.kv_dtype, v.context, v.concurrency,
            v.overhead_fixed_bytes, v.overhead_fraction, v.attention, v.loss, v.optimizer_in_backward, v.global_batch,
            v.sequence_parallel, v.engine, v.gpu_layers)


def caches_for(v: Scenario, caches: SearchCaches) -> tuple[LayoutCache, ServingCache]:
    """The layout caches of a scenario variant, kept in ``caches`` (a dict the caller holds)."""
    key = memory_key(v)
    if key not in caches:
        caches[key] = (LayoutCache(v, shared=caches.setdefault("orders", {})), ServingCache(v))
    pair: tuple[LayoutCache, ServingCache] = caches[key]
    return pair


def search(s: Scenario, gpus: list[GpuSpec], offers: list[CloudOffer] | tuple[CloudOffer, ...] = (),
           caches: SearchCaches | None = None) -> tuple[list[Candidate], list[Rejected]]:
    """Every accelerator x count x layout x precision; returns candidates and unusable accelerators.
    ``caches`` (a dict the caller keeps) shares layout memory between reruns of the same model."""
    offers = list(offers)
    pinned = next((o for o in offers if o.id == s.cloud_offer), None) if s.cloud_offer else None
    if pinned is not None:  # --offer: that offer's GPU is the one to plan (its price, whole instances)
        gpus = [g for g in gpus if g.id == pinned.gpu]
    # without a deadline the 90-day target is the constraint (Scenario.target_days)
    target_s = s.target_days * 86400.0 if s.target_days is not None else None
    cands: list[Candidate] = []
    rejected: list[Rejected] = []
    variants = ([s.model_copy(update={"precision": p}) for p in s.precisions] if s.is_training
                else [s.model_copy(update={"quant": q}) for q in s.quants])
    caches = {} if caches is None else caches
    for v in variants:
        cache, scache = caches_for(v, caches)
        wl = compute_workload(v)
        hours = service_hours(v)
        savers = [caches_for(x, caches)[0] for x in saver_variants(v)] if v.is_training else []
        for gpu in gpus:
            prec = precision_findings(v, gpu)
            if any(f.severity == "error" for f in prec):
                if len(variants) == 1:
                    rejected.append(Rejected(gpu=gpu.id, code=prec[0].code, params=prec[0].params))
                continue
            if (v.is_training and v.precision == "fp16" and "bf16" in s.precisions
                    and gpu.peak_flops("fp16") == gpu.peak_flops_bf16):
                continue  # identical to the bf16 run on this GPU (same peak, same 2-byte states)
            if v.is_training and v.precision == "fp32" and "bf16" in s.precisions:
                continue  # dominated by bf16 on the same GPU: half the peak, twice the state memory
            prices = prices_for(v, gpu, offers)
            if v.is_training:
                found = _training_candidates(v, gpu, prices, cache, wl.hardware_flops, target_s, savers,
                                             wl.hardware_flops / max(wl.tokens, 1.0))
            else:
                found = _serving_candidates(v, gpu, prices, hours, scache)
            cands.extend(found)
    return cands, rejected

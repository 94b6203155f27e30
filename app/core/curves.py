"""Time and cost against GPU count for one accelerator: the scaling curves every view draws."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from app.core.cost import cost_totals, prices_for, service_hours
from app.core.memory import usable_memory
from app.core.offload import offload_factor, saver_variants
from app.core.scenario import Scenario
from app.core.search import SearchCaches, caches_for, counts_for, fitting
from app.core.specs import CloudOffer, GpuSpec
from app.core.throughput import hardware_utilisation, inference_speed, step_cache
from app.core.workload import workload as compute_workload


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """One GPU count: whether it fits, the job (training) or one request (serving), and the cost.
    A dataclass: hundreds per plan, and a plain ``gpu-planner plan`` need not build a pydantic model."""

    count: int
    fits: bool
    job_s: float | None = None
    request_s: float | None = None
    cloud: float | None = None
    onprem: float | None = None

    @property
    def duration_s(self) -> float | None:
        return self.job_s if self.job_s is not None else self.request_s

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def scaling_curve(s: Scenario, gpu: GpuSpec, offers: list[CloudOffer] | tuple[CloudOffer, ...] = (),
                  max_count: int | None = None, caches: SearchCaches | None = None) -> list[CurvePoint]:
    """Time and cost against GPU count for one accelerator (every node-shaped count up to
    ``max_count``). Training: job time; inference: request latency."""
    v = s.model_copy(update={"max_gpus": max_count or s.max_gpus, "deadline_days": None, "budget": None})
    caches = {} if caches is None else caches
    cache, icache = caches_for(v, caches)
    prices = prices_for(v, gpu, offers)
    out: list[CurvePoint] = []
    if v.is_training:
        wl = compute_workload(v)
        peak = gpu.peak_flops(v.precision) or gpu.peak_flops_bf16
        savers = [caches_for(x, caches)[0] for x in saver_variants(v)]
        steps = step_cache(v)
        for count in counts_for(v, gpu):
            found = fitting(v, gpu, count, cache, savers)  # the search's own choice, memory savers included
            chosen = found[0].choose(gpu, count) if found else None
            if found is None or chosen is None:
                out.append(CurvePoint(count=count, fits=False))
                continue
            used, (_lf, lay) = found[0], chosen
            eff = hardware_utilisation(v, gpu, count, lay, steps)
            if used is not cache and v.mfu is None and used.tm is not None:
                eff *= offload_factor(used.tm, gpu, lay, wl.hardware_flops / max(wl.tokens, 1.0), peak * eff)
            t = wl.hardware_flops / (count * peak * eff)
            cloud, onprem = cost_totals(v, gpu, count, t / 3600.0, prices)
            out.append(CurvePoint(count=count, fits=True, job_s=t, cloud=cloud, onprem=onprem))
    else:
        hours = service_hours(v)
        usable = usable_memory(v, gpu.memory_bytes, gpu.architecture)
        for count in counts_for(v, gpu):
            best = None
            for lay, total in icache.layouts(gpu.gpus_per_node, count):
                if total <= usable:
                    sp = inference_speed(v, gpu, lay, v.gpu_layers, icache.read(lay))
                    if best is None or sp.request_s < best:
                        best = sp.request_s
            if best is None:
                out.append(CurvePoint(count=count, fits=False))
                continue
            cloud, onprem = cost_totals(v, gpu, count, hours, prices)
            out.append(CurvePoint(count=count, fits=True, request_s=best, cloud=cloud, onprem=onprem))
    return out

"""Serving to a service level: replicas, the target that binds, and the price of a million tokens.

A serving layout of ``count`` GPUs is ``replicas`` copies of the model, each split ``tp`` x ``pp``.
The load (``concurrency``: requests in flight at the peak) is spread over the replicas; with N+1
(``availability``) one replica may be down and the others must still meet the targets, so the
service level is checked on ``replicas - 1``.

The targets are the answer speed each user sees (``min_tokens_per_s``, decode tokens per second per
sequence, prefill interleaved as in app.core.throughput) and the time to the first token
(``max_ttft_s``, prefill plus the wait behind other prompts). The one that binds is the one with the
least slack (achieved / target, or target / achieved for the first token).

The price of a million tokens divides what the option costs over the horizon by the tokens it serves
at the given load in the hours of use, the GPU's time split between prompts (input) and answers
(output) as the throughput model spends it; idle hours are in the cost (an owned server costs the
same whether it is busy or not), not in the tokens.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from app.core.layouts import Layout
from app.core.scenario import Scenario
from app.core.specs import GpuSpec
from app.core.throughput import InferenceSpeed, inference_speed

TARGETS = ("min_tokens_per_s", "max_ttft_s")


@dataclass(frozen=True, slots=True)
class ServiceLevel:
    """How a layout meets the service level, with the load on the replicas that remain."""

    tokens_per_s: float  # per user
    ttft_s: float
    met: bool
    binding: str | None  # the target with the least slack (None: no target set)
    miss: float  # how far from the worst target, as a factor (1.0: on it or better)
    active_replicas: int


def active_layout(s: Scenario, lay: Layout) -> Layout | None:
    """The layout that carries the load when the spare replicas are down (None: no replica left)."""
    left = lay.replicas - s.spare_replicas
    if left < 1:
        return None
    return lay if left == lay.replicas else lay._replace(replicas=left)


def load_layout(s: Scenario, lay: Layout) -> Layout:
    """The layout whose replicas hold the load at the worst time (one replica down with N+1): the
    memory and the service level are checked on it."""
    return active_layout(s, lay) or lay


def serve(s: Scenario, gpu: GpuSpec, lay: Layout, gpu_layers: float | None = None,
          read: Callable[[Layout], tuple[float, float]] | None = None,
          ranges: bool = True) -> tuple[InferenceSpeed, ServiceLevel]:
    """The speed of ``lay`` with every replica up, and its service level with the spares down.
    ``read``: the decode bytes of a layout, when the caller caches them; ``ranges=False`` leaves out
    the fast and slow ends (the search compares nominal speeds)."""
    sp = inference_speed(s, gpu, lay, gpu_layers, read(lay) if read else None, ranges=ranges)
    act = active_layout(s, lay)
    if act is None:
        return sp, check(s, None, 0)
    if act == lay:
        return sp, check(s, sp, act.replicas)
    down = inference_speed(s, gpu, act, gpu_layers, read(act) if read else None, ranges=False)
    return sp, check(s, down, act.replicas)


def choice_key(sp: InferenceSpeed, sl: ServiceLevel) -> tuple[bool, float, float, float]:
    """Order of a count's layouts: meeting the service level first (else the nearest miss), then
    the most aggregate throughput, then the fastest answers."""
    return sl.met, -sl.miss, sp.aggregate_tokens_per_s, sp.decode_tokens_per_s


def check(s: Scenario, sp: InferenceSpeed | None, replicas: int) -> ServiceLevel:
    """The service level of ``sp``, the speed with the load on ``replicas`` active replicas (None:
    the layout has no replica left to carry the load)."""
    if sp is None:
        return ServiceLevel(0.0, math.inf, False, "availability", math.inf, 0)
    slack: dict[str, float] = {}
    if s.min_tokens_per_s is not None:
        slack["min_tokens_per_s"] = sp.decode_tokens_per_s / s.min_tokens_per_s
    if s.max_ttft_s is not None:
        slack["max_ttft_s"] = s.max_ttft_s / sp.ttft_s if sp.ttft_s > 0 else math.inf
    if not slack:
        return ServiceLevel(sp.decode_tokens_per_s, sp.ttft_s, True, None, 1.0, replicas)
    binding = min(slack, key=lambda k: slack[k])
    worst = slack[binding]
    return ServiceLevel(sp.decode_tokens_per_s, sp.ttft_s, worst >= 1.0, binding,
                        1.0 if worst >= 1.0 else (1.0 / worst if worst > 0 else math.inf), replicas)


def served_requests_per_s(s: Scenario, request_s: float) -> float:
    """Requests served per second at the load: the given rate, or the users in flight over the time
    each request takes (Little's law)."""
    rate = s.request_rate
    if rate is not None:
        return rate
    return s.concurrency / request_s if request_s > 0 else 0.0


def service_seconds(s: Scenario) -> float:
    """Seconds of use over the horizon (hours per day x days per month x 12 x years)."""
    return s.hours_per_day * 3600.0 * s.days_per_month * 12.0 * s.years


@dataclass(frozen=True, slots=True)
class TokenPrice:
    """Price of a million tokens: input (prompt), output (answer) and blended over the workload's mix."""

    input: float
    output: float
    blended: float


def token_price(s: Scenario, sp: InferenceSpeed, total_cost: float | None) -> TokenPrice | None:
    """What a million tokens cost when ``total_cost`` (over the horizon) serves the load."""
    if total_cost is None:
        return None
    rate = served_requests_per_s(s, sp.request_s)
    seconds = service_seconds(s)
    tokens_in = rate * s.prompt_len * seconds
    tokens_out = rate * s.output_tokens * seconds
    if tokens_in + tokens_out <= 0:
        return None
    share = min(max(sp.prefill_share, 0.0), 1.0)
    per_in = total_cost * share / tokens_in * 1e6 if tokens_in > 0 else 0.0
    per_out = total_cost * (1.0 - share) / tokens_out * 1e6 if tokens_out > 0 else 0.0
    return TokenPrice(per_in, per_out, total_cost / (tokens_in + tokens_out) * 1e6)


def monthly_tokens(s: Scenario, request_s: float) -> tuple[float, float]:
    """(input, output) tokens a month at the load, in the hours of use (``request_s``: the time one
    request takes on the option)."""
    seconds = s.hours_per_day * 3600.0 * s.days_per_month
    rate = served_requests_per_s(s, request_s)
    return rate * s.prompt_len * seconds, rate * s.output_tokens * seconds

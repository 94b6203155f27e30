"""Which assumption the answer hangs on: the recommended configuration's time and cost with each
uncertain assumption at the low and the high end of its stated range, and the values at which the
decision would flip.

- The configuration stays fixed (the same GPU and count); each swing re-evaluates it through the
  same ``evaluate`` the search uses, with one Scenario field changed. So the time and the cost move
  exactly as the planner would compute them, including whole cloud instances, servers and the
  service horizon.
- Ranges (``app.core.assumptions``): utilisation, the option's calibrated MFU range (80% of the
  out-of-sample published runs); the cloud price, from the cheapest to the dearest catalog offer for
  the GPU (or ``cloud_price_spread`` with fewer than two); the purchase price, ``purchase_price_spread``;
  FX, electricity, PUE and hours per day, their registry ranges; tokens, the Chinchilla ratio's or the
  CPT share's range when the plan uses the default.
- Flip points, by bisection on the same evaluation: the value at which buying and renting cost the
  same (rent or buy), at which the job just meets the deadline, and at which the cost just meets the
  budget. Only flips inside a plausible span (1/10 to 10 times the value, hours within 1-24) are
  reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from app.core import assumptions as A
from app.core.cost import prices_for, relevant_cost
from app.core.evaluate import evaluate
from app.core.results import Option
from app.core.scenario import Deployment, Scenario
from app.core.specs import CloudOffer, GpuSpec


@dataclass(frozen=True)
class Swing:
    """One assumption across its range: the time (s) and the cost that counts, at each end."""

    assumption: str  # registry code
    field: str  # the request field it is
    base: float
    low: float
    high: float
    time_s: tuple[float, float]
    cost: tuple[float | None, float | None]

    @property
    def width(self) -> float:
        """How far the cost moves (time when the cost does not): the tornado's order."""
        lo, hi = self.cost
        if lo is not None and hi is not None:
            return abs(hi - lo)
        return 0.0


@dataclass(frozen=True)
class Flip:
    """``field`` at ``value`` changes ``what``: rent_or_buy (``to`` rent|buy), deadline, budget;
    ``direction``: the decision holds below/above the value."""

    what: str
    assumption: str  # registry code of the field
    field: str
    value: float
    direction: str  # "above" | "below": where ``to`` holds
    to: str


def _cost(s: Scenario, o: Option) -> float | None:
    return relevant_cost(s, o.cost.cloud, o.cost.onprem, owned=bool(s.own.get(o.gpu)))


def _offers_range(s: Scenario, gpu: GpuSpec, offers: Iterable[CloudOffer]) -> tuple[float, float] | None:
    prices = [o.price_per_gpu_hour_in(s.currency, s.fx_jpy_per_usd) for o in offers if o.gpu == gpu.id and not o.eligibility]
    return (min(prices), max(prices)) if len(prices) >= 2 and min(prices) < max(prices) else None


def _ranges(s: Scenario, o: Option, gpu: GpuSpec, offers: list[CloudOffer]) -> list[tuple[str, str, float, float, float]]:
    """(code, field, base, low, high) for each uncertain assumption that applies to this plan."""
    out: list[tuple[str, str, float, float, float]] = []
    if s.is_training and o.mfu and o.mfu_range and s.mfu is None:
        out.append(("mfu", "mfu", o.mfu, o.mfu_range[0], o.mfu_range[1]))
    if o.cost.cloud_price_per_gpu_hour is not None:
        base = o.cost.cloud_price_per_gpu_hour
        span = _offers_range(s, gpu, offers) if s.cloud_price is None else None
        lo_f, hi_f = A.value_range("cloud_price_spread") or (1.0, 1.0)
        lo, hi = span or (base * lo_f, base * hi_f)
        out.append(("cloud_price_spread", "cloud_price", base, min(lo, base), max(hi, base)))
    if o.cost.gpu_price is not None and o.cost.onprem is not None:
        lo_f, hi_f = A.value_range("purchase_price_spread") or (1.0, 1.0)
        out.append(("purchase_price_spread", "gpu_price", o.cost.gpu_price, o.cost.gpu_price * lo_f, o.cost.gpu_price * hi_f))
    if s.currency == "JPY" or any(of.currency == "JPY" for of in offers if of.gpu == gpu.id):
        lo, hi = A.value_range("fx_jpy_per_usd") or (s.fx_jpy_per_usd,) * 2
        out.append(("fx_jpy_per_usd", "fx_jpy_per_usd", s.fx_jpy_per_usd, lo, hi))
    if o.cost.onprem is not None:
        lo, hi = A.value_range("electricity_jpy_per_kwh") or (30.0, 30.0)
        conv = 1.0 if s.currency == "JPY" else 1.0 / s.fx_jpy_per_usd
        out.append(("electricity_jpy_per_kwh", "electricity_price_per_kwh", s.electricity_price, lo * conv, hi * conv))
        lo, hi = A.value_range("pue") or (s.pue, s.pue)
        out.append(("pue", "pue", s.pue, lo, hi))
        if not s.is_training:
            lo, hi = A.value_range("hours_per_day") or (s.hours_per_day,) * 2
            out.append(("hours_per_day", "hours_per_day", s.hours_per_day, lo, hi))
    if s.tokens is None and s.goal.value == "scratch":
        lo, hi = A.value_range("chinchilla_tokens_per_param") or (20.0, 20.0)
        out.append(("chinchilla_tokens_per_param", "chinchilla_tokens_per_param", s.chinchilla_tokens_per_param, lo, hi))
    if s.tokens is None and s.goal.value == "cpt":
        lo, hi = A.value_range("cpt_fraction") or (0.1, 0.1)
        out.append(("cpt_fraction", "cpt_fraction", s.cpt_fraction, lo, hi))
    return out


def _changed(s: Scenario, field: str, value: float) -> Scenario:
    """``s`` with one field changed; prices are not set as overrides but scaled (``reevaluate``)."""
    if field in ("cloud_price", "gpu_price"):
        return s
    return s.model_copy(update={field: value})


def reevaluate(s: Scenario, o: Option, gpu: GpuSpec, offers: list[CloudOffer], field: str, value: float) -> Option:
    """The same GPU and count with ``field`` at ``value``. A price is scaled where it is used, every
    offer by the same factor, so whole-instance billing and server prices stay as the plan had them."""
    s2 = _changed(s, field, value)
    p = prices_for(s2, gpu, offers)
    if field == "cloud_price" and o.cost.cloud_price_per_gpu_hour:
        f = value / o.cost.cloud_price_per_gpu_hour
        p = replace(p, cloud=p.cloud * f if p.cloud is not None else None, menu=tuple((n, x * f, i) for n, x, i in p.menu))
    elif field == "gpu_price" and o.cost.gpu_price:
        f = value / o.cost.gpu_price
        p = replace(p, purchase=p.purchase * f if p.purchase is not None else None,
                    server=p.server * f if p.server is not None else None)
    return evaluate(s2, gpu, o.gpu_count, prices=p)


def sensitivity(s: Scenario, o: Option, gpu: GpuSpec, offers: list[CloudOffer]) -> list[Swing]:
    """Every uncertain assumption's swing for option ``o``, widest first (the tornado's order)."""
    swings = []
    for code, field, base, lo, hi in _ranges(s, o, gpu, offers):
        ends = [reevaluate(s, o, gpu, offers, field, v) for v in (lo, hi)]
        swings.append(Swing(code, field, base, lo, hi, (ends[0].duration_s, ends[1].duration_s),
                            (_cost(_changed(s, field, lo), ends[0]), _cost(_changed(s, field, hi), ends[1]))))
    return sorted(swings, key=lambda w: (-w.width, -abs(w.time_s[1] - w.time_s[0])))


def _bisect(f: Callable[[float], float], lo: float, hi: float, steps: int = 40) -> float | None:
    """A root of ``f`` in [lo, hi] when f changes sign there."""
    flo, fhi = f(lo), f(hi)
    if flo == 0:
        return lo
    if flo * fhi > 0:
        return None
    for _ in range(steps):
        mid = (lo + hi) / 2
        fm = f(mid)
        if fm == 0 or (hi - lo) <= 1e-9 * max(1.0, abs(hi)):
            return mid
        if flo * fm < 0:
            hi = mid
        else:
            lo, flo = mid, fm
    return (lo + hi) / 2


# where a flip is still worth reporting: hours in a day, PUE of real sites, FX seen since 1990,
# prices within 10x and electricity within 4x of the plan's
_SPANS = {"hours_per_day": (1.0, 24.0), "pue": (1.0, 3.0), "fx_jpy_per_usd": (80.0, 250.0)}


def _span(field: str, base: float) -> tuple[float, float]:
    if field in _SPANS:
        return _SPANS[field]
    if field == "electricity_price_per_kwh":
        return base / 4.0, base * 4.0
    return base / 10.0, base * 10.0


def flips(s: Scenario, o: Option, gpu: GpuSpec, offers: list[CloudOffer]) -> list[Flip]:
    """What would have to be true for the decision to change."""
    out: list[Flip] = []
    both = o.cost.cloud is not None and o.cost.onprem is not None and s.deployment == Deployment.ANY and not s.own
    for code, field, base, _lo, _hi in _ranges(s, o, gpu, offers):
        if code in ("mfu", "chinchilla_tokens_per_param", "cpt_fraction"):
            continue
        if both:
            def gap(v: float, field: str = field) -> float:
                c = reevaluate(s, o, gpu, offers, field, v).cost
                return (c.onprem or 0.0) - (c.cloud or 0.0)

            lo, hi = _span(field, base)
            v = _bisect(gap, lo, hi)
            if v is not None:
                buy_above = gap(hi) < 0
                out.append(Flip("rent_or_buy", code, field, v, "above" if buy_above else "below", "buy"))
    if s.is_training and s.deadline_days and o.job_s and o.mfu and s.mfu is None:
        # time scales as 1/MFU for the same configuration: the deadline holds at MFU >= this
        out.append(Flip("deadline", "mfu", "mfu", o.mfu * o.job_s / (s.deadline_days * 86400.0), "above", "meets"))
    if s.budget is not None and (c0 := _cost(s, o)) is not None and o.cost.cloud_price_per_gpu_hour is not None:
        base = o.cost.cloud_price_per_gpu_hour

        def over(v: float) -> float:
            o2 = reevaluate(s, o, gpu, offers, "cloud_price", v)
            c = _cost(_changed(s, "cloud_price", v), o2)
            return (c if c is not None else c0) - float(s.budget or 0.0)

        v = _bisect(over, base / 10.0, base * 10.0)
        if v is not None:
            out.append(Flip("budget", "cloud_price_spread", "cloud_price", v, "below", "within"))
    return out

"""build_outcome(scenario, catalog) -> PlanOutcome: everything a view draws, computed once.

The wizard, the CLI (text, JSON, PDF) and the report all draw a PlanOutcome and never call the core
or the catalog themselves: the plan, the resolved request, the scaling curves of the leading
accelerators, the published runs and this plan's point among them, the backtest summary, the
catalog entries used (with source and as-of date), each option's cost range and month-by-month
rent-or-buy series, and the catalog version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from app.core.cost import cost_range, cumulative_costs
from app.core.curves import CurvePoint, scaling_curve
from app.core.plan import plan as run_plan
from app.core.results import Option, Plan
from app.core.scenario import Scenario
from app.core.search import SearchCaches
from app.core.specs import CloudOffer, GpuSpec, ModelSpec, TrainingRun
from app.planning.request import resolved

if TYPE_CHECKING:
    from app.core.backtest import BacktestSummary

CURVE_GPUS = 3  # accelerator types drawn in the scaling plot


class Catalog(Protocol):
    def gpus(self) -> Sequence[GpuSpec]: ...
    def offers(self) -> Sequence[CloudOffer]: ...
    def runs(self) -> Sequence[TrainingRun]: ...
    def models(self) -> Sequence[ModelSpec]: ...
    def version(self) -> str: ...


@dataclass(frozen=True)
class RunPoint:
    """A published training run (or this plan) on the compute–GPU-hours chart."""

    name: str
    flops: float  # 6·N_active·D
    gpu_hours: float


@dataclass(frozen=True)
class Series:
    """Month by month, what renting and what buying an option's GPUs has cost in total."""

    months: list[float]
    cloud: list[float | None]
    onprem: list[float | None]
    breakeven_months: float | None


@dataclass(frozen=True)
class OptionCosts:
    """An option's cost at the fast and slow ends of its time range, and its rent-or-buy series."""

    cloud_range: tuple[float, float] | None
    onprem_range: tuple[float, float] | None
    series: Series


@dataclass(frozen=True)
class Entry:
    """A catalog entry the plan used, with where its figures come from."""

    kind: str  # gpu | price | server_price | offer | model | measurement
    id: str
    name: str
    source: str
    as_of: str
    origin: str = "shipped"


@dataclass
class PlanOutcome:
    scenario: Scenario
    plan: Plan
    request: dict[str, Any]
    catalog_version: str
    curves: dict[str, list[CurvePoint]] = field(default_factory=dict)  # gpu id -> points
    gpus: dict[str, GpuSpec] = field(default_factory=dict)  # every accelerator the views name
    offers: dict[str, CloudOffer] = field(default_factory=dict)  # the offers behind the options' cloud prices
    option_costs: list[OptionCosts] = field(default_factory=list)  # parallel to plan.options
    runs: list[RunPoint] = field(default_factory=list)
    plan_point: RunPoint | None = None
    backtest: BacktestSummary | None = None  # reported GPU-hours, the catalog's runs
    entries: list[Entry] = field(default_factory=list)
    sensitivity: list[Any] | None = None  # app.core.sensitivity.Swing, widest first; None: not computed
    flips: list[Any] = field(default_factory=list)  # app.core.sensitivity.Flip
    apis: Any = None  # serving: app.core.apis.ApiComparison for the recommended option (None: not serving, no price)

    @property
    def best(self) -> Option | None:
        return self.plan.options[0] if self.plan.options else None

    def gpu_name(self, gpu_id: str) -> str:
        g = self.gpus.get(gpu_id)
        return g.name if g else gpu_id


_BACKTESTS: dict[str, BacktestSummary | None] = {}


def backtest_summary(catalog: Catalog) -> BacktestSummary | None:
    """The backtest on reported GPU-hours, once per catalog content (~0.06 s; imported only here: a
    plain plan or its JSON does not need it)."""
    from app.core.backtest import backtest

    key = catalog.version()
    if key not in _BACKTESTS:
        bt = backtest(list(catalog.runs()), list(catalog.gpus()), list(catalog.models()))
        _BACKTESTS.clear()
        _BACKTESTS[key] = next((x for x in bt.summaries if x.basis == "reported"), None)
    return _BACKTESTS[key]


def _curves(s: Scenario, p: Plan, gpus: dict[str, GpuSpec], offers: list[CloudOffer]) -> dict[str, list[CurvePoint]]:
    seen: list[str] = []
    for o in p.options:
        if o.fits and o.gpu not in seen and o.gpu in gpus:
            seen.append(o.gpu)
        if len(seen) == CURVE_GPUS:
            break
    top = max([o.gpu_count for o in p.options] + [8])
    caches: SearchCaches = {}
    return {g: scaling_curve(s, gpus[g], offers, max_count=max(16, top * 4), caches=caches) for g in seen}


def _runs(catalog: Catalog) -> list[RunPoint]:
    out = []
    for r in catalog.runs():
        n = r.params_active or r.params_total
        hours = r.gpu_hours or (r.gpu_count * r.days * 24 if r.gpu_count and r.days else None)
        if n and r.tokens and hours:
            out.append(RunPoint(r.name, 6.0 * n * r.tokens, hours))
    return out


def _series(s: Scenario, o: Option) -> Series:
    months = int(max(12, round(s.years * 12)))
    xs, cloud, onprem = cumulative_costs(s, o.cost, o.gpu_count, months)
    return Series(xs, cloud, onprem, o.cost.breakeven_months)


def _entries(s: Scenario, p: Plan, gpus: dict[str, GpuSpec], offers: dict[str, CloudOffer],
             measured: tuple[Any, ...] = ()) -> list[Entry]:
    in_options = [gpus[i] for i in dict.fromkeys(o.gpu for o in p.options) if i in gpus]
    out = [Entry("gpu", g.id, g.name, g.source, g.as_of, g.origin) for g in in_options]
    # the purchase and server prices the options are costed with (the report dates each, with its age)
    priced = {o.gpu for o in p.options if o.cost.gpu_price_source in ("catalog", "server")}
    out += [Entry("price", g.id, g.name, g.price_source, g.price_as_of, g.origin)
            for g in in_options if g.id in priced and g.price_usd is not None]
    out += [Entry("server_price", g.id, g.name, g.server_price_source, g.server_price_as_of, g.origin)
            for g in in_options if g.id in priced and g.server_price_usd is not None]
    out += [Entry("offer", of.id, of.name, of.source, of.as_of, of.origin) for of in offers.values()]
    m = s.model
    out.append(Entry("model", m.id, m.name, m.source, m.as_of, m.origin if m.source else "user"))
    # the user's measured runs that moved an option (gpu-planner calibrate)
    used = {(o.gpu, o.stack) for o in p.options if any(f[0] == "your_measurement" for f in o.utilisation_factors)}
    out += [Entry("measurement", x.id, f"{x.gpu_count} x {x.gpu}, {x.model} ({x.stack})", x.source, x.as_of, x.origin)
            for x in measured if (x.gpu, x.stack) in used]
    return out


SHOWN_APIS = 6


def shown_apis(cmp: Any) -> list[Any]:
    """The API rows the views show: those serving the same open model, then the cheapest others (the
    JSON lists all)."""
    if cmp is None:
        return []
    same = [r for r in cmp.rows if r.same_model]
    others = [r for r in cmp.rows if not r.same_model]
    return (same + others)[:max(SHOWN_APIS, len(same) + 3)]


def api_comparison(s: Scenario, best: Option, catalog: Catalog) -> Any:
    """The recommended option against the catalog's API prices (None: no prices, or no price for the option)."""
    apis = getattr(catalog, "apis", None)
    if apis is None or not apis() or best.request_s is None:
        return None
    from app.core.apis import compare_apis
    from app.core.service import monthly_tokens

    return compare_apis(s, best, apis(), monthly_tokens(s, best.request_s))


def for_report(out: PlanOutcome, catalog: Catalog) -> PlanOutcome:
    """The outcome with what only the report shows (the backtest summary, the sensitivity), for an
    outcome planned without them: the wizard plans on every edit and leaves the backtest (~0.06 s)
    and the sensitivity to the report and the Sensitivity tab."""
    out = with_sensitivity(out, catalog)
    if out.backtest is not None or not out.scenario.is_training:
        return out
    return replace(out, backtest=backtest_summary(catalog))


def with_sensitivity(out: PlanOutcome, catalog: Catalog) -> PlanOutcome:
    """``out`` with the recommended option's sensitivity and flip points (1-6 ms, 40 ms for 405B on
    thousands of GPUs). The CLI, the report and a comparison always have them; the wizard asks when
    its Sensitivity tab is on screen (its edits stay as fast as before, and the garbage of 12-20
    re-evaluations per plan stays off them)."""
    from app.core.sensitivity import flips, sensitivity

    if out.sensitivity is not None or out.best is None:
        return out if out.sensitivity is not None else replace(out, sensitivity=[])
    best = out.best
    gpu = out.gpus.get(best.gpu) or next((g for g in catalog.gpus() if g.id == best.gpu), None)
    if gpu is None:
        return replace(out, sensitivity=[])
    offers = list(catalog.offers())
    return replace(out, sensitivity=sensitivity(out.scenario, best, gpu, offers), flips=flips(out.scenario, best, gpu, offers))


def build_outcome(s: Scenario, catalog: Catalog, *, curves: bool = True, with_backtest: bool = True,
                  today: dt.date | None = None, sensitivity: bool = True) -> PlanOutcome:
    """Plan ``s`` against ``catalog`` and work out everything the views draw. ``curves=False`` skips
    the scaling curves, ``with_backtest=False`` the backtest summary (the JSON carries neither).
    ``today`` dates the prices' age (the recommendation's prices older than 12 months are flagged).
    ``sensitivity=False`` leaves out the sensitivity (``with_sensitivity`` adds it later)."""
    from app.planning.freshness import stale_price_findings

    all_gpus = list(catalog.gpus())
    all_offers = list(catalog.offers())
    p = run_plan(s, all_gpus, all_offers)
    if s.model.origin == "file":
        from app.planning.model_file import ModelFileError, cached_model_file, model_file_finding

        try:
            p.findings.insert(0, model_file_finding(cached_model_file(s.model.source)))
        except ModelFileError:  # the file changed or went away since the request was read
            pass
    if p.options:
        best = p.options[0]
        offer = next((o for o in all_offers if o.id == best.cost.cloud_offer), None)
        gpu = next((g for g in all_gpus if g.id == best.gpu), None)
        p.findings.extend(stale_price_findings(best, gpu, offer, today or dt.date.today()))
    by_id = {g.id: g for g in all_gpus}
    curve_pts = _curves(s, p, by_id, all_offers) if curves else {}
    named = set(o.gpu for o in p.options) | set(curve_pts) | set(s.own) | {r.gpu for r in p.rejected}
    gpus = {g: by_id[g] for g in named if g in by_id}
    offer_ids = dict.fromkeys(o.cost.cloud_offer for o in p.options if o.cost.cloud_offer)
    offers_by_id = {of.id: of for of in all_offers}
    offers = {i: offers_by_id[i] for i in offer_ids if i in offers_by_id}
    out = PlanOutcome(
        scenario=s, plan=p, request=resolved(s), catalog_version=catalog.version(), curves=curve_pts, gpus=gpus,
        offers=offers, option_costs=[OptionCosts(*cost_range(s, o), _series(s, o)) for o in p.options],
        entries=_entries(s, p, gpus, offers, tuple(getattr(catalog, "measurements", tuple)())))
    if not s.is_training and p.options:
        out.apis = api_comparison(s, p.options[0], catalog)
        out.entries += [Entry("api", r.api.id, r.api.name, r.api.source, r.api.as_of, r.api.origin)
                        for r in (out.apis.rows if out.apis else []) if r in shown_apis(out.apis)]
    if s.is_training:
        out.runs = _runs(catalog)
        if p.options:
            out.plan_point = RunPoint("", p.workload.train_flops, p.options[0].gpu_hours)
        if with_backtest:
            out.backtest = backtest_summary(catalog)
    return with_sensitivity(out, catalog) if sensitivity else out

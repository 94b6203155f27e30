"""Money: cloud rental against buying, itemised.

cloud   = GPU-hours x price per GPU-hour
on-prem = GPU purchase (GPUs the user already owns cost nothing more) + host share (servers, CPUs,
          network: ``host_cost_fraction`` of the GPU price; for GPUs bought in servers whose price the
          catalog records, the servers' price less their GPUs) + electricity (GPU board power at TDP x
          PUE x hours x price per kWh). An accelerator that is not sold (TPU) has no on-prem cost.
Training charges the job's hours; inference charges a service horizon of ``years`` at
``hours_per_day`` x ``days_per_month``. Break-even: the hours of use at which the purchase is paid
back by the rent saved net of electricity: (purchase + host) / (rent per hour - electricity per hour).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.results import Cost, Finding, Option
from app.core.scenario import Deployment, Scenario
from app.core.specs import CloudOffer, GpuSpec


@dataclass(frozen=True)
class Prices:
    """What one GPU costs in the scenario's currency, and where each figure came from. ``menu`` holds
    every way to rent it: (GPUs per instance, price per GPU-hour, offer id); clouds bill whole
    instances, so ``rent(count)`` picks the cheapest way to get ``count`` GPUs."""

    cloud: float | None  # per GPU-hour, the cheapest offer's (what one GPU of a full instance costs)
    cloud_source: str  # "offer" | "gpu-reference" | "user"
    cloud_offer: str | None  # catalog offer id when an offer was used
    purchase: float | None  # per GPU
    purchase_source: str  # "catalog" | "server" (the server price / its GPUs) | "user" | "not_sold" | ""
    menu: tuple[tuple[int, float, str | None], ...] = ()
    server: float | None = None  # one complete server of gpus_per_node GPUs (catalog), when known

    def rent(self, count: int) -> Rental | None:
        """The cheapest way to rent ``count`` GPUs: whole instances of the offer, the price per hour of
        all of them; None without a cloud price."""
        menu = self.menu
        if not menu and self.cloud is not None:
            menu = ((1, self.cloud, self.cloud_offer),)
        best: Rental | None = None
        for per, price, offer in menu:
            instances = -(-count // per)
            r = Rental(price, offer, per, instances, instances * per * price)
            if best is None or r.per_hour < best.per_hour * (1 - 1e-12):
                best = r
        return best


@dataclass(frozen=True)
class Rental:
    """Renting GPUs as the cloud sells them: ``instances`` of ``per_instance`` GPUs at ``price`` per
    GPU-hour, ``per_hour`` for all of them (more GPUs than used when the count is not a multiple)."""

    price: float
    offer: str | None
    per_instance: int
    instances: int
    per_hour: float

    @property
    def billed_gpus(self) -> int:
        return self.instances * self.per_instance


def prices_for(s: Scenario, gpu: GpuSpec, offers: Iterable[CloudOffer] = ()) -> Prices:
    """Cloud price: --cloud-price, else the catalog offers of the chosen pricing kind (on-demand by
    default; ``cheapest`` takes any kind; ``--offer`` only that one), each billed by whole instance,
    else the GPU row's reference price. Offers in another currency convert at the scenario's FX rate."""
    cloud, src, offer_id = None, "", None
    menu: tuple[tuple[int, float, str | None], ...] = ()
    if s.cloud_price is not None:
        cloud, src = s.cloud_price, "user"
        menu = ((1, cloud, None),)
    else:
        offers = [o for o in offers if o.gpu == gpu.id]
        pinned = [o for o in offers if o.id == s.cloud_offer]
        fitting = pinned or [o for o in offers if not o.eligibility
                             and (s.pricing == "cheapest" or o.pricing == s.pricing)]
        if fitting:
            best = min(fitting, key=lambda o: o.price_per_gpu_hour_in(s.currency, s.fx_jpy_per_usd))
            cloud, src, offer_id = best.price_per_gpu_hour_in(s.currency, s.fx_jpy_per_usd), "offer", best.id
            menu = tuple((o.gpus_per_instance, o.price_per_gpu_hour_in(s.currency, s.fx_jpy_per_usd), o.id) for o in fitting)
        elif gpu.cloud_price_per_gpu_hour_usd is not None and s.pricing in ("on-demand", "cheapest"):
            cloud, src = s.from_usd(gpu.cloud_price_per_gpu_hour_usd), "gpu-reference"
            menu = ((1, cloud, None),)
    server = None
    if s.gpu_price is not None:
        buy, bsrc = s.gpu_price, "user"
    else:
        server = s.from_usd(gpu.server_price_usd) if gpu.server_price_usd is not None else None
        if gpu.price_usd is not None:
            buy, bsrc = s.from_usd(gpu.price_usd), "catalog"
        elif server is not None:
            buy, bsrc = server / gpu.gpus_per_node, "server"
        else:
            buy, bsrc = None, ("" if gpu.sold_separately else "not_sold")
    return Prices(cloud, src, offer_id, buy, bsrc, menu, server)


def host_cost(s: Scenario, gpu: GpuSpec, bought: int, purchase: float, p: Prices) -> float:
    """Servers, CPUs and network for ``bought`` GPUs costing ``purchase``: for GPUs bought in servers
    whose price is known, those servers less their GPUs (never below zero); else
    ``host_cost_fraction`` of the purchase."""
    if p.server is not None and bought and (gpu.sold_in_servers or not gpu.sold_separately):
        servers = -(-bought // gpu.gpus_per_node)
        return max(0.0, servers * p.server - purchase)
    return purchase * s.host_cost_fraction


def relevant_cost(s: Scenario, cloud: float | None, onprem: float | None, owned: bool = False) -> float | None:
    """The cost that counts for the deployment: the cloud's, on-prem's, or the cheaper of the two.
    On GPUs the user owns (``owned``: all of them), their own running cost, whatever the deployment:
    "cloud" says where to rent, not that owned GPUs stop counting."""
    if owned and onprem is not None:
        return onprem if cloud is None else min(cloud, onprem)
    if s.deployment == Deployment.CLOUD:
        return cloud
    if s.deployment == Deployment.ONPREM:
        return onprem
    vals = [v for v in (cloud, onprem) if v is not None]
    return min(vals) if vals else None


def cloud_price_per_gpu_hour(s: Scenario, gpu: GpuSpec) -> float | None:
    return prices_for(s, gpu).cloud


def gpu_purchase_price(s: Scenario, gpu: GpuSpec) -> float | None:
    return prices_for(s, gpu).purchase


def power_kw(s: Scenario, gpu: GpuSpec, count: int) -> float:
    """Facility power for ``count`` GPUs at board power (TDP) times PUE."""
    return (gpu.tdp_w or 0.0) / 1000.0 * count * s.pue


def gpus_to_buy(s: Scenario, gpu: GpuSpec, count: int) -> int:
    """GPUs to buy for ``count``: those the user does not own, in whole servers for baseboard modules
    (an SXM or OAM module is sold in an 8-GPU server, GpuSpec.sold_in_servers)."""
    need = max(0, count - s.own.get(gpu.id, 0))
    if need and gpu.sold_in_servers:
        return -(-need // gpu.gpus_per_node) * gpu.gpus_per_node
    return need


def cost_totals(s: Scenario, gpu: GpuSpec, count: int, hours: float, p: Prices) -> tuple[float | None, float | None]:
    """(cloud, on-prem) totals as floats: the search screens thousands of configurations with this;
    ``job_cost`` itemises the same arithmetic for the options it keeps."""
    r = p.rent(count)
    cloud = hours * r.per_hour if r is not None else None
    owned = min(s.own.get(gpu.id, 0), count)
    if p.purchase is None and owned < count:
        return cloud, None
    bought = gpus_to_buy(s, gpu, count)
    purchase = bought * (p.purchase or 0.0)
    onprem = purchase + host_cost(s, gpu, bought, purchase, p) + power_kw(s, gpu, count) * s.electricity_price * hours
    return cloud, onprem


def service_hours(s: Scenario) -> float:
    """Hours in the service horizon: hours/day x days/month x 12 x years."""
    return s.hours_per_day * s.days_per_month * 12.0 * s.years


def breakeven_hours(purchase: float, rent_per_hour: float, electricity_per_hour: float) -> float | None:
    """Hours of use after which buying costs less than renting; None when it never does (renting is no
    dearer than the electricity, or the saving is so small that the hours overflow)."""
    saving = rent_per_hour - electricity_per_hour
    if saving <= 0:
        return None
    hours = purchase / saving
    return hours if math.isfinite(hours) else None


def job_cost(s: Scenario, gpu: GpuSpec, count: int, hours: float, prices: Prices | None = None) -> tuple[Cost, list[Finding]]:
    """Cost of running ``count`` GPUs for ``hours`` wall-clock hours."""
    findings: list[Finding] = []
    p = prices or prices_for(s, gpu)
    rental = p.rent(count)
    buy = p.purchase
    price = rental.price if rental is not None else None
    items: dict[str, float] = {}
    cloud = None
    if rental is None:
        findings.append(Finding(code="cloud_price_missing", severity="info", params={"gpu": gpu.id}))
    else:
        cloud = hours * rental.per_hour
        items["cloud_rental"] = cloud
        if rental.billed_gpus > count:
            findings.append(Finding(code="whole_instances", severity="info", params={
                "instances": rental.instances, "per_instance": rental.per_instance, "billed": rental.billed_gpus,
                "gpu_count": count, "offer": rental.offer}))
    if gpu.tdp_w is None:
        findings.append(Finding(code="power_unknown", severity="info", params={"gpu": gpu.id}))
    kw = power_kw(s, gpu, count)
    elec_per_hour = kw * s.electricity_price
    electricity = elec_per_hour * hours
    owned = min(s.own.get(gpu.id, 0), count)
    onprem = None
    purchase = host = 0.0
    if buy is None and owned < count:
        code = "not_sold_separately" if p.purchase_source == "not_sold" else "gpu_price_missing"
        findings.append(Finding(code=code, severity="info", params={"gpu": gpu.id}))
    else:
        bought = gpus_to_buy(s, gpu, count)
        purchase = bought * (buy or 0.0)
        host = host_cost(s, gpu, bought, purchase, p)
        if bought > count - owned:
            findings.append(Finding(code="whole_servers", severity="info", params={
                "gpu": gpu.id, "per_server": gpu.gpus_per_node, "bought": bought, "needed": count - owned}))
        onprem = purchase + host + electricity
        items.update(gpu_purchase=purchase, host=host, electricity=electricity)
        if owned:
            items["owned_gpus"] = float(owned)
    be_h = be_m = be_u = None
    if rental is not None and onprem is not None:
        be_h = breakeven_hours(purchase + host, rental.per_hour, elec_per_hour)
        if be_h is not None:
            be_m = be_h / (s.hours_per_day * s.days_per_month)
            be_u = be_h / (s.years * 365.25 * 24.0)
    horizon = s.years * 365.25 * 24.0
    cloud_h = horizon * rental.per_hour if rental is not None else None
    onprem_h = purchase + host + elec_per_hour * horizon if onprem is not None else None
    return Cost(currency=s.currency, cloud=cloud, onprem=onprem, items=items,
                cloud_price_per_gpu_hour=price, cloud_price_source=p.cloud_source,
                cloud_offer=rental.offer if rental is not None else p.cloud_offer,
                cloud_gpus_billed=rental.billed_gpus if rental is not None else None,
                gpu_price=buy, gpu_price_source=p.purchase_source, power_kw=kw,
                breakeven_hours=be_h, breakeven_months=be_m, breakeven_utilisation=be_u,
                horizon_years=s.years, cloud_horizon_full_use=cloud_h, onprem_horizon_full_use=onprem_h), findings


def cost_range(s: Scenario, o: Option) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    """(cloud, on-prem) cost at the fast and slow ends of the option's time range: rent scales with the
    hours, on-prem is the purchase plus electricity for the hours. Serving charges the fixed service
    horizon, so its range is the cost itself."""
    c = o.cost
    if o.job_s is None or o.job_s_range is None or o.job_s <= 0:
        return ((c.cloud, c.cloud) if c.cloud is not None else None, (c.onprem, c.onprem) if c.onprem is not None else None)
    lo_h, hi_h = o.job_s_range[0] / 3600.0, o.job_s_range[1] / 3600.0
    cloud = None
    if c.cloud_price_per_gpu_hour is not None:
        billed = c.cloud_gpus_billed or o.gpu_count
        cloud = (billed * lo_h * c.cloud_price_per_gpu_hour, billed * hi_h * c.cloud_price_per_gpu_hour)
    onprem = None
    if c.onprem is not None:
        upfront = c.items.get("gpu_purchase", 0.0) + c.items.get("host", 0.0)
        per_hour = c.power_kw * s.electricity_price
        onprem = (upfront + per_hour * lo_h, upfront + per_hour * hi_h)
    return cloud, onprem


def cumulative_costs(s: Scenario, cost: Cost, gpu_count: int, months: int) -> tuple[list[float], list[float | None], list[float | None]]:
    """Month by month, what renting and what buying these GPUs has cost in total when they are used
    ``hours_per_day`` x ``days_per_month``: cloud = hours x count x price; on-prem = purchase + host
    up front, then electricity. Lines cross at the break-even month."""
    hours_month = s.hours_per_day * s.days_per_month
    xs = [float(m) for m in range(months + 1)]
    cloud: list[float | None] = [None] * len(xs)
    onprem: list[float | None] = [None] * len(xs)
    if cost.cloud_price_per_gpu_hour is not None:
        billed = cost.cloud_gpus_billed or gpu_count
        cloud = [m * hours_month * billed * cost.cloud_price_per_gpu_hour for m in xs]
    if cost.onprem is not None:
        upfront = cost.items.get("gpu_purchase", 0.0) + cost.items.get("host", 0.0)
        per_hour = cost.power_kw * s.electricity_price
        onprem = [upfront + m * hours_month * per_hour for m in xs]
    return xs, cloud, onprem

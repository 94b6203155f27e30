"""Money: cloud rental against buying, itemised.

cloud   = GPU-hours x price per GPU-hour
on-prem = GPU purchase (GPUs the user already owns cost nothing more) + host share (servers, CPUs,
          network: ``host_cost_fraction`` of the GPU price) + electricity (GPU board power at TDP x
          PUE x hours x price per kWh).
Training charges the job's hours; inference charges a service horizon of ``years`` at
``hours_per_day`` x ``days_per_month``. Break-even: the hours of use at which the purchase is paid
back by the rent saved net of electricity: (purchase + host) / (rent per hour - electricity per hour).
"""

from __future__ import annotations

from app.core.results import Cost, Finding
from app.core.scenario import Scenario
from app.core.specs import GpuSpec


def cloud_price_per_gpu_hour(s: Scenario, gpu: GpuSpec) -> float | None:
    if s.cloud_price is not None:
        return s.cloud_price
    if gpu.cloud_price_per_gpu_hour_usd is not None:
        return s.from_usd(gpu.cloud_price_per_gpu_hour_usd)
    return None


def gpu_purchase_price(s: Scenario, gpu: GpuSpec) -> float | None:
    if s.gpu_price is not None:
        return s.gpu_price
    if gpu.price_usd is not None:
        return s.from_usd(gpu.price_usd)
    return None


def service_hours(s: Scenario) -> float:
    """Hours in the service horizon: hours/day x days/month x 12 x years."""
    return s.hours_per_day * s.days_per_month * 12.0 * s.years


def breakeven_hours(purchase: float, rent_per_hour: float, electricity_per_hour: float) -> float | None:
    saving = rent_per_hour - electricity_per_hour
    if saving <= 0:
        return None
    return purchase / saving


def job_cost(s: Scenario, gpu: GpuSpec, count: int, hours: float) -> tuple[Cost, list[Finding]]:
    """Cost of running ``count`` GPUs for ``hours`` wall-clock hours."""
    findings: list[Finding] = []
    price = cloud_price_per_gpu_hour(s, gpu)
    buy = gpu_purchase_price(s, gpu)
    items: dict[str, float] = {}
    cloud = None
    if price is None:
        findings.append(Finding(code="cloud_price_missing", severity="info", params={"gpu": gpu.id}))
    else:
        cloud = count * hours * price
        items["cloud_rental"] = cloud
    if gpu.tdp_w is None:
        findings.append(Finding(code="power_unknown", severity="info", params={"gpu": gpu.id}))
    kw = (gpu.tdp_w or 0.0) / 1000.0 * count * s.pue
    elec_per_hour = kw * s.electricity_price
    electricity = elec_per_hour * hours
    owned = min(s.own.get(gpu.id, 0), count)
    onprem = None
    purchase = host = 0.0
    if buy is None and owned < count:
        findings.append(Finding(code="gpu_price_missing", severity="info", params={"gpu": gpu.id}))
    else:
        purchase = (count - owned) * (buy or 0.0)
        host = purchase * s.host_cost_fraction
        onprem = purchase + host + electricity
        items.update(gpu_purchase=purchase, host=host, electricity=electricity)
        if owned:
            items["owned_gpus"] = float(owned)
    be_h = be_m = None
    if price is not None and onprem is not None:
        be_h = breakeven_hours(purchase + host, count * price, elec_per_hour)
        if be_h is not None:
            be_m = be_h / (s.hours_per_day * s.days_per_month)
    return Cost(currency=s.currency, cloud=cloud, onprem=onprem, items=items,
                cloud_price_per_gpu_hour=price, breakeven_hours=be_h, breakeven_months=be_m), findings

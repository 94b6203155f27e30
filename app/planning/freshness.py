"""How old a price is (issue 23). Catalog dates are ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a
partial date counts from the *end* of its period (``2024-06`` is at most as old as 30 June 2024), so
a price is never called older than it can be. A plan flags the prices its recommendation rests on
when they are older than ``STALE_MONTHS``: cloud and GPU prices move by tens of percent a year.
"""

from __future__ import annotations

import calendar
import datetime as dt

from app.core.results import Finding, Option
from app.core.specs import CloudOffer, GpuSpec

STALE_MONTHS = 12


def period_end(as_of: str) -> dt.date | None:
    """The last day an ISO date (or year, or month) can mean; None when it is not a date."""
    parts = (as_of or "").strip().split("-")
    try:
        nums = [int(x) for x in parts]
    except ValueError:
        return None
    try:
        if len(nums) == 1:
            return dt.date(nums[0], 12, 31)
        if len(nums) == 2:
            return dt.date(nums[0], nums[1], calendar.monthrange(nums[0], nums[1])[1])
        if len(nums) == 3:
            return dt.date(nums[0], nums[1], nums[2])
    except ValueError:
        return None
    return None


def age_months(as_of: str, today: dt.date) -> int | None:
    """Whole months from ``as_of`` (its period's end) to ``today``; 0 for a future date, None when
    ``as_of`` is not a date."""
    end = period_end(as_of)
    if end is None:
        return None
    months = (today.year - end.year) * 12 + (today.month - end.month) - (1 if today.day < end.day else 0)
    return max(0, months)


def stale_price_findings(option: Option, gpu: GpuSpec | None, offer: CloudOffer | None, today: dt.date,
                         limit: int = STALE_MONTHS) -> list[Finding]:
    """Warnings for the catalog prices ``option`` is costed with that are older than ``limit`` months:
    its cloud offer, and its GPU's purchase or server price (prices the user typed are not judged)."""
    out: list[Finding] = []
    c = option.cost
    dated: list[tuple[str, str, str]] = []
    if offer is not None and c.cloud_price_source == "offer":
        dated.append(("cloud", offer.id, offer.as_of))
    if gpu is not None and c.gpu_price_source in ("catalog", "server") and c.items.get("gpu_purchase"):
        if c.gpu_price_source == "catalog" and gpu.price_as_of:
            dated.append(("purchase", gpu.id, gpu.price_as_of))
        if gpu.server_price_usd is not None and gpu.server_price_as_of and (gpu.sold_in_servers or not gpu.sold_separately):
            dated.append(("server", gpu.id, gpu.server_price_as_of))
    for what, ident, as_of in dated:
        age = age_months(as_of, today)
        if age is not None and age > limit:
            out.append(Finding(code="stale_price", severity="warning",
                               params={"what": what, "id": ident, "as_of": as_of, "age_months": age}))
    return out

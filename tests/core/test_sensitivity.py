"""Sensitivity and flip points of the recommended configuration, checked by hand against the cost
model's own formulas (app/core/cost.py: rent = hours x rate; buy = purchase + host + power x PUE x
electricity x hours; the service horizon = hours/day x 30 days x 12 x years)."""

from __future__ import annotations

import pytest

from app.catalog.repository import default_catalog
from app.core.plan import plan
from app.core.sensitivity import flips, reevaluate, sensitivity
from app.planning.request import PlanRequest, to_scenario


def best_of(**req):
    cat = default_catalog()
    s = to_scenario(PlanRequest(**req), cat)
    p = plan(s, list(cat.gpus()), list(cat.offers()))
    o = p.options[0]
    return s, o, cat.gpu(o.gpu), list(cat.offers())


def test_rent_or_buy_flips_at_the_hours_a_day_the_cost_model_gives():
    """One L40S serving Llama 3.1 8B for 3 years: renting costs rate x h x 1,080 h/year-day, buying
    purchase x (1 + host share) + power x electricity x h x 1,080; equal at
    h* = purchase x (1 + host) / ((rate - power x electricity) x 30 x 12 x years)."""
    s, o, gpu, offers = best_of(goal="inference", model="llama-3.1-8b", gpu_id="l40s", gpu_count="1", currency="USD")
    c = o.cost
    upfront = c.gpu_price * (1 + s.host_cost_fraction)
    hand = upfront / ((c.cloud_price_per_gpu_hour - c.power_kw * s.electricity_price) * s.days_per_month * 12 * s.years)
    f = next(x for x in flips(s, o, gpu, offers) if x.field == "hours_per_day")
    assert f.what == "rent_or_buy" and f.direction == "above" and f.to == "buy"
    assert f.value == pytest.approx(hand, rel=1e-4)
    at = reevaluate(s, o, gpu, offers, "hours_per_day", f.value).cost
    assert at.cloud == pytest.approx(at.onprem, rel=1e-4)


def test_each_swing_is_the_cost_model_at_the_ends_of_the_range():
    """Hours per day 8-24 (registry range): at 8 h the rental is cheaper than buying, so the cost
    that counts is rate x 8 x 30 x 12 x 3; PUE 1.2-1.6 moves only the electricity."""
    s, o, gpu, offers = best_of(goal="inference", model="llama-3.1-8b", gpu_id="l40s", gpu_count="1", currency="USD")
    swings = {w.assumption: w for w in sensitivity(s, o, gpu, offers)}
    c = o.cost
    hours = swings["hours_per_day"]
    assert (hours.low, hours.high) == (8.0, 24.0)
    assert hours.cost[0] == pytest.approx(c.cloud_price_per_gpu_hour * 8 * 30 * 12 * 3, rel=1e-9)
    pue = swings["pue"]
    horizon = s.hours_per_day * 30 * 12 * 3
    upfront = c.gpu_price * (1 + s.host_cost_fraction)
    per_kw = c.power_kw / s.pue * s.electricity_price * horizon
    assert pue.cost == pytest.approx((upfront + per_kw * 1.2, upfront + per_kw * 1.6), rel=1e-9)


def test_the_tornado_lists_the_widest_swing_first():
    s, o, gpu, offers = best_of(goal="inference", model="llama-3.1-8b", gpu_id="l40s", gpu_count="1", currency="JPY")
    ws = sensitivity(s, o, gpu, offers)
    widths = [w.width for w in ws]
    assert len(ws) >= 5 and widths == sorted(widths, reverse=True)
    assert {w.assumption for w in ws} >= {"hours_per_day", "purchase_price_spread", "fx_jpy_per_usd", "pue"}


def test_training_swings_utilisation_and_tokens_and_finds_the_deadline_mfu():
    """From scratch with the default tokens: the Chinchilla ratio 15-25 scales the time linearly
    (Hoffmann et al. 2022: 20 tokens per parameter); the deadline holds above MFU = MFU x time / deadline
    (time is 6ND / (peak x MFU))."""
    s, o, gpu, offers = best_of(goal="scratch", model="llama-3.2-1b", deadline_days="30", currency="USD")
    ws = {w.assumption: w for w in sensitivity(s, o, gpu, offers)}
    t = ws["chinchilla_tokens_per_param"].time_s
    assert t[1] / t[0] == pytest.approx(25 / 15, rel=0.02)
    lo, hi = ws["mfu"].time_s
    assert lo > o.job_s > hi  # low MFU: slower
    f = next(x for x in flips(s, o, gpu, offers) if x.what == "deadline")
    assert f.value == pytest.approx(o.mfu * o.job_s / (30 * 86400), rel=1e-12)
    slow = reevaluate(s, o, gpu, offers, "mfu", f.value)
    assert slow.job_s == pytest.approx(30 * 86400, rel=0.02)


def test_the_budget_flip_is_the_cloud_price_that_spends_the_budget():
    s, o, gpu, offers = best_of(goal="finetune", model="llama-3.1-8b", samples="100000", budget="50", currency="USD",
                                deployment="cloud")
    f = next(x for x in flips(s, o, gpu, offers) if x.what == "budget")
    at = reevaluate(s, o, gpu, offers, "cloud_price", f.value)
    assert at.cost.cloud == pytest.approx(50.0, rel=1e-3)
    assert f.value > o.cost.cloud_price_per_gpu_hour  # within budget now, so the flip is dearer

"""Prices carry their age; a plan warns when the prices behind its recommendation are over a year
old (issue 23)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.planning.freshness import STALE_MONTHS, age_months, period_end


@pytest.mark.parametrize("as_of,end", [("2024", dt.date(2024, 12, 31)), ("2024-02", dt.date(2024, 2, 29)),
                                       ("2023-02", dt.date(2023, 2, 28)), ("2025-06-15", dt.date(2025, 6, 15)),
                                       ("", None), ("soon", None), ("2024-13", None)])
def test_a_partial_date_counts_from_the_end_of_its_period(as_of, end):
    assert period_end(as_of) == end


@pytest.mark.parametrize("as_of,today,months", [
    ("2024-06", dt.date(2026, 12, 2), 29),  # 30 Jun 2024 -> 2 Dec 2026
    ("2025-12-02", dt.date(2026, 12, 2), 12), ("2025-12-03", dt.date(2026, 12, 2), 11),
    ("2027-01", dt.date(2026, 12, 2), 0), ("2026", dt.date(2026, 12, 2), 0), ("?", dt.date(2026, 12, 2), None),
])
def test_age_in_whole_months(as_of, today, months):
    assert age_months(as_of, today) == months


def _plan(today, **request):
    from app.catalog.repository import default_catalog
    from app.planning.outcome import build_outcome
    from app.planning.request import PlanRequest, to_scenario

    cat = default_catalog()
    s = to_scenario(PlanRequest(**request), cat)
    return build_outcome(s, cat, curves=False, with_backtest=False, today=today), cat


def test_a_recommendation_on_an_old_cloud_price_is_flagged_and_a_fresh_one_is_not():
    """TSUBAME 4.0's tariff is dated 2024-04: a plan pinned to that offer warns two years later, not
    the month after."""
    req = dict(goal="finetune", model="llama-3.1-8b", samples="10000", cloud_offer="tsubame4-h100-shared-industry-private",
               currency="JPY")
    late, cat = _plan(dt.date(2026, 12, 2), **req)
    stale = [f for f in late.plan.findings if f.code == "stale_price" and f.params["what"] == "cloud"]
    offer = next(o for o in cat.offers() if o.id == "tsubame4-h100-shared-industry-private")
    assert stale and stale[0].params["id"] == offer.id and stale[0].params["age_months"] == age_months(offer.as_of, dt.date(2026, 12, 2))
    assert stale[0].params["age_months"] > STALE_MONTHS
    soon, _ = _plan(dt.date(2024, 5, 1), **req)
    assert not [f for f in soon.plan.findings if f.code == "stale_price" and f.params["what"] == "cloud"]


def test_the_report_dates_each_price_with_its_age():
    from app.present.markdown import to_markdown
    from app.present.report import build_report

    out, _cat = _plan(dt.date(2026, 12, 2), goal="finetune", model="llama-3.1-8b", samples="10000",
                      cloud_offer="tsubame4-h100-shared-industry-private", currency="JPY")
    text = to_markdown(build_report(out, "t", "en", date=dt.date(2026, 12, 2)))
    assert "Apr 2024 · 31 months ⚠" in text  # 30 Apr 2024 to 2 Dec 2026
    assert "dates from Apr 2024, 31 months ago" in text  # the finding, in "Findings and risks"

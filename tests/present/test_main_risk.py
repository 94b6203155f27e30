"""The main risk reads the same on the result page and on page 1 of the report (one function), and
names the deadline when the slow end of the time range misses it."""

from __future__ import annotations


def _outcome(**extra):
    from app.catalog.repository import default_catalog
    from app.planning.outcome import build_outcome
    from app.planning.request import PlanRequest, to_scenario

    c = default_catalog()
    s = to_scenario(PlanRequest(goal="finetune", model="llama-3.1-70b", tokens="200M", method="lora", currency="USD",
                                gpu_id="h100-sxm", gpu_count=8, **extra), c)
    return build_outcome(s, c, curves=True)


def test_the_result_page_and_the_report_name_the_same_main_risk():
    from app.present.report import build_report
    from app.present.risk import main_risk
    from app.present.summary import key_figures

    first = _outcome()
    best = first.best
    days = (best.job_s + best.job_s_range[1]) / 2 / 86400  # between the estimate and its slow end
    out = _outcome(deadline_days=round(days, 3))
    risk = main_risk(out, "en")
    assert risk.startswith("The deadline:")
    assert dict(key_figures(out, "en"))["Main risk"] == risk
    lead = [b for b in build_report(out, "x", "en").lead if hasattr(b, "content")]
    assert any("".join(r.text for r in b.content) == risk for b in lead)

"""The one risk to read first, the same on the result page and on page 1 of the report: the deadline
or the budget at the slow end of the time range, else the recommended option's first error or
warning."""

from __future__ import annotations

from app.i18n import translate
from app.planning.outcome import PlanOutcome
from app.present.text.format import fmt_duration, fmt_money
from app.present.text.messages import finding_message


def main_risk(out: PlanOutcome, lang: str) -> str:
    best, s = out.best, out.scenario
    if best is None:
        return translate("Report", "None flagged.")
    cur = s.currency
    if s.is_training and best.job_s is not None and best.job_s_range is not None and s.deadline_days:
        hi = best.job_s_range[1]
        share = best.job_s / (s.deadline_days * 86400)
        if hi > s.deadline_days * 86400:
            return translate("Report", "The deadline: the estimate uses {0:.0%} of the {1:g} days, but at the slow end of the range ({2}) the job would miss it.").format(
                share, s.deadline_days, fmt_duration(hi))
    costs = out.option_costs[0] if out.option_costs else None
    decision = str(out.plan.verdict.params.get("decision") or "")
    if s.budget and costs is not None:
        rng = costs.onprem_range if decision in ("buy", "own") else costs.cloud_range
        if rng is not None and rng[1] > s.budget:
            return translate("Report", "The budget: at the slow end of the time range the cost would be {0}, over the budget of {1}.").format(
                fmt_money(rng[1], cur, lang), fmt_money(s.budget, cur, lang))
    risk = next((f for f in best.findings if f.severity == "error"), None) or next(
        (f for f in best.findings if f.severity == "warning"), None)
    if risk is not None:
        return finding_message(risk.code, risk.params, lang, cur)
    if s.is_training and best.job_s is not None and s.deadline_days:
        return translate("Report", "None flagged: even at the slow end of the range the job meets the {0:g}-day deadline.").format(s.deadline_days)
    return translate("Report", "None flagged.")

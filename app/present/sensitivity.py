"""The recommended option's sensitivity as rows people read (the CLI's text, the report's table, the
wizard's tornado), and the compare document of several plans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.i18n import translate
from app.planning.outcome import PlanOutcome
from app.present.text.assumptions import assumption_name
from app.present.text.format import fmt_duration, fmt_money
from app.present.text.messages import flip_message, sensitivity_value


@dataclass(frozen=True)
class SwingRow:
    name: str
    low: str  # the assumption's low and high values
    high: str
    time: str  # "12 days – 20 days", or "" when the time does not move
    cost: str
    cost_values: tuple[float | None, float | None]
    time_values: tuple[float, float]


def swing_rows(out: PlanOutcome, lang: str) -> list[SwingRow]:
    """One row per assumption, widest first (the tornado's order)."""
    cur = out.scenario.currency
    rows = []
    for w in out.sensitivity or []:
        t0, t1 = w.time_s
        time = "" if abs(t1 - t0) <= 1e-9 * max(t0, 1.0) else f"{fmt_duration(t0)} – {fmt_duration(t1)}"
        c0, c1 = w.cost
        cost = f"{fmt_money(c0, cur, lang)} – {fmt_money(c1, cur, lang)}" if c0 is not None and c1 is not None else "–"
        rows.append(SwingRow(assumption_name(w.assumption), sensitivity_value(w.field, w.low, lang, cur),
                             sensitivity_value(w.field, w.high, lang, cur), time, cost, (c0, c1), (t0, t1)))
    return rows


def flip_lines(out: PlanOutcome, lang: str) -> list[str]:
    return [flip_message(f, lang, out.scenario.currency) for f in out.flips]


def render_sensitivity(out: PlanOutcome, lang: str) -> str:
    """The text summary's block: each assumption low → high with the time and cost it gives."""
    rows = swing_rows(out, lang)
    if not rows:
        return ""
    lines = ["", translate("Sensitivity", "What moves the answer (the recommended configuration, each assumption across its range):")]
    for r in rows:
        moves = "; ".join(x for x in (r.time, r.cost) if x)
        lines.append(f"  {r.name}: {r.low} → {r.high}: {moves}")
    flips = flip_lines(out, lang)
    if flips:
        lines.append(translate("Sensitivity", "What would change the decision:"))
        lines.extend("  · " + x for x in flips)
    return "\n".join(lines)


# ----- compare ------------------------------------------------------------------------------------
COMPARE_SCHEMA = "gpu-planner.compare/1"


def key_results(out: PlanOutcome, lang: str) -> dict[str, Any]:
    """What a comparison shows of one plan: the verdict, the recommendation, its time and costs."""
    from app.present.text.messages import verdict_message

    best, s = out.best, out.scenario
    p = out.plan
    return {
        "feasible": p.verdict.feasible,
        "verdict": verdict_message(p.verdict.code, p.verdict.params, lang, s.currency),
        "gpu": best.gpu if best else None, "gpu_name": best.gpu_name if best else None,
        "gpu_count": best.gpu_count if best else None,
        "time_s": best.duration_s if best else None,
        "cloud_cost": best.cost.cloud if best else None, "onprem_cost": best.cost.onprem if best else None,
        "currency": s.currency,
    }


def compare_document(cmp: Any, lang: str) -> dict[str, Any]:
    """``gpu-planner.compare/1``: every plan's document, and the inputs that differ."""
    from app.present.contract import plan_document

    return {"schema": COMPARE_SCHEMA, "names": cmp.names, "files": cmp.paths,
            "plans": [plan_document(o, lang) for o in cmp.outcomes], "differences": cmp.differences(),
            "results": [key_results(o, lang) for o in cmp.outcomes]}


def _named(field: str, v: Any, outcome: Any) -> str:
    """An input as the reader knows it: the model's name (not its catalog id), LoRA or "full", the
    stack's and engine's product names, yes/no; other values as ``_cell`` writes them."""
    from app.present.text.format import engine_name, method_text, model_name, stack_name

    if v is None or isinstance(v, dict | list):
        return _cell(v)
    if field == "model":
        return model_name(outcome.scenario.model)
    if field == "method":
        return method_text(str(v))
    if field == "stack":
        return stack_name(str(v))
    if field == "engine":
        return engine_name(str(v))
    if isinstance(v, bool):
        return translate("Compare", "yes") if v else translate("Compare", "no")
    return _cell(v)


def _cell(v: Any) -> str:
    from app.present.text.format import fmt_count

    if v is None:
        return "–"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int | float):
        return fmt_count(v) if abs(v) >= 10_000 else f"{v:,.4g}"
    if isinstance(v, dict):
        return ", ".join(f"{k}:{x}" for k, x in v.items()) or "–"
    if isinstance(v, list):
        return ",".join(str(x) for x in v) or "–"
    return str(v)


def compare_rows(cmp: Any, lang: str) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of the comparison table: the differing inputs, then the key results."""
    from app.present.fields import label

    header = [translate("Compare", "Input")] + list(cmp.names)
    rows = [[label(d["field"]) if label(d["field"]) != d["field"] else d["field"],
             *(_named(d["field"], v, o) for v, o in zip(d["values"], cmp.outcomes, strict=True))]
            for d in cmp.differences()]
    res = [key_results(o, lang) for o in cmp.outcomes]
    rows.append([translate("Compare", "Recommendation"),
                 *(f"{r['gpu_count']} × {r['gpu_name']}" if r["gpu"] else "–" for r in res)])
    rows.append([translate("Compare", "Time"), *(fmt_duration(r["time_s"]) for r in res)])
    rows.append([translate("Compare", "Cloud cost"), *(fmt_money(r["cloud_cost"], r["currency"], lang) for r in res)])
    rows.append([translate("Compare", "On-prem cost"), *(fmt_money(r["onprem_cost"], r["currency"], lang) for r in res)])
    rows.append([translate("Compare", "Feasible"), *(translate("Compare", "yes") if r["feasible"] else translate("Compare", "no")
                                                      for r in res)])
    return header, rows


def render_compare(cmp: Any, lang: str) -> str:
    header, rows = compare_rows(cmp, lang)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join("{:<" + str(w) + "}" for w in widths)
    lines = [fmt.format(*header).rstrip(), "  ".join("-" * w for w in widths)]
    lines += [fmt.format(*r).rstrip() for r in rows]
    for name, o in zip(cmp.names, cmp.outcomes, strict=True):
        flips = flip_lines(o, lang)
        if flips:
            lines.append("")
            lines.append(f"{name}:")
            lines.extend("  · " + x for x in flips)
    return "\n".join(lines)

"""The JSON documents scripts rely on (docs/cli.md): ``plan`` (schema gpu-planner.plan/2, with the
plan/1 keys kept for one release), ``capacity``, ``backtest`` and catalog listings. Quantities in base
units (bytes, FLOP, seconds, tokens); money in the stated currency; messages in the current language.

plan/2 gives every option field one meaning for every goal: ``job_s`` (training) and ``request_s``
(serving) instead of ``wall_clock_s``; ``mfu`` only for training, ``mbu`` for serving; ``precision``
only for training, ``weight_format`` for serving. ``wall_clock_s`` and ``wall_clock_s_range`` stay as
deprecated copies with their plan/1 meaning; ``schema_version=1`` gives the plan/1 document itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.assumptions import DEFAULT_FX_AS_OF
from app.core.results import SCHEMA, SCHEMA_V1, Finding, Option
from app.planning.outcome import PlanOutcome
from app.present.fields import flag
from app.present.text.assumptions import assumption_name, assumption_source
from app.present.text.format import layout_label
from app.present.text.messages import finding_message, flip_message, suggestion_message, verdict_message

if TYPE_CHECKING:
    from app.catalog.convert import Spec


def _finding(f: Finding, lang: str, cur: str) -> dict[str, Any]:
    return {"code": f.code, "severity": f.severity, "params": f.params,
            "message": finding_message(f.code, f.params, lang, cur)}


def _option(o: Option, costs: Any, lang: str, cur: str, version: int) -> dict[str, Any]:
    d = o.model_dump()
    d["findings"] = [_finding(f, lang, cur) for f in o.findings]
    for k in ("mfu_range", "job_s_range", "request_s_range"):
        if d.get(k) is not None:
            d[k] = list(d[k])
    d["cost_range"] = {"cloud": list(costs.cloud_range) if costs and costs.cloud_range else None,
                       "onprem": list(costs.onprem_range) if costs and costs.onprem_range else None}
    # plan/1, kept for one release: the job or request time under one name
    d["wall_clock_s"] = o.duration_s
    d["wall_clock_s_range"] = list(o.duration_s_range)
    if version == 1:
        serving = o.job_s is None
        for k in ("job_s", "job_s_range", "request_s", "request_s_range", "weight_format", "mbu", "cost_range"):
            d.pop(k, None)
        d["parallelism"].pop("cp", None)
        d["parallelism"].pop("ep", None)
        if serving:
            d["precision"], d["mfu"], d["mfu_range"] = o.weight_format, o.mbu, [o.mbu, o.mbu]
    return d


def _assumption(a: Any, s: Any, lang: str) -> dict[str, Any]:
    d = {**a.model_dump(), "source": assumption_source(a, lang, flag, s.fx_as_of)}
    if a.name == "fx_jpy_per_usd":  # the date of the rate, as the report cites it
        d["as_of"] = s.fx_as_of or DEFAULT_FX_AS_OF
    return d


def plan_document(out: PlanOutcome, lang: str, schema_version: int = 2) -> dict[str, Any]:
    """The contract's JSON document for one plan (``schema_version`` 2, or 1 for the old one)."""
    p, s = out.plan, out.scenario
    cur = s.currency
    wl = p.workload
    doc: dict[str, Any] = {
        "schema": SCHEMA if schema_version >= 2 else SCHEMA_V1,
        "goal": p.goal,
        "model": p.model_id,
        "catalog_version": out.catalog_version,
        "currency": cur,
        "request": out.request,
        "workload": {"params": wl.params, "active_params": wl.active_params, "tokens": wl.tokens,
                     "train_flops": wl.train_flops, "hardware_flops": wl.hardware_flops,
                     "trainable_params": wl.trainable_params,
                     "adjustments": [_finding(f, lang, cur) for f in wl.adjustments]},
        "options": [_option(o, out.option_costs[i] if i < len(out.option_costs) else None, lang, cur, schema_version)
                    for i, o in enumerate(p.options)],
        "rejected": [{"gpu": r.gpu, "code": r.code, "params": r.params,
                      "message": finding_message(r.code, r.params, lang, cur)} for r in p.rejected],
        "verdict": {"feasible": p.verdict.feasible, "code": p.verdict.code, "params": p.verdict.params,
                    "message": verdict_message(p.verdict.code, p.verdict.params, lang, cur),
                    "suggestions": [{"code": x.code, "params": x.params, "distance": x.distance,
                                     "message": suggestion_message(x.code, x.params, lang, cur)}
                                    for x in p.verdict.suggestions]},
        "rejected_summary": p.rejected_summary,
        "evaluated": p.evaluated,
        "assumptions": [_assumption(a, s, lang) for a in p.assumptions],
        "findings": [_finding(f, lang, cur) for f in p.findings],
    }
    if schema_version >= 2:
        doc["curves"] = {gid: [pt.as_dict() for pt in pts] for gid, pts in out.curves.items()}
        doc["entries"] = [e.__dict__ for e in out.entries]
        if out.sensitivity is not None:
            doc["sensitivity"] = [{"assumption": w.assumption, "field": w.field, "name": assumption_name(w.assumption),
                                   "base": w.base, "low": w.low, "high": w.high, "time_s": list(w.time_s), "cost": list(w.cost)}
                                  for w in out.sensitivity]
            doc["flips"] = [{"what": f.what, "field": f.field, "value": f.value, "direction": f.direction, "to": f.to,
                             "message": flip_message(f, lang, cur)} for f in out.flips]
        if not s.is_training:
            doc["api_comparison"] = api_document(out, lang)
    else:
        doc.pop("request")
        for a in doc["assumptions"]:
            for k in ("unit", "low", "high", "field", "set_by"):
                a.pop(k, None)
    return doc


def api_document(out: PlanOutcome, lang: str) -> dict[str, Any] | None:
    """``api_comparison``: the recommended option's monthly bill against each catalog API's for the same
    tokens (None: no option with a price). ``caveat`` names the two models: their quality is not compared."""
    from app.present.apis import caveat

    cmp = out.apis
    if cmp is None:
        return None
    own = out.best.cost_per_million_tokens.get(cmp.deployment) if out.best else None
    return {
        "currency": cmp.currency, "deployment": cmp.deployment, "model": out.scenario.model.id,
        "monthly_self_hosting": cmp.monthly_self_hosting, "monthly_input_tokens": cmp.monthly_input_tokens,
        "monthly_output_tokens": cmp.monthly_output_tokens,
        "self_hosting_per_million": own.model_dump() if own is not None else None,
        "apis": [{"id": r.api.id, "provider": r.api.provider, "model": r.api.model, "open_model": r.api.open_model or None,
                  "same_model": r.same_model, "input_per_million": r.input_per_million,
                  "output_per_million": r.output_per_million, "monthly_cost": r.monthly_cost,
                  "breakeven_tokens_per_month": r.breakeven_tokens_per_month,
                  "cheaper": "self_hosting" if r.self_hosting_cheaper else "api",
                  "source": r.api.source, "as_of": r.api.as_of} for r in cmp.rows],
        "caveat": caveat(out, lang),
    }


def capacity_document(gpu_id: str, count: int, rows: list[Any], catalog_version: str) -> dict[str, Any]:
    """``parallelism`` stays the label capacity/1 printed ("TP1 PP1 DP4 ZeRO-3"); ``layout`` has the degrees."""
    out = []
    for r in rows:
        d = r.model_dump()
        d["layout"] = d.pop("parallelism")
        d["parallelism"] = layout_label(r.parallelism, serving=r.goal == "inference")
        d["wall_clock_s"] = d["job_s"]  # capacity/1's name
        out.append(d)
    return {"schema": "gpu-planner.capacity/1", "gpu": gpu_id, "gpu_count": count, "catalog_version": catalog_version,
            "rows": out}


def backtest_document(result: Any, catalog_version: str) -> dict[str, Any]:
    return {"schema": "gpu-planner.backtest/1", "catalog_version": catalog_version,
            "rows": [r.model_dump() for r in result.rows], "summary": [s.model_dump() for s in result.summaries]}


def entry_document(e: Spec) -> dict[str, Any]:
    """A catalog entry as ``catalog … --json`` lists it."""
    d = e.model_dump()
    d.setdefault("name", getattr(e, "name", e.id))
    return d

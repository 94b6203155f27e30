"""Plain-text summaries for the terminal: a plan, the backtest, the capacity table, catalog listings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.i18n import QT_TRANSLATE_NOOP, current_language, translate
from app.planning.outcome import PlanOutcome
from app.present.text.format import (
    METHODS,
    engine_name,
    fmt_bytes,
    fmt_count,
    fmt_date,
    fmt_duration,
    fmt_flops,
    fmt_money,
    layout_label,
    method_text,
    model_name,
    stack_name,
    utilisation_text,
)
from app.present.text.messages import (
    finding_message,
    finding_reason,
    kind_text,
    labels_text,
    pricing_text,
    suggestion_message,
    verdict_message,
)

if TYPE_CHECKING:
    from app.core.backtest import Backtest
    from app.core.inventory import CapacityRow
    from app.core.specs import GpuSpec


DECISIONS = {"rent": QT_TRANSLATE_NOOP("Summary", "rent in the cloud"), "buy": QT_TRANSLATE_NOOP("Summary", "buy"),
             "own": QT_TRANSLATE_NOOP("Summary", "use the GPUs you own")}


def key_figures(out: PlanOutcome, lang: str) -> list[tuple[str, str]]:
    """The decision in a few figures, for the top of the result page: what to get, how long (or how
    fast), how much, rent/buy/own, and the main risk (app.present.risk, the same as on page 1 of the report)."""
    best, s = out.best, out.scenario
    if best is None:
        return []
    cur = s.currency
    rows = [(translate("Summary", "Get"), translate("Summary", "{0} x {1} ({2})").format(
        best.gpu_count, best.gpu_name, layout_label(best.parallelism, serving=not s.is_training)))]
    if s.is_training:
        lo, hi = best.duration_s_range
        rows.append((translate("Summary", "Time"), translate("Summary", "{0} (range {1} – {2})").format(
            fmt_duration(best.job_s), fmt_duration(lo), fmt_duration(hi))))
    else:
        rows.append((translate("Summary", "Speed"), translate("Summary", "{0:.1f} tokens/s per user; first token {1}").format(
            best.decode_tokens_per_s, fmt_duration(best.time_to_first_token_s))))
    rows.append((translate("Summary", "Cost"), translate("Summary", "rented {0} · bought {1}").format(
        fmt_money(best.cost.cloud, cur, lang), fmt_money(best.cost.onprem, cur, lang))))
    decision = out.plan.verdict.params.get("decision") if out.plan.verdict.feasible else None
    if decision in DECISIONS:
        rows.append((translate("Summary", "Decision"), translate("Summary", DECISIONS[str(decision)])))
    from app.present.risk import main_risk

    rows.append((translate("Summary", "Main risk"), main_risk(out, lang)))
    return rows


def token_prices_text(o: Any, cur: str, lang: str) -> str:
    """"per 1M tokens: rented $0.048 (input $0.022, output $0.099); bought $0.22 (…)"."""
    from app.present.apis import per_million

    parts = []
    for where, name in (("cloud", translate("Summary", "rented")), ("onprem", translate("Summary", "bought"))):
        tp = o.cost_per_million_tokens.get(where)
        if tp is not None:
            parts.append(translate("Summary", "{0} {1} (input {2}, output {3})").format(
                name, per_million(tp.blended, cur, lang), per_million(tp.input, cur, lang), per_million(tp.output, cur, lang)))
    return translate("Summary", "per 1M tokens at this load: {0}").format(translate("Summary", "; ").join(parts))


def render_summary(out: PlanOutcome, lang: str, top: int | None = None) -> str:
    """The plan as plain text: verdict, workload, ranked options with findings, what was ruled out
    (``top``: at most that many options)."""
    plan, scenario = out.plan, out.scenario
    cur = scenario.currency
    wl = plan.workload
    lines = [verdict_message(plan.verdict.code, plan.verdict.params, lang, cur)]
    for sug in plan.verdict.suggestions:
        lines.append("  → " + suggestion_message(sug.code, sug.params, lang, cur))
    lines.append("")
    lines.append(translate("Summary", "Model: {0} ({1} parameters, {2} active)").format(
        model_name(scenario.model), fmt_count(wl.params), fmt_count(wl.active_params)))
    if scenario.is_training:
        lines.append(translate("Summary", "Workload: {0} tokens, {1} FLOP").format(fmt_count(wl.tokens), fmt_flops(wl.train_flops)))
    for f in plan.findings:
        lines.append("  · " + finding_message(f.code, f.params, lang, cur))
    lines.append("")
    for rank, o in enumerate(plan.options[:top] if top else plan.options, 1):
        layout = layout_label(o.parallelism, serving=not scenario.is_training)
        fit = translate("Summary", "fits") if o.fits else translate("Summary", "DOES NOT FIT")
        tags = labels_text(o.labels)
        lines.append(translate("Summary", "{0}. {1} x {2} ({3} server(s)), {4}, {5}").format(
            rank, o.gpu_count, o.gpu_name, o.nodes, layout, (o.precision or o.weight_format or "").upper()) + (f"  [{tags}]" if tags else ""))
        if scenario.is_training:
            lines.append("   " + translate("Summary", "memory/GPU {0} of {1} ({2}; as {3} allocates it)").format(
                fmt_bytes(o.memory_per_gpu_bytes), fmt_bytes(o.memory_capacity_bytes), fit, stack_name(o.stack or "")))
        elif o.memory_usable_bytes and o.memory_usable_bytes < o.memory_capacity_bytes:
            lines.append("   " + translate("Summary", "memory/GPU {0} of the {1} {2} may use ({3})").format(
                fmt_bytes(o.memory_per_gpu_bytes), fmt_bytes(o.memory_usable_bytes), engine_name(scenario.engine.value), fit))
        else:
            lines.append("   " + translate("Summary", "memory/GPU {0} of {1} ({2})").format(
                fmt_bytes(o.memory_per_gpu_bytes), fmt_bytes(o.memory_capacity_bytes), fit))
        if scenario.is_training:
            lines.append("   " + translate("Summary", "time {0} (range {1} – {2}), MFU {3:.0%}, {4:,.0f} GPU-hours").format(
                fmt_duration(o.duration_s), fmt_duration(o.duration_s_range[0]),
                fmt_duration(o.duration_s_range[1]), o.mfu or 0.0, o.gpu_hours))
            explained = utilisation_text(o.utilisation_factors, o.hfu, o.mfu)
            if explained and rank == 1:
                lines.append("   " + explained)
        else:
            lines.append("   " + translate("Summary", "decode {0:.1f} tokens/s per sequence, {1:,.0f} tokens/s total; first token {2}").format(
                o.decode_tokens_per_s, o.throughput_tokens_per_s, fmt_duration(o.time_to_first_token_s)))
        lines.append("   " + translate("Summary", "cost: cloud {0}, on-prem {1}").format(
            fmt_money(o.cost.cloud, cur, lang), fmt_money(o.cost.onprem, cur, lang)))
        if o.cost_per_million_tokens:
            lines.append("   " + token_prices_text(o, cur, lang))
        for f in o.findings:
            lines.append("   ! " + finding_message(f.code, f.params, lang, cur))
    if plan.options and plan.options[0].cost.cloud_horizon_full_use is not None and plan.options[0].cost.onprem_horizon_full_use is not None:
        c = plan.options[0].cost
        lines.append("")
        if scenario.is_training:
            lines.append(translate("Summary", "Beyond this job: used round the clock for {0:g} years, these GPUs would cost {1} rented and {2} bought (with power).").format(
                c.horizon_years or 0, fmt_money(c.cloud_horizon_full_use, cur, lang), fmt_money(c.onprem_horizon_full_use, cur, lang)))
        else:
            lines.append(translate("Summary", "Over {0:g} years of round-the-clock use, these GPUs cost {1} rented and {2} bought (with power).").format(
                c.horizon_years or 0, fmt_money(c.cloud_horizon_full_use, cur, lang), fmt_money(c.onprem_horizon_full_use, cur, lang)))
    if plan.options and not scenario.is_training and (breakeven_hours := plan.options[0].cost.breakeven_hours) is not None:
        c = plan.options[0].cost
        lines.append(translate("Summary", "Buying instead of renting pays back after {0} of use ({1:.0%} of {2:g} years round the clock).").format(
            fmt_duration(breakeven_hours * 3600.0), c.breakeven_utilisation or 0, c.horizon_years or 0))
    if out.apis is not None:
        from app.present.apis import api_lines

        lines.append("")
        lines.append(translate("Summary", "Self-hosting or an API:"))
        lines.extend("  " + x for x in api_lines(out, lang))
    if plan.rejected_summary:
        lines.append("")
        lines.append(translate("Summary", "Also evaluated, not shown: {0}.").format(", ".join(
            f"{n} {finding_reason(code)}" for code, n in sorted(plan.rejected_summary.items(), key=lambda kv: -kv[1]))))
    if plan.rejected:
        lines.append("")
        lines.append(translate("Summary", "Ruled out:"))
        for r in plan.rejected:
            lines.append(f"  - {r.gpu}: " + finding_message(r.code, r.params, lang, cur))
    return "\n".join(lines)


_SKIPPED = {
    "no_params": QT_TRANSLATE_NOOP("Backtest", "no parameter count"),
    "no_tokens": QT_TRANSLATE_NOOP("Backtest", "no token count"),
    "no_gpu": QT_TRANSLATE_NOOP("Backtest", "accelerator not in the catalog"),
    "no_gpu_count": QT_TRANSLATE_NOOP("Backtest", "no GPU count"),
    "no_gpu_hours": QT_TRANSLATE_NOOP("Backtest", "no GPU-hours or GPU count x days"),
}


def skipped_message(code: str) -> str:
    return translate("Backtest", _SKIPPED.get(code, code))


_BASIS = {
    "reported": QT_TRANSLATE_NOOP("Backtest", "reported"),
    "derived": QT_TRANSLATE_NOOP("Backtest", "derived"),
    "estimate": QT_TRANSLATE_NOOP("Backtest", "estimate"),
    "all": QT_TRANSLATE_NOOP("Backtest", "all"),
}


def basis_text(basis: str) -> str:
    """How a published figure was obtained (reported, derived, estimate), in the user's language."""
    return translate("Backtest", _BASIS[basis]) if basis in _BASIS else basis


def render_backtest(result: Backtest) -> str:
    """Predicted vs reported GPU-hours as a plain-text table with the summary lines."""
    head = "{0:34} {1:>20} {2:>14} {3:>9} {4:>14} {5:>20} {6:>8} {7:>8}".format(
        translate("Backtest", "run"), translate("Backtest", "GPUs"), translate("Backtest", "reported GPU-h"),
        translate("Backtest", "basis"), translate("Backtest", "predicted"), translate("Backtest", "range"),
        translate("Backtest", "error"), translate("Backtest", "impl. MFU"))
    lines = [head]
    skipped = []
    for r in result.rows:
        if r.skipped:
            skipped.append(f"  {r.run}: {skipped_message(r.skipped)}")
            continue
        assert r.predicted_gpu_hours_range is not None and r.basis is not None  # predict() sets both unless it skips
        lo, hi = r.predicted_gpu_hours_range
        gpus = f"{r.gpu_count} x {r.gpu}"
        mark = "" if r.within_range else " *"
        lines.append(
            f"{r.run:34.34} {gpus:>20.20} {fmt_count(r.reported_gpu_hours):>14} {basis_text(r.basis):>9} "
            f"{fmt_count(r.predicted_gpu_hours):>14} {fmt_count(lo) + '–' + fmt_count(hi):>20} "
            f"{r.error:>+8.0%} {r.implied_mfu:>8.0%}{mark}")
    lines.append("")
    lines.append(translate("Backtest", "* reported figure outside the predicted range. error = predicted / reported - 1."))
    for s in result.summaries:
        if not s.runs:
            continue
        lines.append(translate("Backtest", "{0}: {1} runs, median |error| {2:.0%}, median error {3:+.0%}, worst {4} ({5:+.0%}), {6} within range").format(
            basis_text(s.basis), s.runs, s.median_abs_error, s.median_error, s.worst_run, s.worst_error, s.within_range))
    if skipped:
        lines.append("")
        lines.append(translate("Backtest", "Not predicted (not enough data):"))
        lines.extend(skipped)
    return "\n".join(lines)


def render_capacity(gpu: GpuSpec, count: int, rows: Sequence[CapacityRow], lang: str = "en") -> str:
    """The seed's §9 table, generated: per goal and model size, a mark and the time or speed."""
    marks = {"ok": translate("Capacity", "○ yes"), "slow": translate("Capacity", "△ slow"), "no": translate("Capacity", "× no")}
    goals = {"inference": translate("Capacity", "Inference"), "finetune": translate("Capacity", "Fine-tuning (100M tokens)"),
             "cpt": translate("Capacity", "Continued pre-training (10% of Chinchilla tokens)"),
             "scratch": translate("Capacity", "From scratch (Chinchilla: 20 tokens per parameter)")}
    lines = [translate("Capacity", "What {0} x {1} can do (○ within 90 days, △ within a year, × does not fit or longer):").format(count, gpu.name)]
    last = None
    for r in rows:
        if r.goal != last:
            lines.append("")
            lines.append(goals.get(r.goal, r.goal))
            last = r.goal
        if r.goal == "inference":
            what = translate("Capacity", "{0:.1f} tokens/s per sequence").format(r.decode_tokens_per_s or 0) if r.fits else translate("Capacity", "needs {0} per GPU").format(fmt_bytes(r.memory_per_gpu_bytes))
        else:
            what = fmt_duration(r.job_s) if r.fits else translate("Capacity", "needs {0} per GPU").format(fmt_bytes(r.memory_per_gpu_bytes))
        variant = method_text(r.variant) if r.variant in METHODS else (r.variant or "").upper()
        lines.append(f"  {fmt_count(r.params):>6} {variant:6} {marks[r.mark]:8} {what:32} "
                     f"{layout_label(r.parallelism, serving=r.goal == 'inference')}")
    return "\n".join(lines)


def _dated(as_of: str, today: Any) -> str:
    """A price's date and age: "Jun 2024, 29 months old"; "undated" without a date."""
    from app.planning.freshness import age_months

    age = age_months(as_of, today)
    if age is None:
        return translate("CLI", "undated") if not as_of else fmt_date(as_of, current_language())
    return translate("CLI", "{0}, {1} months old").format(fmt_date(as_of, current_language()), age)


def _price(e: Any, today: Any) -> str:
    """What buying a GPU costs, as the catalog has it, with the price's date and age."""
    if e.price_usd is not None:
        text = translate("CLI", "buy ${0:,.0f} ({1})").format(e.price_usd, _dated(e.price_as_of, today))
    elif not e.sold_separately:
        text = translate("CLI", "not sold separately")
    else:
        text = translate("CLI", "no purchase price")
    if e.server_price_usd is not None:
        text += translate("CLI", "; server of {0} ${1:,.0f} ({2})").format(
            e.gpus_per_node, e.server_price_usd, _dated(e.server_price_as_of, today))
    return text


def entry_line(kind: str, e: Any, today: Any = None) -> str:
    """One catalog entry as ``gpu-planner catalog KIND`` lists it; prices carry their age on ``today``."""
    import datetime as dt

    today = today or dt.date.today()
    if kind == "gpus":
        link = (f"{e.scale_up_link} x{e.nvlink_domain}" if e.has_nvlink else translate("CLI", "PCIe only"))
        prec = next((p for p in ("bf16", "fp16") if e.supports(p)), "bf16")
        what = f"{fmt_bytes(e.memory_bytes):>8}  {prec.upper()} {e.peak_flops(prec) / 1e12:7.1f} TFLOPS  {link}  {_price(e, today)}"
    elif kind == "models":
        moe = translate("CLI", " ({0:.1f}B active)").format(e.params_active / 1e9) if e.is_moe else ""
        what = translate("CLI", "{0:8.2f}B{1}  context {2}  {3}").format(e.params_total / 1e9, moe, e.context, e.license)
    elif kind == "runs":
        hours = (translate("CLI", "{0:,.0f} GPU-hours").format(e.gpu_hours) if e.gpu_hours
                 else translate("CLI", "GPU-hours not published"))
        what = f"{e.gpu_count or '?'} x {e.gpu or e.gpu_name or '?'}  {hours}"
    elif kind == "apis":
        served = translate("CLI", "  serves {0}").format(e.open_model) if e.open_model else ""
        what = translate("CLI", "{0:g} in / {1:g} out {2} per 1M tokens{3}").format(
            e.input_per_million, e.output_per_million, e.currency, served)
    elif kind == "measurements":
        what = translate("CLI", "{0} x {1}, {2} ({3}): {4:,.0f} tokens/s per GPU").format(
            e.gpu_count, e.gpu, e.model, e.stack, e.tokens_per_s_per_gpu)
    else:
        what = translate("CLI", "{0}  {1:g} {2} per GPU-hour  {3}  {4}").format(
            e.gpu, e.price_per_gpu_hour, e.currency, pricing_text(e.pricing), e.region)
    mark = translate("CLI", "  [yours]") if e.origin == "user" else ""
    when = _dated(e.as_of, today) if kind in ("offers", "apis") else fmt_date(e.as_of, current_language())
    name = getattr(e, "name", "")
    if kind == "apis":  # a model name cut short reads as another model
        return f"{e.id:40} {name}  {what}  " + translate("CLI", "(as of {0})").format(when) + mark
    return f"{e.id:34} {name:34.34} {what}  " + translate("CLI", "(as of {0})").format(when) + mark


def _cell(v: Any) -> str:
    if v is None or v == "":
        return "–"
    if isinstance(v, float):
        return f"{v:.6g}"
    return str(v)


def render_import_preview(pv: Any, applied: bool, limit: int = 40) -> str:
    """What an import adds and changes, field by field (old → new), before or as it is applied."""
    head = (translate("CLI", "{0}: {1} new, {2} changed, {3} the same") if applied else
            translate("CLI", "{0} (dry run): would add {1}, change {2}, leave {3} the same")).format(
        kind_text(pv.kind), len(pv.added), len(pv.changed), pv.unchanged)
    lines = [head]
    for ident in pv.added[:limit]:
        lines.append("  + " + ident)
    shown = 0
    for ident, diff in pv.changed:
        if shown >= limit:
            break
        shown += 1
        lines.append("  ~ " + ident + ": " + "; ".join(f"{f} {_cell(o)} → {_cell(n)}" for f, o, n in diff))
    hidden = max(0, len(pv.added) - limit) + max(0, len(pv.changed) - shown)
    if hidden:
        lines.append(translate("CLI", "  … and {0} more").format(hidden))
    return "\n".join(lines)

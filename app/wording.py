"""Turn the core's codes into sentences, and numbers into display strings, in English or Japanese.

Every sentence goes through QCoreApplication.translate so Qt's translation files (the i18n issue)
cover the CLI, the wizard and the report alike. QtCore is used only once it is loaded: an English
``gpu-planner plan`` never imports Qt (0.1-0.2 s of its 0.6 s budget, issue 10).
"""

from __future__ import annotations

import math
import sys

from app.core.units import GiB


class QCoreApplication:  # noqa: N801 - stands in for Qt's class; pyside6-lupdate reads the calls by this name
    """``QCoreApplication.translate`` without importing Qt. A translator is installed on an
    application object, so while PySide6.QtCore is not even imported nothing can be translated
    and the source text is the answer; once it is, Qt's own translate answers."""

    @staticmethod
    def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        qtcore = sys.modules.get("PySide6.QtCore")
        if qtcore is None:
            return source
        return qtcore.QCoreApplication.translate(context, source, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - Qt's marker, read by pyside6-lupdate
    return source


_tr = QCoreApplication.translate


def fmt_bytes(b: float | None) -> str:
    if b is None:
        return "–"
    if b >= 1024 * GiB:
        return f"{b / (1024 * GiB):.2f} TiB"
    if b >= GiB:
        return f"{b / GiB:.1f} GiB"
    return f"{b / 1024**2:.0f} MiB"


def fmt_count(n: float | None) -> str:
    if n is None:
        return "–"
    for v, s in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(n) >= v:
            return f"{n / v:.3g}{s}"
    return f"{n:.3g}"


def fmt_duration(sec: float | None) -> str:
    if sec is None or not math.isfinite(sec):
        return "–"
    if sec < 1:
        return QCoreApplication.translate("Units", "{0:.0f} ms").format(sec * 1000)
    if sec < 120:
        return QCoreApplication.translate("Units", "{0:.1f} s").format(sec)
    if sec < 2 * 3600:
        return QCoreApplication.translate("Units", "{0:.0f} min").format(sec / 60)
    if sec < 3 * 86400:
        return QCoreApplication.translate("Units", "{0:.1f} h").format(sec / 3600)
    if sec < 730 * 86400:
        return QCoreApplication.translate("Units", "{0:.1f} days").format(sec / 86400)
    return QCoreApplication.translate("Units", "{0:.1f} years").format(sec / (365.25 * 86400))


def fmt_money(amount: float | None, currency: str, lang: str = "en", compact: bool = False) -> str:
    """USD as $3.4M / $48,000; JPY as 約4.8万円 / 約8.0億円 in Japanese, ¥1,728,000 in English
    (``compact``: ¥1.73M, for table cells)."""
    if amount is None or not math.isfinite(amount):
        return "–"
    if currency == "USD":
        a = abs(amount)
        if a >= 1e9:
            return f"${amount / 1e9:.1f}B"
        if a >= 1e6:
            return f"${amount / 1e6:.1f}M"
        if a >= 1e4:
            return f"${amount / 1e3:.0f}K"
        if a < 100:
            return f"${amount:,.2f}"  # prices per GPU-hour, per kWh
        return f"${amount:,.0f}"
    if lang == "ja":
        a = abs(amount)
        if compact:  # table cells: no 約 and no 円 (the column says the currency)
            for v, unit in ((1e12, "兆"), (1e8, "億"), (1e4, "万")):
                if a >= v:
                    return f"{amount / v:.1f}{unit}"
            return f"{amount:,.0f}"
        if a >= 1e12:
            return f"約{amount / 1e12:.1f}兆円"
        if a >= 1e8:
            return f"約{amount / 1e8:.1f}億円"
        if a >= 1e4:
            return f"約{amount / 1e4:.1f}万円"
        return f"{amount:,.0f}円"
    if compact:
        a = abs(amount)
        if a >= 1e9:
            return f"¥{amount / 1e9:.2f}B"
        if a >= 1e6:
            return f"¥{amount / 1e6:.2f}M"
        if a >= 1e4:
            return f"¥{amount / 1e3:.0f}K"
    return f"¥{amount:,.0f}"


def _days(p: dict, key: str) -> str:
    v = p.get(key)
    return "–" if v is None else f"{float(v):.1f}"


def finding_message(code: str, p: dict, lang: str = "en", currency: str = "USD") -> str:
    """One sentence for a finding code and its parameters."""
    t = _tr
    if code == "does_not_fit":
        return QCoreApplication.translate("Findings", "Needs {0} per GPU but the GPU has {1}.").format(
            fmt_bytes(p.get("memory_per_gpu_bytes") or p.get("min_memory_per_gpu_bytes")), fmt_bytes(p.get("capacity_bytes")))
    if code == "exceeds_deadline":
        return QCoreApplication.translate("Findings", "Takes {0} days, past the {1}-day deadline.").format(_days(p, "days"), _days(p, "deadline_days"))
    if code == "deadline_at_risk":
        return QCoreApplication.translate("Findings", "At the low end of the utilisation range it takes {0} days, past the {1}-day deadline.").format(_days(p, "days_slow"), _days(p, "deadline_days"))
    if code == "over_budget":
        return QCoreApplication.translate("Findings", "Costs {0}, over the budget of {1}.").format(
            fmt_money(p.get("cost"), currency, lang), fmt_money(p.get("budget"), currency, lang))
    if code == "tp_spans_pcie":
        if int(p.get("nvlink_domain") or 1) <= 1:
            return QCoreApplication.translate("Findings", "Tensor parallelism over {0} GPUs runs over PCIe Gen{1} (no NVLink): expect a large slowdown.").format(p.get("tp"), p.get("pcie_gen", "?"))
        return QCoreApplication.translate("Findings", "Tensor parallelism over {0} GPUs runs over PCIe Gen{1} (NVLink joins only {2}): expect a large slowdown.").format(p.get("tp"), p.get("pcie_gen", "?"), p.get("nvlink_domain"))
    if code == "tp_spans_nodes":
        return QCoreApplication.translate("Findings", "Tensor parallelism of {0} spans nodes of {1} GPUs: it crosses the network every layer.").format(p.get("tp"), p.get("gpus_per_node"))
    if code == "dp_over_pcie":
        return QCoreApplication.translate("Findings", "Gradients are synchronised over PCIe Gen{0}, not NVLink.").format(p.get("pcie_gen"))
    if code == "multinode_over_ethernet":
        return QCoreApplication.translate("Findings", "{0} nodes talk over {1}: utilisation x{2}.").format(p.get("nodes"), p.get("network"), p.get("factor"))
    if code == "precision_unsupported":
        return QCoreApplication.translate("Findings", "{0} has no {1} tensor cores.").format(p.get("gpu"), p.get("precision"))
    if code == "precision_emulated":
        return QCoreApplication.translate("Findings", "{0} weights are dequantised and computed in BF16 on {1}.").format(p.get("quant"), p.get("gpu"))
    if code == "cloud_price_missing":
        return QCoreApplication.translate("Findings", "No cloud price for {0}: pass --cloud-price.").format(p.get("gpu"))
    if code == "gpu_price_missing":
        return QCoreApplication.translate("Findings", "No purchase price for {0}: pass --gpu-price.").format(p.get("gpu"))
    if code == "power_limit_exceeded":
        return QCoreApplication.translate("Findings", "Draws {0:.1f} kW with PUE, over the on-prem power limit of {1:g} kW.").format(
            float(p.get("power_kw") or 0), float(p.get("limit_kw") or 0))
    if code == "too_slow":
        return QCoreApplication.translate("Findings", "Too slow: even {0} GPUs take {1} days against the {2}-day deadline.").format(
            p.get("gpu_count"), _days(p, "best_days"), _days(p, "deadline_days"))
    if code == "power_limit":
        return QCoreApplication.translate("Findings", "Needs at least {0:.1f} kW, over the power limit of {1:g} kW.").format(
            float(p.get("min_power_kw") or 0), float(p.get("limit_kw") or 0))
    if code == "no_price":
        return QCoreApplication.translate("Findings", "What fits has no price for this deployment (no cloud offer or purchase price in the catalog): pass --gpu-price or --cloud-price.")
    if code == "dominated":
        return QCoreApplication.translate("Findings", "Another configuration is both cheaper and faster.")
    if code == "power_unknown":
        return QCoreApplication.translate("Findings", "{0}: power draw is not published; electricity is not counted.").format(p.get("gpu"))
    if code == "decode_compute_bound":
        return QCoreApplication.translate("Findings", "At concurrency {0} decoding is compute-bound, not memory-bound.").format(p.get("concurrency"))
    if code == "context_exceeds_model":
        return QCoreApplication.translate("Findings", "Context {0} exceeds the model's {1} tokens.").format(p.get("context"), p.get("model_context"))
    if code == "kv_cache_dominates":
        return QCoreApplication.translate("Findings", "The KV cache ({0}) is larger than the weights ({1}).").format(fmt_bytes(p.get("kv_cache_bytes")), fmt_bytes(p.get("weights_bytes")))
    if code == "architecture_estimated":
        return QCoreApplication.translate("Findings", "Architecture estimated from the parameter count ({0} layers, hidden {1}); give --layers/--hidden/--heads for exact activations and KV cache.").format(p.get("layers"), p.get("hidden"))
    if code == "tokens_chinchilla_default":
        return QCoreApplication.translate("Findings", "Tokens default to {0:g} per parameter (Chinchilla): {1}.").format(float(p.get("tokens_per_param", 20)), fmt_count(p.get("tokens")))
    if code == "tokens_cpt_default":
        return QCoreApplication.translate("Findings", "Continued pre-training defaults to {0:.0%} of the Chinchilla tokens: {1}.").format(float(p.get("fraction", 0.1)), fmt_count(p.get("tokens")))
    if code == "tokens_from_samples":
        return QCoreApplication.translate("Findings", "Tokens = samples x sequence length x epochs = {0}.").format(fmt_count(p.get("tokens")))
    if code == "tokens_below_chinchilla":
        return QCoreApplication.translate("Findings", "Only {0:.1f} tokens per parameter, well below Chinchilla's 20.").format(float(p.get("tokens_per_param", 0)))
    if code == "flops_frozen_base":
        return QCoreApplication.translate("Findings", "{0}: the frozen base needs no weight gradients, so compute is 4·N·D, not 6·N·D.").format(str(p.get("method", "")).upper())
    if code == "flops_full_recompute":
        return QCoreApplication.translate("Findings", "Full recomputation adds a forward pass (+2·N·D).")
    if code == "flops_selective_recompute":
        return QCoreApplication.translate("Findings", "Selective recomputation re-runs attention scores (a few percent more compute).")
    if code == "no_configuration_fits":
        return QCoreApplication.translate("Verdict", "No configuration fits in memory within the GPU limit.")
    if code == "deadline_not_met":
        return QCoreApplication.translate("Verdict", "Not feasible by the deadline: the fastest option ({0} x {1}) takes {2} days against {3}.").format(
            p.get("gpu_count"), p.get("gpu"), _days(p, "best_days"), _days(p, "deadline_days"))
    if code == "feasible_service":
        return QCoreApplication.translate("Verdict", "Feasible: {0} x {1} serves {2:.0f} tokens/s per sequence ({3:,.0f} tokens/s in all); {4} over {5:g} years.").format(
            p.get("gpu_count"), p.get("gpu_name") or p.get("gpu"), float(p.get("decode_tokens_per_s") or 0), float(p.get("throughput_tokens_per_s") or 0),
            fmt_money(p.get("cost"), currency, lang), float(p.get("years") or 0))
    if code == "feasible":
        days = p.get("days")
        return QCoreApplication.translate("Verdict", "Feasible: {0} x {1}, about {2}, {3}.").format(
            p.get("gpu_count"), p.get("gpu_name") or p.get("gpu"), fmt_duration(None if days is None else float(days) * 86400.0),
            fmt_money(p.get("cost"), currency, lang))
    return code


def verdict_message(code: str, p: dict, lang: str = "en", currency: str = "USD") -> str:
    if code == "over_budget":
        return QCoreApplication.translate("Verdict", "Over budget: the cheapest option that meets the deadline costs {0} against {1}.").format(
            fmt_money(p.get("min_cost"), currency, lang), fmt_money(p.get("budget"), currency, lang))
    return finding_message(code, p, lang, currency)


def suggestion_message(code: str, p: dict, lang: str = "en", currency: str = "USD") -> str:
    """One sentence for a computed way out of an infeasible plan."""
    t = _tr
    days = p.get("days")
    what = ""
    if p.get("gpu") and code != "smaller_model":
        if p.get("request_s") is not None:
            took = QCoreApplication.translate("Suggestion", "{0} per request").format(fmt_duration(float(p["request_s"])))
        else:
            took = fmt_duration(None if days is None else float(days) * 86400.0)
        what = QCoreApplication.translate("Suggestion", " ({0} x {1}, {2}, {3})").format(
            p.get("gpu_count"), p.get("gpu"), took, fmt_money(p.get("cost"), currency, lang))
    if code == "later_deadline":
        return QCoreApplication.translate("Suggestion", "Allow {0} days instead of the deadline{1}.").format(p.get("deadline_days"), what)
    if code == "more_budget":
        return QCoreApplication.translate("Suggestion", "Raise the budget to {0}{1}.").format(fmt_money(p.get("budget"), currency, lang), what)
    if code == "fewer_tokens":
        return QCoreApplication.translate("Suggestion", "Train on {0} tokens ({1:.0%} of the plan).").format(fmt_count(p.get("tokens")), float(p.get("fraction") or 0))
    if code == "use_lora":
        return QCoreApplication.translate("Suggestion", "Fine-tune with LoRA instead{0}.").format(what)
    if code == "use_qlora":
        return QCoreApplication.translate("Suggestion", "Fine-tune with QLoRA (4-bit base) instead{0}.").format(what)
    if code == "lower_quant":
        return QCoreApplication.translate("Suggestion", "Serve the weights as {0}{1}.").format(str(p.get("quant", "")).upper(), what)
    if code == "smaller_model":
        return QCoreApplication.translate("Suggestion", "Choose a model of at most {0} parameters (fits {1} x {2}).").format(
            fmt_count(p.get("params")), p.get("gpu_count"), p.get("gpu"))
    if code == "more_gpus":
        return QCoreApplication.translate("Suggestion", "Allow up to {0} GPUs{1}.").format(p.get("max_gpus"), what)
    if code == "spot_pricing":
        return QCoreApplication.translate("Suggestion", "Use spot (interruptible) cloud prices{0}.").format(what)
    if code == "cloud_instead":
        return QCoreApplication.translate("Suggestion", "Rent in the cloud instead of buying{0}.").format(what)
    if code == "raise_power_limit":
        return QCoreApplication.translate("Suggestion", "Provide {0:.1f} kW of power{1}.").format(float(p.get("power_kw") or 0), what)
    return code


_REASONS = {
    "does_not_fit": QT_TRANSLATE_NOOP("Reasons", "do not fit"),
    "too_slow": QT_TRANSLATE_NOOP("Reasons", "too slow"),
    "over_budget": QT_TRANSLATE_NOOP("Reasons", "over budget"),
    "power_limit": QT_TRANSLATE_NOOP("Reasons", "over the power limit"),
    "no_price": QT_TRANSLATE_NOOP("Reasons", "without a price"),
    "dominated": QT_TRANSLATE_NOOP("Reasons", "beaten on cost and time"),
}


def finding_reason(code: str) -> str:
    return QCoreApplication.translate("Reasons", _REASONS.get(code, code))


LABELS = {
    "recommended": QT_TRANSLATE_NOOP("Labels", "recommended"),
    "cheapest": QT_TRANSLATE_NOOP("Labels", "cheapest"),
    "fastest": QT_TRANSLATE_NOOP("Labels", "fastest"),
    "pareto": QT_TRANSLATE_NOOP("Labels", "time/cost front"),
    "best_for_gpu": QT_TRANSLATE_NOOP("Labels", "best on this GPU"),
    "owned": QT_TRANSLATE_NOOP("Labels", "with your GPUs"),
    "nearest": QT_TRANSLATE_NOOP("Labels", "nearest miss"),
}


def label_text(label: str) -> str:
    return QCoreApplication.translate("Labels", LABELS.get(label, label))


def render_summary(plan, scenario, lang: str) -> str:
    """The plan as plain text: verdict, workload, ranked options with findings, what was ruled out."""
    tr = _tr
    cur = scenario.currency
    wl = plan.workload
    lines = [verdict_message(plan.verdict.code, plan.verdict.params, lang, cur)]
    for sug in plan.verdict.suggestions:
        lines.append("  → " + suggestion_message(sug.code, sug.params, lang, cur))
    lines.append("")
    lines.append(QCoreApplication.translate("Summary", "Model: {0} ({1} parameters, {2} active)").format(
        scenario.model.name, fmt_count(wl.params), fmt_count(wl.active_params)))
    if scenario.is_training:
        lines.append(QCoreApplication.translate("Summary", "Workload: {0} tokens, {1:.3g} FLOP").format(fmt_count(wl.tokens), wl.train_flops))
    for f in plan.findings:
        lines.append("  · " + finding_message(f.code, f.params, lang, cur))
    lines.append("")
    for rank, o in enumerate(plan.options, 1):
        p = o.parallelism
        layout = f"TP{p.tp} PP{p.pp} DP{p.dp}" + (f" ZeRO-{p.zero_stage}" if p.zero_stage else "")
        if not scenario.is_training:
            layout = f"TP{p.tp} PP{p.pp} x{p.replicas}"
        fit = QCoreApplication.translate("Summary", "fits") if o.fits else QCoreApplication.translate("Summary", "DOES NOT FIT")
        tags = ", ".join(label_text(x) for x in o.labels if x != "best_for_gpu")
        lines.append(f"{rank}. {o.gpu_count} x {o.gpu_name} ({o.nodes} node(s)), {layout}, {o.precision}"
                     + (f"  [{tags}]" if tags else ""))
        lines.append("   " + QCoreApplication.translate("Summary", "memory/GPU {0} of {1} ({2})").format(
            fmt_bytes(o.memory_per_gpu_bytes), fmt_bytes(o.memory_capacity_bytes), fit))
        if scenario.is_training:
            lines.append("   " + QCoreApplication.translate("Summary", "time {0} (range {1} – {2}), MFU {3:.0%}, {4:,.0f} GPU-hours").format(
                fmt_duration(o.wall_clock_s), fmt_duration(o.wall_clock_s_range[0]),
                fmt_duration(o.wall_clock_s_range[1]), o.mfu, o.gpu_hours))
        else:
            lines.append("   " + QCoreApplication.translate("Summary", "decode {0:.1f} tokens/s per sequence, {1:,.0f} tokens/s total; first token {2}").format(
                o.decode_tokens_per_s, o.throughput_tokens_per_s, fmt_duration(o.time_to_first_token_s)))
        lines.append("   " + QCoreApplication.translate("Summary", "cost: cloud {0}, on-prem {1}").format(
            fmt_money(o.cost.cloud, cur, lang), fmt_money(o.cost.onprem, cur, lang)))
        for f in o.findings:
            lines.append("   ! " + finding_message(f.code, f.params, lang, cur))
    if plan.options and plan.options[0].cost.cloud_horizon_full_use is not None and plan.options[0].cost.onprem_horizon_full_use is not None:
        c = plan.options[0].cost
        lines.append("")
        lines.append(QCoreApplication.translate("Summary", "Over {0:g} years of round-the-clock use, these GPUs cost {1} rented and {2} bought (with power).").format(
            c.horizon_years or 0, fmt_money(c.cloud_horizon_full_use, cur, lang), fmt_money(c.onprem_horizon_full_use, cur, lang)))
    if plan.options and plan.options[0].cost.breakeven_hours is not None:
        c = plan.options[0].cost
        lines.append(QCoreApplication.translate("Summary", "Buying instead of renting pays back after {0} of use ({1:.0%} of {2:g} years round the clock).").format(
            fmt_duration(c.breakeven_hours * 3600.0), c.breakeven_utilisation or 0, c.horizon_years or 0))
    if plan.rejected_summary:
        lines.append("")
        lines.append(QCoreApplication.translate("Summary", "Also evaluated, not shown: {0}.").format(", ".join(
            f"{n} {finding_reason(code)}" for code, n in sorted(plan.rejected_summary.items(), key=lambda kv: -kv[1]))))
    if plan.rejected:
        lines.append("")
        lines.append(QCoreApplication.translate("Summary", "Ruled out:"))
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
    return QCoreApplication.translate("Backtest", _SKIPPED.get(code, code))


def render_backtest(result) -> str:
    """Predicted vs reported GPU-hours as a plain-text table with the summary lines."""
    tr = _tr
    head = QCoreApplication.translate("Backtest", "{0:34} {1:>20} {2:>14} {3:>9} {4:>14} {5:>20} {6:>8} {7:>8}").format(
        "run", "GPUs", "reported GPU-h", "basis", "predicted", "range", "error", "impl.MFU")
    lines = [head]
    skipped = []
    for r in result.rows:
        if r.skipped:
            skipped.append(f"  {r.run}: {skipped_message(r.skipped)}")
            continue
        lo, hi = r.predicted_gpu_hours_range
        gpus = f"{r.gpu_count} x {r.gpu}"
        mark = "" if r.within_range else " *"
        lines.append(
            f"{r.run:34.34} {gpus:>20.20} {fmt_count(r.reported_gpu_hours):>14} {r.basis:>9} "
            f"{fmt_count(r.predicted_gpu_hours):>14} {fmt_count(lo) + '–' + fmt_count(hi):>20} "
            f"{r.error:>+8.0%} {r.implied_mfu:>8.0%}{mark}")
    lines.append("")
    lines.append(QCoreApplication.translate("Backtest", "* reported figure outside the predicted range. error = predicted / reported - 1."))
    for s in result.summaries:
        if not s.runs:
            continue
        lines.append(QCoreApplication.translate("Backtest", "{0}: {1} runs, median |error| {2:.0%}, median error {3:+.0%}, worst {4} ({5:+.0%}), {6} within range").format(
            s.basis, s.runs, s.median_abs_error, s.median_error, s.worst_run, s.worst_error, s.within_range))
    if skipped:
        lines.append("")
        lines.append(QCoreApplication.translate("Backtest", "Not predicted (not enough data):"))
        lines.extend(skipped)
    return "\n".join(lines)


def render_capacity(gpu, count: int, rows, lang: str = "en") -> str:
    """The seed's §9 table, generated: per goal and model size, a mark and the time or speed."""
    tr = _tr
    marks = {"ok": QCoreApplication.translate("Capacity", "○ yes"), "slow": QCoreApplication.translate("Capacity", "△ slow"), "no": QCoreApplication.translate("Capacity", "× no")}
    goals = {"inference": QCoreApplication.translate("Capacity", "Inference"), "finetune": QCoreApplication.translate("Capacity", "Fine-tuning (100M tokens)"),
             "cpt": QCoreApplication.translate("Capacity", "Continued pre-training (10% of Chinchilla tokens)"),
             "scratch": QCoreApplication.translate("Capacity", "From scratch (Chinchilla: 20 tokens per parameter)")}
    lines = [QCoreApplication.translate("Capacity", "What {0} x {1} can do (○ within 90 days, △ within a year, × does not fit or longer):").format(count, gpu.name)]
    last = None
    for r in rows:
        if r.goal != last:
            lines.append("")
            lines.append(goals.get(r.goal, r.goal))
            last = r.goal
        if r.goal == "inference":
            what = QCoreApplication.translate("Capacity", "{0:.1f} tokens/s per sequence").format(r.decode_tokens_per_s or 0) if r.fits else QCoreApplication.translate("Capacity", "needs {0} per GPU").format(fmt_bytes(r.memory_per_gpu_bytes))
        else:
            what = fmt_duration(r.wall_clock_s) if r.fits else QCoreApplication.translate("Capacity", "needs {0} per GPU").format(fmt_bytes(r.memory_per_gpu_bytes))
        variant = r.variant.upper() if r.variant else ""
        lines.append(f"  {fmt_count(r.params):>6} {variant:6} {marks[r.mark]:8} {what:32} {r.parallelism}")
    return "\n".join(lines)

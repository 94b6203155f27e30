"""Turn the core's codes into sentences, and numbers into display strings, in English or Japanese.

Every sentence goes through app.i18n.translate (Qt's translate) so Qt's translation files (issue 7)
cover the CLI, the wizard and the report alike. Qt is loaded only when a translation can be needed:
an English ``gpu-planner plan`` never imports it (issue 10's start-up budget).
"""

from __future__ import annotations

import math

from app.i18n import QT_TRANSLATE_NOOP, translate

from app.core.units import GiB



_METHODS = {"full": QT_TRANSLATE_NOOP("Labels", "full"), "lora": "LoRA", "qlora": "QLoRA"}


def method_text(method: str) -> str:
    """A fine-tuning method as written: LoRA, QLoRA, or "full" in the user's language."""
    name = _METHODS.get(method, method)
    return translate("Labels", name) if method == "full" else name


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
        return translate("Units", "{0:.0f} ms").format(sec * 1000)
    if sec < 120:
        return translate("Units", "{0:.1f} s").format(sec)
    if sec < 2 * 3600:
        return translate("Units", "{0:.0f} min").format(sec / 60)
    if sec < 3 * 86400:
        return translate("Units", "{0:.1f} h").format(sec / 3600)
    if sec < 730 * 86400:
        return translate("Units", "{0:.1f} days").format(sec / 86400)
    return translate("Units", "{0:.1f} years").format(sec / (365.25 * 86400))


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
                    return f"{amount / v:,.1f}{unit}"
            return f"{amount:,.0f}"
        if a >= 1e12:
            return f"約{amount / 1e12:,.1f}兆円"
        if a >= 1e8:
            return f"約{amount / 1e8:,.1f}億円"
        if a >= 1e4:
            return f"約{amount / 1e4:,.1f}万円"
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
    if code == "does_not_fit":
        return translate("Findings", "Needs {0} per GPU but the GPU has {1}.").format(
            fmt_bytes(p.get("memory_per_gpu_bytes") or p.get("min_memory_per_gpu_bytes")), fmt_bytes(p.get("capacity_bytes")))
    if code == "exceeds_deadline":
        return translate("Findings", "Takes {0} days, past the {1}-day deadline.").format(_days(p, "days"), _days(p, "deadline_days"))
    if code == "deadline_at_risk":
        return translate("Findings", "At the low end of the utilisation range it takes {0} days, past the {1}-day deadline.").format(_days(p, "days_slow"), _days(p, "deadline_days"))
    if code == "over_budget":
        return translate("Findings", "Costs {0}, over the budget of {1}.").format(
            fmt_money(p.get("cost"), currency, lang), fmt_money(p.get("budget"), currency, lang))
    if code == "tp_spans_pcie":
        if int(p.get("nvlink_domain") or 1) <= 1:
            return translate("Findings", "Tensor parallelism over {0} GPUs runs over PCIe Gen{1} (no NVLink): expect a large slowdown.").format(p.get("tp"), p.get("pcie_gen", "?"))
        return translate("Findings", "Tensor parallelism over {0} GPUs runs over PCIe Gen{1} (NVLink joins only {2}): expect a large slowdown.").format(p.get("tp"), p.get("pcie_gen", "?"), p.get("nvlink_domain"))
    if code == "tp_spans_nodes":
        return translate("Findings", "Tensor parallelism of {0} spans nodes of {1} GPUs: it crosses the network every layer.").format(p.get("tp"), p.get("gpus_per_node"))
    if code == "dp_over_pcie":
        return translate("Findings", "Gradients are synchronised over PCIe Gen{0}, not NVLink.").format(p.get("pcie_gen"))
    if code == "multinode_over_ethernet":
        return translate("Findings", "{0} nodes talk over {1}: utilisation x{2}.").format(p.get("nodes"), p.get("network"), p.get("factor"))
    if code == "precision_unsupported":
        return translate("Findings", "{0} has no {1} tensor cores.").format(p.get("gpu"), p.get("precision"))
    if code == "precision_emulated":
        return translate("Findings", "{0} weights are dequantised and computed in BF16 on {1}.").format(p.get("quant"), p.get("gpu"))
    if code == "cloud_price_missing":
        return translate("Findings", "No cloud price for {0}: pass --cloud-price.").format(p.get("gpu"))
    if code == "gpu_price_missing":
        return translate("Findings", "No purchase price for {0}: pass --gpu-price.").format(p.get("gpu"))
    if code == "power_limit_exceeded":
        return translate("Findings", "Draws {0:.1f} kW with PUE, over the on-prem power limit of {1:g} kW.").format(
            float(p.get("power_kw") or 0), float(p.get("limit_kw") or 0))
    if code == "too_slow":
        return translate("Findings", "Too slow: even {0} GPUs take {1} days against the {2}-day deadline.").format(
            p.get("gpu_count"), _days(p, "best_days"), _days(p, "deadline_days"))
    if code == "power_limit":
        return translate("Findings", "Needs at least {0:.1f} kW, over the power limit of {1:g} kW.").format(
            float(p.get("min_power_kw") or 0), float(p.get("limit_kw") or 0))
    if code == "no_price":
        return translate("Findings", "What fits has no price for this deployment (no cloud offer or purchase price in the catalog): pass --gpu-price or --cloud-price.")
    if code == "dominated":
        return translate("Findings", "Another configuration is both cheaper and faster.")
    if code == "power_unknown":
        return translate("Findings", "{0}: power draw is not published; electricity is not counted.").format(p.get("gpu"))
    if code == "decode_compute_bound":
        return translate("Findings", "At concurrency {0} decoding is compute-bound, not memory-bound.").format(p.get("concurrency"))
    if code == "context_exceeds_model":
        return translate("Findings", "Context {0} exceeds the model's {1} tokens.").format(p.get("context"), p.get("model_context"))
    if code == "kv_cache_dominates":
        return translate("Findings", "The KV cache ({0}) is larger than the weights ({1}).").format(fmt_bytes(p.get("kv_cache_bytes")), fmt_bytes(p.get("weights_bytes")))
    if code == "architecture_estimated":
        return translate("Findings", "Architecture estimated from the parameter count ({0} layers, hidden {1}); give --layers/--hidden/--heads for exact activations and KV cache.").format(p.get("layers"), p.get("hidden"))
    if code == "tokens_chinchilla_default":
        return translate("Findings", "Tokens default to {0:g} per parameter (Chinchilla): {1}.").format(float(p.get("tokens_per_param", 20)), fmt_count(p.get("tokens")))
    if code == "tokens_cpt_default":
        return translate("Findings", "Continued pre-training defaults to {0:.0%} of the Chinchilla tokens: {1}.").format(float(p.get("fraction", 0.1)), fmt_count(p.get("tokens")))
    if code == "tokens_from_samples":
        return translate("Findings", "Tokens = samples x sequence length x epochs = {0}.").format(fmt_count(p.get("tokens")))
    if code == "tokens_below_chinchilla":
        return translate("Findings", "Only {0:.1f} tokens per parameter, well below Chinchilla's 20.").format(float(p.get("tokens_per_param", 0)))
    if code == "flops_frozen_base":
        return translate("Findings", "{0}: the frozen base needs no weight gradients, so compute is 4·N·D, not 6·N·D.").format(method_text(str(p.get("method", ""))))
    if code == "flops_full_recompute":
        return translate("Findings", "Full recomputation adds a forward pass (+2·N·D).")
    if code == "flops_selective_recompute":
        return translate("Findings", "Selective recomputation re-runs attention scores (a few percent more compute).")
    if code == "no_configuration_fits":
        return translate("Verdict", "No configuration fits in memory within the GPU limit.")
    if code == "deadline_not_met":
        return translate("Verdict", "Not feasible by the deadline: the fastest option ({0} x {1}) takes {2} days against {3}.").format(
            p.get("gpu_count"), p.get("gpu"), _days(p, "best_days"), _days(p, "deadline_days"))
    if code == "feasible_service":
        return translate("Verdict", "Feasible: {0} x {1} serves {2:.0f} tokens/s per sequence ({3:,.0f} tokens/s in all); {4} over {5:g} years.").format(
            p.get("gpu_count"), p.get("gpu_name") or p.get("gpu"), float(p.get("decode_tokens_per_s") or 0), float(p.get("throughput_tokens_per_s") or 0),
            fmt_money(p.get("cost"), currency, lang), float(p.get("years") or 0))
    if code == "feasible":
        days = p.get("days")
        return translate("Verdict", "Feasible: {0} x {1}, about {2}, {3}.").format(
            p.get("gpu_count"), p.get("gpu_name") or p.get("gpu"), fmt_duration(None if days is None else float(days) * 86400.0),
            fmt_money(p.get("cost"), currency, lang))
    return code


def verdict_message(code: str, p: dict, lang: str = "en", currency: str = "USD") -> str:
    if code == "over_budget":
        return translate("Verdict", "Over budget: the cheapest option that meets the deadline costs {0} against {1}.").format(
            fmt_money(p.get("min_cost"), currency, lang), fmt_money(p.get("budget"), currency, lang))
    return finding_message(code, p, lang, currency)


def suggestion_message(code: str, p: dict, lang: str = "en", currency: str = "USD") -> str:
    """One sentence for a computed way out of an infeasible plan."""
    days = p.get("days")
    what = ""
    if p.get("gpu") and code != "smaller_model":
        if p.get("request_s") is not None:
            took = translate("Suggestion", "{0} per request").format(fmt_duration(float(p["request_s"])))
        else:
            took = fmt_duration(None if days is None else float(days) * 86400.0)
        what = translate("Suggestion", " ({0} x {1}, {2}, {3})").format(
            p.get("gpu_count"), p.get("gpu"), took, fmt_money(p.get("cost"), currency, lang))
    if code == "later_deadline":
        return translate("Suggestion", "Allow {0} days instead of the deadline{1}.").format(p.get("deadline_days"), what)
    if code == "more_budget":
        return translate("Suggestion", "Raise the budget to {0}{1}.").format(fmt_money(p.get("budget"), currency, lang), what)
    if code == "fewer_tokens":
        return translate("Suggestion", "Train on {0} tokens ({1:.0%} of the plan).").format(fmt_count(p.get("tokens")), float(p.get("fraction") or 0))
    if code == "use_lora":
        return translate("Suggestion", "Fine-tune with LoRA instead{0}.").format(what)
    if code == "use_qlora":
        return translate("Suggestion", "Fine-tune with QLoRA (4-bit base) instead{0}.").format(what)
    if code == "lower_quant":
        return translate("Suggestion", "Serve the weights as {0}{1}.").format(str(p.get("quant", "")).upper(), what)
    if code == "smaller_model":
        return translate("Suggestion", "Choose a model of at most {0} parameters (fits {1} x {2}).").format(
            fmt_count(p.get("params")), p.get("gpu_count"), p.get("gpu"))
    if code == "more_gpus":
        return translate("Suggestion", "Allow up to {0} GPUs{1}.").format(p.get("max_gpus"), what)
    if code == "spot_pricing":
        return translate("Suggestion", "Use spot (interruptible) cloud prices{0}.").format(what)
    if code == "cloud_instead":
        return translate("Suggestion", "Rent in the cloud instead of buying{0}.").format(what)
    if code == "raise_power_limit":
        return translate("Suggestion", "Provide {0:.1f} kW of power{1}.").format(float(p.get("power_kw") or 0), what)
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
    return translate("Reasons", _REASONS.get(code, code))


LABELS = {
    "recommended": QT_TRANSLATE_NOOP("Labels", "recommended"),
    "cheapest": QT_TRANSLATE_NOOP("Labels", "cheapest"),
    "fastest": QT_TRANSLATE_NOOP("Labels", "fastest"),
    "pareto": QT_TRANSLATE_NOOP("Labels", "time/cost front"),
    "best_for_gpu": QT_TRANSLATE_NOOP("Labels", "best on this GPU"),
    "owned": QT_TRANSLATE_NOOP("Labels", "with your GPUs"),
    "nearest": QT_TRANSLATE_NOOP("Labels", "nearest miss"),
}


def labels_text(labels) -> str:
    """An option's labels as one cell: "recommended, cheapest" / "推奨、最安" (best_for_gpu is implied)."""
    return translate("Labels", ", ").join(label_text(x) for x in labels if x != "best_for_gpu")


def label_text(label: str) -> str:
    return translate("Labels", LABELS.get(label, label))


def render_summary(plan, scenario, lang: str) -> str:
    """The plan as plain text: verdict, workload, ranked options with findings, what was ruled out."""
    cur = scenario.currency
    wl = plan.workload
    lines = [verdict_message(plan.verdict.code, plan.verdict.params, lang, cur)]
    for sug in plan.verdict.suggestions:
        lines.append("  → " + suggestion_message(sug.code, sug.params, lang, cur))
    lines.append("")
    lines.append(translate("Summary", "Model: {0} ({1} parameters, {2} active)").format(
        scenario.model.name, fmt_count(wl.params), fmt_count(wl.active_params)))
    if scenario.is_training:
        lines.append(translate("Summary", "Workload: {0} tokens, {1:.3g} FLOP").format(fmt_count(wl.tokens), wl.train_flops))
    for f in plan.findings:
        lines.append("  · " + finding_message(f.code, f.params, lang, cur))
    lines.append("")
    for rank, o in enumerate(plan.options, 1):
        p = o.parallelism
        layout = f"TP{p.tp} PP{p.pp} DP{p.dp}" + (f" ZeRO-{p.zero_stage}" if p.zero_stage else "")
        if not scenario.is_training:
            layout = f"TP{p.tp} PP{p.pp} x{p.replicas}"
        fit = translate("Summary", "fits") if o.fits else translate("Summary", "DOES NOT FIT")
        tags = labels_text(o.labels)
        lines.append(translate("Summary", "{0}. {1} x {2} ({3} server(s)), {4}, {5}").format(
            rank, o.gpu_count, o.gpu_name, o.nodes, layout, o.precision.upper()) + (f"  [{tags}]" if tags else ""))
        lines.append("   " + translate("Summary", "memory/GPU {0} of {1} ({2})").format(
            fmt_bytes(o.memory_per_gpu_bytes), fmt_bytes(o.memory_capacity_bytes), fit))
        if scenario.is_training:
            lines.append("   " + translate("Summary", "time {0} (range {1} – {2}), MFU {3:.0%}, {4:,.0f} GPU-hours").format(
                fmt_duration(o.wall_clock_s), fmt_duration(o.wall_clock_s_range[0]),
                fmt_duration(o.wall_clock_s_range[1]), o.mfu, o.gpu_hours))
        else:
            lines.append("   " + translate("Summary", "decode {0:.1f} tokens/s per sequence, {1:,.0f} tokens/s total; first token {2}").format(
                o.decode_tokens_per_s, o.throughput_tokens_per_s, fmt_duration(o.time_to_first_token_s)))
        lines.append("   " + translate("Summary", "cost: cloud {0}, on-prem {1}").format(
            fmt_money(o.cost.cloud, cur, lang), fmt_money(o.cost.onprem, cur, lang)))
        for f in o.findings:
            lines.append("   ! " + finding_message(f.code, f.params, lang, cur))
    if plan.options and plan.options[0].cost.cloud_horizon_full_use is not None and plan.options[0].cost.onprem_horizon_full_use is not None:
        c = plan.options[0].cost
        lines.append("")
        lines.append(translate("Summary", "Over {0:g} years of round-the-clock use, these GPUs cost {1} rented and {2} bought (with power).").format(
            c.horizon_years or 0, fmt_money(c.cloud_horizon_full_use, cur, lang), fmt_money(c.onprem_horizon_full_use, cur, lang)))
    if plan.options and plan.options[0].cost.breakeven_hours is not None:
        c = plan.options[0].cost
        lines.append(translate("Summary", "Buying instead of renting pays back after {0} of use ({1:.0%} of {2:g} years round the clock).").format(
            fmt_duration(c.breakeven_hours * 3600.0), c.breakeven_utilisation or 0, c.horizon_years or 0))
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


def render_backtest(result) -> str:
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


def render_capacity(gpu, count: int, rows, lang: str = "en") -> str:
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
            what = fmt_duration(r.wall_clock_s) if r.fits else translate("Capacity", "needs {0} per GPU").format(fmt_bytes(r.memory_per_gpu_bytes))
        variant = method_text(r.variant) if r.variant in _METHODS else (r.variant or "").upper()
        lines.append(f"  {fmt_count(r.params):>6} {variant:6} {marks[r.mark]:8} {what:32} {r.parallelism}")
    return "\n".join(lines)


# ----- input errors ------------------------------------------------------------------------------
# pydantic's own error types, and the codes the core raises (PydanticCustomError), as sentences.
_VALIDATION = {
    "greater_than": QT_TRANSLATE_NOOP("Validation", "must be greater than {gt}"),
    "greater_than_equal": QT_TRANSLATE_NOOP("Validation", "must be at least {ge}"),
    "less_than": QT_TRANSLATE_NOOP("Validation", "must be less than {lt}"),
    "less_than_equal": QT_TRANSLATE_NOOP("Validation", "must be at most {le}"),
    "int_parsing": QT_TRANSLATE_NOOP("Validation", "must be a whole number"),
    "int_type": QT_TRANSLATE_NOOP("Validation", "must be a whole number"),
    "int_from_float": QT_TRANSLATE_NOOP("Validation", "must be a whole number"),
    "float_parsing": QT_TRANSLATE_NOOP("Validation", "must be a number"),
    "float_type": QT_TRANSLATE_NOOP("Validation", "must be a number"),
    "finite_number": QT_TRANSLATE_NOOP("Validation", "must be a finite number"),
    "bool_parsing": QT_TRANSLATE_NOOP("Validation", "must be yes or no"),
    "missing": QT_TRANSLATE_NOOP("Validation", "is required"),
    "enum": QT_TRANSLATE_NOOP("Validation", "must be one of {expected}"),
    "literal_error": QT_TRANSLATE_NOOP("Validation", "must be one of {expected}"),
    "not_one_of": QT_TRANSLATE_NOOP("Validation", "'{value}' is not one of {allowed}"),
    "finetune_needs_data": QT_TRANSLATE_NOOP("Validation", "fine-tuning needs samples (with sequence length and epochs) or tokens"),
    "gpu_and_count": QT_TRANSLATE_NOOP("Validation", "a GPU and a GPU count go together"),
    "active_exceeds_total": QT_TRANSLATE_NOOP("Validation", "active parameters ({active}) exceed total parameters ({total})"),
    "kv_heads_exceed_heads": QT_TRANSLATE_NOOP("Validation", "KV heads ({kv_heads}) must be at most heads ({heads})"),
    "experts_exceed": QT_TRANSLATE_NOOP("Validation", "experts per token must be at most the number of experts"),
    "not_a_date": QT_TRANSLATE_NOOP("Validation", "'{value}' is not a date (YYYY-MM-DD)"),
}


def _ctx_text(v) -> str:
    if isinstance(v, float):
        return f"{v:.4g}" if abs(v) < 1e6 else fmt_count(v)
    return str(v)


def validation_message(err: dict) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) as a sentence in the current language."""
    template = _VALIDATION.get(err.get("type", ""))
    if template is None:
        return str(err.get("msg", "invalid")).removeprefix("Value error, ")
    ctx = {k: _ctx_text(v) for k, v in (err.get("ctx") or {}).items()}
    try:
        return translate("Validation", template).format(**ctx)
    except (KeyError, IndexError, ValueError):
        return str(err.get("msg", "invalid"))


_CATALOG_PROBLEMS = {
    "shipped_missing": QT_TRANSLATE_NOOP("CatalogProblem", "{path} not found; the catalog was read from its CSV sources (run `gpu-planner catalog build`)."),
    "overlay_unreadable": QT_TRANSLATE_NOOP("CatalogProblem", "Your catalog {path} could not be read ({error}); using the shipped catalog only. The file was left untouched."),
    "overlay_moved": QT_TRANSLATE_NOOP("CatalogProblem", "Your catalog {path} is damaged ({error}); it was moved to {aside} (kept, not deleted) and the shipped catalog is used. Re-import your entries from CSV."),
    "overlay_migrated": QT_TRANSLATE_NOOP("CatalogProblem", "Your catalog {path} was upgraded from schema {found} to {expected}; the previous file is kept as {backup}."),
    "overlay_schema": QT_TRANSLATE_NOOP("CatalogProblem", "Your catalog {path} has schema {found}, this app reads {expected}; it was left untouched and not used."),
}


def catalog_problem_message(problem) -> str:
    """A CatalogProblem (code + params) as a sentence in the current language."""
    template = _CATALOG_PROBLEMS.get(getattr(problem, "code", ""))
    if template is None:
        return str(problem)
    return translate("CatalogProblem", template).format(**problem.params)


# ----- assumptions (the report's and the result page's "Assumptions and sources") ---------------
ASSUMPTION_NAMES = {
    "bytes_per_param_accounting": QT_TRANSLATE_NOOP("Report", "Memory per parameter in training"),
    "activations": QT_TRANSLATE_NOOP("Report", "Activation memory"),
    "recompute": QT_TRANSLATE_NOOP("Report", "Activation recomputation"),
    "chinchilla_tokens_per_param": QT_TRANSLATE_NOOP("Report", "Tokens per parameter (from scratch)"),
    "currency": QT_TRANSLATE_NOOP("Report", "Currency"),
    "fx_jpy_per_usd": QT_TRANSLATE_NOOP("Report", "Exchange rate (JPY per USD)"),
    "electricity_price_per_kwh": QT_TRANSLATE_NOOP("Report", "Electricity price per kWh"),
    "pue": QT_TRANSLATE_NOOP("Report", "Data-centre overhead (PUE)"),
    "host_cost_fraction": QT_TRANSLATE_NOOP("Report", "Servers and network, share of GPU price"),
    "overhead_fixed_bytes": QT_TRANSLATE_NOOP("Report", "Fixed memory per GPU (CUDA, libraries)"),
    "overhead_fraction": QT_TRANSLATE_NOOP("Report", "Memory fragmentation"),
    "cpt_fraction": QT_TRANSLATE_NOOP("Report", "Continued pre-training share of from-scratch tokens"),
    "mfu": QT_TRANSLATE_NOOP("Report", "Utilisation (MFU)"),
    "target_days": QT_TRANSLATE_NOOP("Report", "Target duration without a deadline (days)"),
    "mbu": QT_TRANSLATE_NOOP("Report", "Memory-bandwidth utilisation when generating"),
    "service_hours": QT_TRANSLATE_NOOP("Report", "Hours of service over the horizon"),
}

# The core's assumption texts (app/core/planner.py, scenario.DEFAULT_SOURCES, throughput.MFU_SOURCES),
# word for word, so that they can be translated; tests/test_i18n.py fails when the core's texts drift.
ASSUMPTION_TEXTS = {
    "ZeRO 16 (2 weights + 2 gradients + 12 AdamW states)": QT_TRANSLATE_NOOP("Assumptions", "ZeRO 16 (2 weights + 2 gradients + 12 AdamW states)"),
    "Rajbhandari et al. 2020 (ZeRO), §3.1 and Figure 1; Megatron's 18 and DeepSpeed's estimator's 20 differ by fp32 gradient buffers": QT_TRANSLATE_NOOP("Assumptions", "Rajbhandari et al. 2020 (ZeRO), §3.1 and Figure 1; Megatron's 18 and DeepSpeed's estimator's 20 differ by fp32 gradient buffers"),
    "Korthikanti et al. 2022 Table 2, sequence parallel with TP": QT_TRANSLATE_NOOP("Assumptions", "Korthikanti et al. 2022 Table 2, sequence parallel with TP"),
    "default: selective for full training, full for LoRA/QLoRA": QT_TRANSLATE_NOOP("Assumptions", "default: selective for full training, full for LoRA/QLoRA"),
    "selective": QT_TRANSLATE_NOOP("Assumptions", "selective"),
    "full": QT_TRANSLATE_NOOP("Assumptions", "full"),
    "none": QT_TRANSLATE_NOOP("Assumptions", "none"),
    "Hoffmann et al. 2022 (Chinchilla), compute-optimal ~20 tokens per parameter (Table 3: 70B -> 1.4T)": QT_TRANSLATE_NOOP("Assumptions", "Hoffmann et al. 2022 (Chinchilla), compute-optimal ~20 tokens per parameter (Table 3: 70B -> 1.4T)"),
    "Seed article §5-6: continued pre-training needs 10-20% of the from-scratch tokens (70B: 100-200B of 1.4T); we take the low end": QT_TRANSLATE_NOOP("Assumptions", "Seed article §5-6: continued pre-training needs 10-20% of the from-scratch tokens (70B: 100-200B of 1.4T); we take the low end"),
    "Assumed 150 JPY/USD (set 2026-11-28); edit to the rate of your budget date": QT_TRANSLATE_NOOP("Assumptions", "Assumed 150 JPY/USD (set 2026-11-28); edit to the rate of your budget date"),
    "Assumed 30 JPY/kWh (Japanese high-voltage business tariff, order of magnitude); edit to your contract": QT_TRANSLATE_NOOP("Assumptions", "Assumed 30 JPY/kWh (Japanese high-voltage business tariff, order of magnitude); edit to your contract"),
    "Uptime Institute Global Data Center Survey 2024: industry average PUE 1.56; we use 1.5": QT_TRANSLATE_NOOP("Assumptions", "Uptime Institute Global Data Center Survey 2024: industry average PUE 1.56; we use 1.5"),
    "Estimate: server chassis, CPUs, RAM, NICs and switches add ~25% to the GPU price of an 8-GPU node": QT_TRANSLATE_NOOP("Assumptions", "Estimate: server chassis, CPUs, RAM, NICs and switches add ~25% to the GPU price of an 8-GPU node"),
    "Estimate: CUDA context, cuBLAS/NCCL workspaces ~1 GiB per GPU (PyTorch CUDA context alone is 0.3-0.5 GiB)": QT_TRANSLATE_NOOP("Assumptions", "Estimate: CUDA context, cuBLAS/NCCL workspaces ~1 GiB per GPU (PyTorch CUDA context alone is 0.3-0.5 GiB)"),
    "Estimate: 5% allocator fragmentation on top of the computed tensors": QT_TRANSLATE_NOOP("Assumptions", "Estimate: 5% allocator fragmentation on top of the computed tensors"),
    "Assumed round-the-clock service (24 h x 30 days); the seed's 8 h x 20 days is one edit away": QT_TRANSLATE_NOOP("Assumptions", "Assumed round-the-clock service (24 h x 30 days); the seed's 8 h x 20 days is one edit away"),
    "Assumed 3-year horizon (seed article §2 compares cloud and on-prem over 3 years)": QT_TRANSLATE_NOOP("Assumptions", "Assumed 3-year horizon (seed article §2 compares cloud and on-prem over 3 years)"),
    "no deadline given: search aims to finish within 90 days": QT_TRANSLATE_NOOP("Assumptions", "no deadline given: search aims to finish within 90 days"),
    "Databricks 2023, 'LLM Inference Performance Engineering: Best Practices' (MBU definition; 50% worked example; ~80% for tuned stacks)": QT_TRANSLATE_NOOP("Assumptions", "Databricks 2023, 'LLM Inference Performance Engineering: Best Practices' (MBU definition; 50% worked example; ~80% for tuned stacks)"),
    "Llama 2 model card (7B 184,320 / 70B 1,720,320 A100 GPU-hours for 2T tokens -> MFU 0.39 / 0.43); Llama 3 paper Table 4 (405B: 38-43% BF16 MFU on H100); OPT-175B 147 TFLOP/s per A100 (0.47); DeepSeek-V3 report (180K H800 GPU-hours per trillion tokens -> 0.35 of BF16 peak)": QT_TRANSLATE_NOOP("Assumptions", "Llama 2 model card (7B 184,320 / 70B 1,720,320 A100 GPU-hours for 2T tokens -> MFU 0.39 / 0.43); Llama 3 paper Table 4 (405B: 38-43% BF16 MFU on H100); OPT-175B 147 TFLOP/s per A100 (0.47); DeepSeek-V3 report (180K H800 GPU-hours per trillion tokens -> 0.35 of BF16 peak)"),
}
_PERCENT = {"host_cost_fraction", "overhead_fraction", "cpt_fraction", "mfu", "mbu"}


def source_text(text: str) -> str:
    """One of the core's default sources (scenario.DEFAULT_SOURCES) in the current language."""
    return translate("Assumptions", ASSUMPTION_TEXTS[text]) if text in ASSUMPTION_TEXTS else text


def assumption_name(name: str) -> str:
    return translate("Report", ASSUMPTION_NAMES[name]) if name in ASSUMPTION_NAMES else name


def assumption_value(a) -> str:
    """An assumption's value for people: 1.0 GiB, 40%, 150; texts translated."""
    v = a.value
    if isinstance(v, str):
        return translate("Assumptions", ASSUMPTION_TEXTS[v]) if v in ASSUMPTION_TEXTS else v
    if v is None:
        return "–"
    if a.name == "overhead_fixed_bytes":
        return fmt_bytes(v)
    if a.name in _PERCENT:
        return f"{v:.0%}"
    return f"{v:,.4g}" if abs(v) < 1e6 else f"{v:,.0f}"


def assumption_source(a, lang: str = "en") -> str:
    """Where an assumption comes from, in the current language: a flag the user set, a date, a citation."""
    src = a.source
    if src in ASSUMPTION_TEXTS:
        return source_text(src)
    if src.startswith("--"):
        return translate("Assumptions", "entered by the user ({0})").format(src)
    if src.startswith("user setting, as of "):
        return translate("Assumptions", "your setting, rate as of {0}").format(fmt_date(src.rsplit(" ", 1)[-1], lang))
    if src.startswith("range ") and "; " in src:  # the MFU model: "range lo-hi; sources"
        rng, _, rest = src.partition("; ")
        lo, _, hi = rng.removeprefix("range ").partition("-")
        cited = translate("Assumptions", ASSUMPTION_TEXTS[rest]) if rest in ASSUMPTION_TEXTS else rest
        return translate("Assumptions", "range {0}–{1}; {2}").format(lo, hi, cited)
    return src


def fmt_date(iso: str | None, lang: str = "en") -> str:
    """An ISO date (2026-11-28, or 2024-07) in the reader's form: 2026年11月28日 / 28 Nov 2026."""
    if not iso:
        return "–"
    parts = str(iso).split("-")
    try:
        nums = [int(x) for x in parts]
    except ValueError:
        return str(iso)
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    if len(nums) == 3 and 1 <= nums[1] <= 12:
        return f"{nums[0]}年{nums[1]}月{nums[2]}日" if lang == "ja" else f"{nums[2]} {months[nums[1] - 1]} {nums[0]}"
    if len(nums) == 2 and 1 <= nums[1] <= 12:
        return f"{nums[0]}年{nums[1]}月" if lang == "ja" else f"{months[nums[1] - 1]} {nums[0]}"
    return str(iso)


_PRICINGS = {"on-demand": QT_TRANSLATE_NOOP("Labels", "on-demand"), "spot": QT_TRANSLATE_NOOP("Labels", "spot"),
             "reserved": QT_TRANSLATE_NOOP("Labels", "reserved")}


def pricing_text(pricing: str) -> str:
    """A cloud offer's kind (on-demand, spot, reserved) in the current language."""
    return translate("Labels", _PRICINGS[pricing]) if pricing in _PRICINGS else pricing


# ----- catalog CSV problems (app/catalog/csv_io.py codes) ---------------------------------------
_CSV_PROBLEMS = {
    "required": QT_TRANSLATE_NOOP("CatalogCsv", "is required ({allowed})"),
    "not_id": QT_TRANSLATE_NOOP("CatalogCsv", "{value!r} is not an id: use {allowed}"),
    "not_allowed": QT_TRANSLATE_NOOP("CatalogCsv", "{value!r} is not {allowed}"),
    "out_of_range": QT_TRANSLATE_NOOP("CatalogCsv", "{value!r} is out of range: {allowed}"),
    "empty_file": QT_TRANSLATE_NOOP("CatalogCsv", "the file is empty; expected a header line"),
    "unknown_column": QT_TRANSLATE_NOOP("CatalogCsv", "unknown column for {kind}; allowed: {columns}"),
    "missing_column": QT_TRANSLATE_NOOP("CatalogCsv", "required column is missing from the header ({allowed})"),
    "too_many_cells": QT_TRANSLATE_NOOP("CatalogCsv", "more cells than header columns ({count})"),
    "duplicate_id": QT_TRANSLATE_NOOP("CatalogCsv", "duplicate id {value!r} (first on line {first})"),
    "not_utf8": QT_TRANSLATE_NOOP("CatalogCsv", "not UTF-8 text; save the CSV as UTF-8"),
    "unknown_kind": QT_TRANSLATE_NOOP("CatalogCsv", "cannot tell which catalog this is from the header (needs the columns of one of {signatures})"),
}


def column_allowed(col) -> str:
    """What a catalog column accepts (schema.Column.allowed), in the current language."""
    if col.type == "choice":
        return translate("CatalogCsv", "one of {0}").format(", ".join(col.choices))
    if col.type == "bool":
        return translate("CatalogCsv", "true or false")
    if col.type == "date":
        return translate("CatalogCsv", "a date YYYY-MM-DD (or YYYY-MM, YYYY)")
    if col.type == "id":
        return translate("CatalogCsv", "lower-case letters, digits and - . _ (e.g. h100-sxm)")
    if col.type == "ref":
        return translate("CatalogCsv", "an id from the {0} catalog").format(col.ref)
    if col.type in ("float", "int"):
        kind = translate("CatalogCsv", "a whole number") if col.type == "int" else translate("CatalogCsv", "a number")
        bounds = [b for b in ((f"> {col.gt:g}" if col.gt is not None else None),
                              (f">= {col.ge:g}" if col.ge is not None else None),
                              (f"<= {col.le:g}" if col.le is not None else None)) if b]
        return kind + (" " + translate("CatalogCsv", " and ").join(bounds) if bounds else "")
    return translate("CatalogCsv", "text")


def csv_problem_text(problem) -> str:
    """A CSV problem's message (without line and column) in the current language."""
    if problem.code == "spec":
        return validation_message(problem.params["error"])
    template = _CSV_PROBLEMS.get(problem.code)
    if template is None:
        return problem.message
    params = dict(problem.params)
    if "col" in params:
        params["allowed"] = column_allowed(params.pop("col"))
    return translate("CatalogCsv", template).format(**params)


def csv_problem_message(problem) -> str:
    """"line 3, column memory_gib: 'lots' is not a number > 0", in the current language."""
    text = csv_problem_text(problem)
    if problem.column:
        return translate("CatalogCsv", "line {0}, column {1}: {2}").format(problem.line, problem.column, text)
    return translate("CatalogCsv", "line {0}: {1}").format(problem.line, text)

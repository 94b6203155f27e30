"""The report's content: sections built from a Plan, as HTML that QTextDocument lays out, plus the
chart images it refers to (``chart://name``). Everything the user typed is escaped, so a plan named
``<b>x</b> & 東京`` prints literally."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app import __version__
from app.wording import (assumption_name, assumption_source, assumption_value, finding_message, finding_reason,
                         fmt_bytes, fmt_count, fmt_date, fmt_duration, fmt_money, labels_text, pricing_text,
                         suggestion_message, verdict_message)

# Rendered width; printed ~17 cm wide -> ~300 dpi. 2400 px (~360 dpi) made the PDF writer's image
# compression alone 0.7 s of a 1.5 s export and the export's images ~100 MB of memory (issue 10).
CHART_WIDTH_PX = 2000


def tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def esc(v) -> str:
    return html.escape("" if v is None else str(v))


@dataclass
class Report:
    title: str
    html: str
    images: dict[str, object] = field(default_factory=dict)  # name -> QImage
    footer: str = ""
    lang: str = "en"


GOAL_NAMES = {
    "inference": QT_TRANSLATE_NOOP("Report", "Inference (serving an existing model)"),
    "finetune": QT_TRANSLATE_NOOP("Report", "Fine-tuning (adjusting an existing model)"),
    "cpt": QT_TRANSLATE_NOOP("Report", "Continued pre-training (adding knowledge)"),
    "scratch": QT_TRANSLATE_NOOP("Report", "Training from scratch (a new model)"),
}

GLOSSARY = (
    (QT_TRANSLATE_NOOP("Report", "GPU"), QT_TRANSLATE_NOOP("Report", "The processor that does the arithmetic of AI models. Its memory (VRAM) decides what fits.")),
    (QT_TRANSLATE_NOOP("Report", "Parameters"), QT_TRANSLATE_NOOP("Report", "The numbers a model learns; 7B = 7 billion. Memory grows with them.")),
    (QT_TRANSLATE_NOOP("Report", "Tokens"), QT_TRANSLATE_NOOP("Report", "Pieces of text the model reads; about one per Japanese character or 0.75 English words.")),
    (QT_TRANSLATE_NOOP("Report", "Inference"), QT_TRANSLATE_NOOP("Report", "Using a trained model to answer requests.")),
    (QT_TRANSLATE_NOOP("Report", "Fine-tuning / LoRA / QLoRA"), QT_TRANSLATE_NOOP("Report", "Adjusting a model with your examples; LoRA trains small add-ons, QLoRA does so on a 4-bit copy of the model.")),
    (QT_TRANSLATE_NOOP("Report", "Continued pre-training"), QT_TRANSLATE_NOOP("Report", "Training an existing model further on a large body of new text (e.g. Japanese).")),
    (QT_TRANSLATE_NOOP("Report", "MFU"), QT_TRANSLATE_NOOP("Report", "Model FLOPs utilisation: the share of the GPU's peak arithmetic the job really uses (typically 30-50%).")),
    (QT_TRANSLATE_NOOP("Report", "Tensor / pipeline / data parallelism"), QT_TRANSLATE_NOOP("Report", "Ways to split one model or job over many GPUs; tensor parallelism needs fast links (NVLink).")),
    (QT_TRANSLATE_NOOP("Report", "ZeRO / FSDP"), QT_TRANSLATE_NOOP("Report", "Spreading optimizer states, gradients and weights over GPUs to save memory.")),
    (QT_TRANSLATE_NOOP("Report", "NVLink / PCIe / InfiniBand"), QT_TRANSLATE_NOOP("Report", "Links between GPUs inside a server (NVLink fast, PCIe slower) and between servers (InfiniBand, Ethernet).")),
    (QT_TRANSLATE_NOOP("Report", "PUE"), QT_TRANSLATE_NOOP("Report", "Power usage effectiveness: data-centre power per unit of IT power (cooling etc.); 1.5 means +50%.")),
    (QT_TRANSLATE_NOOP("Report", "Break-even"), QT_TRANSLATE_NOOP("Report", "The amount of use after which buying GPUs costs less than renting them.")),
)


def _money(v, cur, lang, compact: bool = False):
    return esc(fmt_money(v, cur, lang, compact))




MEMORY_PARTS = {
    "weights": QT_TRANSLATE_NOOP("Report", "weights"),
    "gradients": QT_TRANSLATE_NOOP("Report", "gradients"),
    "optimizer": QT_TRANSLATE_NOOP("Report", "optimizer states"),
    "activations": QT_TRANSLATE_NOOP("Report", "activations"),
    "kv_cache": QT_TRANSLATE_NOOP("Report", "KV cache"),
    "overhead": QT_TRANSLATE_NOOP("Report", "runtime overhead"),
}


def _short_layout(o, training: bool) -> str:
    p = o.parallelism
    if training:
        return f"TP{p.tp} PP{p.pp} DP{p.dp}" + (f" Z{p.zero_stage}" if p.zero_stage else "")
    return f"TP{p.tp} PP{p.pp} ×{p.replicas}"


def _table(headers: list[str], rows: list[list[str]], widths: list[int] | None = None, cls: str = "grid") -> str:
    head = "".join(f"<th{f' width={widths[i]}%' if widths else ''}>{h}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    # <thead>: Qt repeats the header row on every page the table runs over
    return f'<table class="{cls}" width="100%" cellspacing="0" cellpadding="4"><thead><tr>{head}</tr></thead>{body}</table>'


def _layout_text(o, training: bool) -> str:
    p = o.parallelism
    if training:
        return QCoreApplication.translate("Report", "tensor {0} × pipeline {1} × data {2}{3}").format(
            p.tp, p.pp, p.dp, QCoreApplication.translate("Report", ", ZeRO stage {0}").format(p.zero_stage) if p.zero_stage else "")
    return QCoreApplication.translate("Report", "tensor {0} × pipeline {1}, {2} replica(s)").format(p.tp, p.pp, p.replicas)


STYLE = """
body { font-family: '%(font)s'; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 20pt; color: #0b3d91; margin-bottom: 2pt; }
h2 { font-size: 13.5pt; color: #0b3d91; margin-top: 16pt; margin-bottom: 4pt; border-bottom: 1px solid #0b3d91; }
h3 { font-size: 11pt; color: #303030; margin-top: 10pt; margin-bottom: 2pt; }
p { margin-top: 3pt; margin-bottom: 3pt; }
.sub { color: #555555; font-size: 9pt; }
.verdict-ok { font-size: 13pt; font-weight: bold; color: #1b5e20; }
.verdict-no { font-size: 13pt; font-weight: bold; color: #b00020; }
table.grid { border-collapse: collapse; }
table.grid th { background-color: #e8eef8; color: #0b3d91; font-weight: bold; text-align: left; border-bottom: 1px solid #9fb3d9; }
table.grid td { border-bottom: 1px solid #dddddd; vertical-align: top; }
table.kv td { padding: 2pt 6pt 2pt 0pt; vertical-align: top; }
table.box { background-color: #f3f6fb; border: 1px solid #c5d3ea; }
.num { text-align: right; }
.small { font-size: 8.5pt; color: #444444; }
"""


def build_report(plan, scenario, catalog, name: str, lang: str, curves: dict | None = None,
                 date: dt.date | None = None, charts: bool = True) -> Report:
    """The whole report for one plan, in ``lang`` whatever the app's current language. ``curves``
    (gpu id -> CurvePoints) feed the scaling chart; computed here when not given. ``charts=False``
    skips chart images (Markdown export)."""
    from app.i18n import language

    with language(lang):
        return _build_report(plan, scenario, catalog, name, lang, curves, date, charts)


def _build_report(plan, scenario, catalog, name, lang, curves, date, charts) -> Report:
    from app.fonts import FAMILY

    s, p = scenario, plan
    cur = s.currency
    date = date or dt.date.today()
    training = s.is_training
    best = p.options[0] if p.options else None
    gpus = {g.id: g for g in catalog.gpus()}
    offers = {o.id: o for o in catalog.offers()}
    out: list[str] = [f"<html><head><style>{STYLE % {'font': FAMILY}}</style></head><body>"]
    images: dict[str, object] = {}

    # ----- first page: the decision ----------------------------------------------------------
    _t0 = QCoreApplication.translate("Report", "GPU plan")
    out.append(f"<h1>{_t0}: {esc(name)}</h1>")
    out.append(f'<p class="sub">{esc(fmt_date(date.isoformat(), lang))} · {esc(tr(GOAL_NAMES[s.goal.value]))} · {esc(s.model.name)}</p>')
    vclass = "verdict-ok" if p.verdict.feasible else "verdict-no"
    out.append(f'<p class="{vclass}">{esc(verdict_message(p.verdict.code, p.verdict.params, lang, cur))}</p>')
    if p.verdict.suggestions:
        out.append("<p><b>" + QCoreApplication.translate("Report", "Ways to make it feasible, nearest first:") + "</b></p><ul>")
        for sug in p.verdict.suggestions:
            out.append(f"<li>{esc(suggestion_message(sug.code, sug.params, lang, cur))}</li>")
        out.append("</ul>")
    if best is not None:
        _t0 = QCoreApplication.translate("Report", "server(s)")
        rows = [
            (QCoreApplication.translate("Report", "Recommended"), f"<b>{best.gpu_count} × {esc(best.gpu_name)}</b> ({best.nodes} {_t0})"),
            (QCoreApplication.translate("Report", "Layout"), esc(_layout_text(best, training)) + f", {esc(best.precision)}"),
        ]
        if training:
            lo, hi = best.wall_clock_s_range
            rows.append((QCoreApplication.translate("Report", "Time"), QCoreApplication.translate("Report", "{0} (range {1} – {2})").format(
                esc(fmt_duration(best.wall_clock_s)), esc(fmt_duration(lo)), esc(fmt_duration(hi)))))
            for label, v in ((QCoreApplication.translate("Report", "Cost, cloud"), best.cost.cloud), (QCoreApplication.translate("Report", "Cost, on-premises"), best.cost.onprem)):
                if v is not None:
                    rows.append((label, QCoreApplication.translate("Report", "{0} (range {1} – {2})").format(
                        _money(v, cur, lang), _money(v * lo / best.wall_clock_s, cur, lang),
                        _money(v * hi / best.wall_clock_s, cur, lang))))
        else:
            rows.append((QCoreApplication.translate("Report", "Speed"), QCoreApplication.translate("Report", "{0:.1f} tokens/s per user, {1:,.0f} tokens/s in all").format(
                best.decode_tokens_per_s, best.throughput_tokens_per_s)))
            rows.append((QCoreApplication.translate("Report", "Cost over {0:g} years").format(s.years),
                         QCoreApplication.translate("Report", "cloud {0}, on-premises {1}").format(_money(best.cost.cloud, cur, lang), _money(best.cost.onprem, cur, lang))))
        rows.append((QCoreApplication.translate("Report", "Memory per GPU"), QCoreApplication.translate("Report", "{0} of {1}").format(esc(fmt_bytes(best.memory_per_gpu_bytes)),
                                                                  esc(fmt_bytes(best.memory_capacity_bytes)))))
        if best.cost.breakeven_months is not None:
            rows.append((QCoreApplication.translate("Report", "Buy or rent"), QCoreApplication.translate("Report", "buying pays back after {0:.1f} months at {1:g} h/day").format(
                best.cost.breakeven_months, s.hours_per_day)))
        out.append('<table class="box" width="100%" cellpadding="6"><tr><td><table class="kv">')
        out += [f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows]
        out.append("</table></td></tr></table>")
    out.append('<p class="small">' + QCoreApplication.translate("Report", "Time ranges span the utilisation range seen in published runs (MFU 0.30–0.50 scaled by the GPU and layout); cost ranges follow the time.") + "</p>")

    # ----- 1 inputs --------------------------------------------------------------------------
    _t0 = QCoreApplication.translate("Report", "What was asked")
    out.append(f"<h2>1. {_t0}</h2>")
    m = s.model
    inputs = [
        (QCoreApplication.translate("Report", "Goal"), esc(tr(GOAL_NAMES[s.goal.value]))),
        (QCoreApplication.translate("Report", "Model"), esc(m.name) + " — " + QCoreApplication.translate("Report", "{0} parameters{1}").format(
            esc(fmt_count(m.params_total)), QCoreApplication.translate("Report", ", {0} active per token").format(esc(fmt_count(m.params_active))) if m.is_moe else "")),
    ]
    if training:
        inputs.append((QCoreApplication.translate("Report", "Training data"), QCoreApplication.translate("Report", "{0} tokens").format(esc(fmt_count(p.workload.tokens)))
                       + (f" ({esc(s.method.value)})" if s.goal.value == "finetune" else "")))
        inputs.append((QCoreApplication.translate("Report", "Compute"), QCoreApplication.translate("Report", "{0:.3g} FLOP (6 × parameters × tokens)").format(p.workload.train_flops)))
    else:
        inputs.append((QCoreApplication.translate("Report", "Serving"), QCoreApplication.translate("Report", "{0} weights, {1:,} tokens of context, {2} simultaneous users").format(
            esc(s.quant.upper()), s.inference_context, s.concurrency)))
    cons = []
    if s.budget:
        cons.append(QCoreApplication.translate("Report", "budget {0}").format(_money(s.budget, cur, lang)))
    if s.deadline_days:
        cons.append(QCoreApplication.translate("Report", "deadline {0:g} days").format(s.deadline_days))
    cons.append({"any": QCoreApplication.translate("Report", "cloud or on-premises"), "cloud": QCoreApplication.translate("Report", "cloud only"), "onprem": QCoreApplication.translate("Report", "on-premises only")}[s.deployment.value])
    if s.own:
        cons.append(QCoreApplication.translate("Report", "own GPUs: {0}").format(esc(", ".join(f"{n} × {gpus[g].name if g in gpus else g}" for g, n in s.own.items()))))
    if s.power_limit_kw:
        cons.append(QCoreApplication.translate("Report", "power limit {0:g} kW").format(s.power_limit_kw))
    cons.append(QCoreApplication.translate("Report", "at most {0:,} GPUs").format(s.max_gpus))
    inputs.append((QCoreApplication.translate("Report", "Constraints"), "; ".join(cons)))
    out.append('<table class="kv">' + "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in inputs) + "</table>")

    # ----- 2 the recommended configuration -----------------------------------------------------
    if best is not None:
        _t0 = QCoreApplication.translate("Report", "The recommended configuration")
        out.append(f"<h2>2. {_t0}</h2>")
        g = gpus.get(best.gpu)
        desc = [
            QCoreApplication.translate("Report", "{0} × {1} in {2} server(s) of {3} GPUs.").format(best.gpu_count, esc(best.gpu_name), best.nodes,
                                                                  g.gpus_per_node if g else "?"),
            QCoreApplication.translate("Report", "Layout: {0}; number format {1}.").format(esc(_layout_text(best, training)), esc(best.precision)),
        ]
        if g is not None:
            link = (QCoreApplication.translate("Report", "NVLink joins {0} GPUs").format(g.nvlink_domain) if g.has_nvlink else QCoreApplication.translate("Report", "no NVLink (PCIe Gen{0} only)").format(g.pcie_gen))
            desc.append(QCoreApplication.translate("Report", "Each GPU: {0} memory, {1:.0f} TFLOPS BF16 (dense), {2}.").format(
                esc(fmt_bytes(g.memory_bytes)), g.peak_flops_bf16 / 1e12, esc(link)))
        if training:
            desc.append(QCoreApplication.translate("Report", "Expected utilisation (MFU) {0:.0%}; {1:,.0f} GPU-hours.").format(best.mfu, best.gpu_hours))
        out.append("<p>" + " ".join(desc) + "</p>")
        mb = best.memory_breakdown_bytes
        mrows = [[esc(tr(label)), esc(fmt_bytes(getattr(mb, k)))] for k, label in MEMORY_PARTS.items() if getattr(mb, k) > 0]
        _t0 = QCoreApplication.translate("Report", "total per GPU")
        mrows.append([f"<b>{_t0}</b>", f"<b>{esc(fmt_bytes(mb.total))}</b> / {esc(fmt_bytes(best.memory_capacity_bytes))}"])
        _t0 = QCoreApplication.translate("Report", "Memory per GPU")
        out.append(f"<h3>{_t0}</h3>")
        if charts:
            images["memory"] = _chart_memory(best)
            out.append('<table width="100%"><tr><td width="42%">' + _table([QCoreApplication.translate("Report", "Part"), QCoreApplication.translate("Report", "Size")], mrows) +
                       '</td><td width="58%"><img src="chart://memory" width="360"></td></tr></table>')
        else:
            out.append(_table([QCoreApplication.translate("Report", "Part"), QCoreApplication.translate("Report", "Size")], mrows))

        # ----- 3 alternatives ----------------------------------------------------------------
        _t0 = QCoreApplication.translate("Report", "Alternatives")
        out.append(f"<h2>3. {_t0}</h2>")
        arows = []
        for i, o in enumerate(p.options[:12], 1):
            speed = esc(fmt_duration(o.wall_clock_s)) if training else QCoreApplication.translate("Report", "{0:.1f} tok/s").format(o.decode_tokens_per_s)
            why = labels_text(o.labels)
            arows.append([str(i), f"{o.gpu_count} × {esc(o.gpu_name)}", esc(_short_layout(o, training)), speed,
                          _money(o.cost.cloud, cur, lang, True), _money(o.cost.onprem, cur, lang, True), esc(why)])
        cur_unit = "" if cur == "USD" else (" (円)" if lang == "ja" else " (JPY)")
        out.append(_table(["#", QCoreApplication.translate("Report", "GPUs"), QCoreApplication.translate("Report", "Layout"), QCoreApplication.translate("Report", "Time") if training else QCoreApplication.translate("Report", "Speed"), QCoreApplication.translate("Report", "Cloud") + cur_unit,
                           QCoreApplication.translate("Report", "On-prem"), QCoreApplication.translate("Report", "Why listed")], arows, [4, 30, 17, 11, 10, 10, 18]))
        out.append('<p class="small">' + QCoreApplication.translate("Report", "TP tensor, PP pipeline, DP data parallel; Z ZeRO stage.") + "</p>")
        if p.rejected_summary:
            out.append('<p class="small">' + QCoreApplication.translate("Report", "{0} configurations evaluated in all; not listed: {1}.").format(
                p.evaluated, esc(", ".join(f"{n} {finding_reason(k)}" for k, n in p.rejected_summary.items()))) + "</p>")

        # ----- 4 cloud vs on-prem ------------------------------------------------------------
        _t0 = QCoreApplication.translate("Report", "Rent or buy")
        out.append(f"<h2>4. {_t0}</h2>")
        c = best.cost
        lines = []
        if c.cloud_price_per_gpu_hour is not None:
            src = ""
            if c.cloud_offer and c.cloud_offer in offers:
                of = offers[c.cloud_offer]
                src = QCoreApplication.translate("Report", " — {0}, {1}, {2} (as of {3})").format(esc(of.name), esc(pricing_text(of.pricing)), esc(of.region), esc(fmt_date(of.as_of, lang)))
            lines.append(QCoreApplication.translate("Report", "Cloud price: {0} per GPU-hour{1}.").format(_money(c.cloud_price_per_gpu_hour, cur, lang), src))
        if c.gpu_price is not None:
            lines.append(QCoreApplication.translate("Report", "Purchase: {0} per GPU plus {1:.0%} for servers and network; power {2:.1f} kW with PUE {3:g} at {4} per kWh.").format(
                _money(c.gpu_price, cur, lang), s.host_cost_fraction, c.power_kw, s.pue, _money(s.electricity_price, cur, lang)))
        if c.breakeven_months is not None:
            lines.append(QCoreApplication.translate("Report", "Used {0:g} hours a day, buying becomes cheaper than renting after <b>{1:.1f} months</b> ({2:.0%} utilisation over {3:g} years).").format(
                s.hours_per_day, c.breakeven_months, c.breakeven_utilisation or 0, s.years))
        if c.cloud_horizon_full_use is not None and c.onprem_horizon_full_use is not None:
            lines.append(QCoreApplication.translate("Report", "Over {0:g} years of round-the-clock use: renting {1}, buying {2}.").format(
                s.years, _money(c.cloud_horizon_full_use, cur, lang), _money(c.onprem_horizon_full_use, cur, lang)))
        offer_currency = offers[c.cloud_offer].currency if c.cloud_offer in offers else cur
        if cur == "JPY" or offer_currency != cur:  # catalog purchase prices are in USD
            from app.core.constants import DEFAULT_FX_AS_OF

            when = (fmt_date(s.fx_as_of, lang) if s.fx_as_of else
                    QCoreApplication.translate("Report", "assumed rate set {0}").format(fmt_date(DEFAULT_FX_AS_OF, lang)))
            lines.append(QCoreApplication.translate("Report", "Prices converted at {0:g} JPY per USD ({1}).").format(
                s.fx_jpy_per_usd, esc(when)))
        out.append("<p>" + "<br>".join(lines) + "</p>")
        if charts and (c.cloud_price_per_gpu_hour is not None or c.onprem is not None):
            images["breakeven"] = _chart_breakeven(s, best, lang)
            out.append('<p align="center"><img src="chart://breakeven" width="640"></p>')

        # ----- 5 scaling ---------------------------------------------------------------------
        if charts:
            if curves is None:
                curves = _curves(s, p, catalog)
            if curves:
                _t0 = QCoreApplication.translate("Report", "More or fewer GPUs")
                out.append(f"<h2>5. {_t0}</h2>")
                out.append("<p>" + QCoreApplication.translate("Report", "Time and cost against the number of GPUs for the leading GPU types; the dashed lines are the deadline and the budget.") + "</p>")
                images["scaling"] = _chart_scaling(s, curves, gpus, lang)
                out.append('<p align="center"><img src="chart://scaling" width="640"></p>')

    # ----- 6 published runs ------------------------------------------------------------------
    if training and best is not None:
        _t0 = QCoreApplication.translate("Report", "Compared with published training runs")
        out.append(f"<h2>6. {_t0}</h2>")
        rep = _reported_backtest(catalog)
        if rep and rep.runs:
            out.append("<p>" + QCoreApplication.translate("Report", "The same model predicts the GPU-hours of {0} published runs with a median error of {1:.0%} (the planner is optimistic by {2:.0%} in the median); treat the time as ±{1:.0%}.").format(
                rep.runs, rep.median_abs_error, -rep.median_error) + "</p>")
        if charts:
            images["runs"] = _chart_runs(catalog, p, best)
            out.append('<p align="center"><img src="chart://runs" width="640"></p>')

    # ----- 7 findings and risks ---------------------------------------------------------------
    _t0 = QCoreApplication.translate("Report", "Findings and risks")
    out.append(f"<h2>7. {_t0}</h2>")
    fl = list(p.findings) + (list(best.findings) if best else [])
    if fl:
        out.append("<ul>" + "".join(
            f"<li>{'⚠ ' if f.severity != 'info' else ''}{esc(finding_message(f.code, f.params, lang, cur))}</li>" for f in fl) + "</ul>")
    else:
        out.append("<p>" + QCoreApplication.translate("Report", "None.") + "</p>")
    out.append("<p>" + QCoreApplication.translate("Report", "Estimates assume a well-tuned software stack (Megatron-LM, DeepSpeed, FSDP or vLLM); hardware failures and restarts add time that published runs report as 5–20%.") + "</p>")

    # ----- 8 assumptions and sources ------------------------------------------------------------
    out.append('<h2 style="page-break-before: always">8. ' + QCoreApplication.translate("Report", "Assumptions and sources") + "</h2>")
    arows = [[esc(assumption_name(a.name)), esc(assumption_value(a)), esc(assumption_source(a, lang))]
             for a in p.assumptions if a.name != "currency"]
    out.append(_table([QCoreApplication.translate("Report", "Assumption"), QCoreApplication.translate("Report", "Value"), QCoreApplication.translate("Report", "Source")], arows, [22, 14, 64]))
    srows = []
    for gid in list(dict.fromkeys(o.gpu for o in p.options))[:5]:
        g = gpus.get(gid)
        if g:
            srows.append([esc(g.name), esc(g.source), esc(fmt_date(g.as_of, lang))])
    for oid in list(dict.fromkeys(o.cost.cloud_offer for o in p.options if o.cost.cloud_offer))[:5]:
        of = offers.get(oid)
        if of:
            srows.append([esc(f"{of.name} ({pricing_text(of.pricing)})"), esc(of.source), esc(fmt_date(of.as_of, lang))])
    srows.append([esc(m.name), esc(m.source or QCoreApplication.translate("Report", "entered by the user")), esc(fmt_date(m.as_of, lang))])
    _t0 = QCoreApplication.translate("Report", "Catalog entries used")
    out.append(f"<h3>{_t0}</h3>")
    out.append(_table([QCoreApplication.translate("Report", "Entry"), QCoreApplication.translate("Report", "Source"), QCoreApplication.translate("Report", "As of")], srows, [26, 60, 14]))

    # ----- 9 glossary -----------------------------------------------------------------------------
    _t0 = QCoreApplication.translate("Report", "Glossary")
    out.append(f"<h2>9. {_t0}</h2>")
    out.append('<table class="kv">' + "".join(f"<tr><td><b>{esc(tr(k))}</b></td><td>{esc(tr(v))}</td></tr>" for k, v in GLOSSARY) + "</table>")
    out.append("</body></html>")
    footer = QCoreApplication.translate("Report", "LLM GPU Planner {0} · catalog {1} · {2}").format(__version__, catalog.version(), fmt_date(date.isoformat(), lang))
    _t0 = QCoreApplication.translate("Report", "GPU plan")
    return Report(title=f"{_t0}: {name}", html="".join(out), images=images, footer=footer, lang=lang)


_BACKTESTS: dict = {}


def _reported_backtest(catalog):
    """The backtest summary on reported GPU-hours, once per catalog content (0.1-0.3 s each time)."""
    key = catalog.version()
    if key not in _BACKTESTS:
        from app.core.backtest import backtest

        bt = backtest(list(catalog.runs()), list(catalog.gpus()), list(catalog.models()))
        _BACKTESTS.clear()
        _BACKTESTS[key] = next((x for x in bt.summaries if x.basis == "reported"), None)
    return _BACKTESTS[key]


# ----- charts, rendered with the wizard's chart widgets ---------------------------------------------

def _render(chart, width: int = 660, height: int = 380):
    """A chart widget as a high-resolution QImage (drawn offscreen). ``width`` x ``height`` is about
    its printed size at 96 dpi, so labels keep their size; the image is CHART_WIDTH_PX wide."""
    import pyqtgraph.exporters as ex
    from PySide6.QtGui import QImage

    chart.view.resize(width, height)
    chart.view.scene().setSceneRect(0, 0, width, height)
    chart.view.ci.setGeometry(chart.view.scene().sceneRect())
    exporter = ex.ImageExporter(chart.view.scene())
    exporter.parameters()["width"] = CHART_WIDTH_PX
    exporter.parameters()["antialias"] = True
    # Opaque (the exporter fills the background): without the alpha channel the PDF writer embeds no
    # soft mask. The conversion is also the copy that detaches the image from the exporter.
    return exporter.export(toBytes=True).convertToFormat(QImage.Format.Format_RGB32)


_CHARTS: dict = {}


def _chart(kind: str):
    """One chart widget per kind and language for the life of the process, reused by every report
    (axis titles are set in the widget's language when it is built)."""
    from app.i18n import current_language

    key = (kind, current_language())
    ch = _CHARTS.get(key)
    if ch is None:
        if kind == "memory":
            from app.ui.charts.memory import MemoryChart as C
        elif kind == "breakeven":
            from app.ui.charts.breakeven import BreakevenChart as C
        elif kind == "scaling":
            from app.ui.charts.scaling import ScalingChart as C
        else:
            from app.ui.charts.runs import RunsChart as C
        ch = _CHARTS[key] = C()
        if len(_CHARTS) == 1:
            import atexit

            atexit.register(_dispose_charts)
    return ch


def _dispose_charts() -> None:
    """Delete the report's chart widgets while Qt and Python are both still alive (at exit)."""
    import shiboken6

    for ch in _CHARTS.values():
        if shiboken6.isValid(ch):
            shiboken6.delete(ch)
    _CHARTS.clear()


def _chart_memory(option):
    ch = _chart("memory")
    ch.set_data(option.memory_breakdown_bytes.model_dump(), option.memory_capacity_bytes)
    return _render(ch, 400, 380)


def _chart_breakeven(s, option, lang):
    from app.core.cost import cumulative_costs

    ch = _chart("breakeven")
    xs, cloud, onprem = cumulative_costs(s, option.cost, option.gpu_count, int(max(12, round(s.years * 12))))
    ch.set_data(xs, cloud, onprem, option.cost.breakeven_months, s.currency, lang)
    return _render(ch)


def _curves(s, plan, catalog, n: int = 3) -> dict:
    from app.core.recommend import scaling_curve

    by_id = {g.id: g for g in catalog.gpus()}
    seen = []
    for o in plan.options:
        if o.fits and o.gpu not in seen:
            seen.append(o.gpu)
        if len(seen) == n:
            break
    top = max([o.gpu_count for o in plan.options] + [8])
    caches: dict = {}
    return {g: scaling_curve(s, by_id[g], list(catalog.offers()), max_count=max(16, top * 4), caches=caches) for g in seen}


def _chart_scaling(s, curves, gpus, lang):
    ch = _chart("scaling")
    ch.set_data({gpus[g].name if g in gpus else g: pts for g, pts in curves.items()}, training=s.is_training,
                deadline_s=(s.deadline_days or 0) * 86400.0 or None, budget=s.budget, currency=s.currency,
                lang=lang, deployment=s.deployment.value)
    return _render(ch, 660, 330)


def _chart_runs(catalog, plan, best):
    runs = []
    for r in catalog.runs():
        n = r.params_active or r.params_total
        hours = r.gpu_hours or (r.gpu_count * r.days * 24 if r.gpu_count and r.days else None)
        if n and r.tokens and hours:
            runs.append((r.name, 6.0 * n * r.tokens, hours))
    ch = _chart("runs")
    ch.set_data(runs, (QCoreApplication.translate("Report", "this plan"), plan.workload.train_flops, best.gpu_hours))
    return _render(ch)

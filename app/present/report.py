"""The report of one plan as a ReportDocument: page 1 carries the decision; then what was asked, the
recommended configuration and its memory, the alternatives, rent or buy, more or fewer GPUs, published
runs, findings and risks, assumptions and sources, and a glossary. Drawn from a PlanOutcome only."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from app import __version__
from app.core import assumptions as A
from app.core.assumptions import DEFAULT_FX_AS_OF
from app.core.results import Option
from app.i18n import QT_TRANSLATE_NOOP, language, translate
from app.planning.outcome import PlanOutcome
from app.present.document import (
    Block,
    Bullets,
    Columns,
    Figure,
    Heading,
    Inline,
    KeyValues,
    Paragraph,
    ReportDocument,
    Run,
    Section,
    Table,
    runs,
)
from app.present.fields import flag
from app.present.glossary import glossary
from app.present.palette import line_key
from app.present.risk import main_risk
from app.present.text.assumptions import assumption_name, assumption_source, assumption_value
from app.present.text.format import (
    engine_name,
    flops_parts,
    fmt_bytes,
    fmt_count,
    fmt_date,
    fmt_duration,
    fmt_money,
    layout_label,
    layout_text,
    method_text,
    model_name,
    stack_name,
    utilisation_text,
)
from app.present.text.messages import (
    finding_message,
    finding_reason,
    labels_text,
    pricing_text,
    suggestion_message,
    verdict_message,
)

GOAL_NAMES = {
    "inference": QT_TRANSLATE_NOOP("Report", "Inference (serving an existing model)"),
    "finetune": QT_TRANSLATE_NOOP("Report", "Fine-tuning (adjusting an existing model)"),
    "cpt": QT_TRANSLATE_NOOP("Report", "Continued pre-training (adding knowledge)"),
    "scratch": QT_TRANSLATE_NOOP("Report", "Training from scratch (a new model)"),
}


MEMORY_PARTS = {
    "weights": QT_TRANSLATE_NOOP("Report", "weights"),
    "gradients": QT_TRANSLATE_NOOP("Report", "gradients"),
    "optimizer": QT_TRANSLATE_NOOP("Report", "optimizer states"),
    "activations": QT_TRANSLATE_NOOP("Report", "activations"),
    "logits": QT_TRANSLATE_NOOP("Report", "loss (logits)"),
    "buffers": QT_TRANSLATE_NOOP("Report", "communication buffers"),
    "kv_cache": QT_TRANSLATE_NOOP("Report", "KV cache"),
    "overhead": QT_TRANSLATE_NOOP("Report", "runtime overhead"),
}


def _tr(marked_text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("Report", …), in the current language."""
    return translate("Report", marked_text)


_BOLD = re.compile(r"<b>(.*?)</b>")


def marked(template: str, *args: Any) -> Inline:
    """A translated template whose <b>…</b> marks bold, formatted with ``args`` (data, never markup:
    the markers are split off before the arguments go in)."""
    out: Inline = []
    pos = 0
    for m in _BOLD.finditer(template):
        if m.start() > pos:
            out.append(Run(template[pos:m.start()].format(*args)))
        out.append(Run(m.group(1).format(*args), bold=True))
        pos = m.end()
    if pos < len(template):
        out.append(Run(template[pos:].format(*args)))
    return out


class _Ctx:
    """What every section needs: the outcome, the language and the currency."""

    def __init__(self, out: PlanOutcome, lang: str, date: dt.date | None = None):
        self.out, self.lang = out, lang
        self.date = date or dt.date.today()
        self.s, self.p = out.scenario, out.plan
        self.cur = out.scenario.currency
        self.training = out.scenario.is_training
        self.best = out.best

    def money(self, v: float | None, compact: bool = False) -> str:
        return fmt_money(v, self.cur, self.lang, compact)


def build_report(out: PlanOutcome, name: str, lang: str, date: dt.date | None = None) -> ReportDocument:
    """The whole report of one plan in ``lang``, whatever the app's current language."""
    with language(lang):
        return _build(_Ctx(out, lang, date), name, date or dt.date.today())


def _build(c: _Ctx, name: str, date: dt.date) -> ReportDocument:
    sections = [_asked(c)]
    if c.best is not None:
        sections += [_configuration(c), _alternatives(c), _rent_or_buy(c)]
        if not c.training:
            sections.insert(2, _serving(c))
        if c.out.sensitivity:
            sections.append(_sensitivity(c))
        if c.out.curves:
            sections.append(_scaling(c))
    if c.training and c.best is not None:
        sections.append(_published(c))
    sections += [_findings(c), _sources(c), _glossary()]
    sections[0].page_break_before = True  # page 1 is the executive summary alone
    title = translate("Report", "GPU plan") + ": " + name
    subtitle = " · ".join((fmt_date(date.isoformat(), c.lang), _tr(GOAL_NAMES[c.s.goal.value]), model_name(c.s.model)))
    footer = translate("Report", "LLM GPU Planner {0} · catalog {1} · {2}").format(
        __version__, c.out.catalog_version, fmt_date(date.isoformat(), c.lang))
    return ReportDocument(title=title, subtitle=subtitle, lead=_decision(c, len(sections) - 1), sections=sections, footer=footer, lang=c.lang)


def _decision(c: _Ctx, sources_no: int) -> list[Block]:
    """Page 1, the executive summary: the verdict, the decision in figures, rent/buy/own side by side,
    the main risk and the next steps (``sources_no``, the number of the assumptions section)."""
    p = c.p
    blocks: list[Block] = [Paragraph(runs(verdict_message(p.verdict.code, p.verdict.params, c.lang, c.cur)),
                                     "verdict-ok" if p.verdict.feasible else "verdict-no")]
    if p.verdict.suggestions:
        blocks.append(Paragraph([Run(translate("Report", "Ways to make it feasible, nearest first:"), bold=True)]))
        blocks.append(Bullets([runs(suggestion_message(x.code, x.params, c.lang, c.cur)) for x in p.verdict.suggestions]))
    best = c.best
    if best is not None:
        blocks.append(KeyValues(_key_rows(c, best), boxed=True))
        choices = _choices(c)
        if choices is not None:
            blocks += [Heading(translate("Report", "Rent, buy or use your own")), choices]
        blocks += [Heading(translate("Report", "Main risk")), Paragraph(runs(main_risk(c.out, c.lang)))]
    blocks += [Heading(translate("Report", "Next steps")), Bullets([runs(x) for x in _next_steps(c, sources_no)])]
    if c.training:
        blocks.append(Paragraph(runs(translate("Report", "Time ranges are ×{0:.2f} to ×{1:.2f} of the estimate: 80% of published training runs fall inside, predicted without seeing them (docs/time.md); cost ranges follow the time.").format(
            A.value("time_range_low"), A.value("time_range_high"))), "small"))
    return blocks


def _key_rows(c: _Ctx, best: Option) -> list[tuple[str, Inline]]:
    rows: list[tuple[str, Inline]] = [
        (translate("Report", "Recommended"), [Run(f"{best.gpu_count} × {best.gpu_name}", bold=True),
                                              Run(" ({0} {1})".format(best.nodes, translate("Report", "server(s)")))]),
        (translate("Report", "Layout"), runs(layout_text(best.parallelism, not c.training) + f", {best.precision or best.weight_format}")),
    ]
    costs = c.out.option_costs[0] if c.out.option_costs else None
    if c.training and best.job_s is not None and best.job_s_range is not None:
        lo, hi = best.job_s_range
        rows.append((translate("Report", "Time"), runs(translate("Report", "{0} (range {1} – {2})").format(
            fmt_duration(best.job_s), fmt_duration(lo), fmt_duration(hi)))))
        for label, v, rng in ((translate("Report", "Cost, cloud"), best.cost.cloud, costs.cloud_range if costs else None),
                              (translate("Report", "Cost, on-premises"), best.cost.onprem, costs.onprem_range if costs else None)):
            if v is not None and rng is not None:
                rows.append((label, runs(translate("Report", "{0} (range {1} – {2})").format(
                    c.money(v), c.money(rng[0]), c.money(rng[1])))))
    else:
        rows.append((translate("Report", "Speed"), runs(translate("Report", "{0:.1f} tokens/s per user, {1:,.0f} tokens/s in all").format(
            best.decode_tokens_per_s, best.throughput_tokens_per_s))))
        rows.append((translate("Report", "Cost over {0:g} years").format(c.s.years), runs(translate(
            "Report", "cloud {0}, on-premises {1}").format(c.money(best.cost.cloud), c.money(best.cost.onprem)))))
        rows += _serving_key_rows(c, best)
    rows.append((translate("Report", "Memory per GPU"), runs(translate("Report", "{0} of {1}").format(
        fmt_bytes(best.memory_per_gpu_bytes), fmt_bytes(best.memory_capacity_bytes)))))
    decision = c.p.verdict.params.get("decision") if c.p.verdict.feasible else None
    if decision:
        rows.append((translate("Report", "Decision"), runs(_decision_text(c, best, str(decision)))))
    elif best.cost.breakeven_months is not None:
        rows.append((translate("Report", "Buy or rent"), runs(translate("Report", "buying pays back after {0:.1f} months at {1:g} h/day").format(
            best.cost.breakeven_months, c.s.hours_per_day))))
    return rows


def _ways(c: _Ctx) -> list[tuple[str, Option, float]]:
    """The cheapest option each way (rent, buy, own) among those that fit and meet the deadline, with
    its cost for the job (training) or the horizon (serving)."""
    ok = [o for o in c.p.options if o.fits and o.meets_deadline]
    if c.s.deployment.value == "onprem":
        rent = []
    else:
        rent = [(o, o.cost.cloud) for o in ok if o.cost.cloud is not None and "owned" not in o.labels]
    buy = [] if c.s.deployment.value == "cloud" else [
        (o, o.cost.onprem) for o in ok if o.cost.onprem is not None and "owned" not in o.labels and o.cost.gpu_price_source != "not_sold"]
    own = [(o, o.cost.onprem) for o in ok if o.cost.onprem is not None and "owned" in o.labels]
    out = []
    for way, cands in (("rent", rent), ("buy", buy), ("own", own)):
        if cands:
            o, v = min(cands, key=lambda x: (x[1], x[0].duration_s))
            out.append((way, o, float(v or 0.0)))
    return out


def _choices(c: _Ctx) -> Table | None:
    """Rent, buy and use your own side by side: the cheapest way each, with what it costs up front and
    what it leaves you with; the recommended way marked."""
    ways = _ways(c)
    if not ways:
        return None
    decision = str(c.p.verdict.params.get("decision") or "") if c.p.verdict.feasible else ""
    names = {"rent": translate("Report", "Rent in the cloud"), "buy": translate("Report", "Buy (on-premises)"),
             "own": translate("Report", "Use the GPUs you own")}
    rows: list[list[Inline]] = []
    for way, o, v in ways:
        cost = o.cost
        upfront = cost.items.get("gpu_purchase", 0.0) + cost.items.get("host", 0.0) if way == "buy" else 0.0
        if way == "rent":
            note = translate("Report", "{0} per GPU-hour; nothing to buy").format(c.money(cost.cloud_price_per_gpu_hour)) \
                if cost.cloud_price_per_gpu_hour is not None else translate("Report", "nothing to buy")
        elif way == "buy":
            note = translate("Report", "the GPUs stay yours; {0:.1f} kW of power").format(cost.power_kw)
            if cost.breakeven_months is not None:
                note += translate("Report", "; cheaper than renting after {0:.1f} months at {1:g} h/day").format(
                    cost.breakeven_months, c.s.hours_per_day)
        else:
            note = translate("Report", "power and hosting only")
        label = [Run(names[way], bold=way == decision)]
        if way == decision:
            label.append(Run(translate("Report", " (recommended)"), bold=True))
        speed = fmt_duration(o.job_s) if c.training and o.job_s is not None else translate("Report", "{0:.1f} tokens/s per user").format(o.decode_tokens_per_s)
        rows.append([label, runs(f"{o.gpu_count} × {o.gpu_name}"), runs(speed), runs(c.money(v)),
                     runs(c.money(upfront) if upfront else "—"), runs(note)])
    cost_head = translate("Report", "Cost of the job") if c.training else translate("Report", "Cost over {0:g} years").format(c.s.years)
    return Table([translate("Report", "Way"), translate("Report", "GPUs"),
                  translate("Report", "Time") if c.training else translate("Report", "Speed"), cost_head,
                  translate("Report", "Up front"), translate("Report", "Note")], rows, widths=[20, 19, 11, 12, 11, 27])


def _next_steps(c: _Ctx, sources_no: int) -> list[str]:
    """What to do on Monday: quotes for the chosen way, a pilot that measures the speed, the checks."""
    best, s = c.best, c.s
    steps: list[str] = []
    if best is None or not c.p.verdict.feasible:
        steps.append(translate("Report", "Choose one of the ways to make it feasible above, change it in the plan and plan again."))
    if best is not None:
        # an infeasible plan has no decision: quotes for the way the recommended option is priced
        decision = str(c.p.verdict.params.get("decision") or ("rent" if best.cost.cloud_price_per_gpu_hour is not None else "buy"))
        what = f"{best.gpu_count} × {best.gpu_name}"
        if decision == "buy":
            steps.append(translate("Report", "Ask two vendors for {0} server(s) with {1} and check {2:.1f} kW of power and cooling at the site.").format(
                best.nodes, what, best.cost.power_kw))
        elif decision == "own":
            steps.append(translate("Report", "Reserve your {0} for the time above.").format(what))
        else:
            of = c.out.offers.get(best.cost.cloud_offer or "")
            where = of.name if of is not None else translate("Report", "two cloud providers")
            steps.append(translate("Report", "Ask {0} for {1} and its price; this plan assumes {2} per GPU-hour.").format(
                where, what, c.money(best.cost.cloud_price_per_gpu_hour)))
        if c.training:
            steps.append(translate("Report", "Run a pilot of an hour on one server and record its speed (Tools → I measured a run): later plans use the measured speed instead of the estimate."))
        else:
            steps.append(translate("Report", "Load-test {0} with {1} simultaneous users and these prompt lengths before committing.").format(
                engine_name(s.engine.value), s.concurrency))
    steps.append(translate("Report", "Check the prices and assumptions in section {0} against your own quotes.").format(sources_no))
    return steps


def _serving_key_rows(c: _Ctx, best: Option) -> list[tuple[str, Inline]]:
    """The lead box for serving: the service level, the price of a million tokens, the API verdict."""
    from app.present.apis import per_million, verdict_line

    rows: list[tuple[str, Inline]] = []
    sl = best.service_level
    if sl is not None:
        from app.present.text.messages import target_name

        state = translate("Report", "met") if sl.met else translate("Report", "not met")
        binds = translate("Report", "; {0} binds").format(target_name(sl.binding)) if sl.binding else ""
        rows.append((translate("Report", "Service level"), runs(translate("Report", "{0} with {1} replica(s){2}").format(
            state, sl.replicas, binds))))
    cmp = c.out.apis
    if cmp is not None and best.cost_per_million_tokens.get(cmp.deployment):
        tp = best.cost_per_million_tokens[cmp.deployment]
        rows.append((translate("Report", "Per 1M tokens"), runs(per_million(tp.blended, c.cur, c.lang))))
        line = verdict_line(c.out, c.lang)
        if line:
            rows.append((translate("Report", "Against APIs"), runs(line)))
    return rows


def _decision_text(c: _Ctx, best: Option, decision: str) -> str:
    """Rent, buy or use your own, with the other side's cost; for a rented training job, the
    continued use at which buying would pay back."""
    cost = best.cost
    if decision == "own":
        return translate("Report", "use the GPUs you own ({0} in power)").format(c.money(cost.onprem))
    if decision == "buy":
        if cost.cloud is None:
            return translate("Report", "buy ({0} with servers and power)").format(c.money(cost.onprem))
        return translate("Report", "buy ({0} with servers and power; renting {1})").format(c.money(cost.onprem), c.money(cost.cloud))
    if cost.onprem is None:
        return translate("Report", "rent ({0})").format(c.money(cost.cloud))
    if c.training and cost.breakeven_months is not None:
        return translate("Report", "rent for this job ({0}; buying {1}); buying pays back only with continued use, after {2:.1f} months at {3:g} h/day").format(
            c.money(cost.cloud), c.money(cost.onprem), cost.breakeven_months, c.s.hours_per_day)
    return translate("Report", "rent ({0}; buying {1})").format(c.money(cost.cloud), c.money(cost.onprem))


def _asked(c: _Ctx) -> Section:
    s, m = c.s, c.s.model
    rows: list[tuple[str, Inline]] = [
        (translate("Report", "Goal"), runs(_tr(GOAL_NAMES[s.goal.value]))),
        (translate("Report", "Model"), runs(model_name(m) + " — " + translate("Report", "{0} parameters{1}").format(
            fmt_count(m.params_total), translate("Report", ", {0} active per token").format(fmt_count(m.params_active)) if m.is_moe else ""))),
    ]
    if c.training:
        rows.append((translate("Report", "Training data"), runs(translate("Report", "{0} tokens").format(fmt_count(c.p.workload.tokens))
                                               + (f" ({method_text(s.method.value)})" if s.goal.value == "finetune" else ""))))
        if s.goal.value == "finetune" and s.method.value != "full":
            formula = translate("Report", "4 × parameters × tokens for the frozen base, + 6 × adapter parameters × tokens")
        elif m.is_moe:
            formula = translate("Report", "6 × active parameters × tokens")
        else:
            formula = translate("Report", "6 × parameters × tokens")
        before, _, after = translate("Report", "{0} FLOP ({1})").format("{0}", formula).partition("{0}")
        base, exp = flops_parts(c.p.workload.train_flops)
        rows.append((translate("Report", "Compute"), [Run(before), Run(base), *([Run(exp, sup=True)] if exp else []),
                                                      Run(after)]))
    else:
        rows.append((translate("Report", "Serving"), runs(translate("Report", "{0} weights, {1:,} tokens of context, {2} simultaneous users").format(
            s.quant.upper(), s.inference_context, s.concurrency))))
        rows.append((translate("Report", "Requests"), runs(translate("Report", "{0:,} prompt and {1:,} answer tokens each; {2}").format(
            s.prompt_len, s.output_tokens, engine_name(s.engine.value)))))
        if s.has_service_level:
            rows.append((translate("Report", "Service level"), runs(_service_targets(c))))
    cons = []
    if s.budget:
        cons.append(translate("Report", "budget {0}").format(c.money(s.budget)))
    if s.deadline_days:
        cons.append(translate("Report", "deadline {0:g} days").format(s.deadline_days))
    elif s.deadline_is_target and s.target_days is not None:
        cons.append(translate("Report", "no deadline: the {0:g}-day target").format(s.target_days))
    cons.append({"any": translate("Report", "cloud or on-premises"), "cloud": translate("Report", "cloud only"), "onprem": translate("Report", "on-premises only")}[s.deployment.value])
    if s.own:
        cons.append(translate("Report", "own GPUs: {0}").format(translate("Report", ", ").join(f"{n} × {c.out.gpu_name(g)}" for g, n in s.own.items())))
    if s.power_limit_kw:
        cons.append(translate("Report", "power limit {0:g} kW").format(s.power_limit_kw))
    cons.append(translate("Report", "at most {0:,} GPUs").format(s.max_gpus))
    rows.append((translate("Report", "Constraints"), runs(translate("Report", "; ").join(cons))))
    return Section(translate("Report", "What was asked"), [KeyValues(rows)])


def _service_targets(c: _Ctx) -> str:
    s = c.s
    parts = []
    if s.min_tokens_per_s is not None:
        parts.append(translate("Report", "answers at {0:g} tokens/s or faster for each user").format(s.min_tokens_per_s))
    if s.max_ttft_s is not None:
        parts.append(translate("Report", "first token within {0}").format(fmt_duration(s.max_ttft_s)))
    if s.spare_replicas:
        parts.append(translate("Report", "one spare replica (N+1)"))
    return translate("Report", "; ").join(parts)


def _serving(c: _Ctx) -> Section:
    """Serving: how the service level is met, the price of a million tokens, and the APIs."""
    from app.present.apis import api_headers, api_rows, caveat, per_million, self_hosting_line, verdict_line

    best = c.best
    assert best is not None
    blocks: list[Block] = []
    sl = best.service_level
    if sl is not None:
        f = next((f for f in best.findings if f.code in ("service_level_met", "service_level_missed")), None)
        if f is not None:
            blocks.append(Paragraph(runs(finding_message(f.code, f.params, c.lang, c.cur))))
    prices = best.cost_per_million_tokens
    if prices:
        names = {"cloud": translate("Report", "Rented"), "onprem": translate("Report", "Bought")}
        rows = [[runs(names[k]), runs(per_million(v.input, c.cur, c.lang)), runs(per_million(v.output, c.cur, c.lang)),
                 runs(per_million(v.blended, c.cur, c.lang))] for k, v in prices.items()]
        blocks.append(Heading(translate("Report", "Price of a million tokens at this load")))
        blocks.append(Table([translate("Report", "Deployment"), translate("Report", "Input"), translate("Report", "Output"),
                             translate("Report", "All tokens")], rows, [31, 23, 23, 23]))
        blocks.append(Paragraph(runs(translate("Report", "The option's cost over the horizon divided by the tokens it serves at this load in the hours of use; idle hours stay in the cost. The GPU's time is split between prompts (input) and answers (output) as the throughput model spends it.")), "small"))
    if c.out.apis is not None:
        blocks.append(Heading(translate("Report", "Self-hosting or an API")))
        blocks += [Paragraph(runs(x)) for x in (self_hosting_line(c.out, c.lang), verdict_line(c.out, c.lang)) if x]
        blocks.append(Table(api_headers(), [[runs(x) for x in r] for r in api_rows(c.out, c.lang)], [18, 30, 11, 11, 14, 16]))
        blocks.append(Paragraph(runs(caveat(c.out, c.lang)), "small"))
    return Section(translate("Report", "Service level, price per token and APIs"), blocks)


def _configuration(c: _Ctx) -> Section:
    best = c.best
    assert best is not None
    g = c.out.gpus.get(best.gpu)
    desc = [
        translate("Report", "{0} × {1} in {2} server(s) of {3} GPUs.").format(best.gpu_count, best.gpu_name, best.nodes,
                                                                             g.gpus_per_node if g else "?"),
        translate("Report", "Layout: {0}; number format {1}.").format(layout_text(best.parallelism, not c.training),
                                                                       best.precision or best.weight_format),
    ]
    if g is not None:
        link = (translate("Report", "{1} joins {0} GPUs").format(g.nvlink_domain, g.scale_up_link) if g.has_nvlink
                else translate("Report", "no {1} (PCIe Gen{0} only)").format(g.pcie_gen, g.scale_up_link))
        desc.append(translate("Report", "Each GPU: {0} memory, {1:.0f} TFLOPS BF16 (dense), {2}.").format(
            fmt_bytes(g.memory_bytes), g.peak_flops_bf16 / 1e12, link))
    if c.training and best.mfu is not None:
        desc.append(translate("Report", "Expected utilisation (MFU) {0:.0%}; {1:,.0f} GPU-hours.").format(best.mfu, best.gpu_hours))
        desc.append(utilisation_text(best.utilisation_factors, best.hfu, best.mfu))
    mb = best.memory_breakdown_bytes
    mrows = [runs(_tr(label), fmt_bytes(getattr(mb, k))) for k, label in MEMORY_PARTS.items() if getattr(mb, k) > 0]
    table_rows: list[list[Inline]] = [[[r[0]], [r[1]]] for r in mrows]
    table_rows.append([[Run(translate("Report", "total per GPU"), bold=True)],
                       [Run(fmt_bytes(mb.total), bold=True), Run(f" / {fmt_bytes(best.memory_capacity_bytes)}")]])
    table = Table([translate("Report", "Part"), translate("Report", "Size")], table_rows)
    figure = Figure("memory", "memory", {"breakdown": mb.model_dump(), "capacity": best.memory_capacity_bytes},
                    width=360, size=(400, 380))
    return Section(translate("Report", "The recommended configuration"), [
        Paragraph(runs(" ".join(desc))), Heading(translate("Report", "Memory per GPU")), Columns([[table], [figure]], [42, 58]),
        Paragraph(runs(_memory_note(c)), "small")])


def _memory_note(c: _Ctx) -> str:
    """How the memory was worked out and how far a real run may land from it."""
    from app.core import assumptions as A

    best = c.best
    assert best is not None
    spread = A.value("memory_estimate_spread")
    if c.training:
        text = translate("Report", "Memory as {0} allocates it. Published peaks of 43 runs kept out of calibration fall within ±{1:.0%} of this estimate in 41 cases; keep about 10% free.").format(
            stack_name(best.stack or ""), spread)
    else:
        text = translate("Report", "Published memory logs of vLLM and llama.cpp fall within ±{0:.0%} of this estimate; the engine's reservation is included.").format(spread)
    if best.host_memory_per_node_bytes > 0:
        text += " " + translate("Report", "Host RAM needed per server: {0}.").format(fmt_bytes(best.host_memory_per_node_bytes))
    return text



def _alternatives(c: _Ctx) -> Section:
    rows = []
    for i, o in enumerate(c.p.options[:12], 1):
        speed = fmt_duration(o.job_s) if c.training else translate("Report", "{0:.1f} tok/s").format(o.decode_tokens_per_s)
        rows.append([runs(str(i)), runs(f"{o.gpu_count} × {o.gpu_name}"), runs(layout_label(o.parallelism, not c.training, short=True)),
                     runs(speed), runs(c.money(o.cost.cloud, True)), runs(c.money(o.cost.onprem, True)), runs(labels_text(o.labels))])
    cur_unit = "" if c.cur == "USD" else (" (円)" if c.lang == "ja" else " (JPY)")
    blocks: list[Block] = [
        Table(["#", translate("Report", "GPUs"), translate("Report", "Layout"), translate("Report", "Time") if c.training else translate("Report", "Speed"), translate("Report", "Cloud") + cur_unit,
               translate("Report", "On-prem"), translate("Report", "Why listed")], rows, [4, 30, 17, 11, 10, 10, 18]),
        Paragraph(runs(translate("Report", "TP tensor, PP pipeline, DP data parallel; Z ZeRO stage.")), "small"),
    ]
    if c.p.rejected_summary:
        blocks.append(Paragraph(runs(translate("Report", "{0} configurations evaluated in all; not listed: {1}.").format(
            c.p.evaluated, translate("Report", ", ").join(f"{n} {finding_reason(k)}" for k, n in c.p.rejected_summary.items()))), "small"))
    return Section(translate("Report", "Alternatives"), blocks)


def _rent_or_buy(c: _Ctx) -> Section:
    best, s = c.best, c.s
    assert best is not None
    cost = best.cost
    lines: list[Inline] = []
    if cost.cloud_price_per_gpu_hour is not None:
        src = ""
        of = c.out.offers.get(cost.cloud_offer or "")
        if of is not None:
            src = translate("Report", " — {0}, {1}, {2} (as of {3})").format(of.name, pricing_text(of.pricing), of.region,
                                                                           fmt_date(of.as_of, c.lang))
        lines.append(runs(translate("Report", "Cloud price: {0} per GPU-hour{1}.").format(c.money(cost.cloud_price_per_gpu_hour), src)))
    gpu = c.out.gpus.get(best.gpu)
    server = gpu is not None and gpu.server_price_usd is not None and cost.gpu_price_source in ("catalog", "server") and (
        gpu.sold_in_servers or not gpu.sold_separately)
    if cost.gpu_price is not None and server and gpu is not None:
        lines.append(runs(translate("Report", "Purchase: servers of {0} GPUs at {1} each, complete ({2}, as of {3}); power {4:.1f} kW with PUE {5:g} at {6} per kWh.").format(
            gpu.gpus_per_node, c.money(s.from_usd(gpu.server_price_usd or 0.0)), gpu.server_price_source,
            fmt_date(gpu.server_price_as_of, c.lang), cost.power_kw, s.pue, c.money(s.electricity_price))))
    elif cost.gpu_price is not None:
        lines.append(runs(translate("Report", "Purchase: {0} per GPU plus {1:.0%} for servers and network; power {2:.1f} kW with PUE {3:g} at {4} per kWh.").format(
            c.money(cost.gpu_price), s.host_cost_fraction, cost.power_kw, s.pue, c.money(s.electricity_price))))
    if cost.breakeven_months is not None:
        lines.append(marked(translate("Report", "Used {0:g} hours a day, buying becomes cheaper than renting after <b>{1:.1f} months</b> ({2:.0%} utilisation over {3:g} years)."),
                            s.hours_per_day, cost.breakeven_months, cost.breakeven_utilisation or 0, s.years))
    if cost.cloud_horizon_full_use is not None and cost.onprem_horizon_full_use is not None:
        lines.append(runs(translate("Report", "Over {0:g} years of round-the-clock use: renting {1}, buying {2}.").format(
            s.years, c.money(cost.cloud_horizon_full_use), c.money(cost.onprem_horizon_full_use))))
    of = c.out.offers.get(cost.cloud_offer or "")
    if c.cur == "JPY" or (of is not None and of.currency != c.cur):  # catalog purchase prices are in USD
        when = (fmt_date(s.fx_as_of, c.lang) if s.fx_as_of else
                translate("Report", "assumed rate set {0}").format(fmt_date(DEFAULT_FX_AS_OF, c.lang)))
        lines.append(runs(translate("Report", "Prices converted at {0:g} JPY per USD ({1}).").format(s.fx_jpy_per_usd, when)))
    blocks: list[Block] = [Paragraph(line) for line in lines]
    series = c.out.option_costs[0].series if c.out.option_costs else None
    if series is not None and (cost.cloud_price_per_gpu_hour is not None or cost.onprem is not None):
        blocks.append(Figure("breakeven", "breakeven", {"months": series.months, "cloud": series.cloud, "onprem": series.onprem,
                                                        "breakeven_months": series.breakeven_months,
                                                        "currency": c.cur, "lang": c.lang}))
    return Section(translate("Report", "Rent or buy"), blocks)


def _sensitivity(c: _Ctx) -> Section:
    """Each uncertain assumption across its range, the tornado of the cost, and what would flip the decision."""
    from app.present.sensitivity import flip_lines, swing_rows

    rows = swing_rows(c.out, c.lang)
    blocks: list[Block] = [Paragraph(runs(translate("Report", "The recommended configuration with one assumption at a time at the low and the high end of its range (the sources are in the last section)."))),
                           _swing_table(rows)]
    base = _relevant_cost(c)
    bars = [(r.name, r.cost_values[0], r.cost_values[1]) for r in rows if r.cost_values[0] != r.cost_values[1]]
    if bars and base is not None:
        blocks.append(Paragraph(runs(translate("Report", "The cost of the recommendation ({0}) is the vertical line; each bar is one assumption across its range, blue to its cheaper end, red to its dearer end.").format(
            c.money(base))), "small"))
        blocks.append(Figure("tornado", "tornado", {"rows": bars, "base": base, "currency": c.cur, "lang": c.lang},
                             size=(660, 70 + 40 * len(bars))))
    flips = flip_lines(c.out, c.lang)
    if flips:
        blocks.append(Paragraph(runs(translate("Report", "What would change the decision:")), "sub"))
        blocks.append(Bullets([runs(x) for x in flips]))
    return Section(translate("Report", "What moves the answer"), blocks)


def _swing_table(rows: list[Any]) -> Table:
    return Table([translate("Report", "Assumption"), translate("Report", "Low"), translate("Report", "High"),
                  translate("Report", "Time"), translate("Report", "Cost")],
                 [[runs(r.name), runs(r.low), runs(r.high), runs(r.time or "–"), runs(r.cost)] for r in rows],
                 widths=[30, 12, 12, 20, 26])


def _relevant_cost(c: _Ctx) -> float | None:
    """The recommendation's cost that counts for the deployment (the tornado's centre line): the
    cost the sensitivity swings (app.core.cost.relevant_cost)."""
    from app.core.cost import relevant_cost

    best = c.best
    if best is None:
        return None
    return relevant_cost(c.s, best.cost.cloud, best.cost.onprem, owned=bool(c.s.own.get(best.gpu)))


def _scaling(c: _Ctx) -> Section:
    s = c.s
    series = {c.out.gpu_name(g): pts for g, pts in c.out.curves.items()}
    data = {"series": series, "training": c.training,
            "deadline_s": (s.deadline_days or 0) * 86400.0 or None, "budget": s.budget, "currency": c.cur,
            "lang": c.lang, "deployment": s.deployment.value}
    return Section(translate("Report", "More or fewer GPUs"), [
        Paragraph(runs(translate("Report", "Time and cost against the number of GPUs for the leading GPU types; the dashed lines are the deadline and the budget."))),
        Figure("scaling", "scaling", data, size=(660, 330)), Paragraph(runs(line_key(series)), "small")])


def _published(c: _Ctx) -> Section:
    blocks: list[Block] = []
    rep = c.out.backtest
    if rep is not None and rep.runs and rep.median_abs_error is not None and rep.median_error is not None:
        blocks.append(Paragraph(runs(translate("Report", "The same model predicts the GPU-hours of {0} published runs with a median error of {1:.0%} (the planner is optimistic by {2:.0%} in the median); treat the time as ±{1:.0%}.").format(
            rep.runs, rep.median_abs_error, -rep.median_error))))
    point = c.out.plan_point
    blocks.append(Figure("runs", "runs", {"runs": [(r.name, r.flops, r.gpu_hours) for r in c.out.runs],
                                          "point": (translate("Report", "this plan"), point.flops, point.gpu_hours) if point else None}))
    return Section(translate("Report", "Compared with published training runs"), blocks)


def _findings(c: _Ctx) -> Section:
    fl = list(c.p.findings) + (list(c.best.findings) if c.best else [])
    blocks: list[Block] = []
    if fl:
        blocks.append(Bullets([runs(("⚠ " if f.severity != "info" else "") + finding_message(f.code, f.params, c.lang, c.cur))
                               for f in fl]))
    else:
        blocks.append(Paragraph(runs(translate("Report", "None."))))
    blocks.append(Paragraph(runs(translate("Report", "Estimates assume a well-tuned software stack (Megatron-LM, DeepSpeed, FSDP or vLLM); hardware failures and restarts add time that published runs report as 5–20%."))))
    return Section(translate("Report", "Findings and risks"), blocks)


def _sources(c: _Ctx) -> Section:
    arows = [[runs(assumption_name(a.name)), runs(assumption_value(a)), runs(assumption_source(a, c.lang, flag, c.s.fx_as_of))]
             for a in c.p.assumptions]
    by_kind = {k: [e for e in c.out.entries if e.kind == k]
               for k in ("gpu", "price", "server_price", "offer", "model", "measurement", "api")}
    shown = (by_kind["gpu"][:5] + by_kind["price"][:5] + by_kind["server_price"][:5] + by_kind["offer"][:5]
             + by_kind["model"] + by_kind["measurement"] + by_kind["api"])

    def name(e: Any) -> str:
        if e.kind == "model":
            return model_name(e)  # "custom model" in the report's language
        if e.kind == "offer":
            return f"{e.name} ({pricing_text(c.out.offers[e.id].pricing)})"
        if e.kind == "price":
            return translate("Report", "{0}: purchase price").format(e.name)
        if e.kind == "server_price":
            return translate("Report", "{0}: server price").format(e.name)
        if e.kind == "api":
            return translate("Report", "{0}: API price").format(e.name)
        return str(e.name)

    srows = [[runs(name(e)), runs(e.source or translate("Report", "entered by the user")),
              runs(_dated(e.as_of, c, priced=e.kind in ("price", "server_price", "offer", "api")))] for e in shown]
    return Section(translate("Report", "Assumptions and sources"), [
        Table([translate("Report", "Assumption"), translate("Report", "Value"), translate("Report", "Source")], arows, [25, 13, 62]),
        Heading(translate("Report", "Catalog entries used")),
        Table([translate("Report", "Entry"), translate("Report", "Source"), translate("Report", "As of")], srows, [26, 60, 14])])


def _dated(as_of: str, c: _Ctx, priced: bool) -> str:
    """A catalog date; for a price also its age, marked when older than the 12 months after which a
    plan warns ("Jun 2024 · 29 months ⚠")."""
    from app.planning.freshness import STALE_MONTHS, age_months

    text = fmt_date(as_of, c.lang)
    age = age_months(as_of, c.date) if priced else None
    if age is None:
        return text
    return text + " · " + translate("Report", "{0} months").format(age) + (" ⚠" if age > STALE_MONTHS else "")


def _glossary() -> Section:
    """A grid table (not key–value rows): across a page break it opens again with its header, and no
    term is parted from its explanation."""
    return Section(translate("Report", "Glossary"), [Table([translate("Report", "Term"), translate("Report", "Meaning")],
                                                         [[[Run(k, bold=True)], runs(v)] for k, v in glossary()], widths=[28, 72])])


def build_compare_report(cmp: Any, lang: str, date: dt.date | None = None) -> ReportDocument:
    """Several plans side by side: the inputs that differ and the results (page 1), the recommended
    GPUs' time and cost against GPU count overlaid, then what moves each plan."""
    from app.present.sensitivity import compare_rows, flip_lines, swing_rows

    date = date or dt.date.today()
    with language(lang):
        header, rows = compare_rows(cmp, lang)
        lead: list[Block] = [Paragraph(runs(translate("Report", "Each plan was planned in full with the same catalog; the rows before “Recommendation” are the inputs that differ."))),
                             Table(header, [[runs(x) for x in r] for r in rows])]
        sections: list[Section] = []
        series = {}
        first = cmp.outcomes[0].scenario
        for name, o in zip(cmp.names, cmp.outcomes, strict=True):
            if o.best is not None and o.best.gpu in o.curves:
                series[f"{name}: {o.gpu_name(o.best.gpu)}"] = o.curves[o.best.gpu]
        if series:
            sections.append(Section(translate("Report", "Time and cost against the number of GPUs"), [
                Paragraph(runs(translate("Report", "Each plan's recommended GPU type, drawn on the same axes."))),
                Figure("compare_scaling", "scaling", {"series": series, "training": first.is_training, "deadline_s": None,
                                                      "budget": None, "currency": first.currency, "lang": lang,
                                                      "deployment": first.deployment.value}, size=(660, 330)),
                Paragraph(runs(line_key(series)), "small")]))
        for name, o in zip(cmp.names, cmp.outcomes, strict=True):
            blocks: list[Block] = []
            srows = swing_rows(o, lang)
            if srows:
                blocks.append(_swing_table(srows))
            flips = flip_lines(o, lang)
            if flips:
                blocks.append(Bullets([runs(x) for x in flips]))
            if not blocks:
                blocks.append(Paragraph(runs(translate("Report", "None."))))
            sections.append(Section(translate("Report", "What moves {0}").format(name), blocks))
        title = translate("Report", "Plans compared") + ": " + " · ".join(cmp.names)
        footer = translate("Report", "LLM GPU Planner {0} · catalog {1} · {2}").format(
            __version__, cmp.outcomes[0].catalog_version, fmt_date(date.isoformat(), lang))
        return ReportDocument(title=title, subtitle=fmt_date(date.isoformat(), lang), lead=lead, sections=sections,
                              footer=footer, lang=lang)

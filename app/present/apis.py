"""Self-hosting against commercial APIs, as sentences and table rows (the CLI's text, the wizard's
Costs tab, the report): the same rows everywhere."""

from __future__ import annotations

from typing import Any

from app.i18n import translate
from app.present.text.format import fmt_count, fmt_money, model_name


def _sep(lang: str) -> str:
    return "" if lang == "ja" else " "


def per_million(amount: float | None, currency: str, lang: str) -> str:
    """A price per million tokens: $0.05, ¥7.5 (small amounts keep their cents)."""
    if amount is None:
        return "–"
    if currency == "USD":
        return f"${amount:,.3f}" if amount < 1 else f"${amount:,.2f}"
    return f"¥{amount:,.2f}" if amount < 100 else f"¥{amount:,.0f}"


def caveat(out: Any, lang: str) -> str:
    """The quality caveat, naming the open model and the APIs compared."""
    name = model_name(out.scenario.model)
    return translate("Apis", "Prices only: {0} and each API's model are different models, and their quality is not compared here. "
                             "Even an API serving the same open weights may quantise them, cap the context or filter answers.").format(name)


def self_hosting_line(out: Any, lang: str) -> str | None:
    """"Self-hosting at this load: $0.05 per 1M tokens (input …, output …), 1.2B tokens a month."""
    best, cmp = out.best, out.apis
    if best is None or cmp is None:
        return None
    tp = best.cost_per_million_tokens.get(cmp.deployment)
    if tp is None:
        return None
    cur = cmp.currency
    where = translate("Apis", "rented") if cmp.deployment == "cloud" else translate("Apis", "bought")
    return translate("Apis", "Self-hosting ({0}) at this load: {1} per 1M tokens (input {2}, output {3}); {4} tokens a month for {5} a month.").format(
        where, per_million(tp.blended, cur, lang), per_million(tp.input, cur, lang), per_million(tp.output, cur, lang),
        fmt_count(cmp.monthly_tokens), fmt_money(cmp.monthly_self_hosting, cur, lang))


def verdict_line(out: Any, lang: str) -> str | None:
    """The comparison in one sentence: against the cheapest API serving the same model, else the cheapest API."""
    cmp = out.apis
    if cmp is None or not cmp.rows:
        return None
    same = [r for r in cmp.rows if r.same_model]
    r = min(same or cmp.rows, key=lambda r: r.monthly_cost)
    cur = cmp.currency
    name = r.api.name
    volume = fmt_count(cmp.monthly_tokens)
    if r.breakeven_tokens_per_month is None:
        return translate("Apis", "{0} charges nothing for this workload.").format(name)
    be = fmt_count(r.breakeven_tokens_per_month)
    if r.self_hosting_cheaper:
        text = translate("Apis", "Self-hosting is cheaper than {0} ({1} a month for the same tokens): it beats the API above {2} tokens a month, and this load is {3}.")
    else:
        text = translate("Apis", "{0} is cheaper ({1} a month for the same tokens): self-hosting beats it only above {2} tokens a month, and this load is {3}.")
    return text.format(name, fmt_money(r.monthly_cost, cur, lang), be, volume)


def api_headers() -> list[str]:
    return [translate("Apis", "API"), translate("Apis", "Model served"), translate("Apis", "Input / 1M"),
            translate("Apis", "Output / 1M"), translate("Apis", "This workload a month"), translate("Apis", "Self-hosting cheaper above")]


def api_rows(out: Any, lang: str, rows: list[Any] | None = None) -> list[list[str]]:
    """One row per API shown (app.planning.outcome.shown_apis unless ``rows``)."""
    from app.planning.outcome import shown_apis

    cmp = out.apis
    if cmp is None:
        return []
    cur = cmp.currency
    out_rows = []
    for r in shown_apis(cmp) if rows is None else rows:
        served = r.api.model + (translate("Apis", " (same model)") if r.same_model else "")
        be = translate("Apis", "{0} tokens").format(fmt_count(r.breakeven_tokens_per_month)) if r.breakeven_tokens_per_month else "–"
        out_rows.append([r.api.provider, served, per_million(r.input_per_million, cur, lang),
                         per_million(r.output_per_million, cur, lang), fmt_money(r.monthly_cost, cur, lang), be])
    return out_rows


def api_lines(out: Any, lang: str) -> list[str]:
    """The comparison as lines of text (the CLI's summary)."""
    lines = [x for x in (self_hosting_line(out, lang), verdict_line(out, lang)) if x]
    if not lines:
        return []
    for row in api_rows(out, lang):
        lines.append("  " + " · ".join(row))
    lines.append(caveat(out, lang))
    return lines

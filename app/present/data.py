"""A counted corpus as the ``gpu-planner.tokens/1`` document and as text, and the tokenizer
comparison of ``plan --data`` (the same corpus, planned with each tokenizer's count)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.tokens import FAMILIES
from app.i18n import translate
from app.present.text.format import fmt_bytes, fmt_count, fmt_duration, fmt_money

TOKENS_SCHEMA = "gpu-planner.tokens/1"


def tokens_document(stats: Any, families: list[str], tokenizer_json: str | None) -> dict[str, Any]:
    """The count: files, bytes, characters (by script), records and tokens per tokenizer family
    (estimated from published characters-per-token ratios; exact for a given tokenizer.json)."""
    order = list(dict.fromkeys([*families, *FAMILIES]))
    est = stats.tokens()
    tokens: dict[str, int] = {f: est[f] for f in order}
    tokens.update(stats.exact)
    return {
        "schema": TOKENS_SCHEMA, "files": stats.files, "bytes": stats.bytes, "characters": stats.characters,
        "characters_by_script": dict(stats.chars_by_script), "records": stats.records, "samples": stats.structured_records,
        "longest_record_characters": stats.longest_record_chars, "bad_lines": stats.bad_lines,
        "tokens": tokens, "exact": sorted(stats.exact), "tokenizer_file": tokenizer_json,
        "ratios": {f: {"name": FAMILIES[f].name, "ja": FAMILIES[f].ja, "en": FAMILIES[f].en,
                       "code": round(FAMILIES[f].ratio("code"), 3), "code_derived": FAMILIES[f].code is None,
                       "source": FAMILIES[f].source} for f in order},
        "skipped": [{"path": p, "reason": r} for p, r in stats.skipped],
    }


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def render_tokens(doc: dict[str, Any], lang: str) -> str:
    """The count as lines of text: the totals, then one line per tokenizer."""
    chars = doc["characters"]
    by = doc["characters_by_script"]
    lines = [translate("Data", "{0} files, {1}, {2} characters ({3} Japanese, {4} English/other, {5} code), {6} records").format(
        f"{doc['files']:,}", fmt_bytes(doc["bytes"]), fmt_count(chars), _share(by["ja"], chars), _share(by["en"], chars),
        _share(by["code"], chars), f"{doc['records']:,}")]
    if doc["samples"]:
        lines.append(translate("Data", "{0} samples (JSONL/CSV/Parquet rows): fine-tuning uses one sample per row").format(f"{doc['samples']:,}"))
    lines.append(translate("Data", "Tokens by tokenizer (estimated from published characters per token; exact where marked):"))
    for key, n in doc["tokens"].items():
        name = doc["ratios"][key]["name"] if key in doc["ratios"] else key
        mark = translate("Data", " (exact, tokenizers library)") if key in doc["exact"] else ""
        lines.append(f"  {name:<28} {n:>16,}{mark}")
    if doc["skipped"]:
        lines.append(translate("Data", "Skipped (not text, or unreadable): {0}: {1}").format(
            len(doc["skipped"]), ", ".join(Path(s["path"]).name for s in doc["skipped"][:5])
            + (" …" if len(doc["skipped"]) > 5 else "")))
    if doc["bad_lines"]:
        lines.append(translate("Data", "{0} lines were not valid JSON or CSV and were counted as plain text").format(doc["bad_lines"]))
    return "\n".join(lines)


def render_comparison(doc: dict[str, Any], lang: str) -> str:
    """``plan --data``: which count the plan used, and the plan with every other tokenizer's count."""
    used = doc["used"]
    name = doc["ratios"].get(used["tokenizer"], {}).get("name", used["tokenizer"])
    lines = ["", translate("Data", "Data: {0} tokens with {1}{2}").format(
        fmt_count(used["tokens"]), name, translate("Data", " (exact)") if used["exact"] else translate("Data", " (estimated)"))]
    lines.append(translate("Data", "The same data with other tokenizers (each planned in full):"))
    for r in doc["comparison"]:
        rname = doc["ratios"].get(r["tokenizer"], {}).get("name", r["tokenizer"])
        if not r.get("gpu"):
            lines.append(f"  {rname:<28} {fmt_count(r['tokens']):>8}  " + translate("Data", "no configuration"))
            continue
        lines.append(f"  {rname:<28} {fmt_count(r['tokens']):>8}  {r['gpu_count']} x {r['gpu']:<10} {fmt_duration(r['time_s']):>10}  "
                     f"{fmt_money(r['cloud_cost'], r['currency'], lang, compact=True):>10}")
    return "\n".join(lines)

"""The same plan as Markdown, CSV (the options table), JSON (the contract's document) and
tab-separated text for the clipboard (pastes into a spreadsheet)."""

from __future__ import annotations

import csv
import io
import json
import re

from app.ui.report.document import build_report


def options_rows(plan, scenario, lang: str) -> list[list[str]]:
    """Header + one row per option, plain values (numbers unformatted) for spreadsheets."""
    from app.wording import label_text

    head = ["rank", "labels", "gpu", "gpu_name", "gpu_count", "nodes", "tp", "pp", "dp", "zero_stage", "replicas",
            "precision", "fits", "wall_clock_days", "gpu_hours", "decode_tokens_per_s", f"cost_cloud_{scenario.currency}",
            f"cost_onprem_{scenario.currency}", "memory_per_gpu_gib", "memory_capacity_gib"]
    rows = [head]
    for i, o in enumerate(plan.options, 1):
        p = o.parallelism
        rows.append([str(i), "; ".join(label_text(x) for x in o.labels), o.gpu, o.gpu_name, str(o.gpu_count), str(o.nodes),
                     str(p.tp), str(p.pp), str(p.dp), str(p.zero_stage), str(p.replicas), o.precision, str(o.fits).lower(),
                     f"{o.wall_clock_s / 86400:.4g}" if scenario.is_training else "", f"{o.gpu_hours:.6g}",
                     f"{o.decode_tokens_per_s:.4g}" if not scenario.is_training else "",
                     "" if o.cost.cloud is None else f"{o.cost.cloud:.2f}", "" if o.cost.onprem is None else f"{o.cost.onprem:.2f}",
                     f"{o.memory_per_gpu_bytes / 2**30:.2f}", f"{o.memory_capacity_bytes / 2**30:.2f}"])
    return rows


def to_csv(plan, scenario, lang: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(options_rows(plan, scenario, lang))
    return buf.getvalue()


def to_tsv(plan, scenario, lang: str) -> str:
    return "\n".join("\t".join(c.replace("\t", " ") for c in r) for r in options_rows(plan, scenario, lang)) + "\n"


def to_json(plan, scenario, lang: str, catalog_version: str) -> str:
    from app.cli import plan_document

    return json.dumps(plan_document(plan, scenario, lang, catalog_version), ensure_ascii=False, indent=2) + "\n"


def to_markdown(plan, scenario, catalog, name: str, lang: str) -> str:
    """The report's text as Markdown (no charts): headings, paragraphs, lists and tables."""
    from PySide6.QtGui import QTextDocument

    from app.ui.report.pdf import ensure_gui_app

    ensure_gui_app()  # QTextDocument needs a GUI application (offscreen when headless)
    report = build_report(plan, scenario, catalog, name, lang, charts=False)
    doc = QTextDocument()
    doc.setHtml(report.html)
    md = doc.toMarkdown(QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
    md = re.sub(r"\n{3,}", "\n\n", md)
    # Qt writes text that looks like HTML (a plan named "<b>…") as is, and Markdown would read it as a
    # tag: escape every "<" that could open one and that Qt left bare (CommonMark backslash escape).
    md = re.sub(r"(?<!\\)<(?=[A-Za-z/!?])", r"\\<", md)
    return md + f"\n---\n{report.footer}\n"

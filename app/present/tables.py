"""The options table for spreadsheets: CSV, and tab-separated text for the clipboard. Plain values
(numbers unformatted, base units as named in the header); every cell spreadsheet-safe (a text that
starts like a formula gets a leading apostrophe, app.fileio.spreadsheet_safe)."""

from __future__ import annotations

import csv
import io

from app.fileio import spreadsheet_safe
from app.planning.outcome import PlanOutcome
from app.present.text.messages import label_text

HEADER = ["rank", "labels", "gpu", "gpu_name", "gpu_count", "nodes", "tp", "pp", "dp", "zero_stage", "replicas",
          "precision", "fits", "wall_clock_days", "gpu_hours", "decode_tokens_per_s"]


def options_rows(out: PlanOutcome) -> list[list[str]]:
    """Header + one row per option."""
    s = out.scenario
    head = HEADER + [f"cost_cloud_{s.currency}", f"cost_onprem_{s.currency}", "memory_per_gpu_gib", "memory_capacity_gib"]
    rows = [head]
    for i, o in enumerate(out.plan.options, 1):
        p = o.parallelism
        rows.append([str(i), "; ".join(label_text(x) for x in o.labels), o.gpu, o.gpu_name, str(o.gpu_count), str(o.nodes),
                     str(p.tp), str(p.pp), str(p.dp), str(p.zero_stage), str(p.replicas),
                     o.precision or o.weight_format or "", str(o.fits).lower(),
                     f"{o.job_s / 86400:.4g}" if o.job_s is not None else "", f"{o.gpu_hours:.6g}",
                     f"{o.decode_tokens_per_s:.4g}" if not s.is_training else "",
                     "" if o.cost.cloud is None else f"{o.cost.cloud:.2f}", "" if o.cost.onprem is None else f"{o.cost.onprem:.2f}",
                     f"{o.memory_per_gpu_bytes / 2**30:.2f}", f"{o.memory_capacity_bytes / 2**30:.2f}"])
    return rows


def to_csv(out: PlanOutcome) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([spreadsheet_safe(c) for c in r] for r in options_rows(out))
    return buf.getvalue()


def to_tsv(out: PlanOutcome) -> str:
    return "\n".join("\t".join(spreadsheet_safe(c.replace("\t", " ").replace("\n", " ").replace("\r", " ")) for c in r)
                     for r in options_rows(out)) + "\n"

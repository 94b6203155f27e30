"""The memory model against published peak measurements (tests/data/memory_peaks_*.csv; sources,
table rows and counters in each row, the comparison in tests/core/peaks.py).

Calibration rows set the memory constants of app.core.assumptions (loss bytes, torchtitan's
selective-recomputation share); validation rows were not used for any constant. Rows a framework
behaviour the model does not cover puts outside ±20% are listed in KNOWN_MISSES with the reason; a
row leaving or joining that list fails the test, so the table in docs/memory.md stays true.
"""

import statistics

import pytest

from app.core import assumptions as A

from .peaks import predicted_gib, predicted_serving_gib, rows, table

KNOWN_MISSES = {
    # FSDP1 with CPU offload of frozen (QLoRA) weights holds several GiB more than the units it
    # gathers; PyTorch issue 91165 reports 1.65x more GPU memory with frozen parameters.
    "aai-2x3090-yi-34b-qlora-offload-bs4", "aai-2x3090-l2-70b-qlora-offload-bs2", "peft-doc-l2-70b-qlora-fsdp-2x24-offload",
    # reserved memory right after FSDP1 wrapping is already 3.72 GiB against 1.9 GiB of sharded weights
    # (benchmarks_03_2024.md): a fixed allocation the model does not have, which dominates at 512 tokens
    "aai-2x3090-l2-7b-qlora-c512-bs1",
    # the README row says "44.8 GB" where the others say GiB; either reading is above our estimate
    "tt-readme-l31-405b-qlora-8xa100",
    # values read off a bar chart (+/- 1 GB); transformers < 4.46 copied the fp32 logits for the shift
    "liger-e2e-l3-8b-fsdp8-hf-s2048", "liger-e2e-l3-8b-fsdp8-liger-s1024",
}


def test_the_set_covers_the_methods_and_frameworks_the_issue_asks_for():
    """At least 20 validation rows, over full fine-tuning, LoRA, QLoRA, pre-training and serving, from
    at least three frameworks."""
    t = table()
    validation = [x for x in t if x[1] == "validation"]
    assert len(validation) >= 20
    kinds = {x[2].split(":")[0] for x in t}
    assert {"full", "lora", "qlora", "pretrain", "serving"} <= kinds
    frameworks = {r["id"].split("-")[0] for r in rows("training") + rows("serving")}
    assert len(frameworks) >= 3


@pytest.mark.parametrize("row", rows("training"), ids=lambda r: r["id"])
def test_training_peak_within_20_percent(row):
    """Each published training peak, on the counter its source reports."""
    err = predicted_gib(row) / float(row["published_gib"]) - 1
    if row["id"] in KNOWN_MISSES:
        assert abs(err) > 0.20, f"{row['id']} is now within 20% ({err:+.0%}): take it off KNOWN_MISSES"
    else:
        assert abs(err) <= 0.20, f"{row['id']}: predicted {predicted_gib(row):.2f} GiB vs {row['published_gib']} ({err:+.0%})"


@pytest.mark.parametrize("row", rows("serving"), ids=lambda r: r["id"])
def test_serving_part_within_20_percent(row):
    """vLLM's profile and llama.cpp's buffer log; the KV cache and the bf16 weights are exact formulas."""
    pred, pub = predicted_serving_gib(row), float(row["published_gib"])
    if row["measure"] in ("kv", "weights"):
        assert pred == pytest.approx(pub, abs=0.01)
    assert abs(pred / pub - 1) <= 0.20


def test_validation_error_is_what_the_report_says():
    """The report tells managers how far measured peaks fall from the estimate (registry
    memory_estimate_spread): most validation rows must lie within it, and the median well inside."""
    errors = [abs(x[5]) for x in table() if x[1] == "validation"]
    spread = A.value("memory_estimate_spread")
    assert sum(e <= spread for e in errors) / len(errors) >= 0.8
    assert statistics.median(errors) <= spread / 2

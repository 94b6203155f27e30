"""Every code the core and planning can emit has a sentence in both languages (issue 15), and every
assumption in the registry has a name and a source in both."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.core import assumptions as A
from app.i18n import language
from app.present.text import assumptions as texts
from app.present.text.messages import (
    FINDINGS,
    SUGGESTIONS,
    VALIDATION,
    VERDICTS,
    finding_message,
    suggestion_message,
    validation_message,
    verdict_message,
)

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def _emitted() -> dict[str, set[str]]:
    """Codes in app/core and app/planning: Finding/Rejected/Verdict/Suggestion(code=...), coded
    pydantic errors, FieldError codes and the search's reasons."""
    out: dict[str, set[str]] = {"finding": set(), "verdict": set(), "suggestion": set(), "validation": set()}
    for f in [*(ROOT / "app" / "core").glob("*.py"), *(ROOT / "app" / "planning").glob("*.py")]:
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                codes = [k.value.value for k in node.keywords if k.arg == "code" and isinstance(k.value, ast.Constant)]
                if name in ("Finding", "Rejected"):
                    out["finding"].update(codes)
                elif name == "Verdict":
                    out["verdict"].update(codes)
                elif name == "Suggestion":
                    out["suggestion"].update(codes)
                elif name in ("PydanticCustomError", "FieldError") and len(node.args) >= 2:
                    arg = node.args[0] if name == "PydanticCustomError" else node.args[1]
                    if isinstance(arg, ast.Constant):
                        out["validation"].add(arg.value)
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr == "reason" for t in node.targets):
                for c in ast.walk(node.value):
                    if isinstance(c, ast.Constant) and isinstance(c.value, str) and c.value:
                        out["finding"].add(c.value)
    out["finding"].add("dominated")  # select's count of options beaten on cost and time
    out["suggestion"] |= {"use_lora", "use_qlora"}  # suggest.py picks these from a table
    out["verdict"].add("infeasible")  # plan._verdict's last resort
    out["validation"] |= {"unknown_model", "unknown_gpu", "unknown_offer"}  # f"unknown_{kind}"
    return out


EMITTED = _emitted()


def test_the_scan_finds_the_codes():
    """The scan itself must be able to fail: it sees the codes we know are there."""
    assert {"does_not_fit", "tp_spans_pcie", "too_slow", "no_price"} <= EMITTED["finding"]
    assert {"feasible", "deadline_not_met", "no_configuration_fits"} <= EMITTED["verdict"]
    assert {"later_deadline", "smaller_model", "use_qlora"} <= EMITTED["suggestion"]
    assert {"not_for_goal", "finetune_needs_data", "not_a_number"} <= EMITTED["validation"]


@pytest.mark.parametrize("kind, code", sorted((k, c) for k, codes in EMITTED.items() for c in codes))
def test_every_code_has_a_sentence_in_english_and_japanese(qapp, kind, code):
    say = {"finding": lambda lang: finding_message(code, {}, lang),
           "verdict": lambda lang: verdict_message(code, {}, lang),
           "suggestion": lambda lang: suggestion_message(code, {}, lang),
           "validation": lambda lang: validation_message(
               {"type": code, "ctx": {k: "x" for k in re.findall(r"\{(\w+)", VALIDATION.get(code, ""))}})}[kind]
    table = {"finding": {**FINDINGS, **VERDICTS}, "verdict": {**VERDICTS, **FINDINGS}, "suggestion": SUGGESTIONS,
             "validation": VALIDATION}[kind]
    assert code in table, f"{kind} {code!r} has no sentence"
    en = say("en")
    with language("ja"):
        ja = say("ja")
    assert en and en != code
    assert JAPANESE.search(ja) and ja != en, (code, ja)


@pytest.mark.parametrize("code", sorted(A.REGISTRY))
def test_every_assumption_has_a_name_and_a_source_in_both_languages(qapp, code):
    assert code in texts.NAMES and code in texts.SOURCES
    en_name, en_src = texts.assumption_name(code), texts.source_sentence(code)
    with language("ja"):
        ja_name, ja_src = texts.assumption_name(code), texts.source_sentence(code)
    assert en_name != code and en_src
    assert JAPANESE.search(ja_name) or ja_name == en_name == "PUE", ja_name
    assert ja_src and (JAPANESE.search(ja_src) or ja_src.startswith("arXiv")), ja_src


def test_field_help_states_the_registry_default_and_its_source(qapp):
    assert texts.field_help("pue").startswith("default 1.5 (range 1.2–1.6)")
    assert "Uptime Institute" in texts.field_help("pue")
    with language("ja"):
        assert texts.field_help("pue").startswith("既定 1.5（幅 1.2〜1.6）")


def test_interconnects_are_named_as_their_vendors_name_them():
    """Issue 18: AMD, Intel and TPU scale-up links were all called NVLink ("NVLink x4096" for TPU v4)."""
    from app.catalog.repository import default_catalog

    cat = default_catalog()
    names = {g: cat.gpu(g).scale_up_link for g in ("h100-sxm", "mi300x", "gaudi3", "tpu-v4")}
    assert names == {"h100-sxm": "NVLink", "mi300x": "Infinity Fabric", "gaudi3": "RoCE", "tpu-v4": "ICI"}
    text = finding_message("tp_spans_pcie", {"tp": 8, "pcie_gen": 5, "nvlink_domain": 4, "link": "Infinity Fabric"})
    assert "Infinity Fabric joins only 4" in text and "NVLink" not in text


@pytest.mark.parametrize("request_kw,formula", [
    ({"goal": "finetune", "model": "llama-3.1-8b", "method": "lora", "samples": 1000}, "4 × parameters × tokens"),
    ({"goal": "finetune", "model": "llama-3.1-8b", "method": "full", "samples": 1000}, "6 × parameters × tokens"),
    ({"goal": "cpt", "model": "mixtral-8x7b"}, "6 × active parameters × tokens"),
])
def test_the_report_names_the_formula_the_plan_used(request_kw, formula):
    """LoRA computes 4·N·D for the frozen base plus 6·N_lora·D (no weight gradients: Hu et al. 2021);
    the report must not write 6 × parameters × tokens beside it. MoE computes with the active
    parameters (Mixtral: 12.9B of 46.7B). The FLOP count reads as a power of ten."""
    from app.catalog.repository import default_catalog
    from app.planning.outcome import build_outcome
    from app.planning.request import PlanRequest, to_scenario
    from app.present.markdown import to_markdown
    from app.present.report import build_report

    cat = default_catalog()
    out = build_outcome(to_scenario(PlanRequest(**request_kw), cat), cat)
    md = to_markdown(build_report(out, "t", "en"))
    line = next(x for x in md.splitlines() if "FLOP (" in x)
    assert formula in line and "× 10<sup>" in line and "e+" not in line
    if formula.startswith("4"):
        assert "6 × parameters × tokens" not in line

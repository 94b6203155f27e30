"""The PDF report and the other exports, checked from the outside (pdftotext, pdffonts, pdfinfo)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess

import pytest

from app.cli import main

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

NAME = "<b>x</b> & 東京"


def _pdf(tmp_path, lang: str, *extra: str):
    out = tmp_path / f"report-{lang}.pdf"
    code = main(["plan", "--goal", "cpt", "--model", "llama-3.1-swallow-8b", "--deadline-days", "30", "--budget", "500万",
                 "--currency", "JPY", "--lang", lang, "--name", NAME, "--pdf", str(out), *extra])
    assert code == 0
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True).stdout
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return text, fonts, pages


def test_english_report_has_the_decision_sources_and_footer(tmp_path):
    text, fonts, pages = _pdf(tmp_path, "en")
    for needle in ("GPU plan", "Feasible", "Recommended", "Alternatives", "Rent or buy", "Compared with published training runs",
                   "Assumptions and sources", "Glossary", "Llama 3.1 Swallow 8B", "LLM GPU Planner 0.1.0", "catalog",
                   "Chinchilla"):
        assert needle in text, needle
    assert NAME in text  # what the user typed prints literally, markup and all
    assert re.search(rf"\b1\s*/\s*{pages}\b", text) and re.search(rf"\b{pages}\s*/\s*{pages}\b", text)
    assert 4 <= pages <= 11  # page 1 is the executive summary alone (issue 19); the glossary has 33 terms


def test_japanese_report_text_copies_out_correctly(tmp_path):
    """platform.md: with stock CJK fonts Qt writes Kangxi radicals (U+2F00-U+2FDF) for 日, 文, 大 in
    the text layer. The bundled font has them removed, so the text copies as typed."""
    text, fonts, pages = _pdf(tmp_path, "ja")
    for needle in ("GPU計画", "推奨構成", "検討条件", "他の候補", "レンタルか購入か", "用語集", "前提と出典", "東京", "万円", "日"):
        assert needle in text, needle
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)
    assert NAME in text
    assert any(ch.isdigit() for ch in text.split("推奨構成")[0])  # digits survive (no GSUB substitutions)


def test_fonts_are_embedded(tmp_path):
    _, fonts, _ = _pdf(tmp_path, "ja")
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("GPUPlannerSansJP" in r[0] for r in rows)
    assert all(r[-5] == "yes" for r in rows)  # emb column


def test_pdf_to_an_unwritable_place_is_a_clear_error(tmp_path, capsys):
    code = main(["plan", "--goal", "inference", "--model", "llama-3.1-8b", "--pdf", str(tmp_path / "no" / "x.pdf")])
    assert code == 2
    assert "--pdf" in capsys.readouterr().err


def _outcome():
    from app.catalog.repository import default_catalog
    from app.planning.outcome import build_outcome
    from app.planning.request import PlanRequest, to_scenario

    c = default_catalog()
    s = to_scenario(PlanRequest(goal="finetune", model="llama-3.1-8b", samples=20000, method="lora", currency="USD"), c)
    return build_outcome(s, c)


def test_csv_tsv_json_and_markdown_exports():
    from app.present import tables
    from app.ui.application import export_text

    out = _outcome()
    p = out.plan
    rows = list(csv.reader(io.StringIO(tables.to_csv(out))))
    assert rows[0][:3] == ["rank", "labels", "gpu"] and len(rows) == len(p.options) + 1
    assert float(rows[1][rows[0].index("cost_cloud_USD")]) == pytest.approx(p.options[0].cost.cloud, abs=0.005)
    tsv = tables.to_tsv(out).splitlines()
    assert len(tsv) == len(p.options) + 1 and tsv[1].split("\t")[2] == p.options[0].gpu
    doc = json.loads(export_text("json", out, "LoRA plan", "en"))
    assert doc["schema"] == "gpu-planner.plan/2" and len(doc["options"]) == len(p.options)
    assert doc["request"]["method"] == "lora" and doc["request"]["samples"] == 20000
    md = export_text("md", out, "LoRA plan", "en")
    assert "GPU plan: LoRA plan" in md and "|" in md and "Glossary" in md
    assert "## 1. What was asked" in md and "## 5. What moves the answer" in md and "## 10. Glossary" in md  # numbered in order, none skipped

"""`--lang ja`: every CLI message a person reads is Japanese (summaries, errors, listings, capacity),
and so is the PDF report (its text layer, read back with pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from app.catalog.repository import default_catalog
from app.cli import main
from tests.japanese import catalog_words, english

# Flag values and ids a user types (and the CLI echoes) are names, not words.
CLI_NAMES = {"gpu", "planner", "bf16", "fp8", "q4_k_m", "onprem", "cloud", "any", "ID", "COUNT", "GPU_ID"}


def _run(capsys, *args) -> tuple[int, str]:
    code = main([*args, "--lang", "ja"])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("args", [
    ("plan", "--goal", "inference", "--model", "llama-3.1-70b", "--quant", "q4_k_m,int8", "--own", "rtx-a6000:4"),
    ("plan", "--goal", "finetune", "--model", "llama-3.1-70b", "--samples", "10K", "--method", "qlora"),
    ("plan", "--goal", "cpt", "--model", "qwen2.5-72b", "--deadline-days", "30", "--budget", "3000万"),
    ("plan", "--goal", "scratch", "--model", "llama-2-70b", "--deadline-days", "5", "--budget", "1万"),  # infeasible
    ("capacity", "--own", "rtx-a6000:4"),
    ("catalog", "gpus"),
    ("plan", "--goal", "scratch", "--model", "llama-2-7b", "--pue", "9"),
    ("plan", "--goal", "bogus"),
    ("plan", "--goal", "scratch"),
    ("plan", "--goal", "scratch", "--model", "nope"),
    ("plan", "--goal", "finetune", "--model", "llama-3.1-8b"),
    ("plan", "--goal", "scratch", "--params", "lots"),
    ("plan", "--goal", "scratch", "--model", "llama-2-7b", "--gpu", "h100-sxm"),
    ("plan", "--goal", "inference", "--model", "llama-3.1-8b", "--users", "200", "--prompt-tokens", "1000",
     "--min-tokens-per-s", "20", "--max-ttft-s", "1", "--availability", "n+1"),
    ("plan", "--goal", "inference", "--model", "llama-3.1-8b", "--users", "20", "--prompt-tokens", "100000",
     "--max-ttft-s", "0.05"),  # the service level cannot be met
    ("catalog", "apis"),
])
def test_cli_messages_are_japanese(capsys, args):
    code, text = _run(capsys, *args)
    assert code in (0, 2), text
    assert text.strip()
    bad = english([text], catalog_words(default_catalog()) | CLI_NAMES)
    assert not bad, (sorted(bad), text[:2000])


def test_an_error_is_one_japanese_line_naming_the_flag(capsys):
    code, text = _run(capsys, "plan", "--goal", "scratch", "--model", "llama-2-7b", "--pue", "9")
    assert code == 2
    assert text.strip() == "gpu-planner：エラー：引数 --pue：9.0：5 以下にしてください"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_japanese_report_has_no_english_words(tmp_path, capsys):
    pdf = tmp_path / "ja.pdf"
    code, text = _run(capsys, "plan", "--goal", "finetune", "--model", "llama-3.1-70b", "--samples", "10K",
                      "--own", "rtx-a6000:4", "--pdf", str(pdf), "--name", "東京チーム")
    assert code == 0, text
    # reading order (not -layout): a cell's wrapped lines follow each other, so a quoted title that
    # wraps is one 「…」 span, dropped before the lines are checked
    body = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "推奨構成" in body and "東京チーム" in body
    # catalog citations (sources, URLs) are quoted as published; the rest must be Japanese
    body = re.sub(r"「[^」]*」", " ", body)
    bad = english(body.splitlines(), catalog_words(default_catalog()) | CLI_NAMES)
    assert not bad, sorted(bad)


def test_language_follows_the_system_when_not_set(monkeypatch):
    from app.i18n import system_language

    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert system_language() == "ja"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # LC_ALL wins, as in POSIX
    assert system_language() == "en"


def test_money_and_dates_in_japanese_form():
    """万/億 in Japanese (issue 7's examples), $3.4M in dollars, dates as 2026年11月20日 / 20 Nov 2026."""
    from app.present.text.format import fmt_date, fmt_money

    assert fmt_money(48_000, "JPY", "ja") == "約4.8万円"
    assert fmt_money(8.0e8, "JPY", "ja") == "約8.0億円"
    assert fmt_money(3.4e6, "USD", "ja") == "$3.4M"
    assert fmt_money(1_728_000, "JPY", "en") == "¥1,728,000"
    assert fmt_date("2026-11-20", "ja") == "2026年11月20日" and fmt_date("2026-11-20", "en") == "20 Nov 2026"
    assert fmt_date("2024-07", "ja") == "2024年7月"


def test_fx_rate_and_its_date_are_cited_where_money_is_converted(tmp_path, capsys):
    code, text = _run(capsys, "plan", "--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "10K",
                      "--fx", "155", "--fx-date", "2026-11-20", "--json")
    assert code == 0, text
    import json

    doc = json.loads(text[text.index("{"):])
    fx = next(a for a in doc["assumptions"] if a["name"] == "fx_jpy_per_usd")
    assert fx["value"] == 155 and fx["as_of"] == "2026-11-20" and "2026年11月20日" in fx["source"]
    code, text = _run(capsys, "plan", "--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "10K",
                      "--fx-date", "2026-13-01")
    assert code == 2 and "--fx-date" in text and "2026-13-01" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_report_cites_the_fx_rate_with_its_date(tmp_path, capsys):
    pdf = tmp_path / "fx.pdf"
    code, text = _run(capsys, "plan", "--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "10K",
                      "--fx", "155", "--fx-date", "2026-11-20", "--pdf", str(pdf))
    assert code == 0, text
    body = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "1ドル 155 円で換算（2026年11月20日）" in body


def test_catalog_import_errors_are_japanese(tmp_path, capsys):
    from app.catalog.schema import KINDS

    header = ",".join(KINDS["gpus"].header)
    row = {h: "" for h in KINDS["gpus"].header}
    row.update(id="my-gpu", name="Mine", memory_gib="lots", bandwidth_tb_per_s="1", bf16_dense_tflops="100",
               source="me", as_of="2026-01-01")
    f = tmp_path / "bad.csv"
    f.write_text(header + "\n" + ",".join(row[h] for h in KINDS["gpus"].header) + "\n", encoding="utf-8")
    code, text = _run(capsys, "catalog", "import", str(f))
    assert code == 2
    assert "2 行目、列 memory_gib：'lots' は 数値 > 0 かつ <= 100000 ではありません" in text, text
    assert not english([text], catalog_words(default_catalog()) | CLI_NAMES | {"memory_gib"})


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_japanese_report_of_a_custom_model_names_it_in_japanese_with_full_width_punctuation(tmp_path, capsys):
    """Issue 19, 7: "custom model" was left in English (the title and the sources), and lists in the
    constraints and the ruled-out counts were joined with ASCII "; " and ", "."""
    pdf = tmp_path / "ja.pdf"
    code, text = _run(capsys, "plan", "--goal", "scratch", "--params", "8B", "--tokens", "1T", "--budget", "3億円",
                      "--deadline-days", "60", "--pdf", str(pdf))
    assert code == 0, text
    body = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "custom" not in body.lower() and "カスタムモデル" in body
    body = re.sub(r"「[^」]*」|https?://\S+", " ", body)  # citations are quoted as published
    jp = "[\u3040-\u30ff\u4e00-\u9fff]"
    assert not re.findall(rf"{jp}[,;]|[,;] ?{jp}", body), "ASCII punctuation in a Japanese sentence"

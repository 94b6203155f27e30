"""`--lang ja`: every CLI message a person reads is Japanese (summaries, errors, listings, capacity),
and so is the PDF report (its text layer, read back with pdftotext)."""

from __future__ import annotations

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
    body = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "推奨構成" in body and "東京チーム" in body
    # catalog citations (sources, URLs) are quoted as published; the rest must be Japanese
    bad = english(body.splitlines(), catalog_words(default_catalog()) | CLI_NAMES)
    assert not bad, sorted(bad)

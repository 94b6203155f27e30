"""The command line with the user's own files: --model-file, catalog add-model, tokens, plan --data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from tests.planning.test_model_file import write_gguf

CONFIGS = Path(__file__).resolve().parents[1] / "data" / "configs"


def run(capsys, *args):
    rc = main(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_a_config_json_plans_with_its_exact_count(capsys, tmp_path):
    """Mixtral 8x7B's config: 46,702,792,704 parameters, 12,879,925,248 per token (the counts the
    architecture gives; Mistral AI: 46.7B and 12.9B)."""
    folder = tmp_path / "Mixtral-8x7B-v0.1"
    folder.mkdir()
    shutil.copy(CONFIGS / "mixtral-8x7b.json", folder / "config.json")
    rc, out, err = run(capsys, "plan", "--goal", "inference", "--model-file", str(folder), "--json")
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["workload"]["params"] == 46_702_792_704 and doc["workload"]["active_params"] == 12_879_925_248
    assert doc["request"]["model_file"] == str(folder) and doc["findings"][0]["code"] == "model_file"


@pytest.mark.parametrize(("args", "needle"), [
    (["--model-file", "/nowhere/config.json"], "argument --model-file: '/nowhere/config.json': no such file or folder"),
    (["--model", "llama-3.1-8b", "--model-file", "x.gguf"], "argument --model-file"),
])
def test_a_bad_model_file_is_one_line_and_exit_2(capsys, args, needle):
    rc, _out, err = run(capsys, "plan", "--goal", "inference", *args)
    assert rc == 2 and needle in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_config_without_a_needed_key_names_it(capsys, tmp_path):
    cfg = json.loads((CONFIGS / "llama-3-8b.json").read_text())
    del cfg["num_attention_heads"]
    (tmp_path / "config.json").write_text(json.dumps(cfg))
    rc, _out, err = run(capsys, "plan", "--goal", "inference", "--model-file", str(tmp_path / "config.json"))
    assert rc == 2 and "'num_attention_heads'" in err and "--model-file" in err


def test_a_gguf_joins_the_catalog_and_plans_by_id(capsys, tmp_path):
    path = tmp_path / "tiny-q8.gguf"
    n = write_gguf(path)
    rc, _out, err = run(capsys, "catalog", "add-model", str(path), "--id", "tiny-q8")
    assert rc == 0 and "tiny-q8" in err
    rc, out, err = run(capsys, "plan", "--goal", "inference", "--model", "tiny-q8", "--json")
    assert rc == 0, err
    assert json.loads(out)["workload"]["params"] == n


def write_corpus(root: Path) -> int:
    root.mkdir()
    text = "大規模言語モデルの学習には大量のテキストが必要です。"
    with open(root / "ja.jsonl", "w", encoding="utf-8") as f:
        for _ in range(300):
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return 300 * len(text)


def test_tokens_json_follows_the_contract(capsys, tmp_path):
    chars = write_corpus(tmp_path / "c")
    rc, out, err = run(capsys, "tokens", str(tmp_path / "c"), "--json")
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["schema"] == "gpu-planner.tokens/1" and doc["files"] == 1 and doc["characters"] == chars
    assert doc["characters_by_script"]["ja"] == chars and doc["samples"] == 300
    assert doc["tokens"]["llama2"] == round(chars / 0.88) and doc["tokens"]["qwen"] == round(chars / 1.48)
    assert "shisa" in doc["ratios"]["qwen"]["source"]


def test_tokens_in_japanese_and_refusals(capsys, tmp_path):
    write_corpus(tmp_path / "c")
    rc, out, _err = run(capsys, "tokens", str(tmp_path / "c"), "--lang", "ja")
    assert rc == 0 and "ファイル" in out and "トークン" in out
    (tmp_path / "empty").mkdir()
    rc, _out, err = run(capsys, "tokens", str(tmp_path / "empty"))
    assert rc == 2 and "no text files" in err
    rc, _out, err = run(capsys, "tokens", str(tmp_path / "c"), "--tokenizer", "bert")
    assert rc == 2 and "argument --tokenizer: 'bert' is not one of llama2" in err


def test_plan_data_feeds_the_tokens_and_compares_tokenizers(capsys, tmp_path):
    """Continued pre-training of Qwen2.5-7B on a Japanese corpus: the plan's tokens are the Qwen
    estimate (1.48 characters per token); the comparison plans the same data with every family, and
    Llama 2's tokenizer needs 1.48 / 0.88 = 1.68x the tokens."""
    chars = write_corpus(tmp_path / "c")
    rc, out, err = run(capsys, "plan", "--goal", "cpt", "--model", "qwen2.5-7b", "--data", str(tmp_path / "c"), "--json")
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["workload"]["tokens"] == round(chars / 1.48)
    comp = {r["tokenizer"]: r for r in doc["data"]["comparison"]}
    assert len(comp) == 8 and doc["data"]["used"]["tokenizer"] == "qwen"
    assert comp["llama2"]["tokens"] / comp["qwen"]["tokens"] == pytest.approx(1.48 / 0.88, rel=0.01)
    assert all(r["time_s"] for r in comp.values())
    rc, out, err = run(capsys, "plan", "--goal", "finetune", "--model", "qwen2.5-7b", "--data", str(tmp_path / "c"), "--json")
    assert rc == 0, err
    req = json.loads(out)["request"]
    assert req["samples"] == 300 and req["seq_len"] == -(-round(chars / 1.48) // 300)


@pytest.mark.parametrize(("extra", "needle"), [
    (["--tokens", "5B"], "give either --data or --tokens"),
    (["--tokenizer", "qwen"], None),
])
def test_plan_data_conflicts(capsys, tmp_path, extra, needle):
    write_corpus(tmp_path / "c")
    rc, _out, err = run(capsys, "plan", "--goal", "cpt", "--model", "qwen2.5-7b", "--data", str(tmp_path / "c"), *extra)
    if needle:
        assert rc == 2 and needle in err
    else:
        assert rc == 0, err
    rc, _out, err = run(capsys, "plan", "--goal", "cpt", "--params", "7B", "--data", str(tmp_path / "c"))
    assert rc == 2 and "argument --tokenizer: this model's tokenizer is not known" in err


def word_tokenizer(path: Path) -> None:
    """One token per whitespace-separated word (tokenizers' WordLevel model)."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    tok = Tokenizer(models.WordLevel({"[UNK]": 0}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.save(str(path))


def test_a_model_folders_tokenizer_counts_the_data_exactly(capsys, tmp_path):
    """A Hugging Face model folder ships its tokenizer.json: plan --data on that model counts exactly
    with it (here one token per word: 3 lines of 4 words = 12 tokens x 50 files)."""
    folder = tmp_path / "Llama-3-8B"
    folder.mkdir()
    shutil.copy(CONFIGS / "llama-3-8b.json", folder / "config.json")
    word_tokenizer(folder / "tokenizer.json")
    data = tmp_path / "data"
    data.mkdir()
    for i in range(50):
        (data / f"{i}.txt").write_text("a b c d\ne f g h\ni j k l\n", encoding="utf-8")
    rc, out, err = run(capsys, "plan", "--goal", "cpt", "--model-file", str(folder), "--data", str(data), "--json")
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["data"]["used"] == {"tokenizer": "Llama-3-8B", "exact": True, "tokens": 600}
    assert doc["workload"]["tokens"] == 600 and doc["data"]["comparison"][0]["exact"]

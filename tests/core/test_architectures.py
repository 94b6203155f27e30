"""Parameter counts from config.json against the figures each model's publisher states.

The configs in tests/data/configs/ carry the keys of each model's published config.json on the
Hugging Face Hub (meta-llama, mistralai, Qwen, google, microsoft, deepseek-ai, openai repositories)
that the count needs; values are copied from those files. A wrong key or a wrong rule shows up as a
count that misses the published figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.architectures import ArchitectureError, count_from_config, model_from_config

CONFIGS = Path(__file__).resolve().parents[1] / "data" / "configs"


def config(name: str) -> dict:
    return json.loads((CONFIGS / f"{name}.json").read_text(encoding="utf-8"))


# name, published total, published active (None: dense), relative tolerance (the card's rounding),
# source
PUBLISHED = [
    ("llama-2-7b", 6.74e9, None, 0.001, "HF meta-llama/Llama-2-7b-hf: 6.74B params (safetensors)"),
    ("llama-3-8b", 8.03e9, None, 0.001, "HF meta-llama/Meta-Llama-3-8B: 8.03B params"),
    ("mistral-7b-v0.1", 7.24e9, None, 0.001, "HF mistralai/Mistral-7B-v0.1: 7.24B params"),
    ("qwen2.5-7b", 7.61e9, None, 0.001, "Qwen2.5-7B model card: Number of Parameters 7.61B"),
    ("qwen3-8b", 8.2e9, None, 0.01, "Qwen3-8B model card: Number of Parameters 8.2B"),
    ("gemma-2-9b", 9.24e9, None, 0.001, "HF google/gemma-2-9b: 9.24B params"),
    ("gemma-3-1b", 1.0e9, None, 0.001, "Gemma 3 technical report, Table 1: 1B = 302M embedding + 698M non-embedding"),
    ("phi-2", 2.78e9, None, 0.001, "HF microsoft/phi-2: 2.78B params"),
    ("phi-3-mini-4k", 3.82e9, None, 0.001, "HF microsoft/Phi-3-mini-4k-instruct: 3.82B params"),
    ("mixtral-8x7b", 46.7e9, 12.9e9, 0.002, "Mistral AI, Mixtral of experts (2023-12-11): 46.7B total, 12.9B per token"),
    ("qwen1.5-moe-a2.7b", 14.3e9, 2.7e9, 0.005, "Qwen blog, Qwen1.5-MoE (2024-03-28): 14.3B total, 2.7B activated"),
    # 3.35B activated by this count: the card truncates to 3.3B
    ("qwen3-30b-a3b", 30.5e9, 3.3e9, 0.02, "Qwen3-30B-A3B model card: 30.5B in total and 3.3B activated"),
    ("deepseek-v3", 671e9, 37e9, 0.015, "DeepSeek-V3 technical report (arXiv 2412.19437) abstract: 671B total, 37B activated"),
]


@pytest.mark.parametrize(("name", "total", "active", "tol", "source"), PUBLISHED, ids=[p[0] for p in PUBLISHED])
def test_counts_match_the_published_figures(name, total, active, tol, source):
    """Each row's source is its last field."""
    c = count_from_config(config(name))
    assert c.total == pytest.approx(total, rel=tol), source
    assert c.active == pytest.approx(active or total, rel=tol), source


def test_non_embedding_counts_match_the_qwen_and_gemma_cards():
    """Qwen2.5-7B card: non-embedding 6.53B; Qwen3-8B card: 6.95B; Gemma 3 report Table 1: 1B has
    698M non-embedding parameters. Embeddings are vocab x hidden, twice when untied."""
    for name, published, tied in (("qwen2.5-7b", 6.53e9, False), ("qwen3-8b", 6.95e9, False), ("gemma-3-1b", 698e6, True)):
        cfg = config(name)
        emb = cfg["vocab_size"] * cfg["hidden_size"] * (1 if tied else 2)
        assert count_from_config(cfg).total - emb == pytest.approx(published, rel=0.002), name


def test_gpt_oss_matches_the_model_card_which_leaves_out_the_input_embedding():
    """gpt-oss model card (OpenAI, 2025-08-05), Table 1: gpt-oss-120b 116.83B total, 5.13B active;
    gpt-oss-20b 20.91B total, 3.61B active. "Active" there excludes the input embedding table."""
    for name, total, active in (("gpt-oss-120b", 116.83e9, 5.13e9), ("gpt-oss-20b", 20.91e9, 3.61e9)):
        cfg = config(name)
        c = count_from_config(cfg)
        assert c.total == pytest.approx(total, rel=0.0005), name
        assert c.active - cfg["vocab_size"] * cfg["hidden_size"] == pytest.approx(active, rel=0.002), name


def test_deepseek_v2_lite_total_and_active_without_the_embedding_table():
    """DeepSeek-V2 README, model table: DeepSeek-V2-Lite 15.7B total, 2.4B activated (the activated
    figure leaves out the 0.21B input embedding, as gpt-oss does)."""
    cfg = config("deepseek-v2-lite")
    c = count_from_config(cfg)
    assert c.total == pytest.approx(15.7e9, rel=0.003)
    assert c.active - cfg["vocab_size"] * cfg["hidden_size"] == pytest.approx(2.4e9, rel=0.03)


def test_the_shape_follows_the_attention_kind():
    """MLA caches kv_lora_rank + qk_rope_head_dim = 512 + 64 = 576 elements per token per layer
    (DeepSeek-V2 paper, section 2.1.2); Gemma 3 has 5 local layers per global one (Gemma 3 report
    section 2: 5:1 interleaving, 26 layers -> 22 local of 512 tokens); gpt-oss alternates 128-token
    sliding and full attention (model card section 2.1); Mistral 7B v0.1 slides over 4,096 tokens in
    every layer (Jiang et al. 2023)."""
    v3 = model_from_config(config("deepseek-v3"))
    assert v3.kv_elems_per_token_per_layer == 576 and v3.num_experts == 256 and v3.experts_per_token == 8
    g3 = model_from_config(config("gemma-3-1b"))
    assert (g3.sliding_window, g3.local_layers, g3.tied_embeddings, g3.kv_heads, g3.head_dim) == (512, 22, True, 1, 256)
    oss = model_from_config(config("gpt-oss-120b"))
    assert (oss.sliding_window, oss.local_layers, oss.num_experts, oss.experts_per_token) == (128, 18, 128, 4)
    mistral = model_from_config(config("mistral-7b-v0.1"))
    assert (mistral.sliding_window, mistral.local_layers) == (4096, 32)
    qwen = model_from_config(config("qwen2.5-7b"))
    assert qwen.sliding_window is None and qwen.kv_heads == 4 and qwen.head_dim == 128


def test_a_multimodal_config_is_read_from_its_text_config():
    """Gemma 3 4B's config.json nests the language model under text_config (model_type gemma3);
    its text part is counted like gemma3_text."""
    inner = config("gemma-3-1b")
    outer = {"architectures": ["Gemma3ForConditionalGeneration"], "model_type": "gemma3",
             "text_config": {k: v for k, v in inner.items() if k not in ("model_type", "architectures")},
             "vision_config": {"hidden_size": 1152}}
    assert count_from_config(outer) == count_from_config(inner)


def test_the_counts_agree_with_the_shipped_catalog_shapes():
    """Where the catalog has the same model, the shape read from config.json is the catalog's."""
    from app.catalog.repository import default_catalog

    cat = default_catalog()
    for name, cat_id in (("llama-2-7b", "llama-2-7b"), ("mixtral-8x7b", "mixtral-8x7b"), ("gpt-oss-120b", "gpt-oss-120b")):
        m, ref = model_from_config(config(name)), cat.model(cat_id)
        assert ref is not None
        for k in ("layers", "hidden", "heads", "kv_heads", "head_dim", "vocab", "num_experts", "experts_per_token"):
            assert getattr(m, k) == getattr(ref, k), (name, k)
        assert m.params_total == pytest.approx(ref.params_total, rel=0.005), name


@pytest.mark.parametrize(("cfg", "code", "key"), [
    ({"model_type": "bert", "hidden_size": 768}, "unknown_architecture", ""),
    ({"hidden_size": 4096}, "missing_key", "model_type"),
    ({"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32,
      "intermediate_size": 11008}, "missing_key", "vocab_size"),
    ({"model_type": "llama", "hidden_size": "4096", "num_hidden_layers": 32}, "bad_key", "hidden_size"),
    ({"model_type": "mixtral", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 128,
      "vocab_size": 100, "num_local_experts": 8}, "missing_key", "num_experts_per_tok"),
])
def test_a_config_that_cannot_be_read_names_the_key(cfg, code, key):
    with pytest.raises(ArchitectureError) as e:
        model_from_config(cfg)
    assert e.value.code == code and e.value.key == key
    if code == "unknown_architecture":
        assert e.value.value == "bert" and "llama" in e.value.allowed and "deepseek_v3" in e.value.allowed

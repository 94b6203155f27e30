"""Parameter counts derived from architectures, against model cards."""

import pytest

from app.core.specs import ModelSpec, count_params, model_from_params


def test_llama2_7b_parameter_count_matches_model_card():
    """Llama 2 7B (meta-llama/Llama-2-7b-hf): 6,738,415,616 parameters ("6.74B" on the model card)."""
    total, active = count_params(layers=32, hidden=4096, heads=32, kv_heads=32, ffn=11008, vocab=32000)
    assert total == 6_738_415_616
    assert active == total


def test_llama31_8b_gqa_parameter_count():
    """Llama 3.1 8B model card: 8.03B parameters (GQA with 8 KV heads, 128,256 vocabulary)."""
    total, _ = count_params(layers=32, hidden=4096, heads=32, kv_heads=8, ffn=14336, vocab=128256)
    assert total == pytest.approx(8.03e9, rel=1e-3)


def test_llama2_70b_parameter_count():
    """Llama 2 70B (meta-llama/Llama-2-70b-hf): 68.98B parameters."""
    total, _ = count_params(layers=80, hidden=8192, heads=64, kv_heads=8, ffn=28672, vocab=32000)
    assert total == pytest.approx(68.98e9, rel=1e-3)


def test_mixtral_total_and_active_parameters():
    """Mistral AI, "Mixtral of experts" (2023): 46.7B total parameters, 12.9B used per token."""
    total, active = count_params(layers=32, hidden=4096, heads=32, kv_heads=8, ffn=14336, vocab=32000,
                                 num_experts=8, experts_per_token=2)
    assert total == pytest.approx(46.7e9, rel=2e-3)
    assert active == pytest.approx(12.9e9, rel=2e-3)


def test_gemma2_27b_with_head_dim_and_tied_embeddings():
    """Gemma 2 report: 27.2B parameters (head_dim 128 != hidden/heads; tied embeddings)."""
    total, _ = count_params(layers=46, hidden=4608, heads=32, kv_heads=16, ffn=36864, vocab=256000,
                            head_dim=128, tied_embeddings=True)
    assert total == pytest.approx(27.2e9, rel=2e-3)


def test_bare_parameter_count_gets_an_estimated_architecture():
    m = model_from_params(7e9)
    assert m.architecture_estimated
    # the estimated shape reproduces the parameter count it came from within 15%
    total, _ = count_params(layers=m.layers, hidden=m.hidden, heads=m.heads, kv_heads=m.kv_heads,
                            ffn=m.ffn, vocab=m.vocab)
    assert total == pytest.approx(7e9, rel=0.15)


def test_active_above_total_is_rejected():
    with pytest.raises(ValueError, match="active parameters"):
        ModelSpec(params_total=1e9, params_active=2e9, layers=1, hidden=8, heads=1, kv_heads=1,
                  head_dim=8, ffn=8, vocab=8)


def test_japanese_number_suffixes():
    """Budgets are written 3000万 or 1.5億 (円) in Japanese: 万 = 1e4, 億 = 1e8."""
    from app.core.units import parse_quantity

    assert parse_quantity("3000万") == 3e7
    assert parse_quantity("1.5億") == 1.5e8
    assert parse_quantity("2億円") == 2e8

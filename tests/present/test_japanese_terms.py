"""Issue 19's Japanese review: the words a Japanese reader expects (glossary_ja.csv), yen on money
axes, and no English model name left in a Japanese report."""

from __future__ import annotations

import json
from pathlib import Path

from app.i18n import language
from app.present.text.format import model_name, money_axis_label

JSON = Path(__file__).resolve().parents[2] / "resources" / "translations" / "gpu_planner_ja.json"


def test_active_parameters_and_gpu_counts_use_the_usual_words():
    """アクティブ for MoE's active parameters (not 有効), GPU枚数 for a count of GPUs (not GPU構成, a
    configuration), 最も近い候補 for the nearest miss (惜しい候補 read as 'almost right' for options far off)."""
    msgs = json.loads(JSON.read_text(encoding="utf-8"))
    pairs = [(src, ja) for ctx in msgs.values() for src, ja in ctx.items()]
    for src, ja in pairs:
        if "active" in src.lower() and "param" in src.lower():
            assert "有効" not in ja, (src, ja)
        assert "GPU構成" not in ja and "惜しい" not in ja, (src, ja)
    assert any(src == "GPUs" and ja == "GPU枚数" for src, ja in pairs)


def test_money_axes_and_custom_models_are_japanese():
    from app.core.specs import model_from_params

    with language("ja"):
        assert money_axis_label("JPY") == "円"
        assert "円" in money_axis_label("JPY", "any") and "JPY" not in money_axis_label("JPY", "any")
        assert model_name(model_from_params(3e9)) == "カスタムモデル"
    with language("en"):
        assert money_axis_label("JPY", "any") == "cost, cheaper of renting and buying, JPY"
        assert model_name(model_from_params(3e9)) == "custom model"

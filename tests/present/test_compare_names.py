"""The comparison's input rows name things as the reader knows them (issue 19's review: the compare
PDF showed catalog ids such as "llama-3.1-70b" and "lora")."""

from __future__ import annotations

from app.cli import main


def test_compare_rows_use_model_and_method_names(tmp_path, capsys):
    from app.catalog.repository import default_catalog
    from app.planning.compare import compare_plans
    from app.present.sensitivity import compare_rows

    a, b = tmp_path / "a.gpuplan", tmp_path / "b.gpuplan"
    assert main(["plan", "--goal", "finetune", "--model", "llama-3.1-70b", "--method", "lora", "--tokens", "200M",
                 "--lang", "en", "--save", str(a)]) == 0
    assert main(["plan", "--goal", "finetune", "--model", "llama-3.1-8b", "--method", "full", "--tokens", "2B",
                 "--lang", "en", "--save", str(b)]) == 0
    capsys.readouterr()
    _, rows = compare_rows(compare_plans([str(a), str(b)], default_catalog()), "en")
    by_label = {r[0]: r[1:] for r in rows}
    assert by_label["Model"] == ["Llama 3.1 70B", "Llama 3.1 8B"]
    method = next(v for k, v in by_label.items() if k.lower().startswith("method") or k.lower().startswith("fine-tuning"))
    assert method == ["LoRA", "full"]

"""Models read from files: safetensors folders and GGUF files the tests write with the formats' own
libraries (``safetensors``, ``gguf``), and files that are broken in the ways downloads break."""

from __future__ import annotations

import json
import struct
import time
from pathlib import Path

import numpy as np
import pytest

from app.core.architectures import count_from_config
from app.planning.model_file import ModelFileError, read_model_file

TINY = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 64, "intermediate_size": 160,
        "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 100,
        "max_position_embeddings": 2048, "tie_word_embeddings": False, "torch_dtype": "float16"}


def hf_llama_tensors(cfg: dict, dtype=np.float16) -> dict[str, np.ndarray]:
    """The tensors transformers' LlamaForCausalLM has, by their checkpoint names."""
    h, f, v = cfg["hidden_size"], cfg["intermediate_size"], cfg["vocab_size"]
    hd = h // cfg["num_attention_heads"]
    kv = cfg["num_key_value_heads"] * hd
    t = {"model.embed_tokens.weight": (v, h), "model.norm.weight": (h,), "lm_head.weight": (v, h)}
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        t.update({p + "self_attn.q_proj.weight": (h, h), p + "self_attn.k_proj.weight": (kv, h),
                  p + "self_attn.v_proj.weight": (kv, h), p + "self_attn.o_proj.weight": (h, h),
                  p + "mlp.gate_proj.weight": (f, h), p + "mlp.up_proj.weight": (f, h), p + "mlp.down_proj.weight": (h, f),
                  p + "input_layernorm.weight": (h,), p + "post_attention_layernorm.weight": (h,)})
    return {k: np.zeros(s, dtype=dtype) for k, s in t.items()}


def write_folder(folder: Path, cfg: dict, tensors: dict[str, np.ndarray], shards: int = 1) -> Path:
    from safetensors.numpy import save_file

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    names = sorted(tensors)
    if shards == 1:
        save_file(tensors, str(folder / "model.safetensors"))
        return folder
    weight_map = {}
    for s in range(shards):
        part = {n: tensors[n] for n in names[s::shards]}
        fname = f"model-{s + 1:05d}-of-{shards:05d}.safetensors"
        save_file(part, str(folder / fname))
        weight_map.update(dict.fromkeys(part, fname))
    total = sum(a.nbytes for a in tensors.values())
    (folder / "model.safetensors.index.json").write_text(json.dumps({"metadata": {"total_size": total}, "weight_map": weight_map}))
    return folder


def test_a_safetensors_folder_is_counted_from_its_tensors(tmp_path):
    """The count from the checkpoint's tensors equals the config rule's count (the same tensors), and
    the bytes give 16 bits per weight for an fp16 checkpoint."""
    tensors = hf_llama_tensors(TINY)
    mf = read_model_file(write_folder(tmp_path / "tiny-llama", TINY, tensors))
    n = sum(a.size for a in tensors.values())
    assert mf.counted_from == "tensors" and mf.model.params_total == n == count_from_config(TINY).total
    assert mf.model.params_active == n and mf.dtypes == {"F16": n}
    assert mf.weight_bytes == 2 * n and mf.bits_per_weight == pytest.approx(16.0)
    assert (mf.model.layers, mf.model.hidden, mf.model.kv_heads, mf.model.name) == (2, 64, 2, "tiny-llama")


def test_a_sharded_folder_reads_every_shard_and_falls_back_to_the_config_when_one_is_missing(tmp_path):
    tensors = hf_llama_tensors(TINY)
    folder = write_folder(tmp_path / "sharded", TINY, tensors, shards=3)
    assert read_model_file(folder).model.params_total == sum(a.size for a in tensors.values())
    next(folder.glob("model-00002-*.safetensors")).unlink()
    mf = read_model_file(folder)
    assert mf.counted_from == "config" and mf.missing_shards == 1
    assert mf.model.params_total == count_from_config(TINY).total
    assert mf.weight_bytes == sum(a.nbytes for a in tensors.values())  # the index's total_size


def test_prediction_layers_are_left_out_and_an_encoder_is_loaded_but_not_active(tmp_path):
    """DeepSeek-V3's checkpoint holds a multi-token-prediction layer past num_hidden_layers (its
    README: 671B main model + 14B MTP module); a VLM's vision tower is loaded but computes once per
    image, not per token. FP8 scale tensors are bytes, not parameters."""
    tensors = hf_llama_tensors(TINY)
    base = sum(a.size for a in tensors.values())
    tensors["model.layers.2.mlp.gate_proj.weight"] = np.zeros((160, 64), np.float16)  # MTP-style extra layer
    tensors["vision_tower.encoder.weight"] = np.zeros((32, 64), np.float16)
    tensors["model.layers.0.mlp.down_proj.weight_scale_inv"] = np.zeros((4, 4), np.float32)
    mf = read_model_file(write_folder(tmp_path / "vlm", TINY, tensors))
    assert mf.excluded == {"mtp": 160 * 64, "encoder": 32 * 64}
    assert mf.model.params_total == base + 32 * 64 and mf.model.params_active == base


def test_a_quantised_checkpoint_takes_the_count_from_its_config(tmp_path):
    """GPTQ packs eight 4-bit weights into one int32 (qweight): shapes undercount, so the config's count
    is used and the bytes give the bits per weight."""
    cfg = {**TINY, "quantization_config": {"quant_method": "gptq", "bits": 4, "group_size": 128}}
    tensors = {"model.layers.0.self_attn.q_proj.qweight": np.zeros((8, 64), np.int32)}
    mf = read_model_file(write_folder(tmp_path / "gptq", cfg, tensors))
    assert mf.counted_from == "config" and mf.model.params_total == count_from_config(TINY).total
    assert mf.file_type == "gptq" and mf.weight_bytes == 8 * 64 * 4


def write_gguf(path: Path, arch: str = "llama", *, q8: bool = True, block_count: int | None = 2) -> int:
    """A tiny GGUF in llama.cpp's tensor names; returns its parameter count."""
    import gguf

    w = gguf.GGUFWriter(str(path), arch)
    if block_count is not None:
        w.add_block_count(block_count)
    w.add_embedding_length(64)
    w.add_feed_forward_length(160)
    w.add_head_count(4)
    w.add_head_count_kv(2)
    w.add_context_length(2048)
    w.add_vocab_size(100)
    w.add_name("Tiny Llama Q8")
    w.add_file_type(gguf.LlamaFileType.MOSTLY_Q8_0 if q8 else gguf.LlamaFileType.MOSTLY_F16)
    shapes = {"token_embd.weight": (100, 64), "output_norm.weight": (64,), "output.weight": (100, 64)}
    for i in range(2):
        shapes.update({f"blk.{i}.attn_q.weight": (64, 64), f"blk.{i}.attn_k.weight": (32, 64), f"blk.{i}.attn_v.weight": (32, 64),
                       f"blk.{i}.attn_output.weight": (64, 64), f"blk.{i}.ffn_gate.weight": (160, 64),
                       f"blk.{i}.ffn_up.weight": (160, 64), f"blk.{i}.ffn_down.weight": (64, 160),
                       f"blk.{i}.attn_norm.weight": (64,), f"blk.{i}.ffn_norm.weight": (64,)})
    n = 0
    for name, shape in shapes.items():
        n += int(np.prod(shape))
        data = np.zeros(shape, np.float32)
        if q8 and len(shape) == 2 and shape[1] % 32 == 0:
            w.add_tensor(name, gguf.quants.quantize(data, gguf.GGMLQuantizationType.Q8_0), raw_dtype=gguf.GGMLQuantizationType.Q8_0)
        else:
            w.add_tensor(name, data.astype(np.float16) if len(shape) == 2 else data)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return n


def test_a_gguf_file_gives_the_exact_count_size_and_bits_per_weight(tmp_path):
    """Q8_0 is 34 bytes per 32 weights = 8.5 bits (ggml-common.h, block_q8_0); the norms are F32."""
    path = tmp_path / "tiny-q8_0.gguf"
    n = write_gguf(path)
    mf = read_model_file(path)
    assert mf.kind == "gguf" and mf.model.params_total == n == count_from_config(TINY).total
    assert mf.file_type == "Q8_0" and mf.quant == "q8_0"
    norms = 64 * 5
    assert mf.weight_bytes == (n - norms) * 34 // 32 + norms * 4
    assert 8.5 < mf.bits_per_weight < 8.7 and mf.model.name == "Tiny Llama Q8"


def test_a_gguf_plan_serves_the_file_as_stored(tmp_path):
    """Inference on a GGUF uses its own format and bits per weight with llama.cpp, unless the request
    names another; the JSON carries the exact count."""
    from app.catalog.repository import default_catalog
    from app.planning.outcome import build_outcome
    from app.planning.request import PlanRequest, to_scenario

    path = tmp_path / "tiny.gguf"
    n = write_gguf(path)
    s = to_scenario(PlanRequest(goal="inference", model_file=str(path)), default_catalog())
    bpw = read_model_file(path).bits_per_weight
    assert (s.quant, s.engine.value, s.bits_per_weight) == ("q8_0", "llama.cpp", pytest.approx(bpw, abs=1e-4))
    assert s.model.params_total == n
    mine = to_scenario(PlanRequest(goal="inference", model_file=str(path), quant="bf16", engine="vllm"), default_catalog())
    assert (mine.quant, mine.engine.value, mine.bits_per_weight) == ("bf16", "vllm", None)
    out = build_outcome(s, default_catalog(), curves=False)
    f = out.plan.findings[0]
    assert f.code == "model_file" and f.params["params"] == n and f.params["format"] == "Q8_0"
    assert out.request["model_file"] == str(path)


@pytest.mark.parametrize(("damage", "code"), [
    (lambda b: b[:10], "truncated"),
    (lambda b: b[:300], "truncated"),
    (lambda b: b[: len(b) - 100], "truncated"),
    (lambda b: b"GGML" + b[4:], "bad_gguf"),
    (lambda b: b[:16] + struct.pack("<Q", 2**62) + b[24:], "truncated"),
])
def test_a_damaged_gguf_is_refused_quickly(tmp_path, damage, code):
    good = tmp_path / "good.gguf"
    write_gguf(good)
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(damage(good.read_bytes()))
    t0 = time.perf_counter()
    with pytest.raises(ModelFileError) as e:
        read_model_file(bad)
    assert time.perf_counter() - t0 < 3
    assert e.value.code in (code, "bad_gguf", "truncated") and e.value.params["path"] == str(bad)


def test_a_gguf_of_an_unknown_architecture_or_without_a_needed_key_names_it(tmp_path):
    path = tmp_path / "rwkv.gguf"
    write_gguf(path, arch="rwkv6")
    with pytest.raises(ModelFileError) as e:
        read_model_file(path)
    assert e.value.code == "unknown_architecture" and e.value.params["value"] == "rwkv6" and "qwen2" in e.value.params["allowed"]
    path = tmp_path / "nolayers.gguf"
    write_gguf(path, block_count=None)
    with pytest.raises(ModelFileError) as e:
        read_model_file(path)
    assert e.value.code == "missing_key" and e.value.params["key"] == "llama.block_count"


def test_broken_json_and_safetensors_name_what_is_wrong(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "config.json").write_text('{"model_type": "llama",\n "hidden_size": 64,,}')
    with pytest.raises(ModelFileError) as e:
        read_model_file(tmp_path / "a")
    assert e.value.code == "bad_json" and e.value.params["line"] == 2
    (tmp_path / "a" / "config.json").write_text(json.dumps({k: v for k, v in TINY.items() if k != "num_attention_heads"}))
    with pytest.raises(ModelFileError) as e:
        read_model_file(tmp_path / "a" / "config.json")
    assert e.value.code == "missing_key" and e.value.params["key"] == "num_attention_heads"
    folder = write_folder(tmp_path / "b", TINY, hf_llama_tensors(TINY))
    st = folder / "model.safetensors"
    st.write_bytes(st.read_bytes()[:-10])
    with pytest.raises(ModelFileError) as e:
        read_model_file(folder)
    assert e.value.code == "truncated"
    st.write_bytes(struct.pack("<Q", 10**12) + b"{}")
    with pytest.raises(ModelFileError) as e:
        read_model_file(folder)
    assert e.value.code == "too_large"


def test_a_huge_folder_without_a_model_is_refused_without_walking_it(tmp_path):
    big = tmp_path / "dataset"
    big.mkdir()
    for i in range(5000):
        (big / f"part-{i}.txt").write_bytes(b"")
    t0 = time.perf_counter()
    with pytest.raises(ModelFileError) as e:
        read_model_file(big)
    assert e.value.code == "not_a_model" and time.perf_counter() - t0 < 2
    with pytest.raises(ModelFileError) as e:
        read_model_file(tmp_path / "nowhere")
    assert e.value.code == "not_found"

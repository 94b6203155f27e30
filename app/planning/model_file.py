"""A model on disk, read offline: a ``config.json``, a Hugging Face model folder (config.json plus
safetensors headers or their index), or a ``.gguf`` file.

- The shape comes from the config (``app.core.architectures``) or, for GGUF, from the file's
  ``<arch>.*`` metadata keys (llama.cpp's GGUF spec, docs/gguf.md in ggml-org/ggml).
- The exact parameter count comes from the weights where they are present: a safetensors file starts
  with an 8-byte little-endian header length and a JSON header of every tensor's dtype, shape and byte
  range (the format's spec, huggingface/safetensors README); a GGUF header lists every tensor's type
  and shape, read here with the ``gguf`` package (ggml-org's own reader). Only headers are read: a
  70B checkpoint opens in milliseconds, and the weights themselves need not be downloaded (the
  config alone gives the count, the index gives the byte size).
- Parameters that do not run per token are kept apart: multi-token-prediction layers past
  ``num_hidden_layers`` (DeepSeek-V3) are left out, a vision or audio encoder counts in the total
  (it is loaded) but not in the active parameters; FP8 scales are bytes, not parameters.

Every problem is a ``ModelFileError`` with a code and the key or file it concerns; nothing here
raises anything else for a bad file.
"""

from __future__ import annotations

import json
import math
import os
import re
import struct
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.core.architectures import ArchitectureError, Counts, count_from_config, model_from_config, text_config
from app.core.precision import WEIGHT_BITS
from app.core.specs import ModelSpec
from app.fileio import FileProblem, read_regular

CONFIG_LIMIT = 4 << 20
INDEX_LIMIT = 64 << 20
HEADER_LIMIT = 100_000_000  # the safetensors crate refuses larger headers
_SCALE = re.compile(r"(_scale_inv|\.weight_scale|\.input_scale|\.scales|\.qzeros|\.g_idx|\.absmax|\.quant_map|\.quant_state.*)$")
_ENCODER = ("vision_tower.", "vision_model.", "multi_modal_projector.", "visual.", "audio_tower.", "model.vision", "model.audio")
_LAYER = re.compile(r"(?:^|\.)layers\.(\d+)\.")


@dataclass(frozen=True)
class ModelFileError(ValueError):
    """``code``: not_found, not_a_model, bad_json, missing_key, bad_key, unknown_architecture, truncated,
    bad_gguf, too_large, unreadable. ``params`` name the file, the key or the value."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}: {self.params}"


@dataclass(frozen=True)
class ModelFile:
    """What was read: the model, and what the weights say about it."""

    path: str
    kind: str  # config | folder | gguf
    model: ModelSpec
    counted_from: str  # tensors | config
    weight_bytes: int | None = None
    dtypes: dict[str, int] = field(default_factory=dict)  # parameters per stored dtype / GGUF type
    file_type: str = ""  # GGUF general.file_type (Q4_K_M), or the config's torch_dtype
    quant: str | None = None  # the planner's weight format for it, when it has one (q4_k_m)
    excluded: dict[str, int] = field(default_factory=dict)  # mtp, encoder (active only)
    missing_shards: int = 0

    @property
    def bits_per_weight(self) -> float | None:
        if not self.weight_bytes or not self.model.params_total:
            return None
        return 8.0 * self.weight_bytes / self.model.params_total


def _problem(code: str, path: Path | str, **params: Any) -> ModelFileError:
    return ModelFileError(code, {"path": str(path), **params})


def _read(path: Path, limit: int) -> bytes:
    try:
        return read_regular(path, limit)
    except FileNotFoundError:
        raise _problem("not_found", path) from None
    except FileProblem as e:
        raise _problem("too_large" if e.code == "too_large" else "unreadable", path, limit=limit, reason=e.code) from None
    except OSError as e:
        raise _problem("unreadable", path, reason=e.strerror or type(e).__name__) from None


def _json(path: Path, limit: int) -> dict[str, Any]:
    raw = _read(path, limit)
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _problem("bad_json", path, line=1) from None
    except json.JSONDecodeError as e:
        raise _problem("bad_json", path, line=e.lineno) from None
    if not isinstance(doc, dict):
        raise _problem("bad_json", path, line=1)
    return doc


def _arch_error(e: ArchitectureError, path: Path) -> ModelFileError:
    return _problem(e.code, path, key=e.key, value=e.value, allowed=e.allowed)


def safetensors_header(path: Path) -> dict[str, Any]:
    """The JSON header of a safetensors file, checked against the file's size."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(8)
            if len(head) < 8:
                raise _problem("truncated", path)
            (n,) = struct.unpack("<Q", head)
            if n > HEADER_LIMIT or n + 8 > size:
                raise _problem("truncated" if n <= HEADER_LIMIT else "too_large", path, limit=HEADER_LIMIT)
            raw = f.read(n)
    except FileNotFoundError:
        raise _problem("not_found", path) from None
    except OSError as e:
        raise _problem("unreadable", path, reason=e.strerror or type(e).__name__) from None
    try:
        header = json.loads(raw.decode("utf-8").rstrip(" "))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _problem("bad_json", path, line=1) from None
    if not isinstance(header, dict):
        raise _problem("bad_json", path, line=1)
    end = 0
    for name, t in header.items():
        if name == "__metadata__":
            continue
        if not (isinstance(t, dict) and isinstance(t.get("shape"), list) and isinstance(t.get("data_offsets"), list)
                and len(t["data_offsets"]) == 2 and all(isinstance(x, int) and x >= 0 for x in [*t["shape"], *t["data_offsets"]])):
            raise _problem("bad_key", path, key=name, value=None)
        end = max(end, t["data_offsets"][1])
    if 8 + n + end > size:
        raise _problem("truncated", path)
    return header


def _tensor_counts(headers: list[dict[str, Any]], layers: int) -> tuple[int, int, int, dict[str, int], int]:
    """Parameters (excluding MTP layers), of which encoder, MTP parameters, params per dtype, bytes."""
    total = encoder = mtp = nbytes = 0
    dtypes: dict[str, int] = {}
    for header in headers:
        for name, t in header.items():
            if name == "__metadata__":
                continue
            nbytes += t["data_offsets"][1] - t["data_offsets"][0]
            if _SCALE.search(name):
                continue
            n = math.prod(t["shape"]) if t["shape"] else 1
            m = _LAYER.search(name)
            if m and int(m.group(1)) >= layers and not name.startswith(_ENCODER):
                mtp += n
                continue
            total += n
            dtypes[str(t.get("dtype", "?"))] = dtypes.get(str(t.get("dtype", "?")), 0) + n
            if name.startswith(_ENCODER):
                encoder += n
    return total, encoder, mtp, dtypes, nbytes


def _folder(folder: Path, config_path: Path) -> ModelFile:
    config = _json(config_path, CONFIG_LIMIT)
    try:
        from_config = count_from_config(config)
        cfg = text_config(config)
    except ArchitectureError as e:
        raise _arch_error(e, config_path) from None
    index = folder / "model.safetensors.index.json"
    shards: list[Path] = []
    index_bytes = None
    if index.is_file():
        doc = _json(index, INDEX_LIMIT)
        wm = doc.get("weight_map")
        if not isinstance(wm, dict):
            raise _problem("missing_key", index, key="weight_map")
        shards = [folder / str(s) for s in dict.fromkeys(wm.values())]
        meta: dict[str, Any] = doc["metadata"] if isinstance(doc.get("metadata"), dict) else {}
        index_bytes = meta.get("total_size") if isinstance(meta.get("total_size"), int) else None
    else:
        shards = sorted(folder.glob("*.safetensors"))
    present = [s for s in shards if s.is_file()]
    quant_cfg: dict[str, Any] = config["quantization_config"] if isinstance(config.get("quantization_config"), dict) else {}
    packed = bool(quant_cfg) and quant_cfg.get("quant_method") not in ("fp8",)
    mt = str(cfg.get("model_type"))
    dtype = str(cfg.get("torch_dtype") or config.get("torch_dtype") or "")
    if not present or len(present) < len(shards):
        model = model_from_config(config, model_id=_id(folder.name), name=folder.name, source=str(folder))
        return ModelFile(str(folder), "folder", model, "config", weight_bytes=index_bytes, file_type=quant_cfg.get("quant_method") or dtype,
                         missing_shards=len(shards) - len(present))
    headers = [safetensors_header(s) for s in present]
    total, encoder, mtp, dtypes, nbytes = _tensor_counts(headers, int(cfg["num_hidden_layers"]))
    if packed:  # GPTQ/AWQ/bitsandbytes pack several weights per stored element: shapes undercount
        counts, counted = from_config, "config"
    else:
        lm = total - encoder
        counts = Counts(total, max(1, lm - (from_config.total - from_config.active)))
        counted = "tensors"
    model = model_from_config(config, model_id=_id(folder.name), name=folder.name, counts=counts, source=str(folder),
                              notes=mt)
    excluded = {k: v for k, v in (("mtp", mtp), ("encoder", encoder)) if v}
    return ModelFile(str(folder), "folder", model, counted, weight_bytes=nbytes, dtypes=dtypes,
                     file_type=quant_cfg.get("quant_method") or dtype, excluded=excluded)


def _id(stem: str) -> str:
    s = re.sub(r"[^a-z0-9.]+", "-", stem.lower()).strip("-.")
    return s[:64] or "model"


def read_model_file(path: str | os.PathLike[str]) -> ModelFile:
    """The model at ``path``: a config.json, a model folder or a .gguf file."""
    p = Path(path).expanduser()
    if not p.exists():
        raise _problem("not_found", p)
    if p.is_dir():
        if (p / "config.json").is_file():
            return _folder(p, p / "config.json")
        ggufs = sorted(p.glob("*.gguf"))
        if len(ggufs) == 1:
            return read_gguf(ggufs[0])
        raise _problem("not_a_model", p, found=len(ggufs))
    if p.suffix.lower() == ".gguf":
        return read_gguf(p)
    if p.suffix.lower() == ".safetensors" or p.name.endswith(".index.json"):
        if (p.parent / "config.json").is_file():
            return _folder(p.parent, p.parent / "config.json")
        raise _problem("missing_key", p, key="config.json")
    if p.suffix.lower() == ".json":
        config = _json(p, CONFIG_LIMIT)
        try:
            model = model_from_config(config, model_id=_id(p.parent.name or p.stem), name=p.parent.name or p.stem, source=str(p))
        except ArchitectureError as e:
            raise _arch_error(e, p) from None
        return ModelFile(str(p), "config", model, "config", file_type=str(text_config(config).get("torch_dtype") or ""))
    raise _problem("not_a_model", p, found=0)


_cache: dict[tuple[str, int, int], ModelFile] = {}


def cached_model_file(path: str | os.PathLike[str]) -> ModelFile:
    """``read_model_file``, read once per file version (the wizard re-plans on every edit)."""
    p = Path(path).expanduser()
    try:
        st = p.stat()
        key = (str(p.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        return read_model_file(p)
    hit = _cache.get(key)
    if hit is None:
        hit = _cache[key] = read_model_file(p)
        while len(_cache) > 16:
            _cache.pop(next(iter(_cache)))
    return hit


# --- GGUF ---------------------------------------------------------------------------------------
# GGUF architecture -> the config.json keys its metadata fills. Mistral and Mixtral are "llama" in GGUF.
GGUF_ARCHES: dict[str, str] = {
    "llama": "llama", "mistral3": "mistral", "qwen2": "qwen2", "qwen3": "qwen3", "qwen2moe": "qwen2_moe",
    "qwen3moe": "qwen3_moe", "gemma": "gemma", "gemma2": "gemma2", "gemma3": "gemma3_text", "phi2": "phi",
    "phi3": "phi3", "deepseek2": "deepseek_v3", "gpt-oss": "gpt_oss",
}
_GGUF_KEYS = {  # config key <- metadata key (after "<arch>.")
    "num_hidden_layers": "block_count", "hidden_size": "embedding_length", "intermediate_size": "feed_forward_length",
    "num_attention_heads": "attention.head_count", "num_key_value_heads": "attention.head_count_kv",
    "max_position_embeddings": "context_length", "head_dim": "attention.key_length",
    "sliding_window": "attention.sliding_window", "num_local_experts": "expert_count",
    "num_experts_per_tok": "expert_used_count", "moe_intermediate_size": "expert_feed_forward_length",
    "kv_lora_rank": "attention.kv_lora_rank", "q_lora_rank": "attention.q_lora_rank",
    "qk_rope_head_dim": "rope.dimension_count", "first_k_dense_replace": "leading_dense_block_count",
    "n_shared_experts": "expert_shared_count",
}


def _gguf_fields(reader: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, f in reader.fields.items():
        if name == "tokenizer.ggml.tokens":
            out["tokenizer.ggml.tokens"] = len(f.data)  # the count is enough; decoding 150K strings is not
            continue
        if name.startswith("tokenizer.ggml.") or name.startswith("tokenizer.chat_template"):
            continue
        try:
            out[name] = f.contents()
        except (ValueError, IndexError, TypeError, UnicodeDecodeError):
            out[name] = None
    return out


def _open_gguf(path: Path) -> Any:
    try:
        import gguf
    except ImportError:  # pragma: no cover - a dependency; here for a broken install
        raise _problem("unreadable", path, reason="the gguf package is not installed") from None
    try:
        with open(path, "rb") as f:
            if f.read(4) != b"GGUF":
                raise _problem("bad_gguf", path, reason="magic")
        return gguf, gguf.GGUFReader(path, "r")
    except ModelFileError:
        raise
    except FileNotFoundError:
        raise _problem("not_found", path) from None
    except (ValueError, IndexError, KeyError, TypeError, OverflowError, struct.error, MemoryError, EOFError) as e:
        raise _problem("truncated" if "size" in str(e) or "bounds" in str(e) else "bad_gguf", path, reason=type(e).__name__) from None
    except OSError as e:
        raise _problem("unreadable", path, reason=e.strerror or type(e).__name__) from None


def _gguf_config(meta: dict[str, Any], path: Path) -> dict[str, Any]:
    arch = meta.get("general.architecture")
    if not isinstance(arch, str):
        raise _problem("missing_key", path, key="general.architecture")
    if arch not in GGUF_ARCHES:
        raise _problem("unknown_architecture", path, value=arch, allowed=", ".join(sorted(GGUF_ARCHES)))
    cfg: dict[str, Any] = {"model_type": GGUF_ARCHES[arch]}
    for key, meta_key in _GGUF_KEYS.items():
        v = meta.get(f"{arch}.{meta_key}")
        if isinstance(v, list):  # per-layer head counts (some architectures): the largest
            v = max(v) if v else None
        if v is not None:
            cfg[key] = v
    vocab = meta.get(f"{arch}.vocab_size") or meta.get("tokenizer.ggml.tokens")
    if vocab:
        cfg["vocab_size"] = vocab
    if arch == "deepseek2":
        cfg.setdefault("qk_nope_head_dim", (meta.get(f"{arch}.attention.key_length") or 192) - cfg.get("qk_rope_head_dim", 64))
        cfg.setdefault("v_head_dim", meta.get(f"{arch}.attention.value_length") or 128)
        cfg.setdefault("n_routed_experts", cfg.pop("num_local_experts", 1))
    for need in ("num_hidden_layers", "hidden_size", "num_attention_heads"):
        if need not in cfg:
            raise _problem("missing_key", path, key=f"{arch}.{_GGUF_KEYS[need]}")
    if "vocab_size" not in cfg:
        raise _problem("missing_key", path, key="tokenizer.ggml.tokens")
    cfg.setdefault("intermediate_size", cfg.get("moe_intermediate_size", 4 * cfg["hidden_size"]))
    return cfg


def read_gguf(path: Path) -> ModelFile:
    """A GGUF file: the exact count and size from its tensor list, the shape from its metadata."""
    gguf, reader = _open_gguf(path)
    meta = _gguf_fields(reader)
    cfg = _gguf_config(meta, path)
    total = inactive = nbytes = 0
    dtypes: dict[str, int] = {}
    n_exp, used = int(cfg.get("num_local_experts") or cfg.get("n_routed_experts") or 1), int(cfg.get("num_experts_per_tok") or 1)
    for t in reader.tensors:
        n, b = int(t.n_elements), int(t.n_bytes)
        total += n
        nbytes += b
        kind = t.tensor_type.name
        dtypes[kind] = dtypes.get(kind, 0) + n
        if "_exps" in t.name and n_exp > 1:
            inactive += n * (n_exp - used) // n_exp
    if total == 0:
        raise _problem("missing_key", path, key="tensors")
    try:
        ft = meta.get("general.file_type")
        file_type = gguf.LlamaFileType(int(ft)).name.removeprefix("MOSTLY_") if ft is not None else ""
    except (ValueError, TypeError):
        file_type = ""
    name = meta.get("general.name") if isinstance(meta.get("general.name"), str) else path.stem
    try:
        model = model_from_config(cfg, model_id=_id(path.stem), name=str(name), counts=Counts(total, total - inactive),
                                  source=str(path))
    except ArchitectureError as e:
        raise _arch_error(e, path) from None
    quant = file_type.lower() if file_type.lower() in WEIGHT_BITS else None
    return replace(ModelFile(str(path), "gguf", model, "tensors", weight_bytes=nbytes, dtypes=dtypes, file_type=file_type), quant=quant)


def model_file_finding(mf: ModelFile) -> Any:
    """An info finding that says what was read from the file (the CLI and the report show it first)."""
    from app.core.results import Finding

    bpw = mf.bits_per_weight
    return Finding(code="model_file", severity="info", params={
        "file": Path(mf.path).name, "kind": mf.kind, "counted_from": mf.counted_from, "params": mf.model.params_total,
        "active": mf.model.params_active, "weight_bytes": mf.weight_bytes, "bits_per_weight": round(bpw, 3) if bpw else None,
        "format": mf.file_type or None, "mtp": mf.excluded.get("mtp"), "encoder": mf.excluded.get("encoder"),
        "missing_shards": mf.missing_shards or None})


def save_to_catalog(catalog: Any, mf: ModelFile, model_id: str | None = None) -> str:
    """Add the model read from a file to the user's catalog (through the CSV checks every import
    passes); returns its id. Later plans name it with ``--model ID``."""
    import datetime as dt

    from app.catalog.csv_io import check_record

    m = mf.model
    entry = model_id or m.id
    record = {**m.model_dump(), "id": entry, "source": f"{mf.kind} {mf.path} ({mf.counted_from})",
              "as_of": dt.date.today().isoformat(), "notes": f"read from {Path(mf.path).name}"}
    checked, problems = check_record("models", record, catalog.known_ids(), where=str(mf.path))
    if problems or checked is None:
        raise ValueError(str(problems[0]))
    catalog.add("models", checked)
    return entry

"""A model's shape and exact parameter count from its Hugging Face ``config.json`` (pure: the files
are read by ``app.planning.model_file``).

Each family's tensors are counted the way its ``transformers`` modelling code builds them
(``modeling_<family>.py``; the per-family rules below name what differs from Llama):

- Llama / Mistral / Mixtral: q, k, v, o without bias (``attention_bias``, ``mlp_bias`` add them),
  SwiGLU MLP (gate, up, down), two RMSNorms per layer, untied embeddings.
- Qwen2 / Qwen2-MoE: bias on q, k and v. Qwen3 / Qwen3-MoE: no bias, an RMSNorm over each head's q
  and k (``q_norm``, ``k_norm``). Qwen2-MoE adds a shared expert and its sigmoid gate.
- Gemma 2 / 3: four RMSNorms per layer, tied embeddings, an explicit ``head_dim``; Gemma 3 adds
  q/k norms. Sliding windows: Gemma 2 alternates local and global layers, Gemma 3 has
  ``sliding_window_pattern`` - 1 local layers per global one (or ``layer_types``).
- Phi-2 (``phi``): one LayerNorm (with bias) per layer, a plain GELU MLP and every projection with
  bias, a biased output head. Phi-3 / Phi-4 (``phi3``): fused qkv and gate_up, counted as Llama.
- DeepSeek-V2 / V3: multi-head latent attention (q_lora_rank, kv_lora_rank, qk_nope/rope, v head
  dims), ``first_k_dense_replace`` dense layers, routed and shared experts, and (V3, noaux_tc) an
  expert score-correction bias.
- gpt-oss: biased q, k, v, o, per-head attention sinks, experts with biases, a biased router.

Active parameters count every tensor a token passes through, embeddings included. Model cards differ:
Mixtral and Qwen include the embeddings; gpt-oss excludes the input embedding table (5.13B active for
gpt-oss-120b), DeepSeek rounds V2-Lite to 2.4B the same way. The tests compare with each card's own
convention.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.specs import ModelSpec

# model_type -> family rules. "moe" names the config keys of the experts; the family decides the rest.
FAMILIES: dict[str, str] = {
    "llama": "llama", "mistral": "llama", "mixtral": "llama", "qwen2": "qwen2", "qwen2_moe": "qwen2",
    "qwen3": "qwen3", "qwen3_moe": "qwen3", "gemma": "gemma", "gemma2": "gemma2", "gemma3_text": "gemma3",
    "gemma3": "gemma3", "phi": "phi", "phi3": "llama", "deepseek_v2": "deepseek", "deepseek_v3": "deepseek",
    "gpt_oss": "gpt_oss",
}
# transformers' configuration defaults where a config.json leaves the key out
_TIED_DEFAULT = {"gemma": True, "gemma2": True, "gemma3": True}
_NORMS_PER_LAYER = {"gemma2": 4, "gemma3": 4}


@dataclass(frozen=True)
class ArchitectureError(ValueError):
    """A config.json the planner cannot read: ``code`` is ``unknown_architecture`` (``value``, ``allowed``),
    ``missing_key`` or ``bad_key`` (``key``, ``value``)."""

    code: str
    key: str = ""
    value: Any = None
    allowed: str = ""

    def __str__(self) -> str:
        return f"{self.code}: {self.key or self.value}"


@dataclass(frozen=True)
class Counts:
    total: int
    active: int


def text_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """The language model's part of a config (multimodal checkpoints nest it as ``text_config``)."""
    inner = config.get("text_config")
    if isinstance(inner, Mapping):
        merged = {**{k: v for k, v in config.items() if k != "text_config"}, **inner}
        if "model_type" not in inner and config.get("model_type"):
            merged["model_type"] = f"{config['model_type']}_text"
        return merged
    return dict(config)


def model_type(config: Mapping[str, Any]) -> str:
    mt = config.get("model_type")
    if not isinstance(mt, str) or not mt:
        arch = config.get("architectures")
        raise ArchitectureError("missing_key", key="model_type", value=arch[0] if isinstance(arch, list) and arch else None)
    if mt not in FAMILIES:
        raise ArchitectureError("unknown_architecture", value=mt, allowed=", ".join(sorted(FAMILIES)))
    return mt


def _int(cfg: Mapping[str, Any], key: str, default: int | None = None, *, low: int = 1) -> int:
    v = cfg.get(key)
    if v is None:
        if default is None:
            raise ArchitectureError("missing_key", key=key)
        return default
    if isinstance(v, bool) or not isinstance(v, int | float) or v != int(v) or int(v) < low or int(v) > 10**12:
        raise ArchitectureError("bad_key", key=key, value=v)
    return int(v)


def _experts(cfg: Mapping[str, Any]) -> tuple[int, int]:
    """Routed experts and experts per token (1, 1 for a dense model)."""
    n = cfg.get("n_routed_experts") or cfg.get("num_local_experts") or cfg.get("num_experts") or 1
    if n == 1:
        return 1, 1
    n = _int(cfg, "n_routed_experts" if "n_routed_experts" in cfg else
             "num_local_experts" if "num_local_experts" in cfg else "num_experts")
    k = _int(cfg, "experts_per_token" if "num_experts_per_tok" not in cfg and "experts_per_token" in cfg
             else "num_experts_per_tok")
    if k > n:
        raise ArchitectureError("bad_key", key="num_experts_per_tok", value=k)
    return n, k


def _attention(cfg: Mapping[str, Any], family: str, h: int, heads: int, kv: int, hd: int) -> int:
    if family == "deepseek":
        nope, rope = _int(cfg, "qk_nope_head_dim"), _int(cfg, "qk_rope_head_dim")
        v_hd, kv_rank = _int(cfg, "v_head_dim"), _int(cfg, "kv_lora_rank")
        q_rank = cfg.get("q_lora_rank")
        q = h * heads * (nope + rope) if not q_rank else h * int(q_rank) + int(q_rank) + int(q_rank) * heads * (nope + rope)
        kv_part = h * (kv_rank + rope) + kv_rank + kv_rank * heads * (nope + v_hd)
        return q + kv_part + heads * v_hd * h
    n = h * heads * hd * 2 + h * kv * hd * 2
    qkv_bias = family in ("qwen2", "phi", "gpt_oss") or bool(cfg.get("attention_bias"))
    o_bias = family in ("phi", "gpt_oss") or (family != "qwen2" and bool(cfg.get("attention_bias")))
    if qkv_bias:
        n += heads * hd + 2 * kv * hd
    if o_bias:
        n += h
    if family in ("qwen3", "gemma3"):
        n += 2 * hd  # q_norm, k_norm
    if family == "gpt_oss":
        n += heads  # attention sinks
    return n


def _mlp(family: str, h: int, f: int, cfg: Mapping[str, Any]) -> int:
    if family == "phi":
        return 2 * h * f + f + h
    n = 3 * h * f
    if family == "gpt_oss" or cfg.get("mlp_bias"):
        n += 2 * f + h
    return n


def _moe_layer(cfg: Mapping[str, Any], family: str, h: int, n_exp: int, k: int) -> tuple[int, int]:
    """Total and active parameters of one sparse layer's MLP (experts, shared experts, router)."""
    f = _int(cfg, "moe_intermediate_size") if "moe_intermediate_size" in cfg else _int(cfg, "intermediate_size")
    expert = _mlp(family, h, f, cfg)
    router = h * n_exp + (n_exp if family == "gpt_oss" else 0)
    shared = 0
    if family == "deepseek":
        shared = _int(cfg, "n_shared_experts", 0, low=0) * expert
        if cfg.get("topk_method") == "noaux_tc":
            router += n_exp  # e_score_correction_bias
    elif cfg.get("shared_expert_intermediate_size"):
        shared = _mlp(family, h, _int(cfg, "shared_expert_intermediate_size"), cfg) + h  # + shared_expert_gate
    return n_exp * expert + shared + router, k * expert + shared + router


def _sparse_layers(cfg: Mapping[str, Any], family: str, layers: int, n_exp: int) -> list[bool]:
    if n_exp == 1:
        return [False] * layers
    if family == "deepseek":
        first, freq = _int(cfg, "first_k_dense_replace", 0, low=0), _int(cfg, "moe_layer_freq", 1)
        return [i >= first and i % freq == 0 for i in range(layers)]
    step = _int(cfg, "decoder_sparse_step", 1)
    dense = set(cfg.get("mlp_only_layers") or [])
    return [i not in dense and (i + 1) % step == 0 for i in range(layers)]


def count_from_config(config: Mapping[str, Any]) -> Counts:
    """Exact total and active parameters of the language model a config.json describes."""
    cfg = text_config(config)
    family = FAMILIES[model_type(cfg)]
    h, layers = _int(cfg, "hidden_size"), _int(cfg, "num_hidden_layers")
    heads = _int(cfg, "num_attention_heads")
    kv = _int(cfg, "num_key_value_heads", heads)
    hd = _int(cfg, "head_dim", h // heads)
    vocab = _int(cfg, "vocab_size")
    n_exp, k = _experts(cfg)
    norm = 2 * h if family == "phi" else h
    per_layer_norms = norm * (1 if family == "phi" else _NORMS_PER_LAYER.get(family, 2))
    attn = _attention(cfg, family, h, heads, kv, hd)
    total = active = 0
    for sparse in _sparse_layers(cfg, family, layers, n_exp):
        if sparse:
            t, a = _moe_layer(cfg, family, h, n_exp, k)
        else:
            t = a = _mlp(family, h, _int(cfg, "intermediate_size"), cfg)
        total += attn + per_layer_norms + t
        active += attn + per_layer_norms + a
    tied = cfg.get("tie_word_embeddings", _TIED_DEFAULT.get(family, False))
    emb = vocab * h * (1 if tied else 2) + (vocab if family == "phi" else 0) + norm
    return Counts(total + emb, active + emb)


def _local_layers(cfg: Mapping[str, Any], family: str, layers: int) -> tuple[int | None, int]:
    """Sliding window and how many layers use it."""
    window = cfg.get("sliding_window")
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        return None, 0
    types = cfg.get("layer_types")
    if isinstance(types, list) and types:
        return window, sum(1 for t in types if t == "sliding_attention")
    if family == "gemma2":
        return window, layers // 2
    if family == "gemma3":
        pattern = cfg.get("sliding_window_pattern") or 6
        return window, layers - layers // int(pattern)
    if family == "qwen2" or family == "qwen3":
        if not cfg.get("use_sliding_window"):
            return None, 0
        return window, max(0, layers - int(cfg.get("max_window_layers") or 0))
    return window, layers  # Mistral 7B v0.1: every layer


def model_from_config(config: Mapping[str, Any], *, model_id: str = "custom", name: str = "", counts: Counts | None = None,
                      source: str = "", notes: str = "") -> ModelSpec:
    """The ModelSpec a config.json describes; ``counts`` (from the weight files) overrides the count."""
    cfg = text_config(config)
    mt = model_type(cfg)
    family = FAMILIES[mt]
    counted = counts or count_from_config(config)
    h, layers = _int(cfg, "hidden_size"), _int(cfg, "num_hidden_layers")
    heads = _int(cfg, "num_attention_heads")
    kv = heads if family == "deepseek" else _int(cfg, "num_key_value_heads", heads)
    hd = _int(cfg, "v_head_dim") if family == "deepseek" else _int(cfg, "head_dim", h // heads)
    n_exp, k = _experts(cfg)
    ffn = _int(cfg, "moe_intermediate_size") if n_exp > 1 and "moe_intermediate_size" in cfg else _int(cfg, "intermediate_size")
    window, local = _local_layers(cfg, family, layers)
    kv_elems = _int(cfg, "kv_lora_rank") + _int(cfg, "qk_rope_head_dim") if family == "deepseek" else None
    context = _int(cfg, "max_position_embeddings", 4096)
    return ModelSpec(
        id=model_id, name=name or str(cfg.get("_name_or_path") or mt), params_total=float(counted.total),
        params_active=float(min(counted.active, counted.total)), layers=layers, hidden=h, heads=heads, kv_heads=kv,
        head_dim=hd, ffn=ffn, vocab=_int(cfg, "vocab_size"), context=context, num_experts=n_exp, experts_per_token=k,
        tied_embeddings=bool(cfg.get("tie_word_embeddings", _TIED_DEFAULT.get(family, False))),
        gated_ffn=family != "phi", kv_elems_per_token_per_layer=kv_elems, sliding_window=window, local_layers=local,
        source=source, notes=notes, origin="file",
    )

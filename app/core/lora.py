"""LoRA's target matrices and the parameters its adapters train (Hu et al. 2021)."""

from __future__ import annotations

from app.core.specs import ModelSpec

LORA_TARGETS = {
    "all-linear": ("q", "k", "v", "o", "gate", "up", "down"),
    "attention": ("q", "k", "v", "o"),
    "qv": ("q", "v"),
}


def lora_trainable_params(model: ModelSpec, rank: int, targets: str = "all-linear") -> float:
    """LoRA adds A (r x d_in) and B (d_out x r) to each adapted matrix: r (d_in + d_out) parameters
    (Hu et al. 2021, §4). For MoE every expert's FFN gets its own adapter."""
    h, hd = model.hidden, model.head_dim
    q_out = model.heads * hd
    kv_out = model.kv_heads * hd
    dims = {
        "q": (h, q_out),
        "k": (h, kv_out),
        "v": (h, kv_out),
        "o": (q_out, h),
        "gate": (h, model.ffn),
        "up": (h, model.ffn),
        "down": (model.ffn, h),
    }
    per_layer = 0.0
    for t in LORA_TARGETS[targets]:
        d_in, d_out = dims[t]
        mult = model.num_experts if t in ("gate", "up", "down") else 1
        if t == "gate" and not model.gated_ffn:
            continue
        per_layer += rank * (d_in + d_out) * mult
    return per_layer * model.layers

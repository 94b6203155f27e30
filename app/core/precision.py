"""Bytes per weight and per cached element, by precision or quantisation format.

Sources:
- Block formats are fixed by their layout in llama.cpp's ggml (ggml-common.h): a q8_0 block holds
  32 int8 weights and one fp16 scale = 34 bytes / 32 weights = 8.5 bits per weight; q4_0 = 18 B / 32
  = 4.5; q4_1 = 20 B / 32 = 5.0; q5_0 = 22 B / 32 = 5.5; q5_1 = 24 B / 32 = 6.0; q6_k = 210 B / 256 =
  6.5625.
- k-quant *mixes* (q4_k_m, ...) put some tensors in a larger type, so their bits per weight depend on
  the model. We use llama.cpp's measured table for Llama 2 7B (tools/quantize/README.md, "Bits per
  Weight"): Q2_K 3.35, Q3_K_S 3.50, Q3_K_M 3.91, Q3_K_L 4.27, Q4_K_S 4.58, Q4_K_M 4.84, Q5_K_S 5.52,
  Q5_K_M 5.68, Q6_K 6.56.
- int4 (GPTQ/AWQ style, group size 128): 4 bits plus an fp16 scale and a 4-bit zero point per group
  of 128 weights = 4 + 20/128 = 4.156 bits.
- nf4 (QLoRA, Dettmers et al. 2023, §3 "Double Quantization"): 4 bits plus quantisation constants
  that double quantisation brings from 0.5 to 0.127 bits per parameter = 4.127 bits.
"""

from __future__ import annotations

WEIGHT_BITS: dict[str, float] = {
    "fp32": 32.0,
    "bf16": 16.0,
    "fp16": 16.0,
    "fp8": 8.0,
    "int8": 8.0,
    "int4": 4.0 + 20.0 / 128.0,
    "nf4": 4.0 + 0.127,
    # GGUF (llama.cpp)
    "f16": 16.0,
    "q8_0": 8.5,
    "q6_k": 6.5625,
    "q5_1": 6.0,
    "q5_0": 5.5,
    "q5_k_m": 5.68,
    "q5_k_s": 5.52,
    "q4_1": 5.0,
    "q4_0": 4.5,
    "q4_k_m": 4.84,
    "q4_k_s": 4.58,
    "q3_k_l": 4.27,
    "q3_k_m": 3.91,
    "q3_k_s": 3.50,
    "q2_k": 3.35,
}

GGUF_FORMATS = frozenset(k for k in WEIGHT_BITS if k.startswith("q") or k == "f16")

# Which dense peak a quantised model computes at. Weight-only quantisations (GGUF, int4, nf4)
# dequantise to 16-bit for the matmul; fp8 and int8 (W8A8) use the 8-bit tensor cores.
COMPUTE_PRECISION: dict[str, str] = {"fp32": "fp32", "fp8": "fp8", "int8": "int8"}

KV_BITS: dict[str, float] = {"fp32": 32.0, "fp16": 16.0, "bf16": 16.0, "fp8": 8.0, "int8": 8.0, "int4": 4.0}

TRAINING_PRECISIONS = ("bf16", "fp16", "fp8", "fp32")


def weight_bytes_per_param(fmt: str) -> float:
    try:
        return WEIGHT_BITS[fmt] / 8.0
    except KeyError:
        raise ValueError(f"unknown weight format {fmt!r}; allowed: {', '.join(sorted(WEIGHT_BITS))}") from None


def kv_bytes_per_elem(fmt: str) -> float:
    try:
        return KV_BITS[fmt] / 8.0
    except KeyError:
        raise ValueError(f"unknown KV-cache dtype {fmt!r}; allowed: {', '.join(sorted(KV_BITS))}") from None


def compute_precision_for(fmt: str) -> str:
    """The tensor-core precision a weight format runs its matmuls in."""
    return COMPUTE_PRECISION.get(fmt, "bf16" if fmt != "fp16" else "fp16")

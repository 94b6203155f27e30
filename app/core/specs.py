"""Frozen specs handed into the core: accelerators and models.

Parameter counts follow the standard decoder-only transformer layout (Llama/Mistral/Qwen family):
per layer Q and O projections of hidden x (heads*head_dim), K and V of hidden x (kv_heads*head_dim),
a gated (SwiGLU) FFN of 3*hidden*ffn or a plain MLP of 2*hidden*ffn, two RMSNorm vectors; plus the
token embedding (and an untied output head) and a final norm. Checked against model cards in
tests/core/test_specs.py (Llama 2 7B = 6.74B, Llama 3.1 8B = 8.03B, Mixtral 8x7B = 46.7B / 12.9B).
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from app.core.precision import TRAINING_PRECISIONS


class GpuSpec(BaseModel):
    """One accelerator. Dense tensor-core peaks only (never the 2:4-sparse figure)."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    id: str
    name: str
    vendor: str = ""
    memory_bytes: float = Field(gt=0)
    bandwidth_bytes_per_s: float = Field(gt=0)
    peak_flops_bf16: float = Field(gt=0)
    peak_flops_fp16: float | None = Field(default=None, gt=0)  # None: no FP16 path (TPU); BF16 is used
    peak_flops_fp8: float | None = None
    peak_ops_int8: float | None = None
    tdp_w: float | None = Field(default=None, gt=0)  # None: not published (TPUs)
    # Scale-up link: bandwidth per GPU (bidirectional, bytes/s) and how many GPUs share one domain.
    # nvlink_domain == 1 means no NVLink: GPUs talk over PCIe.
    nvlink_bandwidth_bytes_per_s: float = 0.0
    nvlink_domain: int = Field(default=1, ge=1)
    pcie_gen: int = Field(default=4, ge=3, le=6)
    gpus_per_node: int = Field(default=8, ge=1)
    # Maximum achievable matmul FLOPS as a fraction of the dense BF16 peak (stas00/ml-engineering MAMF
    # table: A100 86.9%, H100 80.3%, B200 77.6%, MI300X 51.4%). None: not measured.
    mamf_fraction: float | None = Field(default=None, gt=0, le=1)
    price_usd: float | None = None
    price_source: str = ""
    price_as_of: str = ""
    cloud_price_per_gpu_hour_usd: float | None = None
    cloud_price_source: str = ""
    # the chip's kernels: architecture (app.core.runtimes: which weight formats the engines run on it;
    # "" = not recorded) and, when not every precision with a peak has tensor cores, those that do
    architecture: str = ""
    precisions: tuple[str, ...] = ()
    # buying: False = rented only (TPU) or sold only as whole systems (then server_price_usd prices them)
    sold_separately: bool = True
    server_price_usd: float | None = Field(default=None, ge=0)  # one complete server of gpus_per_node GPUs
    server_price_source: str = ""
    server_price_as_of: str = ""
    source: str = ""
    as_of: str = ""
    notes: str = ""
    origin: str = "shipped"  # shipped | user (the user's overlay catalog)

    @property
    def purchasable(self) -> bool:
        """Can be bought: separately, or in a server with a price."""
        return self.sold_separately or self.server_price_usd is not None

    @model_validator(mode="after")
    def _known(self) -> GpuSpec:
        from app.core.runtimes import ARCHITECTURES

        bad = [p for p in self.precisions if p not in TRAINING_PRECISIONS]
        if bad or (self.architecture and self.architecture not in ARCHITECTURES):
            raise PydanticCustomError("gpu_capabilities", "unknown precision or architecture: {value}",
                                      {"value": ", ".join(bad) or self.architecture})
        return self

    def supports(self, precision: str) -> bool:
        """Has tensor cores for ``precision`` (a training precision)."""
        return self.peak_flops(precision) is not None

    def peak_flops(self, precision: str) -> float | None:
        """Dense peak for a training/compute precision; fp32 uses the TF32 tensor rate (half of BF16
        on A100/H100 per NVIDIA's datasheets: 156 vs 312, 494.7 vs 989.4 TFLOPS)."""
        if self.precisions and precision in TRAINING_PRECISIONS and precision not in self.precisions:
            return None
        return {
            "bf16": self.peak_flops_bf16,
            "fp16": self.peak_flops_fp16 or self.peak_flops_bf16,
            "fp8": self.peak_flops_fp8,
            "int8": self.peak_ops_int8,
            "fp32": self.peak_flops_bf16 / 2,
        }.get(precision)

    @property
    def has_nvlink(self) -> bool:
        return self.nvlink_domain > 1 and self.nvlink_bandwidth_bytes_per_s > 0

    @property
    def sold_in_servers(self) -> bool:
        """A baseboard module (SXM, OAM): its scale-up domain of 4 or more GPUs sits on one board, so
        it is bought as whole servers of ``gpus_per_node``, not one by one. PCIe cards (bridged pairs
        at most) go into a host one at a time. TPUs are rented only."""
        return self.nvlink_domain >= 4 and self.vendor.lower() != "google"

    @property
    def scale_up_link(self) -> str:
        """The vendor's name for the link inside a scale-up domain (the catalog's nvlink_* columns):
        NVLink (NVIDIA), Infinity Fabric (AMD), ICI (Google TPU), RoCE on the chip (Intel Gaudi)."""
        v = self.vendor.lower()
        return {"amd": "Infinity Fabric", "google": "ICI", "intel": "RoCE"}.get(v, "NVLink")


class ModelSpec(BaseModel):
    """A transformer LLM. ``params_total`` drives memory, ``params_active`` drives compute (MoE)."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    id: str = "custom"
    name: str = "custom model"
    # Bounds far beyond any model (the largest published are ~2T parameters) keep every derived figure
    # finite: 6·N·D with D = 20·N overflows a float near N = 1e153 (found by the property tests).
    params_total: float = Field(gt=0, le=1e15)
    params_active: float = Field(gt=0, le=1e15)
    layers: int = Field(ge=1, le=100_000)
    hidden: int = Field(ge=1, le=10_000_000)
    heads: int = Field(ge=1, le=1_000_000)
    kv_heads: int = Field(ge=1, le=1_000_000)
    head_dim: int = Field(ge=1, le=1_000_000)
    ffn: int = Field(ge=1, le=100_000_000)
    vocab: int = Field(ge=1, le=100_000_000)
    context: int = Field(default=4096, ge=1, le=1_000_000_000)
    num_experts: int = Field(default=1, ge=1, le=1_000_000)
    experts_per_token: int = Field(default=1, ge=1, le=1_000_000)
    tied_embeddings: bool = False
    gated_ffn: bool = True
    # Elements cached per token per layer when the attention is not plain MHA/GQA (e.g. DeepSeek MLA:
    # kv_lora_rank 512 + rope dim 64 = 576, DeepSeek-V3 config.json). None: 2 * kv_heads * head_dim.
    kv_elems_per_token_per_layer: int | None = None
    # Sliding-window (local) attention: ``local_layers`` of the layers attend to the last
    # ``sliding_window`` tokens only and cache no more (config.json sliding_window; Gemma 2 alternates
    # local and global layers, Gemma 3 has 5 local per global, Mistral 7B v0.1 is local throughout).
    sliding_window: int | None = Field(default=None, ge=1, le=1_000_000_000)
    local_layers: int = Field(default=0, ge=0, le=100_000)
    architecture_estimated: bool = False
    params_stated: float | None = None  # the count the model card states, when it differs in rounding
    license: str = ""
    source: str = ""
    as_of: str = ""
    notes: str = ""
    origin: str = "shipped"

    @model_validator(mode="after")
    def _check(self) -> ModelSpec:
        if self.params_active > self.params_total * (1 + 1e-9):
            raise PydanticCustomError("active_exceeds_total",
                                      "active parameters ({active}) exceed total parameters ({total})",
                                      {"active": self.params_active, "total": self.params_total})
        if self.kv_heads > self.heads:
            raise PydanticCustomError("kv_heads_exceed_heads", "KV heads ({kv_heads}) must be at most heads ({heads})",
                                      {"kv_heads": self.kv_heads, "heads": self.heads})
        if self.heads % self.kv_heads:
            raise PydanticCustomError("kv_heads_divide", "KV heads ({kv_heads}) must divide the attention heads ({heads})",
                                      {"kv_heads": self.kv_heads, "heads": self.heads})
        if self.experts_per_token > self.num_experts:
            raise PydanticCustomError("experts_exceed", "experts per token must be at most the number of experts")
        return self

    @property
    def is_moe(self) -> bool:
        return self.params_active < self.params_total * 0.999

    @property
    def kv_elems_per_token(self) -> float:
        """K and V elements cached per token over all layers (vLLM paper §3: 2 x layers x kv_heads x head_dim)."""
        per_layer = self.kv_elems_per_token_per_layer or 2 * self.kv_heads * self.head_dim
        return float(per_layer * self.layers)

    @property
    def embedding_params(self) -> float:
        """Input embedding plus an untied output head."""
        return float(self.vocab * self.hidden * (1 if self.tied_embeddings else 2))


def count_params(
    *,
    layers: int,
    hidden: int,
    heads: int,
    kv_heads: int,
    ffn: int,
    vocab: int,
    head_dim: int | None = None,
    num_experts: int = 1,
    experts_per_token: int = 1,
    tied_embeddings: bool = False,
    gated_ffn: bool = True,
) -> tuple[float, float]:
    """Total and active parameters of a decoder-only transformer from its architecture."""
    hd = head_dim or hidden // heads
    attn = hidden * heads * hd * 2 + hidden * kv_heads * hd * 2  # Wq, Wo, Wk, Wv
    expert = (3 if gated_ffn else 2) * hidden * ffn
    router = hidden * num_experts if num_experts > 1 else 0
    norms = 2 * hidden
    per_layer_total = attn + expert * num_experts + router + norms
    per_layer_active = attn + expert * experts_per_token + router + norms
    emb = vocab * hidden * (1 if tied_embeddings else 2)
    total = layers * per_layer_total + emb + hidden
    active = layers * per_layer_active + emb + hidden
    return float(total), float(active)


def model_from_architecture(
    *,
    layers: int,
    hidden: int,
    heads: int,
    kv_heads: int | None = None,
    ffn: int | None = None,
    vocab: int = 32000,
    head_dim: int | None = None,
    context: int = 4096,
    num_experts: int = 1,
    experts_per_token: int = 1,
    tied_embeddings: bool = False,
    gated_ffn: bool = True,
    **extra: Any,
) -> ModelSpec:
    """A ModelSpec whose parameter counts are derived from the architecture."""
    kv = kv_heads or heads
    hd = head_dim or hidden // heads
    f = ffn or _default_ffn(hidden, gated_ffn)
    total, active = count_params(
        layers=layers, hidden=hidden, heads=heads, kv_heads=kv, ffn=f, vocab=vocab, head_dim=hd,
        num_experts=num_experts, experts_per_token=experts_per_token,
        tied_embeddings=tied_embeddings, gated_ffn=gated_ffn,
    )
    return ModelSpec(
        params_total=total, params_active=active, layers=layers, hidden=hidden, heads=heads,
        kv_heads=kv, head_dim=hd, ffn=f, vocab=vocab, context=context, num_experts=num_experts,
        experts_per_token=experts_per_token, tied_embeddings=tied_embeddings, gated_ffn=gated_ffn,
        **extra,
    )


def _default_ffn(hidden: int, gated: bool) -> int:
    # Llama: SwiGLU at 8/3 * hidden rounded up to a multiple of 256 (Touvron et al. 2023, §2.2);
    # GPT-style MLP: 4 * hidden (Vaswani et al. 2017).
    if gated:
        return int(math.ceil(8 * hidden / 3 / 256) * 256)
    return 4 * hidden


def model_from_params(params: float, active: float | None = None, **overrides: Any) -> ModelSpec:
    """A ModelSpec for a bare parameter count: the architecture is estimated (flagged as such).

    Shape follows the Llama family: head_dim 128, hidden/layers ~ 128 (Llama 2 7B 4096/32,
    13B 5120/40), SwiGLU FFN, MHA, 32K vocabulary. Activation and KV-cache estimates then carry a
    finding ``architecture_estimated`` so the user knows to enter the real shape.
    """
    body = max(params - 2 * 32000 * 512, params * 0.5)
    hidden = (body * 128 / 12) ** (1 / 3)
    # a multiple of 1,024 from 2,048 up (8 heads of 128 per step, so tensor parallelism up to 8 divides
    # the heads, as in Llama 2 7B/13B/70B: 4,096 / 5,120 / 8,192), of 128 below
    step = 1024 if hidden >= 2048 else 128
    hidden = max(int(round(hidden / step)) * step, 256)
    layers = max(1, int(round(body / (12 * hidden * hidden))))
    heads = max(1, hidden // 128)
    arch = dict(
        layers=layers, hidden=hidden, heads=heads, kv_heads=heads, head_dim=hidden // heads,
        ffn=_default_ffn(hidden, True), vocab=32000,
    )
    arch.update({k: v for k, v in overrides.items() if v is not None})
    if active and active < params and "num_experts" not in overrides:
        # a mixture of experts: the layers are shaped by the active parameters (what a token computes),
        # the rest are experts a token does not visit (16 experts, one routed per token)
        dense = model_from_params(active)
        return dense.model_copy(update={"params_total": params, "num_experts": 16, "experts_per_token": 1})
    return ModelSpec(
        params_total=params, params_active=active or params, architecture_estimated=True, **arch,
    )


def custom_model(params: float | None = None, active: float | None = None, **arch: Any) -> ModelSpec | None:
    """A model the user describes: from layers/hidden/heads when given (a stated parameter count then
    overrides the counted one), else estimated from the parameter count; None when neither is given.
    The CLI's --params/--layers… and the wizard's custom model both come here."""
    for value in (params, active):
        if value is not None and not (math.isfinite(value) and value > 0):
            raise PydanticCustomError("greater_than", "must be a finite number greater than 0", {"gt": 0})
    arch = {k: v for k, v in arch.items() if v}
    if arch.get("layers") and arch.get("hidden") and arch.get("heads"):
        model = model_from_architecture(**arch)
        if params:
            model = ModelSpec(**{**model.model_dump(), "params_total": params, "params_active": active or params})
        return model
    if params:
        return model_from_params(params, active, **arch)
    return None


PRICING_KINDS = ("on-demand", "spot", "reserved")
FIGURE_STATUSES = ("reported", "derived", "estimate")


class ApiPrice(BaseModel):
    """A commercial API's price per million tokens, in its own currency (standard tier)."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    id: str
    provider: str
    model: str
    open_model: str = ""  # the open-weights model it serves, if any
    input_per_million: float = Field(ge=0)
    output_per_million: float = Field(ge=0)
    currency: str = "USD"
    source: str = ""
    as_of: str = ""
    notes: str = ""
    origin: str = "shipped"

    @property
    def name(self) -> str:
        return f"{self.provider} {self.model}"

    def prices_in(self, currency: str, fx_jpy_per_usd: float) -> tuple[float, float]:
        """(input, output) per million tokens in ``currency``, converted at ``fx_jpy_per_usd``."""
        if currency == self.currency:
            return self.input_per_million, self.output_per_million
        f = fx_jpy_per_usd if currency == "JPY" else 1.0 / fx_jpy_per_usd
        return self.input_per_million * f, self.output_per_million * f


class CloudOffer(BaseModel):
    """One rentable configuration at one provider, priced per GPU-hour in the provider's currency."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    id: str
    provider: str
    instance: str = ""
    gpu: str
    gpus_per_instance: int = Field(default=1, ge=1)
    pricing: str = "on-demand"
    price_per_gpu_hour: float = Field(gt=0)
    currency: str = "USD"
    region: str = ""
    source: str = ""
    as_of: str = ""
    notes: str = ""
    eligibility: str = ""  # "" = anyone; otherwise who may buy it (never picked automatically)
    origin: str = "shipped"

    @property
    def name(self) -> str:
        return f"{self.provider} {self.instance}".strip()

    def price_per_gpu_hour_in(self, currency: str, fx_jpy_per_usd: float) -> float:
        """The price converted with an explicit JPY-per-USD rate."""
        if currency == self.currency:
            return self.price_per_gpu_hour
        if self.currency == "USD" and currency == "JPY":
            return self.price_per_gpu_hour * fx_jpy_per_usd
        if self.currency == "JPY" and currency == "USD":
            return self.price_per_gpu_hour / fx_jpy_per_usd
        raise ValueError(f"cannot convert {self.currency} to {currency}")


class Measurement(BaseModel):
    """A training run the user measured on their own system: tokens/s per GPU for a model, stack,
    method and precision on ``gpu_count`` GPUs of one kind."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    id: str
    gpu: str
    model: str
    stack: str
    method: str = "full"  # full | lora | qlora | pretrain
    precision: str = "bf16"
    gpu_count: int = Field(ge=1)
    seq_len: int = Field(default=4096, ge=1)
    tokens_per_s_per_gpu: float = Field(gt=0)
    source: str = ""
    as_of: str = ""
    notes: str = ""
    origin: str = "user"


class TrainingRun(BaseModel):
    """A published training run. ``status`` says for each figure whether it is reported by the
    source, derived from reported figures, or an estimate."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    id: str
    name: str
    org: str = ""
    year: int | None = None
    model: str | None = None  # catalog model id when the architecture is in the catalog
    params_total: float | None = Field(default=None, gt=0)
    params_active: float | None = Field(default=None, gt=0)
    tokens: float | None = Field(default=None, gt=0)
    gpu: str | None = None  # catalog accelerator id
    gpu_name: str = ""
    gpu_count: int | None = Field(default=None, ge=1)
    days: float | None = Field(default=None, gt=0)
    gpu_hours: float | None = Field(default=None, gt=0)
    mfu: float | None = Field(default=None, gt=0, le=1)
    tflops_per_gpu: float | None = Field(default=None, gt=0)
    cost_usd: float | None = Field(default=None, gt=0)
    precision: str = ""
    status: dict[str, str] = Field(default_factory=dict)
    source: str = ""
    as_of: str = ""
    notes: str = ""
    origin: str = "shipped"

    def status_of(self, figure: str) -> str | None:
        return self.status.get(figure)

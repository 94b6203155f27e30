"""The Scenario: everything a user says about a job. The single source of truth for UI and CLI.

Every assumption the user can change is a field with a default whose source is recorded in
``DEFAULT_SOURCES`` (and reported in the Plan's ``assumptions``).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from app.core.constants import DEFAULT_FX_AS_OF  # noqa: F401 - re-exported
from app.core.precision import KV_BITS, TRAINING_PRECISIONS, WEIGHT_BITS
from app.core.specs import ModelSpec


def _not_one_of(value, allowed) -> PydanticCustomError:
    """A coded error (``type`` "not_one_of"): the UI and CLI word it in the user's language."""
    return PydanticCustomError("not_one_of", "'{value}' is not one of {allowed}",
                               {"value": value, "allowed": ", ".join(allowed)})


class Goal(StrEnum):
    INFERENCE = "inference"
    FINETUNE = "finetune"
    CPT = "cpt"
    SCRATCH = "scratch"


class Method(StrEnum):
    FULL = "full"
    LORA = "lora"
    QLORA = "qlora"


class Optimizer(StrEnum):
    ADAMW = "adamw"
    ADAMW_8BIT = "adamw-8bit"
    SGD = "sgd"


class Recompute(StrEnum):
    NONE = "none"
    SELECTIVE = "selective"
    FULL = "full"


class Deployment(StrEnum):
    CLOUD = "cloud"
    ONPREM = "onprem"
    ANY = "any"


class Network(StrEnum):
    """Inter-node network; inside a node GPUs use NVLink or PCIe as the GPU spec says."""

    IB_400 = "ib-400"
    IB_200 = "ib-200"
    ETH_100G = "100gbe"
    ETH_25G = "25gbe"
    ETH_10G = "10gbe"


NETWORK_BYTES_PER_S = {
    Network.IB_400: 400e9 / 8,
    Network.IB_200: 200e9 / 8,
    Network.ETH_100G: 100e9 / 8,
    Network.ETH_25G: 25e9 / 8,
    Network.ETH_10G: 10e9 / 8,
}

PRICINGS = ("on-demand", "spot", "reserved", "cheapest")

LORA_TARGETS = {
    "all-linear": ("q", "k", "v", "o", "gate", "up", "down"),
    "attention": ("q", "k", "v", "o"),
    "qv": ("q", "v"),
}

DEFAULT_SOURCES: dict[str, str] = {
    "chinchilla_tokens_per_param": "Hoffmann et al. 2022 (Chinchilla), compute-optimal ~20 tokens per parameter (Table 3: 70B -> 1.4T)",
    "cpt_fraction": "Seed article §5-6: continued pre-training needs 10-20% of the from-scratch tokens (70B: 100-200B of 1.4T); we take the low end",
    "fx_jpy_per_usd": "Assumed 150 JPY/USD (set 2026-11-28); edit to the rate of your budget date",
    "electricity_price_per_kwh": "Assumed 30 JPY/kWh (Japanese high-voltage business tariff, order of magnitude); edit to your contract",
    "pue": "Uptime Institute Global Data Center Survey 2024: industry average PUE 1.56; we use 1.5",
    "host_cost_fraction": "Estimate: server chassis, CPUs, RAM, NICs and switches add ~25% to the GPU price of an 8-GPU node",
    "overhead_fixed_bytes": "Estimate: CUDA context, cuBLAS/NCCL workspaces ~1 GiB per GPU (PyTorch CUDA context alone is 0.3-0.5 GiB)",
    "overhead_fraction": "Estimate: 5% allocator fragmentation on top of the computed tensors",
    "hours_per_day": "Assumed round-the-clock service (24 h x 30 days); the seed's 8 h x 20 days is one edit away",
    "years": "Assumed 3-year horizon (seed article §2 compares cloud and on-prem over 3 years)",
}


class Scenario(BaseModel):
    """A job to plan. Money fields are in ``currency``; quantities in SI base units."""

    model_config = ConfigDict(frozen=True, use_enum_values=False, allow_inf_nan=False)

    goal: Goal
    model: ModelSpec

    # --- data ---
    tokens: float | None = Field(default=None, ge=1, le=1e17)
    samples: float | None = Field(default=None, ge=1, le=1e13)
    seq_len: int = Field(default=4096, ge=16, le=10_000_000)
    epochs: float = Field(default=1.0, ge=0.001, le=1000)
    chinchilla_tokens_per_param: float = Field(default=20.0, ge=0.01, le=10_000)
    cpt_fraction: float = Field(default=0.10, ge=1e-6, le=10)

    # --- training ---
    method: Method = Method.FULL
    lora_rank: int = Field(default=16, ge=1, le=4096)
    lora_targets: str = "all-linear"
    precision: str = "bf16"
    optimizer: Optimizer = Optimizer.ADAMW
    zero_stage: int | None = Field(default=None, ge=0, le=3)
    recompute: Recompute | None = None
    micro_batch: int = Field(default=1, ge=1, le=65536)

    # --- inference ---
    quant: str = "bf16"
    context: int | None = Field(default=None, ge=1, le=100_000_000)
    concurrency: int = Field(default=1, ge=1, le=1_000_000)
    kv_dtype: str = "fp16"
    output_tokens: int = Field(default=512, ge=1, le=10_000_000)

    # --- hardware ---
    gpu_id: str | None = None
    gpu_count: int | None = Field(default=None, ge=1, le=1_000_000)
    tp: int | None = Field(default=None, ge=1, le=1024)
    pp: int | None = Field(default=None, ge=1, le=4096)
    mfu: float | None = Field(default=None, ge=0.001, le=1)
    network: Network = Network.IB_400

    # --- budget and constraints ---
    currency: str = "USD"
    budget: float | None = Field(default=None, ge=1, le=1e16)
    deadline_days: float | None = Field(default=None, ge=0.01, le=36_500)
    deployment: Deployment = Deployment.ANY
    own: dict[str, int] = Field(default_factory=dict)
    max_gpus: int = Field(default=16384, ge=1, le=1_000_000)
    power_limit_kw: float | None = Field(default=None, ge=0.001, le=1_000_000)  # on-prem facility power
    precision_choices: tuple[str, ...] = ()  # training precisions to search; empty: just ``precision``
    quant_choices: tuple[str, ...] = ()  # inference weight formats to search; empty: just ``quant``
    cloud_offer: str | None = None  # a catalog offer id to price the cloud with (its GPU only)
    pricing: str = "on-demand"  # cloud offers to use: on-demand | spot | reserved | cheapest
    rank_by: str = "cost"  # cost: cheapest meeting the deadline first; time: fastest within budget first

    # --- prices and on-prem ---
    cloud_price: float | None = Field(default=None, ge=0, le=1e9)
    gpu_price: float | None = Field(default=None, ge=0, le=1e12)
    fx_jpy_per_usd: float = Field(default=150.0, ge=1, le=10_000)  # yen per dollar: 1 is already absurd
    fx_as_of: str | None = None  # ISO date of a user-set rate (cited next to converted prices)
    electricity_price_per_kwh: float | None = Field(default=None, ge=0, le=1e6)
    pue: float = Field(default=1.5, ge=1.0, le=5.0)
    host_cost_fraction: float = Field(default=0.25, ge=0, le=10)
    hours_per_day: float = Field(default=24.0, ge=0.1, le=24)
    days_per_month: float = Field(default=30.0, ge=1, le=31)
    years: float = Field(default=3.0, ge=0.01, le=50)

    # --- runtime overhead (stated constants) ---
    overhead_fixed_bytes: float = Field(default=1024.0**3, ge=0, le=1e15)
    overhead_fraction: float = Field(default=0.05, ge=0, le=1)

    @field_validator("currency")
    @classmethod
    def _currency(cls, v: str) -> str:
        v = v.upper()
        if v not in ("JPY", "USD"):
            raise _not_one_of(v, ("JPY", "USD"))
        return v

    @field_validator("fx_as_of")
    @classmethod
    def _fx_date(cls, v: str | None) -> str | None:
        if v is None:
            return v
        from datetime import date

        try:
            date.fromisoformat(v)
        except ValueError:
            raise PydanticCustomError("not_a_date", "'{value}' is not a date (YYYY-MM-DD)", {"value": v}) from None
        return v

    @field_validator("precision")
    @classmethod
    def _precision(cls, v: str) -> str:
        if v not in TRAINING_PRECISIONS:
            raise _not_one_of(v, TRAINING_PRECISIONS)
        return v

    @field_validator("precision_choices")
    @classmethod
    def _precisions(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        bad = [p for p in v if p not in TRAINING_PRECISIONS]
        if bad:
            raise _not_one_of(bad[0], TRAINING_PRECISIONS)
        return tuple(dict.fromkeys(v))

    @field_validator("quant_choices")
    @classmethod
    def _quants(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        v = tuple(q.lower() for q in v)
        bad = [q for q in v if q not in WEIGHT_BITS]
        if bad:
            raise _not_one_of(bad[0], sorted(WEIGHT_BITS))
        return tuple(dict.fromkeys(v))

    @field_validator("pricing")
    @classmethod
    def _pricing(cls, v: str) -> str:
        if v not in PRICINGS:
            raise _not_one_of(v, PRICINGS)
        return v

    @field_validator("rank_by")
    @classmethod
    def _rank(cls, v: str) -> str:
        if v not in ("cost", "time"):
            raise _not_one_of(v, ("cost", "time"))
        return v

    @field_validator("quant")
    @classmethod
    def _quant(cls, v: str) -> str:
        v = v.lower()
        if v not in WEIGHT_BITS:
            raise _not_one_of(v, sorted(WEIGHT_BITS))
        return v

    @field_validator("kv_dtype")
    @classmethod
    def _kv(cls, v: str) -> str:
        v = v.lower()
        if v not in KV_BITS:
            raise _not_one_of(v, sorted(KV_BITS))
        return v

    @field_validator("lora_targets")
    @classmethod
    def _targets(cls, v: str) -> str:
        if v not in LORA_TARGETS:
            raise _not_one_of(v, LORA_TARGETS)
        return v

    @model_validator(mode="after")
    def _consistent(self) -> "Scenario":
        if self.goal == Goal.FINETUNE and self.tokens is None and self.samples is None:
            raise PydanticCustomError("finetune_needs_data", "fine-tuning needs samples (with sequence length and epochs) or tokens")
        if (self.gpu_id is None) != (self.gpu_count is None):
            raise PydanticCustomError("gpu_and_count", "a GPU and a GPU count go together")
        return self

    # ---- derived values -------------------------------------------------------------------
    @property
    def electricity_price(self) -> float:
        """Price per kWh in ``currency`` (default 30 JPY/kWh)."""
        if self.electricity_price_per_kwh is not None:
            return self.electricity_price_per_kwh
        return 30.0 if self.currency == "JPY" else 30.0 / self.fx_jpy_per_usd

    def from_usd(self, usd: float) -> float:
        return usd * self.fx_jpy_per_usd if self.currency == "JPY" else usd

    @property
    def inference_context(self) -> int:
        """Tokens held per sequence (prompt + output); defaults to min(model context, 4096)."""
        return self.context if self.context is not None else min(self.model.context, 4096)

    @property
    def recompute_mode(self) -> Recompute:
        """Default: selective for full training (Korthikanti et al. 2022), full for LoRA/QLoRA
        (Hugging Face PEFT/QLoRA recipes enable gradient checkpointing)."""
        if self.recompute is not None:
            return self.recompute
        return Recompute.SELECTIVE if self.method == Method.FULL else Recompute.FULL

    @property
    def precisions(self) -> tuple[str, ...]:
        return self.precision_choices or (self.precision,)

    @property
    def quants(self) -> tuple[str, ...]:
        return self.quant_choices or (self.quant,)

    @property
    def is_training(self) -> bool:
        return self.goal != Goal.INFERENCE

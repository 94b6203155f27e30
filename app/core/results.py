"""What the core returns: a Plan of ranked Options, with findings as codes (never sentences)."""

from __future__ import annotations

from pydantic import BaseModel, Field

SCHEMA = "gpu-planner.plan/1"

SEVERITIES = ("info", "warning", "error")


class Finding(BaseModel):
    code: str
    severity: str = "info"
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)


class MemoryBreakdown(BaseModel):
    """Bytes on the most-loaded GPU."""

    weights: float = 0.0
    gradients: float = 0.0
    optimizer: float = 0.0
    activations: float = 0.0
    kv_cache: float = 0.0
    overhead: float = 0.0

    @property
    def total(self) -> float:
        return self.weights + self.gradients + self.optimizer + self.activations + self.kv_cache + self.overhead


class Parallelism(BaseModel):
    tp: int = 1
    pp: int = 1
    dp: int = 1
    zero_stage: int = 0
    replicas: int = 1  # inference: independent copies of the model


class Cost(BaseModel):
    """Money in ``currency``. ``items`` itemises both totals (cloud_rental, gpu_purchase, host, electricity)."""

    currency: str
    cloud: float | None = None
    onprem: float | None = None
    items: dict[str, float] = Field(default_factory=dict)
    cloud_price_per_gpu_hour: float | None = None
    breakeven_hours: float | None = None  # hours of use at which buying beats renting
    breakeven_months: float | None = None


class Option(BaseModel):
    gpu: str
    gpu_name: str = ""
    gpu_count: int
    nodes: int
    parallelism: Parallelism
    precision: str
    mfu: float
    mfu_range: tuple[float, float]
    fits: bool
    memory_per_gpu_bytes: float
    memory_capacity_bytes: float
    memory_breakdown_bytes: MemoryBreakdown
    wall_clock_s: float
    wall_clock_s_range: tuple[float, float]
    gpu_hours: float
    throughput_tokens_per_s: float = 0.0
    decode_tokens_per_s: float = 0.0
    prefill_tokens_per_s: float = 0.0
    time_to_first_token_s: float = 0.0
    cost: Cost
    meets_deadline: bool = True
    within_budget: bool = True
    findings: list[Finding] = Field(default_factory=list)


class Rejected(BaseModel):
    gpu: str
    code: str
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)


class Verdict(BaseModel):
    feasible: bool
    code: str
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)


class Assumption(BaseModel):
    name: str
    value: float | str | None
    source: str


class Workload(BaseModel):
    params: float
    active_params: float
    tokens: float = 0.0
    train_flops: float = 0.0  # model FLOPs (what MFU is measured against)
    hardware_flops: float = 0.0  # including recomputation
    flops_per_token: float = 0.0
    trainable_params: float = 0.0
    adjustments: list[Finding] = Field(default_factory=list)


class Plan(BaseModel):
    schema_id: str = Field(default=SCHEMA, serialization_alias="schema")
    goal: str
    model_id: str
    workload: Workload
    options: list[Option]
    rejected: list[Rejected] = Field(default_factory=list)
    verdict: Verdict
    assumptions: list[Assumption] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)  # scenario-level (not per option)

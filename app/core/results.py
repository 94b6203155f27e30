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
    cloud_price_source: str = ""  # offer | gpu-reference | user
    cloud_offer: str | None = None  # catalog offer id behind the cloud price
    gpu_price: float | None = None  # purchase per GPU
    power_kw: float = 0.0  # facility power (TDP x count x PUE)
    breakeven_hours: float | None = None  # hours of use at which buying beats renting
    breakeven_months: float | None = None  # ... at hours_per_day x days_per_month
    breakeven_utilisation: float | None = None  # ... as a share of the horizon (years, round the clock)
    horizon_years: float | None = None
    cloud_horizon_full_use: float | None = None  # renting these GPUs round the clock for the horizon
    onprem_horizon_full_use: float | None = None  # buying them and running them round the clock


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
    within_power: bool = True
    labels: list[str] = Field(default_factory=list)  # cheapest, fastest, pareto, owned, best_for_gpu
    findings: list[Finding] = Field(default_factory=list)


class Rejected(BaseModel):
    gpu: str
    code: str
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)


class Suggestion(BaseModel):
    """A computed change to the scenario that makes it feasible (or the closest one found)."""

    code: str  # later_deadline, more_budget, fewer_tokens, use_qlora, use_lora, lower_quant, smaller_model, more_gpus, spot_pricing, cloud_instead, raise_power_limit
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)
    distance: float = 0.0  # relative size of the change; the nearest comes first
    feasible: bool = True


class Verdict(BaseModel):
    feasible: bool
    code: str
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)
    suggestions: list[Suggestion] = Field(default_factory=list)


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
    rejected_summary: dict[str, int] = Field(default_factory=dict)  # configurations set aside, by reason
    evaluated: int = 0  # configurations (GPU x count x precision) the search evaluated

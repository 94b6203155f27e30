"""What the core returns: a Plan of ranked Options, with findings as codes (never sentences)."""

from __future__ import annotations

from pydantic import BaseModel, Field

SCHEMA = "gpu-planner.plan/2"
SCHEMA_V1 = "gpu-planner.plan/1"  # its keys stay in the JSON document for one release (app.present.contract)

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
    logits: float = 0.0  # the loss's logits and their gradient (training)
    buffers: float = 0.0  # communication and gather buffers (DeepSpeed buckets, FSDP units)
    overhead: float = 0.0

    @property
    def total(self) -> float:
        return (self.weights + self.gradients + self.optimizer + self.activations + self.kv_cache + self.logits
                + self.buffers + self.overhead)


class Parallelism(BaseModel):
    tp: int = 1
    pp: int = 1
    dp: int = 1
    cp: int = 1
    ep: int = 1
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
    cloud_gpus_billed: int | None = None  # GPUs paid for: whole instances (8-GPU offers bill 8 for 1 used)
    gpu_price: float | None = None  # purchase per GPU
    gpu_price_source: str = ""  # catalog | server (the server's price over its GPUs) | user | not_sold
    power_kw: float = 0.0  # facility power (TDP x count x PUE)
    breakeven_hours: float | None = None  # hours of use at which buying beats renting
    breakeven_months: float | None = None  # ... at hours_per_day x days_per_month
    breakeven_utilisation: float | None = None  # ... as a share of the horizon (years, round the clock)
    horizon_years: float | None = None
    cloud_horizon_full_use: float | None = None  # renting these GPUs round the clock for the horizon
    onprem_horizon_full_use: float | None = None  # buying them and running them round the clock


class ServiceCheck(BaseModel):
    """Serving: the service level with the spare replicas down (N+1: one), against the targets."""

    tokens_per_s: float  # answer speed each user sees
    time_to_first_token_s: float
    met: bool
    binding: str | None = None  # min_tokens_per_s | max_ttft_s | availability; None: no target set
    replicas: int = 1
    active_replicas: int = 1  # replicas carrying the load when the spares are down
    min_tokens_per_s: float | None = None
    max_ttft_s: float | None = None


class TokenPrices(BaseModel):
    """Price of a million tokens in the plan's currency: input (prompt), output (answer), blended."""

    input: float
    output: float
    blended: float


class Option(BaseModel):
    """One configuration. Every field means the same for every goal; a field that does not apply to
    the goal is None (``job_s`` for serving, ``request_s`` for training, ``mfu`` for serving, …)."""

    gpu: str
    gpu_name: str = ""
    gpu_count: int
    nodes: int
    parallelism: Parallelism
    precision: str | None = None  # training: the number format of the matmuls and model states
    weight_format: str | None = None  # serving: the format the weights are stored in
    mfu: float | None = None  # training: model FLOPs (6·N·D and the like) / (GPU-seconds x dense peak)
    mfu_range: tuple[float, float] | None = None
    hfu: float | None = None  # training: hardware FLOPs (attention, recomputation) / (GPU-seconds x dense peak)
    # training: how the utilisation follows from the calibrated model, factor by factor (name, value):
    # base_<family>, width, fp8_te/fp8_other, moe, lora/qlora, communication, pipeline_bubble,
    # batch_idle, goodput, offload; or user_mfu when --mfu set it
    utilisation_factors: list[tuple[str, float]] = Field(default_factory=list)
    mbu: float | None = None  # serving: model bandwidth utilisation when decoding
    fits: bool
    memory_per_gpu_bytes: float
    memory_capacity_bytes: float
    memory_breakdown_bytes: MemoryBreakdown
    memory_usable_bytes: float | None = None  # serving: what the engine lets the model use (vLLM: 90%)
    stack: str | None = None  # training: the framework whose memory accounting was used
    offload: list[str] = Field(default_factory=list)  # memory savers in use (optimizer, params, nvme, activations)
    optimizer_in_backward: bool = False
    host_memory_per_node_bytes: float = 0.0  # host RAM the offload (or llama.cpp's CPU layers) needs per server
    nvme_per_node_bytes: float = 0.0
    gpu_layers: int | None = None  # serving with llama.cpp: layers on the GPU (the rest in system RAM)
    job_s: float | None = None  # training: wall clock of the whole job
    job_s_range: tuple[float, float] | None = None
    request_s: float | None = None  # serving: latency of one request (first token + answer)
    request_s_range: tuple[float, float] | None = None
    gpu_hours: float  # GPU-hours charged: the job's, or the service horizon's
    throughput_tokens_per_s: float = 0.0
    decode_tokens_per_s: float = 0.0
    prefill_tokens_per_s: float = 0.0
    time_to_first_token_s: float = 0.0
    service_level: ServiceCheck | None = None  # serving with a target or N+1
    # serving: self-hosting price per 1M tokens at the given load ("cloud", "onprem"), idle hours included
    cost_per_million_tokens: dict[str, TokenPrices] = Field(default_factory=dict)
    cost: Cost
    meets_deadline: bool = True
    within_budget: bool = True
    within_power: bool = True
    labels: list[str] = Field(default_factory=list)  # cheapest, fastest, pareto, owned, best_for_gpu
    findings: list[Finding] = Field(default_factory=list)

    @property
    def duration_s(self) -> float:
        """The figure options are compared by in time: the job (training) or a request (serving)."""
        return self.job_s if self.job_s is not None else (self.request_s or 0.0)

    @property
    def duration_s_range(self) -> tuple[float, float]:
        r = self.job_s_range if self.job_s is not None else self.request_s_range
        return r if r is not None else (self.duration_s, self.duration_s)


class Rejected(BaseModel):
    gpu: str
    code: str
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)


class Suggestion(BaseModel):
    """A computed change to the scenario that makes it feasible (or the closest one found)."""

    code: str  # later_deadline, more_budget, fewer_tokens, use_qlora, use_lora, lower_quant, use_fp8, smaller_model, more_gpus, spot_pricing, cloud_instead, raise_power_limit
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)
    distance: float = 0.0  # relative size of the change; the nearest comes first
    feasible: bool = True


class Verdict(BaseModel):
    feasible: bool
    code: str
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)
    suggestions: list[Suggestion] = Field(default_factory=list)


class Assumption(BaseModel):
    """An assumption the plan used: a registry code (app.core.assumptions) with the value used, and
    ``set_by`` "default" or "user" (the request field that overrode it is ``field``)."""

    name: str
    value: float | str | None
    unit: str = ""
    low: float | None = None
    high: float | None = None
    field: str | None = None
    set_by: str = "default"


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

"""The Scenario: everything a user says about a job, validated. Both front ends reach it through
``app.planning.to_scenario``.

- Every default is an entry of the assumptions registry (``app.core.assumptions``); the Plan lists
  each one it used.
- Which field applies to which goal is decided here, once (``FIELD_GOALS``, ``applies``): a field
  given for a goal it does not apply to is refused with the coded error ``not_for_goal``.
- Goal-dependent defaults (sequence length, fine-tuning method) are filled in here too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from app.core import assumptions as A
from app.core.lora import LORA_TARGETS as _LORA_TARGETS
from app.core.lora import lora_trainable_params
from app.core.precision import KV_BITS, TRAINING_PRECISIONS, WEIGHT_BITS
from app.core.specs import ModelSpec
from app.core.stacks import RULES, Attention, Engine, Loss, Offload, Stack, StackRules


def _not_one_of(value: object, allowed: Iterable[str]) -> PydanticCustomError:
    """A coded error (``type`` "not_one_of"): the UI and CLI word it in the user's language."""
    return PydanticCustomError("not_one_of", "'{value}' is not one of {allowed}",
                               {"value": value, "allowed": ", ".join(allowed)})


def _not_with_stack(field: str, value: object, stack: Stack, allowed: list[str]) -> PydanticCustomError:
    return PydanticCustomError("not_with_stack", "'{value}' is not available with {stack}; allowed: {allowed}",
                               {"field": field, "value": value, "stack": stack.value, "allowed": ", ".join(allowed)})


def _not_dividing(field: str, value: int, what: str, n: int) -> PydanticCustomError:
    return PydanticCustomError("not_dividing", "'{value}' must divide the {what} ({n})",
                               {"field": field, "value": value, "what": what, "n": n})


def _needs(field: str, value: object, other: str, wanted: str) -> PydanticCustomError:
    return PydanticCustomError("needs_other", "'{value}' needs {other} {wanted}",
                               {"field": field, "value": value, "other": other, "wanted": wanted})


_CONTEXT_CAP = int(A.value("context_cap"))


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
    PAGED_ADAMW_8BIT = "paged-adamw-8bit"  # bitsandbytes: the 8-bit states page to host RAM under pressure
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
RANKINGS = ("cost", "time")
CURRENCIES = ("JPY", "USD")

AVAILABILITY = ("none", "n+1")
# the serving load and its service level (app.core.service)
SERVICE_FIELDS = ("users", "prompt_tokens", "requests_per_s", "requests_per_day", "min_tokens_per_s", "max_ttft_s",
                  "availability")

LORA_TARGETS = _LORA_TARGETS  # re-exported: the front ends list the choices from here

# ----- which fields apply to which goal: the one place (the front ends ask here) ---------------
_ALL = frozenset(Goal)
_TRAINING = frozenset((Goal.FINETUNE, Goal.CPT, Goal.SCRATCH))
FIELD_GOALS: dict[str, frozenset[Goal]] = {
    "tokens": _TRAINING, "seq_len": _TRAINING, "precision": _TRAINING, "precision_choices": _TRAINING,
    "optimizer": _TRAINING, "zero_stage": _TRAINING, "recompute": _TRAINING, "micro_batch": _TRAINING,
    "mfu": _TRAINING, "deadline_days": _TRAINING,
    "stack": _TRAINING, "attention": _TRAINING, "loss": _TRAINING, "offload": _TRAINING,
    "optimizer_in_backward": _TRAINING, "ep": _TRAINING, "cp": _TRAINING, "vpp": _TRAINING,
    "global_batch": _TRAINING, "sequence_parallel": _TRAINING,
    "engine": frozenset((Goal.INFERENCE,)), "gpu_layers": frozenset((Goal.INFERENCE,)),
    "bits_per_weight": frozenset((Goal.INFERENCE,)),
    "samples": frozenset((Goal.FINETUNE,)), "epochs": frozenset((Goal.FINETUNE,)),
    "method": frozenset((Goal.FINETUNE,)), "lora_rank": frozenset((Goal.FINETUNE,)),
    "lora_targets": frozenset((Goal.FINETUNE,)),
    "cpt_fraction": frozenset((Goal.CPT,)),
    "chinchilla_tokens_per_param": frozenset((Goal.CPT, Goal.SCRATCH)),
    "quant": frozenset((Goal.INFERENCE,)), "quant_choices": frozenset((Goal.INFERENCE,)),
    "context": frozenset((Goal.INFERENCE,)), "concurrency": frozenset((Goal.INFERENCE,)),
    "kv_dtype": frozenset((Goal.INFERENCE,)), "output_tokens": frozenset((Goal.INFERENCE,)),
    **{k: frozenset((Goal.INFERENCE,)) for k in SERVICE_FIELDS},
}
LORA_FIELDS = frozenset(("lora_rank", "lora_targets"))


def applies(field: str, goal: Goal | str, method: Method | str | None = None) -> bool:
    """Whether a Scenario field means anything for ``goal`` (and, for the LoRA fields, ``method``).
    Fields not listed in FIELD_GOALS apply to every goal."""
    try:
        g = Goal(goal)
    except ValueError:
        return True
    if g not in FIELD_GOALS.get(field, _ALL):
        return False
    if field in LORA_FIELDS and method is not None and Method(method) == Method.FULL:
        return False
    return True


def _in_flight_from_rate(data: dict[str, object]) -> None:
    """A request rate becomes requests in flight by Little's law (L = rate x time in the system),
    each request taking as long as the service level allows: the time to the first token plus the
    answer at the slowest allowed speed. Meeting the targets with that many in flight is enough for
    the rate (faster answers leave fewer in flight). ``requests_per_day`` is spread evenly over the
    hours of use per day."""
    rps, rpd = data.get("requests_per_s"), data.get("requests_per_day")
    if rps is None and rpd is None:
        return
    if rps is not None and rpd is not None:
        raise PydanticCustomError("one_of", "{field}: give requests per second or per day, not both",
                                  {"field": "requests_per_day", "other": "requests_per_s"})
    field = "requests_per_s" if rps is not None else "requests_per_day"
    if data.get("concurrency") is not None:
        raise PydanticCustomError("one_of", "{field}: give users or a request rate, not both",
                                  {"field": field, "other": "concurrency"})
    speed = data.get("min_tokens_per_s")
    if speed is None:
        raise PydanticCustomError("rate_needs_speed", "{field} needs min_tokens_per_s: the answer speed sets how "
                                  "long each request stays in flight", {"field": field, "other": "min_tokens_per_s"})
    try:
        hours = float(data.get("hours_per_day") or A.value("hours_per_day"))  # type: ignore[arg-type]
        rate = float(rps) if rps is not None else float(rpd) / (hours * 3600.0)  # type: ignore[arg-type]
        out = float(data.get("output_tokens") or A.value("output_tokens"))  # type: ignore[arg-type]
        seconds = float(data.get("max_ttft_s") or 0.0) + out / float(speed)  # type: ignore[arg-type]
    except (TypeError, ValueError, ZeroDivisionError):
        return  # the fields report their own errors
    if rate > 0 and seconds > 0:
        data["concurrency"] = max(1, math.ceil(rate * seconds - 1e-9))


def default_seq_len(goal: Goal | str) -> int:
    """Training sequence length when none is given: a fine-tuning sample, or a pre-training sequence."""
    return int(A.value("seq_len_finetune" if Goal(goal) == Goal.FINETUNE else "seq_len_pretrain"))


def default_method(goal: Goal | str) -> Method:
    return Method(A.text("method_finetune")) if Goal(goal) == Goal.FINETUNE else Method.FULL


def default_stack(goal: Goal | str) -> Stack:
    """Fine-tuning: Hugging Face Trainer/PEFT (the most used); pre-training: Megatron-LM."""
    return Stack(A.text("stack_finetune" if Goal(goal) == Goal.FINETUNE else "stack_pretrain"))


class Scenario(BaseModel):
    """A job to plan. Money fields are in ``currency``; quantities in SI base units."""

    model_config = ConfigDict(frozen=True, use_enum_values=False, allow_inf_nan=False)

    goal: Goal
    model: ModelSpec

    # --- data ---
    tokens: float | None = Field(default=None, ge=1, le=1e17)
    samples: float | None = Field(default=None, ge=1, le=1e13)
    seq_len: int | None = Field(default=None, ge=16, le=10_000_000)  # training goals: filled by goal
    epochs: float = Field(default=A.value("epochs"), ge=0.001, le=1000)
    chinchilla_tokens_per_param: float = Field(default=A.value("chinchilla_tokens_per_param"), ge=0.01, le=10_000)
    cpt_fraction: float = Field(default=A.value("cpt_fraction"), ge=1e-6, le=10)

    # --- training ---
    method: Method = Method.FULL  # fine-tuning: filled with the registry's default method
    lora_rank: int = Field(default=int(A.value("lora_rank")), ge=1, le=4096)
    lora_targets: str = A.text("lora_targets")
    precision: str = A.text("precision")
    optimizer: Optimizer = Optimizer(A.text("optimizer"))
    zero_stage: int | None = Field(default=None, ge=0, le=3)
    recompute: Recompute | None = None
    micro_batch: int = Field(default=int(A.value("micro_batch")), ge=1, le=65536)
    stack: Stack | None = None  # training goals: filled by goal (stack_finetune / stack_pretrain)
    attention: Attention = Attention(A.text("attention"))
    loss: Loss | None = None  # None: the stack's own (app.core.stacks)
    offload: tuple[Offload, ...] | None = None  # None: the search may offload when nothing fits otherwise
    optimizer_in_backward: bool | None = None  # None: the search may use it when nothing fits otherwise
    ep: int | None = Field(default=None, ge=1, le=4096)  # expert parallelism (MoE); None: searched
    cp: int | None = Field(default=None, ge=1, le=4096)  # context parallelism; None: searched for long sequences
    vpp: int = Field(default=1, ge=1, le=1024)  # virtual pipeline stages per pipeline rank (interleaved 1F1B)
    global_batch: int | None = Field(default=None, ge=1, le=100_000_000)  # sequences per optimizer step
    sequence_parallel: bool = True  # with tensor parallelism (Megatron, torchtitan)

    # --- inference ---
    quant: str = A.text("quant")
    context: int | None = Field(default=None, ge=1, le=100_000_000)
    concurrency: int = Field(default=int(A.value("concurrency")), ge=1, le=1_000_000)
    kv_dtype: str = A.text("kv_dtype")
    output_tokens: int = Field(default=int(A.value("output_tokens")), ge=1, le=10_000_000)
    engine: Engine = Engine(A.text("engine"))
    gpu_layers: int | None = Field(default=None, ge=0, le=100_000)  # llama.cpp -ngl; None: as many as fit
    # serving: bits per weight of the weight format (EXL2-style mixes at any bpw; AWQ/GPTQ group sizes)
    bits_per_weight: float | None = Field(default=None, ge=1.5, le=16)
    # the load and its service level: ``concurrency`` is the peak number of users with a request in
    # flight (``--users``); or a request rate, turned into requests in flight at the service level
    prompt_tokens: int | None = Field(default=None, ge=1, le=10_000_000)  # None: context - output_tokens
    requests_per_s: float | None = Field(default=None, gt=0, le=1e7)  # at the peak
    requests_per_day: float | None = Field(default=None, gt=0, le=1e12)  # spread over hours_per_day
    min_tokens_per_s: float | None = Field(default=None, gt=0, le=100_000)  # answer speed each user sees
    max_ttft_s: float | None = Field(default=None, gt=0, le=3600)  # time to the first token
    availability: str = "none"  # n+1: one replica more than the load needs, so one can fail

    # --- hardware ---
    gpu_id: str | None = None
    gpu_count: int | None = Field(default=None, ge=1, le=1_000_000)
    tp: int | None = Field(default=None, ge=1, le=1024)
    pp: int | None = Field(default=None, ge=1, le=4096)
    mfu: float | None = Field(default=None, ge=0.001, le=1)
    network: Network = Network(A.text("network"))

    # --- budget and constraints ---
    currency: str = "USD"
    budget: float | None = Field(default=None, ge=1, le=1e16)
    deadline_days: float | None = Field(default=None, ge=0.01, le=36_500)
    deployment: Deployment = Deployment(A.text("deployment"))
    own: dict[str, int] = Field(default_factory=dict)
    # the user's measured runs: "gpu_id/stack" -> measured / predicted throughput (gpu-planner calibrate)
    calibration: dict[str, float] = Field(default_factory=dict)
    max_gpus: int = Field(default=int(A.value("max_gpus")), ge=1, le=1_000_000)
    power_limit_kw: float | None = Field(default=None, ge=0.001, le=1_000_000)  # on-prem facility power
    precision_choices: tuple[str, ...] = ()  # training precisions to search; empty: just ``precision``
    quant_choices: tuple[str, ...] = ()  # inference weight formats to search; empty: just ``quant``
    cloud_offer: str | None = None  # a catalog offer id to price the cloud with (its GPU only)
    pricing: str = A.text("pricing")  # cloud offers to use: on-demand | spot | reserved | cheapest
    rank_by: str = A.text("rank_by")  # cost: cheapest meeting the deadline first; time: fastest within budget first

    # --- prices and on-prem ---
    cloud_price: float | None = Field(default=None, ge=0, le=1e9)
    gpu_price: float | None = Field(default=None, ge=0, le=1e12)
    fx_jpy_per_usd: float = Field(default=A.value("fx_jpy_per_usd"), ge=1, le=10_000)  # yen per dollar: 1 is already absurd
    fx_as_of: str | None = None  # ISO date of a user-set rate (cited next to converted prices)
    electricity_price_per_kwh: float | None = Field(default=None, ge=0, le=1e6)
    pue: float = Field(default=A.value("pue"), ge=1.0, le=5.0)
    host_cost_fraction: float = Field(default=A.value("host_cost_fraction"), ge=0, le=10)
    hours_per_day: float = Field(default=A.value("hours_per_day"), ge=0.1, le=24)
    days_per_month: float = Field(default=A.value("days_per_month"), ge=1, le=31)
    years: float = Field(default=A.value("years"), ge=0.01, le=50)

    # --- runtime overhead (stated constants) ---
    overhead_fixed_bytes: float = Field(default=A.value("overhead_fixed_bytes"), ge=0, le=1e15)
    overhead_fraction: float = Field(default=A.value("overhead_fraction"), ge=0, le=1)

    @model_validator(mode="before")
    @classmethod
    def _goal_rules(cls, data: object) -> object:
        """Refuse fields given for a goal they do not apply to; fill the goal's own defaults."""
        if not isinstance(data, dict):
            return data
        try:
            goal = Goal(data.get("goal", ""))
        except ValueError:
            return data  # the goal field reports its own error
        method = data.get("method")
        try:
            method = Method(method) if method is not None else None
        except ValueError:
            method = None  # the method field reports its own error
        for key, v in data.items():
            if v is None or key not in FIELD_GOALS or (isinstance(v, tuple) and not v):
                continue
            if not applies(key, goal, method):
                if key in LORA_FIELDS and goal == Goal.FINETUNE:
                    raise PydanticCustomError("lora_only", "{field} applies to LoRA and QLoRA, not to full fine-tuning",
                                              {"field": key})
                raise PydanticCustomError("not_for_goal", "{field} does not apply to {goal}",
                                          {"field": key, "goal": goal.value})
        data = dict(data)
        if goal != Goal.INFERENCE and data.get("seq_len") is None:
            data["seq_len"] = default_seq_len(goal)
        if data.get("method") is None:
            data["method"] = default_method(goal)
        if goal != Goal.INFERENCE and data.get("stack") is None:
            data["stack"] = default_stack(goal)
        if goal == Goal.INFERENCE:
            _in_flight_from_rate(data)
        return data

    @field_validator("currency")
    @classmethod
    def _currency(cls, v: str) -> str:
        v = v.upper()
        if v not in CURRENCIES:
            raise _not_one_of(v, CURRENCIES)
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
        if v not in RANKINGS:
            raise _not_one_of(v, RANKINGS)
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
    def _consistent(self) -> Scenario:
        if self.goal == Goal.FINETUNE and self.tokens is None and self.samples is None:
            raise PydanticCustomError("finetune_needs_data", "fine-tuning needs samples (with sequence length and epochs) or tokens")
        if (self.gpu_id is None) != (self.gpu_count is None):
            raise PydanticCustomError("gpu_and_count", "a GPU and a GPU count go together")
        if self.is_training:
            self._check_stack()
        elif self.gpu_layers is not None and self.engine != Engine.LLAMA_CPP:
            raise _needs("gpu_layers", self.gpu_layers, "engine", Engine.LLAMA_CPP.value)
        if self.availability not in AVAILABILITY:
            raise _not_one_of(self.availability, AVAILABILITY)
        if self.prompt_tokens is not None and self.context is not None and self.prompt_tokens + self.output_tokens > self.context:
            raise PydanticCustomError("prompt_over_context",
                                      "{field}: prompt ({value}) + answer ({output}) tokens exceed the context ({context})",
                                      {"field": "prompt_tokens", "value": self.prompt_tokens, "output": self.output_tokens,
                                       "context": self.context})
        self._check_split()
        return self

    def _check_stack(self) -> None:
        """What the chosen stack does not offer, and parallel degrees that cannot divide the job."""
        stack = self.stack or default_stack(self.goal)
        rules = RULES[stack]
        if self.zero_stage is not None and self.zero_stage not in rules.zero_stages:
            raise _not_with_stack("zero_stage", self.zero_stage, stack, [str(z) for z in rules.zero_stages])
        if self.recompute is not None and self.recompute.value not in rules.recomputes:
            raise _not_with_stack("recompute", self.recompute.value, stack, list(rules.recomputes))
        if not rules.model_parallel:
            for name in ("tp", "pp", "cp", "ep"):
                v = getattr(self, name)
                if v is not None and v > 1:
                    raise _not_with_stack(name, v, stack, ["1"])
        if self.optimizer_in_backward and not rules.optimizer_in_backward:
            raise _not_with_stack("optimizer_in_backward", "yes", stack, ["no"])
        for o in self.offload or ():
            if o not in rules.offloads:
                raise _not_with_stack("offload", o.value, stack, sorted(x.value for x in rules.offloads) or ["none"])
            if o in (Offload.PARAMS, Offload.NVME) and self.zero_stage is not None and self.zero_stage != 3:
                raise PydanticCustomError("offload_needs_zero3", "{value} offload needs ZeRO stage 3 (full sharding)",
                                          {"field": "offload", "value": o.value})
        m = self.model
        if self.ep is not None and self.ep > 1:
            if m.num_experts <= 1:
                raise PydanticCustomError("moe_only", "'{value}' needs a mixture-of-experts model", {"field": "ep", "value": self.ep})
            if m.num_experts % self.ep:
                raise _not_dividing("ep", self.ep, "experts", m.num_experts)
        seq = self.training_seq_len
        if self.cp is not None and self.cp > 1 and seq % (2 * self.cp):
            raise PydanticCustomError("cp_not_dividing", "the sequence ({n} tokens) must split into 2 x {value} equal chunks",
                                      {"field": "cp", "value": self.cp, "n": seq})
        if self.vpp > 1 and self.pp == 1:
            raise _needs("vpp", self.vpp, "pp", "2 or more")

    def _check_split(self) -> None:
        """Pinned degrees that cannot split the model or the pinned GPUs (every goal): TP divides the
        attention heads (vLLM and Megatron alike), TP x PP (x CP) divides the GPU count, PP at most
        the layers; LoRA trains fewer parameters than the model has."""
        m = self.model
        if self.tp is not None and m.heads % self.tp:
            raise _not_dividing("tp", self.tp, "attention heads", m.heads)
        if self.pp is not None and self.pp > m.layers:
            raise PydanticCustomError("pp_exceeds_layers", "'{value}' is more pipeline stages than the {n} layers",
                                      {"field": "pp", "value": self.pp, "n": m.layers})
        if self.gpu_count is not None:
            split = (self.tp or 1) * (self.pp or 1) * ((self.cp or 1) if self.is_training else 1)
            if self.gpu_count % split:
                field = "tp" if self.tp and self.tp > 1 else "pp" if self.pp and self.pp > 1 else "cp"
                raise PydanticCustomError("split_not_dividing", "'{value}': TP x PP{cp} = {split} must divide the {n} GPUs",
                                          {"field": field, "value": getattr(self, field), "split": split,
                                           "n": self.gpu_count, "cp": " x CP" if self.is_training and self.cp else ""})
        if self.goal == Goal.FINETUNE and self.method in (Method.LORA, Method.QLORA):
            if lora_trainable_params(m, self.lora_rank, self.lora_targets) >= m.params_total:
                largest = max((r for r in range(1, self.lora_rank)
                               if lora_trainable_params(m, r, self.lora_targets) < 0.5 * m.params_total), default=1)
                raise PydanticCustomError("lora_rank_too_large", "'{value}' would train more parameters than the model has; "
                                          "at most {largest} keeps the adapters under half the model",
                                          {"field": "lora_rank", "value": self.lora_rank, "largest": largest})

    # ---- derived values -------------------------------------------------------------------
    @property
    def electricity_price(self) -> float:
        """Price per kWh in ``currency`` (default 30 JPY/kWh)."""
        if self.electricity_price_per_kwh is not None:
            return self.electricity_price_per_kwh
        jpy = A.value("electricity_jpy_per_kwh")
        return jpy if self.currency == "JPY" else jpy / self.fx_jpy_per_usd

    def from_usd(self, usd: float) -> float:
        return usd * self.fx_jpy_per_usd if self.currency == "JPY" else usd

    @property
    def inference_context(self) -> int:
        """The longest sequence the engine is set up for (vLLM --max-model-len, llama.cpp -c per slot):
        ``context``, else prompt + output tokens when the prompt is given, else min(model context,
        context_cap)."""
        if self.context is not None:
            return self.context
        if self.prompt_tokens is not None:
            return self.prompt_tokens + self.output_tokens
        return min(self.model.context, _CONTEXT_CAP)

    @property
    def prompt_len(self) -> int:
        """Prompt tokens of a request: ``prompt_tokens``, else the context less the answer."""
        return self.prompt_tokens if self.prompt_tokens is not None else max(self.inference_context - self.output_tokens, 1)

    @property
    def kv_tokens_per_seq(self) -> int:
        """KV cache tokens a sequence holds. Paged engines (vLLM, SGLang, TensorRT-LLM, TGI) allocate
        blocks as tokens arrive, so a request holds its prompt and answer; llama.cpp allocates every
        slot's whole context when the server starts (-c / --parallel)."""
        if self.engine == Engine.LLAMA_CPP or self.prompt_tokens is None:
            return self.inference_context
        return min(self.prompt_tokens + self.output_tokens, self.inference_context)

    @property
    def spare_replicas(self) -> int:
        """Replicas kept beyond the load: 1 for N+1."""
        return 1 if self.availability == "n+1" else 0

    @property
    def has_service_level(self) -> bool:
        return self.min_tokens_per_s is not None or self.max_ttft_s is not None or self.spare_replicas > 0

    @property
    def request_rate(self) -> float | None:
        """Requests per second at the peak, when a rate was given."""
        if self.requests_per_s is not None:
            return self.requests_per_s
        if self.requests_per_day is not None:
            return self.requests_per_day / (self.hours_per_day * 3600.0)
        return None

    @property
    def recompute_mode(self) -> Recompute:
        """Default: the stack's for full training (Megatron and torchtitan recompute selectively,
        Korthikanti et al. 2022; Hugging Face, DeepSpeed and torchtune checkpoint every layer), full
        for LoRA/QLoRA (PEFT/QLoRA recipes enable gradient checkpointing)."""
        if self.recompute is not None:
            return self.recompute
        if self.method != Method.FULL:
            return Recompute.FULL
        return Recompute(self.rules.recompute)

    @property
    def weight_bytes(self) -> float:
        """Bytes per served weight: the format's own, or the user's bits per weight."""
        from app.core.precision import weight_bytes_per_param

        return self.bits_per_weight / 8.0 if self.bits_per_weight else weight_bytes_per_param(self.quant)

    @property
    def training_stack(self) -> Stack:
        return self.stack or default_stack(self.goal)

    @property
    def rules(self) -> StackRules:
        return RULES[self.training_stack]

    @property
    def loss_mode(self) -> Loss:
        return self.loss or self.rules.loss

    @property
    def precisions(self) -> tuple[str, ...]:
        return self.precision_choices or (self.precision,)

    @property
    def quants(self) -> tuple[str, ...]:
        return self.quant_choices or (self.quant,)

    @property
    def is_training(self) -> bool:
        return self.goal != Goal.INFERENCE

    @property
    def target_days(self) -> float | None:
        """The time a training plan must finish in: the deadline, or without one the registry's
        target (90 days), which is then a constraint like a deadline (``deadline_is_target``)."""
        if not self.is_training:
            return None
        return self.deadline_days if self.deadline_days is not None else A.value("target_days")

    @property
    def deadline_is_target(self) -> bool:
        """True when no deadline was given and the default target stands in for it."""
        return self.is_training and self.deadline_days is None

    @property
    def training_seq_len(self) -> int:
        """The sequence length of a training goal (filled by goal when none was given)."""
        return self.seq_len if self.seq_len is not None else default_seq_len(self.goal)

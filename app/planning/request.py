"""PlanRequest: the one typed description of a question, as both front ends hold it, and
``to_scenario``: the request, checked against the catalog, as the core's Scenario.

- Field names are the Scenario's (the model's are ModelSpec's: ``params_total``, ``layers``, …).
  Quantities may be text as people type them ("7B", "3000万", "8K"); an empty field is ``None``.
- ``None`` means "the default". Defaults are not decided here: the Scenario fills them from the
  assumptions registry, so the wizard, ``--help`` and the JSON show the same ones.
- Errors come back per request field with a code and parameters (``RequestError``); the CLI names the
  flag, the wizard marks the field, and app.present words them.
- ``resolved(scenario)`` is the request that was answered: every field that applies to the goal with
  the value used, defaults included; the JSON document carries it as ``request``.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from decimal import Decimal
from enum import Enum
from typing import Any, Protocol

from pydantic import ValidationError

from app.core.scenario import FIELD_GOALS, Goal, Scenario, applies
from app.core.specs import CloudOffer, GpuSpec, ModelSpec, custom_model
from app.core.units import parse_days, parse_decimal, parse_money

Quantity = str | float | int | None

MODEL_FIELDS = ("params_total", "params_active", "layers", "hidden", "heads", "kv_heads", "ffn", "vocab")
INT_FIELDS = frozenset(("seq_len", "lora_rank", "micro_batch", "zero_stage", "context", "concurrency", "output_tokens",
                        "ep", "cp", "vpp", "global_batch", "gpu_layers", "users", "prompt_tokens",
                        "gpu_count", "tp", "pp", "max_gpus", "layers", "hidden", "heads", "kv_heads", "ffn", "vocab"))
FLOAT_FIELDS = frozenset(("tokens", "samples", "epochs", "cpt_fraction", "chinchilla_tokens_per_param", "mfu", "budget",
                          "deadline_days", "power_limit_kw", "cloud_price", "gpu_price", "fx_jpy_per_usd",
                          "electricity_price_per_kwh", "pue", "hours_per_day", "days_per_month", "years",
                          "params_total", "params_active", "host_cost_fraction", "bits_per_weight",
                          "requests_per_s", "requests_per_day", "min_tokens_per_s", "max_ttft_s"))
# fields whose zero is meaningful (a free cloud price, ZeRO stage 0)
ZERO_ALLOWED = frozenset(("zero_stage", "cloud_price", "gpu_price", "electricity_price_per_kwh", "host_cost_fraction",
                          "gpu_layers"))


class Catalog(Protocol):
    def model(self, model_id: str) -> ModelSpec | None: ...
    def gpu(self, gpu_id: str) -> GpuSpec | None: ...
    def models(self) -> Sequence[ModelSpec]: ...
    def gpus(self) -> Sequence[GpuSpec]: ...
    def offers(self) -> Sequence[CloudOffer]: ...


@dataclass(frozen=True, kw_only=True)
class PlanRequest:
    """A question as typed. Every field is optional; ``goal`` is needed to answer it. A plain
    dataclass (an unknown field is a TypeError): ``to_scenario`` parses and checks the values, and the
    command line need not build a pydantic model for it."""

    goal: str | None = None
    # --- model: a catalog id, with optional architecture overrides; or a size / architecture ---
    model: str | None = None
    model_file: str | None = None  # a config.json, a model folder or a .gguf file (app.planning.model_file)
    params_total: Quantity = None
    params_active: Quantity = None
    layers: Quantity = None
    hidden: Quantity = None
    heads: Quantity = None
    kv_heads: Quantity = None
    ffn: Quantity = None
    vocab: Quantity = None
    # --- data ---
    tokens: Quantity = None
    samples: Quantity = None
    seq_len: Quantity = None
    epochs: Quantity = None
    cpt_fraction: Quantity = None
    chinchilla_tokens_per_param: Quantity = None
    # --- training ---
    method: str | None = None
    lora_rank: Quantity = None
    lora_targets: str | None = None
    precision: str | None = None
    precision_choices: tuple[str, ...] | None = None
    optimizer: str | None = None
    zero_stage: Quantity = None
    recompute: str | None = None
    micro_batch: Quantity = None
    stack: str | None = None
    attention: str | None = None
    loss: str | None = None
    offload: tuple[str, ...] | None = None  # () or ("none",): no offload; None: the planner may offload
    optimizer_in_backward: bool | None = None
    ep: Quantity = None
    cp: Quantity = None
    vpp: Quantity = None
    global_batch: Quantity = None
    sequence_parallel: bool | None = None
    # --- inference ---
    quant: str | None = None
    quant_choices: tuple[str, ...] | None = None
    context: Quantity = None
    concurrency: Quantity = None
    kv_dtype: str | None = None
    output_tokens: Quantity = None
    engine: str | None = None
    gpu_layers: Quantity = None
    bits_per_weight: Quantity = None  # AWQ/GPTQ/EXL2-style weights at any bits per weight
    # the load and its service level (app.core.service): users are requests in flight at the peak
    users: Quantity = None  # the same field as concurrency, by the name people use
    prompt_tokens: Quantity = None
    requests_per_s: Quantity = None
    requests_per_day: Quantity = None
    min_tokens_per_s: Quantity = None
    max_ttft_s: Quantity = None
    availability: str | None = None  # none | n+1
    # --- hardware ---
    gpu_id: str | None = None
    gpu_count: Quantity = None
    tp: Quantity = None
    pp: Quantity = None
    mfu: Quantity = None
    network: str | None = None
    # --- budget and constraints ---
    currency: str | None = None
    budget: Quantity = None
    deadline_days: Quantity = None
    deployment: str | None = None
    own: dict[str, int] | None = None
    max_gpus: Quantity = None
    power_limit_kw: Quantity = None
    pricing: str | None = None
    cloud_offer: str | None = None
    rank_by: str | None = None
    # --- prices and on-prem ---
    cloud_price: Quantity = None
    gpu_price: Quantity = None
    fx_jpy_per_usd: Quantity = None
    fx_as_of: str | None = None
    electricity_price_per_kwh: Quantity = None
    pue: Quantity = None
    host_cost_fraction: Quantity = None
    hours_per_day: Quantity = None
    days_per_month: Quantity = None
    years: Quantity = None


REQUEST_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclass_fields(PlanRequest))


def given(req: PlanRequest) -> dict[str, Any]:
    """The fields the request sets (what a plan file stores)."""
    return {k: v for k, v in ((k, getattr(req, k)) for k in REQUEST_FIELDS) if v is not None}


@dataclass(frozen=True)
class FieldError:
    """One problem with one request field: a code app.present words, and what it needs."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)  # ``field`` here is the attribute
    value: Any = None

    def as_pydantic(self) -> dict[str, Any]:
        """The shape of an item of ``ValidationError.errors()`` (what app.present words)."""
        return {"type": self.code, "loc": (self.field,), "ctx": dict(self.params), "input": self.value,
                "msg": self.code}


@dataclass
class RequestError(ValueError):
    """The request cannot be answered as given: one entry per field (the first per field)."""

    errors: list[FieldError] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{e.field}: {e.code}" for e in self.errors)

    def by_field(self) -> dict[str, FieldError]:
        out: dict[str, FieldError] = {}
        for e in self.errors:
            out.setdefault(e.field, e)
        return out


def _number(name: str, v: Any, errors: list[FieldError], currency: str | None = None) -> float | int | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if name == "budget":
        return _money(v, errors, currency)
    if name == "deadline_days":
        try:
            return parse_days(v)
        except ValueError:
            errors.append(FieldError(name, "not_duration", {"value": v}, v))
            return None
    try:
        d = parse_decimal(v)
    except ValueError:
        errors.append(FieldError(name, "not_a_number", {"value": v}, v))
        return None
    if name in INT_FIELDS:
        if d != d.to_integral_value():
            errors.append(FieldError(name, "int_from_float", {}, v))
            return None
        if abs(d) > Decimal(10) ** 15:
            errors.append(FieldError(name, "less_than_equal", {"le": 1e15}, v))
            return None
        return int(d)
    return float(d)


def _money(v: Any, errors: list[FieldError], currency: str | None) -> float | None:
    """A budget as written: ``30M``, ``$1M``, ``¥30M``, ``3億円``, ``100万ドル``. A currency written with
    it must be the plan's: the amount is used as given, never converted behind the user's back."""
    try:
        amount, written = parse_money(v)
    except ValueError:
        errors.append(FieldError("budget", "not_money", {"value": v}, v))
        return None
    plan = (currency or "USD").upper()
    if written is not None and written != plan:
        errors.append(FieldError("budget", "money_other_currency", {"value": v, "written": written, "currency": plan}, v))
        return None
    return float(amount)


def _close(value: str, ids: list[str]) -> str:
    return ", ".join(difflib.get_close_matches(value, ids, n=3, cutoff=0.5))


def _unknown(name: str, kind: str, value: str, ids: list[str]) -> FieldError:
    return FieldError(name, f"unknown_{kind}", {"value": value, "close": _close(value, ids)}, value)


def _resized(model: ModelSpec, arch: dict[str, Any]) -> dict[str, Any]:
    """params_total/params_active (and head_dim) of ``model`` with ``arch`` overriding its shape."""
    from app.core.specs import count_params

    def shape(m: dict[str, Any]) -> tuple[float, float]:
        return count_params(layers=m["layers"], hidden=m["hidden"], heads=m["heads"], kv_heads=m["kv_heads"],
                            ffn=m["ffn"], vocab=m["vocab"], head_dim=m["head_dim"], num_experts=m["num_experts"],
                            experts_per_token=m["experts_per_token"], tied_embeddings=m["tied_embeddings"],
                            gated_ffn=m["gated_ffn"])

    old = model.model_dump()
    new = {**old, **arch}
    if "hidden" in arch or "heads" in arch:
        new["head_dim"] = new["hidden"] // new["heads"] if new["heads"] else old["head_dim"]
    if new.get("kv_heads", 0) > new.get("heads", 0) and "kv_heads" not in arch:
        new["kv_heads"] = new["heads"]
    (t0, a0), (t1, a1) = shape(old), shape(new)
    return {"params_total": model.params_total * t1 / t0, "params_active": model.params_active * a1 / a0,
            "head_dim": new["head_dim"], "kv_heads": new["kv_heads"]}


def _file_model(path: str, errors: list[FieldError]) -> ModelSpec | None:
    from app.planning.model_file import ModelFileError, cached_model_file

    try:
        return cached_model_file(path).model
    except ModelFileError as e:
        errors.append(FieldError("model_file", f"model_file_{e.code}", dict(e.params), path))
        return None


def _model(req: PlanRequest, nums: dict[str, Any], catalog: Catalog, errors: list[FieldError]) -> ModelSpec | None:
    arch = {k: nums[k] for k in ("layers", "hidden", "heads", "kv_heads", "ffn", "vocab") if nums.get(k) is not None}
    params, active = nums.get("params_total"), nums.get("params_active")
    if req.model_file and req.model:
        errors.append(FieldError("model_file", "conflicts_with", {"other": "model"}, req.model_file))
        return None
    if req.model or req.model_file:
        model = _file_model(req.model_file, errors) if req.model_file else catalog.model(req.model or "")
        if model is None:
            if not req.model_file:
                errors.append(_unknown("model", "model", req.model or "", [m.id for m in catalog.models()]))
            return None
        upd: dict[str, Any] = dict(arch)
        if arch and params is None and active is None:
            # an architecture override changes the model's size: scale the published counts by what
            # the new shape adds or removes (exact where the shape is unchanged)
            upd.update(_resized(model, arch))
        if params is not None:
            upd["params_total"] = params
            upd.setdefault("params_active", active or params)
        if active is not None:
            upd["params_active"] = active
        if not upd:
            return model
        try:
            return ModelSpec(**{**model.model_dump(), **upd})
        except ValidationError as e:
            _pydantic_errors(e, errors, default="model")
            return None
    if {e.field for e in errors} & set(MODEL_FIELDS):
        return None
    try:
        model = custom_model(params, active, **arch)
    except ValidationError as e:
        _pydantic_errors(e, errors, default="params_total")
        return None
    except ValueError as e:  # a coded error raised before the model is built (PydanticCustomError)
        errors.append(FieldError("params_total", getattr(e, "type", "not_a_number"),
                                 dict(getattr(e, "context", None) or {}), params))
        return None
    if model is None:
        errors.append(FieldError("model", "model_missing", {}, None))
    return model


_CROSS_FIELD = {"finetune_needs_data": "samples", "gpu_and_count": "gpu_count", "active_exceeds_total": "params_active",
                "kv_heads_exceed_heads": "kv_heads", "kv_heads_divide": "kv_heads", "experts_exceed": "model"}


def _pydantic_errors(e: ValidationError, errors: list[FieldError], default: str = "goal") -> None:
    for err in e.errors():
        loc = [str(x) for x in err.get("loc", ())]
        ctx = dict(err.get("ctx") or {})
        name = loc[0] if loc else (ctx.get("field") or _CROSS_FIELD.get(err["type"], default))
        if name == "model" and len(loc) > 1:
            name = loc[1]
        value = err.get("input")
        if isinstance(value, dict):
            value = value.get(name)
        errors.append(FieldError(name, err["type"], ctx, value))


def to_scenario(req: PlanRequest, catalog: Catalog) -> Scenario:
    """The Scenario the request asks for, or RequestError naming every field that is wrong."""
    errors: list[FieldError] = []
    if not req.goal:
        raise RequestError([FieldError("goal", "goal_missing", {}, None)])
    nums = {k: _number(k, getattr(req, k), errors, req.currency) for k in (INT_FIELDS | FLOAT_FIELDS)}
    for k, v in nums.items():
        if v is not None and v <= 0 and k not in ZERO_ALLOWED:
            errors.append(FieldError(k, "greater_than", {"gt": 0}, getattr(req, k)))
            nums[k] = None
    model = _model(req, nums, catalog, errors)
    gpu_ids = [g.id for g in catalog.gpus()]
    if req.gpu_id is not None and catalog.gpu(req.gpu_id) is None:
        errors.append(_unknown("gpu_id", "gpu", req.gpu_id, gpu_ids))
    for gid in req.own or {}:
        if catalog.gpu(gid) is None:
            errors.append(_unknown("own", "gpu", gid, gpu_ids))
    if req.cloud_offer is not None:
        offer = next((o for o in catalog.offers() if o.id == req.cloud_offer), None)
        if offer is None:
            errors.append(_unknown("cloud_offer", "offer", req.cloud_offer, [o.id for o in catalog.offers()]))
        elif req.gpu_id is not None and req.gpu_id != offer.gpu:
            errors.append(FieldError("cloud_offer", "offer_other_gpu", {"value": req.cloud_offer, "offer_gpu": offer.gpu,
                                                                         "gpu": req.gpu_id}, req.cloud_offer))
    if errors or model is None:
        raise RequestError(errors)
    fields: dict[str, Any] = {k: v for k, v in nums.items() if k not in MODEL_FIELDS and v is not None}
    users = fields.pop("users", None)
    if users is not None:  # --users is --concurrency by the name people use
        if fields.get("concurrency", users) != users:
            raise RequestError([FieldError("users", "one_of", {"field": "users", "other": "concurrency"}, req.users)])
        fields["concurrency"] = users
    for k in ("goal", "method", "lora_targets", "optimizer", "recompute", "quant", "kv_dtype", "gpu_id", "network",
              "currency", "deployment", "pricing", "cloud_offer", "rank_by", "fx_as_of", "stack", "attention", "loss",
              "engine", "optimizer_in_backward", "sequence_parallel", "availability"):
        v = getattr(req, k)
        if v is not None and not (isinstance(v, str) and not v.strip()):
            fields[k] = v
    if req.offload is not None:
        fields["offload"] = tuple(dict.fromkeys(str(x).lower() for x in req.offload if x and str(x).lower() != "none"))
    _choices(req, fields)
    if req.model_file:
        _file_defaults(req.model_file, fields)
    _device_defaults(req, fields, catalog)
    if req.own:
        fields["own"] = {k: int(v) for k, v in req.own.items() if int(v) > 0}
    mine = getattr(catalog, "measurements", None)
    if mine is not None and mine() and fields.get("goal") != "inference":
        from app.core.calibration import calibration_factors

        fields["calibration"] = calibration_factors(mine(), {m.id: m for m in catalog.models()},
                                                    {g.id: g for g in catalog.gpus()})
    try:
        return Scenario(model=model, **fields)
    except ValidationError as e:
        _pydantic_errors(e, errors)
        raise RequestError(errors) from None


def _device_defaults(req: PlanRequest, fields: dict[str, Any], catalog: Catalog) -> None:
    """A Mac (Apple silicon) is served with llama.cpp, the engine with a Metal backend, unless the
    request names an engine: vLLM, SGLang, TensorRT-LLM and TGI have no GPU path there."""
    if fields.get("goal") != "inference" or "engine" in fields or not req.gpu_id:
        return
    gpu = catalog.gpu(req.gpu_id)
    if gpu is not None and gpu.architecture == "apple":
        fields["engine"] = "llama.cpp"


def _file_defaults(path: str, fields: dict[str, Any]) -> None:
    """A GGUF file is served as it is stored: its own weight format and bits per weight, with llama.cpp
    (GGUF's engine), unless the request names a format or an engine. The finding ``model_file`` says so."""
    from app.core.precision import GGUF_FORMATS, WEIGHT_BITS
    from app.planning.model_file import cached_model_file

    mf = cached_model_file(path)
    if fields.get("goal") != "inference" or mf.kind != "gguf":
        return
    if any(k in fields for k in ("quant", "quant_choices", "bits_per_weight")):
        return
    bpw = mf.bits_per_weight
    quant = mf.quant
    if quant is None and bpw:
        quant = min(GGUF_FORMATS, key=lambda q: abs(WEIGHT_BITS[q] - bpw))
    if quant:
        fields["quant"] = quant
    if bpw and 1.5 <= bpw <= 16:
        fields["bits_per_weight"] = round(bpw, 4)
    fields.setdefault("engine", "llama.cpp")


def _choices(req: PlanRequest, fields: dict[str, Any]) -> None:
    """One precision (or weight format) is ``precision``; several are searched (``precision_choices``,
    the first is ``precision``): a CLI comma list and the wizard's check boxes say the same."""
    for one, many in (("precision", "precision_choices"), ("quant", "quant_choices")):
        chosen = [x for x in (getattr(req, many) or ()) if x]
        if not chosen and getattr(req, one):
            chosen = [getattr(req, one)]
        chosen = list(dict.fromkeys(str(x).lower() for x in chosen))
        if chosen:
            fields[one] = chosen[0]
        if len(chosen) > 1:
            fields[many] = tuple(chosen)


def _plain(v: Any) -> Any:
    return v.value if isinstance(v, Enum) else v


def resolved(s: Scenario) -> dict[str, Any]:
    """The request that was answered: every field that applies to the goal, with the value used
    (defaults included), enough to re-run the same plan. Fields whose default is a rule keep None
    (``tokens``: Chinchilla or samples; ``zero_stage``/``tp``/``pp``: chosen by the search) and the
    rule's parameters are echoed with their values."""
    m = s.model
    out: dict[str, Any] = {"goal": s.goal.value, "model": m.id if m.origin in ("shipped", "user") and m.id != "custom" else None,
                           "model_file": m.source if m.origin == "file" else None}
    for k in MODEL_FIELDS:
        out[k] = getattr(m, k)
    for k in REQUEST_FIELDS:
        if k in out or k in MODEL_FIELDS or not applies(k, s.goal, s.method):
            continue
        if k == "recompute":
            out[k] = s.recompute_mode.value
        elif k == "stack":
            out[k] = s.training_stack.value
        elif k == "loss":
            out[k] = s.loss_mode.value
        elif k == "offload":
            out[k] = None if s.offload is None else [o.value for o in s.offload]
        elif k == "users":
            continue  # echoed as concurrency
        elif k == "concurrency" and s.request_rate is not None:
            out[k] = None  # worked out from the rate again on a re-run
        elif k == "context":
            out[k] = s.inference_context
        elif k in ("precision_choices", "quant_choices"):
            out[k] = list(getattr(s, k)) or None
        elif k == "own":
            out[k] = dict(s.own)
        else:
            out[k] = _plain(getattr(s, k))
    return out


def applicable_fields(goal: str, method: str | None = None) -> list[str]:
    """The request fields that mean something for ``goal`` (the wizard shows only these)."""
    return [k for k in REQUEST_FIELDS if k not in FIELD_GOALS or applies(k, goal, method)]


def request_for_goal(values: Mapping[str, Any]) -> PlanRequest:
    """A request from a draft that keeps values for every goal (the wizard's): only the fields that
    apply to the draft's goal, empty text as not given."""
    goal = values.get("goal")
    method = values.get("method") if goal == Goal.FINETUNE.value else None
    if goal not in [g.value for g in Goal]:
        return PlanRequest(goal=goal)
    keep = set(applicable_fields(goal, method))
    return PlanRequest(**{k: v for k, v in values.items() if k in keep and k in REQUEST_FIELDS
                          and v is not None and not (isinstance(v, str) and not v.strip())})


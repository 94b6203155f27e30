"""Catalog records (database field names, SI units) to the core's frozen specs."""

from __future__ import annotations

from collections.abc import Callable

from app.catalog.schema import Record
from app.core.specs import ApiPrice, CloudOffer, GpuSpec, Measurement, ModelSpec, TrainingRun, count_params

# An entry of any kind, as the core sees it.
Spec = GpuSpec | ModelSpec | TrainingRun | CloudOffer | Measurement | ApiPrice

_RUN_STATUS = ("params", "tokens", "gpu_count", "days", "gpu_hours", "mfu", "cost")


def gpu_spec(r: Record, origin: str = "shipped") -> GpuSpec:
    return GpuSpec(
        id=r["id"], name=r["name"], vendor=r.get("vendor") or "",
        memory_bytes=r["memory_bytes"], bandwidth_bytes_per_s=r["bandwidth_bytes_per_s"],
        peak_flops_bf16=r["peak_flops_bf16"], peak_flops_fp16=r.get("peak_flops_fp16"),
        peak_flops_fp8=r.get("peak_flops_fp8"), peak_ops_int8=r.get("peak_ops_int8"),
        tdp_w=r.get("tdp_w"), nvlink_bandwidth_bytes_per_s=r.get("nvlink_bandwidth_bytes_per_s") or 0.0,
        nvlink_domain=r.get("nvlink_domain") or 1, pcie_gen=r.get("pcie_gen") or 4,
        gpus_per_node=r.get("gpus_per_node") or 8, mamf_fraction=r.get("mamf_fraction"),
        price_usd=r.get("price_usd"), price_source=r.get("price_source") or "",
        price_as_of=r.get("price_as_of") or "",
        cloud_price_per_gpu_hour_usd=r.get("cloud_price_per_gpu_hour_usd"),
        cloud_price_source=r.get("cloud_source") or "",
        architecture=r.get("architecture") or "",
        precisions=tuple(x.strip().lower() for x in (r.get("precisions") or "").split(",") if x.strip()),
        sold_separately=r.get("sold_separately") is not False, server_price_usd=r.get("server_price_usd"),
        server_price_source=r.get("server_price_source") or "", server_price_as_of=r.get("server_price_as_of") or "",
        source=r["source"], as_of=r["as_of"], notes=r.get("notes") or "", origin=origin,
    )


def model_spec(r: Record, origin: str = "shipped") -> ModelSpec:
    arch = dict(
        layers=r["layers"], hidden=r["hidden"], heads=r["heads"], kv_heads=r["kv_heads"],
        head_dim=r.get("head_dim") or r["hidden"] // r["heads"], ffn=r["ffn"], vocab=r["vocab"],
        num_experts=r.get("num_experts") or 1, experts_per_token=r.get("experts_per_token") or 1,
        tied_embeddings=bool(r.get("tied_embeddings")),
        gated_ffn=r.get("gated_ffn") is not False,
    )
    total, active = r.get("params_total"), r.get("params_active")
    if total is None:
        total, counted_active = count_params(**arch)
        active = active or counted_active
    return ModelSpec(
        id=r["id"], name=r["name"], params_total=total, params_active=active or total,
        context=r.get("context") or 4096,
        kv_elems_per_token_per_layer=r.get("kv_elems_per_token_per_layer"),
        sliding_window=r.get("sliding_window"), local_layers=r.get("local_layers") or 0,
        params_stated=r.get("params_stated"), license=r.get("license") or "",
        source=r["source"], as_of=r["as_of"], notes=r.get("notes") or "", origin=origin, **arch,
    )


def run_spec(r: Record, origin: str = "shipped") -> TrainingRun:
    status = {k: r[f"{k}_status"] for k in _RUN_STATUS if r.get(f"{k}_status")}
    fields = {k: r.get(k) for k in (
        "org", "year", "model", "params_total", "params_active", "tokens", "gpu", "gpu_name",
        "gpu_count", "days", "gpu_hours", "mfu", "tflops_per_gpu", "cost_usd", "precision", "notes")}
    fields = {k: v for k, v in fields.items() if v is not None}
    return TrainingRun(id=r["id"], name=r["name"], status=status, source=r["source"],
                       as_of=r["as_of"], origin=origin, **fields)


def offer_spec(r: Record, origin: str = "shipped") -> CloudOffer:
    return CloudOffer(
        id=r["id"], provider=r["provider"], instance=r.get("instance") or "", gpu=r["gpu"],
        gpus_per_instance=r.get("gpus_per_instance") or 1, pricing=r["pricing"],
        price_per_gpu_hour=r["price_per_gpu_hour"], currency=r["currency"],
        region=r.get("region") or "", source=r["source"], as_of=r["as_of"],
        notes=r.get("notes") or "", eligibility=r.get("eligibility") or "", origin=origin,
    )


def measurement_spec(r: Record, origin: str = "user") -> Measurement:
    fields = {k: r.get(k) for k in ("method", "precision", "seq_len", "notes")}
    return Measurement(id=r["id"], gpu=r["gpu"], model=r["model"], stack=r["stack"], gpu_count=r["gpu_count"],
                       tokens_per_s_per_gpu=r["tokens_per_s_per_gpu"], source=r["source"], as_of=r["as_of"],
                       origin=origin, **{k: v for k, v in fields.items() if v is not None})


def api_spec(r: Record, origin: str = "shipped") -> ApiPrice:
    return ApiPrice(id=r["id"], provider=r["provider"], model=r["model"], open_model=r.get("open_model") or "",
                    input_per_million=r["input_per_million"], output_per_million=r["output_per_million"],
                    currency=r["currency"], source=r["source"], as_of=r["as_of"], notes=r.get("notes") or "", origin=origin)


_CONVERT: dict[str, Callable[[Record, str], Spec]] = {
    "gpus": gpu_spec, "models": model_spec, "runs": run_spec, "offers": offer_spec, "measurements": measurement_spec,
    "apis": api_spec}


def to_spec(kind: str, record: Record, origin: str = "shipped") -> Spec:
    return _CONVERT[kind](record, origin)

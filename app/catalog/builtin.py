"""The built-in tables under resources/data/*.csv, turned into core specs.

Every row carries ``source`` and ``as_of``. The SQLite catalog (catalog.db) is built from the same
files; until then these CSVs are read directly with the standard library.
"""

from __future__ import annotations

import csv
import hashlib
from functools import lru_cache
from pathlib import Path

from app.core.specs import GpuSpec, ModelSpec, count_params
from app.core.units import GiB
from app.paths import resource_dir


def _data(name: str) -> Path:
    return resource_dir() / "data" / name


def _f(v: str) -> float | None:
    v = (v or "").strip()
    return float(v) if v else None


def _rows(name: str) -> list[dict[str, str]]:
    with _data(name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def gpus() -> tuple[GpuSpec, ...]:
    out = []
    for r in _rows("gpus.csv"):
        out.append(GpuSpec(
            id=r["id"], name=r["name"], vendor=r["vendor"],
            memory_bytes=float(r["memory_gib"]) * GiB,
            bandwidth_bytes_per_s=float(r["bandwidth_tb_per_s"]) * 1e12,
            peak_flops_bf16=float(r["bf16_dense_tflops"]) * 1e12,
            peak_flops_fp16=float(r["fp16_dense_tflops"]) * 1e12,
            peak_flops_fp8=(_f(r["fp8_dense_tflops"]) or 0) * 1e12 or None,
            peak_ops_int8=(_f(r["int8_dense_tops"]) or 0) * 1e12 or None,
            tdp_w=float(r["tdp_w"]),
            nvlink_bandwidth_bytes_per_s=(_f(r["nvlink_gb_per_s"]) or 0.0) * 1e9,
            nvlink_domain=int(r["nvlink_domain"] or 1),
            pcie_gen=int(r["pcie_gen"] or 4),
            gpus_per_node=int(r["gpus_per_node"] or 8),
            mamf_fraction=_f(r.get("mamf_fraction", "")),
            price_usd=_f(r["price_usd"]),
            cloud_price_per_gpu_hour_usd=_f(r["cloud_usd_per_gpu_hour"]),
            source="; ".join(x for x in (r["source"], r["price_source"], r["cloud_source"]) if x),
            as_of=r["as_of"],
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def models() -> tuple[ModelSpec, ...]:
    out = []
    for r in _rows("models.csv"):
        arch = dict(
            layers=int(r["layers"]), hidden=int(r["hidden"]), heads=int(r["heads"]),
            kv_heads=int(r["kv_heads"]), head_dim=int(r["head_dim"]), ffn=int(r["ffn"]),
            vocab=int(r["vocab"]), num_experts=int(r["num_experts"] or 1),
            experts_per_token=int(r["experts_per_token"] or 1),
            tied_embeddings=r["tied_embeddings"].strip().lower() == "true",
            gated_ffn=r["gated_ffn"].strip().lower() != "false",
        )
        total, active = _f(r["params_total"]), _f(r["params_active"])
        if total is None:
            total, active = count_params(**arch)
        kv = r.get("kv_elems_per_token_per_layer", "").strip()
        out.append(ModelSpec(
            id=r["id"], name=r["name"], params_total=total, params_active=active or total,
            context=int(r["context"]), kv_elems_per_token_per_layer=int(kv) if kv else None,
            license=r["license"], source=r["source"], as_of=r["as_of"], **arch,
        ))
    return tuple(out)


def gpu_by_id(gpu_id: str) -> GpuSpec | None:
    return next((g for g in gpus() if g.id == gpu_id), None)


def model_by_id(model_id: str) -> ModelSpec | None:
    return next((m for m in models() if m.id == model_id), None)


def catalog_version() -> str:
    """Content hash of the data files: changes whenever a number changes."""
    h = hashlib.sha256()
    for name in ("gpus.csv", "models.csv"):
        h.update(_data(name).read_bytes())
    return "builtin-" + h.hexdigest()[:12]

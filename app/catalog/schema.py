"""The CSV format of each catalog kind: columns, units, allowed ranges.

One format serves the shipped sources (``resources/data/*.csv``), ``catalog import`` and
``catalog export``: a user can export, edit in a spreadsheet and import back. CSV columns use the
units people read on spec sheets (GiB, TB/s, TFLOPS); the database stores SI base units (bytes,
bytes/s, FLOP/s) as the design asks, and ``scale`` converts between the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.core.runtimes import ARCHITECTURES
from app.core.specs import FIGURE_STATUSES, PRICING_KINDS
from app.core.units import GiB

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[.\-_][a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CURRENCIES = ("USD", "JPY")
# Bump when a table or column changes meaning; catalog.db and overlay files record it in `meta`.
SCHEMA_VERSION = 6  # 2: models gained sliding_window and local_layers; 3: the user's measured runs;
# 4: GPUs gained architecture and precisions; 5: GPUs record whether they are sold separately, and the
# price of the server they come in; 6: commercial API prices per million tokens
# One catalog entry as read from a CSV or a table: database field names -> values (SI units).
Record = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One CSV column. ``field`` is the database column (SI units) when it differs from ``csv``."""

    csv: str
    type: str = "str"  # str | id | ref | float | int | bool | date | choice
    field: str | None = None
    scale: float = 1.0
    required: bool = False
    default: object = None
    gt: float | None = None
    ge: float | None = None
    le: float | None = None
    choices: tuple[str, ...] = ()
    ref: str | None = None  # kind whose ids this column refers to

    @property
    def name(self) -> str:
        return self.field or self.csv

    def allowed(self) -> str:
        """What the column accepts, for error messages."""
        if self.type in ("choice",):
            return "one of " + ", ".join(self.choices)
        if self.type == "bool":
            return "true or false"
        if self.type == "date":
            return "a date YYYY-MM-DD (or YYYY-MM, YYYY)"
        if self.type == "id":
            return "lower-case letters, digits and - . _ (e.g. h100-sxm)"
        if self.type == "ref":
            return f"an id from the {self.ref} catalog"
        if self.type in ("float", "int"):
            kind = "a whole number" if self.type == "int" else "a number"
            bounds = []
            if self.gt is not None:
                bounds.append(f"> {self.gt:g}")
            if self.ge is not None:
                bounds.append(f">= {self.ge:g}")
            if self.le is not None:
                bounds.append(f"<= {self.le:g}")
            return kind + (" " + " and ".join(bounds) if bounds else "")
        return "text"


@dataclass(frozen=True)
class Kind:
    name: str  # gpus | models | runs | offers | measurements
    table: str
    columns: tuple[Column, ...]
    # columns whose presence in a CSV header identifies this kind
    signature: tuple[str, ...]

    @property
    def header(self) -> list[str]:
        return [c.csv for c in self.columns]

    def column(self, csv_name: str) -> Column:
        return next(c for c in self.columns if c.csv == csv_name)


_PROVENANCE = (
    Column("source", required=True),
    Column("as_of", "date", required=True),
)

GPUS = Kind("gpus", "gpu", (
    Column("id", "id", required=True),
    Column("name", required=True),
    Column("vendor"),
    Column("memory_gib", "float", field="memory_bytes", scale=GiB, required=True, gt=0, le=100_000),
    Column("bandwidth_tb_per_s", "float", field="bandwidth_bytes_per_s", scale=1e12, required=True, gt=0, le=1000),
    Column("bf16_dense_tflops", "float", field="peak_flops_bf16", scale=1e12, required=True, gt=0, le=1e6),
    Column("fp16_dense_tflops", "float", field="peak_flops_fp16", scale=1e12, gt=0, le=1e6),
    Column("fp8_dense_tflops", "float", field="peak_flops_fp8", scale=1e12, gt=0, le=1e6),
    Column("int8_dense_tops", "float", field="peak_ops_int8", scale=1e12, gt=0, le=1e6),
    Column("tdp_w", "float", gt=0, le=100_000),
    Column("nvlink_gb_per_s", "float", field="nvlink_bandwidth_bytes_per_s", scale=1e9, default=0.0, ge=0, le=1e6),
    Column("nvlink_domain", "int", default=1, ge=1, le=1_000_000),
    Column("pcie_gen", "int", default=4, ge=3, le=6),
    Column("gpus_per_node", "int", default=8, ge=1, le=1024),
    Column("price_usd", "float", ge=0, le=1e9),
    Column("price_source"),
    Column("cloud_usd_per_gpu_hour", "float", field="cloud_price_per_gpu_hour_usd", ge=0, le=10_000),
    Column("cloud_source"),
    Column("mamf_fraction", "float", gt=0, le=1),
    *_PROVENANCE,
    Column("notes"),
    Column("price_as_of", "date"),
    # schema 4: what the chip's kernels can run. ``architecture`` picks the rows of the serving engines'
    # format-support tables (app.core.runtimes); ``precisions`` lists the training precisions with
    # tensor cores when not all of bf16/fp16/fp8/fp32 with a peak are (V100: fp16,fp32, no BF16)
    Column("architecture", "choice", choices=ARCHITECTURES),
    Column("precisions"),
    # schema 5: buying. ``sold_separately`` false: the accelerator is only rented (TPU) or only sold in
    # whole systems priced by ``server_price_usd``; ``server_price_usd``: one server of
    # ``gpus_per_node`` GPUs, complete (GPUs, CPUs, memory, network cards), with its source and date
    Column("sold_separately", "bool", default=True),
    Column("server_price_usd", "float", ge=0, le=1e10),
    Column("server_price_source"),
    Column("server_price_as_of", "date"),
), signature=("memory_gib", "bf16_dense_tflops"))

MODELS = Kind("models", "model", (
    Column("id", "id", required=True),
    Column("name", required=True),
    Column("params_total", "float", gt=0, le=1e15),
    Column("params_active", "float", gt=0, le=1e15),
    Column("layers", "int", required=True, ge=1, le=10_000),
    Column("hidden", "int", required=True, ge=1, le=1_000_000),
    Column("heads", "int", required=True, ge=1, le=10_000),
    Column("kv_heads", "int", required=True, ge=1, le=10_000),
    Column("head_dim", "int", ge=1, le=100_000),
    Column("ffn", "int", required=True, ge=1, le=10_000_000),
    Column("vocab", "int", required=True, ge=1, le=10_000_000),
    Column("context", "int", default=4096, ge=1, le=100_000_000),
    Column("num_experts", "int", default=1, ge=1, le=100_000),
    Column("experts_per_token", "int", default=1, ge=1, le=100_000),
    Column("tied_embeddings", "bool", default=False),
    Column("gated_ffn", "bool", default=True),
    Column("kv_elems_per_token_per_layer", "int", ge=1, le=10_000_000),
    Column("sliding_window", "int", ge=1, le=1_000_000_000),
    Column("local_layers", "int", default=0, ge=0, le=10_000),
    Column("license"),
    *_PROVENANCE,
    Column("params_stated", "float", gt=0, le=1e15),
    Column("notes"),
), signature=("layers", "hidden", "kv_heads"))


def _status(csv: str) -> Column:
    """A column saying how a run's figure is known: one of FIGURE_STATUSES."""
    return Column(csv, "choice", choices=FIGURE_STATUSES)


RUNS = Kind("runs", "training_run", (
    Column("id", "id", required=True),
    Column("name", required=True),
    Column("org"),
    Column("year", "int", ge=1950, le=2100),
    Column("params_total", "float", gt=0, le=1e16),
    Column("params_active", "float", gt=0, le=1e16),
    Column("tokens", "float", gt=0, le=1e18),
    Column("gpu", "ref", ref="gpus"),
    Column("gpu_name"),
    Column("gpu_count", "int", ge=1, le=10_000_000),
    Column("days", "float", gt=0, le=10_000),
    Column("gpu_hours", "float", gt=0, le=1e12),
    Column("mfu", "float", gt=0, le=1),
    Column("tflops_per_gpu", "float", gt=0, le=1e6),
    Column("cost_usd", "float", gt=0, le=1e12),
    Column("precision"),
    _status("params_status"),
    _status("tokens_status"),
    _status("gpu_count_status"),
    _status("days_status"),
    _status("gpu_hours_status"),
    _status("mfu_status"),
    _status("cost_status"),
    *_PROVENANCE,
    Column("notes"),
    Column("model", "ref", ref="models"),
), signature=("tokens", "gpu_hours", "gpu_name"))

OFFERS = Kind("offers", "cloud_offer", (
    Column("id", "id", required=True),
    Column("provider", required=True),
    Column("instance"),
    Column("gpu", "ref", ref="gpus", required=True),
    Column("gpus_per_instance", "int", default=1, ge=1, le=100_000),
    Column("pricing", "choice", required=True, choices=PRICING_KINDS),
    Column("price_per_gpu_hour", "float", required=True, gt=0, le=1e7),
    Column("currency", "choice", required=True, choices=CURRENCIES),
    Column("region"),
    *_PROVENANCE,
    Column("notes"),
    # who may buy it ("" = anyone with a card); restricted offers are never picked automatically
    Column("eligibility"),
), signature=("provider", "price_per_gpu_hour"))

# A training run the user measured (gpu-planner calibrate, the wizard's "I measured a run"): plans on
# that GPU and stack scale the calibrated utilisation by measured / predicted.
MEASUREMENTS = Kind("measurements", "measurement", (
    Column("id", "id", required=True),
    Column("gpu", "ref", ref="gpus", required=True),
    Column("model", "ref", ref="models", required=True),
    Column("stack", "choice", required=True, choices=("megatron", "deepspeed", "fsdp", "hf", "torchtune")),
    Column("method", "choice", default="full", choices=("full", "lora", "qlora", "pretrain")),
    Column("precision", "choice", default="bf16", choices=("bf16", "fp16", "fp8", "fp32")),
    Column("gpu_count", "int", required=True, ge=1, le=10_000_000),
    Column("seq_len", "int", default=4096, ge=1, le=10_000_000),
    Column("tokens_per_s_per_gpu", "float", required=True, gt=0, le=1e9),
    *_PROVENANCE,
    Column("notes"),
), signature=("tokens_per_s_per_gpu", "stack"))

# A commercial API's price per million tokens (gpu-planner catalog apis): what self-hosting is compared
# with. ``open_model`` names the open-weights model the API serves, when it serves one (free text: the
# model may not be in this catalog).
APIS = Kind("apis", "api_price", (
    Column("id", "id", required=True),
    Column("provider", required=True),
    Column("model", required=True),
    Column("open_model"),
    Column("input_per_million", "float", required=True, ge=0, le=1e6),
    Column("output_per_million", "float", required=True, ge=0, le=1e6),
    Column("currency", "choice", required=True, choices=CURRENCIES),
    *_PROVENANCE,
    Column("notes"),
), signature=("input_per_million", "output_per_million"))

KINDS: dict[str, Kind] = {k.name: k for k in (GPUS, MODELS, RUNS, OFFERS, MEASUREMENTS, APIS)}
# Order of a build: referenced kinds first.
BUILD_ORDER = ("gpus", "models", "runs", "offers", "measurements", "apis")

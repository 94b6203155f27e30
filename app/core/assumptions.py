"""The one registry of assumptions: code -> value, unit, range and the request field that overrides it.

Every number the planner assumes lives here once. The core's formulas, the Scenario's defaults, the
CLI's ``--help``, the wizard's tooltips, the settings and the report read it from here; the plan
lists every entry it used (``Plan.assumptions``). The core holds no sentences: ``app.present.text
.assumptions`` words each code (a name and its source) in English and Japanese, and a test checks
that every code here has both.

``kind`` says what an entry is:
- ``default``: the value a request field takes when the user leaves it empty (``field`` names it);
- ``model``: a constant of an estimation formula (utilisation multipliers, memory overheads), which
  the user overrides only through the field it feeds, if any.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core import utilisation_fit as _FIT


@dataclass(frozen=True, slots=True)
class Entry:
    """One assumption. ``low``/``high`` is the range the sources support (None: not uncertain)."""

    code: str
    value: float | str
    unit: str = ""
    low: float | None = None
    high: float | None = None
    field: str | None = None  # the request/Scenario field that overrides it
    kind: str = "model"  # default | model
    goals: tuple[str, ...] = ("inference", "finetune", "cpt", "scratch")


_TRAINING = ("finetune", "cpt", "scratch")
_PRETRAINING = ("cpt", "scratch")

_ENTRIES = (
    # ----- data ---------------------------------------------------------------------------------
    Entry("chinchilla_tokens_per_param", 20.0, "tokens/parameter", 15.0, 25.0, "chinchilla_tokens_per_param",
          "default", _PRETRAINING),
    Entry("cpt_fraction", 0.10, "fraction", 0.10, 0.20, "cpt_fraction", "default", ("cpt",)),
    Entry("seq_len_finetune", 2048.0, "tokens", None, None, "seq_len", "default", ("finetune",)),
    Entry("seq_len_pretrain", 4096.0, "tokens", None, None, "seq_len", "default", _PRETRAINING),
    Entry("epochs", 1.0, "passes", None, None, "epochs", "default", ("finetune",)),
    # ----- training ------------------------------------------------------------------------------
    Entry("method_finetune", "lora", "", None, None, "method", "default", ("finetune",)),
    Entry("lora_rank", 16.0, "", None, None, "lora_rank", "default", ("finetune",)),
    Entry("lora_targets", "all-linear", "", None, None, "lora_targets", "default", ("finetune",)),
    Entry("precision", "bf16", "", None, None, "precision", "default", _TRAINING),
    Entry("optimizer", "adamw", "", None, None, "optimizer", "default", _TRAINING),
    Entry("micro_batch", 1.0, "sequences", None, None, "micro_batch", "default", _TRAINING),
    Entry("recompute", "selective", "", None, None, "recompute", "default", _PRETRAINING),
    Entry("recompute_finetune", "full", "", None, None, "recompute", "default", ("finetune",)),
    Entry("stack_finetune", "hf", "", None, None, "stack", "default", ("finetune",)),
    Entry("stack_pretrain", "megatron", "", None, None, "stack", "default", _PRETRAINING),
    Entry("attention", "flash", "", None, None, "attention", "default", _TRAINING),
    Entry("bytes_per_param_accounting", "stack", "", None, None, None, "model", _TRAINING),
    Entry("activations", "korthikanti", "", None, None, None, "model", _TRAINING),
    # ----- memory of training stacks (bytes per token per vocabulary entry for the loss) ---------
    Entry("loss_bytes_fp32", 14.0, "bytes/token/vocab", 12.0, 20.0, "loss", "model", _TRAINING),
    Entry("loss_bytes_fp32_inplace", 6.0, "bytes/token/vocab", None, None, "loss", "model", _TRAINING),
    Entry("loss_bytes_bf16", 4.0, "bytes/token/vocab", None, None, "loss", "model", _TRAINING),
    Entry("loss_bytes_chunked", 1.0, "bytes/token/vocab", None, None, "loss", "model", _TRAINING),
    Entry("loss_bytes_fused", 0.5, "bytes/token/vocab", None, None, "loss", "model", _TRAINING),
    Entry("selective_ac_fraction", 0.35, "fraction", 0.25, 0.50, "recompute", "model", _TRAINING),
    Entry("deepspeed_bucket_elements", 5e8, "elements", None, None, None, "model", _TRAINING),
    Entry("zero3_gather_bytes", 4.0, "bytes/parameter", None, None, None, "model", _TRAINING),
    Entry("fsdp_units_in_flight", 2.0, "units", None, None, None, "model", _TRAINING),
    Entry("memory_headroom", 0.90, "fraction", None, None, None, "model"),
    Entry("memory_estimate_spread", 0.20, "fraction", None, None, None, "model"),
    # ----- offload: links and host ---------------------------------------------------------------
    Entry("pcie_bytes_per_s_gen4", 25e9, "bytes/s", 20e9, 28e9, None, "model", _TRAINING + ("inference",)),
    Entry("host_memory_bytes_per_s", 60e9, "bytes/s", 40e9, 100e9, None, "model", _TRAINING + ("inference",)),
    Entry("nvme_bytes_per_s", 6e9, "bytes/s", 3e9, 14e9, None, "model", _TRAINING),
    Entry("cpu_adam_bytes_per_param", 30.0, "bytes/parameter", None, None, None, "model", _TRAINING),
    Entry("target_days", 90.0, "days", None, None, "deadline_days", "default", _TRAINING),
    # ----- utilisation (training) ----------------------------------------------------------------
    # --mfu replaces the calibrated model (its value is the user's; without it the model applies)
    Entry("mfu", "calibrated", "fraction", None, None, "mfu", "model", _TRAINING),
    Entry("mamf_reference", (0.869 + 0.803) / 2, "fraction", None, None, None, "model", _TRAINING),
    # fitted on published throughput (app/core/utilisation.py, docs/time.md)
    *(Entry(f"util_{k}", v, "hidden units" if k == "width_half" else "factor",
            None, None, "mfu", "model", _TRAINING) for k, v in _FIT.FULL.items()),
    Entry("time_range_low", _FIT.RANGE[0], "factor", None, None, "mfu", "model", _TRAINING),
    Entry("time_range_high", _FIT.RANGE[1], "factor", None, None, "mfu", "model", _TRAINING),
    *(Entry(f"decode_{k}", v, "seconds" if k.startswith(("t0", "ttft0")) else "fraction", None, None, None, "model", ("inference",))
      for k, v in _FIT.DECODE.items()),
    Entry("pipeline_interleave", 4.0, "chunks per rank", None, None, "vpp", "model", _TRAINING),
    Entry("batch_law_coefficient", 0.292, "tokens", None, None, "global_batch", "default", _PRETRAINING),
    Entry("batch_law_exponent", 0.3271, "", None, None, "global_batch", "default", _PRETRAINING),
    Entry("global_batch_sequences_finetune", 128.0, "sequences", None, None, "global_batch", "default", ("finetune",)),
    Entry("tp_pcie_factor", 0.6, "factor", None, None, "mfu", "model", _TRAINING),
    Entry("tp_cross_node_factor", 0.3, "factor", None, None, "mfu", "model", _TRAINING),
    Entry("dp_pcie_factor", 0.85, "factor", None, None, "mfu", "model", _TRAINING),
    Entry("zero3_factor", 0.9, "factor", None, None, "mfu", "model", _TRAINING),
    Entry("pipeline_microbatches_per_stage", 8.0, "micro-batches", None, None, None, "model", _TRAINING),
    Entry("network_factor_ib-400", 1.0, "factor", None, None, "network", "model", _TRAINING),
    Entry("network_factor_ib-200", 0.95, "factor", None, None, "network", "model", _TRAINING),
    Entry("network_factor_100gbe", 0.75, "factor", None, None, "network", "model", _TRAINING),
    Entry("network_factor_25gbe", 0.5, "factor", None, None, "network", "model", _TRAINING),
    Entry("network_factor_10gbe", 0.3, "factor", None, None, "network", "model", _TRAINING),
    Entry("network", "ib-400", "", None, None, "network", "default"),
    # ----- serving -------------------------------------------------------------------------------
    Entry("quant", "bf16", "", None, None, "quant", "default", ("inference",)),
    Entry("kv_dtype", "fp16", "", None, None, "kv_dtype", "default", ("inference",)),
    Entry("context_cap", 4096.0, "tokens", None, None, "context", "default", ("inference",)),
    Entry("concurrency", 1.0, "sequences", None, None, "concurrency", "default", ("inference",)),
    Entry("output_tokens", 512.0, "tokens", None, None, "output_tokens", "default", ("inference",)),
    Entry("prefill_mfu", 0.5, "fraction", 0.4, 0.6, None, "model", ("inference",)),
    Entry("tp_decode_efficiency_nvlink", 0.9, "factor", None, None, None, "model", ("inference",)),
    Entry("tp_decode_efficiency_pcie", 0.7, "factor", None, None, None, "model", ("inference",)),
    Entry("prefill_chunk_tokens", 2048.0, "tokens", None, None, None, "model", ("inference",)),
    Entry("engine", "vllm", "", None, None, "engine", "default", ("inference",)),
    Entry("vllm_gpu_memory_utilization", 0.90, "fraction", 0.90, 0.92, "engine", "model", ("inference",)),
    Entry("sglang_mem_fraction_static", 0.90, "fraction", None, None, "engine", "model", ("inference",)),
    Entry("trtllm_free_gpu_memory_fraction", 0.90, "fraction", None, None, "engine", "model", ("inference",)),
    Entry("tgi_cuda_memory_fraction", 1.0, "fraction", None, None, "engine", "model", ("inference",)),
    Entry("engine_non_torch_bytes", 1.79 * 1024.0**3, "bytes", None, None, "engine", "model", ("inference",)),
    Entry("cuda_graph_bytes", 1.0 * 1024.0**3, "bytes", 0.5 * 1024.0**3, 2.5 * 1024.0**3, "engine", "model", ("inference",)),
    Entry("apple_gpu_memory_share", 0.75, "fraction", 0.67, 0.84, None, "model", ("inference",)),
    Entry("llamacpp_ubatch", 512.0, "tokens", None, None, "engine", "model", ("inference",)),
    # ----- memory --------------------------------------------------------------------------------
    Entry("overhead_fixed_bytes", 1024.0**3, "bytes", 0.5 * 1024.0**3, 2.0 * 1024.0**3, "overhead_fixed_bytes"),
    Entry("overhead_fraction", 0.05, "fraction", 0.02, 0.10, "overhead_fraction"),
    # ----- money ---------------------------------------------------------------------------------
    Entry("fx_jpy_per_usd", 150.0, "JPY/USD", 130.0, 160.0, "fx_jpy_per_usd", "default"),
    Entry("electricity_jpy_per_kwh", 30.0, "JPY/kWh", 20.0, 40.0, "electricity_price_per_kwh", "default"),
    Entry("pue", 1.5, "ratio", 1.2, 1.6, "pue", "default"),
    Entry("host_cost_fraction", 0.25, "fraction", 0.15, 0.40, "host_cost_fraction", "default"),
    # how far a price may sit from the catalog's, for the sensitivity (a factor on the price)
    Entry("purchase_price_spread", 1.0, "factor", 0.8, 1.2, "gpu_price"),
    Entry("cloud_price_spread", 1.0, "factor", 0.75, 1.25, "cloud_price"),
    Entry("hours_per_day", 24.0, "h/day", 8.0, 24.0, "hours_per_day", "default"),
    Entry("days_per_month", 30.0, "days/month", None, None, "days_per_month", "default"),
    Entry("years", 3.0, "years", None, None, "years", "default"),
    # ----- search --------------------------------------------------------------------------------
    Entry("max_gpus", 16384.0, "GPUs", None, None, "max_gpus", "default"),
    Entry("deployment", "any", "", None, None, "deployment", "default"),
    Entry("pricing", "on-demand", "", None, None, "pricing", "default"),
    Entry("rank_by", "cost", "", None, None, "rank_by", "default"),
    Entry("cost_tie", 0.005, "fraction", None, None, None, "model"),
    Entry("nearest_miss_ratio", 2.0, "ratio", None, None, None, "model"),
)

REGISTRY: dict[str, Entry] = {e.code: e for e in _ENTRIES}

# The date the default exchange rate was set; the report cites it next to converted prices.
DEFAULT_FX_AS_OF = "2026-11-28"


def entry(code: str) -> Entry:
    return REGISTRY[code]


def value(code: str) -> float:
    """A numeric entry's value (KeyError for an unknown code, TypeError for a text entry)."""
    v = REGISTRY[code].value
    if isinstance(v, str):
        raise TypeError(f"assumption {code!r} is not a number")
    return v


def text(code: str) -> str:
    """A text entry's value (the default of a choice field: "bf16", "lora", …)."""
    v = REGISTRY[code].value
    if not isinstance(v, str):
        raise TypeError(f"assumption {code!r} is not a choice")
    return v


def value_range(code: str) -> tuple[float, float] | None:
    e = REGISTRY[code]
    return (e.low, e.high) if e.low is not None and e.high is not None else None


def for_field(field: str) -> list[Entry]:
    """The defaults a request field takes (several when the default depends on the goal)."""
    return [e for e in _ENTRIES if e.field == field and e.kind == "default"]

"""The assumptions registry (app.core.assumptions) in words: a name and a source for every code, in
English and Japanese, and the value as people read it. Keyed by code, never by English sentence;
tests/present/test_assumption_texts.py checks that every registry code has both texts in both languages.

The same texts serve the report's "Assumptions and sources", the wizard's tooltips, the settings and
the CLI's ``--help`` (``field_help``)."""

from __future__ import annotations

from typing import Any

from app.core import assumptions as A
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.present.text.format import fmt_bytes, fmt_date

_NET = QT_TRANSLATE_NOOP("Report", "Network between servers: utilisation factor")
NAMES: dict[str, str] = {
    "chinchilla_tokens_per_param": QT_TRANSLATE_NOOP("Report", "Tokens per parameter (from scratch)"),
    "cpt_fraction": QT_TRANSLATE_NOOP("Report", "Continued pre-training share of from-scratch tokens"),
    "seq_len_finetune": QT_TRANSLATE_NOOP("Report", "Sequence length, fine-tuning (tokens)"),
    "seq_len_pretrain": QT_TRANSLATE_NOOP("Report", "Sequence length, pre-training (tokens)"),
    "epochs": QT_TRANSLATE_NOOP("Report", "Epochs"),
    "method_finetune": QT_TRANSLATE_NOOP("Report", "Fine-tuning method"),
    "lora_rank": QT_TRANSLATE_NOOP("Report", "LoRA rank"),
    "lora_targets": QT_TRANSLATE_NOOP("Report", "LoRA target matrices"),
    "precision": QT_TRANSLATE_NOOP("Report", "Training number format"),
    "optimizer": QT_TRANSLATE_NOOP("Report", "Optimizer"),
    "micro_batch": QT_TRANSLATE_NOOP("Report", "Micro-batch (sequences per GPU)"),
    "recompute": QT_TRANSLATE_NOOP("Report", "Activation recomputation"),
    "bytes_per_param_accounting": QT_TRANSLATE_NOOP("Report", "Memory per parameter in training"),
    "activations": QT_TRANSLATE_NOOP("Report", "Activation memory"),
    "target_days": QT_TRANSLATE_NOOP("Report", "Target duration without a deadline (days)"),
    "mfu": QT_TRANSLATE_NOOP("Report", "Utilisation (MFU)"),
    "mamf_reference": QT_TRANSLATE_NOOP("Report", "Best matmul share of peak, A100/H100 (reference)"),
    "fp8_factor": QT_TRANSLATE_NOOP("Report", "FP8: share of the FP8 peak, relative to BF16"),
    "tp_pcie_factor": QT_TRANSLATE_NOOP("Report", "Tensor parallelism over PCIe: utilisation factor"),
    "tp_cross_node_factor": QT_TRANSLATE_NOOP("Report", "Tensor parallelism across servers: utilisation factor"),
    "dp_pcie_factor": QT_TRANSLATE_NOOP("Report", "Data parallelism over PCIe: utilisation factor"),
    "zero3_factor": QT_TRANSLATE_NOOP("Report", "ZeRO-3 / FSDP full sharding: utilisation factor"),
    "lora_factor": QT_TRANSLATE_NOOP("Report", "LoRA: utilisation factor"),
    "qlora_factor": QT_TRANSLATE_NOOP("Report", "QLoRA: utilisation factor"),
    "pipeline_microbatches_per_stage": QT_TRANSLATE_NOOP("Report", "Pipeline micro-batches per stage"),
    "network_factor_ib-400": _NET, "network_factor_ib-200": _NET, "network_factor_100gbe": _NET,
    "network_factor_25gbe": _NET, "network_factor_10gbe": _NET,
    "network": QT_TRANSLATE_NOOP("Report", "Network between servers"),
    "quant": QT_TRANSLATE_NOOP("Report", "Weight format"),
    "kv_dtype": QT_TRANSLATE_NOOP("Report", "KV cache number format"),
    "context_cap": QT_TRANSLATE_NOOP("Report", "Context when none is given (tokens, at most)"),
    "concurrency": QT_TRANSLATE_NOOP("Report", "Simultaneous users"),
    "output_tokens": QT_TRANSLATE_NOOP("Report", "Answer length (tokens)"),
    "mbu": QT_TRANSLATE_NOOP("Report", "Memory-bandwidth utilisation when generating"),
    "prefill_mfu": QT_TRANSLATE_NOOP("Report", "Utilisation when reading the prompt (prefill)"),
    "tp_decode_efficiency_nvlink": QT_TRANSLATE_NOOP("Report", "Tensor-parallel generation over NVLink: efficiency"),
    "tp_decode_efficiency_pcie": QT_TRANSLATE_NOOP("Report", "Tensor-parallel generation over PCIe: efficiency"),
    "prefill_chunk_tokens": QT_TRANSLATE_NOOP("Report", "Prompt chunk read at once (tokens)"),
    "overhead_fixed_bytes": QT_TRANSLATE_NOOP("Report", "Fixed memory per GPU (CUDA, libraries)"),
    "overhead_fraction": QT_TRANSLATE_NOOP("Report", "Memory fragmentation"),
    "fx_jpy_per_usd": QT_TRANSLATE_NOOP("Report", "Exchange rate (JPY per USD)"),
    "electricity_jpy_per_kwh": QT_TRANSLATE_NOOP("Report", "Electricity price per kWh"),
    "pue": QT_TRANSLATE_NOOP("Report", "Data-centre overhead (PUE)"),
    "host_cost_fraction": QT_TRANSLATE_NOOP("Report", "Servers and network, share of GPU price"),
    "hours_per_day": QT_TRANSLATE_NOOP("Report", "Hours of use per day"),
    "days_per_month": QT_TRANSLATE_NOOP("Report", "Days of use per month"),
    "years": QT_TRANSLATE_NOOP("Report", "Horizon (years)"),
    "max_gpus": QT_TRANSLATE_NOOP("Report", "Largest cluster considered (GPUs)"),
    "deployment": QT_TRANSLATE_NOOP("Report", "Where"),
    "pricing": QT_TRANSLATE_NOOP("Report", "Cloud prices"),
    "rank_by": QT_TRANSLATE_NOOP("Report", "Prefer"),
    "cost_tie": QT_TRANSLATE_NOOP("Report", "Costs counted as equal within"),
}

_NET_SRC = QT_TRANSLATE_NOOP("Assumptions", "Estimate: multi-server jobs over InfiniBand 400/200G keep ×{0:g}/×{1:g} of their utilisation, over 100/25/10 GbE ×{2:g}/×{3:g}/×{4:g}")
_CHOICE = QT_TRANSLATE_NOOP("Assumptions", "The usual choice; change it in the plan")
SOURCES: dict[str, str] = {
    "chinchilla_tokens_per_param": QT_TRANSLATE_NOOP("Assumptions", "Hoffmann et al. 2022 (Chinchilla), compute-optimal ~20 tokens per parameter (Table 3: 70B -> 1.4T)"),
    "cpt_fraction": QT_TRANSLATE_NOOP("Assumptions", "Seed article §5-6: continued pre-training needs 10-20% of the from-scratch tokens (70B: 100-200B of 1.4T); we take the low end"),
    "seq_len_finetune": QT_TRANSLATE_NOOP("Assumptions", "A typical instruction-tuning sample (Llama 2 fine-tuning used 4,096; Alpaca-style data is far shorter); enter your own"),
    "seq_len_pretrain": QT_TRANSLATE_NOOP("Assumptions", "Llama 2's pre-training sequence length (Touvron et al. 2023, Table 1)"),
    "epochs": QT_TRANSLATE_NOOP("Assumptions", "One pass over the data"),
    "method_finetune": QT_TRANSLATE_NOOP("Assumptions", "LoRA (Hu et al. 2021): the common way to fine-tune on one or a few GPUs"),
    "lora_rank": QT_TRANSLATE_NOOP("Assumptions", "Rank 16, a common choice (Hu et al. 2021 found ranks 4-64 enough)"),
    "lora_targets": QT_TRANSLATE_NOOP("Assumptions", "All linear layers, as QLoRA recommends (Dettmers et al. 2023 §4)"),
    "precision": QT_TRANSLATE_NOOP("Assumptions", "BF16 mixed precision: the standard of current training stacks"),
    "optimizer": _CHOICE,
    "micro_batch": _CHOICE,
    "recompute": QT_TRANSLATE_NOOP("Assumptions", "default: selective for full training, full for LoRA/QLoRA"),
    "bytes_per_param_accounting": QT_TRANSLATE_NOOP("Assumptions", "Rajbhandari et al. 2020 (ZeRO), §3.1 and Figure 1; Megatron's 18 and DeepSpeed's estimator's 20 differ by fp32 gradient buffers"),
    "activations": QT_TRANSLATE_NOOP("Assumptions", "arXiv 2205.05198"),
    "target_days": QT_TRANSLATE_NOOP("Assumptions", "no deadline given: search aims to finish within 90 days"),
    "mfu": QT_TRANSLATE_NOOP("Assumptions", "Llama 2 model card (7B 184,320 / 70B 1,720,320 A100 GPU-hours for 2T tokens -> MFU 0.39 / 0.43); Llama 3 paper Table 4 (405B: 38-43% BF16 MFU on H100); OPT-175B 147 TFLOP/s per A100 (0.47); DeepSeek-V3 report (180K H800 GPU-hours per trillion tokens -> 0.35 of BF16 peak)"),
    "mamf_reference": QT_TRANSLATE_NOOP("Assumptions", "stas00/ml-engineering, Maximum Achievable Matmul FLOPS: A100 86.9%, H100 80.3%; other GPUs scale by their own share"),
    "fp8_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: LLM-jp-3 172B went from 400 to 545-553 TFLOP/s per H100 with FP8 (NVIDIA/LLM-jp blog 2024), x1.37 of a doubled peak"),
    "tp_pcie_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: Megatron-LM keeps tensor parallelism inside the NVLink domain (Narayanan et al. 2021 §3.3)"),
    "tp_cross_node_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: tensor parallelism across servers crosses the network in every layer (Narayanan et al. 2021 §3.3)"),
    "dp_pcie_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: gradient all-reduce over PCIe instead of NVLink"),
    "zero3_factor": QT_TRANSLATE_NOOP("Assumptions", "ZeRO paper §7: full sharding moves 1.5x the data of plain data parallelism (estimate of its cost)"),
    "lora_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: small adapter matmuls and frozen-weight bookkeeping"),
    "qlora_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: NF4 weights are dequantised in every forward and backward pass (Dettmers et al. 2023)"),
    "pipeline_microbatches_per_stage": QT_TRANSLATE_NOOP("Assumptions", "Narayanan et al. 2021 §2.2: bubble (p-1)/m; m = 8 micro-batches per stage assumed"),
    "network_factor_ib-400": _NET_SRC, "network_factor_ib-200": _NET_SRC, "network_factor_100gbe": _NET_SRC,
    "network_factor_25gbe": _NET_SRC, "network_factor_10gbe": _NET_SRC,
    "network": QT_TRANSLATE_NOOP("Assumptions", "InfiniBand 400G, as in current GPU clusters; change it to your network"),
    "quant": QT_TRANSLATE_NOOP("Assumptions", "The model as published (16-bit weights)"),
    "kv_dtype": QT_TRANSLATE_NOOP("Assumptions", "16-bit KV cache, the serving engines' default"),
    "context_cap": QT_TRANSLATE_NOOP("Assumptions", "The model's context, at most 4,096 tokens per conversation unless you enter one"),
    "concurrency": QT_TRANSLATE_NOOP("Assumptions", "One conversation at a time unless you enter more"),
    "output_tokens": QT_TRANSLATE_NOOP("Assumptions", "A few paragraphs per answer"),
    "mbu": QT_TRANSLATE_NOOP("Assumptions", "Databricks 2023, 'LLM Inference Performance Engineering: Best Practices' (MBU definition; 50% worked example; ~80% for tuned stacks)"),
    "prefill_mfu": QT_TRANSLATE_NOOP("Assumptions", "Estimate: reading the prompt is compute-bound, at about half the dense peak"),
    "tp_decode_efficiency_nvlink": QT_TRANSLATE_NOOP("Assumptions", "Estimate: all-reduce after every layer costs ~10% over NVLink"),
    "tp_decode_efficiency_pcie": QT_TRANSLATE_NOOP("Assumptions", "Estimate: all-reduce after every layer costs ~30% over PCIe"),
    "prefill_chunk_tokens": QT_TRANSLATE_NOOP("Assumptions", "vLLM's default chunked-prefill size (2,048 tokens)"),
    "overhead_fixed_bytes": QT_TRANSLATE_NOOP("Assumptions", "Estimate: CUDA context, cuBLAS/NCCL workspaces ~1 GiB per GPU (PyTorch CUDA context alone is 0.3-0.5 GiB)"),
    "overhead_fraction": QT_TRANSLATE_NOOP("Assumptions", "Estimate: 5% allocator fragmentation on top of the computed tensors"),
    "fx_jpy_per_usd": QT_TRANSLATE_NOOP("Assumptions", "Assumed rate (set {0}); edit to the rate of your budget date"),
    "electricity_jpy_per_kwh": QT_TRANSLATE_NOOP("Assumptions", "Assumed Japanese high-voltage business tariff (order of magnitude); edit to your contract"),
    "pue": QT_TRANSLATE_NOOP("Assumptions", "Uptime Institute Global Data Center Survey 2024: industry average PUE 1.56; we use 1.5"),
    "host_cost_fraction": QT_TRANSLATE_NOOP("Assumptions", "Estimate: server chassis, CPUs, RAM, NICs and switches add ~25% to the GPU price of an 8-GPU node"),
    "hours_per_day": QT_TRANSLATE_NOOP("Assumptions", "Assumed round-the-clock service (24 h x 30 days); the seed's 8 h x 20 days is one edit away"),
    "days_per_month": QT_TRANSLATE_NOOP("Assumptions", "Assumed round-the-clock service (24 h x 30 days); the seed's 8 h x 20 days is one edit away"),
    "years": QT_TRANSLATE_NOOP("Assumptions", "Assumed 3-year horizon (seed article §2 compares cloud and on-prem over 3 years)"),
    "max_gpus": QT_TRANSLATE_NOOP("Assumptions", "Larger than the largest published training runs (16,384 H100 for Llama 3.1 405B)"),
    "deployment": QT_TRANSLATE_NOOP("Assumptions", "Cloud or on-premises, whichever is cheaper"),
    "pricing": QT_TRANSLATE_NOOP("Assumptions", "On-demand prices, which anyone can get"),
    "rank_by": QT_TRANSLATE_NOOP("Assumptions", "The cheapest option that meets the deadline first"),
    "cost_tie": QT_TRANSLATE_NOOP("Assumptions", "Costs within 0.5% count as equal; then fewer GPUs (a smaller cluster is easier to get)"),
}

# Values that are codes: shown in words.
VALUE_TEXTS: dict[str, str] = {
    "selective": QT_TRANSLATE_NOOP("Assumptions", "selective"),
    "full": QT_TRANSLATE_NOOP("Assumptions", "full"),
    "none": QT_TRANSLATE_NOOP("Assumptions", "none"),
}
_VALUE_BY_CODE: dict[str, str] = {
    "bytes_per_param_accounting": QT_TRANSLATE_NOOP("Assumptions", "ZeRO 16 (2 weights + 2 gradients + 12 AdamW states)"),
    "activations": QT_TRANSLATE_NOOP("Assumptions", "Korthikanti et al. 2022 Table 2, sequence parallel with TP"),
}
_PERCENT = {"host_cost_fraction", "overhead_fraction", "cpt_fraction", "mfu", "mbu", "prefill_mfu", "mamf_reference",
            "cost_tie"}


def assumption_name(code: str) -> str:
    return translate("Report", NAMES[code]) if code in NAMES else code


def _number(code: str, v: float) -> str:
    if code == "overhead_fixed_bytes":
        return fmt_bytes(v)
    if code in _PERCENT:
        return f"{v:.1%}" if code == "cost_tie" else f"{v:.0%}"
    if code.endswith("_factor") or code.startswith("network_factor") or code.startswith("tp_decode"):
        return f"×{v:g}"
    return f"{v:,.4g}" if abs(v) < 1e6 else f"{v:,.0f}"


def assumption_value(a: Any) -> str:
    """An assumption's value for people: 1.0 GiB, 40%, ×0.6, 150; codes in words."""
    if a.name in _VALUE_BY_CODE:
        return translate("Assumptions", _VALUE_BY_CODE[a.name])
    v = a.value
    if isinstance(v, str):
        return translate("Assumptions", VALUE_TEXTS[v]) if v in VALUE_TEXTS else v
    if v is None:
        return "–"
    return _number(a.name, float(v))


def assumption_source(a: Any, lang: str = "en", field_label: Any = None, fx_as_of: str | None = None) -> str:
    """Where an assumption comes from, in the current language: the user's entry (named by
    ``field_label(field)``: a flag on the CLI, a field in the GUI), or the registry's source."""
    if getattr(a, "set_by", "default") == "user":
        if a.name == "fx_jpy_per_usd" and fx_as_of:
            return translate("Assumptions", "your setting, rate as of {0}").format(fmt_date(fx_as_of, lang))
        label = field_label(a.field) if field_label and a.field else (a.field or "")
        return translate("Assumptions", "entered by the user ({0})").format(label)
    text = source_sentence(a.name, lang)
    if a.low is not None and a.high is not None:
        return translate("Assumptions", "range {0}–{1}; {2}").format(_number(a.name, a.low), _number(a.name, a.high), text)
    return text


def source_sentence(code: str, lang: str = "en") -> str:
    """Where a registry entry's default comes from, in the current language."""
    text = translate("Assumptions", SOURCES[code]) if code in SOURCES else ""
    if code == "fx_jpy_per_usd":
        return text.format(fmt_date(A.DEFAULT_FX_AS_OF, lang))
    if SOURCES.get(code) == _NET_SRC:  # the factors themselves, from the registry
        return text.format(*(A.value(f"network_factor_{n}") for n in ("ib-400", "ib-200", "100gbe", "25gbe", "10gbe")))
    return text


def default_text(code: str, lang: str = "en") -> str:
    """"default 1.5 (range 1.2–1.6)": a registry entry's default as --help and tooltips show it."""
    e = A.entry(code)
    v = translate("Assumptions", VALUE_TEXTS[e.value]) if isinstance(e.value, str) and e.value in VALUE_TEXTS else (
        e.value if isinstance(e.value, str) else _number(code, float(e.value)))
    if e.low is not None and e.high is not None:
        return translate("Assumptions", "default {0} (range {1}–{2})").format(v, _number(code, e.low), _number(code, e.high))
    return translate("Assumptions", "default {0}").format(v)


def field_help(code: str, lang: str = "en") -> str:
    """A field's help from the registry: its default and where that comes from (tooltips, --help)."""
    src = source_sentence(code, lang)
    return translate("Assumptions", "{0}: {1}").format(default_text(code, lang), src) if src else default_text(code, lang)

"""Request fields by the names people see: the CLI's flags, and the wizard's field labels. Findings and
input errors name the field where they appear (a flag on the command line, a field in the GUI)."""

from __future__ import annotations

import re

from app.i18n import QT_TRANSLATE_NOOP, current_language, translate

# Request field -> the flag that sets it.
FLAGS: dict[str, str] = {
    "goal": "--goal", "model": "--model", "model_file": "--model-file", "params_total": "--params", "params_active": "--active-params",
    "layers": "--layers", "hidden": "--hidden", "heads": "--heads", "kv_heads": "--kv-heads", "ffn": "--ffn",
    "vocab": "--vocab", "tokens": "--tokens", "samples": "--samples", "seq_len": "--seq-len", "epochs": "--epochs",
    "cpt_fraction": "--cpt-fraction", "chinchilla_tokens_per_param": "--tokens-per-param",
    "method": "--method", "lora_rank": "--lora-rank", "lora_targets": "--lora-targets",
    "precision": "--precision", "precision_choices": "--precision", "optimizer": "--optimizer",
    "zero_stage": "--zero", "recompute": "--recompute", "micro_batch": "--micro-batch",
    "quant": "--quant", "quant_choices": "--quant", "context": "--context", "concurrency": "--concurrency",
    "kv_dtype": "--kv-dtype", "output_tokens": "--output-tokens",
    "gpu_id": "--gpu", "gpu_count": "--gpus", "tp": "--tp", "pp": "--pp", "mfu": "--mfu", "network": "--network",
    "currency": "--currency", "budget": "--budget", "deadline_days": "--deadline-days", "deployment": "--deployment",
    "own": "--own", "max_gpus": "--max-gpus", "power_limit_kw": "--power-limit-kw", "pricing": "--pricing",
    "cloud_offer": "--offer", "rank_by": "--rank", "cloud_price": "--cloud-price", "gpu_price": "--gpu-price",
    "fx_jpy_per_usd": "--fx", "fx_as_of": "--fx-date", "electricity_price_per_kwh": "--electricity-price",
    "pue": "--pue", "host_cost_fraction": "--host-cost-fraction", "hours_per_day": "--hours-per-day",
    "days_per_month": "--days-per-month", "years": "--years",
    "stack": "--stack", "attention": "--attention", "loss": "--loss", "offload": "--offload",
    "optimizer_in_backward": "--optimizer-in-backward", "ep": "--ep", "cp": "--cp", "vpp": "--vpp",
    "global_batch": "--global-batch", "sequence_parallel": "--sequence-parallel", "engine": "--engine",
    "gpu_layers": "--gpu-layers",
    "bits_per_weight": "--bpw", "users": "--users", "prompt_tokens": "--prompt-tokens",
    "requests_per_s": "--requests-per-s", "requests_per_day": "--requests-per-day",
    "min_tokens_per_s": "--min-tokens-per-s", "max_ttft_s": "--max-ttft-s", "availability": "--availability",
}

# Request field -> the wizard's label for it.
LABELS: dict[str, str] = {
    "goal": QT_TRANSLATE_NOOP("Fields", "Goal"), "model": QT_TRANSLATE_NOOP("Fields", "Model"),
    "model_file": QT_TRANSLATE_NOOP("Fields", "Model file"),
    "params_total": QT_TRANSLATE_NOOP("Fields", "Total parameters"), "params_active": QT_TRANSLATE_NOOP("Fields", "Active parameters"),
    "layers": QT_TRANSLATE_NOOP("Fields", "Layers"), "hidden": QT_TRANSLATE_NOOP("Fields", "Hidden size"),
    "heads": QT_TRANSLATE_NOOP("Fields", "Attention heads"), "kv_heads": QT_TRANSLATE_NOOP("Fields", "KV heads (GQA)"),
    "tokens": QT_TRANSLATE_NOOP("Fields", "Tokens"), "samples": QT_TRANSLATE_NOOP("Fields", "Samples"),
    "seq_len": QT_TRANSLATE_NOOP("Fields", "Tokens per sample"), "epochs": QT_TRANSLATE_NOOP("Fields", "Epochs"),
    "method": QT_TRANSLATE_NOOP("Fields", "Method"), "lora_rank": QT_TRANSLATE_NOOP("Fields", "LoRA rank"),
    "precision": QT_TRANSLATE_NOOP("Fields", "Number formats"), "precision_choices": QT_TRANSLATE_NOOP("Fields", "Number formats"),
    "quant": QT_TRANSLATE_NOOP("Fields", "Weight format"), "context": QT_TRANSLATE_NOOP("Fields", "Context (tokens)"),
    "concurrency": QT_TRANSLATE_NOOP("Fields", "Simultaneous users"), "output_tokens": QT_TRANSLATE_NOOP("Fields", "Answer length (tokens)"),
    "currency": QT_TRANSLATE_NOOP("Fields", "Currency"), "budget": QT_TRANSLATE_NOOP("Fields", "Budget"),
    "deadline_days": QT_TRANSLATE_NOOP("Fields", "Deadline (days)"), "deployment": QT_TRANSLATE_NOOP("Fields", "Where"),
    "own": QT_TRANSLATE_NOOP("Fields", "GPUs you own"), "max_gpus": QT_TRANSLATE_NOOP("Fields", "At most GPUs"),
    "power_limit_kw": QT_TRANSLATE_NOOP("Fields", "Power limit (kW)"), "pricing": QT_TRANSLATE_NOOP("Fields", "Cloud prices"),
    "rank_by": QT_TRANSLATE_NOOP("Fields", "Prefer"), "fx_jpy_per_usd": QT_TRANSLATE_NOOP("Fields", "JPY per USD"),
    "electricity_price_per_kwh": QT_TRANSLATE_NOOP("Fields", "Electricity per kWh"), "pue": QT_TRANSLATE_NOOP("Fields", "PUE"),
    "hours_per_day": QT_TRANSLATE_NOOP("Fields", "Hours per day in use"), "days_per_month": QT_TRANSLATE_NOOP("Fields", "Days per month in use"),
    "years": QT_TRANSLATE_NOOP("Fields", "Years (horizon)"), "network": QT_TRANSLATE_NOOP("Fields", "Network between servers"),
    "mfu": QT_TRANSLATE_NOOP("Fields", "Utilisation (MFU)"),
    "stack": QT_TRANSLATE_NOOP("Fields", "Training stack"), "attention": QT_TRANSLATE_NOOP("Fields", "Attention"),
    "loss": QT_TRANSLATE_NOOP("Fields", "Loss"), "offload": QT_TRANSLATE_NOOP("Fields", "Offload"),
    "optimizer_in_backward": QT_TRANSLATE_NOOP("Fields", "Optimizer step in backward"),
    "engine": QT_TRANSLATE_NOOP("Fields", "Serving engine"), "gpu_layers": QT_TRANSLATE_NOOP("Fields", "Layers on the GPU"),
    "bits_per_weight": QT_TRANSLATE_NOOP("Fields", "Bits per weight"),
    "users": QT_TRANSLATE_NOOP("Fields", "Simultaneous users"), "prompt_tokens": QT_TRANSLATE_NOOP("Fields", "Prompt length (tokens)"),
    "requests_per_s": QT_TRANSLATE_NOOP("Fields", "Requests per second"),
    "requests_per_day": QT_TRANSLATE_NOOP("Fields", "Requests per day"),
    "min_tokens_per_s": QT_TRANSLATE_NOOP("Fields", "Answer speed per user (tokens/s)"),
    "max_ttft_s": QT_TRANSLATE_NOOP("Fields", "First token within (s)"),
    "availability": QT_TRANSLATE_NOOP("Fields", "Spare replica (N+1)"),
    "micro_batch": QT_TRANSLATE_NOOP("Fields", "Micro-batch"), "recompute": QT_TRANSLATE_NOOP("Fields", "Recomputation"),
    "global_batch": QT_TRANSLATE_NOOP("Fields", "Global batch (sequences)"),
    "ffn": QT_TRANSLATE_NOOP("Fields", "FFN size"), "vocab": QT_TRANSLATE_NOOP("Fields", "Vocabulary"),
    "lora_targets": QT_TRANSLATE_NOOP("Fields", "LoRA target matrices"), "cloud_price": QT_TRANSLATE_NOOP("Fields", "Cloud price per GPU-hour"),
    "gpu_price": QT_TRANSLATE_NOOP("Fields", "GPU purchase price"), "gpu_id": QT_TRANSLATE_NOOP("Fields", "GPU"),
    "gpu_count": QT_TRANSLATE_NOOP("Fields", "GPU count"), "cpt_fraction": QT_TRANSLATE_NOOP("Fields", "CPT share of from-scratch tokens"),
    "chinchilla_tokens_per_param": QT_TRANSLATE_NOOP("Fields", "Tokens per parameter"), "kv_dtype": QT_TRANSLATE_NOOP("Fields", "KV cache format"),
    "optimizer": QT_TRANSLATE_NOOP("Fields", "Optimizer"), "zero_stage": QT_TRANSLATE_NOOP("Fields", "ZeRO stage"),
    "host_cost_fraction": QT_TRANSLATE_NOOP("Fields", "Servers and network, share of GPU price"),
}


def flag(field: str | None) -> str:
    """The CLI flag of a request field (the field's own name when it has none)."""
    return FLAGS.get(field or "", field or "")


def label(field: str | None) -> str:
    """The wizard's label of a request field, in the current language."""
    return translate("Fields", LABELS[field]) if field in LABELS else (field or "")


_FLAG_OF = {v: k for k, v in FLAGS.items()}
_PASS_FLAG = re.compile(r"\b(?:[Pp]ass|[Gg]ive) (--[a-z][a-z0-9-]*)")
_FLAG = re.compile(r"--[a-z][a-z0-9-]*")


def for_gui(text: str) -> str:
    """A message worded for the wizard: a flag it names ("pass --cloud-price") becomes the field
    ("enter “Cloud price per GPU-hour”", 「…」 in Japanese). Flags without a field stay as they are."""
    ja = current_language() == "ja"

    def field(flag_text: str) -> str | None:
        name = _FLAG_OF.get(flag_text)
        if name is None or name not in LABELS:
            return None
        lab = label(name)
        return f"「{lab}」" if ja else f"“{lab}”"

    def enter(m: re.Match[str]) -> str:
        f = field(m.group(1))
        if f is None:
            return m.group(0)
        verb = translate("Fields", "enter {0}").format(f)
        return verb[:1].upper() + verb[1:] if m.group(0)[:1].isupper() else verb

    text = _PASS_FLAG.sub(enter, text)
    return _FLAG.sub(lambda m: field(m.group(0)) or m.group(0), text)

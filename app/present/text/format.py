"""Numbers, money, dates and layouts as people read them, in English or Japanese (no Qt).

Money: JPY as 約4.8万円 / 約8.0億円 in Japanese, ¥1,728,000 in English; USD as $3.4M / $48,000.
Dates: 2026年11月28日 / 28 Nov 2026. Durations: ms, s, min, h, days, years.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from app.core.units import GiB
from app.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # the wizard's first page loads this module, and no pydantic (issue 10)
    from app.core.results import Parallelism

METHODS = {"full": QT_TRANSLATE_NOOP("Labels", "full"), "lora": "LoRA", "qlora": "QLoRA"}


def method_text(method: str) -> str:
    """A fine-tuning method as written: LoRA, QLoRA, or "full" in the user's language."""
    name = METHODS.get(method, method)
    return translate("Labels", name) if method == "full" else name


def fmt_bytes(b: float | None) -> str:
    if b is None:
        return "–"
    if b >= 1024 * GiB:
        return f"{b / (1024 * GiB):.2f} TiB"
    if b >= GiB:
        return f"{b / GiB:.1f} GiB"
    if 0 < b < 1024**2:  # a small file or corpus: not "0 MiB"
        return f"{b / 1024:.0f} KiB" if b >= 1024 else f"{b:.0f} B"
    return f"{b / 1024**2:.0f} MiB"


def fmt_count(n: float | None) -> str:
    if n is None:
        return "–"
    if abs(n) >= 1e15:  # "1,000T", never "1e+03T"
        return f"{n / 1e12:,.0f}T"
    for v, s in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(n) >= v:
            return f"{n / v:.3g}{s}"
    return f"{n:.3g}"


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def flops_parts(n: float | None) -> tuple[str, str | None]:
    """A FLOP count as mantissa and power of ten: ("5.9 × 10", "23"); ("1,234", None) below 10⁶."""
    if n is None or not math.isfinite(n):
        return "–", None
    if abs(n) < 1e6:
        return f"{n:,.0f}", None
    exp = math.floor(math.log10(abs(n)))
    mant = n / 10.0**exp
    if round(mant, 1) >= 10.0:
        mant, exp = mant / 10.0, exp + 1
    return f"{mant:.1f} × 10", str(exp)


def fmt_flops(n: float | None) -> str:
    """A FLOP count as a manager reads it: 5.9 × 10²³ (not 5.88e+23, not 588,000T); plain below 10⁶."""
    base, exp = flops_parts(n)
    return base if exp is None else base + exp.translate(_SUPERSCRIPT)


def fmt_duration(sec: float | None) -> str:
    if sec is None or not math.isfinite(sec):
        return "–"
    if sec < 1:
        return translate("Units", "{0:.0f} ms").format(sec * 1000)
    if sec < 120:
        return translate("Units", "{0:.1f} s").format(sec)
    if sec < 2 * 3600:
        return translate("Units", "{0:.0f} min").format(sec / 60)
    if sec < 3 * 86400:
        return translate("Units", "{0:.1f} h").format(sec / 3600)
    if sec < 730 * 86400:
        return translate("Units", "{0:.1f} days").format(sec / 86400)
    return translate("Units", "{0:.1f} years").format(sec / (365.25 * 86400))


def model_name(model: object) -> str:
    """A model's name for people: a model described by its size or architecture ("custom model" in
    the core) is named in the current language."""
    name = str(getattr(model, "name", "") or getattr(model, "id", ""))
    return translate("Report", "custom model") if name == "custom model" else name


def money_axis_label(currency: str, deployment: str = "") -> str:
    """A chart's money axis: "円" in Japanese (not JPY), "USD" in English; with ``deployment`` the
    cost it shows (the cheaper of renting and buying, or one of them)."""
    unit = translate("Units", "JPY") if currency == "JPY" else translate("Units", "USD")
    if deployment == "cloud":
        return translate("Units", "cost rented, {0}").format(unit)
    if deployment == "onprem":
        return translate("Units", "cost bought, {0}").format(unit)
    if deployment == "any":
        return translate("Units", "cost, cheaper of renting and buying, {0}").format(unit)
    return unit


def fmt_money(amount: float | None, currency: str, lang: str = "en", compact: bool = False) -> str:
    """USD as $3.4M / $48,000; JPY as 約4.8万円 / 約8.0億円 in Japanese, ¥1,728,000 in English
    (``compact``: ¥1.73M, for table cells)."""
    if amount is None or not math.isfinite(amount):
        return "–"
    if currency == "USD":
        a = abs(amount)
        if a >= 1e9:
            return f"${amount / 1e9:.1f}B"
        if a >= 1e6:
            return f"${amount / 1e6:.1f}M"
        if a >= 1e4:
            return f"${amount / 1e3:.0f}K"
        if a < 100:
            return f"${amount:,.2f}"  # prices per GPU-hour, per kWh
        return f"${amount:,.0f}"
    if lang == "ja":
        a = abs(amount)
        if compact:  # table cells: no 約 and no 円 (the column says the currency)
            for v, unit in ((1e12, "兆"), (1e8, "億"), (1e4, "万")):
                if a >= v:
                    return f"{amount / v:,.1f}{unit}"
            return f"{amount:,.0f}"
        if a >= 1e12:
            return f"約{amount / 1e12:,.1f}兆円"
        if a >= 1e8:
            return f"約{amount / 1e8:,.1f}億円"
        if a >= 1e4:
            return f"約{amount / 1e4:,.1f}万円"
        return f"{amount:,.0f}円"
    if compact:
        a = abs(amount)
        if a >= 1e9:
            return f"¥{amount / 1e9:.2f}B"
        if a >= 1e6:
            return f"¥{amount / 1e6:.2f}M"
        if a >= 1e4:
            return f"¥{amount / 1e3:.0f}K"
    return f"¥{amount:,.0f}"


def fmt_date(iso: str | None, lang: str = "en") -> str:
    """An ISO date (2026-11-28, or 2024-07) in the reader's form: 2026年11月28日 / 28 Nov 2026."""
    if not iso:
        return "–"
    parts = str(iso).split("-")
    try:
        nums = [int(x) for x in parts]
    except ValueError:
        return str(iso)
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    if len(nums) == 3 and 1 <= nums[1] <= 12:
        return f"{nums[0]}年{nums[1]}月{nums[2]}日" if lang == "ja" else f"{nums[2]} {months[nums[1] - 1]} {nums[0]}"
    if len(nums) == 2 and 1 <= nums[1] <= 12:
        return f"{nums[0]}年{nums[1]}月" if lang == "ja" else f"{months[nums[1] - 1]} {nums[0]}"
    return str(iso)


def layout_label(p: Parallelism, serving: bool = False, short: bool = False) -> str:
    """The layout of an option as one label: "TP8 PP4 DP64 ZeRO-1" (training) or "TP4 PP1 ×2"
    (serving: replicas); ``short`` abbreviates ZeRO to Z for table cells."""
    if serving:
        return f"TP{p.tp} PP{p.pp} ×{p.replicas}"
    zero = (f" Z{p.zero_stage}" if short else f" ZeRO-{p.zero_stage}") if p.zero_stage else ""
    extra = (f" CP{p.cp}" if getattr(p, "cp", 1) > 1 else "") + (f" EP{p.ep}" if getattr(p, "ep", 1) > 1 else "")
    return f"TP{p.tp} PP{p.pp} DP{p.dp}{extra}{zero}"


def layout_text(p: Parallelism, serving: bool = False) -> str:
    """The layout in words: "tensor 8 × pipeline 4 × data 64, ZeRO stage 1"."""
    if serving:
        return translate("Report", "tensor {0} × pipeline {1}, {2} replica(s)").format(p.tp, p.pp, p.replicas)
    zero = translate("Report", ", ZeRO stage {0}").format(p.zero_stage) if p.zero_stage else ""
    if p.cp > 1:
        zero = translate("Report", ", context {0}").format(p.cp) + zero
    if p.ep > 1:
        zero = translate("Report", ", experts over {0}").format(p.ep) + zero
    return translate("Report", "tensor {0} × pipeline {1} × data {2}{3}").format(p.tp, p.pp, p.dp, zero)


STACKS = {"megatron": "Megatron-LM", "deepspeed": "DeepSpeed", "fsdp": "PyTorch FSDP", "hf": "Hugging Face Trainer",
          "torchtune": "torchtune"}
ENGINES = {"vllm": "vLLM", "sglang": "SGLang", "trtllm": "TensorRT-LLM", "tgi": "TGI", "llama.cpp": "llama.cpp"}


def stack_name(code: str) -> str:
    """A training stack's product name (the same in every language)."""
    return STACKS.get(code, code)


def engine_name(code: str) -> str:
    return ENGINES.get(code, code)


UTILISATION_FACTORS = {
    "base_a100": QT_TRANSLATE_NOOP("Utilisation", "A100 kernels"),
    "base_hopper": QT_TRANSLATE_NOOP("Utilisation", "H100-class kernels"),
    "base_blackwell": QT_TRANSLATE_NOOP("Utilisation", "B200-class kernels"),
    "base_amd": QT_TRANSLATE_NOOP("Utilisation", "AMD Instinct kernels"),
    "base_gaudi": QT_TRANSLATE_NOOP("Utilisation", "Gaudi kernels"),
    "base_tpu": QT_TRANSLATE_NOOP("Utilisation", "TPU kernels"),
    "base_workstation": QT_TRANSLATE_NOOP("Utilisation", "workstation GPU kernels"),
    "base_mamf": QT_TRANSLATE_NOOP("Utilisation", "kernels (scaled by the GPU's measured matmul share)"),
    "width": QT_TRANSLATE_NOOP("Utilisation", "matrix width"),
    "fp8_te": QT_TRANSLATE_NOOP("Utilisation", "FP8 with Transformer Engine"),
    "fp8_other": QT_TRANSLATE_NOOP("Utilisation", "FP8"),
    "moe": QT_TRANSLATE_NOOP("Utilisation", "MoE routing"),
    "lora": QT_TRANSLATE_NOOP("Utilisation", "LoRA"),
    "qlora": QT_TRANSLATE_NOOP("Utilisation", "QLoRA"),
    "batch_idle": QT_TRANSLATE_NOOP("Utilisation", "ranks the global batch leaves idle"),
    "communication": QT_TRANSLATE_NOOP("Utilisation", "communication not hidden"),
    "pipeline_bubble": QT_TRANSLATE_NOOP("Utilisation", "pipeline bubble"),
    "goodput": QT_TRANSLATE_NOOP("Utilisation", "restarts, evaluation and checkpoints"),
    "offload": QT_TRANSLATE_NOOP("Utilisation", "offload transfers"),
    "user_mfu": QT_TRANSLATE_NOOP("Utilisation", "your MFU"),
    "your_measurement": QT_TRANSLATE_NOOP("Utilisation", "your measured runs on this GPU and stack"),
}


def utilisation_text(factors: list[tuple[str, float]], hfu: float | None, mfu: float | None) -> str:
    """How an option's utilisation follows from the calibrated model, factor by factor:
    "H100-class kernels 54% × matrix width 0.98 × … = 38% of the peak (HFU); MFU 35% against 6·N·D"."""
    if not factors or hfu is None or mfu is None:
        return ""
    parts = []
    for i, (name, value) in enumerate(factors):
        label = translate("Utilisation", UTILISATION_FACTORS.get(str(name), str(name)))
        parts.append(f"{label} {float(value):.0%}" if i == 0 or str(name) == "user_mfu" else f"{label} {float(value):.2f}")
    return translate("Utilisation", "Utilisation: {0} = {1:.0%} of the peak in hardware FLOPs (HFU); MFU {2:.0%} against 6·N·D.").format(
        " × ".join(parts), hfu, mfu)


NETWORK_LABELS = {"ib-400": "InfiniBand 400G", "ib-200": "InfiniBand 200G", "100gbe": "100 GbE", "25gbe": "25 GbE",
                  "10gbe": "10 GbE"}


def network_label(code: str) -> str:
    """A network code (ib-400) as people name it (InfiniBand 400G), the same in every language."""
    return NETWORK_LABELS.get(code, code)

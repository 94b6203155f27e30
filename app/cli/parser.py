"""The argparse parser: flags, their help with the default and where it comes from (read from the
assumptions registry), and argparse's own messages in the user's language."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, Literal

from app import __version__
from app.i18n import QT_TRANSLATE_NOOP, translate

GOALS = ["inference", "finetune", "cpt", "scratch"]
NETWORKS = ["ib-400", "ib-200", "100gbe", "25gbe", "10gbe"]
LANGS = ["ja", "en"]
KINDS = ["gpus", "models", "runs", "offers", "measurements", "apis"]


class UsageError(Exception):
    """Invalid input: printed as one line, exit 2."""


class _LiteralHelp(argparse.HelpFormatter):
    """Help texts are sentences, not %-templates: the registry's "default 40% (range 30%–50%)" prints as is."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return action.help.replace("%", "%%") if action.help else action.help


class Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _LiteralHelp)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]  # one line, exit 2 (not usage + message)
        raise UsageError(message)


def _positive_int(text: str) -> int:
    from app.core.units import parse_decimal

    try:
        v = parse_decimal(text)
    except ValueError:
        v = None
    if v is None or v < 1 or v != v.to_integral_value():
        raise argparse.ArgumentTypeError(translate("CLI", "{0!r} must be a whole number of at least 1").format(text))
    return int(v)


def _choices(allowed: list[str]) -> Any:
    """A comma list of allowed values (``bf16,fp8``); the error names the bad one and the choices."""

    def parse(text: str) -> tuple[str, ...]:
        items = tuple(x.strip().lower() for x in text.split(",") if x.strip())
        bad = [x for x in items if x not in allowed]
        if bad or not items:
            raise argparse.ArgumentTypeError(translate("CLI", "{0!r} is not one of {1}").format(
                (bad or [text])[0], ", ".join(allowed)))
        return items

    return parse


def _yes_no(text: str) -> bool:
    v = text.strip().lower()
    if v in ("yes", "true", "on", "1"):
        return True
    if v in ("no", "false", "off", "0"):
        return False
    raise argparse.ArgumentTypeError(translate("CLI", "{0!r} is not one of {1}").format(text, "yes, no"))


def _engine(text: str) -> str:
    """A serving engine; ``trt-llm`` (the name before the serving round) is TensorRT-LLM too."""
    from app.core.stacks import Engine

    try:
        return Engine(text).value
    except ValueError:
        raise argparse.ArgumentTypeError(translate("CLI", "{0!r} is not one of {1}").format(
            text, ", ".join(x.value for x in Engine))) from None


def _own(text: str) -> tuple[str, int]:
    gpu, sep, n = text.partition(":")
    if not sep or not gpu:
        raise argparse.ArgumentTypeError(translate("CLI", "{0!r} must look like GPU_ID:COUNT, e.g. rtx-a6000:4").format(text))
    return gpu, _positive_int(n)


def _help(text: str | None, *codes: str) -> str:
    """``text`` followed by the registry's default(s) for the flag and their source."""
    from app.present.text.assumptions import field_help

    parts = [text] if text else []
    parts += [field_help(c) for c in codes]
    return translate("CLI", "; ").join(parts) if parts else ""


def _data_args(g: Any) -> None:
    g.add_argument("--data", action="append", metavar="PATH",
                   help=translate("CLI", "count the training data in these files or folders (txt, jsonl, csv, parquet, code) instead of giving --tokens or --samples; repeatable"))
    g.add_argument("--tokenizer", metavar="FAMILY|tokenizer.json",
                   help=translate("CLI", "with --data: the tokenizer family (llama2, llama3, qwen, gemma, deepseek-v3, cl100k, o200k, llm-jp) or a tokenizer.json to count exactly; default: the model's"))


def _plan_parser(sub: Any) -> argparse.ArgumentParser:
    from app.core.stacks import Attention, Loss, Offload, Stack

    pl = sub.add_parser("plan", help=translate("CLI", "plan one scenario"))
    g = pl.add_argument_group(translate("CLI", "goal and model"))
    g.add_argument("--goal", required=True, choices=GOALS)
    g.add_argument("--model", help=translate("CLI", "catalog model id (see: gpu-planner catalog models)"))
    g.add_argument("--model-file", metavar="PATH",
                   help=translate("CLI", "a local model instead of --model: a config.json, a model folder (config.json + safetensors) or a .gguf file"))
    g.add_argument("--params", help=translate("CLI", "total parameters, e.g. 7B"))
    _data_args(g)
    g.add_argument("--active-params", help=translate("CLI", "active parameters per token (MoE)"))
    for flag in ("--layers", "--hidden", "--heads", "--kv-heads", "--ffn", "--vocab"):
        g.add_argument(flag)
    d = pl.add_argument_group(translate("CLI", "data"))
    d.add_argument("--tokens")
    d.add_argument("--samples")
    d.add_argument("--seq-len", help=_help(None, "seq_len_finetune", "seq_len_pretrain"))
    d.add_argument("--epochs", help=_help(None, "epochs"))
    d.add_argument("--cpt-fraction", help=_help(translate("CLI", "continued pre-training tokens as a fraction of Chinchilla's"), "cpt_fraction"))
    d.add_argument("--tokens-per-param", help=_help(None, "chinchilla_tokens_per_param"))
    t = pl.add_argument_group(translate("CLI", "training"))
    t.add_argument("--method", choices=["full", "lora", "qlora"], help=_help(None, "method_finetune"))
    t.add_argument("--lora-rank", help=_help(None, "lora_rank"))
    t.add_argument("--lora-targets", choices=["all-linear", "attention", "qv"], help=_help(None, "lora_targets"))
    t.add_argument("--precision", type=_choices(["bf16", "fp16", "fp8", "fp32"]), metavar="P[,P...]",
                   help=_help(translate("CLI", "training precision; a comma list searches each (e.g. bf16,fp8)"), "precision"))
    t.add_argument("--optimizer", choices=["adamw", "adamw-8bit", "paged-adamw-8bit", "sgd"], help=_help(None, "optimizer"))
    t.add_argument("--stack", choices=[x.value for x in Stack], help=_help(
        translate("CLI", "the training framework: how it stores weights, gradients and optimizer states"),
        "stack_finetune", "stack_pretrain"))
    t.add_argument("--zero", type=int, choices=[0, 1, 2, 3],
                   help=translate("CLI", "ZeRO stage (Megatron: 1 = distributed optimizer; FSDP: 3 = full sharding); default: searched"))
    t.add_argument("--recompute", choices=["none", "selective", "full"], help=_help(None, "recompute", "recompute_finetune"))
    t.add_argument("--attention", choices=[x.value for x in Attention], help=_help(None, "attention"))
    t.add_argument("--loss", choices=[x.value for x in Loss], help=translate(
        "CLI", "how the loss holds the logits: fp32 (Hugging Face, torchtitan, Megatron), bf16, chunked (torchtune's default), fused (Liger, Cut Cross-Entropy)"))
    t.add_argument("--offload", type=_choices([x.value for x in Offload] + ["none"]), metavar="WHAT[,WHAT...]",
                   help=translate("CLI", "optimizer, params, nvme, activations, or none; default: only when nothing fits otherwise"))
    t.add_argument("--optimizer-in-backward", type=_yes_no, metavar="yes|no",
                   help=translate("CLI", "step the optimizer inside backward, keeping no gradients (torchtune, FSDP); default: only when nothing fits otherwise"))
    t.add_argument("--micro-batch", help=_help(None, "micro_batch"))
    t.add_argument("--global-batch", help=translate("CLI", "sequences per optimizer step (sets the micro-batches in flight and gradient accumulation)"))
    _inference_args(pl)
    h = pl.add_argument_group(translate("CLI", "hardware"))
    h.add_argument("--gpu", help=translate("CLI", "catalog GPU id (see: gpu-planner catalog gpus)"))
    h.add_argument("--gpus", help=translate("CLI", "GPU count for --gpu"))
    h.add_argument("--tp")
    h.add_argument("--pp")
    h.add_argument("--cp", help=translate("CLI", "context parallelism (splits long sequences; Megatron, FSDP)"))
    h.add_argument("--ep", help=translate("CLI", "expert parallelism (MoE models; Megatron, FSDP)"))
    h.add_argument("--vpp", help=translate("CLI", "virtual pipeline stages per pipeline rank (interleaved schedule)"))
    h.add_argument("--sequence-parallel", type=_yes_no, metavar="yes|no",
                   help=translate("CLI", "sequence parallelism with tensor parallelism (default yes)"))
    h.add_argument("--mfu", help=translate("CLI", "MFU against 6·N·D (0-1) to use instead of the calibrated utilisation model (docs/time.md)"))
    h.add_argument("--network", choices=NETWORKS, help=_help(None, "network"))
    b = pl.add_argument_group(translate("CLI", "budget"))
    b.add_argument("--budget")
    b.add_argument("--currency", type=str.upper, choices=["JPY", "USD"])
    b.add_argument("--deadline-days", help=_help(None, "target_days"))
    b.add_argument("--deployment", choices=["cloud", "onprem", "any"], help=_help(None, "deployment"))
    b.add_argument("--own", type=_own, action="append", default=[], metavar="ID:N")
    b.add_argument("--max-gpus", help=_help(None, "max_gpus"))
    b.add_argument("--power-limit-kw", help=translate("CLI", "on-prem facility power available (GPUs x TDP x PUE)"))
    b.add_argument("--rank", choices=["cost", "time"], help=translate("CLI", "cost: cheapest meeting the deadline first (default); time: fastest within budget first"))
    pr = pl.add_argument_group(translate("CLI", "prices and on-prem"))
    pr.add_argument("--cloud-price")
    pr.add_argument("--pricing", choices=["on-demand", "spot", "reserved", "cheapest"],
                    help=translate("CLI", "which catalog cloud offers to price with (default on-demand)"))
    pr.add_argument("--offer", metavar="OFFER_ID", help=translate("CLI", "price the cloud with this catalog offer (see: gpu-planner catalog offers)"))
    pr.add_argument("--gpu-price")
    pr.add_argument("--fx", help=_help(None, "fx_jpy_per_usd"))
    pr.add_argument("--fx-date", metavar="YYYY-MM-DD", help=translate("CLI", "the date of the --fx rate, cited in the report"))
    pr.add_argument("--hours-per-day", help=_help(None, "hours_per_day"))
    pr.add_argument("--days-per-month", help=_help(None, "days_per_month"))
    pr.add_argument("--electricity-price", help=_help(None, "electricity_jpy_per_kwh"))
    pr.add_argument("--pue", help=_help(None, "pue"))
    pr.add_argument("--host-cost-fraction", help=_help(None, "host_cost_fraction"))
    pr.add_argument("--years", help=_help(None, "years"))
    o = pl.add_argument_group(translate("CLI", "output"))
    o.add_argument("--json", action="store_true")
    o.add_argument("--schema-version", type=int, choices=[1, 2], default=2,
                   help=translate("CLI", "JSON document version: 2 (default), or 1 as before (kept for one release)"))
    o.add_argument("--pdf", metavar="FILE", help=translate("CLI", "write the recommendation report (A4 PDF)"))
    o.add_argument("--save", metavar="FILE.gpuplan", help=translate("CLI", "write the plan file the desktop app opens"))
    o.add_argument("--name", help=translate("CLI", "plan name printed on the report"))
    o.add_argument("--top", type=_positive_int, help=translate("CLI", "show at most this many options in the text summary"))
    _ranges_on_help(pl)
    return pl


def _inference_args(pl: argparse.ArgumentParser) -> None:
    """The serving flags: weights, context, the load, its service level and the engine."""
    from app.core.precision import KV_BITS, WEIGHT_BITS
    from app.core.stacks import Engine

    i = pl.add_argument_group(translate("CLI", "inference"))
    i.add_argument("--quant", type=_choices(sorted(WEIGHT_BITS)), metavar="FORMAT[,FORMAT...]",
                   help=translate("CLI", "weight format (a comma list searches each): ") + ", ".join(sorted(WEIGHT_BITS)))
    i.add_argument("--context", help=_help(None, "context_cap"))
    i.add_argument("--concurrency", help=_help(None, "concurrency"))
    i.add_argument("--kv-dtype", type=str.lower, choices=sorted(KV_BITS), help=_help(None, "kv_dtype"))
    i.add_argument("--output-tokens", help=_help(None, "output_tokens"))
    i.add_argument("--engine", type=_engine, metavar="|".join(x.value for x in Engine), help=_help(None, "engine"))
    i.add_argument("--users", help=translate("CLI", "peak number of users with a request in flight (the same as --concurrency)"))
    i.add_argument("--prompt-tokens", help=translate("CLI", "prompt tokens per request (default: the context less the answer)"))
    i.add_argument("--requests-per-s", help=translate("CLI", "peak requests per second, instead of --users (needs --min-tokens-per-s)"))
    i.add_argument("--requests-per-day", help=translate("CLI", "requests per day, spread over --hours-per-day, instead of --users"))
    i.add_argument("--min-tokens-per-s", help=translate("CLI", "service level: answer tokens per second each user sees, at least"))
    i.add_argument("--max-ttft-s", help=translate("CLI", "service level: seconds to the first token, at most"))
    i.add_argument("--availability", choices=["none", "n+1"],
                   help=translate("CLI", "n+1: one replica more than the load needs, the targets met with it down"))
    i.add_argument("--gpu-layers", help=translate("CLI", "llama.cpp: layers on the GPU (-ngl), the rest on the CPU; default: as many as fit"))
    i.add_argument("--bpw", help=translate("CLI", "bits per weight of the format, 1.5 to 16 (EXL2-style mixes, AWQ/GPTQ group sizes); default: the format's own"))


def _ranges_on_help(pl: argparse.ArgumentParser) -> None:
    """Add the allowed ranges when help is printed: they are read from the request's validation
    (pydantic), and building the parser is on the GUI's start-up path, which imports no pydantic
    before the first page."""
    plain = pl.format_help

    def format_help() -> str:
        if not getattr(pl, "_ranges_added", False):
            _add_ranges(pl)
            pl._ranges_added = True  # type: ignore[attr-defined]
        return plain()

    pl.format_help = format_help  # type: ignore[method-assign]


def _bounds(name: str) -> str:
    """The allowed range of a Scenario (or model) field, from its validation bounds: ">= 1, <= 100,000"."""
    from app.core.scenario import Scenario
    from app.core.specs import ModelSpec

    info = Scenario.model_fields.get(name) or ModelSpec.model_fields.get(name)
    if info is None:
        return ""
    parts = []
    for m in info.metadata:
        for attr, sign in (("gt", ">"), ("ge", "≥"), ("lt", "<"), ("le", "≤")):
            v = getattr(m, attr, None)
            if isinstance(v, (int, float)):
                parts.append(f"{sign} {v:,.6g}" if isinstance(v, float) else f"{sign} {v:,}")
    return ", ".join(parts)


def _add_ranges(pl: argparse.ArgumentParser) -> None:
    """Append each numeric flag's allowed range (the request's own validation bounds) to its help, so
    ``--help`` states unit, default and range in one place."""
    from app.present.fields import FLAGS

    by_flag: dict[str, str] = {}
    for name, flag in FLAGS.items():
        by_flag.setdefault(flag, name)
    for action in pl._actions:
        found = next((by_flag[o] for o in action.option_strings if o in by_flag), None)
        if found is None or action.choices:
            continue
        allowed = _bounds(found)
        if allowed:
            extra = translate("CLI", "allowed: {0}").format(allowed)
            action.help = f"{action.help}; {extra}" if action.help else extra


def build_parser() -> argparse.ArgumentParser:
    from app.present.text.messages import kind_text

    p = Parser(prog="gpu-planner", description=translate("CLI", "Plan GPUs, time and cost for LLM work."))
    p.add_argument("--version", action="version", version=f"gpu-planner {__version__}")
    p.add_argument("--selftest", action="store_true",
                   help=translate("CLI", "check this installation: load the catalog, plan each goal, write PDFs to a temporary folder"))
    sub = p.add_subparsers(dest="command", parser_class=Parser)
    lang_help = translate("CLI", "language of messages and reports (default: the system's)")
    gui = sub.add_parser("gui", help=translate("CLI", "open the wizard (the default)"))
    pl = _plan_parser(sub)

    cat = sub.add_parser("catalog", help=translate("CLI", "list, import, export or build catalog entries"))
    csub = cat.add_subparsers(dest="action", parser_class=Parser, required=True)
    for kind in KINDS:
        k = csub.add_parser(kind, help=translate("CLI", "list {0} (shipped and your own)").format(kind_text(kind)))
        k.add_argument("--json", action="store_true")
        k.add_argument("--origin", choices=["all", "shipped", "user"], default="all")
    imp = csub.add_parser("import", help=translate("CLI", "add or replace your own entries from a CSV (all rows or none)"))
    imp.add_argument("file", metavar="FILE.csv")
    imp.add_argument("--dry-run", action="store_true",
                     help=translate("CLI", "show what the file would add and change, and write nothing"))
    exp = csub.add_parser("export", help=translate("CLI", "write entries to a CSV in the import format"))
    exp.add_argument("export_kind", metavar="KIND", choices=KINDS)
    exp.add_argument("file", metavar="FILE.csv")
    exp.add_argument("--origin", choices=["all", "shipped", "user"], default="all")
    rm = csub.add_parser("remove", help=translate("CLI", "delete one of your own entries"))
    rm.add_argument("remove_kind", metavar="KIND", choices=KINDS)
    rm.add_argument("entry_id", metavar="ID")
    bld = csub.add_parser("build", help=translate("CLI", "(developers) build catalog.db from resources/data/*.csv"))
    bld.add_argument("--data", metavar="DIR")
    bld.add_argument("--out", metavar="FILE")

    cp = sub.add_parser("capacity", help=translate("CLI", "what you can do with GPUs you own: every goal x model size"))
    cp.add_argument("--own", type=_own, required=True, metavar="ID:N", help=translate("CLI", "e.g. rtx-a6000:4"))
    cp.add_argument("--network", choices=NETWORKS)
    cp.add_argument("--json", action="store_true")

    cal = sub.add_parser("calibrate", help=translate("CLI", "record a training run you measured; later plans on that GPU and stack use it"))
    cal.add_argument("--gpu", metavar="ID", help=translate("CLI", "the GPU it ran on (catalog id)"))
    cal.add_argument("--model", metavar="ID", help=translate("CLI", "the model trained (catalog id)"))
    cal.add_argument("--stack", choices=["megatron", "deepspeed", "fsdp", "hf", "torchtune"],
                     help=translate("CLI", "the training software"))
    cal.add_argument("--method", choices=["pretrain", "full", "lora", "qlora"], default="full",
                     help=translate("CLI", "pre-training, or a full / LoRA / QLoRA fine-tune (default full)"))
    cal.add_argument("--precision", choices=["bf16", "fp16", "fp8", "fp32"], default="bf16")
    cal.add_argument("--gpus", type=int, metavar="N", help=translate("CLI", "how many GPUs"))
    cal.add_argument("--seq-len", type=int, default=4096, metavar="L", help=translate("CLI", "tokens per sequence (default 4096)"))
    cal.add_argument("--tokens-per-s", type=float, metavar="X", help=translate("CLI", "measured tokens per second per GPU"))
    cal.add_argument("--step-time-s", type=float, metavar="S", help=translate("CLI", "or: measured seconds per optimizer step (with --global-batch)"))
    cal.add_argument("--global-batch", type=int, metavar="N", help=translate("CLI", "sequences per optimizer step"))
    cal.add_argument("--id", dest="entry_id", metavar="ID", help=translate("CLI", "a name for this measurement (default: made from the setup)"))
    cal.add_argument("--notes", default="")
    cal.add_argument("--list", action="store_true", help=translate("CLI", "list your measurements and what the planner predicts for each"))
    cal.add_argument("--json", action="store_true")

    cmpp = sub.add_parser("compare", help=translate("CLI", "2 to 6 plan files side by side: the inputs that differ, the results, what moves each"))
    cmpp.add_argument("files", nargs="+", metavar="FILE.gpuplan")
    cmpp.add_argument("--json", action="store_true")
    cmpp.add_argument("--pdf", metavar="FILE", help=translate("CLI", "write a comparison report"))
    tk = sub.add_parser("tokens", help=translate("CLI", "characters, bytes and tokens of a text corpus (files or folders)"))
    tk.add_argument("paths", nargs="+", metavar="PATH")
    tk.add_argument("--tokenizer", metavar="FAMILY|tokenizer.json",
                    help=translate("CLI", "a tokenizer family to show first, or a tokenizer.json to count exactly (the tokenizers library)"))
    tk.add_argument("--json", action="store_true")
    am = csub.add_parser("add-model", help=translate("CLI", "add a model read from a config.json, model folder or .gguf file to your catalog"))
    am.add_argument("model_path", metavar="PATH")
    am.add_argument("--id", dest="entry_id", metavar="ID", help=translate("CLI", "its catalog id (default: from the file name)"))
    bt = sub.add_parser("backtest", help=translate("CLI", "predicted vs reported GPU-hours for the catalog's published runs"))
    bt.add_argument("--json", action="store_true")
    kinds = [csub.choices[kind] for kind in KINDS]
    for parser in (gui, pl, cp, imp, exp, rm, bld, bt, cal, tk, am, cmpp, *kinds):
        parser.add_argument("--lang", choices=LANGS, help=lang_help)
    return p


def argv_lang(argv: Sequence[str]) -> str | None:
    """--lang from the raw arguments, so that argparse's own messages and --help are translated too."""
    for i, x in enumerate(argv):
        if x == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGS else None
        if x.startswith("--lang="):
            return x.split("=", 1)[1] if x.split("=", 1)[1] in LANGS else None
    return None


# argparse's own messages (Python 3.11+), translated through the "argparse" context.
ARGPARSE_MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
)


class translated_argparse:  # noqa: N801 - a context manager around parse_args
    """argparse looks its messages up through its module's ``_``/``ngettext`` (gettext); point them at
    Qt's translator for the duration of the parse, then put the originals back."""

    def __enter__(self) -> translated_argparse:
        self.saved = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
        argparse._ = lambda text: translate("argparse", text)  # type: ignore[attr-defined]
        argparse.ngettext = lambda one, many, n: translate("argparse", one if n == 1 else many)  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        argparse._, argparse.ngettext = self.saved  # type: ignore[attr-defined]
        return False

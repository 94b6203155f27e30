"""Command line: ``gpu-planner`` (the GUI), ``gpu-planner plan …``, ``gpu-planner catalog …``.

Exit status: 0 success; 2 invalid input (one line on stderr naming the flag, the value and what is
allowed; never a traceback); 1 anything else. See ../shared/cli-contract.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Sequence

from app import __version__
from app.catalog.errors import CatalogError
from app.i18n import QT_TRANSLATE_NOOP, current_language, translate

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Invalid input: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage + message)
        raise UsageError(message)


def _quantity(text: str) -> float:
    from app.core.units import parse_quantity

    try:
        v = parse_quantity(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "CLI", "{0!r} is not a number (use e.g. 7000000000, 7e9, 7B, 1.4T, 500M, 8K, 3000万)").format(text)) from None
    return v


def _positive(text: str) -> float:
    v = _quantity(text)
    if v <= 0:
        raise argparse.ArgumentTypeError(translate("CLI", "{0!r} must be greater than 0").format(text))
    return v


def _positive_int(text: str) -> int:
    v = _quantity(text)
    if v < 1 or v != int(v):
        raise argparse.ArgumentTypeError(translate("CLI", "{0!r} must be a whole number of at least 1").format(text))
    return int(v)


def _choices(flag: str, allowed: list[str]):
    """A comma list of allowed values (``bf16,fp8``); the error names the bad one and the choices."""

    def parse(text: str) -> tuple[str, ...]:
        items = tuple(x.strip().lower() for x in text.split(",") if x.strip())
        bad = [x for x in items if x not in allowed]
        if bad or not items:
            raise argparse.ArgumentTypeError(translate("CLI", "{0!r} is not one of {1}").format(
                (bad or [text])[0], ", ".join(allowed)))
        return items

    return parse


def _own(text: str) -> tuple[str, int]:
    gpu, sep, n = text.partition(":")
    if not sep or not gpu:
        raise argparse.ArgumentTypeError(translate("CLI", "{0!r} must look like GPU_ID:COUNT, e.g. rtx-a6000:4").format(text))
    return gpu, _positive_int(n)


# Scenario field -> the flag that sets it, for error messages.
FIELD_FLAGS = {
    "tokens": "--tokens", "samples": "--samples", "seq_len": "--seq-len", "epochs": "--epochs",
    "method": "--method", "lora_rank": "--lora-rank", "precision": "--precision", "optimizer": "--optimizer",
    "zero_stage": "--zero", "recompute": "--recompute", "micro_batch": "--micro-batch", "quant": "--quant",
    "context": "--context", "concurrency": "--concurrency", "kv_dtype": "--kv-dtype", "gpu_id": "--gpu",
    "gpu_count": "--gpus", "tp": "--tp", "pp": "--pp", "mfu": "--mfu", "currency": "--currency",
    "budget": "--budget", "deadline_days": "--deadline-days", "deployment": "--deployment",
    "max_gpus": "--max-gpus", "cloud_price": "--cloud-price", "gpu_price": "--gpu-price",
    "hours_per_day": "--hours-per-day", "days_per_month": "--days-per-month",
    "electricity_price_per_kwh": "--electricity-price", "pue": "--pue", "years": "--years",
    "network": "--network", "output_tokens": "--output-tokens", "fx_jpy_per_usd": "--fx", "fx_as_of": "--fx-date",
    "cpt_fraction": "--cpt-fraction", "params_total": "--params", "params_active": "--active-params",
    "layers": "--layers", "hidden": "--hidden", "heads": "--heads", "kv_heads": "--kv-heads", "ffn": "--ffn",
    "vocab": "--vocab", "lora_targets": "--lora-targets", "power_limit_kw": "--power-limit-kw",
    "precision_choices": "--precision", "quant_choices": "--quant", "pricing": "--pricing", "rank_by": "--rank",
    "cloud_offer": "--offer",
}


# Rules across fields (the core's error codes) -> the flag that fixes them.
CODE_FLAGS = {"finetune_needs_data": "--samples/--tokens", "gpu_and_count": "--gpu/--gpus",
              "active_exceeds_total": "--active-params", "kv_heads_exceed_heads": "--kv-heads"}


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="gpu-planner", description=translate("CLI", "Plan GPUs, time and cost for LLM work."))
    p.add_argument("--version", action="version", version=f"gpu-planner {__version__}")
    p.add_argument("--selftest", action="store_true",
                   help=translate("CLI", "check this installation: load the catalog, plan each goal, write PDFs to a temporary folder"))
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help=translate("CLI", "open the wizard (the default)"))

    pl = sub.add_parser("plan", help=translate("CLI", "plan one scenario"))
    g = pl.add_argument_group(translate("CLI", "goal and model"))
    g.add_argument("--goal", required=True, choices=["inference", "finetune", "cpt", "scratch"])
    g.add_argument("--model", help=translate("CLI", "catalog model id (see: gpu-planner catalog models)"))
    g.add_argument("--params", type=_positive, help=translate("CLI", "total parameters, e.g. 7B"))
    g.add_argument("--active-params", type=_positive, help=translate("CLI", "active parameters per token (MoE)"))
    for flag in ("--layers", "--hidden", "--heads", "--kv-heads", "--ffn", "--vocab"):
        g.add_argument(flag, type=_positive_int)
    d = pl.add_argument_group(translate("CLI", "data"))
    d.add_argument("--tokens", type=_positive)
    d.add_argument("--samples", type=_positive)
    d.add_argument("--seq-len", type=_positive_int)
    d.add_argument("--epochs", type=_positive)
    d.add_argument("--cpt-fraction", type=_positive, help=translate("CLI", "continued pre-training tokens as a fraction of Chinchilla's (default 0.1)"))
    t = pl.add_argument_group(translate("CLI", "training"))
    t.add_argument("--method", choices=["full", "lora", "qlora"], default="full")
    t.add_argument("--lora-rank", type=_positive_int)
    t.add_argument("--lora-targets", choices=["all-linear", "attention", "qv"])
    t.add_argument("--precision", type=_choices("--precision", ["bf16", "fp16", "fp8", "fp32"]), metavar="P[,P...]",
                   help=translate("CLI", "training precision; a comma list searches each (e.g. bf16,fp8)"))
    t.add_argument("--optimizer", choices=["adamw", "adamw-8bit", "sgd"])
    t.add_argument("--zero", type=int, choices=[0, 1, 2, 3])
    t.add_argument("--recompute", choices=["none", "selective", "full"])
    t.add_argument("--micro-batch", type=_positive_int)
    i = pl.add_argument_group(translate("CLI", "inference"))
    from app.core.precision import KV_BITS, WEIGHT_BITS

    i.add_argument("--quant", type=_choices("--quant", sorted(WEIGHT_BITS)), metavar="FORMAT[,FORMAT...]",
                   help=translate("CLI", "weight format (a comma list searches each): ") + ", ".join(sorted(WEIGHT_BITS)))
    i.add_argument("--context", type=_positive_int)
    i.add_argument("--concurrency", type=_positive_int)
    i.add_argument("--kv-dtype", type=str.lower, choices=sorted(KV_BITS))
    i.add_argument("--output-tokens", type=_positive_int)
    h = pl.add_argument_group(translate("CLI", "hardware"))
    h.add_argument("--gpu", help=translate("CLI", "catalog GPU id (see: gpu-planner catalog gpus)"))
    h.add_argument("--gpus", type=_positive_int, help=translate("CLI", "GPU count for --gpu"))
    h.add_argument("--tp", type=_positive_int)
    h.add_argument("--pp", type=_positive_int)
    h.add_argument("--mfu", type=_positive, help=translate("CLI", "override the utilisation model (0-1)"))
    h.add_argument("--network", choices=["ib-400", "ib-200", "100gbe", "25gbe", "10gbe"])
    b = pl.add_argument_group(translate("CLI", "budget"))
    b.add_argument("--budget", type=_positive)
    b.add_argument("--currency", type=str.upper, choices=["JPY", "USD"])
    b.add_argument("--deadline-days", type=_positive)
    b.add_argument("--deployment", choices=["cloud", "onprem", "any"])
    b.add_argument("--own", type=_own, action="append", default=[], metavar="ID:N")
    b.add_argument("--max-gpus", type=_positive_int)
    b.add_argument("--power-limit-kw", type=_positive, help=translate("CLI", "on-prem facility power available (GPUs x TDP x PUE)"))
    b.add_argument("--rank", choices=["cost", "time"], help=translate("CLI", "cost: cheapest meeting the deadline first (default); time: fastest within budget first"))
    pr = pl.add_argument_group(translate("CLI", "prices and on-prem"))
    pr.add_argument("--cloud-price", type=_quantity)
    pr.add_argument("--pricing", choices=["on-demand", "spot", "reserved", "cheapest"],
                    help=translate("CLI", "which catalog cloud offers to price with (default on-demand)"))
    pr.add_argument("--offer", metavar="OFFER_ID", help=translate("CLI", "price the cloud with this catalog offer (see: gpu-planner catalog offers)"))
    pr.add_argument("--gpu-price", type=_quantity)
    pr.add_argument("--fx", type=_positive, help=translate("CLI", "JPY per USD (default 150)"))
    pr.add_argument("--fx-date", metavar="YYYY-MM-DD", help=translate("CLI", "the date of the --fx rate, cited in the report"))
    pr.add_argument("--hours-per-day", type=_positive)
    pr.add_argument("--days-per-month", type=_positive)
    pr.add_argument("--electricity-price", type=_quantity)
    pr.add_argument("--pue", type=_positive)
    pr.add_argument("--years", type=_positive)
    o = pl.add_argument_group(translate("CLI", "output"))
    o.add_argument("--json", action="store_true")
    o.add_argument("--pdf", metavar="FILE", help=translate("CLI", "write the recommendation report (A4 PDF)"))
    o.add_argument("--name", help=translate("CLI", "plan name printed on the report"))
    o.add_argument("--lang", choices=["ja", "en"], help=translate("CLI", "language of messages and reports (default: the system's)"))

    cat = sub.add_parser("catalog", help=translate("CLI", "list, import, export or build catalog entries"))
    csub = cat.add_subparsers(dest="action", parser_class=_Parser, required=True)
    for kind in ("gpus", "models", "runs", "offers"):
        k = csub.add_parser(kind, help=translate("CLI", "list {0} (shipped and your own)").format(kind_text(kind)))
        k.add_argument("--json", action="store_true")
        k.add_argument("--origin", choices=["all", "shipped", "user"], default="all")
    imp = csub.add_parser("import", help=translate("CLI", "add or replace your own entries from a CSV (all rows or none)"))
    imp.add_argument("file", metavar="FILE.csv")
    exp = csub.add_parser("export", help=translate("CLI", "write entries to a CSV in the import format"))
    exp.add_argument("export_kind", metavar="KIND", choices=["gpus", "models", "runs", "offers"])
    exp.add_argument("file", metavar="FILE.csv")
    exp.add_argument("--origin", choices=["all", "shipped", "user"], default="all")
    rm = csub.add_parser("remove", help=translate("CLI", "delete one of your own entries"))
    rm.add_argument("remove_kind", metavar="KIND", choices=["gpus", "models", "runs", "offers"])
    rm.add_argument("entry_id", metavar="ID")
    bld = csub.add_parser("build", help=translate("CLI", "(developers) build catalog.db from resources/data/*.csv"))
    bld.add_argument("--data", metavar="DIR")
    bld.add_argument("--out", metavar="FILE")

    cp = sub.add_parser("capacity", help=translate("CLI", "what you can do with GPUs you own: every goal x model size"))
    cp.add_argument("--own", type=_own, required=True, metavar="ID:N", help=translate("CLI", "e.g. rtx-a6000:4"))
    cp.add_argument("--network", choices=["ib-400", "ib-200", "100gbe", "25gbe", "10gbe"])
    cp.add_argument("--json", action="store_true")
    cp.add_argument("--lang", choices=["ja", "en"], help=translate("CLI", "language of messages and reports (default: the system's)"))

    bt = sub.add_parser("backtest", help=translate("CLI", "predicted vs reported GPU-hours for the catalog's published runs"))
    bt.add_argument("--json", action="store_true")
    lang_help = translate("CLI", "language of messages and reports (default: the system's)")
    kinds = [csub.choices[kind] for kind in ("gpus", "models", "runs", "offers")]
    for parser in (gui, imp, exp, rm, bld, bt, *kinds):
        parser.add_argument("--lang", choices=["ja", "en"], help=lang_help)
    return p


def default_lang() -> str:
    """The language when --lang is not given: the system's (LC_ALL, LC_MESSAGES, LANG, then Qt's locale)."""
    from app.i18n import system_language

    return system_language()


def _argv_lang(argv: Sequence[str]) -> str | None:
    """--lang from the raw arguments, so that argparse's own messages and --help are translated too."""
    for i, x in enumerate(argv):
        if x == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in ("ja", "en") else None
        if x.startswith("--lang="):
            return x.split("=", 1)[1] if x.split("=", 1)[1] in ("ja", "en") else None
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


class _translated_argparse:  # noqa: N801 - a context manager around parse_args
    """argparse looks its messages up through its module's ``_``/``ngettext`` (gettext); point them at
    Qt's translator for the duration of the parse, then put the originals back."""

    def __enter__(self):
        self.saved = (argparse._, argparse.ngettext)
        argparse._ = lambda text: translate("argparse", text)
        argparse.ngettext = lambda one, many, n: translate("argparse", one if n == 1 else many)
        return self

    def __exit__(self, *exc):
        argparse._, argparse.ngettext = self.saved
        return False


def catalog():
    """The process catalog (shipped catalog.db + the user's overlay)."""
    from app.catalog.repository import default_catalog

    return default_catalog()


def scenario_from_args(a: argparse.Namespace):
    from pydantic import ValidationError

    from app.core.scenario import Scenario
    from app.core.specs import ModelSpec, custom_model

    arch = {k: getattr(a, k) for k in ("layers", "hidden", "heads", "kv_heads", "ffn", "vocab")}
    if a.model:
        model = catalog().model(a.model)
        if model is None:
            ids = ", ".join(m.id for m in catalog().models())
            raise UsageError(translate("CLI", "argument {0}: unknown model {1!r}; allowed: {2}").format("--model", a.model, ids))
        upd = {k: v for k, v in arch.items() if v is not None}
        if a.params:
            upd["params_total"] = a.params
            upd.setdefault("params_active", a.active_params or a.params)
        if a.active_params:
            upd["params_active"] = a.active_params
        try:
            if upd:
                model = ModelSpec(**{**model.model_dump(), **upd})
        except ValidationError as e:
            raise UsageError(_validation_line(e, upd)) from None
    else:
        try:
            model = custom_model(a.params, a.active_params, **arch)
        except ValidationError as e:
            raise UsageError(_validation_line(e, {"params_total": a.params, **arch})) from None
        except ValueError as e:  # a coded error raised before the model is built (PydanticCustomError)
            from app.wording import validation_message

            raise UsageError(translate("CLI", "argument {0}: {1!r}: {2}").format(
                "--params", a.params, validation_message({"type": getattr(e, "type", ""), "msg": str(e),
                                                         "ctx": getattr(e, "context", None)}))) from None
    if model is None:
        raise UsageError(translate("CLI", "argument --model: give --model ID, or --params N (e.g. 7B), or --layers/--hidden/--heads"))

    if (a.gpu is None) != (a.gpus is None):
        raise UsageError(translate("CLI", "argument --gpu/--gpus: give both, e.g. --gpu h100-sxm --gpus 8"))
    if a.gpu is not None and catalog().gpu(a.gpu) is None:
        raise _unknown_gpu("--gpu", a.gpu)
    for gid, _n in a.own:
        if catalog().gpu(gid) is None:
            raise _unknown_gpu("--own", gid)
    if a.offer is not None:
        offer = next((o for o in catalog().offers() if o.id == a.offer), None)
        if offer is None:
            raise UsageError(translate("CLI", "argument --offer: unknown offer {0!r}; see: gpu-planner catalog offers").format(a.offer))
    lang = a.lang or default_lang()
    currency = a.currency or ("JPY" if lang == "ja" else "USD")
    fields: dict[str, Any] = dict(
        goal=a.goal, model=model, tokens=a.tokens, samples=a.samples, seq_len=a.seq_len, epochs=a.epochs,
        cpt_fraction=a.cpt_fraction, method=a.method, lora_rank=a.lora_rank, lora_targets=a.lora_targets,
        precision=a.precision[0] if a.precision else None,
        precision_choices=a.precision if a.precision and len(a.precision) > 1 else None, optimizer=a.optimizer, zero_stage=a.zero, recompute=a.recompute,
        micro_batch=a.micro_batch, quant=a.quant[0] if a.quant else None,
        quant_choices=a.quant if a.quant and len(a.quant) > 1 else None, context=a.context, concurrency=a.concurrency,
        kv_dtype=a.kv_dtype, output_tokens=a.output_tokens, gpu_id=a.gpu, gpu_count=a.gpus, tp=a.tp, pp=a.pp,
        mfu=a.mfu, network=a.network, currency=currency, budget=a.budget, deadline_days=a.deadline_days,
        deployment=a.deployment, own=dict(a.own), max_gpus=a.max_gpus, cloud_price=a.cloud_price,
        power_limit_kw=a.power_limit_kw, rank_by=a.rank, pricing=a.pricing, cloud_offer=a.offer,
        gpu_price=a.gpu_price, fx_jpy_per_usd=a.fx, fx_as_of=a.fx_date, hours_per_day=a.hours_per_day,
        days_per_month=a.days_per_month, electricity_price_per_kwh=a.electricity_price, pue=a.pue, years=a.years,
    )
    fields = {k: v for k, v in fields.items() if v is not None}
    try:
        return Scenario(**fields), lang
    except ValidationError as e:
        raise UsageError(_validation_line(e, fields)) from None


def _unknown_gpu(flag: str, gpu_id: str) -> UsageError:
    ids = ", ".join(g.id for g in catalog().gpus())
    return UsageError(translate("CLI", "argument {0}: unknown GPU {1!r}; allowed: {2}").format(flag, gpu_id, ids))


def _validation_line(e, fields: dict) -> str:
    """One line for a pydantic ValidationError: the flag, the value, what is allowed."""
    from app.wording import validation_message

    err = e.errors()[0]
    loc = [str(x) for x in err.get("loc", ())]
    name = loc[-1] if loc else ""
    flag = FIELD_FLAGS.get(name, "input")
    value = err.get("input")
    if isinstance(value, (dict, list)) or name == "":
        value = fields.get(name)
    msg = validation_message(err)
    if name in FIELD_FLAGS:
        return translate("CLI", "argument {0}: {1!r}: {2}").format(flag, value, msg)
    if err.get("type") in CODE_FLAGS:  # a rule across fields: name the flag that fixes it
        return translate("CLI", "argument {0}: {1}").format(CODE_FLAGS[err["type"]], msg)
    return translate("CLI", "invalid input: {0}").format(msg)


def plan_document(plan, scenario, lang: str, catalog_version: str) -> dict:
    """The contract's JSON document (gpu-planner.plan/1)."""
    from app.wording import finding_message, suggestion_message, verdict_message

    cur = scenario.currency

    def finding(f):
        return {"code": f.code, "severity": f.severity, "params": f.params,
                "message": finding_message(f.code, f.params, lang, cur)}

    wl = plan.workload
    doc = {
        "schema": plan.schema_id,
        "goal": plan.goal,
        "model": plan.model_id,
        "catalog_version": catalog_version,
        "currency": cur,
        "workload": {"params": wl.params, "active_params": wl.active_params, "tokens": wl.tokens,
                     "train_flops": wl.train_flops, "hardware_flops": wl.hardware_flops,
                     "trainable_params": wl.trainable_params,
                     "adjustments": [finding(f) for f in wl.adjustments]},
        "options": [],
        "rejected": [{"gpu": r.gpu, "code": r.code, "params": r.params,
                      "message": finding_message(r.code, r.params, lang, cur)} for r in plan.rejected],
        "verdict": {"feasible": plan.verdict.feasible, "code": plan.verdict.code, "params": plan.verdict.params,
                    "message": verdict_message(plan.verdict.code, plan.verdict.params, lang, cur),
                    "suggestions": [{"code": x.code, "params": x.params, "distance": x.distance,
                                     "message": suggestion_message(x.code, x.params, lang, cur)}
                                    for x in plan.verdict.suggestions]},
        "rejected_summary": plan.rejected_summary,
        "evaluated": plan.evaluated,
        "assumptions": [a.model_dump() for a in plan.assumptions],
        "findings": [finding(f) for f in plan.findings],
    }
    for o in plan.options:
        d = o.model_dump()
        d["mfu_range"] = list(o.mfu_range)
        d["wall_clock_s_range"] = list(o.wall_clock_s_range)
        d["findings"] = [finding(f) for f in o.findings]
        doc["options"].append(d)
    return doc


def use_language(lang: str, gui: bool = False) -> None:
    """Messages in ``lang``. Without ``gui`` no Qt application is made (app.i18n.translate asks the
    translator directly); with ``gui`` (a PDF will be drawn) the offscreen QApplication gets it."""
    from app.i18n import set_language

    if gui:
        from app.ui.report.pdf import ensure_gui_app

        ensure_gui_app()
    set_language(lang)


def cmd_plan(a: argparse.Namespace) -> int:
    from app.core.planner import plan as run_plan

    scenario, lang = scenario_from_args(a)
    use_language(lang, gui=bool(a.pdf))
    if a.pdf:
        from pathlib import Path

        parent = Path(a.pdf).resolve().parent
        if not parent.is_dir():
            raise UsageError(translate("CLI", "argument --pdf: folder {0!r} does not exist").format(str(parent)))
    try:
        result = run_plan(scenario, list(catalog().gpus()), list(catalog().offers()))
    except ValueError as e:
        raise UsageError(translate("CLI", "invalid input: {0}").format(e)) from None
    if a.pdf:
        pages = write_report_pdf(result, scenario, a.pdf, lang, a.name or scenario.model.name)
        print(translate("CLI", "wrote {0} ({1} pages)").format(a.pdf, pages), file=sys.stderr)
    if a.json:
        doc = plan_document(result, scenario, lang, catalog().version())
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif a.pdf:
        pass
    else:
        from app.wording import render_summary

        print(render_summary(result, scenario, lang))
    return EXIT_OK


def _entry_json(kind: str, e) -> dict:
    d = e.model_dump()
    d.setdefault("name", getattr(e, "name", e.id))
    return d


def _entry_line(kind: str, e) -> str:
    from app.wording import fmt_bytes, fmt_date, pricing_text

    if kind == "gpus":
        link = (translate("CLI", "NVLink x{0}").format(e.nvlink_domain) if e.has_nvlink
                else translate("CLI", "PCIe only"))
        what = f"{fmt_bytes(e.memory_bytes):>8}  BF16 {e.peak_flops_bf16 / 1e12:7.1f} TFLOPS  {link}"
    elif kind == "models":
        moe = translate("CLI", " ({0:.1f}B active)").format(e.params_active / 1e9) if e.is_moe else ""
        what = translate("CLI", "{0:8.2f}B{1}  context {2}  {3}").format(e.params_total / 1e9, moe, e.context, e.license)
    elif kind == "runs":
        hours = (translate("CLI", "{0:,.0f} GPU-hours").format(e.gpu_hours) if e.gpu_hours
                 else translate("CLI", "GPU-hours not published"))
        what = f"{e.gpu_count or '?'} x {e.gpu or e.gpu_name or '?'}  {hours}"
    else:
        what = translate("CLI", "{0}  {1:g} {2} per GPU-hour  {3}  {4}").format(
            e.gpu, e.price_per_gpu_hour, e.currency, pricing_text(e.pricing), e.region)
    mark = translate("CLI", "  [yours]") if e.origin == "user" else ""
    return f"{e.id:34} {getattr(e, 'name', ''):34.34} {what}  " + translate("CLI", "(as of {0})").format(fmt_date(e.as_of, current_language())) + mark


_KINDS = {"gpus": QT_TRANSLATE_NOOP("CLI", "GPUs"), "models": QT_TRANSLATE_NOOP("CLI", "models"),
          "runs": QT_TRANSLATE_NOOP("CLI", "published runs"), "offers": QT_TRANSLATE_NOOP("CLI", "cloud offers")}


def kind_text(kind: str) -> str:
    return translate("CLI", _KINDS.get(kind, kind))



def write_report_pdf(result, scenario, path: str, lang: str, name: str) -> int:
    """The PDF report (Qt offscreen, the bundled Japanese font, translations for ``lang``)."""
    from app.ui.report.document import build_report
    from app.ui.report.pdf import ensure_gui_app, write_pdf

    ensure_gui_app()
    try:
        return write_pdf(build_report(result, scenario, catalog(), name, lang), path)
    except OSError as e:
        raise UsageError(translate("CLI", "argument --pdf: cannot write {0!r}: {1}").format(path, e.strerror or e)) from None


def cmd_catalog(a: argparse.Namespace) -> int:
    from app.catalog.csv_io import CatalogCsvError

    if a.action == "build":
        from pathlib import Path

        from app.catalog.build import build
        from app.paths import catalog_db_path, data_dir

        counts = build(Path(a.data) if a.data else data_dir(), Path(a.out) if a.out else catalog_db_path())
        print(translate("CLI", "built {0}: {1}").format(
            a.out or str(catalog_db_path()), ", ".join(f"{v} {kind_text(k)}" for k, v in counts.items())))
        return EXIT_OK
    cat = catalog()
    for problem in cat.problems:
        from app.wording import catalog_problem_message

        print(translate("CLI", "gpu-planner: warning: {0}").format(catalog_problem_message(problem)), file=sys.stderr)
    if a.action == "import":
        try:
            kind, added, replaced = cat.import_csv(a.file)
        except FileNotFoundError:
            raise UsageError(translate("CLI", "argument FILE.csv: {0!r} does not exist").format(a.file)) from None
        except CatalogCsvError as e:
            from app.wording import csv_problem_message

            shown = "; ".join(csv_problem_message(p) for p in e.problems[:3])
            more = translate("CLI", " (and {0} more)").format(len(e.problems) - 3) if len(e.problems) > 3 else ""
            raise UsageError(translate("CLI", "{0}: nothing imported: {1}{2}").format(a.file, shown, more)) from None
        print(translate("CLI", "imported {0} {1} into {2} ({3} new, {4} replacing an existing id)").format(
            added + replaced, kind_text(kind), cat.overlay_path, added, replaced))
        return EXIT_OK
    if a.action == "export":
        n = cat.export_csv(a.export_kind, a.file, a.origin)
        print(translate("CLI", "wrote {0} {1} to {2}").format(n, kind_text(a.export_kind), a.file))
        return EXIT_OK
    if a.action == "remove":
        if not cat.remove(a.remove_kind, a.entry_id):
            raise UsageError(translate("CLI", "argument ID: {0!r} is not one of your own {1} (shipped entries cannot be removed; import a row with the same id to override one)").format(
                a.entry_id, kind_text(a.remove_kind)))
        print(translate("CLI", "removed {0} from your {1}").format(a.entry_id, kind_text(a.remove_kind)))
        return EXIT_OK
    items = [e for e in cat.entries(a.action) if a.origin == "all" or e.origin == a.origin]
    if a.json:
        json.dump([_entry_json(a.action, i) for i in items], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for i in items:
            print(_entry_line(a.action, i))
    return EXIT_OK


def cmd_capacity(a: argparse.Namespace) -> int:
    from app.core.inventory import capacity

    gid, n = a.own
    gpu = catalog().gpu(gid)
    if gpu is None:
        raise _unknown_gpu("--own", gid)
    kw = {"network": a.network} if a.network else {}
    rows = capacity(gpu, n, **kw)
    if a.json:
        doc = {"schema": "gpu-planner.capacity/1", "gpu": gid, "gpu_count": n, "catalog_version": catalog().version(),
               "rows": [r.model_dump() for r in rows]}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from app.wording import render_capacity

    print(render_capacity(gpu, n, rows, a.lang or default_lang()))
    return EXIT_OK


def cmd_backtest(a: argparse.Namespace) -> int:
    from app.core.backtest import backtest

    cat = catalog()
    result = backtest(list(cat.runs()), list(cat.gpus()), list(cat.models()))
    if a.json:
        doc = {"schema": "gpu-planner.backtest/1", "catalog_version": cat.version(),
               "rows": [r.model_dump() for r in result.rows],
               "summary": [s.model_dump() for s in result.summaries]}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from app.wording import render_backtest

    print(render_backtest(result))
    return EXIT_OK


def cmd_gui(_a: argparse.Namespace | None = None) -> int:
    from app.ui.application import run

    return run()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    use_language(_argv_lang(argv) or default_lang())
    try:
        parser = build_parser()
        with _translated_argparse():
            a = parser.parse_args(argv)
        if a.selftest:
            from app.selftest import run as selftest

            return selftest()
        if a.command in (None, "gui"):
            return cmd_gui(a)
        if a.command == "plan":
            return cmd_plan(a)
        if a.command == "catalog":
            return cmd_catalog(a)
        if a.command == "backtest":
            return cmd_backtest(a)
        if a.command == "capacity":
            return cmd_capacity(a)
        raise UsageError(translate("CLI", "unknown command {0!r}").format(a.command))
    except UsageError as e:
        print(translate("CLI", "gpu-planner: error: {0}").format(e), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_ERROR
    except CatalogError as e:
        print(translate("CLI", "gpu-planner: error: {0}").format(e), file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # never a traceback for the user; the message names what failed
        print(translate("CLI", "gpu-planner: internal error: {0}: {1}").format(type(e).__name__, e), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())

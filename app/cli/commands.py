"""The commands: each reads its arguments, asks app.planning, and prints or writes what app.present
makes of the answer. Exit status: 0 success; 2 invalid input (one line on stderr naming the flag, the
value and what is allowed; never a traceback); 1 anything else (docs/cli.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.parser import UsageError
from app.i18n import translate

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def catalog() -> Any:
    """The process catalog (shipped catalog.db + the user's overlay)."""
    from app.catalog.repository import default_catalog

    return default_catalog()


def default_lang() -> str:
    """The language when --lang is not given: the system's (LC_ALL, LC_MESSAGES, LANG, then Qt's locale)."""
    from app.i18n import system_language

    return system_language()


def use_language(lang: str, gui: bool = False) -> None:
    """Messages in ``lang``. Without ``gui`` no Qt application is made (app.i18n.translate asks the
    translator directly); with ``gui`` (a PDF will be drawn) the offscreen QApplication gets it."""
    from app.i18n import set_language

    if gui:
        from app.ui.report.pdf import ensure_gui_app

        ensure_gui_app()
    set_language(lang)


def _utf8_stdout() -> bool:
    import codecs

    try:
        return codecs.lookup(sys.stdout.encoding or "ascii").name.startswith("utf")
    except LookupError:
        return False


def _dump(doc: Any) -> None:
    """JSON on stdout: UTF-8 text where stdout takes it, else \\u escapes (still the same JSON;
    a Shift-JIS or Latin-1 console cannot show every character the document holds)."""
    json.dump(doc, sys.stdout, ensure_ascii=not _utf8_stdout(), indent=2)
    sys.stdout.write("\n")


def scenario_from_args(a: argparse.Namespace) -> tuple[Any, Any, str]:
    """(request, Scenario, language) for ``plan`` arguments (``plan_inputs`` without the data count)."""
    request, scenario, lang, _data = plan_inputs(a)
    return request, scenario, lang


def plan_inputs(a: argparse.Namespace) -> tuple[Any, Any, str, dict[str, Any] | None]:
    """(request, Scenario, language, the --data count) for ``plan`` arguments; UsageError with one line when the
    request cannot be answered."""
    from app.cli.args import error_line, request_from_args
    from app.cli.data import plan_data
    from app.planning.request import RequestError, to_scenario

    lang = a.lang or default_lang()
    request = request_from_args(a, lang)
    try:
        if a.data and request.goal != "finetune":
            to_scenario(request, catalog())  # a wrong flag is reported before a long count
        request, data = plan_data(a, request, catalog())
        return request, to_scenario(request, catalog()), lang, data
    except RequestError as e:
        raise UsageError(error_line(e.errors[0])) from None


def _check_output(flag: str, path: str | None) -> None:
    """Refuse a folder, a missing folder or a path the system cannot use (too long, a symlink loop)
    before any work is done."""
    import os

    if not path:
        return
    try:
        if Path(path).is_dir():
            raise UsageError(translate("CLI", "argument {0}: {1!r} is a folder, not a file").format(flag, path))
        folder = Path(os.path.abspath(path)).parent
        if not folder.is_dir():
            raise UsageError(translate("CLI", "argument {0}: folder {1!r} does not exist").format(flag, str(folder)))
        if os.path.lexists(path):
            os.stat(path)  # a symlink loop or a dangling link's reason, now rather than after planning
    except FileNotFoundError:
        return  # a dangling symlink: written through to its target's folder, which write_atomic checks
    except OSError as e:
        raise UsageError(translate("CLI", "argument {0}: cannot write {1!r}: {2}").format(flag, path, e.strerror or e)) from None


def _write_failed(flag: str, path: str, e: OSError) -> UsageError:
    """One line for an output that could not be written (nothing was written; an old file is kept)."""
    from app.fileio import FileProblem
    from app.present.text.messages import file_problem_message

    if isinstance(e, FileProblem):
        return UsageError(translate("CLI", "argument {0}: {1}").format(flag, file_problem_message(e)))
    return UsageError(translate("CLI", "argument {0}: cannot write {1!r}: {2}").format(flag, path, e.strerror or e))


def cmd_plan(a: argparse.Namespace) -> int:
    from app.planning.outcome import build_outcome, with_sensitivity

    request, scenario, lang, data = plan_inputs(a)
    use_language(lang, gui=bool(a.pdf))
    _check_output("--pdf", a.pdf)
    _check_output("--save", a.save)
    try:
        out = build_outcome(scenario, catalog(), curves=bool(a.pdf or a.json), with_backtest=bool(a.pdf))
        out = with_sensitivity(out, catalog())
    except ValueError as e:
        raise UsageError(translate("CLI", "invalid input: {0}").format(e)) from None
    from app.present.text.format import model_name

    name = a.name or model_name(scenario.model)  # "custom model" in the report's language
    if a.save:
        _save(a.save, request, name)
    if a.pdf:
        pages = write_report_pdf(out, a.pdf, lang, name)
        print(translate("CLI", "wrote {0} ({1} pages)").format(a.pdf, pages), file=sys.stderr)
    if a.json:
        from app.present.contract import plan_document

        doc = plan_document(out, lang, schema_version=a.schema_version)
        if data is not None:
            doc["data"] = data
        _dump(doc)
    elif not a.pdf:
        from app.present.summary import render_summary

        print(render_summary(out, lang, top=a.top))
        from app.present.sensitivity import render_sensitivity

        text = render_sensitivity(out, lang)
        if text:
            print(text)
        if data is not None:
            from app.present.data import render_comparison

            print(render_comparison(data, lang))
    return EXIT_OK


def _save(path: str, request: Any, name: str) -> None:
    """The plan file the desktop app opens (the request as given: defaults stay defaults)."""
    from app import __version__
    from app.planning import planfile
    from app.planning.request import given

    body = given(request)
    try:
        planfile.write(path, planfile.PlanFile(request=body, name=name, app_version=__version__,
                                               catalog_version=catalog().version()))
    except OSError as e:
        raise _write_failed("--save", path, e) from None


def write_report_pdf(out: Any, path: str, lang: str, name: str) -> int:
    """The PDF report (Qt offscreen, the bundled Japanese font, translations for ``lang``)."""
    from app.present.report import build_report
    from app.ui.report.pdf import ensure_gui_app, write_pdf

    ensure_gui_app()
    try:
        return write_pdf(build_report(out, name, lang), path)
    except OSError as e:
        raise _write_failed("--pdf", path, e) from None


def cmd_catalog(a: argparse.Namespace) -> int:
    from app.catalog.csv_io import CatalogCsvError
    from app.present.text.messages import kind_text

    if a.action == "add-model":
        from app.cli.data import cmd_add_model

        return cmd_add_model(a, catalog())
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
        from app.present.text.messages import catalog_problem_message

        print(translate("CLI", "gpu-planner: warning: {0}").format(catalog_problem_message(problem)), file=sys.stderr)
    if a.action == "import":
        from app.fileio import FileProblem
        from app.present.text.messages import file_problem_message

        try:
            preview = cat.preview_import(a.file)
            if not a.dry_run:
                cat.apply_import(preview)
        except FileNotFoundError:
            raise UsageError(translate("CLI", "argument FILE.csv: {0!r} does not exist").format(a.file)) from None
        except FileProblem as e:
            raise UsageError(translate("CLI", "argument FILE.csv: {0}").format(file_problem_message(e))) from None
        except OSError as e:
            raise UsageError(translate("CLI", "argument FILE.csv: cannot read {0!r}: {1}").format(a.file, e.strerror or e)) from None
        except CatalogCsvError as e:
            from app.present.text.messages import csv_problem_message

            shown = "; ".join(csv_problem_message(p) for p in e.problems[:3])
            more = translate("CLI", " (and {0} more)").format(len(e.problems) - 3) if len(e.problems) > 3 else ""
            raise UsageError(translate("CLI", "{0}: nothing imported: {1}{2}").format(a.file, shown, more)) from None
        from app.present.summary import render_import_preview

        print(render_import_preview(preview, applied=not a.dry_run))
        if not a.dry_run:
            print(translate("CLI", "imported {0} {1} into {2} ({3} new, {4} replacing an existing id)").format(
                len(preview.added) + len(preview.changed) + preview.unchanged, kind_text(preview.kind), cat.overlay_path,
                len(preview.added), len(preview.changed) + preview.unchanged))
        else:
            print(translate("CLI", "nothing written (--dry-run)"))
        encoding = preview.encoding
        if encoding != "utf-8":
            print(translate("CLI", "note: {0} was read as Shift-JIS (cp932), not UTF-8").format(a.file), file=sys.stderr)
        return EXIT_OK
    if a.action == "export":
        _check_output("FILE.csv", a.file)
        try:
            n = cat.export_csv(a.export_kind, a.file, a.origin)
        except OSError as e:
            raise _write_failed("FILE.csv", a.file, e) from None
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
        from app.present.contract import entry_document

        _dump([entry_document(i) for i in items])
    else:
        from app.present.summary import entry_line

        for i in items:
            print(entry_line(a.action, i))
    return EXIT_OK


def cmd_capacity(a: argparse.Namespace) -> int:
    from app.core.inventory import capacity

    gid, n = a.own
    gpu = catalog().gpu(gid)
    if gpu is None:
        raise UsageError(translate("CLI", "argument {0}: unknown GPU {1!r}; allowed: {2}").format(
            "--own", gid, ", ".join(g.id for g in catalog().gpus())))
    kw = {"network": a.network} if a.network else {}
    rows = capacity(gpu, n, **kw)
    if a.json:
        from app.present.contract import capacity_document

        _dump(capacity_document(gid, n, rows, catalog().version()))
        return EXIT_OK
    from app.present.summary import render_capacity

    print(render_capacity(gpu, n, rows, a.lang or default_lang()))
    return EXIT_OK


def cmd_backtest(a: argparse.Namespace) -> int:
    from app.core.backtest import backtest

    cat = catalog()
    result = backtest(list(cat.runs()), list(cat.gpus()), list(cat.models()))
    if a.json:
        from app.present.contract import backtest_document

        _dump(backtest_document(result, cat.version()))
        return EXIT_OK
    from app.present.summary import render_backtest

    print(render_backtest(result))
    return EXIT_OK


def cmd_gui(_a: argparse.Namespace | None = None) -> int:
    from app.ui.application import run

    return run()


def cmd_calibrate(a: argparse.Namespace) -> int:
    """Record a training run the user measured (tokens/s per GPU, or step time with the global batch)
    in their catalog; list them with what the planner predicts for each."""
    import datetime

    from app.core.calibration import predicted_rate

    cat = catalog()
    models = {m.id: m for m in cat.models()}
    gpus = {g.id: g for g in cat.gpus()}
    if a.list:
        rows = []
        for m in cat.measurements():
            pred = predicted_rate(m, models[m.model], gpus[m.gpu]) if m.model in models and m.gpu in gpus else None
            rows.append({**m.model_dump(), "predicted_tokens_per_s_per_gpu": pred,
                         "factor": m.tokens_per_s_per_gpu / pred if pred else None})
        if a.json:
            _dump({"schema": "gpu-planner.measurements/1", "measurements": rows})
        elif not rows:
            print(translate("CLI", "No measurements yet: record one with gpu-planner calibrate --gpu … --model … --stack … --gpus … --tokens-per-s …"))
        else:
            for r in rows:
                print(translate("CLI", "{0}: {1} x {2}, {3} ({4}, {5}): measured {6:,.0f} tokens/s per GPU, predicted {7:,.0f} (x{8:.2f})").format(
                    r["id"], r["gpu_count"], r["gpu"], r["model"], r["stack"], r["method"], r["tokens_per_s_per_gpu"],
                    r["predicted_tokens_per_s_per_gpu"] or 0.0, r["factor"] or 0.0))
        return EXIT_OK
    for flag, value in (("--gpu", a.gpu), ("--model", a.model), ("--stack", a.stack), ("--gpus", a.gpus)):
        if value is None:
            raise UsageError(translate("CLI", "{0} is required: the setup you measured").format(flag))
    if a.gpu not in gpus:
        raise UsageError(translate("CLI", "--gpu {0!r} is not in the catalog; see gpu-planner catalog gpus").format(a.gpu))
    if a.model not in models:
        raise UsageError(translate("CLI", "--model {0!r} is not in the catalog; see gpu-planner catalog models").format(a.model))
    for flag, value in (("--gpus", a.gpus), ("--seq-len", a.seq_len), ("--tokens-per-s", a.tokens_per_s),
                        ("--step-time-s", a.step_time_s), ("--global-batch", a.global_batch)):
        if value is not None and not value > 0:
            raise UsageError(translate("CLI", "{0} {1} must be greater than 0").format(flag, value))
    if (a.tokens_per_s is None) == (a.step_time_s is None):
        raise UsageError(translate("CLI", "give --tokens-per-s, or --step-time-s with --global-batch"))
    rate = a.tokens_per_s
    if rate is None:
        if a.global_batch is None:
            raise UsageError(translate("CLI", "--step-time-s needs --global-batch (sequences per step)"))
        rate = a.global_batch * a.seq_len / (a.step_time_s * a.gpus)
    entry_id = a.entry_id or f"mine-{a.gpu}-{a.model}-{a.stack}-{a.method}-{a.gpus}".lower().replace("_", "-")
    record = {"id": entry_id, "gpu": a.gpu, "model": a.model, "stack": a.stack, "method": a.method,
              "precision": a.precision, "gpu_count": a.gpus, "seq_len": a.seq_len, "tokens_per_s_per_gpu": rate,
              "source": "your measurement", "as_of": datetime.date.today().isoformat(), "notes": a.notes}
    from app.catalog.csv_io import check_record

    checked, problems = check_record("measurements", record, cat.known_ids(), where="calibrate")
    if problems or checked is None:
        raise UsageError(str(problems[0]))
    cat.add("measurements", checked)
    from app.core.specs import Measurement

    m = Measurement(**{k: v for k, v in record.items()})
    pred = predicted_rate(m, models[a.model], gpus[a.gpu])
    doc = {"schema": "gpu-planner.measurement/1", "measurement": record, "predicted_tokens_per_s_per_gpu": pred,
           "factor": rate / pred}
    if a.json:
        _dump(doc)
    else:
        print(translate("CLI", "recorded {0}: {1:,.0f} tokens/s per GPU measured, {2:,.0f} predicted; plans on {3} with {4} now use x{5:.2f}").format(
            entry_id, rate, pred, a.gpu, a.stack, rate / pred))
    return EXIT_OK


def cmd_tokens(a: argparse.Namespace) -> int:
    from app.cli.data import count, tokenizer_arg
    from app.present.data import render_tokens, tokens_document

    lang = a.lang or default_lang()
    use_language(lang)
    families, tok_json = tokenizer_arg(a.tokenizer)
    stats = count(a.paths, tok_json, "PATH")
    doc = tokens_document(stats, families, tok_json)
    if a.json:
        _dump(doc)
    else:
        print(render_tokens(doc, lang))
    return EXIT_OK


def cmd_compare(a: argparse.Namespace) -> int:
    """Plans side by side: the inputs that differ and each plan's key results (``gpu-planner.compare/1``)."""
    from app.planning.compare import compare_plans

    lang = a.lang or default_lang()
    use_language(lang, gui=bool(a.pdf))
    if not 2 <= len(a.files) <= 6:
        raise UsageError(translate("CLI", "compare takes 2 to 6 plan files, not {0}").format(len(a.files)))
    _check_output("--pdf", a.pdf)
    from app.planning.compare import CompareError

    try:
        cmp = compare_plans(a.files, catalog(), curves=bool(a.pdf))
    except CompareError as e:
        from app.cli.args import error_line

        errors = getattr(e.error, "errors", None)
        why = error_line(errors[0]) if errors else translate("CLI", "cannot be opened ({0})").format(getattr(e.error, "code", e.error))
        raise UsageError(translate("CLI", "{0}: {1}").format(e.where, why)) from None
    if a.pdf:
        from app.ui.report.pdf import write_compare_pdf

        try:
            pages = write_compare_pdf(cmp, a.pdf, lang)
        except OSError as e:
            raise _write_failed("--pdf", a.pdf, e) from None
        print(translate("CLI", "wrote {0} ({1} pages)").format(a.pdf, pages), file=sys.stderr)
    from app.present.sensitivity import compare_document, render_compare

    if a.json:
        _dump(compare_document(cmp, lang))
    elif not a.pdf:
        print(render_compare(cmp, lang))
    return EXIT_OK

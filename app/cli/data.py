"""Files the user brings: ``tokens`` (count a corpus: ``count``), ``plan --data`` (the count feeds the plan),
``catalog add-model`` (a model file into the user's catalog)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from app.cli.parser import UsageError
from app.i18n import translate


def tokenizer_arg(value: str | None) -> tuple[list[str], str | None]:
    from app.planning.corpus import parse_tokenizer

    try:
        return parse_tokenizer(value)
    except ValueError as e:
        raise UsageError(translate("CLI", "argument {0}: {1}").format("--tokenizer", e)) from None


def count(paths: list[str], tokenizer_json: str | None, flag: str) -> Any:
    """The corpus at ``paths``, counted; UsageError when nothing there is text or the tokenizer fails."""
    from app.planning.corpus import scan

    try:
        stats = scan(paths, tokenizer=tokenizer_json)
    except Exception as e:  # the tokenizers library raises its own types for a bad tokenizer.json
        if tokenizer_json is None:
            raise
        raise UsageError(translate("CLI", "argument {0}: cannot read {1!r}: {2}").format("--tokenizer", tokenizer_json,
                                                                                        str(e).splitlines()[0] if str(e) else type(e).__name__)) from None
    if not stats.files:
        reasons = ", ".join(sorted({r for _, r in stats.skipped})) or "empty"
        raise UsageError(translate("CLI", "argument {0}: no text files found in {1} ({2} skipped: {3})").format(
            flag, " ".join(paths), len(stats.skipped), reasons))
    return stats


def _model_family(request: Any, catalog: Any) -> str | None:
    from app.core.tokens import family_for
    from app.planning.model_file import ModelFileError, cached_model_file

    if request.model_file:
        try:
            m = cached_model_file(request.model_file).model
        except ModelFileError:
            return None  # to_scenario names the problem
        return family_for(m.id, m.vocab)
    if request.model:
        m = catalog.model(request.model)
        return family_for(m.id, m.vocab) if m else None
    if request.vocab:
        try:
            return family_for("", int(request.vocab))
        except (TypeError, ValueError):
            return None
    return None


def plan_data(a: argparse.Namespace, request: Any, catalog: Any) -> tuple[Any, dict[str, Any] | None]:
    """``plan --data``: the request with the counted tokens (or samples and length), and the
    ``data`` document (the count and the tokenizer comparison)."""
    if not a.data:
        if a.tokenizer:
            raise UsageError(translate("CLI", "argument {0}: needs --data (the files to count)").format("--tokenizer"))
        return request, None
    from app.present.fields import flag

    given = [f for f in ("tokens", "samples", "seq_len") if getattr(request, f) is not None]
    if given:
        raise UsageError(translate("CLI", "argument {0}: give either --data or {1}, not both").format("--data", flag(given[0])))
    if request.goal == "inference":
        raise UsageError(translate("CLI", "argument {0}: counts training data; it does not apply to inference").format("--data"))
    from app.planning.corpus import tokenizer_beside

    families, tok_json = tokenizer_arg(a.tokenizer)
    if not a.tokenizer:
        tok_json = tokenizer_beside(request.model_file)  # the model folder's own tokenizer: an exact count
    own = _model_family(request, catalog)
    if not families and not tok_json and own is None:
        raise UsageError(translate("CLI", "argument {0}: this model's tokenizer is not known; give a family ({1}) or a tokenizer.json").format(
            "--tokenizer", ", ".join(_families())))
    stats = count(a.data, tok_json, "--data")
    from app.planning.corpus import data_fields, tokenizer_comparison
    from app.present.data import tokens_document

    used = families[0] if families else own
    exact = (next(iter(stats.exact)), next(iter(stats.exact.values()))) if stats.exact else None
    tokens = exact[1] if exact else stats.tokens()[used or ""]
    fields = data_fields(stats, request.goal or "", tokens)
    compare = list(dict.fromkeys([x for x in (used, *families, own) if x] + _families()))
    doc = tokens_document(stats, families, tok_json)
    doc["used"] = {"tokenizer": exact[0] if exact else used, "exact": bool(exact), "tokens": tokens, **fields}
    doc["comparison"] = tokenizer_comparison(request, stats, compare, catalog, exact)
    return replace(request, **fields), doc


def _families() -> list[str]:
    from app.core.tokens import FAMILIES

    return list(FAMILIES)


def cmd_add_model(a: argparse.Namespace, cat: Any) -> int:
    from app.planning.model_file import ModelFileError, read_model_file, save_to_catalog
    from app.present.text.messages import validation_message

    try:
        mf = read_model_file(a.model_path)
    except ModelFileError as e:
        msg = validation_message({"type": f"model_file_{e.code}", "ctx": e.params, "msg": e.code})
        raise UsageError(translate("CLI", "argument {0}: {1}").format("PATH", msg)) from None
    try:
        entry = save_to_catalog(cat, mf, a.entry_id)
    except ValueError as e:
        raise UsageError(str(e)) from None
    print(translate("CLI", "added model {0} ({1} parameters) to your catalog; plan it with --model {0}").format(
        entry, f"{mf.model.params_total:,.0f}"), file=sys.stderr)
    return 0

"""Parsed arguments -> PlanRequest, and a request error -> the one line the CLI prints (naming the flag,
the value and what is allowed)."""

from __future__ import annotations

import argparse
from typing import Any

from app.i18n import translate

_NOT_REQUEST = {"command", "json", "schema_version", "pdf", "save", "name", "top", "lang", "selftest", "precision", "quant", "own",
                "offload", "data", "tokenizer"}  # data, tokenizer: app.cli.data.plan_data counts them into tokens/samples


def request_from_args(a: argparse.Namespace, lang: str) -> Any:
    """The PlanRequest the flags describe: every flag given, nothing else (defaults are the Scenario's)."""
    from app.planning.defaults import default_currency
    from app.planning.request import PlanRequest
    from app.present.fields import FLAGS

    field_of = {flag[2:].replace("-", "_"): name for name, flag in FLAGS.items()}  # argparse dest -> field
    values: dict[str, Any] = {}
    for dest, v in vars(a).items():
        if dest in _NOT_REQUEST or v is None or dest not in field_of:
            continue
        values[field_of[dest]] = v
    if a.precision:
        values["precision_choices" if len(a.precision) > 1 else "precision"] = a.precision if len(a.precision) > 1 else a.precision[0]
    if a.quant:
        values["quant_choices" if len(a.quant) > 1 else "quant"] = a.quant if len(a.quant) > 1 else a.quant[0]
    if a.offload:
        values["offload"] = tuple(x for x in a.offload if x != "none")
    if a.own:
        own: dict[str, int] = {}
        for gid, n in a.own:
            own[gid] = own.get(gid, 0) + n
        values["own"] = own
    values.setdefault("currency", default_currency(lang))
    return PlanRequest(**values)


# codes whose sentence already quotes the value
_QUOTES_VALUE = {"not_a_number", "not_money", "money_other_currency", "not_duration", "not_one_of", "unknown_model", "unknown_gpu", "unknown_offer", "not_a_date"}


def error_line(err: Any) -> str:
    """"argument --tp: '3': …": one line for a request field error, in the current language."""
    from app.present.fields import flag
    from app.present.text.messages import validation_message

    name = flag(err.field)
    msg = validation_message(err.as_pydantic())
    if err.code.startswith("unknown_") and err.params.get("close"):
        msg += translate("CLI", "; did you mean {0}?").format(err.params["close"])
    if err.code in _QUOTES_VALUE or err.value is None or isinstance(err.value, (dict, list)):
        return translate("CLI", "argument {0}: {1}").format(name, msg)
    return translate("CLI", "argument {0}: {1!r}: {2}").format(name, err.value, msg)

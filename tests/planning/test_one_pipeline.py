"""One pipeline (issue 15): the same question asked as CLI flags and as a wizard draft gives the same
Scenario and the same JSON document, for every goal, with and without defaults.

The wizard's draft is written the way its widgets write it: text from line edits ("20K", "3000万"),
ints from spin boxes, floats from double spin boxes, a list from the precision check boxes, and
values the user never touched left out, so that both front ends meet the same defaults."""

from __future__ import annotations

import json

import pytest

from app.catalog.repository import default_catalog
from app.cli import main
from app.planning.defaults import default_currency
from app.planning.outcome import build_outcome
from app.planning.request import request_for_goal, resolved, to_scenario
from app.present.contract import plan_document

CASES = {
    "inference, defaults": (["--goal", "inference", "--model", "llama-3.1-70b"],
                            {"goal": "inference", "model": "llama-3.1-70b"}),
    "inference, everything set": (
        ["--goal", "inference", "--model", "llama-3.1-70b", "--quant", "int4", "--context", "8192", "--concurrency", "16",
         "--output-tokens", "256", "--budget", "1M", "--currency", "USD", "--deployment", "cloud", "--years", "2",
         "--hours-per-day", "12", "--pricing", "spot"],
        {"goal": "inference", "model": "llama-3.1-70b", "quant": "int4", "context": 8192, "concurrency": 16,
         "output_tokens": 256, "budget": "1M", "currency": "USD", "deployment": "cloud", "years": 2.0,
         "hours_per_day": 12.0, "pricing": "spot"}),
    "finetune, defaults": (["--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "10000"],
                           {"goal": "finetune", "model": "llama-3.1-8b", "samples": "10000"}),
    "finetune, everything set": (
        ["--goal", "finetune", "--model", "llama-3.1-70b", "--method", "qlora", "--samples", "20K", "--seq-len", "4096",
         "--epochs", "2", "--lora-rank", "64", "--precision", "bf16,fp8", "--budget", "3000万", "--currency", "JPY",
         "--deadline-days", "10", "--own", "rtx-a6000:4", "--fx", "155", "--fx-date", "2026-11-20"],
        {"goal": "finetune", "model": "llama-3.1-70b", "method": "qlora", "samples": "20K", "seq_len": 4096,
         "epochs": 2.0, "lora_rank": 64, "precision_choices": ["bf16", "fp8"], "budget": "3000万", "currency": "JPY",
         "deadline_days": "10", "own": {"rtx-a6000": 4}, "fx_jpy_per_usd": 155.0, "fx_as_of": "2026-11-20"}),
    "cpt, defaults": (["--goal", "cpt", "--model", "qwen2.5-7b"], {"goal": "cpt", "model": "qwen2.5-7b"}),
    "cpt, everything set": (
        ["--goal", "cpt", "--model", "qwen2.5-7b", "--tokens", "50B", "--max-gpus", "64", "--network", "100gbe",
         "--pue", "1.3", "--electricity-price", "0.2", "--deployment", "onprem", "--power-limit-kw", "100"],
        {"goal": "cpt", "model": "qwen2.5-7b", "tokens": "50B", "max_gpus": 64, "network": "100gbe", "pue": 1.3,
         "electricity_price_per_kwh": "0.2", "deployment": "onprem", "power_limit_kw": "100"}),
    "scratch, defaults (a size, no catalog model)": (["--goal", "scratch", "--params", "7B"],
                                                     {"goal": "scratch", "params_total": "7B"}),
    "scratch, everything set": (
        ["--goal", "scratch", "--params", "13B", "--layers", "40", "--hidden", "5120", "--heads", "40",
         "--deadline-days", "60", "--budget", "5M", "--rank", "time", "--days-per-month", "25"],
        {"goal": "scratch", "params_total": "13B", "layers": "40", "hidden": "5120", "heads": "40",
         "deadline_days": "60", "budget": "5M", "rank_by": "time", "days_per_month": 25.0}),
}


def _cli(capsys, flags):
    assert main(["plan", *flags, "--json", "--lang", "en"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def _wizard_scenario(draft):
    """What the wizard plans: its draft (values for other goals kept) narrowed to the goal, with the
    currency the session starts from when no currency is chosen in the settings."""
    cat = default_catalog()
    values = {"currency": default_currency("en"), "samples": "999", **draft}  # samples typed for another goal
    if draft["goal"] == "finetune":
        values["samples"] = draft["samples"]
    return to_scenario(request_for_goal(values), cat)


@pytest.mark.parametrize("case", list(CASES))
def test_cli_flags_and_a_wizard_draft_give_the_same_scenario_and_document(capsys, case):
    flags, draft = CASES[case]
    from app.cli.commands import scenario_from_args
    from app.cli.parser import build_parser

    _request, s_cli, _lang = scenario_from_args(build_parser().parse_args(["plan", *flags, "--lang", "en"]))
    s_wiz = _wizard_scenario(draft)
    assert s_cli == s_wiz
    doc_cli = _cli(capsys, flags)
    doc_wiz = plan_document(build_outcome(s_wiz, default_catalog(), with_backtest=False), "en")
    assert json.dumps(doc_wiz, sort_keys=True) == json.dumps(doc_cli, sort_keys=True)


@pytest.mark.parametrize("case", list(CASES))
def test_the_echoed_request_replays_the_same_plan(capsys, case):
    """``request`` in the JSON carries every input and every default used: planned again it gives the
    same Scenario (and so the same plan)."""
    flags, _ = CASES[case]
    doc = _cli(capsys, flags)
    from app.planning.request import PlanRequest

    echoed = {k: v for k, v in doc["request"].items() if v is not None}
    again = to_scenario(PlanRequest(**echoed), default_catalog())
    first = _wizard_scenario(CASES[case][1])
    assert resolved(again) == resolved(first) == doc["request"]


def test_the_defaults_are_the_same_everywhere_and_stated(capsys):
    """A fine-tune with nothing but samples: LoRA, 2,048-token samples, BF16, the registry's money
    figures; the JSON echoes each default in ``request`` and names it in ``assumptions``."""
    from app.core import assumptions as A

    doc = _cli(capsys, ["--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "1000"])
    r = doc["request"]
    assert (r["method"], r["seq_len"], r["precision"], r["lora_rank"]) == ("lora", 2048, "bf16", 16)
    assert (r["pue"], r["fx_jpy_per_usd"], r["hours_per_day"], r["years"]) == (
        A.value("pue"), A.value("fx_jpy_per_usd"), A.value("hours_per_day"), A.value("years"))
    named = {a["name"]: a for a in doc["assumptions"]}
    assert named["seq_len_finetune"]["value"] == 2048 and named["seq_len_finetune"]["set_by"] == "default"
    assert named["pue"]["value"] == A.value("pue") and named["pue"]["source"]
    doc = _cli(capsys, ["--goal", "scratch", "--model", "llama-3.1-8b"])
    assert doc["request"]["seq_len"] == 4096 and "method" not in doc["request"]


@pytest.mark.parametrize("flags, flag", [
    (["--goal", "cpt", "--model", "llama-3.1-8b", "--method", "lora"], "--method"),
    (["--goal", "inference", "--model", "llama-3.1-8b", "--samples", "100"], "--samples"),
    (["--goal", "scratch", "--model", "llama-3.1-8b", "--quant", "int4"], "--quant"),
    (["--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "100", "--method", "full", "--lora-rank", "8"], "--lora-rank"),
])
def test_a_flag_for_another_goal_is_refused_in_one_line(capsys, flags, flag):
    """The goal rules live in the Scenario's validators; the wizard never sends such a field (it is
    hidden), the CLI names the flag."""
    assert main(["plan", *flags, "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"argument {flag}:" in err

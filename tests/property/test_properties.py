"""Property-based tests (hypothesis): any Scenario and any command line either is refused with a
clear message or gives sane output — no exception, no NaN or infinity, no negative time or cost.

The "ci" profile (default) runs >= 2,000 generated cases in all; ``HYPOTHESIS_PROFILE=long`` runs
ten times more (``python3 -m pytest tests/property``).
"""

from __future__ import annotations

import json
import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from app.catalog.repository import default_catalog
from app.core.scenario import Scenario
from app.core.specs import custom_model

# HYPOTHESIS_PROFILE=long: ten times the cases (the counts below are per test, so a profile alone would not do)
SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 1
CAT = default_catalog()
GPUS = list(CAT.gpus())
OFFERS = list(CAT.offers())
MODELS = [m for m in CAT.models()]
GPU_IDS = [g.id for g in GPUS]

maybe = lambda s: st.one_of(st.none(), s)  # noqa: E731


NASTY = st.sampled_from([0.0, -1.0, -1e9, 1e-12, 1e30, float("nan"), float("inf"), float("-inf"), "x", "", 3, None])


@st.composite
def scenarios(draw):
    """Mostly valid scenarios (so that planning itself is exercised), and in a third of the cases one
    or two fields replaced by something nasty (so that refusals are exercised too)."""
    goal = draw(st.sampled_from(["inference", "finetune", "cpt", "scratch"]))
    if draw(st.integers(0, 3)) > 0:
        model = draw(st.sampled_from(MODELS))
    else:
        params = draw(st.one_of(st.floats(min_value=1e7, max_value=2e12), st.sampled_from([0.0, -5.0, 1e15])))
        try:
            model = custom_model(params, None)
        except (ValidationError, ValueError):
            model = None
    kw = dict(goal=goal, model=model)
    if goal != "inference":  # fields of another goal are refused (app.core.scenario.FIELD_GOALS)
        kw["tokens"] = draw(maybe(st.floats(min_value=1e6, max_value=3e13)))
        kw["deadline_days"] = draw(maybe(st.floats(min_value=0.01, max_value=5000)))
        kw["mfu"] = draw(maybe(st.floats(min_value=0.01, max_value=1)))
    if goal == "finetune":
        kw["samples"] = draw(st.floats(min_value=1, max_value=1e7))
        kw["method"] = draw(st.sampled_from(["full", "lora", "qlora"]))
        kw["epochs"] = draw(st.floats(min_value=0.1, max_value=10))
        kw["seq_len"] = draw(st.integers(min_value=16, max_value=200_000))
    if goal == "inference":
        kw["quant"] = draw(st.sampled_from(["bf16", "fp8", "int8", "int4", "q4_k_m"]))
        kw["context"] = draw(maybe(st.integers(min_value=1, max_value=2_000_000)))
        kw["concurrency"] = draw(st.integers(min_value=1, max_value=5000))
    else:
        kw["precision"] = draw(st.sampled_from(["bf16", "fp8", "fp16", "fp32"]))
    kw["currency"] = draw(st.sampled_from(["JPY", "USD"]))
    kw["budget"] = draw(maybe(st.floats(min_value=1, max_value=1e12)))
    kw["deployment"] = draw(st.sampled_from(["cloud", "onprem", "any"]))
    kw["pue"] = draw(st.floats(min_value=1.0, max_value=3.0))
    kw["fx_jpy_per_usd"] = draw(st.floats(min_value=50, max_value=300))
    kw["hours_per_day"] = draw(st.floats(min_value=0.1, max_value=24))
    kw["years"] = draw(st.floats(min_value=0.1, max_value=10))
    kw["max_gpus"] = draw(st.integers(min_value=1, max_value=4096))
    if draw(st.integers(0, 3)) > 0:  # mostly one configuration (fast); otherwise the whole search
        kw["gpu_id"] = draw(st.sampled_from(GPU_IDS))
        kw["gpu_count"] = draw(st.integers(min_value=1, max_value=2048))
    if draw(st.booleans()):
        kw["own"] = {draw(st.sampled_from(GPU_IDS)): draw(st.integers(min_value=1, max_value=64))}
    kw["cloud_price"] = draw(maybe(st.floats(min_value=0, max_value=1e4)))
    kw["gpu_price"] = draw(maybe(st.floats(min_value=0, max_value=1e8)))
    if draw(st.integers(0, 2)) == 0:
        for key in draw(st.lists(st.sampled_from(sorted(kw)), min_size=1, max_size=2)):
            kw[key] = draw(NASTY)
    return {k: v for k, v in kw.items() if v is not None}


def _finite_nonneg(x, what) -> None:
    if x is None:
        return
    assert isinstance(x, (int, float)) and math.isfinite(x) and x >= 0, (what, x)


def check_plan(p) -> None:
    for o in p.options:
        _finite_nonneg(o.duration_s, "job_s or request_s")
        for v in o.duration_s_range:
            _finite_nonneg(v, "job_s_range or request_s_range")
        _finite_nonneg(o.gpu_hours, "gpu_hours")
        _finite_nonneg(o.cost.cloud, "cost.cloud")
        _finite_nonneg(o.cost.onprem, "cost.onprem")
        _finite_nonneg(o.memory_per_gpu_bytes, "memory")
        _finite_nonneg(o.throughput_tokens_per_s, "throughput")
        assert o.gpu_count >= 1


@settings(max_examples=1500 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_any_scenario_is_refused_clearly_or_planned_sanely(kw):
    from app.planning.outcome import build_outcome
    from app.present.contract import plan_document
    from app.present.text.messages import validation_message, verdict_message

    try:
        s = Scenario(**kw)
    except ValidationError as e:
        assert all(validation_message(err).strip() for err in e.errors())
        return
    try:
        out = build_outcome(s, CAT, curves=False, with_backtest=False)
    except ValueError as e:  # a reference the catalog does not hold (unknown GPU id): the CLI's exit 2
        assert "unknown" in str(e)
        return
    p = out.plan
    check_plan(p)
    assert verdict_message(p.verdict.code, p.verdict.params, "en", s.currency)
    json.dumps(plan_document(out, "en"), allow_nan=False)  # no NaN/inf in the contract JSON


FLAGS = ["--goal", "--model", "--params", "--tokens", "--samples", "--seq-len", "--epochs", "--method", "--precision",
         "--quant", "--context", "--concurrency", "--gpu", "--gpus", "--tp", "--pp", "--mfu", "--budget", "--currency",
         "--deadline-days", "--deployment", "--own", "--max-gpus", "--cloud-price", "--gpu-price", "--pue", "--years",
         "--fx", "--fx-date", "--hours-per-day", "--power-limit-kw", "--rank", "--pricing", "--zero", "--lang"]
VALUES = st.one_of(
    st.sampled_from(["inference", "finetune", "cpt", "scratch", "llama-3.1-8b", "llama-2-70b", "h100-sxm", "rtx-a6000",
                     "rtx-a6000:4", "7B", "1.4T", "10K", "3000万", "bf16", "fp8,bf16", "q4_k_m", "lora", "qlora", "cloud",
                     "onprem", "JPY", "USD", "ja", "en", "0", "-1", "nan", "inf", "1e400", "", "2026-13-01", "spot"]),
    st.text(max_size=12),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-10**6, max_value=10**9).map(str),
)


@settings(max_examples=600 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(FLAGS), VALUES), max_size=7), st.sampled_from(["inference", "finetune", "cpt", "scratch"]))
def test_any_command_line_exits_0_or_2_with_one_line(capsys, pairs, goal):
    from app.cli import main

    argv = ["plan", "--goal", goal, "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "8", "--json"]
    for flag, value in pairs:
        argv += [flag, value]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 2), (argv, err)
    assert "Traceback" not in err
    if code == 2:
        assert len([line for line in err.splitlines() if line.strip()]) == 1, err
        assert out == ""
    elif out.strip():
        doc = json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in JSON output"))
        for o in doc["options"]:
            for k in ("wall_clock_s", "job_s", "request_s", "gpu_hours", "memory_per_gpu_bytes"):
                _finite_nonneg(o[k], k)
            _finite_nonneg(o["cost"]["cloud"], "cloud")
            _finite_nonneg(o["cost"]["onprem"], "onprem")


NUMERIC_ECHO = {"--tokens": "tokens", "--samples": "samples", "--seq-len": "seq_len", "--epochs": "epochs",
                "--mfu": "mfu", "--budget": "budget", "--deadline-days": "deadline_days", "--max-gpus": "max_gpus",
                "--cloud-price": "cloud_price", "--gpu-price": "gpu_price", "--pue": "pue", "--years": "years",
                "--hours-per-day": "hours_per_day", "--power-limit-kw": "power_limit_kw", "--context": "context",
                "--concurrency": "concurrency", "--zero": "zero_stage", "--tp": "tp", "--pp": "pp"}
CHOICE_ECHO = {"--method": ("method", ["full", "lora", "qlora", "LoRA"]),
               "--deployment": ("deployment", ["cloud", "onprem", "any"]),
               "--pricing": ("pricing", ["on-demand", "spot", "reserved", "cheapest"]),
               "--rank": ("rank_by", ["cost", "time"]), "--currency": ("currency", ["JPY", "USD", "jpy"]),
               "--precision": ("precision", ["bf16", "fp8", "FP16", "fp32"]),
               "--quant": ("quant", ["bf16", "int8", "q4_k_m", "int4"])}
NUMBERS = st.one_of(st.sampled_from(["1", "2", "3", "4", "8", "16", "0.5", "1.5", "8K", "8.19K", "10K", "1e9", "1.4T", "3000万",
                                     "0", "-1", "0.9", "90"]),
                    st.integers(min_value=0, max_value=10**7).map(str),
                    st.floats(min_value=0.0, max_value=1e6, allow_nan=False).map(lambda f: f"{f:.6g}"))
ECHO_PAIRS = st.one_of(st.tuples(st.sampled_from(sorted(NUMERIC_ECHO)), NUMBERS),
                       st.sampled_from(sorted(CHOICE_ECHO)).flatmap(
                           lambda f: st.tuples(st.just(f), st.sampled_from(CHOICE_ECHO[f][1]))))


@settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(ECHO_PAIRS, max_size=5), st.sampled_from(["inference", "finetune", "cpt", "scratch"]))
def test_the_echoed_request_is_what_was_asked_or_the_exit_is_2(capsys, pairs, goal):
    """Issue 18: every input is respected exactly or refused. On exit 0 the JSON's ``request`` holds
    each flag's value as parsed (the last of a repeated flag, numbers exactly as decimal, names in
    their canonical case); otherwise the exit is 2 with one line."""
    from decimal import Decimal

    from app.cli import main
    from app.core.units import parse_decimal

    argv = ["plan", "--goal", goal, "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "8", "--json"]
    if goal == "finetune":
        argv += ["--samples", "1000"]
    for flag, value in pairs:
        argv += [flag, value]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 2), (argv, err)
    if code == 2:
        assert len([x for x in err.splitlines() if x.strip()]) == 1 and out == "", err
        return
    req = json.loads(out)["request"]
    given = dict(pairs)  # the last value of each flag, as argparse takes it
    for flag, value in given.items():
        if flag in NUMERIC_ECHO:
            field = NUMERIC_ECHO[flag]
            assert field in req, (flag, req)
            assert Decimal(str(req[field])) == parse_decimal(value) or \
                float(req[field]) == pytest.approx(float(parse_decimal(value)), rel=1e-12), (flag, value, req[field])
        else:
            field = CHOICE_ECHO[flag][0]
            assert str(req[field]).lower() == value.lower(), (flag, value, req[field])

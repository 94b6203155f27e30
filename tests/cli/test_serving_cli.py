"""Serving flags as scripts use them (docs/cli.md): --users, --prompt-tokens, --min-tokens-per-s,
--max-ttft-s, --availability, --requests-per-s, --engine; option key cost_per_million_tokens; the
top-level api_comparison; catalog apis."""

from __future__ import annotations

import json

import pytest

from app.cli import main

SLA = ["plan", "--goal", "inference", "--model", "llama-3.1-8b", "--users", "200", "--prompt-tokens", "1000",
       "--output-tokens", "500", "--min-tokens-per-s", "20", "--max-ttft-s", "1", "--currency", "USD"]


def run(capsys, *args):
    rc = main(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_plan_json_sizes_replicas_and_prices_tokens_against_apis(capsys):
    rc, out, _ = run(capsys, *SLA, "--json")
    assert rc == 0
    d = json.loads(out)
    o = d["options"][0]
    assert o["service_level"]["met"] and o["service_level"]["binding"] in ("min_tokens_per_s", "max_ttft_s")
    assert o["decode_tokens_per_s"] >= 20 and o["time_to_first_token_s"] <= 1
    prices = o["cost_per_million_tokens"]
    assert set(prices) <= {"cloud", "onprem"} and prices
    assert all(set(v) == {"input", "output", "blended"} for v in prices.values())
    api = d["api_comparison"]
    assert api["model"] == "llama-3.1-8b" and api["apis"]
    assert api["apis"][0]["same_model"] and api["apis"][0]["open_model"] == "llama-3.1-8b"
    assert "Llama 3.1 8B" in api["caveat"]
    assert {"id", "provider", "model", "input_per_million", "output_per_million", "monthly_cost",
            "breakeven_tokens_per_month", "cheaper", "source", "as_of"} <= set(api["apis"][0])
    assert d["request"]["concurrency"] == 200 and d["request"]["min_tokens_per_s"] == 20


def test_the_text_summary_says_which_target_binds_and_compares_apis(capsys):
    rc, out, _ = run(capsys, *SLA, "--availability", "n+1", "--top", "2")
    assert rc == 0
    assert "binds" in out and "replicas serving" in out
    assert "per 1M tokens at this load" in out and "Self-hosting or an API:" in out and "Prices only" in out


def test_catalog_apis_lists_the_contract_fields(capsys):
    rc, out, _ = run(capsys, "catalog", "apis", "--json")
    assert rc == 0
    rows = json.loads(out)
    assert len(rows) >= 25
    keys = {"id", "provider", "model", "input_per_million", "output_per_million", "currency", "source", "as_of"}
    assert all(keys <= set(r) and r["source"] and r["as_of"] for r in rows)
    assert {r["currency"] for r in rows} == {"USD", "JPY"}  # Japanese providers publish yen


@pytest.mark.parametrize(("args", "flag"), [
    (["--requests-per-s", "10"], "--requests-per-s"),
    (["--users", "5", "--concurrency", "6"], "--users"),
    (["--prompt-tokens", "4000", "--context", "2048"], "--prompt-tokens"),
    (["--engine", "vllm2"], "--engine"),
    (["--availability", "n+2"], "--availability"),
    (["--max-ttft-s", "-1"], "--max-ttft-s"),
])
def test_bad_serving_input_is_one_line_naming_the_flag(capsys, args, flag):
    rc, out, err = run(capsys, "plan", "--goal", "inference", "--model", "llama-3.1-8b", *args)
    assert rc == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and flag in lines[0], err


@pytest.mark.parametrize("engine", ["trtllm", "trt-llm", "tgi", "sglang", "llama.cpp"])
def test_every_contract_engine_plans(capsys, engine):
    rc, out, _ = run(capsys, "plan", "--goal", "inference", "--model", "llama-3.1-8b", "--engine", engine, "--json")
    assert rc == 0
    assert json.loads(out)["request"]["engine"] == {"trt-llm": "trtllm"}.get(engine, engine)


def test_a_rate_plans_the_requests_in_flight(capsys):
    rc, out, _ = run(capsys, "plan", "--goal", "inference", "--model", "llama-3.1-8b", "--requests-per-s", "10",
                     "--output-tokens", "500", "--min-tokens-per-s", "20", "--max-ttft-s", "1", "--json")
    assert rc == 0
    d = json.loads(out)
    assert d["request"]["requests_per_s"] == 10 and d["request"]["concurrency"] is None
    assert d["options"][0]["service_level"]["met"]

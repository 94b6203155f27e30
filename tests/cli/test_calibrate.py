"""gpu-planner calibrate: the user's own measured runs move later plans on that GPU and stack (issue 17 §4)."""

import json

import pytest

from app.cli import main
from app.core.throughput import PARAMS


def _plan(capsys, *extra):
    rc = main(["plan", "--goal", "scratch", "--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--gpus", "8",
               "--seq-len", "8192", "--stack", "megatron", "--json", *extra])
    out = capsys.readouterr()
    assert rc == 0, out.err
    return json.loads(out.out)["options"][0]


def test_a_measured_run_moves_the_plan_to_the_measured_rate(capsys):
    """torchtitan's benchmark (llama3_h100_202412, Table 1) measured 5,762 tokens/s per H100 for
    Llama 3.1 8B on 8 GPUs. Recorded as the user's own run, a plan of the same setup trains at that
    rate (times the job's goodput), and says why."""
    before = _plan(capsys)
    assert main(["calibrate", "--gpu", "h100-sxm", "--model", "llama-3.1-8b", "--stack", "megatron", "--method",
                 "pretrain", "--gpus", "8", "--seq-len", "8192", "--tokens-per-s", "5762", "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["measurement"]["tokens_per_s_per_gpu"] == 5762
    after = _plan(capsys)
    rate = after["throughput_tokens_per_s"] / 8 / PARAMS.goodput
    assert rate == pytest.approx(5762, rel=0.01)
    assert before["throughput_tokens_per_s"] != pytest.approx(after["throughput_tokens_per_s"], rel=0.01)
    assert "your_measurement" in [f[0] for f in after["utilisation_factors"]]
    # another stack on the same GPU is not moved
    other = _plan(capsys, "--stack", "fsdp")
    assert "your_measurement" not in [f[0] for f in other["utilisation_factors"]]


def test_step_time_with_the_global_batch_is_converted_to_tokens_per_second(capsys):
    """64 sequences of 4,096 tokens in 2.0 s on 16 GPUs = 8,192 tokens/s per GPU."""
    assert main(["calibrate", "--gpu", "a100-80gb-sxm", "--model", "llama-2-7b", "--stack", "megatron", "--method",
                 "pretrain", "--gpus", "16", "--step-time-s", "2.0", "--global-batch", "64", "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["measurement"]["tokens_per_s_per_gpu"] == pytest.approx(8192)
    assert main(["calibrate", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["measurements"]
    assert [m["id"] for m in listed] == [rec["measurement"]["id"]]


@pytest.mark.parametrize("args, flag", [
    (["--model", "llama-2-7b", "--stack", "megatron", "--gpus", "8", "--tokens-per-s", "1"], "--gpu"),
    (["--gpu", "h100", "--model", "llama-2-7b", "--stack", "megatron", "--gpus", "8", "--tokens-per-s", "1"], "--gpu"),
    (["--gpu", "h100-sxm", "--model", "llama-2-7b", "--stack", "megatron", "--gpus", "0", "--tokens-per-s", "1"], "--gpus"),
    (["--gpu", "h100-sxm", "--model", "llama-2-7b", "--stack", "megatron", "--gpus", "8", "--step-time-s", "2"], "--step-time-s"),
    (["--gpu", "h100-sxm", "--model", "llama-2-7b", "--stack", "megatron", "--gpus", "8"], "--tokens-per-s"),
])
def test_bad_input_is_one_line_naming_the_flag(capsys, args, flag):
    assert main(["calibrate", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and flag in err


def test_the_measurement_is_cited_among_the_entries_used(capsys):
    """A plan the user's own run moved names that run among the catalog entries it used (with its
    source and date), so the report's sources say where the utilisation came from."""
    from app.catalog.repository import default_catalog
    from app.planning.outcome import build_outcome
    from app.planning.request import PlanRequest, to_scenario

    assert main(["calibrate", "--gpu", "h100-sxm", "--model", "llama-3.1-8b", "--stack", "megatron", "--method",
                 "pretrain", "--gpus", "8", "--seq-len", "8192", "--tokens-per-s", "5762", "--id", "lab-run"]) == 0
    capsys.readouterr()
    cat = default_catalog()
    s = to_scenario(PlanRequest(goal="scratch", model="llama-3.1-8b", gpu_id="h100-sxm", gpu_count=8, seq_len=8192,
                                stack="megatron"), cat)
    out = build_outcome(s, cat, curves=False, with_backtest=False)
    cited = [e for e in out.entries if e.kind == "measurement"]
    assert [e.id for e in cited] == ["lab-run"] and cited[0].source == "your measurement" and cited[0].as_of

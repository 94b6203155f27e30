"""The utilisation model against published runs."""

import pytest

from app.core.evaluate import evaluate
from app.core.layouts import Layout
from app.core.scenario import Goal, Method, Recompute
from app.core.specs import GpuSpec
from app.core.throughput import implied_mfu, inference_speed
from app.core.units import GiB
from app.core.workload import training_flops

from .helpers import a100_80, scenario

LLAMA2_7B = 6.74e9
LLAMA2_70B = 68.98e9


def published_mfus():
    """Implied MFU of published runs (model FLOPs / (GPU-hours x peak)):
    - Llama 2 model card: 7B 184,320 and 70B 1,720,320 A100-80GB GPU-hours for 2T tokens (312 TFLOPS).
    - DeepSeek-V3 report: 180K H800 GPU-hours per trillion tokens at 37B activated (BF16 peak 989).
    - OPT-175B (Zhang et al. 2022): 147 TFLOP/s per A100 = 147/312."""
    return {
        "llama-2-7b": implied_mfu(training_flops(LLAMA2_7B, 2e12), 184_320, 312e12),
        "llama-2-70b": implied_mfu(training_flops(LLAMA2_70B, 2e12), 1_720_320, 312e12),
        "deepseek-v3": implied_mfu(training_flops(37e9, 1e12), 180_000, 989e12),
        "opt-175b": 147 / 312,
    }


def test_implied_mfu_of_published_runs():
    m = published_mfus()
    assert m["llama-2-7b"] == pytest.approx(0.39, abs=0.01)
    assert m["llama-2-70b"] == pytest.approx(0.43, abs=0.01)
    assert m["deepseek-v3"] == pytest.approx(0.35, abs=0.01)


def test_the_time_range_brackets_llama_2_70b():
    """Llama 2 70B, 2T tokens, 1,720,320 A100-80GB GPU-hours (model card): the calibrated model's
    stated range (registry time_range_low/high, set so 80% of the out-of-sample reported runs fall
    inside) contains it."""
    from app.core.specs import model_from_architecture

    m = model_from_architecture(layers=80, hidden=8192, heads=64, kv_heads=8, ffn=28672, vocab=32000)
    s = scenario(goal=Goal.SCRATCH, model=m, tokens=2e12, recompute=Recompute.NONE, gpu_id="a100", gpu_count=2048)
    o = evaluate(s, a100_80(), 2048)
    fast, slow = o.job_s_range
    assert fast * 2048 / 3600 <= 1_720_320 <= slow * 2048 / 3600


def test_decode_is_memory_bound_as_in_the_databricks_example():
    """Databricks, "LLM Inference Performance Engineering: Best Practices" (2023): a 7B model in
    16-bit moving 14 GB per token in 14 ms on a 2 TB/s part runs at 50% MBU. The fitted 16-bit
    kernels (bandwidth share and a fixed time per token, docs/time.md) give the same 14 ms within
    10%, at batch 1 with no prompt."""
    gpu = GpuSpec(id="x", name="2 TB/s part", memory_bytes=80 * GiB, bandwidth_bytes_per_s=2e12,
                  peak_flops_bf16=312e12, peak_flops_fp16=312e12, tdp_w=400)
    from app.core.specs import ModelSpec

    m7 = ModelSpec(params_total=7e9, params_active=7e9, layers=32, hidden=4096, heads=32, kv_heads=32,
                   head_dim=128, ffn=11008, vocab=32000)
    s = scenario(goal=Goal.INFERENCE, model=m7, quant="fp16", context=16)
    sp = inference_speed(s, gpu, Layout(), include_prefill=False)
    assert sp.decode_tokens_per_s == pytest.approx(1 / 0.014, rel=0.10)


def test_batching_raises_aggregate_but_not_per_sequence_speed():
    s1 = scenario(goal=Goal.INFERENCE, concurrency=1, context=1024, output_tokens=512)
    s32 = scenario(goal=Goal.INFERENCE, concurrency=32, context=1024, output_tokens=512)
    a, b = inference_speed(s1, a100_80(), Layout()), inference_speed(s32, a100_80(), Layout())
    assert b.aggregate_tokens_per_s > 5 * a.aggregate_tokens_per_s
    assert b.decode_tokens_per_s <= a.decode_tokens_per_s


def test_long_prompts_share_the_gpu_with_decoding():
    """Continuous batching interleaves prefill with decode: with 50 users and 5,000-token prompts
    each output token also carries 50 x 4,500 / 500 prefill tokens of work, so the aggregate is far
    below decode alone (issue 17: prefill left out made it 38% too high)."""
    long = scenario(goal=Goal.INFERENCE, concurrency=50, context=5000, output_tokens=500)
    short = scenario(goal=Goal.INFERENCE, concurrency=50, context=600, output_tokens=500)
    lay = Layout(tp=1)
    a, b = inference_speed(long, a100_80(), lay), inference_speed(short, a100_80(), lay)
    assert a.aggregate_tokens_per_s < 0.7 * b.aggregate_tokens_per_s
    per_token = 1 / a.decode_tokens_per_s
    prefill_share = 50 * 4500 / (500 * a.prefill_tokens_per_s)
    assert prefill_share / per_token > 0.2


def test_tensor_parallel_over_pcie_is_penalised_and_reported():
    pcie = a100_80().model_copy(update={"nvlink_domain": 1, "nvlink_bandwidth_bytes_per_s": 0.0})
    s = scenario(goal=Goal.FINETUNE, method=Method.FULL, tokens=1e9, tp=4, gpu_id="a100", gpu_count=4, stack="fsdp")
    nv, pc = evaluate(s, a100_80(), 4), evaluate(s, pcie, 4)
    assert pc.job_s > nv.job_s
    assert "tp_spans_pcie" in {f.code for f in pc.findings}
    assert "tp_spans_pcie" not in {f.code for f in nv.findings}


def test_ethernet_between_nodes_is_slower_than_infiniband_when_the_batch_is_small():
    """Data-parallel gradients of a 7B-class model over 10 GbE (1.25 GB/s per server) take longer
    than the compute of a small global batch (64 sequences) can hide; over InfiniBand 400 they hide."""
    base = dict(goal=Goal.SCRATCH, tokens=1e11, gpu_id="a100", gpu_count=64, global_batch=64, tp=1, pp=1)
    ib = evaluate(scenario(**base), a100_80(), 64)
    eth = evaluate(scenario(network="10gbe", **base), a100_80(), 64)
    assert eth.job_s > 2 * ib.job_s
    codes = {f.code for f in eth.findings}
    assert "multinode_over_ethernet" in codes and "communication_bound" in codes


def test_time_stops_falling_where_the_global_batch_binds():
    """With a global batch of 512 sequences and one per micro-batch, data parallelism stops at 512
    ranks: beyond that the GPUs idle, and the job time flattens instead of halving."""
    from app.catalog.repository import default_catalog

    cat = default_catalog()
    h100 = cat.gpu("h100-sxm")

    def job(n: int):
        s = scenario(goal=Goal.SCRATCH, model=cat.model("llama-3.1-8b"), tokens=1e11, gpu_id="h100-sxm",
                     gpu_count=n, global_batch=512, tp=1, pp=1)
        return evaluate(s, h100, n)

    times = {n: job(n).job_s for n in (64, 128, 256, 512, 1024, 2048)}
    assert times[128] < 0.55 * times[64] and times[256] < 0.65 * times[128]  # still scaling
    assert times[2048] > 0.95 * times[1024] > 0.95 * 0.95 * times[512]  # the batch binds: flat
    assert "global_batch_limits_dp" in {f.code for f in job(2048).findings}
    assert "global_batch_limits_dp" not in {f.code for f in job(256).findings}


def test_communication_bends_the_scaling_curve_on_a_slow_network():
    """On 25 GbE the exposed gradient traffic per step stays while the compute per GPU shrinks with
    more GPUs: MFU falls as the cluster grows."""
    from app.catalog.repository import default_catalog

    cat = default_catalog()
    h100 = cat.gpu("h100-sxm")
    mfu = {}
    for n in (16, 64, 256):
        s = scenario(goal=Goal.SCRATCH, model=cat.model("llama-3.1-8b"), tokens=1e11, gpu_id="h100-sxm",
                     gpu_count=n, global_batch=256, network="25gbe", tp=1, pp=1)
        mfu[n] = evaluate(s, h100, n).mfu
    assert mfu[16] > mfu[64] > mfu[256]
    assert mfu[256] < 0.5 * mfu[16]


def test_user_mfu_is_reported_exactly():
    """--mfu means MFU against 6·N·D: the option reports the value given (issue: 0.9 became 0.862)."""
    s = scenario(goal=Goal.SCRATCH, tokens=1e10, gpu_id="a100", gpu_count=8, mfu=0.9)
    o = evaluate(s, a100_80(), 8)
    assert o.mfu == pytest.approx(0.9)
    assert o.hfu is not None and o.hfu > o.mfu  # hardware FLOPs add attention and recomputation
    assert o.utilisation_factors == [("user_mfu", 0.9)]


def test_utilisation_factors_multiply_to_the_option_hfu():
    """The details tab and the report explain an option's utilisation factor by factor; the product
    is the hardware utilisation (issue 17 §6)."""
    import math

    s = scenario(goal=Goal.SCRATCH, tokens=1e10, gpu_id="a100", gpu_count=8)
    o = evaluate(s, a100_80(), 8)
    names = [n for n, _ in o.utilisation_factors]
    assert names[0].startswith("base_") and "goodput" in names
    assert math.prod(v for _, v in o.utilisation_factors) == pytest.approx(o.hfu, rel=1e-6)

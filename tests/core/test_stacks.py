"""Model states per stack, memory savers, parallel dimensions and serving engines, against the
frameworks' own published formulas and tables."""

import pytest

from app.core import memory as mem
from app.core.evaluate import evaluate
from app.core.layouts import Layout, training_layouts
from app.core.scenario import Goal, Method, Scenario
from app.core.specs import GpuSpec, model_from_architecture
from app.core.units import GiB

from .helpers import a100_80, scenario

P = 1e10  # a parameter count large enough that the layer-sized buffers do not matter


def _states(stack, zero, dp, **kw):
    s = scenario(goal=Goal.SCRATCH, model=model_from_architecture(layers=80, hidden=10240, heads=80, ffn=27648, vocab=32000),
                 stack=stack, **kw)
    tm = mem.TrainingMemory(s)
    p = tm.parts(Layout(dp=dp, zero=zero))
    n = s.model.params_total
    return (p.weights + p.gradients + p.optimizer) / n, p.buffers, n


@pytest.mark.parametrize("dp", [1, 8, 64])
def test_megatron_distributed_optimizer_table(dp):
    """Megatron-LM docs/user-guide/features/dist_optimizer.md: bf16 params with fp32 grads cost 18 bytes
    per parameter without the distributed optimizer, 6 + 12/d with it."""
    assert _states("megatron", 0, dp)[0] == pytest.approx(18)
    assert _states("megatron", 1, dp)[0] == pytest.approx(6 + 12 / dp)


def test_deepspeed_zero_estimators():
    """DeepSpeed stage_1_and_2.py estimate_zero2_model_states_mem_needs: 2 bytes of fp16 params + 18
    sharded; stage3.py: 18 sharded + 4 x the largest layer (docs/code-docs/source/memory.rst example:
    t5-3b, 2,851M params, largest layer 32M, 8 GPUs, zero_init: 6.10 GB)."""
    assert _states("deepspeed", 2, 8)[0] == pytest.approx(2 + 18 / 8)
    per_param, buffers, n = _states("deepspeed", 3, 8)
    assert per_param == pytest.approx(18 / 8)
    t5 = 4 * 32e6 + 18 * 2.851e9 / 8
    assert t5 / GiB == pytest.approx(6.10, abs=0.01)


@pytest.mark.parametrize("dp", [8, 128])
def test_fsdp2_mixed_precision_is_16_bytes_sharded(dp):
    """torchtitan docs/fsdp.md: the fp32 sharded parameter is the master copy (4 + 4 grad + 8 Adam),
    sharded over the data-parallel ranks; bf16 copies exist only for the gathered units."""
    assert _states("fsdp", 3, dp)[0] == pytest.approx(16 / dp)


def test_pure_bf16_stacks_keep_8_bytes():
    """Hugging Face with the model in bf16 and torchtune: weights, gradients and AdamW states all bf16."""
    assert _states("hf", 0, 1)[0] == pytest.approx(8)
    assert _states("torchtune", 3, 8)[0] == pytest.approx(8 / 8)


def test_8bit_adamw_states_follow_bitsandbytes_block_layout():
    """bitsandbytes Optimizer2State: uint8 m and v + one fp32 absmax per 256 values = 2.03 bytes."""
    assert _states("hf", 0, 1, optimizer="adamw-8bit")[0] == pytest.approx(2 + 2 + 2 * (1 + 4 / 256))


def test_paged_optimizer_states_are_host_backed():
    """bitsandbytes paged optimizers allocate unified memory outside PyTorch's allocator and page it to
    host RAM under pressure (docs/source/explanations/optimizers.mdx): they do not count against the GPU."""
    paged = _states("hf", 0, 1, optimizer="paged-adamw-8bit")[0]
    assert paged == pytest.approx(2 + 2)


def test_flash_activations_are_linear_in_sequence_and_eager_is_not():
    """FlashAttention keeps no s x s scores (Dao et al. 2022): doubling the sequence doubles the
    activation memory; eager attention adds Korthikanti's 5as term per token."""
    def act(seq, attention):
        s = scenario(goal=Goal.SCRATCH, seq_len=seq, recompute="none", attention=attention, stack="megatron")
        return mem.TrainingMemory(s).parts(Layout()).activations
    assert act(8192, "flash") == pytest.approx(2 * act(4096, "flash"))
    assert act(8192, "eager") > 2 * act(4096, "eager")


def test_general_layer_formula_reduces_to_korthikanti():
    """Korthikanti et al. 2022 §4: a GPT layer (4h MLP, MHA, dropout) keeps sbh(34 + 5as/h) bytes."""
    gpt3 = model_from_architecture(layers=96, hidden=12288, heads=96, ffn=4 * 12288, vocab=50257, gated_ffn=False)
    per_token = mem.layer_activation_bytes_per_token(gpt3, seq=2048, eager=True, dropout=True)
    assert per_token == pytest.approx(12288 * (34 + 5 * 96 * 2048 / 12288))


def test_loss_implementation_sets_the_logits_memory():
    """Chunked and fused losses keep far less than fp32 logits (torchtune README: -8.1 GiB at
    2 x 4096 tokens of Llama 3.2 3B; Liger: ~54 KiB per token)."""
    out = {}
    for loss in ("fp32", "bf16", "chunked", "fused"):
        s = scenario(goal=Goal.SCRATCH, seq_len=4096, loss=loss, stack="fsdp")
        out[loss] = mem.TrainingMemory(s).parts(Layout()).logits
    assert out["fp32"] > out["bf16"] > out["chunked"] > out["fused"] > 0


def test_expert_parallelism_splits_the_experts():
    """Mixtral 8x7B: 8 experts of 3 x 4096 x 14336 per layer. With EP 8 each rank keeps one expert
    per layer instead of eight; the attention and embeddings stay whole."""
    mixtral = model_from_architecture(layers=32, hidden=4096, heads=32, kv_heads=8, ffn=14336, vocab=32000,
                                      num_experts=8, experts_per_token=2)
    s = scenario(goal=Goal.SCRATCH, model=mixtral, stack="megatron")
    tm = mem.TrainingMemory(s)
    whole, split = tm.parts(Layout(dp=8, zero=1)).weights, tm.parts(Layout(dp=8, ep=8, zero=1)).weights
    expert = 32 * 8 * 3 * 4096 * 14336 * 2.0
    assert whole - split == pytest.approx(expert * 7 / 8, rel=0.01)


def test_context_parallelism_divides_activations():
    s = scenario(goal=Goal.SCRATCH, seq_len=65536, stack="fsdp", recompute="full")
    tm = mem.TrainingMemory(s)
    one, four = tm.parts(Layout(dp=8, zero=3)), tm.parts(Layout(dp=2, cp=4, zero=3))
    assert four.activations == pytest.approx(one.activations / 4)
    assert four.logits == pytest.approx(one.logits / 4)


def test_context_parallel_layouts_are_searched_for_long_sequences_only():
    short = scenario(goal=Goal.SCRATCH, seq_len=4096, stack="megatron")
    long = scenario(goal=Goal.SCRATCH, seq_len=131072, stack="megatron")
    assert {lay.cp for lay in training_layouts(short, 8, 8)} == {1}
    assert {lay.cp for lay in training_layouts(long, 8, 8)} >= {1, 2, 4, 8}


def test_interleaved_pipeline_holds_more_micro_batches():
    """Megatron theoretical_memory_usage.py: interleaving multiplies the first stage's activations by
    1 + (p - 1) / (p v)."""
    a = [mem.TrainingMemory(scenario(goal=Goal.SCRATCH, stack="megatron", vpp=v, pp=4)).parts(Layout(pp=4, dp=2, zero=1))
         for v in (1, 2)]
    assert a[1].activations == pytest.approx(a[0].activations * (1 + 3 / 8) / 1.0, rel=0.02)


def test_full_finetune_8b_on_one_24gb_gpu_needs_offload():
    """Llama 3.1 8B full fine-tuning on one RTX 4090: 8 bytes/param in bf16 is 60 GiB, so the plan
    offloads (FSDP CPU offload of weights and optimizer) and says what it needs in host RAM."""
    rtx = GpuSpec(id="rtx-4090", name="RTX 4090", memory_bytes=24 * GiB, bandwidth_bytes_per_s=1.008e12,
                  peak_flops_bf16=165e12, tdp_w=450, gpus_per_node=1, pcie_gen=4)
    m = model_from_architecture(layers=32, hidden=4096, heads=32, kv_heads=8, ffn=14336, vocab=128256)
    s = scenario(goal=Goal.FINETUNE, model=m, tokens=1e7, method=Method.FULL, gpu_id="rtx-4090", gpu_count=1)
    o = evaluate(s, rtx, 1)
    assert o.fits and o.offload
    assert o.host_memory_per_node_bytes > 40 * GiB
    plain = evaluate(s.model_copy(update={"offload": ()}), rtx, 1)
    assert not plain.fits and o.job_s > plain.job_s


def test_70b_full_finetune_on_four_a100_offloads():
    m = model_from_architecture(layers=80, hidden=8192, heads=64, kv_heads=8, ffn=28672, vocab=128256)
    s = scenario(goal=Goal.FINETUNE, model=m, tokens=1e7, method=Method.FULL, gpu_id="a100", gpu_count=4)
    o = evaluate(s, a100_80(), 4)
    assert o.fits and "params" in o.offload
    assert "offload_used" in {f.code for f in o.findings}


def test_memory_headroom_is_flagged():
    m = model_from_architecture(layers=32, hidden=4096, heads=32, kv_heads=8, ffn=14336, vocab=128256)
    s = scenario(goal=Goal.INFERENCE, model=m, context=100_000, concurrency=5, gpu_id="a100", gpu_count=1)
    o = evaluate(s, a100_80(), 1)
    if o.fits and o.memory_per_gpu_bytes > 0.9 * (o.memory_usable_bytes or o.memory_capacity_bytes):
        assert "memory_headroom" in {f.code for f in o.findings}
    big = scenario(goal=Goal.INFERENCE, model=m, context=8192, concurrency=1, gpu_id="a100", gpu_count=1)
    assert "memory_headroom" not in {f.code for f in evaluate(big, a100_80(), 1).findings}


def test_vllm_uses_90_percent_of_the_gpu():
    """vLLM EngineArgs gpu_memory_utilization 0.90: a plan fits only within 0.9 x the GPU."""
    s = scenario(goal=Goal.INFERENCE)
    assert mem.usable_memory(s, 80 * GiB) == pytest.approx(72 * GiB)
    assert mem.usable_memory(s.model_copy(update={"engine": "llama.cpp"}), 80 * GiB) == 80 * GiB


def test_sliding_window_layers_cache_only_the_window():
    """Gemma 2 9B (config.json): 42 layers, 8 KV heads x 256, sliding window 4096 on 21 of them. At
    8192 tokens the local layers cache 4096: 3/4 of a full cache."""
    g = model_from_architecture(layers=42, hidden=3584, heads=16, kv_heads=8, head_dim=256, ffn=14336, vocab=256000,
                                tied_embeddings=True).model_copy(update={"sliding_window": 4096, "local_layers": 21})
    full = 42 * 2 * 8 * 256 * 2 * 8192
    assert mem.kv_cache_bytes(g, tokens=8192, kv_dtype="bf16", window_tokens=4096) == pytest.approx(full * 3 / 4)


def test_llama_cpp_keeps_the_layers_that_fit_and_runs_the_rest_on_cpu():
    """Llama 3 70B Q4_K_M (~40 GiB) on one 24 GB GPU with llama.cpp: part of the layers on the GPU, the
    rest in system RAM, decoding slower than with all layers on the GPU."""
    m = model_from_architecture(layers=80, hidden=8192, heads=64, kv_heads=8, ffn=28672, vocab=128256)
    rtx = GpuSpec(id="rtx-4090", name="RTX 4090", memory_bytes=24 * GiB, bandwidth_bytes_per_s=1.008e12,
                  peak_flops_bf16=165e12, tdp_w=450, gpus_per_node=1, pcie_gen=4)
    s = Scenario(goal=Goal.INFERENCE, model=m, quant="q4_k_m", engine="llama.cpp", gpu_id="rtx-4090", gpu_count=1)
    o = evaluate(s, rtx, 1)
    assert o.fits and 0 < o.gpu_layers < 80
    assert o.host_memory_per_node_bytes > 10 * GiB
    big = rtx.model_copy(update={"memory_bytes": 48 * GiB})
    assert evaluate(s, big, 1).decode_tokens_per_s > 2 * o.decode_tokens_per_s

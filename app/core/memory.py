"""Memory on the most-loaded GPU, split into weights, gradients, optimizer, activations, KV cache and
runtime overhead.

Model states follow the ZeRO paper's accounting (Rajbhandari et al. 2020, §3.1 and Figure 1):
mixed-precision AdamW keeps 2 bytes of fp16/bf16 weights + 2 bytes of gradients + K = 12 bytes of
optimizer state (fp32 master weights, momentum, variance) = 16 bytes per parameter. We follow the
16-byte accounting (not Megatron's 18 with fp32 gradient accumulation, nor DeepSpeed's estimator's
20); the choice is stated in the Plan's assumptions. 8-bit Adam (Dettmers et al. 2022) keeps the
fp32 master copy plus 1-byte momentum and variance: 4 + 2 = 6. SGD with momentum: 4 + 4 = 8.
Pure fp32 training: 4 bytes weights + 4 gradients + 8 (AdamW m, v; no master copy).

ZeRO over the data-parallel degree N_d: stage 1 shards optimizer states, 2 adds gradients, 3 adds
weights (FSDP FULL_SHARD = ZeRO-3, SHARD_GRAD_OP = ZeRO-2). Tensor and pipeline parallelism split
the layers' parameters over tp x pp; the first pipeline stage also holds the embedding (split over tp).

Activations per layer after Korthikanti et al. 2022 (arXiv 2205.05198), Table 2, in bytes for
16-bit activations, s sequence, b micro-batch, h hidden, a heads, t tensor-parallel degree, with
sequence parallelism whenever t > 1 (Megatron's default with TP):
    no recompute         s b h (34/t + 5 a s / (h t))
    selective recompute  s b h 34 / t
    full recompute       2 s b h          (layer inputs only) + one layer's working set
With 1F1B pipelining the first stage holds p micro-batches of L/p layers, i.e. L layers' worth
whatever p is (§4.2.3). The output logits add 4 s b V / t bytes (fp32 for the loss).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core import assumptions as A
from app.core.precision import kv_bytes_per_elem, weight_bytes_per_param
from app.core.results import MemoryBreakdown
from app.core.scenario import Method, Optimizer, Recompute, Scenario
from app.core.specs import ModelSpec

if TYPE_CHECKING:
    from app.core.layouts import Layout
from app.core.workload import lora_trainable_params

# Optimizer bytes per trainable parameter, by optimizer and training precision family.
_OPTIMIZER_BYTES_MIXED = {Optimizer.ADAMW: 12.0, Optimizer.ADAMW_8BIT: 6.0, Optimizer.SGD: 8.0}
_OPTIMIZER_BYTES_FP32 = {Optimizer.ADAMW: 8.0, Optimizer.ADAMW_8BIT: 2.0, Optimizer.SGD: 4.0}


def model_state_bytes(params: float, *, dp: int, zero_stage: int, weight_bytes: float = 2.0,
                      grad_bytes: float = 2.0, optimizer_bytes: float = 12.0) -> tuple[float, float, float]:
    """(weights, gradients, optimizer) bytes per GPU for ``params`` parameters replicated over ``dp``
    data-parallel ranks with ZeRO stage ``zero_stage`` (Rajbhandari et al. 2020, Figure 1)."""
    return _shard(params * weight_bytes, params * grad_bytes, params * optimizer_bytes, dp, zero_stage)


def _shard(w: float, g: float, o: float, dp: int, zero_stage: int) -> tuple[float, float, float]:
    """ZeRO stage 1 shards optimizer states over dp, 2 also gradients, 3 also weights."""
    if zero_stage >= 1:
        o /= dp
    if zero_stage >= 2:
        g /= dp
    if zero_stage >= 3:
        w /= dp
    return w, g, o


def params_on_most_loaded_gpu(model: ModelSpec, tp: int, pp: int, params: float | None = None) -> float:
    """Parameters held by the first pipeline stage (layers / pp plus the embedding), split over tp."""
    total = model.params_total if params is None else params
    emb_in = model.vocab * model.hidden
    emb_out = 0 if model.tied_embeddings else emb_in
    body = max(total - emb_in - emb_out, 0.0)
    if pp == 1:
        return total / tp
    # first stage: input embedding; last stage: output head. The larger of the two stages.
    return (body / pp + emb_in) / tp


def activation_bytes_per_layer(*, seq: int, micro_batch: int, hidden: int, heads: int, tp: int,
                               recompute: Recompute, bytes_per_value: float = 2.0) -> float:
    """Korthikanti et al. 2022, Table 2 (with sequence parallelism when tp > 1)."""
    s, b, h, a, t = float(seq), float(micro_batch), float(hidden), float(heads), float(tp)
    scale = bytes_per_value / 2.0
    if recompute == Recompute.FULL:
        return 2.0 * s * b * h * scale
    if recompute == Recompute.SELECTIVE:
        return s * b * h * 34.0 / t * scale
    return s * b * h * (34.0 / t + 5.0 * a * s / (h * t)) * scale


def training_activation_bytes(model: ModelSpec, *, seq: int, micro_batch: int, tp: int, pp: int,
                              recompute: Recompute, bytes_per_value: float = 2.0) -> float:
    per_layer = activation_bytes_per_layer(seq=seq, micro_batch=micro_batch, hidden=model.hidden,
                                           heads=model.heads, tp=tp, recompute=recompute,
                                           bytes_per_value=bytes_per_value)
    # 1F1B: the first stage keeps pp micro-batches of layers/pp layers = `layers` layers' worth.
    act = per_layer * model.layers
    if recompute == Recompute.FULL:
        # the layer being recomputed needs its full working set during backward
        act += activation_bytes_per_layer(seq=seq, micro_batch=micro_batch, hidden=model.hidden,
                                          heads=model.heads, tp=tp, recompute=Recompute.NONE,
                                          bytes_per_value=bytes_per_value)
    logits = 4.0 * seq * micro_batch * model.vocab / tp
    return act + logits


def kv_cache_bytes(model: ModelSpec, *, tokens: float, kv_dtype: str = "fp16", tp: int = 1, pp: int = 1) -> float:
    """KV cache for ``tokens`` cached tokens (context x concurrent sequences), per GPU.

    2 x layers x kv_heads x head_dim x bytes per token (vLLM paper §3: OPT-13B 800 KB/token). KV heads
    split over tp; when tp exceeds the KV heads each GPU keeps one (GQA/MQA replication)."""
    per_layer: float | None = model.kv_elems_per_token_per_layer
    if per_layer is None:
        kv_per_gpu = max(model.kv_heads / tp, 1.0)
        per_layer = 2 * kv_per_gpu * model.head_dim
    # a latent (MLA) cache is not split by heads: every tp rank keeps all of it
    layers = model.layers / pp
    return tokens * per_layer * layers * kv_bytes_per_elem(kv_dtype)


def _overhead(s: Scenario, other: float) -> float:
    return s.overhead_fixed_bytes + s.overhead_fraction * other


def training_memory(s: Scenario, lay: Layout) -> MemoryBreakdown:
    w, g, o, act, overhead = training_memory_parts(s, tp=lay.tp, pp=lay.pp, dp=lay.dp, zero_stage=lay.zero)
    return MemoryBreakdown(weights=w, gradients=g, optimizer=o, activations=act, overhead=overhead)


def training_memory_parts(s: Scenario, *, tp: int, pp: int, dp: int, zero_stage: int
                          ) -> tuple[float, float, float, float, float]:
    """(weights, gradients, optimizer, activations, overhead) bytes on the most-loaded GPU; plain
    floats so the search can evaluate thousands of layouts cheaply."""
    return zero_shard(s, unsharded_training_parts(s, tp=tp, pp=pp), dp, zero_stage)


def zero_shard(s: Scenario, parts: tuple[float, float, float, float], dp: int, zero_stage: int
               ) -> tuple[float, float, float, float, float]:
    """ZeRO over ``dp`` ranks (Rajbhandari et al. 2020, Figure 1): stage 1 shards the optimizer
    states, 2 also the gradients, 3 also the weights (frozen LoRA base included); plus overhead."""
    w, g, o, act = parts
    w, g, o = _shard(w, g, o, dp, zero_stage)
    return w, g, o, act, _overhead(s, w + g + o + act)


def unsharded_training_parts(s: Scenario, *, tp: int, pp: int) -> tuple[float, float, float, float]:
    """(weights, gradients, optimizer, activations) per GPU before any ZeRO sharding."""
    m = s.model
    dp, zero_stage = 1, 0
    fp32 = s.precision == "fp32"
    if s.method == Method.FULL:
        params_gpu = params_on_most_loaded_gpu(m, tp, pp)
        opt_bytes = (_OPTIMIZER_BYTES_FP32 if fp32 else _OPTIMIZER_BYTES_MIXED)[s.optimizer]
        w, g, o = model_state_bytes(params_gpu, dp=dp, zero_stage=zero_stage,
                                    weight_bytes=4.0 if fp32 else 2.0,
                                    grad_bytes=4.0 if fp32 else 2.0, optimizer_bytes=opt_bytes)
    else:
        base_fmt = "nf4" if s.method == Method.QLORA else ("fp32" if fp32 else "bf16")
        base_params = params_on_most_loaded_gpu(m, tp, pp)
        base = base_params * weight_bytes_per_param(base_fmt)
        if s.method == Method.QLORA:
            # embeddings and output head stay 16-bit in QLoRA (bitsandbytes quantises the Linear layers)
            emb = (m.embedding_params if pp == 1 else m.vocab * m.hidden) / tp
            base += emb * (2.0 - weight_bytes_per_param("nf4"))
        if zero_stage >= 3:
            base /= dp
        lora = lora_trainable_params(m, s.lora_rank, s.lora_targets) / (tp * pp)
        # adapters: 16-bit weights + 16-bit grads + optimizer states (as for full training)
        opt_bytes = (_OPTIMIZER_BYTES_FP32 if fp32 else _OPTIMIZER_BYTES_MIXED)[s.optimizer]
        lw, g, o = model_state_bytes(lora, dp=dp, zero_stage=zero_stage, optimizer_bytes=opt_bytes)
        w = base + lw
    act = training_activation_bytes(m, seq=s.training_seq_len, micro_batch=s.micro_batch, tp=tp, pp=pp,
                                    recompute=s.recompute_mode, bytes_per_value=4.0 if fp32 else 2.0)
    return w, g, o, act


def inference_memory(s: Scenario, lay: Layout) -> MemoryBreakdown:
    w, act, kv, overhead = inference_memory_parts(s, tp=lay.tp, pp=lay.pp, replicas=lay.replicas)
    return MemoryBreakdown(weights=w, activations=act, kv_cache=kv, overhead=overhead)


def inference_memory_parts(s: Scenario, *, tp: int, pp: int, replicas: int = 1) -> tuple[float, float, float, float]:
    """(weights, activations, KV cache, overhead) bytes per GPU while serving."""
    m = s.model
    w = params_on_most_loaded_gpu(m, tp, pp) * weight_bytes_per_param(s.quant)
    seqs = -(-s.concurrency // replicas)  # sequences per replica, rounded up
    kv = kv_cache_bytes(m, tokens=float(s.inference_context) * seqs, kv_dtype=s.kv_dtype, tp=tp, pp=pp)
    # Prefill working set for one chunk of up to 2048 tokens (vLLM's default chunked-prefill budget):
    # hidden states, QKV and the FFN intermediate in 16-bit, plus fp32 logits for the last tokens.
    chunk = min(s.inference_context, int(A.value("prefill_chunk_tokens")))
    act = chunk * (4 * m.hidden + 2 * m.ffn / tp) * 2.0 + seqs * m.vocab * 4.0
    return w, act, kv, _overhead(s, w + kv + act)

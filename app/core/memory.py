"""Memory on the most-loaded GPU, as the training stack or serving engine allocates it.

Training (``TrainingMemory``): weights, gradients, optimizer states (with the fp32 master copy),
activations, the loss's logits, communication/gather buffers and runtime overhead, plus what an
offload puts in host RAM or on NVMe.

- **Model states** per parameter follow the stack (app.core.stacks): Megatron 2 + 4 + 12 (6 + 12/d
  with the distributed optimizer), DeepSpeed 2 + 2 + 16 (ZeRO-2: 2 + 18/d; ZeRO-3: 18/d and 4 x the
  largest layer for gathering), FSDP2 mixed precision 16/d with fp32 sharded parameters, Hugging Face
  and torchtune in pure bf16 (2 + 2 + 4). ZeRO over the shard group (data x context parallel ranks):
  stage 1 shards the optimizer states and master copy, 2 also the gradients, 3 also the weights
  (Rajbhandari et al. 2020, Figure 1). 8-bit AdamW keeps 2.03 bytes of state per parameter
  (bitsandbytes: uint8 m and v plus an fp32 absmax per 256).
- **Experts** (MoE) are split over the expert-parallel ranks; the dense part over tensor parallelism.
  An expert's size follows from the total and active counts: (total - active) / (experts - top-k).
- **Activations** per token and layer, in bytes for 16-bit values (Korthikanti et al. 2022, §4, with
  the terms of a Llama-style layer): the two norms' inputs and outputs (8h; 16h where the norm keeps
  an fp32 copy of its input, as PyTorch RMSNorm implementations do), Q, K, V and the attention output
  2(2 q + 2 kv), and the FFN's 2 x 4f (gated) or 2 x 2f. Eager attention adds the scores and softmax,
  5 a s (Korthikanti's term); FlashAttention/SDPA keep none. Tensor parallelism divides the split
  terms, sequence parallelism the rest too. Selective recomputation drops the score term (Megatron)
  or keeps ~45% (torchtitan's per-op policy); full recomputation keeps each layer's input (2h) plus
  one layer's working set. With pipelining the first stage holds min(pp, micro-batches) micro-batches
  of its layers (1F1B), x (1 + (pp-1)/(pp v)) when interleaved (Megatron's estimator).
- **Logits**: bytes per token per vocabulary entry by loss (fp32 upcast with its gradient ~8, Megatron's
  in-place vocab-parallel cross-entropy 6, bf16 4, chunked 3, fused 0.5), split over tensor ranks
  where the stack computes the loss vocab-parallel.

Serving (``inference_memory``): weights, KV cache (sliding-window layers keep only their window), the
prefill working set, and the engine's own allocations (vLLM's non-torch memory and CUDA graphs,
llama.cpp's compute buffer). The engine's reservation (vLLM gpu_memory_utilization 0.90) lowers the
memory a plan may use (``usable_memory``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from app.core import assumptions as A
from app.core.lora import lora_trainable_params
from app.core.precision import kv_bytes_per_elem, weight_bytes_per_param
from app.core.results import MemoryBreakdown
from app.core.scenario import Method, Optimizer, Recompute, Scenario
from app.core.specs import ModelSpec
from app.core.stacks import Attention, Engine, Loss, Offload, Stack

if TYPE_CHECKING:
    from app.core.layouts import Layout

GiB = 1024.0**3
NF4_BYTES = weight_bytes_per_param("nf4")
LOSS_BYTES = {Loss.FP32: A.value("loss_bytes_fp32"), Loss.BF16: A.value("loss_bytes_bf16"),
              Loss.CHUNKED: A.value("loss_bytes_chunked"), Loss.FUSED: A.value("loss_bytes_fused")}
INPLACE_LOSS_BYTES = A.value("loss_bytes_fp32_inplace")
SELECTIVE_FRACTION = A.value("selective_ac_fraction")
BUCKET_ELEMENTS = A.value("deepspeed_bucket_elements")
ZERO3_GATHER = A.value("zero3_gather_bytes")
UNITS_IN_FLIGHT = A.value("fsdp_units_in_flight")
MICROBATCHES_PER_STAGE = A.value("pipeline_microbatches_per_stage")
EIGHT_BIT_STATE = 2.0 * (1.0 + 4.0 / 256.0)  # bitsandbytes 8-bit Adam: m and v in uint8 + fp32 absmax per 256


# ----- published formulas, kept as such (the golden tests check them) ---------------------------
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


def activation_bytes_per_layer(*, seq: int, micro_batch: int, hidden: int, heads: int, tp: int,
                               recompute: Recompute, bytes_per_value: float = 2.0) -> float:
    """Korthikanti et al. 2022, Table 2, for a GPT layer (4h MLP, dropout, sequence parallelism
    when tp > 1): sbh(34/t + 5as/(ht)); selective 34 sbh/t; full 2 sbh."""
    s, b, h, a, t = float(seq), float(micro_batch), float(hidden), float(heads), float(tp)
    scale = bytes_per_value / 2.0
    if recompute == Recompute.FULL:
        return 2.0 * s * b * h * scale
    if recompute == Recompute.SELECTIVE:
        return s * b * h * 34.0 / t * scale
    return s * b * h * (34.0 / t + 5.0 * a * s / (h * t)) * scale


def layer_activation_bytes_per_token(model: ModelSpec, *, seq: int, tp: int = 1, sequence_parallel: bool = True,
                                     fused_norms: bool = True, eager: bool = False, dropout: bool = False) -> float:
    """Bytes one token keeps in one layer for backward with no recomputation (16-bit values): the
    general form of Korthikanti et al. 2022 §4 (``dropout`` and a 4h GPT MLP give their 34 + 5as/h)."""
    h = model.hidden
    qd, kvd = model.heads * model.head_dim, model.kv_heads * model.head_dim
    ffn = model.ffn * (4 if model.gated_ffn else 2) * (model.experts_per_token if model.num_experts > 1 else 1)
    replicated = (8.0 if fused_norms else 16.0) * h + (2.0 * h if dropout else 0.0)
    split = 2.0 * (2 * qd + 2 * kvd) + 2.0 * ffn
    if eager:
        split += 5.0 * model.heads * seq
    if tp > 1 and sequence_parallel:
        return (replicated + split) / tp
    return replicated + split / tp


# ----- training -------------------------------------------------------------------------------
class TrainingParts(NamedTuple):
    weights: float
    gradients: float
    optimizer: float
    activations: float
    logits: float
    buffers: float
    overhead: float
    host: float  # bytes in host RAM per GPU (offload)
    nvme: float  # bytes on NVMe per GPU

    @property
    def total(self) -> float:
        return self.weights + self.gradients + self.optimizer + self.activations + self.logits + self.buffers + self.overhead


class _States(NamedTuple):
    weight: float  # bytes per parameter: the compute copy
    grad: float
    master: float  # sharded with the optimizer from stage 1
    optim: float


class TrainingMemory:
    """Memory of every layout of one training scenario. Built once per scenario; ``parts`` is plain
    arithmetic, so the search can price thousands of layouts."""

    def __init__(self, s: Scenario) -> None:
        self.s = s
        m = s.model
        self.rules = s.rules
        self.stack = s.training_stack
        self.fp32 = s.precision == "fp32"
        self.offload = frozenset(s.offload or ())
        self.weights_offloaded = Offload.PARAMS in self.offload or Offload.NVME in self.offload
        if self.weights_offloaded:
            self.offload |= {Offload.OPTIMIZER}
        # parameters: dense body, embeddings, experts
        if m.num_experts > 1 and m.params_total > m.params_active:
            one = (m.params_total - m.params_active) / max(m.num_experts - m.experts_per_token, 1)
            self.experts = one * m.num_experts
        else:
            self.experts = 0.0
        self.emb_in = float(m.vocab * m.hidden)
        self.emb_out = 0.0 if m.tied_embeddings else self.emb_in
        self.body = max(m.params_total - self.experts - self.emb_in - self.emb_out, 0.0)
        self.layer_params = (self.body + self.experts) / m.layers
        self.unit = max(self.layer_params, self.emb_in)  # the largest module gathered at once
        self.full = s.method == Method.FULL
        self.trainable = 0.0 if self.full else lora_trainable_params(m, s.lora_rank, s.lora_targets)
        self.states = self._state_bytes()
        self.frozen = self._frozen_bytes()
        # activations and logits, per token
        eager = s.attention == Attention.EAGER
        self.seq = s.training_seq_len
        self.recompute = s.recompute_mode
        self.act_offload = Offload.ACTIVATIONS in self.offload
        loss = s.loss_mode
        inplace = self.stack == Stack.MEGATRON and loss == Loss.FP32
        self.loss_bytes = (INPLACE_LOSS_BYTES if inplace else LOSS_BYTES[loss]) * m.vocab
        self._layer_cache: dict[int, tuple[float, float, float]] = {}
        self._geo: dict[tuple[object, ...], tuple[float, float, float, float, float] | float] = {}
        self._groups: dict[tuple[float, float, float, int], tuple[float, float, float, float]] = {}
        self._acts: dict[tuple[int, ...], tuple[float, float, float]] = {}
        self._fixed, self._fraction = s.overhead_fixed_bytes, s.overhead_fraction
        self._fast: dict[tuple[object, ...], tuple[tuple[float, ...], tuple[float, ...], float, float, float]] = {}
        self._overlap = (self.stack in (Stack.HF, Stack.TORCHTUNE, Stack.FSDP) and s.global_batch is not None)
        self._eager = eager
        self.scale = 2.0 if self.fp32 else 1.0

    def _state_bytes(self) -> _States:
        """Bytes per trainable parameter: compute copy, gradient, master copy, optimizer states."""
        s, r = self.s, self.rules
        opt = s.optimizer
        if self.fp32:
            states = {Optimizer.ADAMW: 8.0, Optimizer.SGD: 4.0}.get(opt, EIGHT_BIT_STATE)
            return _States(4.0, 4.0, 0.0, states)
        adapters_fp32 = not self.full and r.fp32_adapters
        if r.pure_bf16 and not adapters_fp32:
            states = {Optimizer.ADAMW: 4.0, Optimizer.SGD: 2.0}.get(opt, EIGHT_BIT_STATE)
            return _States(2.0, 2.0, 0.0, states)
        if adapters_fp32 and r.pure_bf16:  # PEFT trains the adapters in fp32 (their own master copy)
            states = {Optimizer.ADAMW: 8.0, Optimizer.SGD: 4.0}.get(opt, EIGHT_BIT_STATE)
            return _States(4.0, 4.0, 0.0, states)
        states = {Optimizer.ADAMW: 8.0, Optimizer.SGD: 4.0}.get(opt, EIGHT_BIT_STATE)
        return _States(2.0, r.grad_bytes, r.master_bytes, states)

    def _frozen_bytes(self) -> tuple[float, float]:
        """(bytes per frozen linear weight, bytes per frozen embedding/norm weight) for LoRA/QLoRA."""
        if self.full:
            return 0.0, 0.0
        base = 4.0 if self.fp32 else 2.0
        if self.s.method == Method.QLORA:
            return NF4_BYTES, base  # bitsandbytes/torchao quantise the linear layers; embeddings stay 16-bit
        return base, base

    # ---- per layout ------------------------------------------------------------------------
    def _per_token(self, tp: int) -> tuple[float, float, float]:
        """(kept per layer, one layer's working set, logits) bytes per token for this tensor degree."""
        v = self._layer_cache.get(tp)
        if v is None:
            s, r = self.s, self.rules
            sp = s.sequence_parallel and r.model_parallel
            work = layer_activation_bytes_per_token(s.model, seq=self.seq, tp=tp, sequence_parallel=sp,
                                                    fused_norms=r.fused_norms, eager=self._eager) * self.scale
            flash = layer_activation_bytes_per_token(s.model, seq=self.seq, tp=tp, sequence_parallel=sp,
                                                     fused_norms=r.fused_norms, eager=False) * self.scale
            if self.recompute == Recompute.NONE:
                kept = work
            elif self.recompute == Recompute.SELECTIVE:
                kept = flash if self.stack == Stack.MEGATRON else flash * SELECTIVE_FRACTION
            else:
                kept = 2.0 * s.model.hidden * self.scale / (tp if sp and tp > 1 else 1)
            vocab_tp = tp if r.model_parallel else 1
            v = self._layer_cache[tp] = (kept, work if self.recompute == Recompute.FULL else 0.0,
                                               self.loss_bytes / vocab_tp)
        return v

    def parts(self, lay: Layout) -> TrainingParts:
        """The most-loaded stage of ``lay`` (the first holds the embedding and the most micro-batches
        in flight, the last the output layer and the loss)."""
        tp, pp, dp, cp, ep, _replicas, zero = lay
        first = self._stage(tp, pp, dp, cp, ep, zero, last=pp == 1)
        if pp == 1:
            return first
        last = self._stage(tp, pp, dp, cp, ep, zero, last=True, first=False)
        return first if first.total >= last.total else last

    def total(self, lay: Layout) -> float:
        """``parts(lay).total``; without offload, the same sum from cached per-stage terms (the search
        prices thousands of layouts per plan; tests/core/test_stacks.py checks the two agree)."""
        if self.offload:
            return self.parts(lay).total
        tp, pp, dp, cp, ep, _replicas, zero = lay
        first = self._fast_stage(tp, pp, dp, cp, ep, zero, True, pp == 1)
        if pp == 1:
            return first
        last = self._fast_stage(tp, pp, dp, cp, ep, zero, False, True)
        return first if first >= last else last

    def _fast_stage(self, tp: int, pp: int, dp: int, cp: int, ep: int, zero: int, first: bool, last: bool) -> float:
        shard = dp * cp
        key = (tp, pp, ep, first, last, zero, shard > 1)
        c = self._fast.get(key)
        if c is None:
            dense, emb, experts, a_dense, a_exp = self._geometry(tp, pp, ep, first, last)
            gd, ge = self._group(dense, emb, a_dense, zero), self._group(experts, 0.0, a_exp, zero) if experts else (0.0,) * 4
            params = dense + experts
            c = self._fast[key] = (gd, ge, self._buffers(params, tp, zero, shard), self._buffers(params, tp, 0, shard),
                                   self._unsharded_total(tp, pp, ep, first, last))
        (wd, gd_, od, _pd), (we, ge_, oe, _pe), buffers, buffers0, base = c
        if zero >= 1:
            eshard = max(shard * tp // ep, 1) if ep > 1 else shard
            od, oe = od / shard, oe / eshard
            if zero >= 2:
                gd_, ge_ = gd_ / shard, ge_ / eshard
                if zero >= 3:
                    wd, we = wd / shard, we / eshard
        w, g, o = wd + we, gd_ + ge_, od + oe
        if zero >= 1 and buffers and not self.weights_offloaded:
            buffers = min(buffers, buffers0 + max(base - (w + g + o), 0.0))
        act, logits, _moved = self._activations(tp, pp, dp, cp, first=first, last=last)
        if self._overlap and self.grads_overlap(dp):
            g = max(g - act - logits, 0.0)
        gpu = w + g + o + act + logits + buffers
        return gpu + self._fixed + self._fraction * gpu

    def grads_overlap(self, dp: int) -> bool:
        """Whether gradients and activations never coexist in full: PyTorch-native stacks allocate
        .grad during backward; without gradient accumulation (global batch = micro-batch x data
        ranks) nothing carries over from one micro-batch to the next. Megatron and DeepSpeed keep
        contiguous gradient buffers for the whole step."""
        s = self.s
        return self._overlap and s.global_batch is not None and s.global_batch <= s.micro_batch * dp

    def trainable_on_gpu(self, lay: Layout) -> float:
        """Trainable parameters whose optimizer step one GPU does (its shard of its stage)."""
        n = (self.body + self.emb_in + self.emb_out + self.experts) if self.full else self.trainable
        shard = lay.dp * lay.cp if lay.zero >= 1 else 1
        return n / (lay.tp * lay.pp * shard)

    def weights_on_gpu_unsharded(self, lay: Layout) -> float:
        """Bytes of 16-bit weights one stage computes with (what offloaded weights bring back per pass)."""
        n = self.body + self.emb_in + self.emb_out + self.experts
        return n * 2.0 / (lay.tp * lay.pp)

    def activations_moved(self, lay: Layout) -> float:
        """Activation bytes one micro-batch sends to host RAM (activation offload)."""
        return self._activations(lay.tp, lay.pp, lay.dp, lay.cp, first=True, last=lay.pp == 1)[2]

    def _geometry(self, tp: int, pp: int, ep: int, first: bool, last: bool) -> tuple[float, float, float, float, float]:
        """(dense parameters, of them embeddings, expert parameters, dense adapters, expert adapters)
        one GPU of this stage holds: its share of the body, the embedding (first stage), the output
        layer (last)."""
        key = (tp, pp, ep, first, last)
        v = self._geo.get(key)
        if v is None:
            emb = (self.emb_in if first else 0.0) + (self.emb_out if last else 0.0)
            if last and not first and self.s.model.tied_embeddings:
                emb += self.emb_in  # the output layer keeps its own copy of a tied embedding
            body, emb = self.body / pp / tp, emb / tp
            experts = self.experts / pp / (ep if ep > 1 else tp)
            adapters = self.trainable / (pp * tp)
            dense_share = (body + emb) / max(body + emb + experts, 1.0)
            v = self._geo[key] = (body + emb, emb, experts, adapters * dense_share, adapters * (1 - dense_share))
        assert isinstance(v, tuple)
        return v

    def _stage(self, tp: int, pp: int, dp: int, cp: int, ep: int, zero: int, *, last: bool,
               first: bool = True) -> TrainingParts:
        s = self.s
        shard = dp * cp
        dense, emb, experts, a_dense, a_exp = self._geometry(tp, pp, ep, first, last)
        eshard = max(dp * cp * tp // ep, 1) if ep > 1 else shard
        w, g, o, host, nvme = self._states(dense, emb, a_dense, shard, zero)
        if experts:
            ew_, eg, eo, eh, en = self._states(experts, 0.0, a_exp, eshard, zero)
            w, g, o, host, nvme = w + ew_, g + eg, o + eo, host + eh, nvme + en
        params = dense + experts
        buffers = self._buffers(params, tp, zero, shard)
        if zero >= 1 and buffers and not self.weights_offloaded:
            # a stage's buffers never cost more than its sharding saves against stage 0
            saved = self._unsharded_total(tp, pp, ep, first, last) - (w + g + o)
            buffers = min(buffers, self._buffers(params, tp, 0, shard) + max(saved, 0.0))
        act, logits, act_host = self._activations(tp, pp, dp, cp, first=first, last=last)
        if self.grads_overlap(dp):
            # .grad tensors appear during backward as the activations are freed: the peak holds the
            # larger of the two, not both (PyTorch frees them with zero_grad(set_to_none=True))
            g = max(g - act - logits, 0.0)
        gpu = w + g + o + act + logits + buffers
        overhead = s.overhead_fixed_bytes + s.overhead_fraction * gpu
        return TrainingParts(w, g, o, act, logits, buffers, overhead, host + act_host, nvme)

    def _unsharded_total(self, tp: int, pp: int, ep: int, first: bool, last: bool) -> float:
        """Weights + gradients + optimizer of a stage at ZeRO stage 0."""
        key = (tp, pp, ep, first, last, -1)
        v = self._geo.get(key)
        if v is None:
            dense, emb, experts, a_dense, a_exp = self._geometry(tp, pp, ep, first, last)
            v = sum(self._states(dense, emb, a_dense, 1, 0)[:3]) + (sum(self._states(experts, 0.0, a_exp, 1, 0)[:3])
                                                                    if experts else 0.0)
            self._geo[key] = v
        assert isinstance(v, float)
        return v

    def _group(self, params: float, emb: float, adapters: float, zero: int) -> tuple[float, float, float, float]:
        """(weights, gradients, optimizer + master, paged states) bytes of a parameter group before sharding."""
        key = (params, emb, adapters, zero)
        v = self._groups.get(key)
        if v is None:
            st = self.states
            if self.full:
                trainable, w = params, params * st.weight
            else:
                trainable = adapters
                w = adapters * st.weight + (params - emb) * self.frozen[0] + emb * self.frozen[1]
            if self.stack == Stack.FSDP and zero >= 3 and self.full and not self.fp32:
                w = 0.0  # FSDP2: the fp32 shard is the master copy; bf16 copies exist only for the gathered units
            g = 0.0 if self.s.optimizer_in_backward else trainable * st.grad
            if self.stack == Stack.DEEPSPEED and zero >= 3:
                g = 0.0  # stage 3 reduces straight into the fp32 partition (counted in the optimizer's 18 bytes)
            paged = trainable * st.optim if self.s.optimizer == Optimizer.PAGED_ADAMW_8BIT else 0.0
            # paged states: unified memory outside PyTorch's allocator, paged to host RAM when the GPU is full
            v = self._groups[key] = (w, g, trainable * (st.master + st.optim) - paged, paged)
        return v

    def _states(self, params: float, emb: float, adapters: float, shard: int, zero: int
                ) -> tuple[float, float, float, float, float]:
        """(weights, gradients, optimizer + master, host, nvme) for ``params`` parameters on this GPU
        (``emb`` of them embeddings; LoRA: ``adapters`` trainable ones beside the frozen base)."""
        w, g, o, paged = self._group(params, emb, adapters, zero)
        if zero >= 1:
            o /= shard
            paged /= shard
        if zero >= 2:
            g /= shard
        if zero >= 3:
            w /= shard
        host, nvme = paged, 0.0
        if not self.offload:
            return w, g, o, host, nvme
        if Offload.OPTIMIZER in self.offload:
            moved = o + (g if self.stack == Stack.DEEPSPEED else 0.0)
            if Offload.NVME in self.offload:
                nvme += moved
            else:
                host += moved
            o = 0.0
            if self.stack == Stack.DEEPSPEED:
                g = 0.0
        if self.weights_offloaded:
            moved = w + g
            if Offload.NVME in self.offload:
                nvme += moved
            else:
                host += moved
            w = g = 0.0
        return w, g, o, host, nvme

    def _buffers(self, params: float, tp: int, zero: int, shard: int) -> float:
        """Communication and gather buffers: DeepSpeed's reduce bucket (stages 1-2) or 4 x the largest
        layer (stage 3); FSDP's gathered units in flight and one unit's unsharded gradient."""
        st, unit = self.states, self.unit / tp
        out = 0.0
        unit = min(unit, params)  # a gather never holds more than the stage's own weights
        if self.stack == Stack.DEEPSPEED:
            bucket = min(BUCKET_ELEMENTS, params) * 2.0 if shard > 1 else 0.0  # gradients reduced in buckets
            out = bucket if zero < 3 else ZERO3_GATHER * unit
        elif self.stack == Stack.HF and zero >= 3 and tp == 1:
            # Trainer/Accelerate FSDP1 wraps each decoder layer; the root unit (embeddings, output
            # layer, final norm) is never resharded after forward (torch.distributed.fsdp
            # _runtime_utils._post_forward_reshard: "not state._is_root"), so it stays gathered with
            # its unsharded gradient through the whole backward pass.
            root = min(self.emb_in + self.emb_out, params)
            layer = min(self.layer_params, params)
            compute = (4.0 if self.fp32 else 2.0) if self.full else self.frozen[0]  # QLoRA gathers NF4
            gather = min(UNITS_IN_FLIGHT * layer, params) * compute + root * (4.0 if self.fp32 else 2.0)
            out = gather + ((root + layer) * st.grad if self.full else 0.0)
        elif self.stack in (Stack.FSDP, Stack.HF, Stack.TORCHTUNE) and zero >= 2:
            compute = (4.0 if self.fp32 else 2.0) if self.full else self.frozen[0]  # QLoRA gathers NF4
            gather = min(UNITS_IN_FLIGHT * unit, params) * compute if zero >= 3 else 0.0
            out = gather + unit * (st.grad if self.full else 0.0)
        if self.s.optimizer_in_backward:
            out += unit * st.grad if self.full else 0.0
        return out

    def _activations(self, tp: int, pp: int, dp: int, cp: int, *, first: bool, last: bool) -> tuple[float, float, float]:
        """(activations, logits, activations moved to host) bytes on one stage."""
        s = self.s
        key = (tp, pp, cp, first, last, dp if pp > 1 and s.global_batch else 0)
        v = self._acts.get(key)
        if v is None:
            v = self._acts[key] = self._stage_activations(tp, pp, dp, cp, first=first, last=last)
        return v

    def _stage_activations(self, tp: int, pp: int, dp: int, cp: int, *, first: bool, last: bool) -> tuple[float, float, float]:
        s, m = self.s, self.s.model
        kept, work, logit = self._per_token(tp)
        tokens = s.micro_batch * self.seq / cp
        layers = math.ceil(m.layers / pp)
        if pp > 1:
            micro = (s.global_batch // max(s.micro_batch * dp, 1)) if s.global_batch else MICROBATCHES_PER_STAGE * pp
            in_flight = float(min(pp, max(micro, 1)))
            if s.vpp > 1:
                in_flight *= 1.0 + (pp - 1) / (pp * s.vpp)
            if not first and s.vpp == 1:
                in_flight = 1.0
        else:
            in_flight = 1.0
        held = kept * layers * in_flight * tokens
        moved = 0.0
        if self.act_offload:  # two layers' inputs in flight to and from host RAM
            keep = min(held, 2.0 * kept * tokens)
            moved, held = held - keep, keep
        act = held + work * tokens
        return act, (logit * tokens if last else 0.0), moved


def training_memory(s: Scenario, lay: Layout) -> MemoryBreakdown:
    return breakdown(TrainingMemory(s).parts(lay))


def breakdown(p: TrainingParts) -> MemoryBreakdown:
    return MemoryBreakdown(weights=p.weights, gradients=p.gradients, optimizer=p.optimizer, activations=p.activations,
                           logits=p.logits, buffers=p.buffers, overhead=p.overhead)


# ----- serving --------------------------------------------------------------------------------
ENGINE_UTILISATION = {Engine.VLLM: A.value("vllm_gpu_memory_utilization"), Engine.SGLANG: A.value("sglang_mem_fraction_static"),
                      Engine.TRT_LLM: A.value("trtllm_free_gpu_memory_fraction"), Engine.TGI: A.value("tgi_cuda_memory_fraction"),
                      Engine.LLAMA_CPP: 1.0}
KV_BLOCK = {Engine.VLLM: 16, Engine.SGLANG: 1, Engine.TRT_LLM: 32, Engine.TGI: 1, Engine.LLAMA_CPP: 256}


APPLE_GPU_SHARE = A.value("apple_gpu_memory_share")


def usable_memory(s: Scenario, capacity: float, architecture: str = "") -> float:
    """The memory a serving engine lets the model use: vLLM allocates up to gpu_memory_utilization x
    the GPU (0.90), SGLang mem_fraction_static (0.90) for weights and KV; TensorRT-LLM gives 90% of
    the memory left after the weights to the KV cache, TGI 90% of it (TGI_WIGGLE_ROOM 0.90 x
    --cuda-memory-fraction 1.0); llama.cpp takes what it needs. On Apple silicon the GPU may wire
    only part of the unified memory (macOS recommendedMaxWorkingSetSize: about 75% above 36 GB)."""
    if architecture == "apple":
        capacity *= APPLE_GPU_SHARE
    if not s.is_training and s.engine in (Engine.TRT_LLM, Engine.TGI):
        return capacity  # its fraction applies to the free memory: KV sized from it, the rest stays free
    return capacity * (ENGINE_UTILISATION[s.engine] if not s.is_training else 1.0)


def kv_cache_bytes(model: ModelSpec, *, tokens: float, kv_dtype: str = "fp16", tp: int = 1, pp: int = 1,
                   window_tokens: float | None = None, layers: float | None = None) -> float:
    """KV cache for ``tokens`` cached tokens (context x concurrent sequences), per GPU.

    2 x layers x kv_heads x head_dim x bytes per token (vLLM paper §3: OPT-13B 800 KB/token). KV heads
    split over tp; when tp exceeds the KV heads each GPU keeps one (GQA/MQA replication). Layers with
    sliding-window attention keep only ``window_tokens`` (Gemma 2/3, Mistral 7B, gpt-oss)."""
    per_layer: float | None = model.kv_elems_per_token_per_layer
    if per_layer is None:
        kv_per_gpu = max(model.kv_heads / tp, 1.0)
        per_layer = 2 * kv_per_gpu * model.head_dim
    # a latent (MLA) cache is not split by heads: every tp rank keeps all of it
    n_layers = (model.layers if layers is None else layers) / pp
    local = min(model.local_layers, model.layers) * n_layers / model.layers if model.sliding_window else 0.0
    full = n_layers - local
    window = tokens if window_tokens is None else window_tokens
    return (tokens * full + min(tokens, window) * local) * per_layer * kv_bytes_per_elem(kv_dtype)


class ServingParts(NamedTuple):
    weights: float
    activations: float
    kv_cache: float
    overhead: float
    host: float = 0.0  # llama.cpp: layers kept in system RAM
    gpu_layers: float = 0.0

    @property
    def total(self) -> float:
        return self.weights + self.activations + self.kv_cache + self.overhead


NON_TORCH = A.value("engine_non_torch_bytes")
CUDA_GRAPHS = A.value("cuda_graph_bytes")
UBATCH = A.value("llamacpp_ubatch")
PREFILL_CHUNK = int(A.value("prefill_chunk_tokens"))


def _engine_fixed(s: Scenario, tp: int) -> float:
    """What the engine allocates outside the model: CUDA context and NCCL (vLLM logs it as non-torch
    memory, 1.79 GiB on one 80 GB GPU, twice with TP), CUDA graphs; llama.cpp's context only."""
    if s.engine == Engine.LLAMA_CPP:
        return s.overhead_fixed_bytes
    return NON_TORCH * (2.0 if tp > 1 else 1.0) + CUDA_GRAPHS


def inference_memory_parts(s: Scenario, *, tp: int, pp: int, replicas: int = 1, gpu_layers: float | None = None) -> ServingParts:
    """Bytes per GPU while serving: weights, prefill working set, KV cache, engine overhead; with
    llama.cpp and ``gpu_layers`` below the model's layers, the rest of the layers in host RAM."""
    m = s.model
    wb = s.weight_bytes
    seqs = -(-s.concurrency // replicas)  # sequences per replica, rounded up
    block = KV_BLOCK[s.engine]
    context = s.inference_context
    held = s.kv_tokens_per_seq  # paged engines: prompt + answer; llama.cpp: the slot's whole context
    ctx = float(-(-held // block) * block)
    window = float(-(-min(m.sliding_window or held, held) // block) * block) if m.sliding_window else ctx
    layers_gpu = float(m.layers) if gpu_layers is None else min(float(gpu_layers), float(m.layers))
    share = layers_gpu / m.layers
    emb = m.vocab * m.hidden
    if s.engine == Engine.LLAMA_CPP:
        # token embeddings stay in host RAM; the output layer goes to the GPU with the last layer
        body = m.params_total - emb * (1 if m.tied_embeddings else 2)
        w = (body * share / (tp * pp) + (0.0 if m.tied_embeddings or share < 1 else emb / pp)) * wb
        host = (body * (1 - share) + emb) * wb
    else:
        w = params_on_most_loaded_gpu(m, tp, pp) * wb
        host = 0.0
    kv = kv_cache_bytes(m, tokens=ctx * seqs, kv_dtype=s.kv_dtype, tp=tp, pp=pp, window_tokens=window * seqs,
                        layers=layers_gpu)
    if s.engine == Engine.LLAMA_CPP:
        act = UBATCH * (8.0 * m.vocab + 64.0 * m.hidden) if layers_gpu else 0.0
        host += kv_cache_bytes(m, tokens=ctx * seqs, kv_dtype=s.kv_dtype, window_tokens=window * seqs,
                               layers=m.layers - layers_gpu)
    else:
        # Prefill working set for one chunk of up to 2048 tokens (vLLM's default chunked-prefill budget):
        # hidden states, QKV and the FFN intermediate in 16-bit, plus fp32 logits for the last tokens.
        chunk = min(context, PREFILL_CHUNK)
        act = chunk * (4 * m.hidden + 2 * m.ffn / tp) * 2.0 + seqs * m.vocab * 4.0
    overhead = _engine_fixed(s, tp) + s.overhead_fraction * (w + kv + act)
    return ServingParts(w, act, kv, overhead, host, layers_gpu)


def params_on_most_loaded_gpu(model: ModelSpec, tp: int, pp: int, params: float | None = None) -> float:
    """Parameters held by the first pipeline stage (layers / pp plus the embedding), split over tp."""
    total = model.params_total if params is None else params
    emb_in = model.vocab * model.hidden
    emb_out = 0 if model.tied_embeddings else emb_in
    body = max(total - emb_in - emb_out, 0.0)
    if pp == 1:
        return total / tp
    return (body / pp + emb_in) / tp


def gpu_layers_that_fit(s: Scenario, capacity: float) -> int:
    """llama.cpp: the most layers (-ngl) whose weights and KV fit next to the compute buffer."""
    lo, hi = 0, s.model.layers
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if inference_memory_parts(s, tp=1, pp=1, gpu_layers=mid).total <= capacity:
            lo = mid
        else:
            hi = mid - 1
    return lo


def inference_memory(s: Scenario, lay: Layout, gpu_layers: float | None = None) -> MemoryBreakdown:
    p = inference_memory_parts(s, tp=lay.tp, pp=lay.pp, replicas=lay.replicas, gpu_layers=gpu_layers)
    return MemoryBreakdown(weights=p.weights, activations=p.activations, kv_cache=p.kv_cache, overhead=p.overhead)

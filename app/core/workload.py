"""Tokens and FLOPs of a job.

Training compute C ~= 6 N D (Kaplan et al. 2020, §2.1; forward 2ND + backward 4ND), with N the
*active* parameters for MoE (compute follows the experts a token visits; DeepSeek-V3 report: 37B of
671B activated per token). Adjustments, each reported as a finding:
- LoRA/QLoRA: the frozen base needs no weight gradients, so the backward pass costs 2ND instead of
  4ND (gradients with respect to activations only): C ~= 4 N D + 6 N_lora D (Hu et al. 2021 §4.2
  report ~25% faster training for GPT-3, consistent with skipping weight gradients).
- Causal attention matmuls (QK^T and AV), forward and backward: +6 L s d_attn per token (half of
  PaLM's 12 L s d, appendix B: FlashAttention skips the masked blocks). Not in 6ND.
- Full recomputation re-runs the forward pass: +2ND and the forward attention (Korthikanti et al.
  2022, §5; Chen et al. 2016).
- Selective recomputation re-runs only the attention core: +2 L s d_attn per token.
MFU is quoted against 6ND (4ND + 6 N_lora D with LoRA) as in the Llama 3 and PaLM reports; the
hardware FLOPs (HFU) add attention and recomputation.
"""

from __future__ import annotations

from functools import lru_cache

from app.core import assumptions as A
from app.core.lora import lora_trainable_params as lora_trainable_params
from app.core.results import Finding, Workload
from app.core.scenario import Goal, Method, Recompute, Scenario
from app.core.specs import ModelSpec
from app.core.stacks import Stack


def chinchilla_tokens(params: float, tokens_per_param: float = 20.0) -> float:
    """Compute-optimal token count (Hoffmann et al. 2022): ~20 tokens per parameter."""
    return params * tokens_per_param


def training_flops(active_params: float, tokens: float) -> float:
    """C ~= 6 N D (Kaplan et al. 2020)."""
    return 6.0 * active_params * tokens


def attention_flops_per_token(m: ModelSpec, seq: int) -> float:
    """Causal attention matmuls (QK^T and AV), forward and backward: 6·L·s·d_attn per token (half of
    the 12·L·s·d of PaLM's appendix B, FlashAttention skipping the masked blocks)."""
    return 6.0 * m.layers * seq * m.heads * m.head_dim


def flops_per_token(s: Scenario) -> tuple[float, float]:
    """(model FLOPs, hardware FLOPs) per trained token."""
    m = s.model
    n = m.params_active
    if s.method == Method.FULL or s.goal != Goal.FINETUNE:
        model = 6.0 * n
    else:
        tr = lora_trainable_params(m, s.lora_rank, s.lora_targets)
        model = 4.0 * n + 6.0 * tr * (m.experts_per_token / m.num_experts if m.num_experts > 1 else 1.0)
    hw = model + attention_flops_per_token(m, s.training_seq_len)
    rc = s.recompute_mode
    if rc == Recompute.FULL:
        hw += 2.0 * n + attention_flops_per_token(m, s.training_seq_len) / 3.0
    elif rc == Recompute.SELECTIVE:
        hw += attention_flops_per_token(m, s.training_seq_len) / 3.0
    return model, hw


def pipeline_chunks(s: Scenario, pp: int) -> int:
    """Model chunks per pipeline rank: the user's --vpp, else Megatron's interleaved schedule with up to
    ``pipeline_interleave`` chunks that divide the layers (Narayanan et al. 2021 §2.2.2; the Llama 3
    paper §3.3.2 trains 405B with it), else 1 (plain 1F1B)."""
    if "vpp" in s.model_fields_set or s.training_stack != Stack.MEGATRON:
        return max(s.vpp, 1)
    return _interleave(s.model.layers // pp)


@lru_cache(maxsize=256)
def _interleave(per_rank: int) -> int:
    return max((v for v in range(1, int(A.value("pipeline_interleave")) + 1) if per_rank % v == 0 and per_rank >= v), default=1)


def global_batch_tokens(s: Scenario) -> float:
    """Tokens per optimizer step: the user's global batch, else the registry's default."""
    seq = s.training_seq_len
    if s.global_batch:
        return float(s.global_batch * seq)
    if s.goal == Goal.FINETUNE:
        return float(A.value("global_batch_sequences_finetune")) * seq
    # DeepSeek LLM (arXiv 2401.02954) §3.1: the optimal batch grows with compute, B = 0.292 C^0.3271 tokens
    return _batch_law(6.0 * s.model.params_active * _tokens(s), seq)


def _tokens(s: Scenario) -> float:
    """training_tokens without its findings (the search asks for it thousands of times)."""
    if s.goal == Goal.FINETUNE:
        return float(s.samples * s.training_seq_len * s.epochs) if s.samples is not None else float((s.tokens or 0.0) * s.epochs)
    if s.tokens is not None:
        return s.tokens
    d = chinchilla_tokens(s.model.params_total, s.chinchilla_tokens_per_param)
    return d * s.cpt_fraction if s.goal == Goal.CPT else d


@lru_cache(maxsize=256)
def _batch_law(c: float, seq: int) -> float:
    b = float(A.value("batch_law_coefficient")) * max(c, 1.0) ** float(A.value("batch_law_exponent"))
    return float(min(max(b, 2.0**20, float(seq)), 2.0**26))


def training_tokens(s: Scenario) -> tuple[float, list[Finding]]:
    notes: list[Finding] = []
    n = s.model.params_total
    if s.goal == Goal.SCRATCH:
        if s.tokens is not None:
            return s.tokens, notes
        d = chinchilla_tokens(n, s.chinchilla_tokens_per_param)
        notes.append(Finding(code="tokens_chinchilla_default", params={"tokens_per_param": s.chinchilla_tokens_per_param, "tokens": d}))
        return d, notes
    if s.goal == Goal.CPT:
        if s.tokens is not None:
            return s.tokens, notes
        d = chinchilla_tokens(n, s.chinchilla_tokens_per_param) * s.cpt_fraction
        notes.append(Finding(code="tokens_cpt_default", params={"fraction": s.cpt_fraction, "tokens_per_param": s.chinchilla_tokens_per_param, "tokens": d}))
        return d, notes
    if s.goal == Goal.FINETUNE:
        if s.samples is not None:
            d = s.samples * s.training_seq_len * s.epochs
            notes.append(Finding(code="tokens_from_samples", params={"samples": s.samples, "seq_len": s.training_seq_len, "epochs": s.epochs, "tokens": d}))
            return d, notes
        assert s.tokens is not None
        return s.tokens * s.epochs, notes
    return 0.0, notes


def workload(s: Scenario) -> Workload:
    m = s.model
    if not s.is_training:
        return Workload(params=m.params_total, active_params=m.params_active,
                        flops_per_token=2.0 * m.params_active)
    tokens, adjustments = training_tokens(s)
    n = m.params_active
    per_token, hw_per_token = flops_per_token(s)
    if s.method == Method.FULL or s.goal != Goal.FINETUNE:
        trainable = m.params_total
    else:
        trainable = lora_trainable_params(m, s.lora_rank, s.lora_targets)
        adjustments.append(Finding(code="flops_frozen_base", params={"method": s.method.value, "factor": 4.0}))
    attention = attention_flops_per_token(m, s.training_seq_len)
    adjustments.append(Finding(code="flops_attention", params={"extra_flops_per_token": attention}))
    rc = s.recompute_mode
    if rc == Recompute.FULL:
        adjustments.append(Finding(code="flops_full_recompute", params={"extra_flops_per_token": 2.0 * n + attention / 3.0}))
    elif rc == Recompute.SELECTIVE:
        adjustments.append(Finding(code="flops_selective_recompute", params={"extra_flops_per_token": attention / 3.0}))
    if s.goal == Goal.SCRATCH and tokens < 0.5 * chinchilla_tokens(m.params_total):
        adjustments.append(Finding(code="tokens_below_chinchilla", severity="info",
                                   params={"tokens_per_param": tokens / m.params_total}))
    return Workload(
        params=m.params_total, active_params=n, tokens=tokens,
        train_flops=per_token * tokens, hardware_flops=hw_per_token * tokens,
        flops_per_token=per_token, trainable_params=trainable, adjustments=adjustments,
    )

"""Tokens and FLOPs of a job.

Training compute C ~= 6 N D (Kaplan et al. 2020, §2.1; forward 2ND + backward 4ND), with N the
*active* parameters for MoE (compute follows the experts a token visits; DeepSeek-V3 report: 37B of
671B activated per token). Adjustments, each reported as a finding:
- LoRA/QLoRA: the frozen base needs no weight gradients, so the backward pass costs 2ND instead of
  4ND (gradients with respect to activations only): C ~= 4 N D + 6 N_lora D (Hu et al. 2021 §4.2
  report ~25% faster training for GPT-3, consistent with skipping weight gradients).
- Full recomputation re-runs the forward pass: +2ND (Korthikanti et al. 2022, §5; Chen et al. 2016).
- Selective recomputation re-runs only the attention core (QK^T and AV): +4 L s d_attn per token.
Attention-score FLOPs are not in 6ND; MFU is quoted against 6ND as in the Llama 3 and PaLM reports.
"""

from __future__ import annotations

from app.core.results import Finding, Workload
from app.core.scenario import LORA_TARGETS, Goal, Method, Recompute, Scenario
from app.core.specs import ModelSpec


def chinchilla_tokens(params: float, tokens_per_param: float = 20.0) -> float:
    """Compute-optimal token count (Hoffmann et al. 2022): ~20 tokens per parameter."""
    return params * tokens_per_param


def training_flops(active_params: float, tokens: float) -> float:
    """C ~= 6 N D (Kaplan et al. 2020)."""
    return 6.0 * active_params * tokens


def lora_trainable_params(model: ModelSpec, rank: int, targets: str = "all-linear") -> float:
    """LoRA adds A (r x d_in) and B (d_out x r) to each adapted matrix: r (d_in + d_out) parameters
    (Hu et al. 2021, §4). For MoE every expert's FFN gets its own adapter."""
    h, hd = model.hidden, model.head_dim
    q_out = model.heads * hd
    kv_out = model.kv_heads * hd
    dims = {
        "q": (h, q_out),
        "k": (h, kv_out),
        "v": (h, kv_out),
        "o": (q_out, h),
        "gate": (h, model.ffn),
        "up": (h, model.ffn),
        "down": (model.ffn, h),
    }
    per_layer = 0.0
    for t in LORA_TARGETS[targets]:
        d_in, d_out = dims[t]
        mult = model.num_experts if t in ("gate", "up", "down") else 1
        if t == "gate" and not model.gated_ffn:
            continue
        per_layer += rank * (d_in + d_out) * mult
    return per_layer * model.layers


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
    if s.method == Method.FULL:
        trainable = m.params_total
        per_token = 6.0 * n
    else:
        trainable = lora_trainable_params(m, s.lora_rank, s.lora_targets)
        per_token = 4.0 * n + 6.0 * trainable * (m.experts_per_token / m.num_experts if m.num_experts > 1 else 1.0)
        adjustments.append(Finding(code="flops_frozen_base", params={"method": s.method.value, "factor": 4.0}))
    hw_per_token = per_token
    rc = s.recompute_mode
    if rc == Recompute.FULL:
        hw_per_token += 2.0 * n
        adjustments.append(Finding(code="flops_full_recompute", params={"extra_flops_per_token": 2.0 * n}))
    elif rc == Recompute.SELECTIVE:
        extra = 4.0 * m.layers * s.training_seq_len * m.heads * m.head_dim
        hw_per_token += extra
        adjustments.append(Finding(code="flops_selective_recompute", params={"extra_flops_per_token": extra}))
    if s.goal == Goal.SCRATCH and tokens < 0.5 * chinchilla_tokens(m.params_total):
        adjustments.append(Finding(code="tokens_below_chinchilla", severity="info",
                                   params={"tokens_per_param": tokens / m.params_total}))
    return Workload(
        params=m.params_total, active_params=n, tokens=tokens,
        train_flops=per_token * tokens, hardware_flops=hw_per_token * tokens,
        flops_per_token=per_token, trainable_params=trainable, adjustments=adjustments,
    )

"""Training stacks: how each framework allocates model states, activations and the loss, and which
memory savers and parallel dimensions it offers. The memory model (app.core.memory) reads these
rules; the Scenario refuses a setting a stack does not have.

Sources (read in the frameworks' own code and documentation):
- Megatron-LM, docs/user-guide/features/dist_optimizer.md: bf16 parameters with fp32 main gradients
  and fp32 main parameters + Adam cost 18 bytes per parameter, 6 + 12/d with the distributed
  optimizer; megatron/training/theoretical_memory_usage.py (the same, and activations per Korthikanti
  et al. 2022 with flash attention); Transformer Engine's fused RMSNorm and RoPE keep only their
  inputs. Its vocab-parallel cross-entropy (core/tensor_parallel/cross_entropy.py) works on the
  fp32 logits in place.
- DeepSpeed, deepspeed/runtime/zero/stage_1_and_2.py (estimate_zero2_model_states_mem_needs: 2 bytes of
  fp16 parameters + 18 sharded = 2 grads16 + 4 grads32 + 4 params32 + 8 optimizer states) and
  stage3.py (estimate_zero3_model_states_mem_needs: 18 bytes per parameter sharded + 4 x the largest
  layer for gathering); docs/code-docs/source/memory.rst.
- PyTorch FSDP2 as torchtitan runs it (docs/fsdp.md, config defaults mixed_precision_param=bfloat16,
  reduce=float32): fp32 sharded parameters are the master copy, so 4 + 4 + 8 = 16 bytes per parameter
  over the shard group, plus bf16 copies of the units being gathered; selective activation
  checkpointing ("op" policy) saves the outputs of only some operators.
- Hugging Face Trainer/PEFT with the model loaded in bf16 (torch_dtype=bfloat16, bf16=True):
  parameters, gradients and AdamW states all in bf16 (2 + 2 + 4 = 8 bytes); PEFT keeps adapter
  weights in fp32 (autocast_adapter_dtype=True); the loss upcasts the logits to fp32
  (transformers/loss/loss_utils.py ForCausalLMLoss); RMSNorm computes in fp32 and keeps the fp32
  input for backward (modeling_llama.py LlamaRMSNorm).
- torchtune: pure bf16 training (dtype bf16), CEWithChunkedOutputLoss by default (8 chunks),
  optimizer_in_bwd and activation offloading as config switches, FSDP2 full sharding when
  distributed; torchtune/modules/rms_norm.py keeps x.float() for backward like Hugging Face.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stack(StrEnum):
    """The training framework: it decides how many bytes each parameter costs and what can be
    sharded (``RULES``)."""

    MEGATRON = "megatron"
    DEEPSPEED = "deepspeed"
    FSDP = "fsdp"
    HF = "hf"
    TORCHTUNE = "torchtune"


class Attention(StrEnum):
    FLASH = "flash"  # FlashAttention / PyTorch SDPA: no sequence x sequence scores are kept
    EAGER = "eager"  # the scores and their softmax are kept for backward (a x s^2 per layer)


class Loss(StrEnum):
    FP32 = "fp32"  # logits upcast to fp32 with their gradient (HF Trainer, torchtitan; Megatron in place)
    BF16 = "bf16"  # logits and their gradient kept in bf16
    CHUNKED = "chunked"  # fp32 upcast one chunk at a time (torchtune CEWithChunkedOutputLoss, TRL)
    FUSED = "fused"  # logits never materialised (Liger fused linear cross-entropy, Cut Cross-Entropy)


class Offload(StrEnum):
    OPTIMIZER = "optimizer"  # fp32 master weights and optimizer states in host RAM (ZeRO-Offload)
    PARAMS = "params"  # the weights too (ZeRO-3 offload_param, FSDP CPUOffload); implies optimizer
    NVME = "nvme"  # weights and optimizer states on NVMe (ZeRO-Infinity)
    ACTIVATIONS = "activations"  # checkpointed layer inputs in host RAM (torchtune, DeepSpeed cpu_checkpointing)


class Engine(StrEnum):
    """The serving engine (its memory reservation and KV block size: app.core.memory)."""

    VLLM = "vllm"
    SGLANG = "sglang"
    TRT_LLM = "trtllm"
    TGI = "tgi"
    LLAMA_CPP = "llama.cpp"

    @classmethod
    def _missing_(cls, value: object) -> Engine | None:
        """Names plan files and scripts used before: ``trt-llm`` (until the serving round) and
        ``tensorrt-llm`` mean TensorRT-LLM; case does not matter."""
        v = str(value).strip().lower()
        aliases = {"trt-llm": "trtllm", "tensorrt-llm": "trtllm", "tensorrt_llm": "trtllm", "llamacpp": "llama.cpp"}
        v = aliases.get(v, v)
        return next((m for m in cls if m.value == v), None)


@dataclass(frozen=True, slots=True)
class StackRules:
    zero_stages: tuple[int, ...]  # 1 = Megatron's distributed optimizer; 3 = FSDP full sharding
    model_parallel: bool  # tensor, pipeline, context and expert parallelism
    pure_bf16: bool  # parameters, gradients and optimizer states in bf16, no fp32 master
    grad_bytes: float  # gradient bytes per parameter in mixed precision
    master_bytes: float  # fp32 bytes per parameter sharded with the optimizer (master, fp32 gradient partition)
    fused_norms: bool  # norms keep only their 16-bit input (Transformer Engine), not an fp32 copy
    loss: Loss
    recompute: str  # the default for full training: "selective" or "full"
    recomputes: tuple[str, ...]  # what the stack offers
    optimizer_in_backward: bool
    offloads: frozenset[Offload]
    fp32_adapters: bool  # LoRA adapters trained in fp32 (PEFT) rather than bf16


RULES: dict[Stack, StackRules] = {
    Stack.MEGATRON: StackRules((0, 1), True, False, 4.0, 4.0, True, Loss.FP32, "selective",
                               ("none", "selective", "full"), False, frozenset((Offload.OPTIMIZER,)), False),
    Stack.DEEPSPEED: StackRules((0, 1, 2, 3), False, False, 2.0, 8.0, False, Loss.FP32, "full", ("none", "full"), False,
                                frozenset((Offload.OPTIMIZER, Offload.PARAMS, Offload.NVME, Offload.ACTIVATIONS)), True),
    Stack.FSDP: StackRules((0, 2, 3), True, False, 4.0, 4.0, False, Loss.FP32, "selective", ("none", "selective", "full"),
                           True, frozenset((Offload.PARAMS, Offload.ACTIVATIONS)), False),
    Stack.HF: StackRules((0, 3), False, True, 2.0, 0.0, False, Loss.FP32, "full", ("none", "full"), False,
                         frozenset((Offload.PARAMS,)), True),
    Stack.TORCHTUNE: StackRules((0, 3), False, True, 2.0, 0.0, False, Loss.CHUNKED, "full", ("none", "full"), True,
                                frozenset((Offload.PARAMS, Offload.ACTIVATIONS)), False),
}


def allowed_offloads(stack: Stack) -> list[str]:
    return sorted(o.value for o in RULES[stack].offloads)

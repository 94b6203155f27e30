"""Memory savers the search turns to when nothing fits otherwise, and what they cost in time.

The savers, in the order tried (least time lost first), each where the stack offers it
(app.core.stacks): the optimizer step in backward (torchtune, FSDP: no gradient buffers, no cost),
activation offload (checkpointed layer inputs to host RAM, overlapped with compute), optimizer
offload (ZeRO-Offload: fp32 master and states in host RAM, the step on the CPU), weight offload
(ZeRO-3 offload_param / FSDP CPUOffload) and NVMe (ZeRO-Infinity).

Time per optimizer step on one GPU, against the compute of the same step:
- gradients down and bf16 weights up over the host link (PCIe; 25 GB/s for gen 4 x16, doubling per
  generation), weights twice more when they live in host RAM (gathered for forward and backward);
- the CPU optimizer step, memory-bound: ~30 bytes of host traffic per parameter (fp32 master, m and v
  read and written, gradient read, bf16 weight written), the node's GPUs sharing its bandwidth;
- NVMe traffic shared by the node's GPUs at the drive's bandwidth;
- activation traffic hidden behind compute unless it takes longer.
No overlap of the step with compute is assumed (DeepSpeed's one-step delayed update is not modelled).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core import assumptions as A
from app.core.scenario import Scenario
from app.core.stacks import Offload

if TYPE_CHECKING:
    from app.core.layouts import Layout
    from app.core.memory import TrainingMemory
    from app.core.specs import GpuSpec

PCIE_GEN4 = A.value("pcie_bytes_per_s_gen4")
HOST_BW = A.value("host_memory_bytes_per_s")
NVME_BW = A.value("nvme_bytes_per_s")
CPU_ADAM = A.value("cpu_adam_bytes_per_param")
MICROBATCHES_PER_STAGE = A.value("pipeline_microbatches_per_stage")

_SAVERS: tuple[tuple[Offload, ...], ...] = (
    (Offload.ACTIVATIONS,),
    (Offload.OPTIMIZER,),
    (Offload.OPTIMIZER, Offload.ACTIVATIONS),
    (Offload.PARAMS,),
    (Offload.PARAMS, Offload.ACTIVATIONS),
    (Offload.NVME,),
    (Offload.NVME, Offload.ACTIVATIONS),
)


def saver_variants(s: Scenario) -> list[Scenario]:
    """The scenario with each memory saver the stack offers, in the order the search tries them;
    none when the user chose the offload or the optimizer-in-backward setting."""
    if not s.is_training or s.offload is not None:
        return []
    r = s.rules
    out = []
    if s.optimizer_in_backward is None and r.optimizer_in_backward and s.method.value == "full":
        out.append(s.model_copy(update={"optimizer_in_backward": True}))
    out += [s.model_copy(update={"offload": combo}) for combo in _SAVERS if all(o in r.offloads for o in combo)]
    return out


def pcie_bytes_per_s(gpu: GpuSpec) -> float:
    return PCIE_GEN4 * 2.0 ** (gpu.pcie_gen - 4)


def step_tokens_per_gpu(s: Scenario, lay: Layout) -> float:
    """Tokens one GPU's model replica processes per optimizer step (global batch, or 8 micro-batches
    per pipeline stage when none is given)."""
    micro = (s.global_batch / max(s.micro_batch * lay.dp, 1)) if s.global_batch else MICROBATCHES_PER_STAGE * lay.pp
    return max(micro, 1.0) * s.micro_batch * s.training_seq_len / lay.cp


def offload_factor(tm: TrainingMemory, gpu: GpuSpec, lay: Layout, flops_per_token: float, flops_per_s: float) -> float:
    """Compute time / (compute + offload time) of one optimizer step; 1.0 without offload.
    ``flops_per_token`` is the hardware FLOPs of one token over the whole model, ``flops_per_s``
    what one GPU sustains."""
    s = tm.s
    offload = tm.offload
    if not offload:
        return 1.0
    tokens = step_tokens_per_gpu(s, lay)
    compute = flops_per_token * tokens / (lay.tp * lay.pp) / max(flops_per_s, 1.0)
    trainable = tm.trainable_on_gpu(lay)
    link = pcie_bytes_per_s(gpu)
    gpn = min(gpu.gpus_per_node, lay.tp * lay.pp * lay.dp * lay.cp)
    extra = 0.0
    if Offload.OPTIMIZER in offload:
        traffic = trainable * (tm.states.grad + 2.0)  # gradients down, bf16 weights up
        if Offload.PARAMS in offload or Offload.NVME in offload:
            traffic += 2.0 * 2.0 * tm.weights_on_gpu_unsharded(lay) / max(lay.dp * lay.cp, 1)  # gathers, fwd + bwd
        if Offload.NVME in offload:
            extra += traffic * gpn / NVME_BW
        else:
            extra += traffic / link
        extra += trainable * CPU_ADAM * gpn / HOST_BW
    if Offload.ACTIVATIONS in offload:
        moved = tm.activations_moved(lay) * tokens / (s.micro_batch * s.training_seq_len / lay.cp)
        extra += max(0.0, 2.0 * moved / link - compute)
    return compute / (compute + extra) if compute > 0 else 1.0

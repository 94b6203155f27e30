"""Shared builders for core tests (specs written out here so tests do not depend on the catalog)."""

from app.core.scenario import Scenario
from app.core.specs import GpuSpec, ModelSpec, model_from_architecture
from app.core.units import GiB


def a100_80() -> GpuSpec:
    """NVIDIA A100 80GB SXM datasheet: 312 TFLOPS dense BF16, 2,039 GB/s, 400 W, NVLink 600 GB/s x 8."""
    return GpuSpec(id="a100", name="A100 80GB", memory_bytes=80 * GiB, bandwidth_bytes_per_s=2.039e12,
                   peak_flops_bf16=312e12, peak_flops_fp16=312e12, peak_ops_int8=624e12, tdp_w=400,
                   nvlink_bandwidth_bytes_per_s=600e9, nvlink_domain=8, pcie_gen=4, gpus_per_node=8)


def llama2_7b() -> ModelSpec:
    """meta-llama/Llama-2-7b-hf config.json."""
    return model_from_architecture(layers=32, hidden=4096, heads=32, kv_heads=32, ffn=11008, vocab=32000, id="llama-2-7b")


def scenario(**kw) -> Scenario:
    kw.setdefault("model", llama2_7b())
    return Scenario(**kw)

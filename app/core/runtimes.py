"""What each serving engine can run on each chip: weight formats by engine and chip architecture.

vLLM's "Supported Hardware" table for quantization kernels (docs.vllm.ai, v0.11.2,
features/quantization): AWQ on Turing-Hopper (not Volta, AMD, Gaudi or TPU); GPTQ on Volta-Hopper (not
AMD, Gaudi or TPU); INT8 W8A8 on Turing-Hopper and TPU; FP8 W8A8 on Ada, Hopper and AMD; bitsandbytes
(nf4) on NVIDIA only; GGUF on NVIDIA and AMD only. Blackwell is not in that table; it runs what Hopper
runs (vLLM's CUDA kernels build for SM 10.0). Unquantised 16-bit weights run everywhere.
llama.cpp's backends (README "Supported backends": CUDA, HIP, Vulkan, SYCL, Metal, CPU) have no Gaudi
or TPU path, and Metal for Apple silicon, where vLLM, SGLang, TensorRT-LLM and TGI have no GPU path;
TensorRT-LLM is NVIDIA's only; SGLang runs on NVIDIA and AMD (ROCm) GPUs; TGI on NVIDIA, AMD and Gaudi
(its README, "Hardware support"; in maintenance mode since 2025-12-11, huggingface/text-generation-
inference #3344).
"""

from __future__ import annotations

from app.core.precision import GGUF_FORMATS
from app.core.stacks import Engine

ARCHITECTURES = ("volta", "turing", "ampere", "ada", "hopper", "blackwell", "cdna2", "cdna3", "cdna4", "gaudi", "tpu",
                 "apple")
_NVIDIA = frozenset(("volta", "turing", "ampere", "ada", "hopper", "blackwell"))
_AMD = frozenset(("cdna2", "cdna3", "cdna4"))

# weight format -> architectures whose vLLM kernels run it (formats not listed run everywhere)
_VLLM: dict[str, frozenset[str]] = {
    "int4": frozenset(("volta", "turing", "ampere", "ada", "hopper", "blackwell")),  # GPTQ (AWQ: not Volta)
    "int8": frozenset(("turing", "ampere", "ada", "hopper", "blackwell", "tpu")),
    "fp8": frozenset(("ada", "hopper", "blackwell")) | _AMD,
    "nf4": _NVIDIA,
    **{f: _NVIDIA | _AMD for f in GGUF_FORMATS},
}

# engine -> the architectures it runs on at all
_ENGINES: dict[Engine, frozenset[str]] = {
    Engine.VLLM: frozenset(ARCHITECTURES) - {"apple"},
    Engine.SGLANG: _NVIDIA | _AMD,
    Engine.TRT_LLM: _NVIDIA,
    Engine.TGI: _NVIDIA | _AMD | {"gaudi"},
    Engine.LLAMA_CPP: _NVIDIA | _AMD | {"apple"},
}


def engine_runs_on(engine: Engine, architecture: str) -> bool:
    """Does the engine run on this architecture at all ("" = not recorded: assumed yes)?"""
    return not architecture or architecture in _ENGINES[engine]


def format_runs_on(engine: Engine, fmt: str, architecture: str) -> bool:
    """Can the engine serve weights in ``fmt`` on this architecture ("" = not recorded: assumed yes)?
    llama.cpp serves its GGUF formats and 16-bit weights only."""
    if not architecture:
        return True
    if not engine_runs_on(engine, architecture):
        return False
    if engine == Engine.LLAMA_CPP:
        return fmt in GGUF_FORMATS or fmt in ("bf16", "fp16", "fp32")
    allowed = _VLLM.get(fmt)
    return allowed is None or architecture in allowed

"""Find English words in text meant for a Japanese reader (shared by the wizard, CLI and report tests).

Names stay as they are: model and GPU names, citations and the other catalog texts (data, quoted as
published), and the technical abbreviations a Japanese engineer also writes in Latin letters (GPU, LoRA,
BF16, NVLink, PUE …, listed below). Everything else in Latin letters is a hole in the translation.
"""

from __future__ import annotations

import re

# Written in Latin letters in Japanese technical text too.
LATIN_TERMS = set("""
GPU GPUs HFU TPU GGUF AWQ GPTQ Instinct Infinity Fabric ICI RoCE LLM LoRA QLoRA BF16 FP8 FP16 FP32 TF32 INT8 INT4 NF4 KV GQA MoE MFU MBU PUE ZeRO FSDP TP PP DP Z
NVLink PCIe Gen InfiniBand IB Ethernet GbE JPY USD kW kWh TDP CUDA cuBLAS NCCL TFLOPS TFLOP FLOP FLOPs FLOPS NVMe
GiB MiB TiB TB GB MB ms CSV PDF JSON Markdown SVG PNG AdamW Adam SGD Megatron DeepSpeed vLLM PyTorch
Chinchilla Hoffmann Dettmers Kaplan Korthikanti Rajbhandari Narayanan Touvron Hu et al Table Figure arXiv ZeRO Llama Qwen
AMD NVIDIA Intel Gaudi Swallow tok Q8_0 Q4_K_M q4_k_m q8_0 fp8 bf16 fp16 int8 int4 nf4 x e K M B T
NIC IT VRAM FFN ID TOPS MAMF r OK English On Demand LLM Planner Uptime Institute Databricks OPT DeepSeek H800 Seed gpuplan Sans JP
volta turing ampere ada hopper blackwell cdna2 cdna3 cdna4 gaudi tpu
Transformer Engine Hugging Face Trainer PEFT torchtune torchtitan SGLang TensorRT llama cpp Liger FlashAttention SDPA NVMe RAM EP CP
safetensors tokenizers Parquet parquet JSONL jsonl txt TGI Metal Apple API APIs
""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_']*")


def catalog_words(cat) -> set[str]:
    """Words of catalog data (every text cell: names, ids, sources, notes, regions): shown as published."""
    words: set[str] = set()
    for kind in ("gpus", "models", "runs", "offers", "apis"):
        for rec in cat.records(kind):
            for v in rec.values():
                if isinstance(v, str):
                    found = WORD.findall(v)
                    words.update(found)
                    words.update(w.split("'")[0] for w in found)
    return words


def english(texts: list[str], allowed: set[str]) -> set[str]:
    bad = set()
    for t in texts:
        t = re.sub(r"<[^>]+>", " ", t or "")  # rich text: tags are not shown
        t = re.sub(r"\(&\w\)|&", " ", t)  # keyboard mnemonics: ファイル(&F)
        t = re.sub(r"「[^」]*」", " ", t)  # titles of cited works are quoted as published
        t = re.sub(r"\bQ\d_\w+", " ", t)  # llama.cpp formats (Q4_K_M)
        t = re.sub(r"https?://\S+|\S*\.(gpuplan|csv|pdf|db|ini|json|jsonl|gguf|safetensors|parquet|txt|md|tsv)\b|--[\w-]+", " ", t)
        t = re.sub(r"'[^']*'", " ", t)  # what the user typed, quoted back in an error
        for w in WORD.findall(t):
            w = w.rstrip("'")
            if any(c.isdigit() for c in w):  # H100, BF16, 70B: names and figures
                continue
            if w not in LATIN_TERMS and w not in allowed:
                bad.add(w)
    return bad



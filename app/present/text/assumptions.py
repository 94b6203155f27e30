"""The assumptions registry (app.core.assumptions) in words: a name and a source for every code, in
English and Japanese, and the value as people read it. Keyed by code, never by English sentence;
tests/present/test_assumption_texts.py checks that every registry code has both texts in both languages.

The same texts serve the report's "Assumptions and sources", the wizard's tooltips, the settings and
the CLI's ``--help`` (``field_help``)."""

from __future__ import annotations

from typing import Any

from app.core import assumptions as A
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.present.text.format import fmt_bytes, fmt_date, network_label

_NET = QT_TRANSLATE_NOOP("Report", "Network between servers: utilisation factor")
_FIT_SRC = QT_TRANSLATE_NOOP("Assumptions", "Fitted on published throughput and training runs (docs/time.md: the rows, their sources and the cross-validated errors)")
_BATCH_SRC = QT_TRANSLATE_NOOP("Assumptions", "DeepSeek LLM (arXiv 2401.02954) §3.1: optimal batch B = 0.292·C^0.3271 tokens for C training FLOPs, between 1M and 64M tokens (Llama 3 405B: 16M; DeepSeek-V3: 63M)")
_DECODE_SRC = QT_TRANSLATE_NOOP("Assumptions", "Fitted on published single-stream decode speeds (llama.cpp on 10 GPUs, vLLM with Qwen2.5 in BF16, GPTQ and AWQ), llama.cpp prompt speeds and TensorRT-LLM times to first token (docs/time.md)")
_RANGE_SRC = QT_TRANSLATE_NOOP("Assumptions", "80% of the out-of-sample published runs with reported GPU-hours fall inside this range of the estimate (docs/time.md)")
NAMES: dict[str, str] = {
    "chinchilla_tokens_per_param": QT_TRANSLATE_NOOP("Report", "Tokens per parameter (from scratch)"),
    "cpt_fraction": QT_TRANSLATE_NOOP("Report", "Continued pre-training share of from-scratch tokens"),
    "seq_len_finetune": QT_TRANSLATE_NOOP("Report", "Sequence length, fine-tuning (tokens)"),
    "seq_len_pretrain": QT_TRANSLATE_NOOP("Report", "Sequence length, pre-training (tokens)"),
    "epochs": QT_TRANSLATE_NOOP("Report", "Epochs"),
    "method_finetune": QT_TRANSLATE_NOOP("Report", "Fine-tuning method"),
    "lora_rank": QT_TRANSLATE_NOOP("Report", "LoRA rank"),
    "lora_targets": QT_TRANSLATE_NOOP("Report", "LoRA target matrices"),
    "precision": QT_TRANSLATE_NOOP("Report", "Training number format"),
    "optimizer": QT_TRANSLATE_NOOP("Report", "Optimizer"),
    "micro_batch": QT_TRANSLATE_NOOP("Report", "Micro-batch (sequences per GPU)"),
    "recompute": QT_TRANSLATE_NOOP("Report", "Activation recomputation"),
    "bytes_per_param_accounting": QT_TRANSLATE_NOOP("Report", "Memory per parameter in training"),
    "recompute_finetune": QT_TRANSLATE_NOOP("Report", "Activation recomputation, fine-tuning"),
    "stack_finetune": QT_TRANSLATE_NOOP("Report", "Training stack, fine-tuning"),
    "stack_pretrain": QT_TRANSLATE_NOOP("Report", "Training stack, pre-training"),
    "attention": QT_TRANSLATE_NOOP("Report", "Attention implementation"),
    "loss_bytes_fp32": QT_TRANSLATE_NOOP("Report", "Loss memory, fp32 logits (bytes per token and vocabulary entry)"),
    "loss_bytes_fp32_inplace": QT_TRANSLATE_NOOP("Report", "Loss memory, Megatron in-place cross-entropy"),
    "loss_bytes_bf16": QT_TRANSLATE_NOOP("Report", "Loss memory, bf16 logits"),
    "loss_bytes_chunked": QT_TRANSLATE_NOOP("Report", "Loss memory, chunked cross-entropy"),
    "loss_bytes_fused": QT_TRANSLATE_NOOP("Report", "Loss memory, fused cross-entropy"),
    "selective_ac_fraction": QT_TRANSLATE_NOOP("Report", "Activations kept by selective recomputation (torchtitan)"),
    "deepspeed_bucket_elements": QT_TRANSLATE_NOOP("Report", "DeepSpeed gradient bucket (elements)"),
    "zero3_gather_bytes": QT_TRANSLATE_NOOP("Report", "ZeRO-3 gather buffer (bytes per parameter of the largest layer)"),
    "fsdp_units_in_flight": QT_TRANSLATE_NOOP("Report", "FSDP units gathered at once"),
    "memory_headroom": QT_TRANSLATE_NOOP("Report", "Memory use above which a plan is flagged"),
    "memory_estimate_spread": QT_TRANSLATE_NOOP("Report", "How far measured peaks fall from the estimate"),
    "pcie_bytes_per_s_gen4": QT_TRANSLATE_NOOP("Report", "Host link, PCIe Gen4 x16 (per direction)"),
    "host_memory_bytes_per_s": QT_TRANSLATE_NOOP("Report", "Host memory bandwidth"),
    "nvme_bytes_per_s": QT_TRANSLATE_NOOP("Report", "NVMe bandwidth per server"),
    "cpu_adam_bytes_per_param": QT_TRANSLATE_NOOP("Report", "CPU optimizer step: host traffic per parameter"),
    "engine": QT_TRANSLATE_NOOP("Report", "Serving engine"),
    "vllm_gpu_memory_utilization": QT_TRANSLATE_NOOP("Report", "vLLM share of GPU memory (gpu_memory_utilization)"),
    "sglang_mem_fraction_static": QT_TRANSLATE_NOOP("Report", "SGLang share of GPU memory (mem_fraction_static)"),
    "trtllm_free_gpu_memory_fraction": QT_TRANSLATE_NOOP("Report", "TensorRT-LLM share of free memory for the KV cache"),
    "tgi_cuda_memory_fraction": QT_TRANSLATE_NOOP("Report", "TGI share of GPU memory (--cuda-memory-fraction)"),
    "apple_gpu_memory_share": QT_TRANSLATE_NOOP("Report", "Apple silicon: share of unified memory the GPU may use"),
    "engine_non_torch_bytes": QT_TRANSLATE_NOOP("Report", "Serving engine memory outside PyTorch (CUDA, NCCL)"),
    "cuda_graph_bytes": QT_TRANSLATE_NOOP("Report", "CUDA graphs"),
    "llamacpp_ubatch": QT_TRANSLATE_NOOP("Report", "llama.cpp micro-batch (tokens)"),
    "activations": QT_TRANSLATE_NOOP("Report", "Activation memory"),
    "util_base_a100": QT_TRANSLATE_NOOP("Report", "Kernel efficiency, A100 (share of the dense peak)"),
    "util_base_hopper": QT_TRANSLATE_NOOP("Report", "Kernel efficiency, H100/H200/H800"),
    "util_base_blackwell": QT_TRANSLATE_NOOP("Report", "Kernel efficiency, B200/GB200"),
    "util_base_amd": QT_TRANSLATE_NOOP("Report", "Kernel efficiency, AMD Instinct"),
    "util_base_workstation": QT_TRANSLATE_NOOP("Report", "Kernel efficiency, workstation and consumer GPUs"),
    "util_width_half": QT_TRANSLATE_NOOP("Report", "Hidden size per GPU at which matmuls reach half their efficiency"),
    "util_fp8_te": QT_TRANSLATE_NOOP("Report", "FP8 with Transformer Engine: share of the FP8 peak"),
    "util_fp8_other": QT_TRANSLATE_NOOP("Report", "FP8 with other stacks: share of the FP8 peak"),
    "util_moe": QT_TRANSLATE_NOOP("Report", "MoE: router, permutation and grouped matmuls"),
    "util_lora": QT_TRANSLATE_NOOP("Report", "LoRA: kernel efficiency factor"),
    "util_qlora": QT_TRANSLATE_NOOP("Report", "QLoRA: kernel efficiency factor"),
    "util_overlap": QT_TRANSLATE_NOOP("Report", "Share of compute time that hides gradient communication"),
    "util_tp_overlap": QT_TRANSLATE_NOOP("Report", "Share of tensor-parallel communication hidden behind compute"),
    "util_ep_overlap": QT_TRANSLATE_NOOP("Report", "Share of expert-parallel all-to-all hidden behind compute"),
    "util_goodput": QT_TRANSLATE_NOOP("Report", "Share of a real job's time spent training (goodput)"),
    "util_base_gaudi": QT_TRANSLATE_NOOP("Report", "Kernel efficiency, Intel Gaudi"),
    "util_base_tpu": QT_TRANSLATE_NOOP("Report", "Kernel efficiency, Google TPU"),
    "decode_mbu_gguf": QT_TRANSLATE_NOOP("Report", "Decode bandwidth utilisation, llama.cpp GGUF kernels"),
    "decode_mbu_int4": QT_TRANSLATE_NOOP("Report", "Decode bandwidth utilisation, 4-bit AWQ/GPTQ kernels"),
    "decode_mbu_dense": QT_TRANSLATE_NOOP("Report", "Decode bandwidth utilisation, 16/8-bit kernels (vLLM, TensorRT-LLM)"),
    "decode_t0_gguf": QT_TRANSLATE_NOOP("Report", "Fixed time per generated token, llama.cpp (seconds)"),
    "decode_t0_int4": QT_TRANSLATE_NOOP("Report", "Fixed time per generated token, 4-bit kernels (seconds)"),
    "decode_t0_dense": QT_TRANSLATE_NOOP("Report", "Fixed time per generated token, 16/8-bit kernels (seconds)"),
    "decode_pmfu_gguf": QT_TRANSLATE_NOOP("Report", "Prompt reading (prefill), llama.cpp: share of the dense peak"),
    "decode_pmfu_int4": QT_TRANSLATE_NOOP("Report", "Prompt reading (prefill), 4-bit kernels: share of the dense peak"),
    "decode_pmfu_dense": QT_TRANSLATE_NOOP("Report", "Prompt reading (prefill), 16/8-bit kernels: share of the dense peak"),
    "decode_ttft0_dense": QT_TRANSLATE_NOOP("Report", "Fixed time before the first token, 16/8-bit kernels (seconds)"),
    "pipeline_interleave": QT_TRANSLATE_NOOP("Report", "Megatron pipeline: model chunks per rank (interleaved schedule)"),
    "time_range_low": QT_TRANSLATE_NOOP("Report", "Time range: fast end (x the estimate)"),
    "time_range_high": QT_TRANSLATE_NOOP("Report", "Time range: slow end (x the estimate)"),
    "batch_law_coefficient": QT_TRANSLATE_NOOP("Report", "Global batch, pre-training: coefficient of B = a·C^b (tokens)"),
    "batch_law_exponent": QT_TRANSLATE_NOOP("Report", "Global batch, pre-training: exponent of B = a·C^b"),
    "global_batch_sequences_finetune": QT_TRANSLATE_NOOP("Report", "Global batch, fine-tuning (sequences per step)"),
    "target_days": QT_TRANSLATE_NOOP("Report", "Target duration without a deadline (days)"),
    "mfu": QT_TRANSLATE_NOOP("Report", "Utilisation (MFU)"),
    "mamf_reference": QT_TRANSLATE_NOOP("Report", "Best matmul share of peak, A100/H100 (reference)"),
    "tp_pcie_factor": QT_TRANSLATE_NOOP("Report", "Tensor parallelism over PCIe: utilisation factor"),
    "tp_cross_node_factor": QT_TRANSLATE_NOOP("Report", "Tensor parallelism across servers: utilisation factor"),
    "dp_pcie_factor": QT_TRANSLATE_NOOP("Report", "Data parallelism over PCIe: utilisation factor"),
    "zero3_factor": QT_TRANSLATE_NOOP("Report", "ZeRO-3 / FSDP full sharding: utilisation factor"),
    "pipeline_microbatches_per_stage": QT_TRANSLATE_NOOP("Report", "Pipeline micro-batches per stage"),
    "network_factor_ib-400": _NET, "network_factor_ib-200": _NET, "network_factor_100gbe": _NET,
    "network_factor_25gbe": _NET, "network_factor_10gbe": _NET,
    "network": QT_TRANSLATE_NOOP("Report", "Network between servers"),
    "quant": QT_TRANSLATE_NOOP("Report", "Weight format"),
    "kv_dtype": QT_TRANSLATE_NOOP("Report", "KV cache number format"),
    "context_cap": QT_TRANSLATE_NOOP("Report", "Context when none is given (tokens, at most)"),
    "concurrency": QT_TRANSLATE_NOOP("Report", "Simultaneous users"),
    "output_tokens": QT_TRANSLATE_NOOP("Report", "Answer length (tokens)"),
    "prefill_mfu": QT_TRANSLATE_NOOP("Report", "Utilisation when reading the prompt (prefill)"),
    "tp_decode_efficiency_nvlink": QT_TRANSLATE_NOOP("Report", "Tensor-parallel generation over NVLink: efficiency"),
    "tp_decode_efficiency_pcie": QT_TRANSLATE_NOOP("Report", "Tensor-parallel generation over PCIe: efficiency"),
    "prefill_chunk_tokens": QT_TRANSLATE_NOOP("Report", "Prompt chunk read at once (tokens)"),
    "overhead_fixed_bytes": QT_TRANSLATE_NOOP("Report", "Fixed memory per GPU (CUDA, libraries)"),
    "overhead_fraction": QT_TRANSLATE_NOOP("Report", "Memory fragmentation"),
    "fx_jpy_per_usd": QT_TRANSLATE_NOOP("Report", "Exchange rate (JPY per USD)"),
    "electricity_jpy_per_kwh": QT_TRANSLATE_NOOP("Report", "Electricity price per kWh"),
    "pue": QT_TRANSLATE_NOOP("Report", "Data-centre overhead (PUE)"),
    "host_cost_fraction": QT_TRANSLATE_NOOP("Report", "Servers and network, share of GPU price"),
    "purchase_price_spread": QT_TRANSLATE_NOOP("Report", "GPU purchase price"),
    "cloud_price_spread": QT_TRANSLATE_NOOP("Report", "Cloud price per GPU-hour"),
    "hours_per_day": QT_TRANSLATE_NOOP("Report", "Hours of use per day"),
    "days_per_month": QT_TRANSLATE_NOOP("Report", "Days of use per month"),
    "years": QT_TRANSLATE_NOOP("Report", "Horizon (years)"),
    "max_gpus": QT_TRANSLATE_NOOP("Report", "Largest cluster considered (GPUs)"),
    "deployment": QT_TRANSLATE_NOOP("Report", "Where"),
    "pricing": QT_TRANSLATE_NOOP("Report", "Cloud prices"),
    "rank_by": QT_TRANSLATE_NOOP("Report", "Prefer"),
    "cost_tie": QT_TRANSLATE_NOOP("Report", "Costs counted as equal within"),
    "nearest_miss_ratio": QT_TRANSLATE_NOOP("Report", "A miss counts as nearest within"),
}

_NET_SRC = QT_TRANSLATE_NOOP("Assumptions", "Estimate: multi-server jobs over InfiniBand 400/200G keep ×{0:g}/×{1:g} of their utilisation, over 100/25/10 GbE ×{2:g}/×{3:g}/×{4:g}")
_CHOICE = QT_TRANSLATE_NOOP("Assumptions", "The usual choice; change it in the plan")
SOURCES: dict[str, str] = {
    "chinchilla_tokens_per_param": QT_TRANSLATE_NOOP("Assumptions", "Hoffmann et al. 2022 (Chinchilla), compute-optimal ~20 tokens per parameter (Table 3: 70B -> 1.4T)"),
    "cpt_fraction": QT_TRANSLATE_NOOP("Assumptions", "Seed article §5-6: continued pre-training needs 10-20% of the from-scratch tokens (70B: 100-200B of 1.4T); we take the low end"),
    "seq_len_finetune": QT_TRANSLATE_NOOP("Assumptions", "A typical instruction-tuning sample (Llama 2 fine-tuning used 4,096; Alpaca-style data is far shorter); enter your own"),
    "seq_len_pretrain": QT_TRANSLATE_NOOP("Assumptions", "Llama 2's pre-training sequence length (Touvron et al. 2023, Table 1)"),
    "epochs": QT_TRANSLATE_NOOP("Assumptions", "One pass over the data"),
    "method_finetune": QT_TRANSLATE_NOOP("Assumptions", "LoRA (Hu et al. 2021): the common way to fine-tune on one or a few GPUs"),
    "lora_rank": QT_TRANSLATE_NOOP("Assumptions", "Rank 16, a common choice (Hu et al. 2021 found ranks 4-64 enough)"),
    "lora_targets": QT_TRANSLATE_NOOP("Assumptions", "All linear layers, as QLoRA recommends (Dettmers et al. 2023 §4)"),
    "precision": QT_TRANSLATE_NOOP("Assumptions", "BF16 mixed precision: the standard of current training stacks"),
    "optimizer": _CHOICE,
    "micro_batch": _CHOICE,
    "recompute": QT_TRANSLATE_NOOP("Assumptions", "default: selective for full training, full for LoRA/QLoRA"),
    "bytes_per_param_accounting": QT_TRANSLATE_NOOP("Assumptions", "Each stack's own: Megatron 18 (6 + 12/d distributed), DeepSpeed 20 (2 + 18/d at stage 2), FSDP 16/d, Hugging Face and torchtune 8 in pure bf16 (frameworks' documentation and estimators)"),
    "recompute_finetune": QT_TRANSLATE_NOOP("Assumptions", "Hugging Face, DeepSpeed and torchtune fine-tuning recipes checkpoint every layer (gradient checkpointing); Megatron and torchtitan recompute selectively"),
    "stack_finetune": QT_TRANSLATE_NOOP("Assumptions", "Hugging Face Trainer/PEFT with the model in bf16, the most used fine-tuning stack; DeepSpeed, FSDP (torchtitan), torchtune and Megatron are one setting away"),
    "stack_pretrain": QT_TRANSLATE_NOOP("Assumptions", "Megatron-LM with its distributed optimizer, as in most published pre-training runs"),
    "attention": QT_TRANSLATE_NOOP("Assumptions", "FlashAttention / PyTorch SDPA, the default of every current stack: no sequence x sequence scores kept (Dao et al. 2022)"),
    "loss_bytes_fp32": QT_TRANSLATE_NOOP("Assumptions", "Calibrated on torchtune's measured 3B run (README 'Optimization flags', packed 4096, no recomputation): fp32 logits, their log-softmax and gradient; transformers' ForCausalLMLoss keeps the same tensors"),
    "loss_bytes_fp32_inplace": QT_TRANSLATE_NOOP("Assumptions", "Megatron core/tensor_parallel/cross_entropy.py: bf16 logits upcast once, softmax and gradient computed in place"),
    "loss_bytes_bf16": QT_TRANSLATE_NOOP("Assumptions", "Estimate: bf16 logits and their bf16 gradient"),
    "loss_bytes_chunked": QT_TRANSLATE_NOOP("Assumptions", "Calibrated on torchtune's measured LoRA/QLoRA rows with CEWithChunkedOutputLoss (8 chunks, torch.compile on)"),
    "loss_bytes_fused": QT_TRANSLATE_NOOP("Assumptions", "Liger Kernel benchmark (fused linear cross-entropy, V = 128,256): ~54 KiB per token"),
    "selective_ac_fraction": QT_TRANSLATE_NOOP("Assumptions", "Calibrated on torchtitan's measured Llama 3.1 8B run (8 x H100, 'op' selective checkpointing, 82.4 GiB)"),
    "deepspeed_bucket_elements": QT_TRANSLATE_NOOP("Assumptions", "DeepSpeed zero/config.py: reduce_bucket_size 5e8 elements"),
    "zero3_gather_bytes": QT_TRANSLATE_NOOP("Assumptions", "DeepSpeed stage3.py estimate_zero3_model_states_mem_needs: 4 x the largest layer's parameters"),
    "fsdp_units_in_flight": QT_TRANSLATE_NOOP("Assumptions", "FSDP prefetches the next unit while the current one runs (torchtitan docs/fsdp.md)"),
    "memory_headroom": QT_TRANSLATE_NOOP("Assumptions", "Estimate: above 90% of the memory a run may fail on fragmentation or a longer batch"),
    "memory_estimate_spread": QT_TRANSLATE_NOOP("Assumptions", "Measured against 43 published peaks kept out of calibration: 41 fall within 20% of the estimate (docs/memory.md)"),
    "pcie_bytes_per_s_gen4": QT_TRANSLATE_NOOP("Assumptions", "PCIe Gen4 x16 is 32 GB/s per direction; ~25 GB/s achieved; each generation doubles it"),
    "host_memory_bytes_per_s": QT_TRANSLATE_NOOP("Assumptions", "Estimate: dual-channel DDR5-5600 peaks at 89.6 GB/s; servers have more, laptops less"),
    "nvme_bytes_per_s": QT_TRANSLATE_NOOP("Assumptions", "Estimate: one PCIe Gen4 NVMe drive reads ~7 GB/s; ZeRO-Infinity stripes several"),
    "cpu_adam_bytes_per_param": QT_TRANSLATE_NOOP("Assumptions", "fp32 master weight, momentum and variance read and written, gradient read, bf16 weight written"),
    "engine": QT_TRANSLATE_NOOP("Assumptions", "vLLM, the most used open serving engine"),
    "vllm_gpu_memory_utilization": QT_TRANSLATE_NOOP("Assumptions", "vLLM EngineArgs gpu_memory_utilization 0.90 (0.92 in the newest versions)"),
    "sglang_mem_fraction_static": QT_TRANSLATE_NOOP("Assumptions", "SGLang server arguments: --mem-fraction-static 0.9 for weights and KV cache"),
    "trtllm_free_gpu_memory_fraction": QT_TRANSLATE_NOOP("Assumptions", "TensorRT-LLM KvCacheConfig.free_gpu_memory_fraction 0.9 of the memory left after the weights"),
    "tgi_cuda_memory_fraction": QT_TRANSLATE_NOOP("Assumptions", "TGI launcher --cuda-memory-fraction 1.0; the KV cache gets 90% of the free memory (TGI_WIGGLE_ROOM 0.90, models/globals.py); flashinfer pages of 1 token"),
    "apple_gpu_memory_share": QT_TRANSLATE_NOOP("Assumptions", "macOS recommendedMaxWorkingSetSize, as Metal reports it: 2/3 of 16 GB, 75% of 36-96 GB, 84% of 128 GB (MLX docs: raise it with sysctl iogpu.wired_limit_mb)"),
    "engine_non_torch_bytes": QT_TRANSLATE_NOOP("Assumptions", "vLLM memory profile (PR #10511): non_torch_memory 1.79 GiB on one GPU, twice with tensor parallelism"),
    "cuda_graph_bytes": QT_TRANSLATE_NOOP("Assumptions", "vLLM issue #7553: CUDA graphs took 2.4 GiB per GPU; usually 0.5-1 GiB"),
    "llamacpp_ubatch": QT_TRANSLATE_NOOP("Assumptions", "llama.cpp default n_ubatch 512: its compute buffer holds the logits and activations of 512 tokens"),
    "activations": QT_TRANSLATE_NOOP("Assumptions", "arXiv 2205.05198"),
    "util_base_a100": _FIT_SRC, "util_base_hopper": _FIT_SRC, "util_base_blackwell": _FIT_SRC,
    "util_base_amd": _FIT_SRC, "util_base_workstation": _FIT_SRC, "util_width_half": _FIT_SRC,
    "util_fp8_te": _FIT_SRC, "util_fp8_other": _FIT_SRC, "util_moe": _FIT_SRC, "util_lora": _FIT_SRC,
    "util_qlora": _FIT_SRC, "util_overlap": _FIT_SRC, "util_tp_overlap": _FIT_SRC, "util_ep_overlap": _FIT_SRC,
    "util_goodput": _FIT_SRC, "util_base_gaudi": _FIT_SRC, "util_base_tpu": _FIT_SRC,
    "time_range_low": _RANGE_SRC, "time_range_high": _RANGE_SRC,
    **{f"decode_{k}": _DECODE_SRC for k in ("mbu_gguf", "mbu_int4", "mbu_dense", "t0_gguf", "t0_int4", "t0_dense",
                                           "pmfu_gguf", "pmfu_int4", "pmfu_dense", "ttft0_dense")},
    "pipeline_interleave": QT_TRANSLATE_NOOP("Assumptions", "Narayanan et al. 2021 §2.2.2: the interleaved schedule divides the bubble by the chunks per rank; Llama 3 paper §3.3.2 trains 405B with it. Memory is counted for the plain schedule"),
    "batch_law_coefficient": _BATCH_SRC, "batch_law_exponent": _BATCH_SRC,
    "global_batch_sequences_finetune": QT_TRANSLATE_NOOP("Assumptions", "Estimate: 128 sequences per step, typical of instruction tuning recipes (Alpaca: 128)"),
    "target_days": QT_TRANSLATE_NOOP("Assumptions", "without a deadline a training plan must finish within 90 days, and the verdict says when nothing does"),
    "mfu": QT_TRANSLATE_NOOP("Assumptions", "Your MFU against 6·N·D replaces the calibrated step model (docs/time.md: fitted on published throughput and runs)"),
    "mamf_reference": QT_TRANSLATE_NOOP("Assumptions", "stas00/ml-engineering, Maximum Achievable Matmul FLOPS: A100 86.9%, H100 80.3%; other GPUs scale by their own share"),
    "tp_pcie_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: Megatron-LM keeps tensor parallelism inside the NVLink domain (Narayanan et al. 2021 §3.3)"),
    "tp_cross_node_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: tensor parallelism across servers crosses the network in every layer (Narayanan et al. 2021 §3.3)"),
    "dp_pcie_factor": QT_TRANSLATE_NOOP("Assumptions", "Estimate: gradient all-reduce over PCIe instead of NVLink"),
    "zero3_factor": QT_TRANSLATE_NOOP("Assumptions", "ZeRO paper §7: full sharding moves 1.5x the data of plain data parallelism (estimate of its cost)"),
    "pipeline_microbatches_per_stage": QT_TRANSLATE_NOOP("Assumptions", "Narayanan et al. 2021 §2.2: bubble (p-1)/m; m = 8 micro-batches per stage assumed"),
    "network_factor_ib-400": _NET_SRC, "network_factor_ib-200": _NET_SRC, "network_factor_100gbe": _NET_SRC,
    "network_factor_25gbe": _NET_SRC, "network_factor_10gbe": _NET_SRC,
    "network": QT_TRANSLATE_NOOP("Assumptions", "InfiniBand 400G, as in current GPU clusters; change it to your network"),
    "quant": QT_TRANSLATE_NOOP("Assumptions", "The model as published (16-bit weights)"),
    "kv_dtype": QT_TRANSLATE_NOOP("Assumptions", "16-bit KV cache, the serving engines' default"),
    "context_cap": QT_TRANSLATE_NOOP("Assumptions", "The model's context, at most 4,096 tokens per conversation unless you enter one"),
    "concurrency": QT_TRANSLATE_NOOP("Assumptions", "One conversation at a time unless you enter more"),
    "output_tokens": QT_TRANSLATE_NOOP("Assumptions", "A few paragraphs per answer"),
    "prefill_mfu": QT_TRANSLATE_NOOP("Assumptions", "Estimate: reading the prompt is compute-bound, at about half the dense peak"),
    "tp_decode_efficiency_nvlink": QT_TRANSLATE_NOOP("Assumptions", "Estimate: all-reduce after every layer costs ~10% over NVLink"),
    "tp_decode_efficiency_pcie": QT_TRANSLATE_NOOP("Assumptions", "Estimate: all-reduce after every layer costs ~30% over PCIe"),
    "prefill_chunk_tokens": QT_TRANSLATE_NOOP("Assumptions", "vLLM's default chunked-prefill size (2,048 tokens)"),
    "overhead_fixed_bytes": QT_TRANSLATE_NOOP("Assumptions", "Estimate: CUDA context, cuBLAS/NCCL workspaces ~1 GiB per GPU (PyTorch CUDA context alone is 0.3-0.5 GiB)"),
    "overhead_fraction": QT_TRANSLATE_NOOP("Assumptions", "Estimate: 5% allocator fragmentation on top of the computed tensors"),
    "fx_jpy_per_usd": QT_TRANSLATE_NOOP("Assumptions", "Assumed rate (set {0}); edit to the rate of your budget date"),
    "electricity_jpy_per_kwh": QT_TRANSLATE_NOOP("Assumptions", "Assumed Japanese high-voltage business tariff (order of magnitude); edit to your contract"),
    "pue": QT_TRANSLATE_NOOP("Assumptions", "Uptime Institute Global Data Center Survey 2024: industry average PUE 1.56; we use 1.5"),
    "host_cost_fraction": QT_TRANSLATE_NOOP("Assumptions", "Estimate: server chassis, CPUs, RAM, NICs and switches add ~25% to the GPU price of an 8-GPU node"),
    "purchase_price_spread": QT_TRANSLATE_NOOP("Assumptions", "Catalog price histories move 10-35% within a year (A40 4,909-5,999 USD, H100 NVL 28,550-38,999 USD: gpu-price-tracker); the sensitivity swings the price by ±20%"),
    "cloud_price_spread": QT_TRANSLATE_NOOP("Assumptions", "From the cheapest to the dearest catalog offer for the GPU; ±25% when the catalog has fewer than two"),
    "hours_per_day": QT_TRANSLATE_NOOP("Assumptions", "Assumed round-the-clock service (24 h x 30 days); the seed's 8 h x 20 days is one edit away"),
    "days_per_month": QT_TRANSLATE_NOOP("Assumptions", "Assumed round-the-clock service (24 h x 30 days); the seed's 8 h x 20 days is one edit away"),
    "years": QT_TRANSLATE_NOOP("Assumptions", "Assumed 3-year horizon (seed article §2 compares cloud and on-prem over 3 years)"),
    "max_gpus": QT_TRANSLATE_NOOP("Assumptions", "Larger than the largest published training runs (16,384 H100 for Llama 3.1 405B)"),
    "deployment": QT_TRANSLATE_NOOP("Assumptions", "Cloud or on-premises, whichever is cheaper"),
    "pricing": QT_TRANSLATE_NOOP("Assumptions", "On-demand prices, which anyone can get"),
    "rank_by": QT_TRANSLATE_NOOP("Assumptions", "The cheapest option that meets the deadline first"),
    "cost_tie": QT_TRANSLATE_NOOP("Assumptions", "Costs within 0.5% count as equal; then the option whose slow end still meets the deadline, then the faster one"),
    "nearest_miss_ratio": QT_TRANSLATE_NOOP("Assumptions", "An option that misses the deadline, budget or power limit by at most this factor is called a nearest miss; farther ones say how far they are"),
}

# Values that are codes: shown in words.
VALUE_TEXTS: dict[str, str] = {
    "selective": QT_TRANSLATE_NOOP("Assumptions", "selective"),
    "calibrated": QT_TRANSLATE_NOOP("Assumptions", "the calibrated model"),
    "full": QT_TRANSLATE_NOOP("Assumptions", "full"),
    "none": QT_TRANSLATE_NOOP("Assumptions", "none"),
    "flash": QT_TRANSLATE_NOOP("Assumptions", "FlashAttention / SDPA"),
    "vllm": QT_TRANSLATE_NOOP("Assumptions", "vLLM"), "hf": QT_TRANSLATE_NOOP("Assumptions", "Hugging Face"),
    "megatron": QT_TRANSLATE_NOOP("Assumptions", "Megatron-LM"),
}
_VALUE_BY_CODE: dict[str, str] = {
    "bytes_per_param_accounting": QT_TRANSLATE_NOOP("Assumptions", "by training stack"),
    "activations": QT_TRANSLATE_NOOP("Assumptions", "Korthikanti et al. 2022 §4 per layer, by attention and recomputation"),
}
_PERCENT = {"host_cost_fraction", "overhead_fraction", "cpt_fraction", "mfu", "prefill_mfu", "mamf_reference",
            "cost_tie", "selective_ac_fraction", "memory_headroom", "memory_estimate_spread", "vllm_gpu_memory_utilization",
            "sglang_mem_fraction_static", "trtllm_free_gpu_memory_fraction"}
_BYTES = {"overhead_fixed_bytes", "engine_non_torch_bytes", "cuda_graph_bytes"}
_RATES = {"pcie_bytes_per_s_gen4", "host_memory_bytes_per_s", "nvme_bytes_per_s"}


def assumption_name(code: str) -> str:
    return translate("Report", NAMES[code]) if code in NAMES else code


def _number(code: str, v: float) -> str:
    if code in _BYTES:
        return fmt_bytes(v)
    if code in _RATES:
        return f"{v / 1e9:g} GB/s"
    if code in _PERCENT:
        return f"{v:.1%}" if code == "cost_tie" else f"{v:.0%}"
    if code.startswith(("util_base_", "decode_mbu_", "decode_pmfu_")) or code in ("util_overlap", "util_tp_overlap",
                                                                                   "util_ep_overlap", "util_goodput"):
        return f"{v:.0%}"
    if code.startswith("util_") and code != "util_width_half" or code.startswith("time_range_"):
        return f"×{v:.2f}"
    if code.startswith(("decode_t0_", "decode_ttft0_")):
        return f"{v * 1e3:.1f} ms"
    if code.endswith("_factor") or code.startswith("network_factor") or code.startswith("tp_decode"):
        return f"×{v:g}"
    return f"{v:,.4g}" if abs(v) < 1e6 else f"{v:,.0f}"


def assumption_value(a: Any) -> str:
    """An assumption's value for people: 1.0 GiB, 40%, ×0.6, 150; codes in words."""
    if a.name in _VALUE_BY_CODE:
        return translate("Assumptions", _VALUE_BY_CODE[a.name])
    v = a.value
    if a.name == "network" and isinstance(v, str):
        return network_label(v)
    if isinstance(v, str):
        return translate("Assumptions", VALUE_TEXTS[v]) if v in VALUE_TEXTS else v
    if v is None:
        return "–"
    return _number(a.name, float(v))


def assumption_source(a: Any, lang: str = "en", field_label: Any = None, fx_as_of: str | None = None) -> str:
    """Where an assumption comes from, in the current language: the user's entry (named by
    ``field_label(field)``: a flag on the CLI, a field in the GUI), or the registry's source."""
    if getattr(a, "set_by", "default") == "user":
        if a.name == "fx_jpy_per_usd" and fx_as_of:
            return translate("Assumptions", "your setting, rate as of {0}").format(fmt_date(fx_as_of, lang))
        label = field_label(a.field) if field_label and a.field else (a.field or "")
        return translate("Assumptions", "entered by the user ({0})").format(label)
    text = source_sentence(a.name, lang)
    if a.low is not None and a.high is not None:
        return translate("Assumptions", "range {0}–{1}; {2}").format(_number(a.name, a.low), _number(a.name, a.high), text)
    return text


def source_sentence(code: str, lang: str = "en") -> str:
    """Where a registry entry's default comes from, in the current language."""
    text = translate("Assumptions", SOURCES[code]) if code in SOURCES else ""
    if code == "fx_jpy_per_usd":
        return text.format(fmt_date(A.DEFAULT_FX_AS_OF, lang))
    if SOURCES.get(code) == _NET_SRC:  # the factors themselves, from the registry
        return text.format(*(A.value(f"network_factor_{n}") for n in ("ib-400", "ib-200", "100gbe", "25gbe", "10gbe")))
    return text


def default_text(code: str, lang: str = "en") -> str:
    """"default 1.5 (range 1.2–1.6)": a registry entry's default as --help and tooltips show it."""
    e = A.entry(code)
    v = translate("Assumptions", VALUE_TEXTS[e.value]) if isinstance(e.value, str) and e.value in VALUE_TEXTS else (
        e.value if isinstance(e.value, str) else _number(code, float(e.value)))
    if e.low is not None and e.high is not None:
        return translate("Assumptions", "default {0} (range {1}–{2})").format(v, _number(code, e.low), _number(code, e.high))
    return translate("Assumptions", "default {0}").format(v)


def field_help(code: str, lang: str = "en") -> str:
    """A field's help from the registry: its default and where that comes from (tooltips, --help)."""
    src = source_sentence(code, lang)
    return translate("Assumptions", "{0}: {1}").format(default_text(code, lang), src) if src else default_text(code, lang)

"""The terms a reader of the plan meets, each explained in a sentence or two: the report's glossary
and the wizard's glossary panel (Help → Glossary, F1) show the same list."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP, translate

GLOSSARY: tuple[tuple[str, str], ...] = (
    # the model and its data
    (QT_TRANSLATE_NOOP("Report", "Parameters"), QT_TRANSLATE_NOOP("Report", "The numbers a model learns; 7B = 7 billion. Memory grows with them.")),
    (QT_TRANSLATE_NOOP("Report", "Active parameters (MoE)"), QT_TRANSLATE_NOOP("Report", "A mixture-of-experts model runs only some of its experts for each token: compute follows the active parameters, memory the total.")),
    (QT_TRANSLATE_NOOP("Report", "Tokens"), QT_TRANSLATE_NOOP("Report", "Pieces of text the model reads; about one per Japanese character or 0.75 English words.")),
    (QT_TRANSLATE_NOOP("Report", "Context length"), QT_TRANSLATE_NOOP("Report", "How many tokens the model sees at once, prompt and answer together; the KV cache grows with it.")),
    (QT_TRANSLATE_NOOP("Report", "Epoch"), QT_TRANSLATE_NOOP("Report", "One pass over the training data.")),
    # the goals
    (QT_TRANSLATE_NOOP("Report", "Inference"), QT_TRANSLATE_NOOP("Report", "Using a trained model to answer requests.")),
    (QT_TRANSLATE_NOOP("Report", "Fine-tuning / LoRA / QLoRA"), QT_TRANSLATE_NOOP("Report", "Adjusting a model with your examples; LoRA trains small add-ons, QLoRA does so on a 4-bit copy of the model.")),
    (QT_TRANSLATE_NOOP("Report", "Continued pre-training"), QT_TRANSLATE_NOOP("Report", "Training an existing model further on a large body of new text (e.g. Japanese).")),
    (QT_TRANSLATE_NOOP("Report", "Training from scratch"), QT_TRANSLATE_NOOP("Report", "Training a new model from random weights, usually on 20 or more tokens per parameter.")),
    (QT_TRANSLATE_NOOP("Report", "Chinchilla"), QT_TRANSLATE_NOOP("Report", "Hoffmann et al. 2022: for a given amount of compute, a model trains best on about 20 tokens per parameter.")),
    # compute and speed
    (QT_TRANSLATE_NOOP("Report", "FLOP / FLOPS"), QT_TRANSLATE_NOOP("Report", "Floating-point operations, the arithmetic of a model; FLOPS is operations per second, a GPU's speed.")),
    (QT_TRANSLATE_NOOP("Report", "6·N·D"), QT_TRANSLATE_NOOP("Report", "Training compute: about 6 operations per parameter (N) per token (D), 2 for the forward pass and 4 for the backward pass.")),
    (QT_TRANSLATE_NOOP("Report", "MFU"), QT_TRANSLATE_NOOP("Report", "Model FLOPs utilisation: the share of the GPU's peak arithmetic the job really uses (typically 30-50%).")),
    (QT_TRANSLATE_NOOP("Report", "HFU"), QT_TRANSLATE_NOOP("Report", "Hardware FLOPs utilisation: like MFU, but also counting the arithmetic of recomputation and attention.")),
    (QT_TRANSLATE_NOOP("Report", "Precision (BF16, FP8)"), QT_TRANSLATE_NOOP("Report", "The number format of weights and arithmetic: fewer bits take less memory and run faster, at some cost in accuracy.")),
    (QT_TRANSLATE_NOOP("Report", "Quantisation (AWQ, GPTQ, GGUF)"), QT_TRANSLATE_NOOP("Report", "Storing a model's weights in fewer bits (often 4) to serve it from less memory.")),
    # memory
    (QT_TRANSLATE_NOOP("Report", "GPU"), QT_TRANSLATE_NOOP("Report", "The processor that does the arithmetic of AI models. Its memory (VRAM) decides what fits.")),
    (QT_TRANSLATE_NOOP("Report", "Optimizer states"), QT_TRANSLATE_NOOP("Report", "What the optimizer (AdamW) keeps for each parameter it trains: two running averages, usually 8 bytes in all.")),
    (QT_TRANSLATE_NOOP("Report", "Activations / recomputation"), QT_TRANSLATE_NOOP("Report", "Intermediate results kept for the backward pass; recomputation drops them and computes them again, saving memory for about a third more compute.")),
    (QT_TRANSLATE_NOOP("Report", "KV cache"), QT_TRANSLATE_NOOP("Report", "Serving: the attention keys and values of every token of every conversation in progress; it grows with context length and users.")),
    (QT_TRANSLATE_NOOP("Report", "Offload"), QT_TRANSLATE_NOOP("Report", "Keeping optimizer states or weights in the computer's memory or on NVMe disks when the GPUs cannot hold them; slower.")),
    # splitting the work
    (QT_TRANSLATE_NOOP("Report", "Tensor / pipeline / data parallelism"), QT_TRANSLATE_NOOP("Report", "Ways to split one model or job over many GPUs; tensor parallelism needs fast links (NVLink).")),
    (QT_TRANSLATE_NOOP("Report", "Context / expert parallelism"), QT_TRANSLATE_NOOP("Report", "Splitting long sequences (context) or a mixture-of-experts model's experts (expert) over GPUs.")),
    (QT_TRANSLATE_NOOP("Report", "ZeRO / FSDP"), QT_TRANSLATE_NOOP("Report", "Spreading optimizer states, gradients and weights over GPUs to save memory.")),
    (QT_TRANSLATE_NOOP("Report", "Global batch"), QT_TRANSLATE_NOOP("Report", "Sequences processed in one training step over all GPUs; it limits how many GPUs can share the work.")),
    (QT_TRANSLATE_NOOP("Report", "NVLink / PCIe / InfiniBand"), QT_TRANSLATE_NOOP("Report", "Links between GPUs inside a server (NVLink fast, PCIe slower) and between servers (InfiniBand, Ethernet).")),
    # serving
    (QT_TRANSLATE_NOOP("Report", "Time to first token"), QT_TRANSLATE_NOOP("Report", "How long a user waits before the answer starts: the time to read the prompt (prefill).")),
    (QT_TRANSLATE_NOOP("Report", "Tokens/s per user"), QT_TRANSLATE_NOOP("Report", "How fast the answer is written for one user (decode speed).")),
    (QT_TRANSLATE_NOOP("Report", "Throughput"), QT_TRANSLATE_NOOP("Report", "Tokens per second the servers produce for all users together.")),
    (QT_TRANSLATE_NOOP("Report", "N+1"), QT_TRANSLATE_NOOP("Report", "One spare replica, so the service level holds while one server is down.")),
    # money
    (QT_TRANSLATE_NOOP("Report", "On-demand / spot / reserved"), QT_TRANSLATE_NOOP("Report", "Cloud prices: by the hour; cheaper but may be interrupted; cheaper for a commitment of a year or more.")),
    (QT_TRANSLATE_NOOP("Report", "PUE"), QT_TRANSLATE_NOOP("Report", "Power usage effectiveness: data-centre power per unit of IT power (cooling etc.); 1.5 means +50%.")),
    (QT_TRANSLATE_NOOP("Report", "Break-even"), QT_TRANSLATE_NOOP("Report", "The amount of use after which buying GPUs costs less than renting them.")),
)


def glossary() -> list[tuple[str, str]]:
    """The terms and their explanations in the current language."""
    return [(translate("Report", term), translate("Report", text)) for term, text in GLOSSARY]

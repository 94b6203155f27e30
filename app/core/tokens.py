"""Tokens from characters: published characters-per-token ratios by tokenizer family and script.

A text's token count depends on the tokenizer far more for Japanese than for English: the same
Japanese web text is 0.88 characters per token with Llama 2's 32K SentencePiece vocabulary and 1.48
with Qwen's 151K BPE, while English is 3.9-4.7 for all of them.

Sources (characters = Unicode code points, tokens without special tokens):
- shisa-ai/shisa-v2, eval/tokenizer-efficiency/tokenizer-eval-ja.md and -en.md (2025-05-06): the
  first 50,000 documents of one CulturaX shard per language, sum(len(text)) / sum(len(input_ids)),
  every family below on the same text (Llama 2 row from its predecessor AUGMXNT/shisa, 2023-12-05,
  same corpus and script). Cross-checked against Petrov et al. 2023 ("Language Model Tokenizers
  Introduce Unfairness Between Languages", FLORES-200: Llama 2 JA 0.84, cl100k 0.93, Qwen 1.45) and
  the Llama 3 paper (English 3.17 -> 3.94 characters per token from Llama 2 to Llama 3).
- Code: open-completions/token-score (2024-01, bigcode/the-stack-smol, bytes per token ~ characters
  for ASCII code): cl100k Python 4.19, Code Llama (Llama 2 vocabulary) Python 3.07; LLM-jp tokenizer
  README (v3.0): code 2.75. For the families with no published code figure the ratio is their
  English one times cl100k's code/English ratio (4.19 / 4.58), marked ``code_derived``.
"""

from __future__ import annotations

from dataclasses import dataclass

SCRIPTS = ("ja", "en", "code")
_CODE_OVER_EN = 4.19 / 4.58  # cl100k: token-score Python vs shisa-v2 English


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    ja: float
    en: float
    code: float | None  # None: English x cl100k's code/English ratio
    source: str

    def ratio(self, script: str) -> float:
        if script == "code":
            return self.code if self.code is not None else self.en * _CODE_OVER_EN
        return self.ja if script == "ja" else self.en


_SHISA = "shisa-ai/shisa-v2 eval/tokenizer-efficiency (CulturaX, 2025-05-06)"
FAMILIES: dict[str, Family] = {f.id: f for f in (
    Family("llama2", "Llama 2 / Mistral (32K)", 0.88, 3.86, 3.07,
           "AUGMXNT/shisa tokenizer-eval (CulturaX, 2023-12-05): JA 0.883, EN 3.860; token-score: Code Llama Python 3.07"),
    Family("llama3", "Llama 3 (128K)", 1.45, 4.59, None, _SHISA + ": JA 1.455, EN 4.587"),
    Family("qwen", "Qwen2 / 2.5 / 3 (151K)", 1.48, 4.47, None, _SHISA + ": JA 1.479, EN 4.468"),
    Family("gemma", "Gemma 2 / 3 (256K)", 1.85, 4.47, None, _SHISA + ": Gemma 2 JA 1.853, EN 4.471 (Gemma 3: 1.785, 4.451)"),
    Family("deepseek-v3", "DeepSeek-V3 (128K)", 1.48, 4.57, None, _SHISA + ": JA 1.481, EN 4.566"),
    Family("cl100k", "GPT-4 cl100k_base", 1.00, 4.58, 4.19, _SHISA + ": JA 0.998, EN 4.582; token-score: Python 4.19"),
    Family("o200k", "GPT-4o / gpt-oss o200k", 1.39, 4.66, None, _SHISA + ": JA 1.390, EN 4.657"),
    Family("llm-jp", "LLM-jp-3 (99K)", 2.12, 4.25, 2.75, _SHISA + ": JA 2.123, EN 4.255; llm-jp/llm-jp-tokenizer README v3.0: code 2.745"),
)}

# a model's vocabulary size -> its tokenizer family (the catalog's and config.json's vocab_size)
_BY_VOCAB = {32000: "llama2", 32064: "llama2", 32768: "llama2", 128256: "llama3", 151936: "qwen", 152064: "qwen",
             151643: "qwen", 256000: "gemma", 262144: "gemma", 262208: "gemma", 129280: "deepseek-v3", 201088: "o200k",
             99574: "llm-jp", 99584: "llm-jp", 99840: "llm-jp", 100352: "cl100k"}


def family_for(model_id: str, vocab: int) -> str | None:
    """The tokenizer family a model uses, from its vocabulary size (None: not one of ours)."""
    if model_id.startswith("llm-jp"):
        return "llm-jp"
    return _BY_VOCAB.get(vocab)


def estimate(chars: dict[str, int], family: str) -> float:
    """Tokens for characters by script (``ja``, ``en``, ``code``) with ``family``'s ratios."""
    f = FAMILIES[family]
    return sum(n / f.ratio(s) for s, n in chars.items() if n)


_JA_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF),
              (0x3000, 0x303F), (0x31F0, 0x31FF), (0x20000, 0x2FFFF))


def is_japanese(ch: str) -> bool:
    """Hiragana, katakana, CJK ideographs, CJK and full-width punctuation (Unicode blocks)."""
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _JA_RANGES)


def japanese_chars(text: str) -> int:
    """How many characters of ``text`` are Japanese (fast for long texts: ASCII is skipped first)."""
    if text.isascii():
        return 0
    return sum(1 for ch in text if ord(ch) >= 0x3000 and is_japanese(ch))

"""A text corpus on disk, counted: files, bytes, characters by script, records, and tokens.

- Files: .txt/.md (each line a record), .jsonl (each line a record: its string values), .json (a list
  of records, or one), .csv/.tsv (each row after the header), .parquet (each row's string columns,
  when ``pyarrow`` is installed), and source code by extension (all of it counted as code).
  Hidden files and folders are skipped; other files are listed as skipped with the reason.
- A record counts as Japanese when at least 30% of its characters are Japanese (hiragana, katakana,
  kanji, full-width punctuation), else as English/Latin: the published ratios (``app.core.tokens``)
  were measured on whole documents, with the ASCII digits and punctuation they contain.
- Tokens are estimated for every family from those ratios, and counted exactly with the
  ``tokenizers`` library (Hugging Face's own Rust tokenizer, the one transformers uses) when a
  ``tokenizer.json`` is given.
- Large folders report progress (bytes read of the total) and can be cancelled between records.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.tokens import FAMILIES, estimate, japanese_chars

TEXT_EXT = frozenset((".txt", ".md", ".jsonl", ".json", ".csv", ".tsv", ".parquet"))
CODE_EXT = frozenset((".py", ".js", ".ts", ".tsx", ".jsx", ".c", ".cc", ".cpp", ".h", ".hpp", ".java", ".go", ".rs", ".rb",
                      ".sh", ".php", ".cs", ".swift", ".kt", ".scala", ".sql", ".html", ".css", ".r", ".jl", ".lua", ".m"))
JA_SHARE = 0.3
_JSON_LIMIT = 256 << 20
_BATCH = 512


class Cancelled(Exception):
    """The user stopped the count."""


@dataclass
class CorpusStats:
    files: int = 0
    bytes: int = 0
    characters: int = 0
    chars_by_script: dict[str, int] = field(default_factory=lambda: {"ja": 0, "en": 0, "code": 0})  # each character
    record_chars: dict[str, int] = field(default_factory=lambda: {"ja": 0, "en": 0, "code": 0})  # by a record's script
    records: int = 0
    structured_records: int = 0  # jsonl/json/csv/parquet rows: fine-tuning samples
    longest_record_chars: int = 0
    bad_lines: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # path, reason
    exact: dict[str, int] = field(default_factory=dict)  # tokenizer name -> tokens
    longest_record_tokens: int = 0  # exact, when a tokenizer was given

    def tokens(self) -> dict[str, int]:
        """Estimated tokens per tokenizer family."""
        return {f: int(round(estimate(self.record_chars, f))) for f in FAMILIES}


def _strings(v: Any) -> Iterator[str]:
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from _strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from _strings(x)


def _jsonl(f: io.TextIOBase, stats: CorpusStats) -> Iterator[str]:
    for line in f:
        if not line.strip():
            continue
        try:
            yield "\n".join(_strings(json.loads(line)))
        except json.JSONDecodeError:
            stats.bad_lines += 1
            yield line.rstrip("\n")


def _records(path: Path, stats: CorpusStats) -> Iterator[tuple[str, bool]]:
    """(text, structured) per record of one file."""
    ext = path.suffix.lower()
    if ext == ".parquet":
        yield from ((t, True) for t in _parquet(path))
        return
    with open(path, encoding="utf-8-sig", errors="replace", newline="" if ext in (".csv", ".tsv") else None) as f:
        if ext == ".jsonl":
            yield from ((t, True) for t in _jsonl(f, stats))
        elif ext == ".json":
            if path.stat().st_size > _JSON_LIMIT:
                yield from ((t, True) for t in _jsonl(f, stats))  # a large .json is usually JSON Lines
                return
            try:
                doc = json.load(f)
            except json.JSONDecodeError:
                stats.bad_lines += 1
                return
            for rec in doc if isinstance(doc, list) else [doc]:
                yield "\n".join(_strings(rec)), True
        elif ext in (".csv", ".tsv"):
            rows = csv.reader(f, delimiter="\t" if ext == ".tsv" else ",")
            next(rows, None)  # the header
            try:
                for row in rows:
                    if any(c.strip() for c in row):
                        yield " ".join(row), True
            except csv.Error:
                stats.bad_lines += 1
        else:
            for line in f:
                if line.strip():
                    yield line.rstrip("\n"), False


def _parquet(path: Path) -> Iterator[str]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=1024):
        cols = [c.to_pylist() for c, fld in zip(batch.columns, batch.schema, strict=True) if str(fld.type) in ("string", "large_string")]
        for row in zip(*cols, strict=True):
            yield "\n".join(x for x in row if x)


def _walk(paths: Sequence[str | os.PathLike[str]], stats: CorpusStats, cancel: Callable[[], bool]) -> list[tuple[Path, int]]:
    files: list[tuple[Path, int]] = []
    seen = 0

    def consider(p: Path) -> None:
        ext = p.suffix.lower()
        if ext == ".parquet" and not _has_pyarrow():
            stats.skipped.append((str(p), "parquet_needs_pyarrow"))
        elif ext in TEXT_EXT or ext in CODE_EXT:
            try:
                files.append((p, p.stat().st_size))
            except OSError as e:
                stats.skipped.append((str(p), e.strerror or "unreadable"))
        else:
            stats.skipped.append((str(p), "not_text"))

    for raw in paths:
        top = Path(raw).expanduser()
        if top.is_file():
            consider(top)
            continue
        if not top.is_dir():
            stats.skipped.append((str(top), "not_found"))
            continue
        for root, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                seen += 1
                if seen % 1000 == 0 and cancel():
                    raise Cancelled
                if not name.startswith("."):
                    consider(Path(root) / name)
    return files


def _has_pyarrow() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def _load_tokenizer(path: str | None) -> Any:
    if path is None:
        return None
    from tokenizers import Tokenizer

    return Tokenizer.from_file(str(path))


def _add(stats: CorpusStats, text: str, structured: bool, code: bool) -> None:
    n = len(text)
    stats.records += 1
    stats.structured_records += structured
    stats.characters += n
    stats.longest_record_chars = max(stats.longest_record_chars, n)
    if code:
        stats.chars_by_script["code"] += n
        stats.record_chars["code"] += n
        return
    ja = japanese_chars(text)
    stats.chars_by_script["ja"] += ja
    stats.chars_by_script["en"] += n - ja
    stats.record_chars["ja" if n and ja >= JA_SHARE * n else "en"] += n


def _flush(tok: Any, batch: list[str], stats: CorpusStats, name: str) -> None:
    if tok is not None and batch:
        lengths = [len(e.ids) for e in tok.encode_batch(batch, add_special_tokens=False)]
        stats.exact[name] = stats.exact.get(name, 0) + sum(lengths)
        stats.longest_record_tokens = max(stats.longest_record_tokens, *lengths)
    batch.clear()


def scan(paths: Sequence[str | os.PathLike[str]], *, tokenizer: str | None = None,
         progress: Callable[[int, int], None] | None = None, cancel: Callable[[], bool] | None = None) -> CorpusStats:
    """Count ``paths`` (files or folders). ``progress(done_bytes, total_bytes)`` is called as files are
    read; ``cancel()`` returning True stops the count with ``Cancelled``."""
    stop = cancel or (lambda: False)
    stats = CorpusStats()
    files = _walk(paths, stats, stop)
    total = sum(size for _, size in files)
    tok = _load_tokenizer(tokenizer)
    name = (Path(tokenizer).parent.name or "tokenizer.json") if tokenizer else ""
    done = 0
    batch: list[str] = []
    for path, size in files:
        code = path.suffix.lower() in CODE_EXT
        try:
            if code:
                text = path.read_text(encoding="utf-8", errors="replace")
                records: Iterable[tuple[str, bool]] = [(text, False)]
            else:
                records = _records(path, stats)
            for i, (text, structured) in enumerate(records):
                _add(stats, text, structured, code)
                if tok is not None:
                    batch.append(text)
                    if len(batch) >= _BATCH:
                        _flush(tok, batch, stats, name)
                if i % 256 == 0 and stop():
                    raise Cancelled
        except OSError as e:
            stats.skipped.append((str(path), e.strerror or "unreadable"))
            continue
        stats.files += 1
        stats.bytes += size
        done += size
        if progress:
            progress(done, total)
    _flush(tok, batch, stats, name)
    return stats


def data_fields(stats: CorpusStats, goal: str, tokens: int) -> dict[str, Any]:
    """What the count sets in a plan: ``tokens`` for continued pre-training and training from scratch;
    for fine-tuning, one sample per record with the mean record length (packed sequences) as the
    sequence length, and one epoch unless the plan says otherwise."""
    if goal == "finetune":
        samples = stats.structured_records or stats.records
        if not samples:
            return {}
        return {"samples": samples, "seq_len": max(1, math.ceil(tokens / samples))}
    if goal in ("cpt", "scratch"):
        return {"tokens": tokens} if tokens else {}
    return {}


def parse_tokenizer(value: str | None) -> tuple[list[str], str | None]:
    """``--tokenizer``: family ids (a comma list) or a tokenizer.json path. ValueError naming what is
    allowed otherwise."""
    if not value:
        return [], None
    p = Path(value).expanduser()
    if p.suffix.lower() == ".json" or p.is_file() or p.is_dir():
        f = p / "tokenizer.json" if p.is_dir() else p
        if not f.is_file():
            raise ValueError(f"no such tokenizer file {str(f)!r}")
        return [], str(f)
    fams = [x.strip().lower() for x in value.split(",") if x.strip()]
    bad = [x for x in fams if x not in FAMILIES]
    if bad:
        raise ValueError(f"{bad[0]!r} is not one of {', '.join(FAMILIES)}, or a tokenizer.json file")
    return list(dict.fromkeys(fams)), None


def tokenizer_comparison(request: Any, stats: CorpusStats, families: Sequence[str], catalog: Any,
                         exact: tuple[str, int] | None = None) -> list[dict[str, Any]]:
    """The same corpus planned with each tokenizer's count: tokens, then the recommended option's GPUs,
    time and cost (one full plan per tokenizer, through the same pipeline as the plan itself)."""
    from dataclasses import replace

    from app.planning.outcome import build_outcome
    from app.planning.request import RequestError, to_scenario

    goal = request.goal or ""
    est = stats.tokens()
    rows: list[tuple[str, str, int]] = [(f, FAMILIES[f].name, est[f]) for f in families]
    if exact:
        rows.insert(0, (exact[0], exact[0], exact[1]))
    out: list[dict[str, Any]] = []
    for fid, name, tokens in rows:
        row: dict[str, Any] = {"tokenizer": fid, "name": name, "tokens": tokens, "exact": bool(exact and fid == exact[0]),
                               **data_fields(stats, goal, tokens)}
        try:
            o = build_outcome(to_scenario(replace(request, **data_fields(stats, goal, tokens)), catalog), catalog,
                              curves=False, with_backtest=False)
        except (RequestError, ValueError):
            out.append({**row, "feasible": False})
            continue
        best = o.plan.options[0] if o.plan.options else None
        row.update({"feasible": o.plan.verdict.feasible, "gpu": best.gpu if best else None,
                    "gpu_count": best.gpu_count if best else None, "time_s": best.job_s if best else None,
                    "cloud_cost": best.cost.cloud if best else None, "onprem_cost": best.cost.onprem if best else None,
                    "currency": o.scenario.currency})
        out.append(row)
    return out


def tokenizer_beside(model_file: str | None) -> str | None:
    """The tokenizer.json that ships with a model folder (Hugging Face layout), if there is one: a
    plan on that model counts its data exactly."""
    if not model_file:
        return None
    p = Path(model_file).expanduser()
    folder = p if p.is_dir() else p.parent
    tok = folder / "tokenizer.json"
    return str(tok) if tok.is_file() else None

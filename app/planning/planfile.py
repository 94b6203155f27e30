"""The ``.gpuplan`` file: the question (a PlanRequest's fields, as typed) with a name and versions.

    {"schema": "gpu-planner.planfile/3", "app_version": "…", "name": "…", "catalog_version": "…",
     "request": {"goal": "finetune", "model": "llama-3.1-8b", "samples": "10000", …}}

The request may keep values of fields that do not apply to its goal (the wizard remembers what was
typed for another goal); only the applicable ones are planned. Older files are migrated when read
(version 1: no FX date; version 2: the wizard's draft with its own key names) and never written over
unless the user saves. Writes are atomic (app.fileio.write_atomic: a temporary file in the same
folder, flushed, then renamed; the file's mode kept, a symlink followed).

Opening is all or nothing (issue 24): only a regular file of at most MAX_BYTES is read (a FIFO or
/dev/zero is refused, never read), JSON nesting is bounded (MAX_DEPTH), and every request field must
have the JSON type its PlanRequest field takes (``check_types``) before the file replaces anything.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PREFIX = "gpu-planner.planfile/"
VERSION = 3
SCHEMA = f"{PREFIX}{VERSION}"
SUFFIX = ".gpuplan"
MAX_BYTES = 1 << 20  # plans are a few kilobytes
MAX_DEPTH = 8  # {"request": {"own": {"gpu": 8}}} is 3 deep

# request fields whose JSON value is not a scalar (str, number, or null for the default), with the
# shape their PlanRequest field takes; tests/planning check this against PlanRequest's annotations
# (app.planning.request imports pydantic, which the start-up path must not)
LIST_FIELDS = frozenset(("precision_choices", "quant_choices", "offload"))
BOOL_FIELDS = frozenset(("optimizer_in_backward", "sequence_parallel"))
COUNT_FIELDS = frozenset(("own",))
ENGINE_ALIASES = {"trt-llm": "trtllm"}
TEXT_FIELDS = frozenset(("goal", "model", "model_file", "method", "lora_targets", "precision", "optimizer", "recompute", "stack",
                         "attention", "loss", "quant", "kv_dtype", "engine", "gpu_id", "network", "currency",
                         "deployment", "pricing", "cloud_offer", "rank_by", "fx_as_of", "availability"))


class PlanFileError(ValueError):
    """A plan file that cannot be opened: ``code`` (unreadable, not_json, newer, unknown, too_deep,
    wrong_type) and params for app.present to word."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


def _from_v1(draft: dict[str, Any]) -> dict[str, Any]:
    """Version 1 (before the FX rate had a date): the rate's date is unknown, so none is cited."""
    return {**draft, "fx_as_of": None}


_V2_RENAMES = {"model_id": "model"}
_V2_CUSTOM = {"params": "params_total", "active_params": "params_active", "layers": "layers", "hidden": "hidden",
              "heads": "heads", "kv_heads": "kv_heads", "ffn": "ffn", "vocab": "vocab"}


def _from_v2(draft: dict[str, Any]) -> dict[str, Any]:
    """Version 2 kept the wizard's own key names: model_id, custom {params, …}, precisions [...]."""
    out = {_V2_RENAMES.get(k, k): v for k, v in draft.items() if k not in ("custom", "precisions")}
    custom = draft.get("custom") or {}
    if not isinstance(custom, dict):
        raise PlanFileError("wrong_type", field="custom", expected="an object", found=_json_type(custom))
    for k, v in custom.items():
        if k in _V2_CUSTOM and v not in (None, ""):
            out[_V2_CUSTOM[k]] = v
    precisions = draft.get("precisions")
    if isinstance(precisions, list) and precisions:
        out["precision_choices"] = precisions  # check_types refuses a list of anything but text
    elif precisions not in (None, []):
        raise PlanFileError("wrong_type", field="precisions", expected="a list of text", found=_json_type(precisions))
    return out


# version -> the step that lifts a file's question of that version to the next one
MIGRATIONS = {1: _from_v1, 2: _from_v2}


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """A plan file's request at the current version; PlanFileError("newer"/"unknown") when it cannot be."""
    schema = doc.get("schema")
    if not isinstance(schema, str) or not schema.startswith(PREFIX):
        raise PlanFileError("unknown")
    try:
        version = int(schema.removeprefix(PREFIX))
    except ValueError:
        raise PlanFileError("unknown") from None
    if version > VERSION:
        raise PlanFileError("newer", app_version=doc.get("app_version", "?"))
    body = doc.get("request" if version >= 3 else "draft")
    if not isinstance(body, dict):
        raise PlanFileError("unknown")
    while version < VERSION:
        if version not in MIGRATIONS:
            raise PlanFileError("unknown")
        body = MIGRATIONS[version](body)
        version += 1
    return body


@dataclass
class PlanFile:
    request: dict[str, Any]
    name: str = ""
    app_version: str = ""
    catalog_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. the autosave's original path and time

    def dumps(self) -> str:
        return json.dumps({"schema": SCHEMA, "app_version": self.app_version, "name": self.name,
                           "catalog_version": self.catalog_version, **self.extra, "request": self.request},
                          ensure_ascii=False, indent=2)


def _depth(doc: Any) -> int:
    """How deeply ``doc`` nests (a scalar is 0), without recursion."""
    deepest, stack = 0, [(doc, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict | list):
            deepest = max(deepest, d)
            if d <= MAX_DEPTH:
                stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


def _json_type(v: Any) -> str:
    return ("null" if v is None else "true/false" if isinstance(v, bool) else "a number" if isinstance(v, int | float)
            else "text" if isinstance(v, str) else "a list" if isinstance(v, list) else "an object")


def check_types(request: dict[str, Any]) -> None:
    """PlanFileError("wrong_type", field=…, expected=…, found=…) for the first request field whose JSON
    type its PlanRequest field cannot take. Values are not judged here: a number out of range opens,
    and the wizard marks it, as it would have when it was typed."""
    for k, v in request.items():
        if v is None:
            continue  # the default
        if k in LIST_FIELDS:
            ok, expected = isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of text"
        elif k in BOOL_FIELDS:
            ok, expected = isinstance(v, bool), "true or false"
        elif k in COUNT_FIELDS:
            ok = isinstance(v, dict) and all(isinstance(g, str) and isinstance(n, int) and not isinstance(n, bool) and n >= 0
                                             for g, n in v.items())
            expected = "an object of GPU ids and whole counts"
        elif k in TEXT_FIELDS:
            ok, expected = isinstance(v, str), "text"
        else:  # a quantity: a number, or text as typed ("7B", "3000万")
            ok, expected = isinstance(v, str | int | float) and not isinstance(v, bool), "a number or text"
        if not ok:
            found = _json_type(v)
            if isinstance(v, dict) and k in COUNT_FIELDS:
                bad = next((n for n in v.values() if not (isinstance(n, int) and not isinstance(n, bool) and n >= 0)), None)
                found = f"{_json_type(bad)} as a count" if bad is not None or not v else found
            raise PlanFileError("wrong_type", field=k, expected=expected, found=found)


def loads(text: str) -> PlanFile:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise PlanFileError("not_json", line=e.lineno) from None
    except RecursionError:
        raise PlanFileError("too_deep", limit=MAX_DEPTH) from None
    if not isinstance(doc, dict):
        raise PlanFileError("unknown")
    if _depth(doc) > MAX_DEPTH:
        raise PlanFileError("too_deep", limit=MAX_DEPTH)
    request = migrate(doc)
    check_types(request)
    if request.get("engine") in ENGINE_ALIASES:  # the name TensorRT-LLM had before the serving round
        request["engine"] = ENGINE_ALIASES[request["engine"]]
    for key in ("name", "app_version", "catalog_version"):
        if doc.get(key) is not None and not isinstance(doc[key], str):
            raise PlanFileError("wrong_type", field=key, expected="text", found=_json_type(doc[key]))
    extra = {k: v for k, v in doc.items() if k not in ("schema", "app_version", "name", "catalog_version", "request", "draft")}
    return PlanFile(request=request, name=str(doc.get("name") or ""), app_version=str(doc.get("app_version") or ""),
                    catalog_version=str(doc.get("catalog_version") or ""), extra=extra)


def read(path: str | Path) -> PlanFile:
    """Open a plan file; PlanFileError (unreadable, not_json, newer, unknown) when it cannot be."""
    from app.fileio import FileProblem, read_regular

    path = Path(path)
    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8")
    except FileProblem as e:
        raise PlanFileError("unreadable", error=e.strerror) from None
    except (OSError, UnicodeDecodeError) as e:
        raise PlanFileError("unreadable", error=getattr(e, "strerror", None) or str(e)) from None
    return loads(text)


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` all or nothing (app.fileio.write_atomic): a crash or a full disk
    leaves the previous file as it was; the file's mode and a symlink are kept."""
    from app.fileio import write_atomic

    write_atomic(path, text)


def write(path: str | Path, plan_file: PlanFile) -> None:
    atomic_write(path, plan_file.dumps())


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(name: str, limit: int = 100) -> str:
    """A file name made from text the user typed: no path separators, no characters Windows or macOS
    refuse, no control characters, no reserved device names (CON, NUL, …), never empty."""
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r'[\x00-\x1f\x7f<>:"/\\|?*]', "_", name).strip().strip(".")
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    return name[:limit].rstrip(" .") or "plan"

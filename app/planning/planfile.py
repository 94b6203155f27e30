"""The ``.gpuplan`` file: the question (a PlanRequest's fields, as typed) with a name and versions.

    {"schema": "gpu-planner.planfile/3", "app_version": "…", "name": "…", "catalog_version": "…",
     "request": {"goal": "finetune", "model": "llama-3.1-8b", "samples": "10000", …}}

The request may keep values of fields that do not apply to its goal (the wizard remembers what was
typed for another goal); only the applicable ones are planned. Older files are migrated when read
(version 1: no FX date; version 2: the wizard's draft with its own key names) and never written over
unless the user saves. Writes are atomic: a temporary file in the same folder, flushed, then renamed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PREFIX = "gpu-planner.planfile/"
VERSION = 3
SCHEMA = f"{PREFIX}{VERSION}"
SUFFIX = ".gpuplan"


class PlanFileError(ValueError):
    """A plan file that cannot be opened: ``code`` (unreadable, not_json, newer, unknown) and params
    for app.present to word."""

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
    for k, v in (draft.get("custom") or {}).items():
        if k in _V2_CUSTOM and v not in (None, ""):
            out[_V2_CUSTOM[k]] = v
    precisions = draft.get("precisions")
    if isinstance(precisions, list) and precisions:
        out["precision_choices"] = [str(p) for p in precisions]
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


def loads(text: str) -> PlanFile:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise PlanFileError("not_json", line=e.lineno) from None
    if not isinstance(doc, dict):
        raise PlanFileError("unknown")
    request = migrate(doc)
    extra = {k: v for k, v in doc.items() if k not in ("schema", "app_version", "name", "catalog_version", "request", "draft")}
    return PlanFile(request=request, name=str(doc.get("name") or ""), app_version=str(doc.get("app_version") or ""),
                    catalog_version=str(doc.get("catalog_version") or ""), extra=extra)


def read(path: str | Path) -> PlanFile:
    """Open a plan file; PlanFileError (unreadable, not_json, newer, unknown) when it cannot be."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PlanFileError("unreadable", error=str(e)) from None
    return loads(text)


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, flushed to disk and
    renamed over the target: a crash or a full disk leaves the previous file as it was."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".gpuplan-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())  # on disk before the rename makes it the plan
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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

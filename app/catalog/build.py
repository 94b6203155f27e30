"""Build catalog.db from resources/data/*.csv, deterministically.

The same CSV content always gives the same rows in the same order and the same ``content_hash``
(a SHA-256 over the parsed records, so line endings and quoting style do not matter). A test
rebuilds into a temporary file and compares it with the shipped catalog.db, which fails when someone
edits a CSV and forgets to rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from app.catalog.csv_io import read_csv
from app.catalog.schema import BUILD_ORDER, KINDS, Record

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

FILES = {"gpus": "gpus.csv", "models": "models.csv", "runs": "runs.csv", "offers": "offers.csv",
         "measurements": "measurements.csv", "apis": "apis.csv"}


def read_sources(data: Path) -> dict[str, list[Record]]:
    """Every kind's records, checked (references resolved against the kinds read before)."""
    out: dict[str, list[Record]] = {}
    known: dict[str, set[str]] = {}
    for name in BUILD_ORDER:
        kind = KINDS[name]
        _, records = read_csv(data / FILES[name], kind, known)
        out[name] = records
        known[name] = {r["id"] for r in records}
    return out


def content_hash(sources: Mapping[str, list[Record]]) -> str:
    blob = json.dumps({k: sources[k] for k in BUILD_ORDER}, sort_keys=True, ensure_ascii=True,
                      separators=(",", ":"))
    return hashlib.sha256(blob.encode("ascii")).hexdigest()


def write_db(engine: Engine, sources: Mapping[str, list[Record]], extra_meta: dict[str, str] | None = None) -> None:
    from sqlmodel import Session, SQLModel

    from app.catalog.tables import SCHEMA_VERSION, TABLES, Meta

    SQLModel.metadata.create_all(engine)
    with Session(engine) as s:
        for name in BUILD_ORDER:
            for i, rec in enumerate(sources.get(name, [])):
                s.add(TABLES[name](seq=i, **rec))
        meta = {"schema_version": str(SCHEMA_VERSION), "content_hash": content_hash(sources),
                **{f"count_{k}": str(len(sources.get(k, []))) for k in BUILD_ORDER}, **(extra_meta or {})}
        for k, v in sorted(meta.items()):
            s.add(Meta(key=k, value=v))
        s.commit()


def build(data: Path, out: Path) -> dict[str, int]:
    """Write ``out`` from the CSVs under ``data`` (atomically); return the row count per kind."""
    from sqlmodel import create_engine

    sources = read_sources(data)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".catalog-", suffix=".db", dir=out.parent)
    os.close(fd)
    try:
        engine = create_engine(f"sqlite:///{tmp}")
        write_db(engine, sources)
        engine.dispose()
        con = sqlite3.connect(tmp)
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return {k: len(v) for k, v in sources.items()}

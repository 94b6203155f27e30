"""The catalog as the rest of the app sees it: shipped catalog.db plus the user's overlay.

- The shipped ``catalog.db`` is opened read-only (SQLite ``mode=ro&immutable=1``) and never written.
- The user's additions and edits live in ``catalog-user.db`` in the user data directory. A user row
  wins over a shipped row with the same id; listings mark it ``origin = "user"``.
- Rows come out as the core's frozen specs (GpuSpec, ModelSpec, TrainingRun, CloudOffer).
- A broken overlay never stops the app: it is reported in ``problems`` and the shipped rows are used.
- An interrupted write (a killed import, a crash, a power cut) leaves SQLite's rollback journal next
  to the overlay. Before reading, the overlay is opened read-write once so that SQLite rolls the
  journal back (``_recover``): the catalog is as it was before the import. A read-only connection
  cannot roll back, so without this step the file looked damaged and was moved aside, journal
  left behind, as a torn mix of old and new rows (issue 24). A file moved aside takes its
  ``-journal``, ``-wal`` and ``-shm`` files with it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from app.catalog.convert import Spec, to_spec
from app.catalog.csv_io import format_cell, read_csv_with_encoding, write_csv
from app.catalog.errors import CatalogError, CatalogWriteError  # noqa: F401 - raised here, importable from here
from app.catalog.schema import BUILD_ORDER, KINDS, SCHEMA_VERSION, Record
from app.core.specs import ApiPrice, CloudOffer, GpuSpec, Measurement, ModelSpec, TrainingRun
from app.paths import catalog_db_path, data_dir, user_data_dir

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

OVERLAY_NAME = "catalog-user.db"


# schema version -> a step that upgrades a user's overlay database from it to the next version
# (sqlite3 connection, inside a transaction). Empty while schema 1 is the only one.
def _v1_to_v2(con: sqlite3.Connection) -> None:
    """Schema 2: models record sliding-window attention (their KV cache keeps only the window)."""
    con.execute("ALTER TABLE model ADD COLUMN sliding_window INTEGER")
    con.execute("ALTER TABLE model ADD COLUMN local_layers INTEGER")


def _v2_to_v3(con: sqlite3.Connection) -> None:
    """Schema 3: the user's measured runs (gpu-planner calibrate), a table of their own."""
    from sqlalchemy.dialects import sqlite as dialect
    from sqlalchemy.schema import CreateIndex, CreateTable

    from app.catalog.tables import TABLES

    table = TABLES["measurements"].__table__  # type: ignore[attr-defined]
    con.execute(str(CreateTable(table).compile(dialect=dialect.dialect())))
    for index in table.indexes:
        con.execute(str(CreateIndex(index).compile(dialect=dialect.dialect())))


def _v3_to_v4(con: sqlite3.Connection) -> None:
    """Schema 4: GPUs record their architecture and the precisions their tensor cores run."""
    have = {row[1] for row in con.execute("PRAGMA table_info(gpu)")}
    for column in ("architecture", "precisions"):
        if column not in have:
            con.execute(f"ALTER TABLE gpu ADD COLUMN {column} VARCHAR")


def _v4_to_v5(con: sqlite3.Connection) -> None:
    """Schema 5: GPUs record whether they are sold separately and the price of their server."""
    have = {row[1] for row in con.execute("PRAGMA table_info(gpu)")}
    for column, sql_type in (("sold_separately", "BOOLEAN"), ("server_price_usd", "FLOAT"),
                             ("server_price_source", "VARCHAR"), ("server_price_as_of", "VARCHAR")):
        if column not in have:
            con.execute(f"ALTER TABLE gpu ADD COLUMN {column} {sql_type}")


def _v5_to_v6(con: sqlite3.Connection) -> None:
    """Schema 6: commercial API prices (an empty table: the user has added none yet)."""
    con.execute("CREATE TABLE IF NOT EXISTS api_price (id VARCHAR NOT NULL PRIMARY KEY, provider VARCHAR, model VARCHAR, "
                "open_model VARCHAR, input_per_million FLOAT, output_per_million FLOAT, currency VARCHAR, "
                "source VARCHAR, as_of VARCHAR, notes VARCHAR, seq INTEGER NOT NULL DEFAULT 0)")


OVERLAY_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4,
                                                                        4: _v4_to_v5, 5: _v5_to_v6}


SIDE_FILES = ("-journal", "-wal", "-shm")


def _recover(path: Path) -> None:
    """Let SQLite roll back (or check-point) what an interrupted write left next to ``path``; raises
    sqlite3.Error or OSError when it cannot (e.g. the folder is read-only)."""
    if not any(path.with_name(path.name + s).exists() for s in SIDE_FILES):
        return
    con = sqlite3.connect(path)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the first read rolls a hot journal back
    finally:
        con.close()


def _sql_reason(e: BaseException) -> str:
    """The database's own reason for an error, without the SQL statement SQLAlchemy appends."""
    orig = getattr(e, "orig", None)
    text = str(orig if orig is not None else e)
    return text.split("\n[SQL:")[0].split(" [SQL:")[0].strip()


def _write_error(path: Path, e: BaseException) -> str:
    return (f"cannot write your catalog {path}: {_sql_reason(e)}. Nothing was changed. Make its folder "
            f"writable, or set GPU_PLANNER_DATA_DIR to a folder you can write.")


def _schema_version(path: Path) -> str | None:
    """The ``schema_version`` in a catalog file's meta table (raises sqlite3.Error when unreadable)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    finally:
        con.close()
    return row[0] if row else None


_PROBLEM_TEXT = {
    "shipped_missing": "{path} not found; read the CSV sources instead (run `gpu-planner catalog build`)",
    "overlay_unreadable": "your catalog {path} could not be read ({error}); using the shipped catalog only. "
                          "The file was left untouched.",
    "overlay_moved": "your catalog {path} is damaged ({error}); it was moved to {aside} (kept, not deleted) and "
                     "the shipped catalog is used. Re-import your entries from CSV.",
    "overlay_migrated": "your catalog {path} was upgraded from schema {found} to {expected}; the previous file "
                        "is kept as {backup}.",
    "overlay_schema": "your catalog {path} has schema {found!r}, this app reads {expected}; it was left untouched "
                      "and not used.",
}


@dataclass(frozen=True)
class CatalogProblem:
    """Something the user should know about the catalog (a code the UI and CLI word; str() is English)."""

    code: str
    params: dict[str, Any]

    def __str__(self) -> str:
        return _PROBLEM_TEXT[self.code].format(**self.params)


def _rw_engine(path: Path) -> Engine:
    from sqlmodel import create_engine

    return create_engine(f"sqlite:///{path}")


def _read_all(path: Path, immutable: bool = True) -> tuple[dict[str, str], dict[str, list[Record]]]:
    """Meta and every kind's records of a catalog file, read-only, with plain sqlite3.

    Reading needs no ORM: importing sqlmodel costs 0.3-0.85 s, more than the whole start of the
    wizard may take (issue 10). Columns come from schema.py, as the tables do; SQLite hands back
    REAL, INTEGER and TEXT as Python float, int and str, and booleans are stored as 0/1.
    (tests/catalog checks that this reads what the SQLModel tables read.)"""
    # immutable (no locking, no journal look-up) only for the shipped file, which nothing writes
    con = sqlite3.connect(path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro"), uri=True)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta"))
        rows = {}
        for name in BUILD_ORDER:
            kind = KINDS[name]
            names = [c.name for c in kind.columns]
            bools = [i for i, c in enumerate(kind.columns) if c.type == "bool"]
            out = []
            for row in con.execute(f"SELECT {', '.join(names)} FROM {kind.table} ORDER BY seq, id"):
                if bools:
                    row = list(row)
                    for i in bools:
                        if row[i] is not None:
                            row[i] = bool(row[i])
                out.append(dict(zip(names, row, strict=True)))
            rows[name] = out
    finally:
        con.close()
    return meta, rows


class Catalog:
    """Shipped rows merged with the user's overlay. Cheap to query; read once, kept in memory."""

    def __init__(self, shipped: Path | None = None, overlay: Path | None = None):
        self.shipped_path = Path(shipped) if shipped else catalog_db_path()
        self.overlay_path = Path(overlay) if overlay else user_data_dir() / OVERLAY_NAME
        self.problems: list[CatalogProblem] = []
        self._meta, self._shipped = self._load_shipped()
        self._user = self._load_overlay()
        self._specs: dict[str, tuple[Spec, ...]] = {}

    # ----- loading -------------------------------------------------------------------------
    def _load_shipped(self) -> tuple[dict[str, str], dict[str, list[Record]]]:
        if not self.shipped_path.exists():
            # A source checkout without a built catalog: read the CSVs directly (same checks).
            from app.catalog.build import content_hash, read_sources

            sources = read_sources(data_dir())
            self.problems.append(CatalogProblem("shipped_missing", {"path": str(self.shipped_path)}))
            return {"schema_version": str(SCHEMA_VERSION), "content_hash": content_hash(sources)}, sources
        try:
            meta, rows = _read_all(self.shipped_path)
        except Exception as e:  # noqa: BLE001 - any SQLite failure means the same thing here
            raise CatalogError(f"cannot read the shipped catalog {self.shipped_path}: {e}; reinstall the app "
                               "or run `gpu-planner catalog build`") from None
        if meta.get("schema_version") != str(SCHEMA_VERSION):
            raise CatalogError(f"{self.shipped_path} has catalog schema {meta.get('schema_version')!r}; this app "
                               f"reads schema {SCHEMA_VERSION}. Run `gpu-planner catalog build`.")
        return meta, rows

    def _load_overlay(self) -> dict[str, list[Record]]:
        """The user's rows. A damaged file is moved aside (kept) and reported; an older schema is backed
        up, then migrated; a newer or unknown one is left untouched and not used."""
        empty: dict[str, list[Record]] = {k: [] for k in BUILD_ORDER}
        if not self.overlay_path.exists():
            return empty
        try:
            _recover(self.overlay_path)
        except (sqlite3.Error, OSError) as e:
            # cannot roll back here (a read-only folder): leave every file as it is, use the shipped rows
            self.problems.append(CatalogProblem("overlay_unreadable", {"path": str(self.overlay_path), "error": str(e)}))
            return empty
        try:
            found = _schema_version(self.overlay_path)
        except (sqlite3.Error, OSError) as e:
            self._move_aside(e)
            return empty
        if found != str(SCHEMA_VERSION):
            if not self._migrate_overlay(found, SCHEMA_VERSION):
                self.problems.append(CatalogProblem("overlay_schema", {"path": str(self.overlay_path), "found": found,
                                                                       "expected": SCHEMA_VERSION}))
                return empty
        try:
            _meta, rows = _read_all(self.overlay_path, immutable=False)
        except Exception as e:  # noqa: BLE001 - any SQLite failure: the file is damaged
            self._move_aside(e)
            return empty
        return rows

    def _move_aside(self, error: Exception) -> None:
        """Rename a damaged overlay to catalog-user.db.damaged-<time> (never deleted) and say so."""
        import time

        aside = self.overlay_path.with_name(f"{self.overlay_path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self.overlay_path.rename(aside)
            for suffix in SIDE_FILES:  # the journal belongs to the file: SQLite needs both to roll back
                side = self.overlay_path.with_name(self.overlay_path.name + suffix)
                if side.exists():
                    side.rename(aside.with_name(aside.name + suffix))
        except OSError:
            self.problems.append(CatalogProblem("overlay_unreadable", {"path": str(self.overlay_path), "error": str(error)}))
            return
        self.problems.append(CatalogProblem("overlay_moved", {"path": str(self.overlay_path), "error": str(error),
                                                              "aside": str(aside)}))

    def _migrate_overlay(self, found: str | None, expected: int) -> bool:
        """Upgrade an older overlay in place after copying it to catalog-user.db.bak-schema<N>."""
        import shutil

        if found is None or not found.isdigit() or int(found) >= expected:
            return False
        steps = range(int(found), expected)
        if any(v not in OVERLAY_MIGRATIONS for v in steps):
            return False
        backup = self.overlay_path.with_name(f"{self.overlay_path.name}.bak-schema{found}")
        shutil.copy2(self.overlay_path, backup)
        con = sqlite3.connect(self.overlay_path)
        try:
            with con:
                for v in steps:
                    OVERLAY_MIGRATIONS[v](con)
                con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(expected),))
        except sqlite3.Error:
            con.close()
            shutil.copy2(backup, self.overlay_path)  # as it was
            return False
        con.close()
        self.problems.append(CatalogProblem("overlay_migrated", {"path": str(self.overlay_path), "found": found,
                                                                 "expected": expected, "backup": str(backup)}))
        return True

    # ----- queries -------------------------------------------------------------------------
    def records(self, kind: str, origin: str = "all") -> list[Record]:
        """Merged records of one kind; a user record replaces the shipped one with its id in place."""
        shipped, user = self._shipped[kind], self._user[kind]
        if origin == "user":
            return [dict(r) for r in user]
        if origin == "shipped":
            return [dict(r) for r in shipped]
        by_id = {r["id"]: r for r in user}
        out = [dict(by_id.pop(r["id"], r)) for r in shipped]
        out.extend(dict(r) for r in user if r["id"] in by_id)
        return out

    def _all(self, kind: str) -> tuple[Spec, ...]:
        if kind not in self._specs:
            user_ids = {r["id"] for r in self._user[kind]}
            self._specs[kind] = tuple(
                to_spec(kind, r, "user" if r["id"] in user_ids else "shipped") for r in self.records(kind))
        return self._specs[kind]

    def gpus(self) -> tuple[GpuSpec, ...]:
        return cast(tuple[GpuSpec, ...], self._all("gpus"))

    def models(self) -> tuple[ModelSpec, ...]:
        return cast(tuple[ModelSpec, ...], self._all("models"))

    def runs(self) -> tuple[TrainingRun, ...]:
        return cast(tuple[TrainingRun, ...], self._all("runs"))

    def offers(self) -> tuple[CloudOffer, ...]:
        return cast(tuple[CloudOffer, ...], self._all("offers"))

    def measurements(self) -> tuple[Measurement, ...]:
        return cast(tuple[Measurement, ...], self._all("measurements"))

    def apis(self) -> tuple[ApiPrice, ...]:
        return cast(tuple[ApiPrice, ...], self._all("apis"))

    def add(self, kind: str, record: Record) -> None:
        """Write one checked record into the user's overlay (all or nothing; CatalogError if it fails)."""
        self._write_overlay(kind, [record])

    def entries(self, kind: str) -> tuple[Spec, ...]:
        return self._all(kind)

    def gpu(self, gpu_id: str) -> GpuSpec | None:
        return next((g for g in self.gpus() if g.id == gpu_id), None)

    def model(self, model_id: str) -> ModelSpec | None:
        return next((m for m in self.models() if m.id == model_id), None)

    def offers_for(self, gpu_id: str) -> tuple[CloudOffer, ...]:
        return tuple(o for o in self.offers() if o.gpu == gpu_id)

    def known_ids(self) -> dict[str, set[str]]:
        return {k: {r["id"] for r in self.records(k)} for k in BUILD_ORDER}

    def version(self) -> str:
        """Shipped content hash, plus a hash of the user's rows when there are any."""
        v = f"{self._meta.get('schema_version', '?')}-{self._meta.get('content_hash', '')[:12]}"
        if any(self._user.values()):
            blob = json.dumps(self._user, sort_keys=True).encode()
            v += "+user-" + hashlib.sha256(blob).hexdigest()[:8]
        return v

    @property
    def shipped_hash(self) -> str:
        return self._meta.get("content_hash", "")

    # ----- the user's entries ----------------------------------------------------------------
    def preview_import(self, path: str | Path) -> ImportPreview:
        """What importing ``path`` would change, without writing anything: the ids it adds, and for
        each id it replaces the fields whose value changes (old, new), against the catalog as it is
        (shipped rows and the user's). Raises what ``import_csv`` raises for a bad file."""
        kind, records, encoding = read_csv_with_encoding(path, known=self.known_ids())
        current = {r["id"]: r for r in self.records(kind.name)}
        added, changed, same = [], [], 0
        for rec in records:
            old = current.get(rec["id"])
            if old is None:
                added.append(rec["id"])
                continue
            # shown as the CSV has them: its column names and units (memory_gib 80, not bytes)
            diff = [(c.csv, format_cell(c, old.get(c.name)), format_cell(c, rec.get(c.name))) for c in kind.columns
                    if c.name != "id" and not _same(old.get(c.name), rec.get(c.name))]
            if diff:
                changed.append((rec["id"], diff))
            else:
                same += 1
        return ImportPreview(kind.name, added, changed, same, encoding, records)

    def apply_import(self, preview: ImportPreview) -> None:
        """Write a previewed import into the overlay (one transaction; CatalogError if it fails)."""
        self._write_overlay(preview.kind, preview.records)

    def import_csv(self, path: str | Path) -> tuple[str, int, int, str]:
        """Check every row of ``path``; import all of them into the overlay, or nothing (one
        transaction: a kill mid-import leaves the journal SQLite rolls back on the next start).

        Returns (kind, rows added, rows that replace an existing id, the encoding read: utf-8 or
        cp932). Raises CatalogCsvError naming line and column when any row is bad, FileProblem or
        OSError when the file cannot be read, CatalogError when the overlay cannot be written.
        """
        pv = self.preview_import(path)
        self.apply_import(pv)
        replaced = len(pv.changed) + pv.unchanged
        return pv.kind, len(pv.added), replaced, pv.encoding

    def remove(self, kind: str, entry_id: str) -> bool:
        """Delete one of the user's own rows (shipped rows cannot be removed, only overridden)."""
        if not any(r["id"] == entry_id for r in self._user[kind]):
            return False
        from sqlmodel import Session

        from app.catalog.tables import TABLES

        engine = self._overlay_engine()
        try:
            with Session(engine) as s:
                row = s.get(TABLES[kind], entry_id)
                if row is not None:
                    s.delete(row)
                s.commit()
        except Exception as e:  # noqa: BLE001
            raise CatalogWriteError(_write_error(self.overlay_path, e)) from None
        finally:
            engine.dispose()
        self._user[kind] = [r for r in self._user[kind] if r["id"] != entry_id]
        self._specs.pop(kind, None)
        return True

    def export_csv(self, kind: str, path: str | Path, origin: str = "all") -> int:
        recs = self.records(kind, origin)
        write_csv(path, KINDS[kind], recs)
        return len(recs)

    def _overlay_engine(self) -> Engine:
        from sqlmodel import Session, SQLModel

        from app.catalog.tables import Meta

        try:
            self.overlay_path.parent.mkdir(parents=True, exist_ok=True)
            engine = _rw_engine(self.overlay_path)
            SQLModel.metadata.create_all(engine)
            with Session(engine) as s:
                found = s.get(Meta, "schema_version")
                if found is None:
                    s.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
                    s.commit()
                elif found.value != str(SCHEMA_VERSION):
                    raise CatalogError(f"your catalog {self.overlay_path} has schema {found.value!r}; this app "
                                       f"writes schema {SCHEMA_VERSION}. Nothing was changed.")
        except CatalogError:
            raise
        except Exception as e:  # noqa: BLE001
            raise CatalogWriteError(_write_error(self.overlay_path, e)) from None
        return engine

    def _write_overlay(self, kind: str, records: list[Record]) -> None:
        from sqlmodel import Session, func, select

        from app.catalog.tables import TABLES

        table = TABLES[kind]
        engine = self._overlay_engine()
        try:
            with Session(engine) as s:  # one transaction: all rows or none
                # the row tables are built at run time (tables._row_table): their columns are unknown to mypy
                start = (s.exec(select(func.max(cast(Any, table).seq))).one() or 0) + 1
                for i, rec in enumerate(records):
                    old = s.get(table, rec["id"])
                    if old is not None:
                        for k, v in rec.items():
                            setattr(old, k, v)
                        s.add(old)
                    else:
                        s.add(table(seq=start + i, **rec))
                s.commit()
        except Exception as e:  # noqa: BLE001
            raise CatalogWriteError(_write_error(self.overlay_path, e)) from None
        finally:
            engine.dispose()
        self._user = self._load_overlay()
        self._specs.clear()


def _same(a: Any, b: Any) -> bool:
    """Equal as catalog values: numbers within float noise, empty text and None alike."""
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool) and not isinstance(b, bool):
        return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)
    return bool(a == b)


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do: ``added`` ids, ``changed`` (id, [(CSV column, old, new) as CSV text]), how many rows
    are the same as now, and the file's encoding (utf-8 or cp932)."""

    kind: str
    added: list[str]
    changed: list[tuple[str, list[tuple[str, Any, Any]]]]
    unchanged: int
    encoding: str
    records: list[Record] = field(default_factory=list, repr=False)  # the checked rows, to apply


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The process-wide catalog (shipped + the user's overlay), read on first use."""
    return Catalog()

"""Reading and writing catalog CSV files, with every problem reported by line and column.

``read_csv`` checks the whole file before anything is used: header, each cell against its column's
type and range, duplicate ids, references to other kinds, and the cross-field rules of the core
specs (e.g. kv_heads <= heads). It returns records (database field names, SI units) and a list of
problems; callers import nothing when the list is not empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.catalog.convert import to_spec
from app.catalog.schema import DATE_PATTERN, ID_PATTERN, KINDS, Column, Kind, Record
from app.core.units import parse_quantity
from app.fileio import read_regular, spreadsheet_restore, spreadsheet_safe

MAX_CSV_BYTES = 256 << 20  # a catalog CSV of a million rows is ~200 MB
MAX_CELL = 128 * 1024  # csv's own field limit: a longer cell is refused by name, not an internal error

# English wording of each problem code; app/present/text/messages.py words the same codes in the user's language.
PROBLEM_TEXT = {
    "required": "is required ({allowed})",
    "not_id": "{value!r} is not an id: use {allowed}",
    "not_allowed": "{value!r} is not {allowed}",
    "out_of_range": "{value!r} is out of range: {allowed}",
    "empty_file": "the file is empty; expected a header line",
    "unknown_column": "unknown column for {kind}; allowed: {columns}",
    "missing_column": "required column is missing from the header ({allowed})",
    "too_many_cells": "more cells than header columns ({count})",
    "duplicate_id": "duplicate id {value!r} (first on line {first})",
    "not_utf8": "neither UTF-8 nor Shift-JIS (cp932) text; save the CSV as UTF-8",
    "bad_csv": "not readable as CSV ({error})",
    "cell_too_long": "a cell is longer than {limit:,} characters",
    "unknown_kind": "cannot tell which catalog this is from the header (needs the columns of one of {signatures})",
}


def _english(code: str, params: Mapping[str, Any]) -> str:
    p = dict(params)
    if isinstance(p.get("col"), Column):
        p["allowed"] = p.pop("col").allowed()
    return PROBLEM_TEXT[code].format(**p)


class CellError(ValueError):
    """A cell that cannot be read: a code and its parameters (``col`` is the Column, for what is allowed)."""

    def __init__(self, code: str, **params: Any):
        self.code, self.params = code, params
        super().__init__(_english(code, params))


@dataclass(frozen=True)
class Problem:
    """One bad cell or line. ``code``/``params`` let the UI and CLI word it; ``message`` is English.
    ``code`` "spec" carries a pydantic error (``params["error"]``), "other" a plain message."""

    line: int
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        if self.code == "spec":
            return str(self.params["error"].get("msg", "invalid")).removeprefix("Value error, ")
        if self.code == "other":
            return str(self.params.get("message", ""))
        return _english(self.code, self.params)

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class CatalogCsvError(ValueError):
    """A CSV file that cannot be used; ``problems`` lists every bad cell."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{path}: {first}{more}")


def detect_kind(header: list[str]) -> Kind | None:
    """The kind whose signature columns all appear in the header."""
    cols = set(header)
    found = [k for k in KINDS.values() if set(k.signature) <= cols]
    return found[0] if len(found) == 1 else None


def parse_cell(col: Column, text: str) -> object:
    """The cell's value in database units, or raise ValueError with what is allowed. A cell the
    export protected from spreadsheets (a leading apostrophe before = + - @) is read back as it was."""
    text = spreadsheet_restore((text or "").strip())
    if not text:
        if col.required:
            raise CellError("required", col=col)
        return col.default
    if col.type == "str":
        return text
    if col.type in ("id", "ref"):
        if not ID_PATTERN.match(text):
            raise CellError("not_id", value=text, col=Column("x", "id"))
        return text
    if col.type == "date":
        if not DATE_PATTERN.match(text):
            raise CellError("not_allowed", value=text, col=col)
        return text
    if col.type == "bool":
        low = text.lower()
        if low in ("true", "yes", "1"):
            return True
        if low in ("false", "no", "0"):
            return False
        raise CellError("not_allowed", value=text, col=col)
    if col.type == "choice":
        for c in col.choices:
            if c.lower() == text.lower():
                return c
        raise CellError("not_allowed", value=text, col=col)
    try:
        value = parse_quantity(text)
    except ValueError:
        raise CellError("not_allowed", value=text, col=col) from None
    bad = (
        (col.gt is not None and not value > col.gt)
        or (col.ge is not None and not value >= col.ge)
        or (col.le is not None and not value <= col.le)
    )
    if col.type == "int" and value != int(value):
        bad = True
    if bad:
        raise CellError("out_of_range", value=text, col=col)
    if col.type == "int":
        return int(value)
    return value * col.scale


def format_cell(col: Column, value: Any) -> str:
    """Inverse of parse_cell, for export: plain numbers, no float noise."""
    if value is None:
        return ""
    if col.type == "bool":
        return "true" if value else "false"
    if col.type == "int":
        return str(int(value))
    if col.type == "float":
        v = value / col.scale
        return f"{v:.10g}"
    return str(value)


def _spec_problem(kind: Kind, line: int, err: ValidationError) -> list[Problem]:
    out = []
    by_field = {c.name: c.csv for c in kind.columns}
    for e in err.errors():
        loc = e.get("loc") or ()
        field = str(loc[0]) if loc else ""
        out.append(Problem(line, by_field.get(field, ""), "spec", {"error": e}))
    return out


def parse_records(kind: Kind, text: str, known: dict[str, set[str]] | None = None,
                  where: str = "file") -> tuple[list[Record], list[Problem]]:
    """Records and problems for a CSV text of one kind. ``known`` holds ids of other kinds that
    references may point at (ids in this same file count as known too)."""
    problems: list[Problem] = []
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not header:
        return [], [Problem(1, "", "empty_file")]
    reader.fieldnames = header
    allowed = set(kind.header)
    unknown = [h for h in header if h not in allowed]
    if unknown:
        problems.append(Problem(1, unknown[0], "unknown_column", {"kind": kind.name, "columns": ", ".join(kind.header)}))
    for col in kind.columns:
        if col.required and col.csv not in header:
            problems.append(Problem(1, col.csv, "missing_column", {"col": col}))
    if problems:
        return [], problems
    records: list[Record] = []
    lines: list[int] = []
    seen: dict[str, int] = {}
    rows = iter(reader)
    while True:
        try:
            raw = next(rows)
        except StopIteration:
            break
        except csv.Error as e:  # a cell over the field limit, or a NUL byte: the file stops being readable here
            code = "cell_too_long" if "field larger" in str(e) else "bad_csv"
            # the reader has not counted the line it failed on
            problems.append(Problem(reader.line_num + 1, "", code, {"limit": MAX_CELL, "error": str(e)}))
            break
        line = reader.line_num
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue  # blank line
        if None in raw:
            problems.append(Problem(line, "", "too_many_cells", {"count": len(header)}))
            continue
        rec: Record = {}
        ok = True
        for col in kind.columns:
            try:
                rec[col.name] = parse_cell(col, raw.get(col.csv, ""))
            except CellError as e:
                problems.append(Problem(line, col.csv, e.code, e.params))
                ok = False
        if not ok:
            continue
        if rec["id"] in seen:
            problems.append(Problem(line, "id", "duplicate_id", {"value": rec["id"], "first": seen[rec["id"]]}))
            continue
        seen[rec["id"]] = line
        try:
            to_spec(kind.name, rec)
        except ValidationError as e:
            problems.extend(_spec_problem(kind, line, e))
            continue
        except ValueError as e:
            problems.append(Problem(line, "", "other", {"message": str(e)}))
            continue
        records.append(rec)
        lines.append(line)
    if known is not None:
        for rec, line in zip(records, lines, strict=True):
            for col in kind.columns:
                if col.type == "ref" and rec.get(col.name):
                    pool = known.get(col.ref or "", set()) | (set(seen) if col.ref == kind.name else set())
                    if rec[col.name] not in pool:
                        problems.append(Problem(line, col.csv, "not_allowed", {"value": rec[col.name], "col": col}))
    return records, problems


def decode_csv(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) of a CSV file's bytes: UTF-8 with or without a BOM, else Shift-JIS (cp932,
    Excel's "CSV" on Japanese Windows); None when it is neither."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        return None


def read_csv_text(path: str | Path) -> tuple[str, str]:
    """(text, encoding) of a CSV file; FileProblem for a folder, a device or a pipe, CatalogCsvError
    when the bytes are not text."""
    decoded = decode_csv(read_regular(path, MAX_CSV_BYTES))
    if decoded is None:
        raise CatalogCsvError(str(path), [Problem(1, "", "not_utf8")])
    return decoded


def read_csv(path: str | Path, kind: Kind | None = None, known: dict[str, set[str]] | None = None
             ) -> tuple[Kind, list[Record]]:
    """Read and check a whole file; raise CatalogCsvError naming line and column on any problem."""
    kind, records, _encoding = read_csv_with_encoding(path, kind, known)
    return kind, records


def read_csv_with_encoding(path: str | Path, kind: Kind | None = None, known: dict[str, set[str]] | None = None
                           ) -> tuple[Kind, list[Record], str]:
    """read_csv, and the encoding the file was read in (utf-8 or cp932)."""
    path = Path(path)
    text, encoding = read_csv_text(path)
    if kind is None:
        header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))), [])
        kind = detect_kind([h.strip() for h in header])
        if kind is None:
            sigs = "; ".join(f"{k.name}: {', '.join(k.signature)}" for k in KINDS.values())
            raise CatalogCsvError(str(path), [Problem(1, "", "unknown_kind", {"signatures": sigs})])
    records, problems = parse_records(kind, text, known, str(path))
    if problems:
        raise CatalogCsvError(str(path), problems)
    return kind, records, encoding


def csv_text(kind: Kind, records: list[Record]) -> str:
    """Records in the kind's CSV format (header first, LF line ends), every cell spreadsheet-safe."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(kind.header)
    for rec in records:
        w.writerow([spreadsheet_safe(format_cell(c, rec.get(c.name))) for c in kind.columns])
    return buf.getvalue()


def write_csv(path: str | Path, kind: Kind, records: list[Record]) -> None:
    """Write records as CSV (UTF-8), all or nothing (app.fileio.write_atomic)."""
    from app.fileio import write_atomic

    write_atomic(path, csv_text(kind, records))


def check_record(kind_name: str, record: Mapping[str, Any], known: dict[str, set[str]] | None,
                 where: str) -> tuple[Record | None, list[Problem]]:
    """One record made in the app (a measurement, a model read from a file) checked exactly as an
    imported CSV row would be: written as a row of the import format, then parsed."""
    kind = KINDS[kind_name]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(kind.header)
    w.writerow([format_cell(c, record.get(c.name)) for c in kind.columns])
    checked, problems = parse_records(kind, buf.getvalue(), known, where=where)
    return (checked[0] if checked and not problems else None), problems

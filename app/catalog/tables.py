"""SQLModel tables of catalog.db and of the user's overlay database.

The row tables are generated from the column lists in ``schema.py`` so the CSV format, the
database and the import checks cannot drift apart: one column list, three uses. Values are stored in
SI base units (bytes, bytes/s, FLOP/s, watts, seconds); CSV files carry spec-sheet units.
"""

from __future__ import annotations

from typing import Any, Optional, cast

from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelMetaclass

from app.catalog.schema import BUILD_ORDER, KINDS, Kind
from app.catalog.schema import SCHEMA_VERSION as SCHEMA_VERSION  # re-exported

_PY = {"str": str, "id": str, "ref": str, "date": str, "choice": str, "float": float, "int": int, "bool": bool}


class Meta(SQLModel, table=True):
    """Key/value facts about a catalog file: schema_version, content_hash, kind, row counts."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


def _row_table(kind: Kind) -> type[SQLModel]:
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__tablename__": kind.table, "__annotations__": annotations,
                       "__doc__": f"One {kind.name} entry (columns: see app/catalog/schema.py)."}
    for col in kind.columns:
        py = _PY[col.type]
        if col.name == "id":
            annotations["id"] = str
            namespace["id"] = Field(primary_key=True)
        else:
            annotations[col.name] = Optional[py]  # noqa: UP045 - built at run time for SQLModel
            namespace[col.name] = Field(default=None)
    # Position in the source file, so listings keep the curated order (vendors and families together).
    annotations["seq"] = int
    namespace["seq"] = Field(default=0, index=True)
    name = kind.table.title().replace("_", "") + "Row"
    return cast(type[SQLModel], SQLModelMetaclass(name, (SQLModel,), namespace, table=True))


TABLES: dict[str, type[SQLModel]] = {name: _row_table(KINDS[name]) for name in BUILD_ORDER}
GpuRow = TABLES["gpus"]
ModelRow = TABLES["models"]
TrainingRunRow = TABLES["runs"]
CloudOfferRow = TABLES["offers"]

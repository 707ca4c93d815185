"""Export a package to SQLite (with Datasette metadata) or Parquet, typed from the schema."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.browse import add_browsing, extra_columns, short, table_extras, view_metadata
from newsfacts.descriptor import PACKAGE_META
from newsfacts.load import load, package_properties
from newsfacts.output import OutputError, locked, occupied, replace_directory
from newsfacts.package import replace_atomically
from newsfacts.schema import RESOURCE_BY_NAME, RESOURCES, Resource, field_for, list_fields

SQLITE_HEADER = b"SQLite format 3\x00"
EXPORT_TABLES = frozenset({"sources", "actors", "statements", "events", "figures"})
"""Tables by which an earlier SQLite export is known."""
DATASETTE_SOURCE = "newsfacts data package (datapackage.json)"
"""The `source` of the Datasette metadata an export writes: how an earlier one is known."""
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "date": "TEXT", "boolean": "INTEGER", "list": "TEXT"}
"""A list is a JSON array as text ('["Blinken", "Secretary Blinken"]'): what SQLite's json_each
and Datasette's array facets read."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(resource: Resource) -> str:
    """CREATE TABLE for one resource: declared types, NOT NULL, CHECKs, keys."""
    lines = []
    for name in resource.fields:
        f = field_for(resource, name)
        column = f"  {_quote(name)} {SQL_TYPES[f.type]}"
        if f.required:
            column += " NOT NULL"
        if f.categories:
            allowed = ", ".join("'" + c + "'" for c in f.categories)
            column += f" CHECK ({_quote(name)} IN ({allowed}))"
        if f.type == "boolean":
            column += f" CHECK ({_quote(name)} IN (0, 1))"
        if f.type == "list":
            q = _quote(name)
            column += f" CHECK ({q} IS NULL OR (json_valid({q}) AND json_type({q}) = 'array'))"
        lines.append(column)
    lines.append(f"  PRIMARY KEY ({_quote(resource.primary_key)})")
    for fk in resource.foreign_keys:
        lines.append(f"  FOREIGN KEY ({_quote(fk.field)}) REFERENCES {_quote(fk.resource)} ({_quote(fk.reference)})")
    return f"CREATE TABLE {_quote(resource.name)} (\n" + ",\n".join(lines) + "\n)"


def _sql_value(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "item"):
        value = value.item()  # numpy scalars
    if isinstance(value, bool):
        return int(value)
    return value


def datasette_metadata(tables: dict[str, pd.DataFrame], database: str, properties: dict[str, Any] | None = None) -> dict[str, Any]:
    """metadata.json for Datasette: the package's own title, description and licence, the
    source, table descriptions and short column descriptions, labels, sort and facets."""
    properties = PACKAGE_META if properties is None else properties
    licences = properties.get("licenses") or []
    licence = licences[0] if licences else {}
    out: dict[str, Any] = {
        "title": properties.get("title") or properties.get("name"),
        "description": properties.get("description", ""),
    }
    if licence:
        out["license"] = licence.get("name") or licence.get("title") or licence.get("path")
        if licence.get("path"):
            out["license_url"] = licence["path"]
    return {
        **out,
        "source": DATASETTE_SOURCE,
        "databases": {
            database: {
                "tables": {
                    **{
                        r.name: {
                            "title": r.title,
                            "description": r.description,
                            "columns": {**{n: short(field_for(r, n).description) for n in r.fields}, **extra_columns(r.name)},
                            **table_extras(r.name),
                        }
                        for r in RESOURCES
                        if r.name in tables
                    },
                    **view_metadata(),
                }
            }
        },
    }


def is_sqlite_export(path: Path) -> bool:
    """A SQLite database holding the tables every export has had (an earlier export; other
    tables, such as full-text indexes, may be there too)."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.close()
    except (OSError, sqlite3.Error):
        return False
    return EXPORT_TABLES <= names


def is_metadata_export(path: Path) -> bool:
    """Datasette metadata written by an earlier export."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(meta, dict) and meta.get("source") == DATASETTE_SOURCE


def check_sqlite_out(out: Path, meta: Path, force: bool) -> None:
    """Refuse to replace a directory, or a file that no earlier export wrote unless `force`."""
    for path, ours in ((out, is_sqlite_export), (meta, is_metadata_export)):
        if path.is_dir():
            raise OutputError(f"{path}: is a directory; name the database file to write")
        if os.path.lexists(path) and not force and not ours(path):
            raise OutputError(f"{path}: exists and is not a newsfacts export; add --force to replace it")


def export_sqlite(package: Path, out: Path, force: bool = False) -> list[Path]:
    """Write the package as one SQLite database (`out`) and its Datasette metadata
    (`<out stem>.metadata.json`; Datasette names the database after the file's stem).
    Files there are replaced only when an earlier export wrote them, or with `force`."""
    meta = out.with_suffix(".metadata.json")
    check_sqlite_out(out, meta, force)
    tables = load(package)

    def write(tmp: Path) -> None:
        tmp.unlink()
        with sqlite3.connect(tmp) as db:
            for r in RESOURCES:
                db.execute(create_table_sql(r))
                for fk in r.foreign_keys:
                    db.execute(
                        f"CREATE INDEX {_quote(f'idx_{r.name}_{fk.field}')} ON {_quote(r.name)} ({_quote(fk.field)})"
                    )
            for r in RESOURCES:
                frame = tables[r.name]
                marks = ", ".join("?" for _ in r.fields)
                rows = ([_sql_value(v) for v in row] for row in frame[list(r.fields)].itertuples(index=False))
                db.executemany(f"INSERT INTO {_quote(r.name)} VALUES ({marks})", rows)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"foreign key check failed: {problems[:5]}")
            add_browsing(db)
        db.close()

    replace_atomically(out, write)
    properties = package_properties(package)
    replace_atomically(meta, lambda p: p.write_text(json.dumps(datasette_metadata(tables, out.stem, properties), indent=2) + "\n", encoding="utf-8"))
    return [out, meta]


def arrow_table(resource: Resource, frame: pd.DataFrame):
    """A pyarrow table typed from the schema, with the pandas frame's metadata and field
    descriptions, so that pandas.read_parquet gives back the frame load() gives."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=False)
    for name in resource.fields:
        f = field_for(resource, name)
        if f.categories:  # keep every category in the dictionary, even for an empty table
            codes = frame[name].cat.codes.to_numpy()
            indices = pa.array(codes, type=pa.int8(), mask=codes < 0)
            column = pa.DictionaryArray.from_arrays(indices, pa.array(list(f.categories), type=pa.string()))
            table = table.set_column(table.schema.get_field_index(name), table.schema.field(name).with_type(column.type), column)
    fields = []
    for name in resource.fields:
        f = field_for(resource, name)
        current = table.schema.field(name)
        if f.type == "date":
            current = current.with_type(pa.date32())
        fields.append(current.with_metadata({"description": f.description, "type": f.type}))
    schema = pa.schema(fields, metadata={
        **_readable_pandas_metadata(resource, table.schema.metadata or {}),
        b"newsfacts.resource": resource.name.encode(),
        b"newsfacts.description": resource.description.encode(),
    })
    return table.cast(schema)


def _readable_pandas_metadata(resource: Resource, metadata: dict[bytes, bytes]) -> dict[bytes, bytes]:
    """The pandas metadata with each list column recorded as pandas records a column of lists
    (pandas cannot rebuild its Arrow list dtype from the name it writes, so pd.read_parquet
    would fail on the whole file): read back, its cells are arrays of strings."""
    lists = set(list_fields(resource.name))
    if b"pandas" not in metadata or not lists:
        return metadata
    pandas_meta = json.loads(metadata[b"pandas"])
    for column in pandas_meta["columns"]:
        if column.get("field_name") in lists:
            column.update({"pandas_type": "list[unicode]", "numpy_type": "object", "metadata": None})
    return {**metadata, b"pandas": json.dumps(pandas_meta).encode()}


def read_parquet(resource_name: str, path: Path | str) -> pd.DataFrame:
    """A Parquet file (or a folder of them) of one resource ('actors'), as written here or by
    the Dask recipe, as the frame load() gives, with each list column as Arrow lists (pandas
    alone gives arrays of strings); a file of another resource's columns is refused."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    if table.column_names != list(RESOURCE_BY_NAME[resource_name].fields):
        raise ValueError(f"{path}: columns {', '.join(table.column_names)} are not those of {resource_name}")
    return table.to_pandas(  # read once; each list column as Arrow lists (pandas alone gives arrays of strings)
        date_as_object=False, types_mapper=lambda t: pd.ArrowDtype(t) if pa.types.is_list(t) else None)


def is_parquet_export(directory: Path) -> bool:
    """A directory of nothing but .parquet files (an earlier export)."""
    return directory.is_dir() and all(p.is_file() and p.suffix == ".parquet" for p in directory.iterdir())


def export_parquet(package: Path, out: Path) -> list[Path]:
    """Write one Parquet file per resource into the directory `out`, replaced as a whole
    (no file of an earlier export stays); `out` must be new, empty or an earlier export."""
    import pyarrow.parquet as pq

    with locked(out):
        if occupied(out) and not out.is_dir():
            raise OutputError(f"{out}: exists and is not a directory")
        if occupied(out) and not is_parquet_export(out):
            raise OutputError(f"{out}: not empty and not a newsfacts Parquet export; choose a new or empty directory")
        tables = load(package)
        arrow = {r.name: arrow_table(r, tables[r.name]) for r in RESOURCES}

        def write(staging: Path) -> None:
            for r in RESOURCES:
                pq.write_table(arrow[r.name], staging / f"{r.name}.parquet")

        replace_directory(out, write)
    return [out / f"{r.name}.parquet" for r in RESOURCES]

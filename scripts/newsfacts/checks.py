"""Vectorised checks of a package's tables against the schema in code: types, required
values, patterns, minimums, categories, primary and foreign keys, whole columns at a time
with pyarrow.compute. Each problem is one line, and its code is the error type Frictionless
gives the same problem (type-error, constraint-error, primary-key, foreign-key, ...)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsfacts.problems import Problem
from newsfacts.schema import RESOURCE_BY_NAME, field_for

SHOWN = 3
"""Problems of one kind in one column listed row by row; the rest are counted."""

_TYPES = {
    "integer": r"^[+-]?[0-9]+$",
    "number": r"^(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NaN|-?INF|nan|-?inf)$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
}


@dataclass
class Table:
    """One CSV read as strings: its header and its columns (pyarrow arrays, empty cells
    null, keyed by the schema's field at the same position); `path` is its file in the package."""

    name: str
    path: str
    header: list[str]
    columns: dict[str, Any]
    rows: int
    problems: list[Problem] = field(default_factory=list)


def _rows(mask: Any) -> list[int]:
    """Row numbers as Frictionless counts them (the header is row 1) where mask is true."""
    import pyarrow.compute as pc

    return [i + 2 for i in pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()]


def _report(table: Table, code: str, name: str | None, what: str, rows: list[int],
            values: list[object] | None = None) -> list[Problem]:
    """One problem per row for the first SHOWN rows, then one that counts the rest."""
    out = []
    for k, row in enumerate(rows[:SHOWN]):
        shown = f" {values[k]!r}" if values is not None else ""
        out.append(Problem(f"{table.name} row {row}: {what}{shown}", code, table.path, row, name))
    if len(rows) > SHOWN:
        out.append(Problem(f"{table.name}: {what} in {len(rows) - SHOWN} more row(s)", code, table.path, None, name))
    return out


def read_strings(name: str, path: str, data: bytes) -> Table:
    """A table's cells as strings (only an empty cell missing). A row with too many or too
    few cells is reported (extra-cell, missing-cell) and the table read by the csv module."""
    import pyarrow as pa

    from newsfacts.csvio import from_csv, header_of, read_arrow

    header = header_of(data)
    names = list(dict.fromkeys(header))
    problems: list[Problem] = []
    try:
        arrow = read_arrow(data, {n: pa.large_string() for n in names})
        columns = {n: arrow.column(n) for n in names}
        rows = arrow.num_rows
    except (ValueError, KeyError):
        records = from_csv(data)
        rows = len(records)
        for i, record in enumerate(records):
            if None in record:
                problems.append(Problem(f"{name} row {i + 2}: {len(record[None])} cell(s) more than the header",
                                        "extra-cell", path, i + 2))
            elif any(record.get(n) is None for n in names):
                problems.append(Problem(f"{name} row {i + 2}: fewer cells than the header", "missing-cell", path, i + 2))
        columns = {n: pa.array([(r.get(n) or None) for r in records], pa.large_string()) for n in names}
    fields = RESOURCE_BY_NAME[name].fields  # a column is its schema field by position, as for Frictionless
    by_position = {fields[i]: columns[h] for i, h in enumerate(header[: len(fields)]) if h in columns}
    return Table(name, path, header, by_position, rows, problems)


def header_problems(table: Table) -> list[Problem]:
    """Column names against the schema's, position by position, as Frictionless compares
    them (incorrect-label, missing-label, extra-label)."""
    fields = list(RESOURCE_BY_NAME[table.name].fields)
    t, path = table.name, table.path
    out = [Problem(f"{t}: column {i + 1} is {h!r}, the schema says {f!r}", "incorrect-label", path, 1, f)
           for i, (h, f) in enumerate(zip(table.header, fields)) if h != f]
    out += [Problem(f"{t}: no column {f}", "missing-label", path, 1, f) for f in fields[len(table.header):]]
    out += [Problem(f"{t}: column {h!r} is not in the schema", "extra-label", path, 1, h) for h in table.header[len(fields):]]
    return out


def typed_column(table: Table, name: str) -> tuple[Any, Any]:
    """A column converted to its schema type (null where the cell is empty or not of the
    type), and the mask of cells that are not of the type."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = table.columns[name]
    f = field_for(RESOURCE_BY_NAME[table.name], name)
    kind = f.type
    if kind in ("string", "list"):  # any text is a string, or a list of strings (the only lists the schema has)
        return column, pa.nulls(len(column), pa.bool_()).fill_null(False)
    if kind == "boolean":
        good = pc.is_in(column, value_set=pa.array(["true", "false"], pa.large_string()))
        return pc.if_else(good, pc.equal(column, "true"), None), pc.invert(good)
    good = pc.match_substring_regex(column, _TYPES[kind])
    if kind == "date":
        parsed = pc.strptime(pc.if_else(good, column, None), format="%Y-%m-%d", unit="s", error_is_null=True)
        same = pc.equal(pc.cast(pc.strftime(parsed, format="%Y-%m-%d"), pa.large_string()), column)
        good = pc.fill_null(pc.and_(good, same), False)  # '2024-02-30' parses as 1 March
        parsed = pc.if_else(good, parsed, None)
        return pc.cast(parsed, pa.date32()), pc.invert(good)
    target = pa.int64() if kind == "integer" else pa.float64()
    return pc.cast(pc.if_else(good, column, None), target), pc.invert(good)


def cell_problems(table: Table) -> tuple[list[Problem], dict[str, Any]]:
    """Types, required values, patterns, minimums and categories of every column; and the
    typed columns, for the key checks."""
    import pyarrow as pa
    import pyarrow.compute as pc

    resource = RESOURCE_BY_NAME[table.name]
    out: list[Problem] = []
    typed: dict[str, Any] = {}
    for name in resource.fields:
        if name not in table.columns:
            continue
        f = field_for(resource, name)
        column = table.columns[name]
        values, wrong = typed_column(table, name)
        typed[name] = values
        bad = pc.and_(pc.is_valid(column), wrong)
        out += _report(table, "type-error", name, f"{name} is not of type {f.type}:", _rows(bad),
                       pc.filter(column, pc.fill_null(bad, False)).to_pylist()[:SHOWN])
        if f.required:
            out += _report(table, "constraint-error", name, f"{name} is required but empty", _rows(pc.is_null(column)))
        fine = pc.invert(pc.fill_null(bad, False))
        if f.pattern:
            off = pc.and_(fine, pc.invert(pc.match_substring_regex(column, f.pattern)))
            out += _report(table, "constraint-error", name, f"{name} does not match {f.pattern}:", _rows(off),
                           pc.filter(column, pc.fill_null(off, False)).to_pylist()[:SHOWN])
        if f.minimum is not None and f.type in ("integer", "number"):
            low = pc.less(values, f.minimum)
            out += _report(table, "constraint-error", name, f"{name} is below its minimum {f.minimum}:", _rows(low),
                           pc.filter(values, pc.fill_null(low, False)).to_pylist()[:SHOWN])
        if f.categories:
            outside = pc.and_(pc.is_valid(column),
                              pc.invert(pc.is_in(column, value_set=pa.array(list(f.categories), pa.large_string()))))
            out += _report(table, "constraint-error", name, f"{name} is not one of {', '.join(f.categories)}:", _rows(outside),
                           pc.filter(column, pc.fill_null(outside, False)).to_pylist()[:SHOWN])
    return out, typed


def key_problems(tables: dict[str, Table]) -> list[Problem]:
    """Primary keys unique and present; every foreign key found in the table it names."""
    import pyarrow.compute as pc

    out: list[Problem] = []
    for name, table in tables.items():
        resource = RESOURCE_BY_NAME[name]
        key = table.columns.get(resource.primary_key)
        if key is not None and len(key):
            counts = pc.value_counts(pc.drop_null(key))
            repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
            if len(repeated):
                mask = pc.is_in(key, value_set=repeated)
                first = pc.index_in(key, value_set=repeated)  # every row of a repeated key ...
                seen: set[object] = set()
                rows = []
                for row, k in zip(_rows(mask), pc.filter(first, mask).to_pylist()):
                    if k in seen:  # ... but the first is not a duplicate
                        rows.append(row)
                    seen.add(k)
                out += _report(table, "primary-key", resource.primary_key,
                               f"{resource.primary_key} repeats an earlier row's value", rows)
        for fk in resource.foreign_keys:
            child = table.columns.get(fk.field)
            parent_table = tables.get(fk.resource)
            if child is None or parent_table is None or fk.reference not in parent_table.columns:
                continue
            parent = pc.drop_null(parent_table.columns[fk.reference])
            missing = pc.and_(pc.is_valid(child), pc.invert(pc.is_in(child, value_set=parent)))
            out += _report(table, "foreign-key", fk.field, f"{fk.field}: foreign key to no {fk.reference} of {fk.resource}:",
                           _rows(missing),
                           pc.filter(child, pc.fill_null(missing, False)).to_pylist()[:SHOWN])
    return out


def date_problems(table: Table, typed: dict[str, Any]) -> list[Problem]:
    """Dates that disagree with their precision, and ranges that end before they start."""
    import pyarrow.compute as pc

    if "date_precision" not in table.columns or "date_start" not in typed or "date_end" not in typed:
        return []
    precision, start, end = table.columns["date_precision"], table.columns["date_start"], table.columns["date_end"]
    unknown = pc.equal(precision, "unknown")
    out = _report(table, "date-error", "date_precision", "precision unknown but a date is set",
                  _rows(pc.and_(unknown, pc.or_(pc.is_valid(start), pc.is_valid(end)))))
    out += _report(table, "date-error", "date_start", "a precision other than unknown without date_start",
                   _rows(pc.and_(pc.invert(unknown), pc.is_null(start))))
    out += _report(table, "date-error", "date_end", "date_end before date_start",
                   _rows(pc.less(typed["date_end"], typed["date_start"])))
    return out

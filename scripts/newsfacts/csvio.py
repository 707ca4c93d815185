"""The package's CSV format, written and read in one place: a header row, LF line ends,
minimal quoting, UTF-8; every cell a string, an empty cell meaning 'no value'."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable

from newsfacts.schema import FIELDS, LIST_DELIMITER, Resource


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (list, tuple)):
        return LIST_DELIMITER.join(value)
    return str(value)


_WRITTEN_BY_CELL = frozenset({"boolean", "number", "list"})
"""The schema types whose values the csv module would write otherwise than `_cell` ('True',
'3.0', a list's repr); it writes str, int and None (as '') the same."""


def to_csv(resource: Resource, rows: Iterable[dict[str, Any]]) -> bytes:
    """CSV bytes of a table, its columns in the schema's order."""
    lines = CsvLines(resource)
    lines.add(rows)
    return (csv_header(resource) + "".join(lines.lines)).encode("utf-8")


def csv_header(resource: Resource) -> str:
    """The header line of a table's CSV."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(resource.fields)
    return buf.getvalue()


class CsvLines:
    """The lines of a table's CSV (without its header), one string per row, added rows at
    a time: a table's CSV is its header and its rows' lines joined, in any grouping (each
    line depends on its row alone)."""

    def __init__(self, resource: Resource) -> None:
        self.lines: list[str] = []
        self._writer = csv.writer(SimpleNamespace(write=self.lines.append), lineterminator="\n")  # a line per row
        self._fields = resource.fields
        self._by_cell = [k for k, name in enumerate(self._fields) if FIELDS[name].type in _WRITTEN_BY_CELL]

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        """Write the rows' lines, their columns in the schema's order."""
        fields, by_cell, writerow = self._fields, self._by_cell, self._writer.writerow
        for row in rows:
            values = list(map(row.get, fields))
            for k in by_cell:
                values[k] = _cell(values[k])
            writerow(values)


def from_csv(data: bytes | str) -> list[dict[str, str]]:
    """The rows of CSV bytes or text, each a dict of its header's columns to strings."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file on disk (evaluate reads a package's tables through here)."""
    return from_csv(path.read_bytes())


def header_of(data: bytes) -> list[str]:
    """The column names of CSV bytes (its first record)."""
    end = data.find(b"\n")
    line = (data if end < 0 else data[:end]).decode("utf-8", errors="replace").rstrip("\r")
    return next(csv.reader([line]), [])


def check_utf8(data: bytes) -> None:
    """Nothing when `data` is UTF-8; otherwise ValueError (UnicodeDecodeError naming the
    first byte that is not). Checked by Arrow's validator, in one pass over the whole buffer."""
    import pyarrow as pa

    offsets = pa.array([0, len(data)], pa.int64()).buffers()[1]
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)]).validate(full=True)
    except pa.ArrowInvalid:
        data.decode("utf-8")  # raises, naming the first byte that is not UTF-8
        raise


def read_arrow(data: bytes, column_types: dict[str, Any], *, threads: bool = True):
    """The same CSV as a pyarrow Table, each column parsed as the Arrow type given for it
    (the columns of `column_types`, in its order): only an empty cell is missing ('NA'
    stays a string), booleans are 'true' or 'false'; bytes that are not UTF-8 (anywhere
    in the file) or a cell not of its column's type raise ValueError (ArrowInvalid), a
    missing column KeyError. `from_csv` and this agree cell for cell (tested).
    `threads=False` parses in the calling thread only (for callers that parse several
    tables side by side)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    check_utf8(data)  # the whole file at once: cheaper than Arrow's check of each string column as it converts it
    return pcsv.read_csv(
        pa.py_buffer(data),
        read_options=pcsv.ReadOptions(use_threads=threads),
        parse_options=pcsv.ParseOptions(newlines_in_values=True),
        convert_options=pcsv.ConvertOptions(
            column_types=column_types, include_columns=list(column_types),
            null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=True,
            true_values=["true"], false_values=["false"], check_utf8=False,
        ),
    )

"""Load a package's tables as pandas DataFrames typed from the schema, each given only once
its file's size and sha256 match the descriptor. Works on a directory, a datapackage.json
path, or an http(s) URL of a datapackage.json; the descriptor is read and checked by
packagefile (paths inside the package, this version's resources and schemas)."""

from __future__ import annotations

import os
import threading
from functools import lru_cache, partial
from pathlib import Path
from queue import SimpleQueue
from typing import TYPE_CHECKING, Callable

from newsfacts.csvio import read_arrow
from newsfacts.packagefile import DEADLINE, Package, PackageError, check_resource, open_package, read_unchecked
from newsfacts.schema import FIELDS, RESOURCE_BY_NAME, field_for, list_fields

IntegrityError = PackageError
"""The name of PackageError before 1.3.0, kept: one error class for every package that
cannot be read (malformed descriptor, path outside the package, changed file, other version)."""

if TYPE_CHECKING:  # pandas is imported where it is used, so that `import newsfacts` stays quick
    import pandas as pd


def list_type() -> object:
    """The Arrow type of a list column (of strings) in load()'s frames: what splitting a
    large_string column gives, so no column is converted twice."""
    import pyarrow as pa

    return pa.list_(pa.large_string())


_ARROW_TYPES = {"integer": "int64", "number": "float64", "string": "large_string", "date": "date32", "boolean": "bool_",
                "list": "large_string"}
"""Strings as large_string: what pandas' string dtype holds, so no column is converted twice.
A list is read as its text and split at its delimiter afterwards."""


@lru_cache(maxsize=None)
def _arrow_types(resource_name: str) -> dict[str, object]:
    """The Arrow type each column is parsed as: the schema's type (a category column as
    text: coding it against the schema's categories afterwards costs less than Arrow's
    dictionary parsing)."""
    import pyarrow as pa

    resource = RESOURCE_BY_NAME[resource_name]
    return {name: getattr(pa, _ARROW_TYPES[field_for(resource, name).type])() for name in resource.fields}


@lru_cache(maxsize=None)
def _categories(resource_name: str) -> dict[str, tuple[pd.CategoricalDtype, object]]:
    """The pandas dtype of each category column of a resource and its categories as an
    Arrow array (built once: building a dtype costs more than converting a column)."""
    import pandas as pd
    import pyarrow as pa

    resource = RESOURCE_BY_NAME[resource_name]
    fields = (field_for(resource, name) for name in resource.fields)
    return {f.name: (pd.CategoricalDtype(list(f.categories)), pa.array(f.categories, pa.large_string()))
            for f in fields if f.categories}


@lru_cache(maxsize=None)
def _converters() -> dict[object, Callable[[object], object]]:
    """How a parsed column of each Arrow type becomes a block of the frame, as to_pandas
    with the schema's dtypes would make it: Int64, boolean, string and the list type by
    their dtypes' own conversion, float64 and dates (cast to timestamp[ms]) as one-row
    numpy arrays (built once)."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    def one_row(column: pa.ChunkedArray) -> object:  # writable, as to_pandas makes it (Arrow's own memory is not)
        return np.require(column.to_numpy(), requirements="W").reshape(1, -1)

    return {pa.int64(): pd.Int64Dtype().__from_arrow__, pa.bool_(): pd.BooleanDtype().__from_arrow__,
            pa.large_string(): pd.StringDtype().__from_arrow__, list_type(): pd.ArrowDtype(list_type()).__from_arrow__,
            pa.float64(): one_row, pa.date32(): lambda column: one_row(column.cast(pa.timestamp("ms")))}


def _split_lists(resource_name: str, table: object) -> object:
    """The table with each list column's text split at its delimiter (an empty cell stays
    missing; 'a|b' becomes ['a', 'b'])."""
    import pyarrow.compute as pc

    resource = RESOURCE_BY_NAME[resource_name]
    for name in list_fields(resource_name):
        table = table.set_column(resource.fields.index(name), name,
                                 pc.split_pattern(table.column(name), FIELDS[name].delimiter))
    return table


def _categorical(column: object, dtype: pd.CategoricalDtype, categories: object) -> pd.Categorical:
    """A text column as a Categorical of the schema's categories, coded by Arrow; a value
    that is not one of them becomes missing, as pandas' astype does."""
    import pandas as pd
    import pyarrow.compute as pc

    codes = pc.fill_null(pc.index_in(column, value_set=categories), -1)
    return pd.Categorical.from_codes(codes.to_numpy(), dtype=dtype, validate=False)


def read_table(resource_name: str, source: Path | bytes) -> pd.DataFrame:
    """One CSV of the package as a typed DataFrame, parsed straight into the schema's types
    by Arrow's CSV reader (in the calling thread: load() parses the tables side by side):
    integers Int64, numbers float64, dates datetime64[ms], booleans boolean (only 'true'
    and 'false'), categories Categorical with the schema's categories, lists (actors.aliases)
    a list of strings per cell (pandas.ArrowDtype of list_type()), the rest string. Only an
    empty cell is missing ('NA' stays a string). A value that is not of its column's type
    raises ValueError (pyarrow's ArrowInvalid)."""
    import numpy as np
    import pandas as pd
    from pandas.api.internals import create_dataframe_from_blocks

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    table = _split_lists(resource_name, read_arrow(data, _arrow_types(resource_name), threads=False))
    categories, converters = _categories(resource_name), _converters()
    blocks = [(_categorical(column, *categories[name]) if name in categories else converters[column.type](column),
               np.array([position])) for position, (name, column) in enumerate(zip(table.column_names, table.columns))]
    # one block per column, made straight from the arrays: to_pandas then inserting the
    # categories cost twice as much (4.3 ms against 2.4 ms for the six tables of 1,500 copies)
    return create_dataframe_from_blocks(blocks, pd.RangeIndex(table.num_rows), pd.Index(table.column_names))


def package_properties(path_or_url: str | Path = ".", deadline: float = DEADLINE) -> dict[str, object]:
    """The package's own properties from its descriptor (name, title, description,
    licences, version ...), without its resources; the descriptor is checked like load()'s."""
    descriptor = open_package(path_or_url, deadline).descriptor
    return {k: v for k, v in descriptor.items() if k not in {"resources", "$schema"}}


def load(
    path_or_url: str | Path = ".", version: str | None = None, *, path: str | Path | None = None,
    deadline: float = DEADLINE,
) -> dict[str, pd.DataFrame]:
    """The tables of a newsfacts package, keyed by resource name.

    `path_or_url` (or the keyword `path`) is a package directory, a datapackage.json path,
    or an http(s) URL of a datapackage.json; every path the descriptor gives must stay
    inside the package (under the descriptor's base URL), and each file is checked against
    the descriptor's bytes and sha256 before it is parsed (a download stops at the declared
    size plus one byte, or after `deadline` seconds). With `version`, a package of any other
    version is refused. Every problem raises PackageError (also called IntegrityError).
    """
    package = open_package(path if path is not None else path_or_url, deadline, version=version)
    tables = [_Table(package, r.name) for r in package.resources]
    _side_by_side(sorted(tables, key=_Table.size, reverse=True), deadline)
    return {t.name: t.frame() for t in tables}  # the first table in the descriptor's order that failed raises


class _Table:
    """One resource on its way to a frame: its bytes read and parsed, and checked against
    the descriptor (size, sha256) side by side with the parse; its frame is given only once
    the check has passed."""

    def __init__(self, package: Package, name: str) -> None:
        self.package, self.name = package, name
        self.location, self.data = package.location, b""
        self.read = threading.Event()  # set once the bytes are read (or cannot be)
        self.errors: dict[str, Exception] = {}  # by step: 'read', 'check', 'parse'
        self.parsed: pd.DataFrame | None = None

    def size(self) -> int:
        """The declared size in bytes (0 when none is given)."""
        return self.package.resource(self.name).bytes or 0

    def read_and_parse(self, deadline: float) -> None:
        """Read the bytes (not yet trusted), then parse them into a typed frame; a file that
        is not a table of this schema is a PackageError."""
        try:
            self.location, self.data = read_unchecked(self.package, self.name, deadline)
        except Exception as exc:  # a PackageError, or what a reader let through: raised as it is, by frame()
            self.errors["read"] = exc
            return
        finally:
            self.read.set()
        try:
            self.parsed = read_table(self.name, self.data)
        except (ValueError, KeyError, TypeError) as exc:
            self.errors["parse"] = PackageError(f"{self.location}: resource {self.name}: not a table of this schema ({exc})")
        except Exception as exc:  # raised as it is, by frame()
            self.errors["parse"] = exc

    def check(self) -> None:
        """Once the bytes are read, compare them with the descriptor's size and sha256."""
        self.read.wait()
        if "read" not in self.errors:
            try:
                check_resource(self.package, self.name, self.location, self.data)
            except Exception as exc:  # kept for frame(): a helper thread loses what it raises
                self.errors["check"] = exc

    def frame(self) -> pd.DataFrame:
        """The typed frame, or the error of the first step that failed (read, check, parse)."""
        for step in ("read", "check", "parse"):
            if step in self.errors:
                raise self.errors[step]
        assert self.parsed is not None
        return self.parsed


def _side_by_side(tables: list[_Table], deadline: float) -> None:
    """Read and parse every table, then check every table, in the order given, worked
    through by this thread and helper threads (one per further CPU): hashlib, Arrow and
    the reads release the GIL. A table's check waits for its read, which a thread has
    already taken (the reads come first in the queue). Threads started per call cost a
    fifth of a thread pool's start (50 against 210 us)."""
    tasks: SimpleQueue[Callable[[], None] | None] = SimpleQueue()
    for table in tables:
        tasks.put(partial(table.read_and_parse, deadline))
    for table in tables:
        tasks.put(table.check)
    helpers = [threading.Thread(target=_work, args=(tasks,), daemon=True)
               for _ in range(min(len(tables), os.cpu_count() or 1) - 1)]
    for _ in range(len(helpers) + 1):
        tasks.put(None)
    for helper in helpers:
        helper.start()
    try:
        _work(tasks)
    finally:
        for table in tables:  # after an interruption here, no helper waits for a read that will not come
            table.read.set()
        for helper in helpers:
            helper.join()


def _work(tasks: SimpleQueue[Callable[[], None] | None]) -> None:
    """Run tasks from the queue until its end (None)."""
    while (task := tasks.get()) is not None:
        task()

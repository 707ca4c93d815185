"""Load a package's tables as pandas DataFrames typed from the schema, after checking each
file's size and sha256 against the descriptor. Works on a directory, a datapackage.json
path, or an http(s) URL of a datapackage.json; the descriptor is read and checked by
packagefile (paths inside the package, this version's resources and schemas)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsfacts.csvio import read_arrow
from newsfacts.packagefile import DEADLINE, PackageError, open_package, read_resource
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
def _pandas_types() -> dict[object, object]:
    """The pandas dtype of each Arrow type that to_pandas would not map as the schema wants
    (built once: to_pandas asks for every column)."""
    import pandas as pd
    import pyarrow as pa

    return {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(), pa.large_string(): pd.StringDtype(),
            list_type(): pd.ArrowDtype(list_type())}


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
    resource = RESOURCE_BY_NAME[resource_name]
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    table = _split_lists(resource_name, read_arrow(data, _arrow_types(resource_name), threads=False))
    categories = _categories(resource_name)
    frame = table.drop_columns(list(categories)).to_pandas(types_mapper=_pandas_types().get, date_as_object=False, use_threads=False)
    for position, name in enumerate(resource.fields):
        if name in categories:
            frame.insert(position, name, _categorical(table.column(name), *categories[name]))
    return frame


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

    def one(name: str) -> pd.DataFrame:
        return _typed(package.location, name, read_resource(package, name, deadline))

    names = [r.name for r in package.resources]
    with ThreadPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1) or 1) as pool:
        # the tables are read, hashed and parsed side by side (hashlib and Arrow release the
        # GIL); the first resource in the descriptor's order that fails raises
        return dict(zip(names, pool.map(one, names)))


def _typed(location: str, name: str, data: bytes) -> pd.DataFrame:
    """read_table, its errors on a file that matches its hash but not the schema made one PackageError."""
    try:
        return read_table(name, data)
    except (ValueError, KeyError, TypeError) as exc:
        raise PackageError(f"{location}: resource {name}: not a table of this schema ({exc})") from None

"""Load a package's tables as pandas DataFrames typed from the schema, after checking each
file's size and sha256 against the descriptor. Works on a directory, a datapackage.json
path, or an http(s) URL of a datapackage.json; the descriptor is read and checked by
packagefile (paths inside the package, this version's resources and schemas)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsfacts.csvio import read_frame
from newsfacts.packagefile import DEADLINE, PackageError, open_package, read_resource
from newsfacts.schema import RESOURCE_BY_NAME, field_for

IntegrityError = PackageError
"""The name of PackageError before 1.3.0, kept: one error class for every package that
cannot be read (malformed descriptor, path outside the package, changed file, other version)."""

if TYPE_CHECKING:  # pandas is imported where it is used, so that `import newsfacts` stays quick
    import pandas as pd


def _dtype(resource_name: str, name: str) -> object:
    import pandas as pd

    f = field_for(RESOURCE_BY_NAME[resource_name], name)
    if f.categories:
        return pd.CategoricalDtype(list(f.categories))
    return {"integer": "Int64", "number": "float64", "string": "string"}[f.type]


def read_table(resource_name: str, source: Path | bytes) -> pd.DataFrame:
    """One CSV of the package as a typed DataFrame; only empty cells are missing."""
    import pandas as pd

    resource = RESOURCE_BY_NAME[resource_name]
    frame = read_frame(source if isinstance(source, bytes) else Path(source).read_bytes(), resource.fields)
    out = {}
    for name in resource.fields:
        f = field_for(resource, name)
        column = frame[name]
        if f.type == "date":
            out[name] = pd.to_datetime(column, format="%Y-%m-%d").astype("datetime64[ms]")
        elif f.type == "boolean":
            out[name] = column.map({"true": True, "false": False}).astype("boolean")
        else:
            out[name] = column.astype(_dtype(resource_name, name))
    return pd.DataFrame(out, columns=list(resource.fields))


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
    return {r.name: _typed(package.location, r.name, read_resource(package, r.name, deadline)) for r in package.resources}


def _typed(location: str, name: str, data: bytes) -> pd.DataFrame:
    """read_table, its errors on a file that matches its hash but not the schema made one PackageError."""
    try:
        return read_table(name, data)
    except (ValueError, KeyError, TypeError) as exc:
        raise PackageError(f"{location}: resource {name}: not a table of this schema ({exc})") from None

"""Load the package's tables as pandas DataFrames typed from the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from newsfacts.schema import RESOURCE_BY_NAME, field_for


def _dtype(resource_name: str, name: str) -> object:
    f = field_for(RESOURCE_BY_NAME[resource_name], name)
    if f.categories:
        return pd.CategoricalDtype(list(f.categories))
    return {
        "integer": "Int64",
        "number": "float64",
        "boolean": "boolean",
        "date": "string",
        "string": "string",
    }[f.type]


def read_table(resource_name: str, path: Path) -> pd.DataFrame:
    """One CSV of the package as a typed DataFrame; only empty cells are missing."""
    resource = RESOURCE_BY_NAME[resource_name]
    frame = pd.read_csv(
        path,
        dtype={n: "string" for n in resource.fields},
        keep_default_na=False,
        na_values={n: [""] for n in resource.fields},
        encoding="utf-8",
    )
    out = {}
    for name in resource.fields:
        f = field_for(resource, name)
        column = frame[name]
        if f.type == "date":
            out[name] = pd.to_datetime(column, format="%Y-%m-%d")
        elif f.type == "boolean":
            out[name] = column.map({"true": True, "false": False}).astype("boolean")
        else:
            out[name] = column.astype(_dtype(resource_name, name))
    return pd.DataFrame(out, columns=list(resource.fields))


def _descriptor_path(path: str | Path) -> Path:
    p = Path(path)
    return p if p.suffix == ".json" else p / "datapackage.json"


def load(path: str | Path = ".") -> dict[str, pd.DataFrame]:
    """The five tables of a newsfacts package (a directory or its datapackage.json)."""
    descriptor_path = _descriptor_path(path)
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    root = descriptor_path.parent
    return {
        r["name"]: read_table(r["name"], root / r["path"])
        for r in descriptor["resources"]
        if r["name"] in RESOURCE_BY_NAME
    }

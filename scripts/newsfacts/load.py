"""Load a package's tables as pandas DataFrames typed from the schema, after checking each
file's size and sha256 against the descriptor. Works on a directory, a datapackage.json
path, or an http(s) URL of a datapackage.json."""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pandas as pd

from newsfacts.csvio import read_frame
from newsfacts.schema import RESOURCE_BY_NAME, field_for

TIMEOUT = 60


class IntegrityError(Exception):
    """A file that is not the one the descriptor describes, or a package of another version."""


def _dtype(resource_name: str, name: str) -> object:
    f = field_for(RESOURCE_BY_NAME[resource_name], name)
    if f.categories:
        return pd.CategoricalDtype(list(f.categories))
    return {"integer": "Int64", "number": "float64", "string": "string"}[f.type]


def read_table(resource_name: str, source: Path | bytes) -> pd.DataFrame:
    """One CSV of the package as a typed DataFrame; only empty cells are missing."""
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


def _is_url(location: str) -> bool:
    return urllib.parse.urlsplit(location).scheme in ("http", "https")


def _fetch(location: str) -> bytes:
    """Bytes of a local file or an http(s) URL (redirects followed)."""
    if _is_url(location):
        try:
            with urllib.request.urlopen(location, timeout=TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            raise IntegrityError(f"{location}: HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise IntegrityError(f"{location}: cannot be fetched ({exc.reason})") from None
    try:
        return Path(location).read_bytes()
    except OSError as exc:
        raise IntegrityError(f"{location}: {exc.strerror}") from None


def _descriptor_location(path_or_url: str | Path) -> str:
    location = str(path_or_url)
    if _is_url(location):
        return location
    p = Path(location)
    return str(p if p.suffix == ".json" else p / "datapackage.json")


def _resolve(descriptor_location: str, rel: str) -> str:
    if _is_url(descriptor_location):
        return urllib.parse.urljoin(descriptor_location, rel)
    return str(Path(descriptor_location).parent / rel)


def verified_bytes(location: str, resource: dict) -> bytes:
    """A resource's bytes, refused unless their size and sha256 match the descriptor."""
    data = _fetch(location)
    expected_hash = resource.get("hash", "")
    if not expected_hash.startswith("sha256:"):
        raise IntegrityError(f"{location}: the descriptor gives no sha256 hash to check against")
    want = expected_hash.removeprefix("sha256:")
    got = hashlib.sha256(data).hexdigest()
    if "bytes" in resource and resource["bytes"] != len(data):
        raise IntegrityError(
            f"{location}: {len(data)} bytes, the descriptor says {resource['bytes']} "
            f"(sha256 {got}, expected {want})"
        )
    if got != want:
        raise IntegrityError(f"{location}: sha256 {got} does not match the descriptor's {want}")
    return data


def package_properties(path_or_url: str | Path = ".") -> dict[str, object]:
    """The package's own properties from its descriptor (name, title, description,
    licences, version ...), without its resources."""
    location = _descriptor_location(path_or_url)
    try:
        descriptor = json.loads(_fetch(location).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IntegrityError(f"{location}: not a JSON descriptor ({exc})") from None
    return {k: v for k, v in descriptor.items() if k not in {"resources", "$schema"}}


def load(
    path_or_url: str | Path = ".", version: str | None = None, *, path: str | Path | None = None
) -> dict[str, pd.DataFrame]:
    """The tables of a newsfacts package, keyed by resource name.

    `path_or_url` (or the keyword `path`) is a package directory, a datapackage.json path,
    or an http(s) URL of a datapackage.json; each file is checked against the descriptor's
    bytes and sha256 before it is parsed. With `version`, a package of any other version is
    refused.
    """
    location = _descriptor_location(path if path is not None else path_or_url)
    try:
        descriptor = json.loads(_fetch(location).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IntegrityError(f"{location}: not a JSON descriptor ({exc})") from None
    if version is not None and descriptor.get("version") != version:
        raise IntegrityError(
            f"{location}: package version {descriptor.get('version')}, but version {version} was asked for"
        )
    return {
        r["name"]: read_table(r["name"], verified_bytes(_resolve(location, r["path"]), r))
        for r in descriptor["resources"]
        if r["name"] in RESOURCE_BY_NAME
    }

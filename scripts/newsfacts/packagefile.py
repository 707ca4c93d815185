"""Read and check a package descriptor strictly, and read the files it names.

validate, load, diff, export and plot all read a package through here: the descriptor is
a JSON object whose resources are a list of objects, each with one relative path inside
the package (for a package at a URL: under the descriptor's base URL); for this version's
readers, the resources and their schemas are those declared in schema.py, with `bytes`
and `hash` given. Files are read within bounds (regular files only, never more bytes than
declared plus one, a deadline per download) and checked against their size and sha256
before they are parsed. Every problem is one PackageError, one line naming the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import urllib.parse
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from newsfacts import __version__
from newsfacts.descriptor import PROFILE, package_descriptor
from newsfacts.safeio import ReadError, TooLarge, read_regular, read_url
from newsfacts.schema import RESOURCE_BY_NAME, RESOURCES

DEADLINE = 60.0
"""Seconds allowed for downloading one file of a package at a URL (the whole transfer)."""
DESCRIPTOR_LIMIT = 64 * 2**20
"""Largest descriptor read (bytes): far above a descriptor of 100,000 sources."""
TABLE_LIMIT = 2**31
"""Largest table file read (bytes), whatever a descriptor declares."""

_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_FREE_TEXT = ("title", "description")
"""Keys of a resource or field whose text may differ from the schema's without changing what is read."""
_RESOURCE_KEYS = ("type", "format", "mediatype", "encoding", "dialect")


class PackageError(Exception):
    """A package that cannot be read: a malformed descriptor, a path outside the package, a
    file that is not the one the descriptor describes, a package of another version. The
    message is one line and names the file."""


@dataclass(frozen=True)
class ResourceFile:
    """One resource as the descriptor declares it (its path checked to stay inside the package)."""

    name: str
    path: str
    bytes: int | None
    sha256: str | None
    entry: dict[str, Any]


@dataclass(frozen=True)
class Package:
    """A descriptor read from `location` (a datapackage.json path or an http(s) URL), its
    structure checked."""

    location: str
    descriptor: dict[str, Any]
    resources: tuple[ResourceFile, ...]

    def resource(self, name: str) -> ResourceFile:
        """The resource called `name`, or PackageError."""
        for r in self.resources:
            if r.name == name:
                return r
        raise PackageError(f"{self.location}: no resource {name!r}")


def is_url(location: str) -> bool:
    """True for an http(s) URL."""
    return urllib.parse.urlsplit(location).scheme in ("http", "https")


def descriptor_location(path_or_url: str | Path) -> str:
    """The descriptor of a package directory, a datapackage.json path or an http(s) URL."""
    location = str(path_or_url)
    if is_url(location):
        return location
    p = Path(location)
    return str(p if p.suffix == ".json" else p / "datapackage.json")


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def parse_descriptor(data: bytes, location: str) -> dict[str, Any]:
    """The descriptor's JSON object, or PackageError."""
    try:
        descriptor = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PackageError(f"{location}: not a JSON descriptor ({str(exc).splitlines()[0]})") from None
    if not isinstance(descriptor, dict):
        raise PackageError(f"{location}: the descriptor must be a JSON object, not {_kind(descriptor)}")
    return descriptor


def check_path(rel: object, where: str) -> str:
    """`rel` when it is one relative path inside the package ('data/x.csv'); PackageError for
    a list, an absolute path or URL, a drive, a backslash, a '..' part (also percent-encoded),
    a control character, a query or a fragment."""
    if not isinstance(rel, str):
        raise PackageError(f"{where}: the path must be one relative path (a string), not {_kind(rel)}")
    shown = json.dumps(rel, ensure_ascii=True)
    problem = None
    if not rel or rel.strip() != rel:
        problem = "is empty or has spaces around it"
    elif _CONTROL.search(rel):
        problem = "contains a control character"
    elif "\\" in rel:
        problem = "contains a backslash"
    elif rel.startswith("/") or PurePosixPath(rel).is_absolute():
        problem = "is absolute; paths must be relative, inside the package"
    elif ":" in rel.split("/")[0] or "?" in rel or "#" in rel:
        problem = "is a URL or has a drive, query or fragment; paths must be relative, inside the package"
    elif any(urllib.parse.unquote(part) in ("..", ".") for part in rel.split("/")) or "//" in rel:
        problem = "leaves or re-enters the package ('..', '.' or '//'); paths must be relative, inside it"
    if problem:
        raise PackageError(f"{where}: path {shown} {problem}")
    return rel


def _check_schema(schema: object, where: str) -> None:
    """The parts of a Table Schema that diff and the readers use have the right JSON types."""
    if not isinstance(schema, dict):
        raise PackageError(f"{where}: 'schema' must be an object, not {_kind(schema)}")
    fields = schema.get("fields", [])
    if not isinstance(fields, list):
        raise PackageError(f"{where}: schema 'fields' must be a list, not {_kind(fields)}")
    for i, f in enumerate(fields):
        if not isinstance(f, dict) or not isinstance(f.get("name"), str):
            raise PackageError(f"{where}: schema field {i + 1} must be an object with a 'name'")
        if not isinstance(f.get("constraints", {}), dict):
            raise PackageError(f"{where}: field {f['name']}: 'constraints' must be an object")
    foreign_keys = schema.get("foreignKeys", [])
    if not (isinstance(foreign_keys, list) and all(isinstance(fk, dict) for fk in foreign_keys)):
        raise PackageError(f"{where}: schema 'foreignKeys' must be a list of objects")
    pk = schema.get("primaryKey", [])
    if not (isinstance(pk, str) or (isinstance(pk, list) and all(isinstance(k, str) for k in pk))):
        raise PackageError(f"{where}: schema 'primaryKey' must be a field name or a list of them")


def check_structure(descriptor: dict[str, Any], location: str) -> tuple[ResourceFile, ...]:
    """The resources of a descriptor, each with a name, one relative path inside the package,
    and `bytes`, `hash` and `schema` of the right types when given; PackageError otherwise.
    The descriptor's `sources` must be objects whose `path`, if any, is an http(s) URL."""
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        found = "no 'resources'" if resources is None else f"'resources' is {_kind(resources)}"
        raise PackageError(f"{location}: {found}; a package lists its resources as a list of objects")
    out: list[ResourceFile] = []
    seen: set[str] = set()
    for i, entry in enumerate(resources):
        if not isinstance(entry, dict):
            raise PackageError(f"{location}: resource {i + 1} must be an object, not {_kind(entry)}")
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise PackageError(f"{location}: resource {i + 1} has no name")
        where = f"{location}: resource {name}"
        if name in seen:
            raise PackageError(f"{where}: listed twice")
        seen.add(name)
        if "path" not in entry:
            raise PackageError(f"{where}: no 'path'")
        path = check_path(entry["path"], where)
        size = entry.get("bytes")
        if size is not None and (not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= TABLE_LIMIT):
            raise PackageError(f"{where}: 'bytes' must be a whole number from 0 to {TABLE_LIMIT:,}, not {size!r}")
        digest = entry.get("hash")
        if digest is not None and not (isinstance(digest, str) and _SHA256.fullmatch(digest)):
            raise PackageError(f"{where}: 'hash' must be 'sha256:' and 64 lower-case hex digits, not {digest!r}")
        if "schema" in entry:
            _check_schema(entry["schema"], where)
        out.append(ResourceFile(name, path, size, digest.removeprefix("sha256:") if digest else None, entry))
    _check_sources(descriptor.get("sources", []), location)
    return tuple(out)


def _check_sources(sources: object, location: str) -> None:
    if not isinstance(sources, list) or not all(isinstance(s, dict) for s in sources):
        raise PackageError(f"{location}: 'sources' must be a list of objects")
    for s in sources:
        path = s.get("path")
        if path is not None and not (isinstance(path, str) and is_url(path) and urllib.parse.urlsplit(path).netloc
                                     and not _CONTROL.search(path)):
            raise PackageError(f"{location}: source path {json.dumps(path)} is not an http(s) URL")


def _shape(value: Any) -> Any:
    """A schema without its free text (titles and descriptions), for comparison."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items() if k not in _FREE_TEXT}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return value


def declared_resources(package: Package) -> list[dict[str, Any]]:
    """The resource entries this version writes, with the package's paths, sizes, hashes,
    titles and descriptions: what validation checks the files against."""
    files = {r.name: (r.bytes, r.sha256 or "") for r in package.resources}
    entries = package_descriptor(files, [], {})["resources"]
    out = []
    for e in entries:
        r = package.resource(e["name"])
        out.append({**e, "path": r.path, **{k: r.entry[k] for k in _FREE_TEXT if isinstance(r.entry.get(k), str)}})
    return out


def _schema_difference(got: dict[str, Any], want: dict[str, Any]) -> str:
    """The first way a resource's schema differs from this version's, in words."""
    got_fields = [f.get("name") for f in got.get("fields", [])]
    want_fields = [f["name"] for f in want["fields"]]
    if got_fields != want_fields:
        return f"fields {', '.join(map(str, got_fields)) or '(none)'}; expected {', '.join(want_fields)}"
    for g, w in zip(got["fields"], want["fields"]):
        sg, sw = _shape(g), _shape(w)
        if sg != sw:  # a field's type first: what a reader of another version meets
            key = next(k for k in ["type", *sorted(set(sg) | set(sw))] if sg.get(k) != sw.get(k))
            return f"field {w['name']}: {key} {json.dumps(g.get(key))}, expected {json.dumps(w.get(key))}"
    key = next(k for k in sorted(set(_shape(got)) | set(_shape(want))) if _shape(got).get(k) != _shape(want).get(k))
    return f"{key} {json.dumps(got.get(key))}, expected {json.dumps(want.get(key))}"


@lru_cache(maxsize=None)
def _contract() -> tuple[tuple[dict[str, Any], Any], ...]:
    """This version's resource entries (their sizes and hashes aside) with the shapes of their
    schemas, in this version's order: what check_contract compares a descriptor with, built
    once (0.3 ms a call otherwise). Read only."""
    entries = package_descriptor({r.name: (0, "") for r in RESOURCES}, [], {})["resources"]
    return tuple((e, _shape(e["schema"])) for e in entries)


def check_contract(package: Package) -> None:
    """The package is one this version reads: exactly the resources of schema.py, each with
    `bytes`, `hash` and the schema of schema.py (titles and descriptions aside), and CSV in
    this version's dialect and encoding; PackageError naming the first problem."""
    where = package.location
    profile = package.descriptor.get("$schema", PROFILE)
    if profile != PROFILE:
        raise PackageError(f"{where}: profile {json.dumps(profile)}, expected {PROFILE}")
    names = [r.name for r in package.resources]
    expected = [r.name for r in RESOURCES]
    missing = [n for n in expected if n not in names]
    unknown = [n for n in names if n not in RESOURCE_BY_NAME]
    if missing or unknown:
        parts = ([f"no resource {', '.join(missing)}"] if missing else []) + (
            [f"unknown resource {', '.join(unknown)}"] if unknown else [])
        raise PackageError(f"{where}: {'; '.join(parts)} (newsfacts {__version__} reads {', '.join(expected)})")
    for want, shape in _contract():
        r = package.resource(want["name"])
        for key in ("bytes", "hash", "schema"):
            if r.entry.get(key) is None:  # missing or null
                raise PackageError(f"{where}: resource {r.name}: no '{key}' (required, to check the file before reading it)")
        for key in _RESOURCE_KEYS:
            if key in r.entry and r.entry[key] != want[key]:
                raise PackageError(f"{where}: resource {r.name}: {key} {json.dumps(r.entry[key])}, expected {json.dumps(want[key])}")
        if _shape(r.entry["schema"]) != shape:
            difference = _schema_difference(r.entry["schema"], want["schema"])
            raise PackageError(f"{where}: resource {r.name}: schema differs from newsfacts {__version__}'s: {difference}")


def read_location(location: str, limit: int, deadline: float = DEADLINE) -> bytes:
    """The bytes at a local path or an http(s) URL, within bounds; PackageError otherwise."""
    try:
        return read_url(location, limit, deadline) if is_url(location) else read_regular(location, limit)
    except ReadError as exc:
        raise PackageError(str(exc)) from None


def open_package(
    path_or_url: str | Path, deadline: float = DEADLINE, *, version: str | None = None, contract: bool = True
) -> Package:
    """Read and check the descriptor of a package directory, a datapackage.json path or an
    http(s) URL: its structure always, the version asked for, and this version's contract
    (check_contract) unless `contract` is False (diff compares packages of any version)."""
    location = descriptor_location(path_or_url)
    descriptor = parse_descriptor(read_location(location, DESCRIPTOR_LIMIT, deadline), location)
    package = Package(location, descriptor, check_structure(descriptor, location))
    if version is not None and descriptor.get("version") != version:
        raise PackageError(
            f"{location}: package version {descriptor.get('version')}, but version {version} was asked for"
        )
    if contract:
        check_contract(package)
    return package


def member_location(package: Package, rel: str, where: str | None = None) -> str:
    """Where the file at relative path `rel` of the package is: a local path whose real path
    (symbolic links resolved) is inside the package's directory, or a URL under the
    descriptor's base URL; PackageError otherwise, before anything is opened."""
    where = where or package.location
    check_path(rel, where)
    if is_url(package.location):
        url = urllib.parse.urljoin(package.location, rel)
        base, got = urllib.parse.urlsplit(package.location), urllib.parse.urlsplit(url)
        folder = base.path.rsplit("/", 1)[0] + "/"
        if (got.scheme, got.netloc) != (base.scheme, base.netloc) or not got.path.startswith(folder):
            raise PackageError(f"{where}: path {json.dumps(rel)} is outside the package's base URL")
        return url
    root = os.path.realpath(Path(package.location).parent)
    full = os.path.join(Path(package.location).parent, *rel.split("/"))
    real = os.path.realpath(full)
    if os.path.commonpath([root, real]) != root:
        raise PackageError(f"{where}: path {json.dumps(rel)} leads outside the package (to {real})")
    return full


def read_member(package: Package, rel: str, limit: int, deadline: float = DEADLINE, where: str | None = None) -> bytes:
    """The bytes of a file of the package at relative path `rel` (an article, a table), its
    location checked first, read within bounds."""
    return read_location(member_location(package, rel, where), limit, deadline)


def read_unchecked(package: Package, name: str, deadline: float = DEADLINE) -> tuple[str, bytes]:
    """A resource's location and bytes, read no further than its declared size plus one
    byte; not yet trusted: check_resource compares them with the descriptor's size and
    sha256 (load() does so while it parses them, and uses a table only once it matches)."""
    r = package.resource(name)
    location = member_location(package, r.path, f"{package.location}: resource {name}")
    if r.sha256 is None:
        raise PackageError(f"{location}: the descriptor gives no sha256 hash to check against")
    limit = TABLE_LIMIT if r.bytes is None else r.bytes
    try:
        return location, read_url(location, limit, deadline) if is_url(location) else read_regular(location, limit)
    except TooLarge:
        raise PackageError(f"{location}: more than the {limit:,} bytes the descriptor declares") from None
    except ReadError as exc:
        raise PackageError(str(exc)) from None


def check_resource(package: Package, name: str, location: str, data: bytes) -> None:
    """PackageError unless `data` (read from `location` by read_unchecked) has the size and
    sha256 the descriptor gives for the resource."""
    r = package.resource(name)
    got = hashlib.sha256(data).hexdigest()
    if r.bytes is not None and r.bytes != len(data):
        raise PackageError(
            f"{location}: {len(data)} bytes, the descriptor says {r.bytes} (sha256 {got}, expected {r.sha256})"
        )
    if got != r.sha256:
        raise PackageError(f"{location}: sha256 {got} does not match the descriptor's {r.sha256}")

"""Validate a package: its descriptor read strictly (packagefile), then every check
Frictionless makes on it (byte sizes, hashes, types, required values, patterns, categories,
keys) made column by column with vectorised code (checks), plus what Frictionless cannot
check (offsets, article hashes and lengths, dates against their precision).
`with_frictionless` runs Frictionless as well."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from newsfacts.article import MAX_BYTES, ArticleError, decode_article
from newsfacts.checks import Table, cell_problems, date_problems, header_problems, key_problems, read_strings
from newsfacts.packagefile import (
    DEADLINE, TABLE_LIMIT, Package, PackageError, ResourceFile, declared_resources, is_url, member_location,
    open_package, read_member,
)
from newsfacts.problems import Problem
from newsfacts.safeio import ReadError, TooLarge, read_regular, read_url
from newsfacts.schema import RESOURCE_BY_NAME

DESCRIPTOR = "datapackage.json"


def frictionless_errors(package: Package) -> list[Problem]:
    """Errors Frictionless reports for the package (schema, keys, hashes, bytes), checked
    against this version's resource declarations (not the descriptor's own copy)."""
    import frictionless

    descriptor = {**package.descriptor, "resources": declared_resources(package)}
    report = frictionless.validate(descriptor, basepath=str(Path(package.location).parent))
    if report.valid:
        return []
    out = []
    for task in report.tasks:
        for err in task.errors:
            out.append(Problem(f"frictionless {task.name or task.place}: {err.message}", err.type, task.place,
                               getattr(err, "row_number", None), getattr(err, "field_name", None)))
    for err in report.errors:
        out.append(Problem(f"frictionless: {err.message}", err.type, DESCRIPTOR))
    return out or [Problem("frictionless: package is not valid", "package-error", DESCRIPTOR)]


def _table_bytes(package: Package, r: ResourceFile) -> tuple[bytes | None, list[Problem]]:
    """A resource's bytes (read no further than one byte past its declared size), or the
    problems of its size and sha256 (byte-count, hash-count: a table that is not the one
    described is not read further)."""
    location = member_location(package, r.path, f"{package.location}: resource {r.name}")
    limit = TABLE_LIMIT if r.bytes is None else r.bytes + 1
    try:
        data = read_url(location, limit, DEADLINE) if is_url(location) else read_regular(location, limit)
    except TooLarge:
        return None, [Problem(f"{location}: more than the {r.bytes:,} bytes the descriptor declares", "byte-count", r.path)]
    except ReadError as exc:
        return None, [Problem(str(exc), "resource-error", r.path)]
    out = []
    if r.bytes is not None and r.bytes != len(data):
        out.append(Problem(f"{location}: {len(data)} bytes, the descriptor says {r.bytes}", "byte-count", r.path))
    got = hashlib.sha256(data).hexdigest()
    if got != r.sha256:
        out.append(Problem(f"{location}: sha256 {got} does not match the descriptor's {r.sha256}", "hash-count", r.path))
    return (None, out) if out else (data, [])


def _articles(package: Package, sources: Table) -> tuple[dict[str, str], list[Problem]]:
    """The text of every article the sources table lists, read only inside the package and
    checked against its sha256 and its length in characters."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    columns = [sources.columns.get(n) for n in ("source_id", "path", "sha256", "characters")]
    if any(c is None for c in columns):
        return texts, problems
    for row, (sid, rel, sha, characters) in enumerate(zip(*(c.to_pylist() for c in columns)), start=2):
        if sid is None or rel is None:
            continue
        try:
            data = read_member(package, rel, MAX_BYTES, where=f"sources {sid}")
            text = decode_article(Path(package.location).parent / rel, data)
        except PackageError as exc:
            problems.append(Problem(str(exc), "article-error", sources.path, row, "path"))
            continue
        except ArticleError as exc:
            problems.append(Problem(f"sources {sid}: {exc}", "article-error", sources.path, row, "path"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != sha:
            problems.append(Problem(f"sources {sid}: {rel} has sha256 {digest}, the table says {sha}",
                                    "article-hash-error", sources.path, row, "sha256"))
        if str(len(text)) != characters:
            problems.append(Problem(f"sources {sid}: {len(text)} characters, the table says {characters}",
                                    "article-length-error", sources.path, row, "characters"))
        texts[sid] = text
    return texts, problems


def offset_problems(table: Table, typed: dict[str, Any], texts: dict[str, str]) -> list[Problem]:
    """article[start:end] == text on every row."""
    names = ("source_id", "start", "end", "text")
    if any(n not in typed for n in names):
        return []
    key = RESOURCE_BY_NAME[table.name].primary_key
    ids = table.columns[key].to_pylist() if key in table.columns else [None] * table.rows
    out = []
    for row, (sid, start, end, text) in enumerate(zip(*(typed[n].to_pylist() for n in names))):
        article = texts.get(sid)
        if article is None or start is None or end is None:
            continue
        if not 0 <= start < end <= len(article) or article[start:end] != text:
            out.append(Problem(f"{table.name} {ids[row]}: text is not article[{start}:{end}]",
                               "offset-error", table.path, row + 2, "text"))
    return out


def validate_package(root: Path, with_frictionless: bool = False) -> list[Problem]:
    """All problems of the package at root (empty when it is valid): the descriptor read
    strictly first (one problem when it cannot be), each table at its declared path checked
    against its size and sha256 before anything parses it, then every table's cells, keys
    and offsets. Each problem prints as one line and carries its file, row, field and code."""
    try:
        package = open_package(root)
        tables: dict[str, Table] = {}
        errors: list[Problem] = []
        for r in package.resources:
            data, problems = _table_bytes(package, r)
            errors += problems
            if data is not None:
                tables[r.name] = read_strings(r.name, r.path, data)
    except PackageError as exc:
        return [Problem(str(exc), "package-error", DESCRIPTOR)]
    except UnicodeDecodeError as exc:
        return [Problem(f"{root}: a table is not UTF-8 ({exc})", "encoding-error", DESCRIPTOR)]
    if errors:
        return errors + (frictionless_errors(package) if with_frictionless else [])
    typed: dict[str, dict[str, Any]] = {}
    for name, table in tables.items():
        errors += table.problems + header_problems(table)
        cells, typed[name] = cell_problems(table)
        errors += cells + date_problems(table, typed[name])
    errors += key_problems(tables)
    texts, problems = _articles(package, tables["sources"])
    errors += problems
    for name in ("statements", "events", "figures"):
        errors += offset_problems(tables[name], typed[name], texts)
    if with_frictionless:
        errors += frictionless_errors(package)
    return errors

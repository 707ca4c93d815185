"""Validate a package: Frictionless first, then what Frictionless cannot check."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import frictionless

from newsfacts.article import MAX_BYTES, ArticleError, decode_article
from newsfacts.csvio import from_csv
from newsfacts.load import read_table
from newsfacts.packagefile import Package, PackageError, declared_resources, open_package, read_member, read_resource
from newsfacts.schema import RESOURCE_BY_NAME, field_for


def frictionless_errors(package: Package) -> list[str]:
    """Errors Frictionless reports for the package (schema, keys, hashes, bytes), checked
    against this version's resource declarations (not the descriptor's own copy)."""
    descriptor = {**package.descriptor, "resources": declared_resources(package)}
    report = frictionless.validate(descriptor, basepath=str(Path(package.location).parent))
    if report.valid:
        return []
    out = []
    for task in report.tasks:
        for err in task.errors:
            out.append(f"{task.name or task.place}: {err.message}")
    for err in report.errors:
        out.append(err.message)
    return out or ["frictionless: package is not valid"]


def provenance_errors(package: Package, tables: dict[str, bytes]) -> list[str]:
    """Article hashes and lengths, and article[start:end] == text on every row; an article
    path outside the package is refused before the file is opened."""
    errors: list[str] = []
    sources = read_table("sources", tables["sources"])
    texts: dict[str, str] = {}
    for row in sources.itertuples(index=False):
        try:
            data = read_member(package, row.path, MAX_BYTES, where=f"sources {row.source_id}")
            text = decode_article(Path(package.location).parent / row.path, data)
        except PackageError as exc:
            errors.append(str(exc))
            continue
        except ArticleError as exc:
            errors.append(f"sources {row.source_id}: {exc}")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != row.sha256:
            errors.append(f"sources {row.source_id}: {row.path} has sha256 {digest}, the table says {row.sha256}")
        if len(text) != row.characters:
            errors.append(f"sources {row.source_id}: {len(text)} characters, the table says {row.characters}")
        texts[row.source_id] = text
    for name in ("statements", "events", "figures"):
        frame = read_table(name, tables[name])
        key = RESOURCE_BY_NAME[name].primary_key
        for row in frame.to_dict("records"):
            text = texts.get(row["source_id"])
            if text is None:
                continue
            start, end = int(row["start"]), int(row["end"])
            if not 0 <= start < end <= len(text) or text[start:end] != row["text"]:
                errors.append(f"{name} {row[key]}: text is not article[{start}:{end}]")
    return errors


def consistency_errors(tables: dict[str, bytes]) -> list[str]:
    """Categories (Frictionless 5 ignores them), and dates that agree with their precision."""
    errors: list[str] = []
    for name, resource in RESOURCE_BY_NAME.items():
        rows = from_csv(tables[name])
        for field_name in resource.fields:
            f = field_for(resource, field_name)
            if not f.categories:
                continue
            for row in rows:
                if row[field_name] not in f.categories and (row[field_name] or f.required):
                    errors.append(
                        f"{name} {row[resource.primary_key]}: {field_name} {row[field_name]!r} "
                        f"is not one of {', '.join(f.categories)}"
                    )
        if "date_precision" not in resource.fields:
            continue
        for row in rows:
            rid = row[resource.primary_key]
            start, end, precision = row["date_start"], row["date_end"], row["date_precision"]
            if precision == "unknown" and (start or end):
                errors.append(f"{name} {rid}: precision unknown but a date is set")
            if precision != "unknown" and not start:
                errors.append(f"{name} {rid}: precision {precision} without date_start")
            if start and end and end < start:
                errors.append(f"{name} {rid}: date_end before date_start")
    return errors


def pattern_errors(tables: dict[str, bytes]) -> list[str]:
    """Patterns matched against the whole cell: Frictionless lets '$' match before a final
    line break, so a source_id 'x\\n' would pass it."""
    errors: list[str] = []
    for name, resource in RESOURCE_BY_NAME.items():
        patterns = {n: re.compile(f.pattern) for n in resource.fields if (f := field_for(resource, n)).pattern}
        for row in from_csv(tables[name]):
            for field_name, pattern in patterns.items():
                value = row.get(field_name) or ""
                if value and not pattern.fullmatch(value):
                    errors.append(f"{name} {row.get(resource.primary_key)!r}: {field_name} {value!r} does not match {pattern.pattern}")
    return errors


def validate_package(root: Path) -> list[str]:
    """All problems of the package at root (empty when it is valid): its descriptor read
    strictly, every table at its declared path checked against its size and sha256 before
    anything else reads it."""
    try:
        package = open_package(root)
    except PackageError as exc:
        return [str(exc)]
    tables: dict[str, bytes] = {}
    errors: list[str] = []
    for r in package.resources:
        try:
            tables[r.name] = read_resource(package, r.name)
        except PackageError as exc:
            errors.append(str(exc))
    if errors:
        return errors
    errors = frictionless_errors(package)
    if errors:
        return errors
    return provenance_errors(package, tables) + consistency_errors(tables) + pattern_errors(tables)

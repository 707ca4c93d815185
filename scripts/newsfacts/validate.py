"""Validate a package: Frictionless first, then what Frictionless cannot check."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from newsfacts.article import MAX_BYTES, ArticleError, decode_article
from newsfacts.csvio import from_csv
from newsfacts.load import read_table
from newsfacts.packagefile import Package, PackageError, declared_resources, open_package, read_member, read_resource
from newsfacts.problems import Problem
from newsfacts.schema import RESOURCE_BY_NAME, field_for

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
            out.append(Problem(f"{task.name or task.place}: {err.message}", err.type, task.place,
                               getattr(err, "row_number", None), getattr(err, "field_name", None)))
    for err in report.errors:
        out.append(Problem(err.message, err.type, DESCRIPTOR))
    return out or [Problem("frictionless: package is not valid", "package-error", DESCRIPTOR)]


def provenance_errors(package: Package, tables: dict[str, bytes]) -> list[Problem]:
    """Article hashes and lengths, and article[start:end] == text on every row; an article
    path outside the package is refused before the file is opened."""
    errors: list[Problem] = []
    sources_path = package.resource("sources").path
    sources = read_table("sources", tables["sources"])
    texts: dict[str, str] = {}
    for number, row in enumerate(sources.itertuples(index=False), start=2):
        try:
            data = read_member(package, row.path, MAX_BYTES, where=f"sources {row.source_id}")
            text = decode_article(Path(package.location).parent / row.path, data)
        except PackageError as exc:
            errors.append(Problem(str(exc), "article-error", sources_path, number, "path"))
            continue
        except ArticleError as exc:
            errors.append(Problem(f"sources {row.source_id}: {exc}", "article-error", sources_path, number, "path"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != row.sha256:
            errors.append(Problem(f"sources {row.source_id}: {row.path} has sha256 {digest}, the table says {row.sha256}",
                                  "article-hash-error", sources_path, number, "sha256"))
        if len(text) != row.characters:
            errors.append(Problem(f"sources {row.source_id}: {len(text)} characters, the table says {row.characters}",
                                  "article-length-error", sources_path, number, "characters"))
        texts[row.source_id] = text
    for name in ("statements", "events", "figures"):
        path = package.resource(name).path
        frame = read_table(name, tables[name])
        key = RESOURCE_BY_NAME[name].primary_key
        for number, row in enumerate(frame.to_dict("records"), start=2):
            text = texts.get(row["source_id"])
            if text is None:
                continue
            start, end = int(row["start"]), int(row["end"])
            if not 0 <= start < end <= len(text) or text[start:end] != row["text"]:
                errors.append(Problem(f"{name} {row[key]}: text is not article[{start}:{end}]",
                                      "offset-error", path, number, "text"))
    return errors


def consistency_errors(package: Package, tables: dict[str, bytes]) -> list[Problem]:
    """Categories (Frictionless 5 ignores them), and dates that agree with their precision."""
    errors: list[Problem] = []
    for name, resource in RESOURCE_BY_NAME.items():
        path = package.resource(name).path
        rows = from_csv(tables[name])
        for field_name in resource.fields:
            f = field_for(resource, field_name)
            if not f.categories:
                continue
            for number, row in enumerate(rows, start=2):
                if row[field_name] not in f.categories and (row[field_name] or f.required):
                    errors.append(Problem(
                        f"{name} {row[resource.primary_key]}: {field_name} {row[field_name]!r} "
                        f"is not one of {', '.join(f.categories)}", "category-error", path, number, field_name))
        if "date_precision" not in resource.fields:
            continue
        for number, row in enumerate(rows, start=2):
            rid = row[resource.primary_key]
            start, end, precision = row["date_start"], row["date_end"], row["date_precision"]

            def problem(message: str, column: str) -> Problem:
                return Problem(f"{name} {rid}: {message}", "date-error", path, number, column)

            if precision == "unknown" and (start or end):
                errors.append(problem("precision unknown but a date is set", "date_precision"))
            if precision != "unknown" and not start:
                errors.append(problem(f"precision {precision} without date_start", "date_start"))
            if start and end and end < start:
                errors.append(problem("date_end before date_start", "date_end"))
    return errors


def pattern_errors(package: Package, tables: dict[str, bytes]) -> list[Problem]:
    """Patterns matched against the whole cell: Frictionless lets '$' match before a final
    line break, so a source_id 'x\\n' would pass it."""
    errors: list[Problem] = []
    for name, resource in RESOURCE_BY_NAME.items():
        path = package.resource(name).path
        patterns = {n: re.compile(f.pattern) for n in resource.fields if (f := field_for(resource, n)).pattern}
        for number, row in enumerate(from_csv(tables[name]), start=2):
            for field_name, pattern in patterns.items():
                value = row.get(field_name) or ""
                if value and not pattern.fullmatch(value):
                    errors.append(Problem(
                        f"{name} {row.get(resource.primary_key)!r}: {field_name} {value!r} does not match {pattern.pattern}",
                        "constraint-error", path, number, field_name))
    return errors


def validate_package(root: Path) -> list[Problem]:
    """All problems of the package at root (empty when it is valid): its descriptor read
    strictly, every table at its declared path checked against its size and sha256 before
    anything else reads it. Each problem prints as one line and carries its file, row,
    field and code."""
    try:
        package = open_package(root)
    except PackageError as exc:
        return [Problem(str(exc), "package-error", DESCRIPTOR)]
    tables: dict[str, bytes] = {}
    errors: list[Problem] = []
    for r in package.resources:
        try:
            tables[r.name] = read_resource(package, r.name)
        except PackageError as exc:
            errors.append(Problem(str(exc), "resource-error", r.path))
    if errors:
        return errors
    errors = frictionless_errors(package)
    if errors:
        return errors
    return provenance_errors(package, tables) + consistency_errors(package, tables) + pattern_errors(package, tables)

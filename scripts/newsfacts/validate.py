"""Validate a package: Frictionless first, then what Frictionless cannot check."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import frictionless

from newsfacts.article import ArticleError, decode_article
from newsfacts.csvio import read_rows
from newsfacts.load import read_table
from newsfacts.schema import RESOURCE_BY_NAME, field_for


def frictionless_errors(descriptor: Path) -> list[str]:
    """Errors Frictionless reports for the package (schema, keys, hashes, bytes)."""
    report = frictionless.validate(str(descriptor))
    if report.valid:
        return []
    out = []
    for task in report.tasks:
        for err in task.errors:
            out.append(f"{task.name or task.place}: {err.message}")
    for err in report.errors:
        out.append(err.message)
    return out or ["frictionless: package is not valid"]


def provenance_errors(root: Path) -> list[str]:
    """Article hashes and lengths, and article[start:end] == text on every row."""
    errors: list[str] = []
    sources = read_table("sources", (root / "data/sources.csv").read_bytes())
    texts: dict[str, str] = {}
    for row in sources.itertuples(index=False):
        path = root / row.path
        try:
            data = path.read_bytes()
            text = decode_article(path, data)
        except (OSError, ArticleError) as exc:
            errors.append(f"sources {row.source_id}: {exc}")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != row.sha256:
            errors.append(f"sources {row.source_id}: {row.path} has sha256 {digest}, the table says {row.sha256}")
        if len(text) != row.characters:
            errors.append(f"sources {row.source_id}: {len(text)} characters, the table says {row.characters}")
        texts[row.source_id] = text
    for name in ("statements", "events", "figures"):
        frame = read_table(name, (root / f"data/{name}.csv").read_bytes())
        key = RESOURCE_BY_NAME[name].primary_key
        for row in frame.to_dict("records"):
            text = texts.get(row["source_id"])
            if text is None:
                continue
            start, end = int(row["start"]), int(row["end"])
            if not 0 <= start < end <= len(text) or text[start:end] != row["text"]:
                errors.append(f"{name} {row[key]}: text is not article[{start}:{end}]")
    return errors


def consistency_errors(root: Path) -> list[str]:
    """Categories (Frictionless 5 ignores them), and dates that agree with their precision."""
    errors: list[str] = []
    for name, resource in RESOURCE_BY_NAME.items():
        rows = read_rows(root / resource.path)
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


def validate_package(root: Path) -> list[str]:
    """All problems of the package at root (empty when it is valid)."""
    descriptor = root / "datapackage.json"
    if not descriptor.is_file():
        return [f"{descriptor}: no such file"]
    try:
        json.loads(descriptor.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"{descriptor}: not valid JSON ({exc})"]
    errors = frictionless_errors(descriptor)
    if errors:
        return errors
    return provenance_errors(root) + consistency_errors(root)

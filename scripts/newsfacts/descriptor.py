"""Generate `datapackage.json` from the schema declaration (standard library only)."""

from __future__ import annotations

import json
from typing import Any, Mapping

from newsfacts import __version__
from newsfacts.schema import RESOURCES, Resource, field_for

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
DIALECT = {"delimiter": ",", "header": True, "lineTerminator": "\n", "quoteChar": '"'}

PACKAGE_META: dict[str, Any] = {
    "name": "newsfacts",
    "title": "newsfacts: statements, events and figures from news about the war against Ukraine",
    "description": (
        "Who said what (statements), what happened, when and to whom (events) and the "
        "numbers claimed (figures), extracted from news articles by a published "
        "pipeline. Every row carries the article's source_id and the exact character "
        "offsets of the words that support it: article[start:end] == text."
    ),
    "keywords": ["news", "Ukraine", "Russia", "statements", "events", "provenance"],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 (the tables: annotations, ids, "
            "offsets, normalised values). Quoted article text in the text columns and "
            "the article files under seeds/ remain the property of their publishers and "
            "are included for verification only.",
        },
        {
            "name": "MIT",
            "path": "https://opensource.org/license/mit",
            "title": "MIT License (the pipeline code under scripts/)",
        },
    ],
    "contributors": [
        {"title": "newsfacts contributors", "roles": ["creator", "maintainer"]},
    ],
}


def field_descriptor(resource: Resource, name: str) -> dict[str, Any]:
    """The Table Schema entry for one field of one resource."""
    f = field_for(resource, name)
    out: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
    if f.type == "boolean":
        out["trueValues"] = ["true"]
        out["falseValues"] = ["false"]
    if f.categories:
        out["categories"] = list(f.categories)
    constraints: dict[str, Any] = {}
    if f.required:
        constraints["required"] = True
    if name == resource.primary_key:
        constraints["unique"] = True
    if f.pattern:
        constraints["pattern"] = f.pattern
    if f.minimum is not None:
        constraints["minimum"] = f.minimum
    if f.categories:
        constraints["enum"] = list(f.categories)
    if constraints:
        out["constraints"] = constraints
    return out


def schema_descriptor(resource: Resource) -> dict[str, Any]:
    """The Table Schema of one resource."""
    foreign_keys = []
    for fk in resource.foreign_keys:
        reference: dict[str, Any] = {"resource": fk.resource, "fields": [fk.reference]}
        foreign_keys.append({"fields": [fk.field], "reference": reference})
    schema: dict[str, Any] = {
        "$schema": SCHEMA_PROFILE,
        "fields": [field_descriptor(resource, n) for n in resource.fields],
        "missingValues": [""],
        "primaryKey": [resource.primary_key],
    }
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def package_descriptor(
    files: Mapping[str, tuple[int, str]], sources: list[dict[str, Any]]
) -> dict[str, Any]:
    """The whole descriptor; `files` maps resource name to (bytes, sha256 hex)."""
    resources = []
    for r in RESOURCES:
        size, digest = files[r.name]
        resources.append(
            {
                "name": r.name,
                "type": "table",
                "path": r.path,
                "title": r.title,
                "description": r.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": size,
                "hash": f"sha256:{digest}",
                "dialect": DIALECT,
                "schema": schema_descriptor(r),
            }
        )
    return {
        "$schema": PROFILE,
        **PACKAGE_META,
        "version": __version__,
        "sources": sources,
        "resources": resources,
    }


def dumps(descriptor: Mapping[str, Any]) -> str:
    """Serialise a descriptor deterministically: key order as built, final newline."""
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"

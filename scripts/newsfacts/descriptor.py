"""Generate `datapackage.json` from the schema declaration (standard library only)."""

from __future__ import annotations

import json
import re
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
    if f.type == "list":
        out["itemType"] = f.item_type
        out["delimiter"] = f.delimiter
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


NEUTRAL_META: dict[str, Any] = {
    "name": "newsfacts-package",
    "title": "Statements, events and figures extracted from news articles by newsfacts",
    "description": (
        "Who said what (statements), what happened, when and to whom (events) and the "
        "numbers claimed (figures), extracted by the newsfacts pipeline. Every row carries "
        "the article's source_id and the exact character offsets of the words that support "
        "it: article[start:end] == text."
    ),
    "keywords": ["news", "statements", "events", "figures", "provenance"],
}
"""The metadata of a package extracted from a user's articles, before the user's own."""

USER_META_KEYS = ("name", "title", "description", "keywords", "licenses", "contributors", "homepage")
"""The Data Package properties a user may set for an extracted package."""


class MetadataError(ValueError):
    """Package metadata that is not valid Data Package metadata."""


def user_metadata(base: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with the user's properties, checked: a lower-case name, text title and
    description, keywords as text, licences and contributors as objects."""
    unknown = sorted(set(given) - set(USER_META_KEYS))
    if unknown:
        raise MetadataError(f"unknown package properties {unknown}; allowed: {list(USER_META_KEYS)}")
    out = {**base, **{k: v for k, v in given.items() if v is not None}}
    if not isinstance(out.get("name"), str) or not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", out["name"]):
        raise MetadataError(f"name {out.get('name')!r}: lower-case letters, digits, '.', '_' and '-' only")
    for key in ("title", "description", "homepage"):
        if key in out and not isinstance(out[key], str):
            raise MetadataError(f"{key} must be text")
    if "keywords" in out and not (isinstance(out["keywords"], list) and all(isinstance(k, str) and k for k in out["keywords"])):
        raise MetadataError("keywords must be a list of words")
    for key in ("licenses", "contributors"):
        value = out.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(x, dict) and x for x in value)):
            raise MetadataError(f"{key} must be a list of objects")
    if any(not ("name" in lic or "path" in lic) for lic in out.get("licenses", [])):
        raise MetadataError("each licence needs a name or a path")
    return out


def package_descriptor(
    files: Mapping[str, tuple[int, str]], sources: list[dict[str, Any]], meta: Mapping[str, Any] = PACKAGE_META
) -> dict[str, Any]:
    """The whole descriptor; `files` maps resource name to (bytes, sha256 hex); `meta` the
    package's own properties (this dataset's by default)."""
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
        **meta,
        "version": __version__,
        "sources": sources,
        "resources": resources,
    }


def dumps(descriptor: Mapping[str, Any]) -> str:
    """Serialise a descriptor deterministically: key order as built, final newline."""
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"

"""Compare two versions of a package: rows, schema, metadata, and the version bump they need."""

from __future__ import annotations

import csv
import json
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.csvio import from_csv
from newsfacts.packagefile import (
    TABLE_LIMIT, PackageError, check_structure, open_package, parse_descriptor, read_member,
)

BUMPS = ("none", "patch", "minor", "major")


class DiffError(PackageError):
    """A package that cannot be read (missing file, unknown git ref, bad JSON, a malformed
    descriptor, a path outside the package)."""


@dataclass
class Package:
    """A package as read from a directory, a descriptor path or a git ref."""

    label: str
    descriptor: dict[str, Any]
    tables: dict[str, list[dict[str, str]]]


def _max(*bumps: str) -> str:
    return max(bumps, key=BUMPS.index, default="none")


def _git_show(ref: str, path: str, cwd: Path) -> bytes:
    result = subprocess.run(
        ["git", "show", f"{ref}:{path}"], cwd=cwd, capture_output=True, check=False
    )
    if result.returncode != 0:
        raise DiffError(f"{ref}:{path}: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def read_package(spec: str, repo: Path = Path(".")) -> Package:
    """Read a package from a directory, a datapackage.json path, or a git ref of `repo`; its
    descriptor's structure is checked (any version's resources and schemas are accepted)
    and no path may leave the package."""
    path = Path(spec)
    try:
        if path.is_dir() or (path.suffix == ".json" and path.is_file()):
            package = open_package(path, contract=False)
            descriptor, resources = package.descriptor, package.resources

            def read(rel: str) -> bytes:
                return read_member(package, rel, TABLE_LIMIT)
        else:
            location = f"{spec}:datapackage.json"
            descriptor = parse_descriptor(_git_show(spec, "datapackage.json", repo), location)
            resources = check_structure(descriptor, location)

            def read(rel: str) -> bytes:
                return _git_show(spec, rel, repo)

        tables = {}
        for r in resources:
            try:
                tables[r.name] = from_csv(read(r.path))
            except (UnicodeDecodeError, csv.Error) as exc:
                raise DiffError(f"{spec}: resource {r.name} ({r.path}) is not UTF-8 CSV ({exc})") from None
    except DiffError:
        raise
    except PackageError as exc:
        raise DiffError(str(exc)) from None
    return Package(spec, descriptor, tables)


@dataclass
class ResourceDiff:
    """What changed in one resource."""

    name: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    schema: list[str] = field(default_factory=list)
    bump: str = "none"


@dataclass
class PackageDiff:
    """What changed between two packages, and the smallest version bump it requires."""

    old: str
    new: str
    old_version: str | None
    new_version: str | None
    resources_added: list[str] = field(default_factory=list)
    resources_removed: list[str] = field(default_factory=list)
    metadata: list[str] = field(default_factory=list)
    resources: list[ResourceDiff] = field(default_factory=list)
    bump: str = "none"

    @property
    def empty(self) -> bool:
        return self.bump == "none"

    def to_json(self) -> str:
        return json.dumps(asdict(self) | {"bump": self.bump}, indent=2, ensure_ascii=False) + "\n"


def _field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str], str]:
    """Schema changes of one resource and the bump they need."""
    notes: list[str] = []
    bump = "none"
    old_fields = {f["name"]: f for f in old.get("fields", [])}
    new_fields = {f["name"]: f for f in new.get("fields", [])}
    for name in old_fields.keys() - new_fields.keys():
        notes.append(f"field removed: {name}")
        bump = _max(bump, "major")
    for name in new_fields.keys() - old_fields.keys():
        notes.append(f"field added: {name}")
        bump = _max(bump, "minor")
    common_old = [n for n in old_fields if n in new_fields]
    common_new = [n for n in new_fields if n in old_fields]
    if common_old != common_new:
        notes.append("fields reordered")
        bump = _max(bump, "major")
    for name in common_old:
        a, b = old_fields[name], new_fields[name]
        for key in ("type", "itemType", "delimiter"):  # how a cell is read: a list's items and separator too
            if a.get(key) != b.get(key):
                notes.append(f"field {name}: {key} {a.get(key)} -> {b.get(key)}")
                bump = _max(bump, "major")
        ca, cb = a.get("constraints", {}), b.get("constraints", {})
        for key in sorted(ca.keys() | cb.keys()):
            if ca.get(key) == cb.get(key):
                continue
            notes.append(f"field {name}: constraint {key} {ca.get(key)!r} -> {cb.get(key)!r}")
            bump = _max(bump, _constraint_bump(key, ca.get(key), cb.get(key)))
        for key in ("description", "title", "categories"):
            if a.get(key) != b.get(key):
                notes.append(f"field {name}: {key} changed")
                loosened = key == "categories" and _as_set(a.get(key)) <= _as_set(b.get(key))
                bump = _max(bump, "minor" if loosened else ("major" if key == "categories" else "patch"))
    added = new_fields.keys() - old_fields.keys()
    for key in ("primaryKey", "foreignKeys", "missingValues"):
        if old.get(key) != new.get(key):
            notes.append(f"{key} changed")
            bump = _max(bump, "minor" if key == "foreignKeys" and _keys_of_added_fields(old, new, added) else "major")
    return notes, bump


def _keys_of_added_fields(old: dict[str, Any], new: dict[str, Any], added: set[str]) -> bool:
    """Every old foreign key is kept, and each new one belongs to a field that is new too:
    a minor change (no existing value can start to fail)."""
    before, after = old.get("foreignKeys") or [], new.get("foreignKeys") or []
    if any(fk not in after for fk in before):
        return False
    return all(set(_as_list(fk.get("fields"))) <= added for fk in after if fk not in before)


def _as_list(value: Any) -> list[str]:
    return value if isinstance(value, list) else [value]


def _as_set(value: Any) -> set[Any]:
    """The categories of a field as a set (none when they are not a list of values)."""
    return {v for v in value if isinstance(v, (str, int, float))} if isinstance(value, list) else set()


def _constraint_bump(key: str, old: Any, new: Any) -> str:
    """A constraint that accepts less than before is breaking; one that accepts more is not."""
    if new is None:
        return "minor"
    if old is None:
        return "major"
    try:
        if key == "enum":
            return "minor" if set(old) <= set(new) else "major"
        if key in ("minimum", "minLength"):
            return "minor" if new <= old else "major"
        if key in ("maximum", "maxLength"):
            return "minor" if new >= old else "major"
    except TypeError:  # values that cannot be compared (a malformed or retyped constraint)
        return "major"
    return "major"


def _key(descriptor: dict[str, Any]) -> list[str]:
    pk = descriptor.get("schema", {}).get("primaryKey", [])
    return [pk] if isinstance(pk, str) else list(pk)


def _row_changes(resource: dict[str, Any], old_rows, new_rows, diff: ResourceDiff) -> str:
    key = _key(resource)
    keyed = lambda rows: {"|".join(r.get(k, "") for k in key): r for r in rows}  # noqa: E731
    old, new = keyed(old_rows), keyed(new_rows)
    diff.removed = sorted(old.keys() - new.keys())
    diff.added = sorted(new.keys() - old.keys())
    for k in sorted(old.keys() & new.keys()):
        changes = {
            f: [old[k].get(f, ""), new[k].get(f, "")]
            for f in sorted(old[k].keys() | new[k].keys())
            if old[k].get(f, "") != new[k].get(f, "")
        }
        if changes:
            diff.changed[k] = changes
    if diff.removed:
        return "major"
    if diff.added:
        return "minor"
    return "patch" if diff.changed else "none"


def diff_packages(old: Package, new: Package) -> PackageDiff:
    """Every difference between two packages, by resource and primary key."""
    out = PackageDiff(old.label, new.label, old.descriptor.get("version"), new.descriptor.get("version"))
    bumps = ["none"]
    skip = {"resources", "version"}
    for key in sorted((old.descriptor.keys() | new.descriptor.keys()) - skip):
        if old.descriptor.get(key) != new.descriptor.get(key):
            out.metadata.append(key)
            bumps.append("patch")
    old_res = {r["name"]: r for r in old.descriptor.get("resources", [])}
    new_res = {r["name"]: r for r in new.descriptor.get("resources", [])}
    out.resources_removed = sorted(old_res.keys() - new_res.keys())
    out.resources_added = sorted(new_res.keys() - old_res.keys())
    if out.resources_removed:
        bumps.append("major")
    if out.resources_added:
        bumps.append("minor")
    common = [n for n in old_res if n in new_res]
    if common != [n for n in new_res if n in old_res]:
        out.metadata.append("resources reordered")
        bumps.append("major")
    for name in common:
        rd = ResourceDiff(name)
        notes, schema_bump = _field_changes(old_res[name].get("schema", {}), new_res[name].get("schema", {}))
        rd.schema = notes
        for key in ("path", "title", "description"):
            if old_res[name].get(key) != new_res[name].get(key):
                rd.schema.append(f"resource {key} changed")
                schema_bump = _max(schema_bump, "major" if key == "path" else "patch")
        row_bump = _row_changes(new_res[name], old.tables[name], new.tables[name], rd)
        rd.bump = _max(schema_bump, row_bump)
        bumps.append(rd.bump)
        out.resources.append(rd)
    out.bump = _max(*bumps)
    return out


def render(diff: PackageDiff, limit: int = 20) -> str:
    """A human-readable report."""
    lines = [f"{diff.old} ({diff.old_version}) -> {diff.new} ({diff.new_version})"]
    for name in diff.resources_added:
        lines.append(f"+ resource {name}")
    for name in diff.resources_removed:
        lines.append(f"- resource {name}")
    for key in diff.metadata:
        lines.append(f"~ package {key}")
    for rd in diff.resources:
        if rd.bump == "none":
            continue
        lines.append(
            f"{rd.name}: {len(rd.added)} added, {len(rd.removed)} removed, {len(rd.changed)} changed"
            f" (needs {rd.bump})"
        )
        lines += [f"  schema: {note}" for note in rd.schema]
        lines += [f"  + {k}" for k in rd.added[:limit]]
        lines += [f"  - {k}" for k in rd.removed[:limit]]
        for k, changes in list(rd.changed.items())[:limit]:
            for f, (a, b) in changes.items():
                lines.append(f"  ~ {k} {f}: {a!r} -> {b!r}")
    lines.append(f"smallest version bump required: {diff.bump}")
    return "\n".join(lines) + "\n"

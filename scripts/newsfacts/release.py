"""The release check: data or schema changes since the last release need a version bump
at least as large as they require, and a CHANGELOG entry for the new version."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from newsfacts.diff import BUMPS, PackageDiff, diff_packages, read_package

HEADINGS = ("Added", "Changed", "Fixed", "Removed", "Breaking")
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def parse_version(text: str) -> tuple[int, int, int]:
    m = _VERSION.match(text or "")
    if not m:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {text!r}")
    return int(m[1]), int(m[2]), int(m[3])


def bump_between(old: str, new: str) -> str:
    """The kind of bump from old to new ('none' when equal; 'backwards' when lower)."""
    a, b = parse_version(old), parse_version(new)
    if b == a:
        return "none"
    if b < a:
        return "backwards"
    if b[0] > a[0]:
        return "major"
    if b[1] > a[1]:
        return "minor"
    return "patch"


def changelog_versions(text: str) -> list[str]:
    """Versions of the CHANGELOG's entries, newest first."""
    return re.findall(r"^## (\d+\.\d+\.\d+)\b", text, flags=re.M)


def changelog_entry(text: str, version: str) -> str | None:
    """The body of the CHANGELOG entry for `version`, or None."""
    m = re.search(rf"^## {re.escape(version)}\b.*?$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return m.group(1) if m else None


def changelog_date(text: str, version: str) -> str | None:
    """The release date of the CHANGELOG entry for `version` ('## 1.2.0 - 2026-11-28'), or None."""
    m = re.search(rf"^## {re.escape(version)} - (\d{{4}}-\d{{2}}-\d{{2}})\s*$", text, flags=re.M)
    return m.group(1) if m else None


def _git(repo: Path, *args: str) -> str | None:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else None


class ReleaseError(ValueError):
    """The last release cannot be found, so nothing could be checked; the message says what
    history the check needs."""


def baseline_ref(repo: Path) -> str | None:
    """The last release: the newest tag vX.Y.Z reachable from HEAD, or else the newest commit
    whose datapackage.json has the CHANGELOG's previous version. None only when there is no
    earlier release (no such tag, and the CHANGELOG names one version at most); ReleaseError
    when there is one but this checkout cannot show it (a shallow clone, a copy outside
    git, tags not fetched)."""
    tag = _git(repo, "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", "HEAD")
    if tag:
        return tag
    versions = changelog_versions((repo / "CHANGELOG.md").read_text(encoding="utf-8"))
    if len(versions) < 2:
        return None
    previous = versions[1]
    for commit in (_git(repo, "rev-list", "HEAD", "--", "datapackage.json") or "").split():
        raw = _git(repo, "show", f"{commit}:datapackage.json")
        try:
            found = raw and json.loads(raw).get("version") == previous
        except (json.JSONDecodeError, AttributeError):
            found = False
        if found:
            return commit
    raise ReleaseError(missing_history(repo, previous))


def missing_history(repo: Path, previous: str) -> str:
    """Why the last release (CHANGELOG version `previous`) cannot be found, and what to fetch."""
    wanted = f"cannot find the last release {previous} (no tag v{previous} and no commit whose datapackage.json has it)"
    if _git(repo, "rev-parse", "--git-dir") is None:
        return (f"{repo}: not a git repository, so {wanted}; release-check needs the history and tags: "
                "run it in a git clone (git clone, then git fetch --tags)")
    if _git(repo, "rev-parse", "--is-shallow-repository") == "true":
        return f"{repo}: a shallow clone, so {wanted}; release-check needs the history and tags: git fetch --tags --unshallow"
    return f"{repo}: {wanted}; release-check needs the release tags: git fetch --tags"


@dataclass
class ReleaseCheck:
    """The outcome of a release check."""

    baseline: str | None
    diff: PackageDiff | None
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_release(repo: Path, against: str | None = None) -> ReleaseCheck:
    """Compare the working tree's package with the last release (or `against`)."""
    ref = against or baseline_ref(repo)
    if ref is None:
        return ReleaseCheck(None, None, [])
    old = read_package(ref, repo)
    new = read_package(str(repo))
    diff = diff_packages(old, new)
    old_v, new_v = diff.old_version or "0.0.0", diff.new_version or "0.0.0"
    problems: list[str] = _citation_version(repo, new_v)
    if diff.empty:
        return ReleaseCheck(ref, diff, problems)
    moved = bump_between(old_v, new_v)
    if moved == "backwards":
        problems.append(f"version went backwards: {old_v} -> {new_v}")
    elif BUMPS.index(moved) < BUMPS.index(diff.bump):
        problems.append(
            f"the changes since {ref} ({old_v}) need a {diff.bump} version bump; "
            f"the version is {new_v} ({moved})"
        )
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog_entry(changelog, new_v) if moved not in ("none", "backwards") else None
    if moved not in ("none", "backwards"):
        if entry is None:
            problems.append(f"CHANGELOG.md has no entry for {new_v}")
        elif not any(re.search(rf"^### {h}\b", entry, flags=re.M) for h in HEADINGS):
            problems.append(f"CHANGELOG.md entry {new_v} has none of the headings {', '.join(HEADINGS)}")
        if diff.bump == "major" and entry is not None and not any(
                re.search(r"^### Breaking\b", changelog_entry(changelog, v) or "", flags=re.M)
                for v in changelog_versions(changelog) if parse_version(old_v) < parse_version(v) <= parse_version(new_v)):
            # a check against an older release (2.0.1 against 1.3.0) finds the break in the entry that made it (2.0.0)
            problems.append(f"CHANGELOG.md entry {new_v} needs a '### Breaking' section for a major change "
                            f"(no entry since {old_v} has one)")
    problems += _unmapped_ids(diff, new.tables.get("id_changes", []))
    return ReleaseCheck(ref, diff, problems)


def _unmapped_ids(diff: PackageDiff, id_changes: list[dict[str, str]]) -> list[str]:
    """Every id that disappeared must be listed in data/id_changes.csv."""
    mapped = {(r["table"], r["old_id"]) for r in id_changes}
    missing = [
        f"{rd.name}:{key}" for rd in diff.resources if rd.name != "id_changes"
        for key in rd.removed if (rd.name, key) not in mapped
    ]
    if not missing:
        return []
    shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
    return [f"{len(missing)} removed id(s) are not in scripts/newsfacts/reference/id_changes.csv: {shown}"]


def _citation_version(repo: Path, version: str) -> list[str]:
    path = repo / "CITATION.cff"
    if not path.is_file():
        return []
    m = re.search(r"^version:\s*(\S+)", path.read_text(encoding="utf-8"), flags=re.M)
    if m is None or m.group(1) != version:
        return [f"CITATION.cff version {m.group(1) if m else 'missing'} is not the package version {version}"]
    return []

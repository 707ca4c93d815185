"""Versions, diff and the release check, on copies of the committed package."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsfacts
from click.testing import CliRunner

from conftest import ROOT
from newsfacts.cli import main
from newsfacts.diff import diff_packages, read_package
from newsfacts.release import bump_between, changelog_entry, check_release


def _copy(tmp_path: Path, name: str = "pkg") -> Path:
    dest = tmp_path / name
    shutil.copytree(ROOT / "data", dest / "data")
    shutil.copyfile(ROOT / "datapackage.json", dest / "datapackage.json")
    return dest


def _rewrite(pkg: Path, resource: str, old: str, new: str) -> None:
    path = pkg / "data" / f"{resource}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_same_package_no_difference(tmp_path: Path) -> None:
    d = diff_packages(read_package(str(ROOT)), read_package(str(_copy(tmp_path))))
    assert d.empty and d.bump == "none"


def test_changed_value_is_a_patch_with_old_and_new(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    _rewrite(pkg, "figures", ",7000,container,", ",7500,container,")
    d = diff_packages(read_package(str(ROOT)), read_package(str(pkg)))
    figures = next(r for r in d.resources if r.name == "figures")
    (key, changes), = figures.changed.items()
    assert key.startswith("fg-") and changes == {"value": ["7000", "7500"]}
    assert d.bump == "patch"


def test_added_row_is_minor_and_removed_row_major(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    path = pkg / "data/actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + ["zz-new,ZZ,organization,,,\n"]), encoding="utf-8")
    assert diff_packages(read_package(str(ROOT)), read_package(str(pkg))).bump == "minor"
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    d = diff_packages(read_package(str(ROOT)), read_package(str(pkg)))
    assert d.bump == "major"
    assert next(r for r in d.resources if r.name == "actors").removed == [lines[-1].split(",")[0]]


def _edit_descriptor(pkg: Path, edit) -> None:
    path = pkg / "datapackage.json"
    d = json.loads(path.read_text(encoding="utf-8"))
    edit(d)
    path.write_text(json.dumps(d), encoding="utf-8")


def _schema(d: dict, name: str) -> dict:
    return next(r for r in d["resources"] if r["name"] == name)["schema"]


@pytest.mark.parametrize(
    "edit, bump",
    [
        (lambda d: _schema(d, "figures")["fields"].pop(), "major"),
        (lambda d: _schema(d, "figures")["fields"].__setitem__(4, {**_schema(d, "figures")["fields"][4], "type": "string"}), "major"),
        (lambda d: _schema(d, "actors")["fields"][3]["constraints"].update(required=True), "major"),
        (lambda d: _schema(d, "figures")["fields"][6]["constraints"].update(enum=["eq", "approx"]), "major"),
        (lambda d: _schema(d, "figures")["fields"][6]["constraints"].update(enum=["eq", "approx", "gt", "gte", "lt", "lte", "ne"]), "minor"),
        (lambda d: _schema(d, "actors")["fields"][3]["constraints"].pop("pattern"), "minor"),
        (lambda d: d.update(title="Another title"), "patch"),
        (lambda d: _schema(d, "actors")["fields"][5].update(delimiter=";"), "major"),
        (lambda d: _schema(d, "actors")["fields"][5].update(itemType="integer"), "major"),
        (lambda d: _schema(d, "actors")["fields"][5].update(type="string"), "major"),
        (lambda d: d["resources"].pop(), "major"),
        (lambda d: _schema(d, "events")["foreignKeys"].pop(), "major"),
        (lambda d: _schema(d, "events")["foreignKeys"].append(
            {"fields": "target_id", "reference": {"resource": "sources", "fields": "source_id"}}), "major"),
        (lambda d: (_schema(d, "events")["fields"].append({"name": "x_id", "type": "string"}),
                    _schema(d, "events")["foreignKeys"].append(
                        {"fields": "x_id", "reference": {"resource": "statements", "fields": "statement_id"}})), "minor"),
    ],
)
def test_schema_changes_need_their_bump(tmp_path: Path, edit, bump: str) -> None:
    pkg = _copy(tmp_path)
    _edit_descriptor(pkg, edit)
    assert diff_packages(read_package(str(ROOT)), read_package(str(pkg), pkg)).bump == bump


def test_diff_cli_exit_codes_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    pkg = _copy(tmp_path)
    assert runner.invoke(main, ["diff", str(ROOT), str(pkg)]).exit_code == 0
    _rewrite(pkg, "figures", ",7000,container,", ",7500,container,")
    result = runner.invoke(main, ["diff", str(ROOT / "datapackage.json"), str(pkg), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["bump"] == "patch"
    result = runner.invoke(main, ["diff", str(ROOT), str(pkg)])
    assert "'7000' -> '7500'" in result.stdout and "patch" in result.stdout
    bad = runner.invoke(main, ["diff", str(tmp_path / "missing-dir"), str(pkg), "--repo", str(ROOT)])
    assert bad.exit_code == 2 and "Error" in bad.stderr


def test_aliases_as_a_list_is_a_major_change_since_1_3_0() -> None:
    """Release 2.0.0 retypes actors.aliases (string -> list, same CSV bytes): diff and the
    release check against v1.3.0 call it major, and the version is 2.0.0."""
    if subprocess.run(["git", "rev-parse", "--verify", "-q", "v1.3.0"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("no tag v1.3.0 in this clone")
    d = diff_packages(read_package("v1.3.0", ROOT), read_package(str(ROOT)))
    actors = next(r for r in d.resources if r.name == "actors")
    assert "field aliases: type string -> list" in actors.schema and actors.bump == "major"
    assert actors.changed == {} and actors.added == [] and actors.removed == []  # the cells are the same
    assert d.bump == "major" and bump_between("1.3.0", newsfacts.__version__) == "major"
    result = CliRunner().invoke(main, ["diff", "v1.3.0", str(ROOT), "--repo", str(ROOT), "--json"])
    assert result.exit_code == 1 and json.loads(result.stdout)["bump"] == "major"
    assert check_release(ROOT, against="v1.3.0").ok


def test_a_major_change_needs_a_breaking_section_in_some_entry_since_the_baseline(tmp_path: Path) -> None:
    """Checked against 1.3.0, a later patch release (2.0.1) passes through the Breaking
    section of 2.0.0, the entry that made the change; without any, the check fails."""
    if subprocess.run(["git", "rev-parse", "--verify", "-q", "v1.3.0"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("no tag v1.3.0 in this clone")
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True, capture_output=True)
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert check_release(repo, against="v1.3.0").ok
    (repo / "CHANGELOG.md").write_text(changelog.replace("### Breaking", "### Changed"), encoding="utf-8")
    problems = check_release(repo, against="v1.3.0").problems
    assert any("needs a '### Breaking' section" in p and "since 1.3.0" in p for p in problems), problems


def test_diff_against_a_git_ref(released_repo: Path) -> None:
    result = CliRunner().invoke(main, ["diff", "HEAD", str(released_repo), "--repo", str(released_repo), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["bump"] == "none"
    _rewrite(released_repo, "figures", ",7000,container,", ",7500,container,")
    result = CliRunner().invoke(main, ["diff", "HEAD", str(released_repo), "--repo", str(released_repo), "--json"])
    assert result.exit_code == 1 and json.loads(result.stdout)["bump"] == "patch"


def test_version_bump_kinds() -> None:
    assert bump_between("1.0.0", "1.0.0") == "none"
    assert bump_between("1.0.0", "1.0.1") == "patch"
    assert bump_between("1.0.3", "1.1.0") == "minor"
    assert bump_between("1.4.0", "2.0.0") == "major"
    assert bump_between("1.1.0", "1.0.9") == "backwards"
    text = "# C\n\n## 1.1.0 - x\n\n### Added\n- a\n\n## 1.0.0 - y\n\n### Added\n- b\n"
    assert "- a" in changelog_entry(text, "1.1.0") and "- b" not in changelog_entry(text, "1.1.0")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture()
def released_repo(tmp_path: Path) -> Path:
    """A clone of this repository's committed files, with its HEAD tagged as a release."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True, capture_output=True)
    for rel in ["data", "datapackage.json", "docs", "scripts", "seeds", "CHANGELOG.md", "CITATION.cff"]:
        src = ROOT / rel
        if src.is_dir():
            shutil.rmtree(repo / rel, ignore_errors=True)
            shutil.copytree(src, repo / rel, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copyfile(src, repo / rel)
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "state")
    version = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
    _git(repo, "tag", "-f", f"v{version}")  # the clone may already carry the real tag
    return repo


def _rebuild(repo: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(repo / "scripts")}
    code = "from newsfacts.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, "build", "--root", str(repo)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def _bump(repo: Path, new: str, heading: str) -> None:
    init = repo / "scripts/newsfacts/__init__.py"
    text = init.read_text(encoding="utf-8")
    old = text.split('__version__ = "')[1].split('"')[0]
    init.write_text(text.replace(f'__version__ = "{old}"', f'__version__ = "{new}"'), encoding="utf-8")
    log = repo / "CHANGELOG.md"
    body = log.read_text(encoding="utf-8")
    first = body.index("\n## ")
    entry = f"\n## {new} - 2026-11-27\n\n### {heading}\n- the seed's title metadata.\n"
    log.write_text(body[:first] + entry + body[first:], encoding="utf-8")


def test_release_check_passes_on_the_release_itself(released_repo: Path) -> None:
    result = check_release(released_repo)
    assert result.ok and result.baseline and result.baseline.startswith("v")


def test_changed_seed_value_fails_until_version_and_changelog_move(released_repo: Path) -> None:
    sidecar = released_repo / "seeds/000_bb5d0af167e4fb00.json"
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    meta["title"] = "A corrected title"
    sidecar.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    _rebuild(released_repo)
    failing = check_release(released_repo)
    assert not failing.ok and failing.diff.bump == "patch"
    assert any("need a patch" in p for p in failing.problems)
    result = CliRunner().invoke(main, ["release-check", "--repo", str(released_repo)])
    assert result.exit_code == 1 and "patch" in result.stderr
    major, minor, patch = (int(x) for x in newsfacts.__version__.split("."))
    _bump(released_repo, f"{major}.{minor}.{patch + 1}", "Fixed")
    _rebuild(released_repo)
    assert check_release(released_repo).ok


def test_removed_row_needs_a_major_bump_with_breaking_entry(released_repo: Path) -> None:
    path = released_repo / "data/actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    assert check_release(released_repo).diff.bump == "major"
    major, minor, _ = (int(x) for x in newsfacts.__version__.split("."))
    minor_bump = f"{major}.{minor + 1}.0"  # not enough for a removed row
    _bump(released_repo, minor_bump, "Removed")
    descriptor = json.loads((released_repo / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["version"] = minor_bump
    (released_repo / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert any("need a major" in p for p in check_release(released_repo).problems)


def test_release_check_of_this_repository() -> None:
    """CI's own check: this working tree against its last release."""
    result = check_release(ROOT)
    assert result.ok, result.problems


def test_removed_ids_must_be_mapped(tmp_path: Path) -> None:
    from newsfacts.release import _unmapped_ids

    pkg = _copy(tmp_path)
    path = pkg / "data/actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    removed = lines[-1].split(",")[0]
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    d = diff_packages(read_package(str(ROOT)), read_package(str(pkg)))
    assert any(removed in p for p in _unmapped_ids(d, []))
    mapped = [{"table": "actors", "old_id": removed, "new_id": "", "version": "2.0.0", "reason": "merged"}]
    assert _unmapped_ids(d, mapped) == []


def test_id_changes_are_checked_at_build() -> None:
    from newsfacts.package import BuildError, check_id_changes

    rows = {"statements": [{"statement_id": "st-aaaaaaaaaaaa"}],
            "id_changes": [{"table": "statements", "old_id": "st-aaaaaaaaaaaa", "new_id": None}]}
    with pytest.raises(BuildError, match="still exists"):
        check_id_changes(rows)
    rows["id_changes"] = [{"table": "statements", "old_id": "st-bbbbbbbbbbbb", "new_id": "st-cccccccccccc"}]
    with pytest.raises(BuildError, match="is not in statements"):
        check_id_changes(rows)
    rows["id_changes"] = [{"table": "statements", "old_id": "st-bbbbbbbbbbbb", "new_id": "st-aaaaaaaaaaaa"}]
    check_id_changes(rows)


def test_citation_must_follow_the_version(released_repo: Path) -> None:
    cff = released_repo / "CITATION.cff"
    cff.write_text(cff.read_text(encoding="utf-8").replace("version: ", "version: 9"), encoding="utf-8")
    problems = check_release(released_repo, against="HEAD").problems
    assert any(f"CITATION.cff version 9{newsfacts.__version__}" in p for p in problems)

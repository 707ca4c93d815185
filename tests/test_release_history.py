"""release-check needs the last release: in a shallow clone or outside git it fails and says
what history to fetch, instead of passing by checking nothing (issue 10, item 11)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfacts.cli import main
from newsfacts.release import ReleaseError, baseline_ref

CHANGELOG = "# Changelog\n\n## 2.0.0 - 2026-01-02\n\n### Added\n- b\n\n## 1.0.0 - 2026-01-01\n\n### Added\n- a\n"


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                            cwd=repo, check=True, capture_output=True, text=True)
    return result.stdout.strip()


def _commit(repo: Path, version: str, message: str) -> None:
    (repo / "datapackage.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)


@pytest.fixture()
def history(tmp_path: Path) -> Path:
    """A repository whose release 1.0.0 is tagged, followed by the commit of 2.0.0."""
    repo = tmp_path / "origin"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    _commit(repo, "1.0.0", "release 1.0.0")
    _git(repo, "tag", "v1.0.0")
    _commit(repo, "2.0.0", "work towards 2.0.0")
    return repo


def _one_line_error(repo: Path) -> str:
    result = CliRunner().invoke(main, ["release-check", "--repo", str(repo)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    (line,) = result.stderr.strip().splitlines()
    return line


def test_a_full_clone_finds_the_release(history: Path, tmp_path: Path) -> None:
    clone = tmp_path / "full"
    subprocess.run(["git", "clone", "-q", str(history), str(clone)], check=True, capture_output=True)
    assert baseline_ref(clone) == "v1.0.0"


def test_a_shallow_clone_fails_saying_what_to_fetch(history: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", history.as_uri(), str(clone)], check=True, capture_output=True)
    with pytest.raises(ReleaseError, match=r"shallow clone.*1\.0\.0.*git fetch --tags --unshallow"):
        baseline_ref(clone)
    assert "git fetch --tags --unshallow" in _one_line_error(clone)
    _git(clone, "fetch", "-q", "--tags", "--unshallow")  # the advice works
    assert baseline_ref(clone) == "v1.0.0"


def test_a_clone_without_tags_still_finds_the_release_commit(history: Path, tmp_path: Path) -> None:
    clone = tmp_path / "notags"
    subprocess.run(["git", "clone", "-q", "--no-tags", history.as_uri(), str(clone)], check=True, capture_output=True)
    ref = baseline_ref(clone)
    assert ref and _git(clone, "show", f"{ref}:datapackage.json") == json.dumps({"version": "1.0.0"})


def test_outside_git_fails_saying_it_needs_a_clone(history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # even when the temporary folder sits in a repository
    copy = tmp_path / "copy"
    shutil.copytree(history, copy, ignore=shutil.ignore_patterns(".git"))
    with pytest.raises(ReleaseError, match=r"not a git repository.*1\.0\.0"):
        baseline_ref(copy)
    assert "not a git repository" in _one_line_error(copy)


def test_a_first_release_has_nothing_to_check(tmp_path: Path) -> None:
    copy = tmp_path / "first"
    copy.mkdir()
    (copy / "CHANGELOG.md").write_text("# Changelog\n\n## 1.0.0 - 2026-01-01\n\n### Added\n- a\n", encoding="utf-8")
    assert baseline_ref(copy) is None

"""The README's commands and example work, and version numbers agree."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import ROOT
from newsfacts import __version__


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_python_example_runs() -> None:
    (code,) = re.findall(r"```python\n(.*?)```", _readme(), flags=re.S)  # the Dask example is "```python dask"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "speaker_id" in result.stdout and "antony-blinken" in result.stdout


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"^(\./scripts/\S+)", _readme(), flags=re.M)
    assert commands[:2] == ["./scripts/build.sh", "./scripts/test.sh"]
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci
    for script in commands[:2]:
        assert os.access(ROOT / script, os.X_OK)


def test_one_version_everywhere() -> None:
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    top = re.search(r"^## (\d+\.\d+\.\d+)", changelog, flags=re.M)
    assert top and top.group(1) == __version__ == descriptor["version"]
    citation = re.search(r"^> the war against Ukraine\*, version (\S+)\. ", _readme(), flags=re.M)
    assert citation and citation.group(1) == __version__, "the README's citation names another version"


def test_gitattributes_protect_bytes() -> None:
    attrs = (ROOT / ".gitattributes").read_text(encoding="utf-8").split("\n")
    assert "*.csv -text" in attrs and "seeds/** -text" in attrs


def test_release_date_comes_from_the_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    date = re.search(rf"^## {re.escape(__version__)} - (\S+)$", changelog, flags=re.M).group(1)
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["created"] == f"{date}T00:00:00Z"
    assert f'date-released: "{date}"' in (ROOT / "CITATION.cff").read_text(encoding="utf-8")


def _readme_commands() -> list[list[str]]:
    """The arguments of every `.venv/bin/newsfacts` command in the README's shell blocks."""
    import shlex

    out = []
    for block in re.findall(r"```sh\n(.*?)```", _readme(), flags=re.S):
        for line in block.splitlines():
            if ".venv/bin/newsfacts " not in line:
                continue
            command = line.split(".venv/bin/newsfacts ", 1)[1].split("#", 1)[0].split("|", 1)[0]
            out.append(shlex.split(command))
    return out


def test_readme_commands_name_real_commands_and_options() -> None:
    import click

    from newsfacts.cli import main

    commands = _readme_commands()
    assert len(commands) >= 10
    for args in commands:
        command = main.commands.get(args[0])
        assert command is not None, args
        known = {o for p in [*command.params, *main.params] if isinstance(p, click.Option) for o in p.opts + p.secondary_opts}
        for token in args[1:]:
            if token.startswith("-") and token != "-":
                assert token.split("=", 1)[0] in known, f"{args[0]}: unknown option {token}"


def test_readme_diff_runs_as_written() -> None:
    if subprocess.run(["git", "rev-parse", "-q", "--verify", "refs/tags/v1.2.0"], cwd=ROOT, capture_output=True).returncode:
        import pytest

        pytest.skip("this clone has no release tags")
    newsfacts = os.path.join(os.path.dirname(sys.executable), "newsfacts")
    diffs = [args for args in _readme_commands() if args[0] == "diff"]
    assert diffs
    for args in diffs:
        result = subprocess.run([newsfacts, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode in (0, 1), result.stderr
        if "--json" in args:
            assert "resources" in json.loads(result.stdout)


def test_build_help_lists_every_file_it_writes() -> None:
    from click.testing import CliRunner

    from newsfacts.build import build_files
    from newsfacts.cli import main

    text = " ".join(CliRunner().invoke(main, ["build", "-h"]).output.split())
    for rel in build_files(ROOT):
        assert (rel if not rel.startswith("data/") else "data/*.csv") in text, rel


def test_readme_counts_the_test_articles() -> None:
    articles = len(list((ROOT / "tests/articles").glob("*.txt")))
    assert f"the seed, {articles} short articles" in _readme()
    assert f"| seed + own articles ({articles + 1}) |" in _readme()


def test_the_descriptor_names_contributors_with_roles() -> None:
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    contributors = descriptor["contributors"]
    assert contributors and all(c["title"] and c["roles"] and all(isinstance(r, str) for r in c["roles"]) for c in contributors)
    assert "creator" in {r for c in contributors for r in c["roles"]}


def test_readme_dask_example_runs(tmp_path) -> None:
    """The README's Dask recipe, run as written on an archive of the repository's articles."""
    import shutil

    (code,) = re.findall(r"```python dask\n(.*?)```", _readme(), flags=re.S)
    (tmp_path / "archive").mkdir()
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "articles").glob("*.txt"))[:3]]:
        shutil.copyfile(path, tmp_path / "archive" / path.name)
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^\d+ statements$", result.stdout, flags=re.M) and "Antony Blinken" in result.stdout
    assert len(list((tmp_path / "dataset" / "statements").glob("part-*.parquet"))) == 1

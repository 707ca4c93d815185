"""CLI conventions: -q/-v on every command, --json outputs, exit codes, a quick start-up."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import OWN_ARTICLES, ROOT
from newsfacts.cli import EXIT_CODES, main


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_every_command_has_quiet_and_verbose() -> None:
    for command in [main, *main.commands.values()]:
        flags = {opt for p in command.params if isinstance(p, click.Option) for opt in p.opts}
        assert {"-q", "--quiet", "-v", "--verbose"} <= flags, command.name


def test_quiet_silences_and_verbose_adds(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    normal = runner.invoke(main, ["extract", str(OWN_ARTICLES[0]), "-o", str(out)])
    assert normal.exit_code == 0 and normal.stderr.strip() == f"wrote 1 article(s) to {out}"
    quiet = runner.invoke(main, ["extract", str(OWN_ARTICLES[0]), "-o", str(out), "-q", "--force"])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == ""
    verbose = runner.invoke(main, ["-v", "extract", str(OWN_ARTICLES[0]), "-o", str(out), "--force"])
    assert verbose.exit_code == 0
    assert f"reading {OWN_ARTICLES[0]}" in verbose.stderr and re.search(r"\d+ statements", verbose.stderr)
    assert runner.invoke(main, ["-q", "validate", str(out)]).stderr == ""
    both = runner.invoke(main, ["-q", "validate", "-v", str(out)])
    assert both.exit_code == 2 and "cannot be used together" in both.stderr


def test_quiet_keeps_errors_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", "-q", str(tmp_path)])
    assert result.exit_code == 1 and "datapackage.json" in result.stderr and result.stdout == ""


def test_validate_json_lists_errors_with_file_row_field_and_code(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    assert runner.invoke(main, ["extract", str(OWN_ARTICLES[0]), "-o", str(out)]).exit_code == 0
    good = runner.invoke(main, ["validate", str(out), "--json"])
    assert good.exit_code == 0 and json.loads(good.stdout) == {"package": str(out), "valid": True, "errors": []}
    # an article changed after extraction: its hash no longer matches the sources table
    article = next((out / "seeds").glob("*.txt"))
    article.write_bytes(article.read_bytes() + b" ")
    bad = runner.invoke(main, ["validate", str(out), "--json"])
    assert bad.exit_code == 1
    report = json.loads(bad.stdout)
    assert report["valid"] is False
    errors = report["errors"]
    assert all(set(e) == {"file", "row", "field", "code", "message"} for e in errors)
    assert {"file": "data/sources.csv", "row": 2, "field": "sha256", "code": "article-hash-error"}.items() <= errors[0].items()


def test_validate_json_carries_frictionless_error_codes(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    assert runner.invoke(main, ["extract", str(OWN_ARTICLES[0]), "-o", str(out)]).exit_code == 0
    table = out / "data/statements.csv"
    original = table.read_bytes()
    # a changed file whose descriptor was not updated: refused before anything reads it
    table.write_bytes(original + b"x\n")
    (error,) = json.loads(runner.invoke(main, ["validate", str(out), "--json"]).stdout)["errors"]
    assert (error["file"], error["code"]) == ("data/statements.csv", "byte-count")  # Frictionless' code for it
    # a bad value with the descriptor updated: Frictionless' type error, with its row and field
    rows = list(csv.reader(io.StringIO(original.decode("utf-8"), newline="")))
    rows[1][rows[0].index("start")] = "abc"
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    table.write_bytes(text.getvalue().encode("utf-8"))
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for r in descriptor["resources"]:
        if r["name"] == "statements":
            r["bytes"], r["hash"] = table.stat().st_size, "sha256:" + hashlib.sha256(table.read_bytes()).hexdigest()
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(out), "--json"])
    assert result.exit_code == 1
    errors = json.loads(result.stdout)["errors"]
    assert {"file": "data/statements.csv", "row": 2, "field": "start", "code": "type-error"}.items() <= errors[0].items()


def test_extract_json_summary(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    result = runner.invoke(main, ["extract", *map(str, OWN_ARTICLES[:2]), "-o", str(out), "--json", "-q"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["out"] == str(out)
    assert summary["sources"] == sorted(p.stem for p in OWN_ARTICLES[:2])
    statements = (out / "data/statements.csv").read_text(encoding="utf-8").count("\n") - 1
    assert summary["rows"]["statements"] == statements > 0
    assert set(summary["rows"]) == {"sources", "actors", "statements", "events", "figures", "id_changes"}
    folder = tmp_path / "named"  # ids that sort otherwise as file names ('a-b.txt' < 'a.txt'): listed by id
    folder.mkdir()
    for name in ("a_c", "a", "a-b"):
        (folder / f"{name}.txt").write_bytes(OWN_ARTICLES[0].read_bytes())
    result = runner.invoke(main, ["extract", str(folder), "-o", str(tmp_path / "named-pkg"), "--json", "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"] == ["a", "a-b", "a_c"]


def test_export_json_lists_the_files_written(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["export", "--format", "sqlite", "--out", str(tmp_path / "x.db"), "--json", "-q",
                                  "--package", str(ROOT)])
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert files == [str(tmp_path / "x.db"), str(tmp_path / "x.metadata.json")]
    assert all(Path(f).is_file() for f in files) and result.stderr == ""


def test_exit_codes_are_in_the_help_and_the_readme(runner: CliRunner) -> None:
    text = " ".join(runner.invoke(main, ["-h"]).output.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, meaning in EXIT_CODES.items():
        assert f"{code} {meaning}" in text
        assert f"| {code} | {meaning} |" in readme


@pytest.mark.parametrize("modules", ["newsfacts.cli", "newsfacts.cli, newsfacts.build, newsfacts.pipeline"])
def test_importing_the_cli_imports_no_heavy_library(modules: str) -> None:
    """Neither the CLI nor what `extract` uses (the build module, the pipeline) imports
    pandas, numpy, matplotlib, frictionless or pyarrow: only the repository's build does."""
    code = (
        f"import sys, {modules}; "
        "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib', 'frictionless', 'pyarrow') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

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
    (code,) = re.findall(r"```python\n(.*?)```", _readme(), flags=re.S)
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

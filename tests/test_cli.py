"""The command line, through click's CliRunner: help, version, commands and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import OWN_ARTICLES, ROOT, SEED
from newsfacts import __version__
from newsfacts.article import MAX_BYTES
from newsfacts.cli import main
from newsfacts.validate import validate_package


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _commands() -> list[click.Command]:
    return [main, *main.commands.values()]


def test_every_command_and_option_has_help() -> None:
    for command in _commands():
        assert command.help, command.name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{command.name} {param.name}"


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["build", "-h"], ["extract", "--help"], ["validate", "-h"]])
def test_help(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_build_in_a_copy_of_the_repository(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copyfile(ROOT / "CHANGELOG.md", tmp_path / "CHANGELOG.md")  # the release date
    result = runner.invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for rel in ["datapackage.json", "data/statements.csv", "docs/codebook.md"]:
        assert (tmp_path / rel).read_bytes() == (ROOT / rel).read_bytes()
    assert runner.invoke(main, ["validate", str(tmp_path)]).exit_code == 0


def test_extract_seed_copy_and_own_articles(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copyfile(SEED, copy)
    out = tmp_path / "out"
    result = runner.invoke(main, ["extract", str(copy), *map(str, OWN_ARTICLES), "--out", str(out), "--published", "2024-06-21"])
    assert result.exit_code == 0, result.output
    assert (out / "seeds/copy.txt").read_bytes() == SEED.read_bytes()
    assert validate_package(out) == []
    import csv

    with open(out / "data/statements.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["source_id"] for r in rows} == {"copy", *(p.stem for p in OWN_ARTICLES)}
    assert sum(r["source_id"] == "copy" for r in rows) == 14  # the seed's 14 statements
    assert runner.invoke(main, ["validate", str(out)]).exit_code == 0


def test_extract_uses_the_sidecar_date_unless_told_otherwise(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Russia launched missiles at Kyiv on June 3, the Ukrainian Air Force said.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"published": "2023-06-05"}', encoding="utf-8")
    out = tmp_path / "o"
    assert runner.invoke(main, ["extract", str(src), "--out", str(out)]).exit_code == 0
    assert "2023-06-03" in (out / "data/events.csv").read_text(encoding="utf-8")
    out2 = tmp_path / "o2"
    assert runner.invoke(main, ["extract", str(src), "--out", str(out2), "--published", "2022-06-05"]).exit_code == 0
    assert "2022-06-03" in (out2 / "data/events.csv").read_text(encoding="utf-8")


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n ")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kyiv said caf\u00e9".encode("latin-1"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (MAX_BYTES + 1))
    empty_dir = tmp_path / "no_articles"
    empty_dir.mkdir(exist_ok=True)
    badname = tmp_path / "bad name.txt"
    badname.write_text("Russia said so.", encoding="utf-8")
    return {
        "missing": (tmp_path / "nope.txt", "no such file"),
        "empty": (empty, "empty"),
        "blank": (blank, "empty"),
        "not utf-8": (latin, "not valid UTF-8"),
        "binary": (binary, "binary"),
        "huge": (huge, "too large"),
        "directory": (empty_dir, "directory"),  # a directory with no *.txt in it
        "bad name": (badname, "file name"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "empty", "blank", "not utf-8", "binary", "huge", "directory", "bad name"]
)
def test_bad_input_one_line_error_and_nothing_lost(runner: CliRunner, tmp_path: Path, case: str) -> None:
    good = tmp_path / "good.txt"
    shutil.copyfile(SEED, good)
    out = tmp_path / "out"
    assert runner.invoke(main, ["extract", str(good), "--out", str(out)]).exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad, message = _bad_inputs(tmp_path)[case]
    result = runner.invoke(main, ["extract", str(good), str(bad), "--out", str(out), "--force"])
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0] and message in lines[0]
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_bad_published_date(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(SEED), "--out", str(tmp_path), "--published", "21/06/2024"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr
    result = runner.invoke(main, ["extract", str(SEED), "--out", str(tmp_path), "--published", "0001-01-01"])
    assert result.exit_code == 2 and "outside" in result.stderr


def test_bad_sidecar_is_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Russia said so.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"title": 5}', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(article), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "a.json" in result.stderr and "'title'" in result.stderr


def test_argument_order_does_not_change_the_package(runner: CliRunner, tmp_path: Path) -> None:
    a, b = tmp_path / "one", tmp_path / "two"
    files = [str(SEED), *map(str, OWN_ARTICLES)]
    assert runner.invoke(main, ["extract", *files, "--out", str(a)]).exit_code == 0
    assert runner.invoke(main, ["extract", *reversed(files), "--out", str(b)]).exit_code == 0
    for rel in ["datapackage.json", "data/actors.csv", "data/statements.csv", "data/events.csv"]:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_build_refuses_a_bad_seed_and_keeps_the_data(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    assert runner.invoke(main, ["build", "--root", str(tmp_path)]).exit_code == 0
    before = (tmp_path / "data/statements.csv").read_bytes()
    (tmp_path / "seeds/zz_bad.txt").write_bytes(b"\xff\xfe broken")
    result = runner.invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert "zz_bad.txt" in result.stderr and "UTF-8" in result.stderr
    assert (tmp_path / "data/statements.csv").read_bytes() == before
    assert not list(tmp_path.glob(".newsfacts-*"))


def test_validate_reports_problems_and_fails(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    runner.invoke(main, ["build", "--root", str(tmp_path)])
    seed = next((tmp_path / "seeds").glob("*.txt"))
    seed.write_bytes(seed.read_bytes() + b" ")
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "sha256" in result.stderr


def test_validate_without_a_package(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "datapackage.json" in result.stderr


def test_jobs_give_identical_output(runner: CliRunner, tmp_path: Path) -> None:
    articles = [str(SEED), *map(str, OWN_ARTICLES)]
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(main, ["extract", *articles, "--out", str(one), "--jobs", "1"]).exit_code == 0
    assert runner.invoke(main, ["extract", *articles, "--out", str(two), "-j", "2"]).exit_code == 0
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
    assert runner.invoke(main, ["extract", str(SEED), "--out", str(tmp_path / "x"), "-j", "0"]).exit_code == 2


def test_extract_takes_directories_a_listing_and_short_options(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in OWN_ARTICLES[:3]:
        shutil.copyfile(p, folder / p.name)
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(str(p) for p in OWN_ARTICLES[3:5]) + "\n\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["extract", str(folder), "--from", str(listing), "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (out / "seeds").glob("*.txt"))
    assert names == sorted(p.name for p in OWN_ARTICLES[:5])
    # the same list from standard input
    out2 = tmp_path / "out2"
    result = runner.invoke(main, ["extract", "--from", "-", "-o", str(out2)], input=listing.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out2 / "seeds").glob("*.txt")) == sorted(p.name for p in OWN_ARTICLES[3:5])


@pytest.mark.parametrize("args", [["extract", "-o", "x"], ["extract", "EMPTY", "-o", "x"]])
def test_extract_without_articles_is_one_clear_error(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "EMPTY").mkdir()
    args = [str(tmp_path / a) if a in {"x", "EMPTY"} else a for a in args]
    result = runner.invoke(main, args)
    assert result.exit_code == 1 and "articles" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_short_version_option(runner: CliRunner) -> None:
    result = runner.invoke(main, ["-V"])
    assert result.exit_code == 0 and __version__ in result.output


def test_an_extracted_package_carries_neutral_metadata_or_the_users(runner: CliRunner, tmp_path: Path) -> None:
    article = OWN_ARTICLES[0]
    plain = tmp_path / "plain"
    assert runner.invoke(main, ["extract", str(article), "-o", str(plain)]).exit_code == 0
    meta = json.loads((plain / "datapackage.json").read_text(encoding="utf-8"))
    assert "Ukraine" not in meta["title"] and "Ukraine" not in meta["keywords"] and "licenses" not in meta
    given = tmp_path / "meta.json"
    given.write_text(json.dumps({"title": "From the file", "contributors": [{"title": "A. Reporter", "roles": ["creator"]}]}),
                     encoding="utf-8")
    mine = tmp_path / "mine"
    result = runner.invoke(main, ["extract", str(article), "-o", str(mine), "--metadata", str(given), "--name", "typhoon-facts",
                                  "--keyword", "typhoon", "--keyword", "weather", "--license", "CC0-1.0"])
    assert result.exit_code == 0, result.output
    meta = json.loads((mine / "datapackage.json").read_text(encoding="utf-8"))
    assert (meta["name"], meta["title"], meta["keywords"], meta["licenses"]) == (
        "typhoon-facts", "From the file", ["typhoon", "weather"], [{"name": "CC0-1.0"}])
    assert meta["contributors"] == [{"title": "A. Reporter", "roles": ["creator"]}]
    assert validate_package(mine) == []
    # the option wins over the file
    result = runner.invoke(main, ["extract", str(article), "-o", str(tmp_path / "x"), "--metadata", str(given), "--title", "Mine"])
    assert json.loads((tmp_path / "x" / "datapackage.json").read_text(encoding="utf-8"))["title"] == "Mine"


@pytest.mark.parametrize(
    "content", ['{"name": "Bad Name"}', '{"colour": "red"}', '{"keywords": "one"}', '{"licenses": [{}]}', "[1, 2]", "{not json"]
)
def test_bad_package_metadata_is_one_clear_error(runner: CliRunner, tmp_path: Path, content: str) -> None:
    given = tmp_path / "meta.json"
    given.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(OWN_ARTICLES[0]), "-o", str(tmp_path / "out"), "--metadata", str(given)])
    assert result.exit_code == 1 and "meta.json" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_export_and_plot_carry_the_packages_own_title(runner: CliRunner, tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    assert runner.invoke(main, ["extract", str(OWN_ARTICLES[0]), "-o", str(pkg), "--title", "Typhoon reports"]).exit_code == 0
    db = tmp_path / "t.db"
    result = runner.invoke(main, ["export", "--format", "sqlite", "--out", str(db), "--package", str(pkg)])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "t.metadata.json").read_text(encoding="utf-8"))
    assert meta["title"] == "Typhoon reports" and "license" not in meta  # no licence was given
    svg = tmp_path / "t.svg"
    assert runner.invoke(main, ["plot", "--out", str(svg), "--package", str(pkg)]).exit_code == 0
    text = svg.read_text(encoding="utf-8")
    assert "Typhoon reports" in text and "war against Ukraine" not in text


@pytest.mark.parametrize("value", ["20240621", "2024-W25-5", "2024-6-21"])
def test_published_must_be_written_yyyy_mm_dd(runner: CliRunner, tmp_path: Path, value: str) -> None:
    result = runner.invoke(main, ["extract", str(OWN_ARTICLES[0]), "-o", str(tmp_path / "o"), "--published", value])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output + result.stderr


def test_an_empty_out_is_refused_and_nothing_is_written(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["extract", str(OWN_ARTICLES[0]), "--out", ""])
    assert result.exit_code == 2 and list(tmp_path.iterdir()) == []


def test_a_floor_file_that_is_not_json_is_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    floor = tmp_path / "floor.json"
    floor.write_text("{bad", encoding="utf-8")
    result = runner.invoke(main, ["evaluate", str(ROOT), "--gold", str(ROOT / "tests/gold"), "--floor", str(floor)])
    assert result.exit_code == 1 and "floor.json" in result.stderr and "Traceback" not in result.output


def test_more_jobs_than_articles_keep_the_rows_in_order(tmp_path: Path) -> None:
    from newsfacts.article import read_article
    from newsfacts.package import extract_all

    articles = [read_article(p) for p in OWN_ARTICLES[:2]]
    rows = extract_all(articles, [f"seeds/{a.source_id}.txt" for a in articles], jobs=1000)
    assert [x.source["source_id"] for x in rows] == [a.source_id for a in articles]


def test_extraction_collects_garbage_less_often_and_restores_the_thresholds() -> None:
    import gc

    from newsfacts.article import read_article
    from newsfacts.package import extract_all

    articles = [read_article(p) for p in OWN_ARTICLES[:2]]
    before = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    extract_all(articles, [f"seeds/{a.source_id}.txt" for a in articles], progress=lambda n: during.append(gc.get_threshold()))
    assert during and all(t[0] >= 10_000 and t[1:] == before[1:] for t in during)
    assert gc.get_threshold() == before


@pytest.mark.parametrize("jobs", [1, 2])
def test_work_alongside_the_extraction_runs_apart_and_its_error_reaches_the_caller(tmp_path: Path, jobs: int) -> None:
    """extract_all's `alongside` runs in a process of its own: what it writes is there
    after the call, and an OSError it raises is raised by extract_all (not lost with the process)."""
    import os

    from newsfacts.article import read_article
    from newsfacts.package import extract_all

    articles = [read_article(p) for p in OWN_ARTICLES[:2]]
    paths = [f"seeds/{a.source_id}.txt" for a in articles]

    def write() -> None:
        (tmp_path / "written").write_text(str(os.getpid()), encoding="utf-8")

    rows = extract_all(articles, paths, jobs=jobs, alongside=write)
    assert [x.source["source_id"] for x in rows] == [a.source_id for a in articles]
    assert (tmp_path / "written").read_text(encoding="utf-8") != str(os.getpid())  # another process wrote it

    def fail() -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "full"))

    with pytest.raises(OSError) as caught:
        extract_all(articles, paths, jobs=jobs, alongside=fail)
    assert caught.value.errno == 28 and caught.value.filename == str(tmp_path / "full")


def test_off_linux_the_work_alongside_runs_after_the_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where forking is unsafe (macOS) or impossible (Windows), nothing is forked: the work
    runs in this process once the articles are extracted."""
    import os
    import sys

    from newsfacts.article import read_article
    from newsfacts.package import extract_all

    monkeypatch.setattr(sys, "platform", "darwin")
    articles = [read_article(p) for p in OWN_ARTICLES[:1]]
    order: list[str] = []
    rows = extract_all(articles, ["seeds/a.txt"], progress=lambda n: order.append("extracted"),
                       alongside=lambda: order.append(f"written by {os.getpid()}"))
    assert order == ["extracted", f"written by {os.getpid()}"] and len(rows) == 1


def test_what_goes_wrong_alongside_reaches_the_caller_as_one_error(tmp_path: Path) -> None:
    """The writer's error arrives whole however large (no hang on a full pipe), one that
    cannot cross as itself arrives as an OSError naming it, a writer that dies silently
    is an OSError with its exit code, and an extraction that fails stops the writer and
    raises its own error."""
    import errno
    import os
    import threading
    import time

    from newsfacts.article import read_article
    from newsfacts.package import extract_all

    articles = [read_article(p) for p in OWN_ARTICLES[:1]]
    paths = ["seeds/a.txt"]

    def large() -> None:
        raise ValueError("x" * 200_000)

    with pytest.raises(ValueError) as caught:
        extract_all(articles, paths, alongside=large)
    assert len(str(caught.value)) == 200_000

    class Odd(Exception):
        def __init__(self, a: int, b: int) -> None:
            super().__init__(f"{a}:{b}")

    def odd() -> None:
        raise Odd(1, 2)

    def unpicklable() -> None:
        raise RuntimeError(threading.Lock())

    for work in (odd, unpicklable):
        with pytest.raises(OSError) as caught:
            extract_all(articles, paths, alongside=work)
        assert caught.value.errno == errno.EIO and caught.value.strerror

    with pytest.raises(OSError) as caught:
        extract_all(articles, paths, alongside=lambda: os._exit(9))
    assert caught.value.errno == errno.EIO and "code 9" in caught.value.strerror

    started = tmp_path / "started"

    def slow() -> None:
        started.write_text("", encoding="utf-8")
        time.sleep(30)
        (tmp_path / "finished").write_text("", encoding="utf-8")

    def fail(n: int) -> None:
        while not started.exists():
            time.sleep(0.01)
        raise KeyError("extraction failed")

    begun = time.monotonic()
    with pytest.raises(KeyError):
        extract_all(articles, paths, progress=fail, alongside=slow)
    assert time.monotonic() - begun < 20 and not (tmp_path / "finished").exists()  # stopped, not waited for

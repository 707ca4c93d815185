"""The `newsfacts` command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from newsfacts import __version__
from newsfacts.article import ArticleError
from newsfacts.build import build, extract_files
from newsfacts.diff import DiffError, diff_packages, read_package, render
from newsfacts.output import OutputError, locked, replace_directory, write_tree
from newsfacts.package import BuildError, check_out
from newsfacts.release import check_release
from newsfacts.validate import validate_package

CONTEXT = {"help_option_names": ["-h", "--help"]}


PACKAGE_OPTION = click.option(
    "--package",
    type=click.Path(exists=True, path_type=Path),
    default=".",
    show_default=True,
    help="Package directory or datapackage.json to read (checked against its hashes first).",
)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(1)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="newsfacts")
def main() -> None:
    """Build, extract and validate newsfacts data packages."""


@main.command("build", context_settings=CONTEXT)
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Repository root holding seeds/; data/, datapackage.json and docs/codebook.md are written there.",
)
def build_command(root: Path) -> None:
    """Rebuild data/, datapackage.json and docs/codebook.md from seeds/."""
    try:
        files = build(root)
    except (ArticleError, BuildError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{root}: cannot write the package ({exc.strerror})")
    click.echo(f"built {len(files)} files in {root}", err=True)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    from newsfacts.article import parse_published

    try:
        return parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _article_paths(articles: tuple[Path, ...], listing: click.utils.LazyFile | None) -> list[Path]:
    """The articles named on the command line (a directory stands for every *.txt in it,
    sorted) and in a --from listing (one path a line; blank lines skipped)."""
    named = list(articles)
    if listing is not None:
        named += [Path(line.strip()) for line in listing.read().splitlines() if line.strip()]
    out: list[Path] = []
    for path in named:
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise ArticleError(f"{path}: no *.txt articles in this directory")
            out += found
        else:
            out.append(path)
    if not out:
        raise ArticleError("no articles given: name files or directories, or --from a list")
    return out


def _nonempty_path(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    if not value.strip():
        raise click.BadParameter("must name a directory (an empty path would write into the current one)")
    return Path(value)


@main.command("extract", context_settings=CONTEXT)
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--from",
    "listing",
    type=click.File("r", encoding="utf-8"),
    help="A file listing article paths, one a line ('-' for standard input); for more than a command line holds.",
)
@click.option(
    "--out",
    "-o",
    required=True,
    callback=_nonempty_path,
    type=click.Path(file_okay=False),
    help="Directory for the package (datapackage.json, data/, seeds/); created if missing, else it must be empty "
    "or hold a package (see --force).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace the newsfacts package --out holds (as a whole); a folder holding anything else is never replaced.",
)
@click.option(
    "--published",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="Publication date of the articles (overrides a <name>.json sidecar); resolves missing years.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Number of worker processes; the output is identical for any number.",
)
@click.option("--title", help="The package's title (default: a neutral one).")
@click.option("--description", help="The package's description.")
@click.option("--name", "package_name", help="The package's name: lower-case letters, digits, '.', '_', '-'.")
@click.option("--license", "licence", metavar="NAME", help="A licence name for the package (for example CC-BY-4.0).")
@click.option("--keyword", "keywords", multiple=True, help="A keyword; repeat for several (replaces the default ones).")
@click.option(
    "--metadata",
    "metadata_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSON file of Data Package properties (name, title, description, keywords, licenses, contributors, "
    "homepage); the options above override it.",
)
def extract_command(
    articles: tuple[Path, ...], listing: click.utils.LazyFile | None, out: Path, force: bool, published: dt.date | None,
    jobs: int, title: str | None, description: str | None, package_name: str | None, licence: str | None,
    keywords: tuple[str, ...], metadata_file: Path | None,
) -> None:
    """Run the pipeline on ARTICLES (UTF-8 text files, or directories of *.txt files) and
    write a complete package to --out, with neutral metadata unless told otherwise.

    The package is built beside --out and swapped in whole; a second run into the same
    --out while one is writing it stops with an error instead of waiting."""
    from newsfacts.descriptor import NEUTRAL_META, MetadataError, user_metadata

    try:
        given = json.loads(metadata_file.read_text(encoding="utf-8")) if metadata_file else {}
        if not isinstance(given, dict):
            raise MetadataError("the file must hold one JSON object")
        options = {"title": title, "description": description, "name": package_name,
                   "keywords": list(keywords) or None, "licenses": [{"name": licence}] if licence else None}
        meta = user_metadata(NEUTRAL_META, {**given, **{k: v for k, v in options.items() if v is not None}})
    except (MetadataError, ValueError, OSError, UnicodeDecodeError) as exc:
        _fail(f"{metadata_file or 'package metadata'}: {exc}")
    try:
        with locked(out):  # held from the first look at --out to the swap: a second run stops at once
            check_out(out, force)
            paths = _article_paths(articles, listing)
            show = sys.stderr.isatty() and len(paths) > 1
            with click.progressbar(length=len(paths), label="extracting", file=sys.stderr) if show else nullcontext() as bar:
                files = extract_files(paths, published, jobs, bar.update if show else None, meta)
            replace_directory(out, lambda staging: write_tree(staging, files))
    except (ArticleError, BuildError, OutputError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{out}: cannot write the package ({exc.strerror})")
    click.echo(f"wrote {len(paths)} article(s) to {out}", err=True)


@main.command("validate", context_settings=CONTEXT)
@click.argument(
    "directory",
    required=False,
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
def validate_command(directory: Path) -> None:
    """Validate the package in DIRECTORY: Frictionless, offsets, article hashes, categories."""
    errors = validate_package(directory)
    for e in errors:
        click.echo(e, err=True)
    if errors:
        _fail(f"{directory}: {len(errors)} problem(s)")
    click.echo(f"{directory}: valid", err=True)


@main.command("diff", context_settings=CONTEXT)
@click.argument("old")
@click.argument("new")
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
@click.option(
    "--repo",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Git repository in which OLD and NEW are looked up when they are refs.",
)
def diff_command(old: str, new: str, as_json: bool, repo: Path) -> None:
    """Compare two packages (directories, datapackage.json paths or git refs).

    Exit 0 when they are the same, 1 when they differ, 2 on error.
    """
    try:
        result = diff_packages(read_package(old, repo), read_package(new, repo))
    except (DiffError, OSError, KeyError) as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2) from None
    click.echo(result.to_json() if as_json else render(result), nl=False)
    raise SystemExit(0 if result.empty else 1)


@main.command("release-check", context_settings=CONTEXT)
@click.option(
    "--repo",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Repository whose working tree is compared with its last release.",
)
@click.option("--against", metavar="REF", help="Compare with this git ref instead of the last release tag.")
def release_check_command(repo: Path, against: str | None) -> None:
    """Fail when data or schema changed since the last release without a big enough version
    bump and a CHANGELOG entry."""
    try:
        result = check_release(repo, against)
    except (DiffError, OSError, ValueError) as exc:
        _fail(str(exc))
    if result.baseline is None:
        click.echo("no earlier release found (no vX.Y.Z tag, no previous CHANGELOG version): nothing to check", err=True)
        return
    for problem in result.problems:
        click.echo(problem, err=True)
    if result.problems:
        _fail(f"release check against {result.baseline} failed")
    click.echo(f"release check against {result.baseline}: ok (changes need {result.diff.bump})", err=True)


def _articles_in(paths: tuple[Path, ...]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    return out


@main.command("evaluate", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Directory of gold annotation files (<source_id>.json); without it, the last INPUT is the gold directory.",
)
@click.option(
    "--corpus",
    type=click.Path(file_okay=False, path_type=Path),
    multiple=True,
    help="Directory of more articles (*.txt with optional .json metadata) to extract and score; "
    "skipped when it does not exist.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores (total and per source) as JSON.")
@click.option(
    "--floor",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON file of minimum scores ('statements.f1': 0.9, ...); exit 1 when any is not reached.",
)
def evaluate_command(
    inputs: tuple[Path, ...], gold_dir: Path | None, corpus: tuple[Path, ...], as_json: bool, floor: Path | None
) -> None:
    """Score extraction against gold annotations: newsfacts evaluate PACKAGE_OR_ARTICLES...
    GOLD_DIR, or INPUTS... --gold GOLD_DIR.

    INPUTS are package directories (with datapackage.json), article files or directories
    of articles; articles are extracted in memory. Only sources with a gold file count.
    """
    if gold_dir is None:
        if len(inputs) < 2 or not inputs[-1].is_dir():
            raise click.UsageError("give the gold directory as the last argument or with --gold")
        inputs, gold_dir = inputs[:-1], inputs[-1]
    from newsfacts.article import read_article
    from newsfacts.evaluate import (
        GoldError, below_floor, check_gold_texts, evaluate, load_gold, render,
        rows_from_extractions, rows_from_package,
    )
    from newsfacts.pipeline import extract

    try:
        gold = load_gold(gold_dir)
        predicted: dict = {}
        articles = []
        for p in inputs:
            if (p / "datapackage.json").is_file():
                predicted.update(rows_from_package(p))
            else:
                articles += _articles_in((p,))
        articles += _articles_in(tuple(c for c in corpus if c.is_dir()))
        read = [read_article(a) for a in articles]
        predicted.update(rows_from_extractions(extract(a, f"seeds/{a.path.name}") for a in read))
        problems = check_gold_texts(gold, {a.source_id: a.data for a in read})
    except (ArticleError, GoldError) as exc:
        _fail(str(exc))
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        _fail("gold annotations do not fit their texts")
    result = evaluate(predicted, gold)
    if not result.by_source:
        _fail("no source has both predictions and a gold file")
    click.echo(json.dumps(result.as_dict(), indent=2) if as_json else render(result), nl=not as_json)
    if floor is not None:
        try:
            floors = json.loads(floor.read_text(encoding="utf-8"))
            if not isinstance(floors, dict) or not all(isinstance(v, (int, float)) for v in floors.values()):
                raise ValueError("expected an object of numbers such as {\"statements.f1\": 0.9}")
        except (ValueError, UnicodeDecodeError) as exc:
            _fail(f"{floor}: not a floor file ({exc})")
        failures = below_floor(result, floors)
        for f in failures:
            click.echo(f"below floor: {f}", err=True)
        if failures:
            raise SystemExit(1)


@main.command("export", context_settings=CONTEXT)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["sqlite", "parquet"]),
    required=True,
    help="sqlite: one database file plus <name>.metadata.json for Datasette; parquet: one file per table.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="The database file (sqlite) or the directory of .parquet files (parquet); an earlier export there is "
    "replaced whole, anything else refused.",
)
@click.option(
    "--force",
    is_flag=True,
    help="sqlite: replace files at --out and its .metadata.json that no export wrote (a Parquet directory "
    "must be new, empty or an earlier export).",
)
@PACKAGE_OPTION
def export_command(fmt: str, out: Path, force: bool, package: Path) -> None:
    """Export the package's tables to SQLite or Parquet, typed from the same schema."""
    from newsfacts.export import export_parquet, export_sqlite
    from newsfacts.load import IntegrityError

    try:
        written = export_sqlite(package, out, force) if fmt == "sqlite" else export_parquet(package, out)
    except (IntegrityError, OutputError, OSError, ValueError) as exc:
        _fail(str(exc))
    for path in written:
        click.echo(f"wrote {path}", err=True)


@main.command("plot", context_settings=CONTEXT)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Picture to write: .svg or .png.",
)
@PACKAGE_OPTION
def plot_command(out: Path, package: Path) -> None:
    """Draw the events on a time axis, one row per event type, with the statements' dates."""
    from newsfacts.load import IntegrityError, load, package_properties
    from newsfacts.plot import write_plot

    if out.suffix.lower() not in (".svg", ".png"):
        raise click.BadParameter("must end in .svg or .png", param_hint="--out")
    try:
        properties = package_properties(package)
        title = str(properties.get("title") or properties.get("name") or "") or None
        write_plot(load(package), out, title)
    except (IntegrityError, OSError, ValueError) as exc:
        _fail(str(exc))
    click.echo(f"wrote {out}", err=True)

"""The `newsfacts` command line.

Each command imports what it uses when it runs (pandas, frictionless, matplotlib and
pyarrow only in the commands that need them), so that `newsfacts --version` and `-h` start
at once. Messages and errors go to stderr, data (diff, evaluate, --json) to stdout.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Callable

import click

from newsfacts import __version__

CONTEXT = {"help_option_names": ["-h", "--help"]}

EXIT_CODES: dict[int, str] = {
    0: "success; for diff, the packages are the same",
    1: "the command failed: bad input (named in a one-line message), an invalid package, a check or floor "
    "not met; for diff, the packages differ",
    2: "usage error: an unknown option or a bad option value; for diff, a package that cannot be read",
}
"""The exit codes of every command, shown by `newsfacts -h` (and listed in the README)."""

_VERBOSITY = "newsfacts.verbosity"


PACKAGE_OPTION = click.option(
    "--package",
    type=click.Path(exists=True, path_type=Path),
    default=".",
    show_default=True,
    help="Package directory or datapackage.json to read (checked against its hashes first).",
)


def _set_verbosity(level: int) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if not value:
            return
        if ctx.meta.get(_VERBOSITY, level) != level:
            raise click.UsageError("-q/--quiet and -v/--verbose cannot be used together", ctx)
        ctx.meta[_VERBOSITY] = level

    return callback


def verbosity_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """-q/--quiet and -v/--verbose, as in sqlite-utils, csvkit and frictionless; on every
    command and on the group (`newsfacts -q build` = `newsfacts build -q`)."""
    command = click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=_set_verbosity(1),
                           help="Say more on stderr: each step, file and row count.")(command)
    return click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_set_verbosity(-1),
                        help="Print nothing on stderr but errors (no progress, no summary).")(command)


def _verbosity() -> int:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_VERBOSITY, 0) if ctx is not None else 0


def _say(message: str, level: int = 0) -> None:
    """A message on stderr: level 0 unless --quiet, level 1 only with --verbose."""
    if _verbosity() >= level:
        click.echo(message, err=True)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(1)


def _print_json(value: object) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON on stdout.")

_EPILOG = "\b\nExit codes:\n" + "\n".join(
    textwrap.fill(text, 78, initial_indent=f"  {code}  ", subsequent_indent="     ") for code, text in EXIT_CODES.items()
)


@click.group(context_settings=CONTEXT, epilog=_EPILOG)
@click.version_option(__version__, "-V", "--version", prog_name="newsfacts")
@verbosity_options
def main() -> None:
    """Build, extract and validate newsfacts data packages."""


@main.command("build", context_settings=CONTEXT)
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Repository root holding seeds/ and CHANGELOG.md; the files below are written there.",
)
@verbosity_options
def build_command(root: Path) -> None:
    """Rebuild the repository's generated files from seeds/: data/*.csv (the six tables),
    datapackage.json, docs/codebook.md, docs/timeline.svg and CITATION.cff."""
    from newsfacts.article import ArticleError
    from newsfacts.build import build
    from newsfacts.package import BuildError

    try:
        files = build(root)
    except (ArticleError, BuildError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{root}: cannot write the package ({exc.strerror})")
    for rel in files:
        _say(f"wrote {root / rel}", 1)
    _say(f"built {len(files)} files in {root}")


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
    from newsfacts.article import ArticleError

    named = list(articles)
    if listing is not None:
        named += [Path(line.strip()) for line in listing.read().splitlines() if line.strip()]
    out = _articles_in(tuple(named))
    if not out:
        raise ArticleError("no articles given: name files or directories, or --from a list")
    return out


def _nonempty_path(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    if not value.strip():
        raise click.BadParameter("must name a directory (an empty path would write into the current one)")
    return Path(value)


def _table_rows(files: dict[str, bytes]) -> dict[str, list[dict[str, str]]]:
    """The rows of each table of a package's files."""
    from newsfacts.csvio import from_csv
    from newsfacts.schema import RESOURCES

    return {r.name: from_csv(files[r.path]) for r in RESOURCES}


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
@JSON_OPTION
@verbosity_options
def extract_command(
    articles: tuple[Path, ...], listing: click.utils.LazyFile | None, out: Path, force: bool, published: dt.date | None,
    jobs: int, title: str | None, description: str | None, package_name: str | None, licence: str | None,
    keywords: tuple[str, ...], metadata_file: Path | None, as_json: bool,
) -> None:
    """Run the pipeline on ARTICLES (UTF-8 text files, or directories of *.txt files) and
    write a complete package to --out, with neutral metadata unless told otherwise.

    The package is built beside --out and swapped in whole; a second run into the same
    --out while one is writing it stops with an error instead of waiting. With --json,
    prints the output directory, the sources and the rows of each table.
    """
    from newsfacts.article import ArticleError
    from newsfacts.build import extract_files
    from newsfacts.descriptor import NEUTRAL_META, MetadataError, user_metadata
    from newsfacts.output import OutputError, locked, replace_directory, write_tree
    from newsfacts.package import BuildError, check_out

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
            for path in paths:
                _say(f"reading {path}", 1)
            show = sys.stderr.isatty() and len(paths) > 1 and _verbosity() >= 0
            files: dict[str, bytes] = {}

            def build(staging: Path) -> None:  # the article copies are written while the articles are extracted
                with click.progressbar(length=len(paths), label="extracting", file=sys.stderr) if show else nullcontext() as bar:
                    files.update(extract_files(paths, published, jobs, bar.update if show else None, meta,
                                               write=lambda copies: write_tree(staging, copies)))
                write_tree(staging, files)

            replace_directory(out, build)
    except (ArticleError, BuildError, OutputError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{out}: cannot write the package ({exc.strerror})")
    if as_json or _verbosity() >= 1:  # the tables are parsed again only for someone who reads the counts
        rows = _table_rows(files)
        counts = {name: len(table) for name, table in rows.items()}
        _say(", ".join(f"{n} {name}" for name, n in counts.items()), 1)
    _say(f"wrote {len(paths)} article(s) to {out}")
    if as_json:
        sources = [row["source_id"] for row in rows["sources"]]  # in the table's order: by id
        _print_json({"out": str(out), "sources": sources, "rows": counts})


@main.command("validate", context_settings=CONTEXT)
@click.argument(
    "directory",
    required=False,
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option("--frictionless", "with_frictionless", is_flag=True,
              help="Also run Frictionless' own validation (slower) and report its errors too.")
@JSON_OPTION
@verbosity_options
def validate_command(directory: Path, with_frictionless: bool, as_json: bool) -> None:
    """Validate the package in DIRECTORY: sizes, hashes, types, required values, patterns,
    categories, keys, offsets, article hashes and dates (--frictionless: Frictionless too).

    Problems go to stderr, one a line; with --json, stdout gets {"valid": ..., "errors":
    [...]}, each error with its file, row, field, code and message.
    """
    from newsfacts.problems import as_dict
    from newsfacts.validate import validate_package

    _say(f"checking {directory}: bytes, hashes, types, keys, categories, then articles, offsets, dates"
         + (", then Frictionless" if with_frictionless else ""), 1)
    errors = validate_package(directory, with_frictionless)
    if as_json:
        _print_json({"package": str(directory), "valid": not errors, "errors": [as_dict(e) for e in errors]})
    else:
        for e in errors:
            click.echo(str(e), err=True)
    if errors:
        _fail(f"{directory}: {len(errors)} problem(s)")
    _say(f"{directory}: valid")


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
@verbosity_options
def diff_command(old: str, new: str, as_json: bool, repo: Path) -> None:
    """Compare two packages (directories, datapackage.json paths or git refs such as
    v1.0.0 or HEAD~1).

    Exit 0 when they are the same, 1 when they differ, 2 on error.
    """
    from newsfacts.diff import DiffError, diff_packages, read_package, render

    try:
        _say(f"reading {old} and {new}", 1)
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
@verbosity_options
def release_check_command(repo: Path, against: str | None) -> None:
    """Fail when data or schema changed since the last release without a big enough version
    bump and a CHANGELOG entry."""
    from newsfacts.diff import DiffError
    from newsfacts.release import check_release

    try:
        result = check_release(repo, against)
    except (DiffError, OSError, ValueError) as exc:
        _fail(str(exc))
    if result.baseline is None:
        _say("no earlier release found (no vX.Y.Z tag, no previous CHANGELOG version): nothing to check")
        return
    for problem in result.problems:
        click.echo(problem, err=True)
    if result.diff is not None:
        from newsfacts.diff import render

        _say(render(result.diff).rstrip("\n"), 1)
    if result.problems:
        _fail(f"release check against {result.baseline} failed")
    _say(f"release check against {result.baseline}: ok (changes need {result.diff.bump})")


def _articles_in(paths: tuple[Path, ...]) -> list[Path]:
    """The files named, a directory standing for every *.txt in it, sorted; an empty
    directory is an error (it is almost always a wrong path)."""
    from newsfacts.article import ArticleError

    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(p.glob("*.txt"))
            if not found:
                raise ArticleError(f"{p}: no *.txt articles in this directory")
            out += found
        else:
            out.append(p)
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
@verbosity_options
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
    from newsfacts.article import ArticleError, read_article
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
        _say(f"extracting {len(articles)} article(s); scoring against {gold_dir}", 1)
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
        _say(f"{len(floors) - len(failures)} of {len(floors)} floors of {floor} reached", 1)
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
@JSON_OPTION
@verbosity_options
def export_command(fmt: str, out: Path, force: bool, package: Path, as_json: bool) -> None:
    """Export the package's tables to SQLite or Parquet, typed from the same schema.

    With --json, prints the format and the files written.
    """
    from newsfacts.export import export_parquet, export_sqlite
    from newsfacts.load import IntegrityError
    from newsfacts.output import OutputError

    _say(f"reading {package}", 1)
    try:
        written = export_sqlite(package, out, force) if fmt == "sqlite" else export_parquet(package, out)
    except (IntegrityError, OutputError, OSError, ValueError) as exc:
        _fail(str(exc))
    for path in written:
        _say(f"wrote {path}")
    if as_json:
        _print_json({"format": fmt, "files": [str(p) for p in written]})


@main.command("plot", context_settings=CONTEXT)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Picture to write: .svg or .png.",
)
@PACKAGE_OPTION
@verbosity_options
def plot_command(out: Path, package: Path) -> None:
    """Draw the events on a time axis, one row per event type, with the statements' dates."""
    from newsfacts.load import IntegrityError, load, package_properties
    from newsfacts.plot import write_plot

    if out.suffix.lower() not in (".svg", ".png"):
        raise click.BadParameter("must end in .svg or .png", param_hint="--out")
    _say(f"reading {package}", 1)
    try:
        properties = package_properties(package)
        title = str(properties.get("title") or properties.get("name") or "") or None
        write_plot(load(package), out, title)
    except (IntegrityError, OSError, ValueError) as exc:
        _fail(str(exc))
    _say(f"wrote {out}")

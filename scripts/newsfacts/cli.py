"""The `newsfacts` command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from newsfacts import __version__
from newsfacts.article import ArticleError
from newsfacts.build import build, extract_files
from newsfacts.diff import DiffError, diff_packages, read_package, render
from newsfacts.package import BuildError, write_files
from newsfacts.release import check_release
from newsfacts.validate import validate_package

CONTEXT = {"help_option_names": ["-h", "--help"]}


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(1)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="newsfacts")
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
    click.echo(f"built {len(files)} files in {root}", err=True)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from None


@main.command("extract", context_settings=CONTEXT)
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for the package (datapackage.json, data/, seeds/); created if missing.",
)
@click.option(
    "--published",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="Publication date of the articles (overrides a <name>.json sidecar); resolves missing years.",
)
def extract_command(articles: tuple[Path, ...], out: Path, published: dt.date | None) -> None:
    """Run the pipeline on ARTICLES (UTF-8 text files) and write a complete package to --out."""
    try:
        files = extract_files(list(articles), published)
    except (ArticleError, BuildError) as exc:
        _fail(str(exc))
    write_files(out, files)
    click.echo(f"wrote {len(articles)} article(s) to {out}", err=True)


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

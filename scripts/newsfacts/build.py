"""Build a package: the repository's dataset from seeds/, or any articles into a directory."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Callable

from newsfacts import __version__
from newsfacts.article import Article, ArticleError, read_article
from newsfacts.citation import citation
from newsfacts.csvio import from_csv
from newsfacts.descriptor import NEUTRAL_META, PACKAGE_META
from newsfacts.schema import RESOURCES
from newsfacts.package import check_row_counts, package_files, write_files

SEEDS = "seeds"


def seed_paths(root: Path) -> list[Path]:
    """The article files under root/seeds, in name order."""
    paths = sorted((root / SEEDS).glob("*.txt"))
    if not paths:
        raise ArticleError(f"{root / SEEDS}: no *.txt articles found")
    return paths


def id_changes() -> list[dict[str, object]]:
    """The hand-kept map of changed ids (scripts/newsfacts/reference/id_changes.csv)."""
    text = resources.files("newsfacts").joinpath("reference", "id_changes.csv").read_text(encoding="utf-8")
    return [{k: (v or None) for k, v in row.items()} for row in from_csv(text)]


def release_date(root: Path) -> str | None:
    """The date of this version's entry in root/CHANGELOG.md ('## 1.2.0 - 2026-11-28'), the
    dataset's release date; None when the changelog has no entry for it."""
    from newsfacts.release import changelog_date

    changelog = root / "CHANGELOG.md"
    return changelog_date(changelog.read_text(encoding="utf-8"), __version__) if changelog.is_file() else None


def build_files(root: Path) -> dict[str, bytes]:
    """Every generated file of the repository (data, descriptor, codebook, timeline,
    citation), as bytes."""
    from newsfacts.codebook import codebook  # pandas and the plot: the repository's build needs them, `extract` not
    from newsfacts.load import read_table
    from newsfacts.plot import render

    paths = seed_paths(root)
    articles = [read_article(p) for p in paths]
    released = release_date(root)
    meta = {**PACKAGE_META, **({"created": f"{released}T00:00:00Z"} if released else {})}
    files, rows = package_files(articles, [f"{SEEDS}/{p.name}" for p in paths], id_changes=id_changes(), meta=meta)
    check_row_counts(rows)
    tables = {r.name: read_table(r.name, files[r.path]) for r in RESOURCES}
    files["docs/codebook.md"] = codebook(tables).encode("utf-8")
    files["docs/timeline.svg"] = render(tables, "svg", str(meta["title"]))
    files["CITATION.cff"] = citation(released).encode("utf-8")
    return files


def build(root: Path) -> dict[str, bytes]:
    """Rebuild root's data/, datapackage.json, docs/ and CITATION.cff from root/seeds."""
    files = build_files(root)
    write_files(root, files)
    return files


def sidecar_bytes(article: Article) -> bytes | None:
    """The `<name>.json` that goes into the package beside an article: the metadata the
    run used (a sidecar's, with --published applied), so that extracting the package's
    own articles again gives the same sources rows and dates; None when nothing is known."""
    meta = {
        "title": article.title,
        "publisher": article.publisher,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "byline": article.byline,
    }
    if all(v is None for v in meta.values()):
        return None
    return (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def extract_files(
    paths: list[Path],
    published: dt.date | None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    meta: dict | None = None,
    write: Callable[[dict[str, bytes]], None] | None = None,
) -> dict[str, bytes]:
    """A complete package for any articles: the articles and their metadata sidecars are
    copied under seeds/; `meta` gives the package's properties (neutral ones when None,
    never this dataset's). With `write`, the copies are handed to it instead, to be written
    in a process of their own while the articles are extracted, and the files returned
    are the tables and the descriptor."""
    articles: list[Article] = [read_article(p, published) for p in paths]
    seen: dict[str, Path] = {}
    for a in articles:
        other = seen.get(a.source_id.casefold())
        if other is not None and other.stem == a.source_id:
            raise ArticleError(f"{a.path}: same name as {other}; source ids must be unique")
        if other is not None:
            raise ArticleError(
                f"{a.path}: same name as {other} but for upper and lower case; "
                "they would overwrite each other on a case-insensitive file system"
            )
        seen[a.source_id.casefold()] = a.path
    rel = [f"{SEEDS}/{a.source_id}.txt" for a in articles]
    copies: dict[str, bytes] = {}
    for a, r in zip(articles, rel):
        copies[r] = a.data
        sidecar = sidecar_bytes(a)
        if sidecar is not None:
            copies[f"{SEEDS}/{a.source_id}.json"] = sidecar
    files, _ = package_files(articles, rel, jobs, progress, meta=meta if meta is not None else dict(NEUTRAL_META),
                             alongside=(lambda: write(copies)) if write else None)
    return files if write else {**files, **copies}

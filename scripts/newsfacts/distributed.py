"""Extraction beyond one machine: a pure function from one article to the rows of the five
tables, and a recipe that maps it over many files with Dask and writes a partitioned
Parquet dataset (one folder per table, one file per partition) that DuckDB and pandas read
as one table set.

    from dask.distributed import Client, LocalCluster   # or the address of a real cluster
    from newsfacts.distributed import extract_to_parquet
    with Client(LocalCluster()) as client:
        extract_to_parquet(sorted(Path("archive").rglob("*.txt")), Path("dataset"), client=client)

Needs the optional extra: pip install 'newsfacts[dask]'. The workers must see the article
files and the output folder at the same paths (a shared or network file system).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from newsfacts.article import Article, ArticleError, read_article
from newsfacts.output import locked, replace_directory
from newsfacts.pipeline import Extraction, Row, extract

TABLES = ("sources", "actors", "statements", "events", "figures")
"""The tables an article contributes rows to (id_changes belongs to a release, not to articles)."""


def article_rows(
    text: str,
    source_id: str,
    published: dt.date | None = None,
    *,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    byline: str | None = None,
) -> dict[str, list[Row]]:
    """The rows one article contributes to each of the five tables, keyed by table name: a
    pure function of the text, the source id, the publication date and the optional
    metadata (the same rows `newsfacts extract` writes for it, before actors are merged
    across articles). The article's path in a package is seeds/<source_id>.txt."""
    article = Article(source_id, Path(f"{source_id}.txt"), text.encode("utf-8"), text, title, byline, publisher, url, published)
    x = extract(article, f"seeds/{source_id}.txt")
    return {"sources": [x.source], "actors": x.actors, "statements": x.statements, "events": x.events, "figures": x.figures}


def _arrow(name: str, rows: list[Row]) -> Any:
    """Rows as a pyarrow table typed from the schema, exactly as the package's CSV would
    load (the same cell formatting, then load()'s typing)."""
    from newsfacts.csvio import to_csv
    from newsfacts.export import arrow_table
    from newsfacts.load import read_table
    from newsfacts.schema import RESOURCE_BY_NAME

    resource = RESOURCE_BY_NAME[name]
    return arrow_table(resource, read_table(name, to_csv(resource, rows)))


def _extract_partition(paths: list[str], out: str, published: dt.date | None) -> list[Extraction]:
    """Extract one partition's articles and write its rows as one Parquet file per table
    (named by a hash of its source ids); return what the actors merge needs."""
    import pyarrow.parquet as pq

    if not paths:
        return []
    extractions = []
    for p in paths:
        a = read_article(Path(p), published)
        extractions.append(extract(a, f"seeds/{a.source_id}.txt"))
    part = hashlib.sha256("\n".join(str(x.source["source_id"]) for x in extractions).encode()).hexdigest()[:16]
    for name in ("sources", "statements", "events", "figures"):
        rows = [r for x in extractions for r in ([x.source] if name == "sources" else getattr(x, name))]
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(_arrow(name, rows), folder / f"part-{part}.parquet")
    return [Extraction(x.source, x.actors) for x in extractions]


def extract_to_parquet(
    paths: list[Path],
    out: Path,
    published: dt.date | None = None,
    *,
    partition_size: int = 64,
    client: Any = None,
) -> dict[str, Path]:
    """Extract every article of `paths` on Dask (`client`, or Dask's default scheduler)
    into a Parquet dataset at `out`: out/<table>/part-*.parquet for sources, statements,
    events and figures, and out/actors/part-0.parquet with the actors merged over all
    articles as `extract` merges them. Rows and types are those of `newsfacts.load()` on
    the package `extract` writes for the same files. The dataset is written into a staging
    folder beside `out` and moved into place when complete; `out` must not exist yet.
    Returns the folder of each table."""
    import dask.bag as db
    import pyarrow.parquet as pq

    from newsfacts.package import merge_actors

    if out.exists():
        raise FileExistsError(f"{out}: already exists; give a new folder for the dataset")
    names = [Path(p).stem for p in paths]
    if len(set(names)) != len(names):
        raise ArticleError(f"{out}: two articles have the same file name; source ids must be unique")

    def write(staging: Path) -> None:
        bag = db.from_sequence([str(p) for p in paths], partition_size=partition_size)
        computed = bag.map_partitions(_extract_partition, str(staging), published)
        extractions = computed.compute(scheduler=client) if client is not None else computed.compute()
        (staging / "actors").mkdir()
        pq.write_table(_arrow("actors", merge_actors(list(extractions))), staging / "actors" / "part-0.parquet")

    out.parent.mkdir(parents=True, exist_ok=True)
    with locked(out):  # the staging, swap and clean-up of `extract`: a killed run leaves nothing for good
        replace_directory(out, write)
    return {name: out / name for name in TABLES}


def read_dataset(out: Path) -> dict[str, Any]:
    """The dataset's tables as pandas frames (each folder read as one table)."""
    from newsfacts.export import read_parquet

    return {name: read_parquet(name, out / name) for name in TABLES}

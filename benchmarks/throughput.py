"""Throughput of the pipeline: articles/s and MB/s per stage, for 1 and 2 workers, and the
time of newsfacts.load() against plain pandas.read_csv on the same files.

Prints figures; asserts nothing about time.

    .venv/bin/python benchmarks/throughput.py [--articles 10000] [--corpus ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

import newsfacts
from newsfacts.article import Article, read_article
from newsfacts.build import extract_files
from newsfacts.dates import article_anchor, find_dates
from newsfacts.package import write_files
from newsfacts.pipeline import extract
from newsfacts.text import sentences

ROOT = Path(__file__).resolve().parent.parent


def _texts(corpus: Path | None) -> list[Article]:
    paths = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/articles/*.txt"))
    if corpus is not None and corpus.is_dir():
        paths += sorted(corpus.glob("*.txt"))
    return [read_article(p) for p in paths]


def _repeat(base: list[Article], n: int) -> list[Article]:
    return [base[i % len(base)] for i in range(n)]


def _rate(label: str, seconds: float, articles: int, size: int) -> None:
    print(f"{label:<34}{articles / seconds:>12,.0f} articles/s{size / seconds / 1e6:>10.2f} MB/s{seconds:>9.2f} s")


def _stage_sentences(batch: list[Article]) -> None:
    for a in batch:
        sentences(a.text)


def _stage_dates(batch: list[Article]) -> None:
    for a in batch:
        find_dates(a.text, article_anchor(a.text, a.published))


def _stage_extract(batch: list[Article]) -> None:
    for a in batch:
        extract(a, "seeds/x.txt")


def _chunks(items: list[Article], n: int) -> list[list[Article]]:
    size = max(1, len(items) // (n * 8))
    return [items[i : i + size] for i in range(0, len(items), size)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    base = _texts(args.corpus)
    batch = _repeat(base, args.articles)
    size = sum(len(a.data) for a in batch)
    print(f"{len(batch):,} articles ({len(base)} distinct texts repeated), {size / 1e6:.1f} MB")
    for label, stage in [("sentences + tokens", _stage_sentences), ("dates", _stage_dates),
                         ("full extraction (1 worker)", _stage_extract)]:
        t = time.perf_counter()
        stage(batch)
        _rate(label, time.perf_counter() - t, len(batch), size)
    t = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_stage_extract, _chunks(batch, 2)))
    _rate("full extraction (2 workers)", time.perf_counter() - t, len(batch), size)

    with tempfile.TemporaryDirectory() as tmp:
        paths = [a.path for a in base]
        out = Path(tmp) / "pkg"
        write_files(out, extract_files(paths, None))
        runs_load, runs_csv = [], []
        for _ in range(20):
            t = time.perf_counter()
            newsfacts.load(out)
            runs_load.append(time.perf_counter() - t)
            t = time.perf_counter()
            for name in ("sources", "actors", "statements", "events", "figures"):
                pd.read_csv(out / "data" / f"{name}.csv")
            runs_csv.append(time.perf_counter() - t)
        print(f"newsfacts.load() on {len(base)} articles' tables: {statistics.median(runs_load) * 1000:.1f} ms "
              f"(median of 20); plain pd.read_csv: {statistics.median(runs_csv) * 1000:.1f} ms")


if __name__ == "__main__":
    main()

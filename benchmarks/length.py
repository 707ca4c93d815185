"""Extraction time against article length (issue 10, item 5): one article made of the
repository's and the development corpus's texts repeated to each length, extracted in
this process; seconds per MB should stay about flat when time is linear in length.

Prints figures; asserts nothing about time.

    .venv/bin/python benchmarks/length.py [--sizes 0.1,0.2,0.5,1.0,1.9] [--corpus ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from newsfacts.article import Article
from newsfacts.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent


def _article(base: str, megabytes: float) -> Article:
    """An article of about `megabytes` of UTF-8, whole paragraphs of `base` repeated."""
    want = int(megabytes * 1e6)
    text = (base * (want // len(base.encode("utf-8")) + 1))[:want]
    text = text[: text.rfind("\n")]
    return Article("long", Path("long.txt"), text.encode("utf-8"), text, published=dt.date(2024, 6, 21))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,0.2,0.5,1.0,1.9", help="article sizes in MB, comma-separated")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    paths = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/articles/*.txt"))
    if args.corpus.is_dir():
        paths += sorted(args.corpus.glob("*.txt"))
    base = "\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n"
    print(f"{'MB':>6}{'seconds':>10}{'s per MB':>10}{'statements':>12}{'events':>8}{'figures':>9}")
    for size in (float(s) for s in args.sizes.split(",")):
        article = _article(base, size)
        t = time.perf_counter()
        x = extract(article, "seeds/long.txt")
        seconds = time.perf_counter() - t
        mb = len(article.data) / 1e6
        print(f"{mb:>6.2f}{seconds:>10.2f}{seconds / mb:>10.2f}{len(x.statements):>12,}{len(x.events):>8,}{len(x.figures):>9,}")


if __name__ == "__main__":
    main()

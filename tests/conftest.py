"""Shared fixtures: the repository root and packages built from it."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

from newsfacts.article import Article
from newsfacts.build import extract_files
from newsfacts.package import write_files
from newsfacts.pipeline import Extraction, extract

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_bb5d0af167e4fb00.txt"
OWN_ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.txt"))


@contextlib.contextmanager
def serving(root: Path, handler: type[http.server.SimpleHTTPRequestHandler]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 for the folder `root` while the block runs: its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def run(text: str, published: dt.date | None = dt.date(2024, 6, 21), source_id: str = "t") -> Extraction:
    """Extract rows from a short article written in a test."""
    article = Article(source_id, Path(f"{source_id}.txt"), text.encode("utf-8"), text, published=published)
    return extract(article, f"seeds/{source_id}.txt")


@pytest.fixture(scope="session")
def seed_rows() -> Extraction:
    from newsfacts.article import read_article

    return extract(read_article(SEED), "seeds/" + SEED.name)


@pytest.fixture(scope="session")
def extracted_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package made by `extract` from a copy of the seed and the project's own articles."""
    work = tmp_path_factory.mktemp("extract")
    copy = work / "seed_copy.txt"
    shutil.copyfile(SEED, copy)
    out = work / "package"
    write_files(out, extract_files([copy, *OWN_ARTICLES], dt.date(2024, 6, 21)))
    return out

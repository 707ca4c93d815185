"""Turn extracted rows into the package's files and write them atomically."""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import shutil
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from operator import itemgetter
from typing import TYPE_CHECKING, Callable, Iterator

from newsfacts.article import Article
from newsfacts.csvio import CsvLines, csv_header, to_csv
from newsfacts.descriptor import dumps, package_descriptor
from newsfacts.output import OutputError, file_mode, occupied, write_tree
from newsfacts.pipeline import Extraction, Row, extract
from newsfacts.schema import RESOURCE_BY_NAME, RESOURCES, Resource

if TYPE_CHECKING:
    from multiprocessing.connection import Connection


class BuildError(Exception):
    """A build that must not be written (row counts out of bounds, broken provenance...)."""


def merge_actors(extractions: list[Extraction]) -> list[Row]:
    """One row per actor over all articles: aliases united, first known country kept."""
    merged: dict[str, Row] = {}
    for x in sorted(extractions, key=lambda x: str(x.source["source_id"])):
        for row in x.actors:
            have = merged.get(row["actor_id"])
            if have is None:
                merged[row["actor_id"]] = {**row, "aliases": list(row["aliases"])}
                continue
            have["aliases"] = sorted(set(have["aliases"]) | set(row["aliases"]))
            for key in ("country", "parent_actor_id"):
                if have[key] is None:
                    have[key] = row[key]
                elif row[key] not in (None, have[key]):
                    warnings.warn(
                        f"actor {row['actor_id']}: {key} {row[key]!r} in {x.source['source_id']} "
                        f"differs from {have[key]!r}; keeping the first",
                        stacklevel=2,
                    )
    return [merged[k] for k in sorted(merged)]


ARTICLE_TABLES = ("sources", "statements", "events", "figures")
"""The tables whose every row belongs to one article (an actor's is merged over articles)."""


def _by_place(name: str) -> Callable[[Row], tuple]:
    """The order of one article's rows in a table: by place in the article (start, end),
    then id."""
    return itemgetter("start", "end", RESOURCE_BY_NAME[name].primary_key)


class Tables:
    """The package's rows, gathered article by article as the extractions arrive (with
    workers, while the others are still extracting): each article's rows ordered once and
    written as CSV lines then. The tables' order: articles by source id, an article's rows
    by place."""

    def __init__(self) -> None:
        self._extractions: list[Extraction] = []
        self._rows: dict[str, dict[str, list[Row]]] = {name: {} for name in ARTICLE_TABLES}  # source id -> its rows
        self._lines = {name: CsvLines(RESOURCE_BY_NAME[name]) for name in ARTICLE_TABLES}
        self._spans: dict[str, dict[str, tuple[int, int]]] = {name: {} for name in ARTICLE_TABLES}  # source id -> its lines

    def add(self, x: Extraction) -> None:
        """Take one article's rows."""
        sid = str(x.source["source_id"])
        if sid in self._rows["sources"]:
            raise BuildError(f"two articles with the source id {sid}")
        self._extractions.append(x)
        for name, rows in (("sources", [x.source]), ("statements", x.statements), ("events", x.events),
                           ("figures", x.figures)):
            ordered = rows if name == "sources" else sorted(rows, key=_by_place(name))
            lines = self._lines[name]
            first = len(lines.lines)
            lines.add(ordered)
            self._rows[name][sid], self._spans[name][sid] = ordered, (first, len(lines.lines))

    def rows(self, id_changes: list[Row] | None = None) -> dict[str, list[Row]]:
        """The rows of each resource, in the tables' order."""
        out = {name: [r for sid in sorted(by_id) for r in by_id[sid]] for name, by_id in self._rows.items()}
        return {
            "sources": out["sources"],
            "actors": merge_actors(self._extractions),
            "statements": out["statements"],
            "events": out["events"],
            "figures": out["figures"],
            "id_changes": sorted(id_changes or [], key=lambda r: (r["version"], r["table"], r["old_id"])),
        }

    def csv(self, resource: Resource) -> bytes:
        """An article table's CSV: its header and the articles' lines, in the tables' order
        (the bytes to_csv writes of `rows()`)."""
        lines, spans = self._lines[resource.name].lines, self._spans[resource.name]
        ordered = (line for sid in sorted(spans) for line in lines[spans[sid][0] : spans[sid][1]])
        return (csv_header(resource) + "".join(ordered)).encode("utf-8")


def check_id_changes(rows: dict[str, list[Row]]) -> None:
    """An old id must be gone from its table, and a new id must exist in it."""
    for change in rows["id_changes"]:
        table = rows[change["table"]]
        key = RESOURCE_BY_NAME[change["table"]].primary_key
        ids = {r[key] for r in table}
        if change["old_id"] in ids:
            raise BuildError(f"id_changes: {change['old_id']} still exists in {change['table']}")
        if change["new_id"] and change["new_id"] not in ids:
            raise BuildError(f"id_changes: {change['new_id']} (for {change['old_id']}) is not in {change['table']}")


def check_provenance(rows: dict[str, list[Row]], articles: dict[str, Article]) -> None:
    """Every row's text must be exactly article[start:end]."""
    for name in ("statements", "events", "figures"):
        for row in rows[name]:
            text = articles[row["source_id"]].text
            if text[row["start"] : row["end"]] != row["text"]:
                raise BuildError(f"{name}: row {row[next(iter(row))]} does not match its offsets")


def check_row_counts(rows: dict[str, list[Row]]) -> None:
    """Stop a build whose tables are emptier or fuller than expected."""
    for r in RESOURCES:
        n = len(rows[r.name])
        if not r.min_rows <= n <= r.max_rows:
            raise BuildError(f"{r.name}: {n} rows, expected {r.min_rows} to {r.max_rows}")


def _extract_pair(pair: tuple[Article, str]) -> Extraction:
    return extract(*pair)


def _end_with_parent() -> None:
    """Pool initializer: a thread that ends this worker once its parent process is gone
    (a killed parent cannot stop its pool; the worker then has a new parent)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


YOUNG_GENERATION = 10_000
"""Allocations before the garbage collector's youngest generation runs while extracting."""


@contextmanager
def _rare_collections() -> Iterator[None]:
    """The cyclic garbage collector run about 14 times less often while articles are
    extracted (youngest generation at YOUNG_GENERATION allocations instead of 700), its thresholds
    restored after: an extraction's objects are freed by reference counting, so the ~1,700
    collections of 1,500 articles found nothing and took 3% of the run; forked workers
    inherit the setting."""
    before = gc.get_threshold()
    gc.set_threshold(max(YOUNG_GENERATION, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def _in_background(work: Callable[[], None] | None) -> Iterator[None]:
    """Run `work` in a forked process while the body runs; wait for it at the end, and
    raise its error unless the body raised one (then the process is stopped: what it
    writes is not wanted). A process, not a thread: writing a file hands the GIL back and
    forth several times, and a thread writing thousands of them took a tenth of the
    extraction's time in those hand-offs. Where forking is unsafe or impossible (off
    Linux, or while this process runs other threads), `work` runs after the body."""
    import multiprocessing

    if work is None or not sys.platform.startswith("linux") or threading.active_count() > 1:
        yield
        if work is not None:
            work()
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def run() -> None:
        _end_with_parent()  # a killed run leaves no writer behind
        try:
            work()
        except BaseException as exc:  # raised by the parent (no traceback printed here)
            try:
                send.send(exc)
            except Exception:  # an error that cannot be pickled goes as its text
                send.send(OSError(errno.EIO, repr(exc)))

    process = context.Process(target=run, name="newsfacts-alongside", daemon=True)
    process.start()
    send.close()
    body_done = False
    try:
        yield
        body_done = True
    finally:  # the process writes into a folder the caller removes on failure: it has ended when this returns
        if not body_done:
            process.terminate()
        try:
            error = _received(receive)  # before join: an error larger than the pipe holds would block the process
            process.join()
        except BaseException:  # interrupted while waiting (Ctrl-C)
            process.terminate()
            process.join()
            raise
    if error is not None:
        raise error
    if process.exitcode != 0:
        raise OSError(errno.EIO, f"the process working alongside the extraction ended with code {process.exitcode}")


def _received(receive: Connection) -> BaseException | None:
    """The error the process sent, or None when it closed the pipe without one."""
    try:
        return receive.recv()
    except EOFError:
        return None
    except Exception as exc:  # sent, but not rebuilt here (an exception with other arguments)
        return OSError(errno.EIO, f"the process working alongside the extraction failed ({exc!r})")
    finally:
        receive.close()


@_rare_collections()
def extract_all(
    articles: list[Article],
    article_paths: list[str],
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    alongside: Callable[[], None] | None = None,
    each: Callable[[Extraction], None] | None = None,
) -> list[Extraction]:
    """Extract every article, in `jobs` processes; the result is in input order whatever
    the number of processes, so the package is identical. `alongside` (writing files, say)
    runs meanwhile in a process of its own (forked first, while this process has no
    other thread); its error is raised once the articles are extracted. `each` is called
    with every extraction as it arrives, in input order."""
    pairs = list(zip(articles, article_paths))
    out: list[Extraction] = []
    jobs = min(jobs, len(pairs), os.cpu_count() or 1)  # '--jobs 1000' starts no more workers than cores or articles
    with _in_background(alongside), ExitStack() as stack:
        if jobs <= 1 or len(pairs) < 2:
            results: Iterator[Extraction] = map(_extract_pair, pairs)
        else:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_parent))
            chunk = max(1, min(16, len(pairs) // (jobs * 8)))  # small chunks: no worker idles long at the end
            results = pool.map(_extract_pair, pairs, chunksize=chunk)
        for x in results:
            out.append(x)
            if each:
                each(x)
            if progress:
                progress(1)
    return out


def package_files(
    articles: list[Article],
    article_paths: list[str],
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    *,
    meta: dict,
    id_changes: list[Row] | None = None,
    alongside: Callable[[], None] | None = None,
) -> tuple[dict[str, bytes], dict[str, list[Row]]]:
    """The package's CSVs and descriptor as bytes keyed by relative path, and the rows;
    `meta` the package's own properties; `alongside` as extract_all's."""
    gathered = Tables()
    extract_all(articles, article_paths, jobs, progress, alongside, gathered.add)
    rows = gathered.rows(id_changes)
    check_id_changes(rows)
    check_provenance(rows, {a.source_id: a for a in articles})
    files: dict[str, bytes] = {}
    sizes: dict[str, tuple[int, str]] = {}
    for r in RESOURCES:
        data = gathered.csv(r) if r.name in ARTICLE_TABLES else to_csv(r, rows[r.name])
        files[r.path] = data
        sizes[r.name] = (len(data), hashlib.sha256(data).hexdigest())
    sources = [
        {"title": f"{s['publisher'] or s['source_id']}: {s['url']}" if s["url"] else str(s["source_id"]),
         **({"path": s["url"]} if s["url"] else {})}
        for s in rows["sources"]
    ]
    descriptor = package_descriptor(sizes, sources, meta)
    files["datapackage.json"] = dumps(descriptor).encode("utf-8")
    return files, rows


def replace_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Write one file through `write(tmp)` into a temporary file beside `target`, then move
    it into place, so that `target` is either the old file or the complete new one. The
    file gets the ordinary mode of a new file (not the 0600 of a temporary one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, file_mode())
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_files(root: Path, files: dict[str, bytes]) -> None:
    """Write files into a directory that holds other things too (the repository's build):
    stage them all in a temporary directory first, so that a failed build writes none,
    then move each into place (os.replace is atomic per file; a build killed during the
    moves can leave some files new; `extract` replaces its whole --out instead, see
    output.py)."""
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".newsfacts-", dir=root))
    try:
        write_tree(staging, files)
        for rel in files:
            final = root / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


PACKAGE_ENTRIES = frozenset({"datapackage.json", "data", "seeds"})
"""What a package directory written by `extract` holds, and nothing else."""


def is_package(directory: Path) -> bool:
    """A directory holding a newsfacts package and nothing else: datapackage.json (a JSON
    object whose resources are this schema's), data/ and seeds/."""
    from newsfacts.packagefile import PackageError, open_package

    try:
        if not {p.name for p in directory.iterdir()} <= PACKAGE_ENTRIES:
            return False
        names = {r.name for r in open_package(directory, contract=False).resources}  # read safely (no FIFO, capped)
    except (OSError, PackageError):
        return False
    return "sources" in names and names <= set(RESOURCE_BY_NAME)


def check_out(out: Path, force: bool) -> None:
    """Refuse an `out` that exists and is not empty, unless it holds a newsfacts package
    and `force` is given (nothing but a package is ever replaced)."""
    if not occupied(out):
        return
    if not out.is_dir():
        raise OutputError(f"{out}: exists and is not a directory")
    if not is_package(out):
        raise OutputError(f"{out}: not empty and not a newsfacts package; choose a new or empty directory")
    if not force:
        raise OutputError(f"{out}: holds a newsfacts package already; add --force to replace it")

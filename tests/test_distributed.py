"""Beyond one machine: the pure per-article function, and the Dask recipe's partitioned
Parquet dataset, read by pandas and DuckDB, holding the same rows as `extract`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

import newsfacts
from conftest import OWN_ARTICLES, SEED
from newsfacts.article import read_article
from newsfacts.distributed import TABLES, article_rows, extract_to_parquet, read_dataset
from newsfacts.pipeline import extract
from newsfacts.schema import RESOURCE_BY_NAME

PUBLISHED = dt.date(2024, 6, 21)


def test_article_rows_is_the_extraction_of_the_text() -> None:
    a = read_article(SEED)
    rows = article_rows(a.text, a.source_id, a.published, title=a.title, publisher=a.publisher, url=a.url, byline=a.byline)
    x = extract(a, f"seeds/{SEED.name}")
    assert set(rows) == set(TABLES)
    assert rows["sources"] == [x.source]
    assert rows["statements"] == x.statements and rows["events"] == x.events and rows["figures"] == x.figures
    assert len(rows["statements"]) > 5
    assert article_rows(a.text, a.source_id, a.published) == article_rows(a.text, a.source_id, a.published)


def _sorted(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    return frame.sort_values(key, kind="stable").reset_index(drop=True)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory, extracted_package: Path) -> Path:
    """The recipe run on a local Dask cluster over the files of `extracted_package`."""
    distributed = pytest.importorskip("dask.distributed")
    work = tmp_path_factory.mktemp("dask")
    copy = work / "seed_copy.txt"
    shutil.copyfile(SEED, copy)
    out = work / "dataset"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            extract_to_parquet([copy, *OWN_ARTICLES], out, PUBLISHED, partition_size=3, client=client)
    return out


def test_the_dask_dataset_has_the_rows_of_extract_in_pandas(dataset: Path, extracted_package: Path) -> None:
    assert len(list((dataset / "statements").glob("part-*.parquet"))) == 3  # 8 articles, 3 a partition
    want = newsfacts.load(extracted_package)
    got = read_dataset(dataset)
    for name in TABLES:
        key = RESOURCE_BY_NAME[name].primary_key
        assert len(want[name]) > 0
        pd.testing.assert_frame_equal(_sorted(got[name], key), _sorted(want[name], key), obj=name)


def test_duckdb_reads_the_dataset_as_one_table_set(dataset: Path, extracted_package: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    want = newsfacts.load(extracted_package)
    con = duckdb.connect()
    for name in TABLES:
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{dataset / name}/*.parquet')")
    for name in TABLES:
        key = RESOURCE_BY_NAME[name].primary_key
        ids = [r[0] for r in con.execute(f"SELECT {key} FROM {name} ORDER BY {key}").fetchall()]
        assert ids == sorted(want[name][key].tolist()), name
    texts = con.execute("SELECT statement_id, text, start, \"end\" FROM statements ORDER BY statement_id").fetchall()
    st = _sorted(want["statements"], "statement_id")
    assert texts == list(zip(st["statement_id"], st["text"], st["start"].astype(int), st["end"].astype(int)))
    joined = con.execute(
        "SELECT count(*) FROM statements s JOIN sources USING (source_id) LEFT JOIN actors a ON a.actor_id = s.speaker_id"
    ).fetchone()[0]
    assert joined == len(want["statements"])


def test_the_recipe_refuses_an_existing_folder(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(FileExistsError, match="already exists"):
        extract_to_parquet([SEED], tmp_path / "out")

"""Exports (SQLite for Datasette, Parquet), the timeline picture, the codebook page and CITATION.cff."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

import newsfacts
from conftest import ROOT
from newsfacts.cli import main
from newsfacts.load import load
from newsfacts.descriptor import PACKAGE_META
from newsfacts.plot import distinct_labels, figure, render
from newsfacts.schema import RESOURCE_BY_NAME, RESOURCES, field_for


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    runner = CliRunner()
    package = ["--package", str(ROOT)]  # not the working directory: the tests may run from anywhere
    assert runner.invoke(main, ["export", "--format", "sqlite", "--out", str(out / "newsfacts.db"), *package]).exit_code == 0
    assert runner.invoke(main, ["export", "--format", "parquet", "--out", str(out / "parquet"), *package]).exit_code == 0
    return out


def test_sqlite_tables_types_keys_and_indexes(exported: Path) -> None:
    db = sqlite3.connect(exported / "newsfacts.db")
    for r in RESOURCES:
        info = {row[1]: row for row in db.execute(f"PRAGMA table_info({r.name})")}
        assert list(info) == list(r.fields)
        for name in r.fields:
            f = field_for(r, name)
            assert info[name][2] == {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "date": "TEXT", "boolean": "INTEGER",
                                     "list": "TEXT"}[f.type]
            assert bool(info[name][3]) == f.required
        assert info[r.primary_key][5] == 1
        fks = {(row[3], row[2], row[4]) for row in db.execute(f"PRAGMA foreign_key_list({r.name})")}
        assert fks == {(fk.field, fk.resource, fk.reference) for fk in r.foreign_keys}
        indexed = {db.execute(f"PRAGMA index_info('{row[1]}')").fetchone()[2] for row in db.execute(f"PRAGMA index_list({r.name})")}
        assert {fk.field for fk in r.foreign_keys} <= indexed
        count = db.execute(f"SELECT count(*) FROM {r.name}").fetchone()[0]
        assert count == len(load(ROOT)[r.name])
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO figures (figure_id, source_id, value, unit, comparator, quantity, text, start, "
                   "\"end\", date_precision, date_inferred) VALUES ('fg-000000000000', '000_bb5d0af167e4fb00', 1, "
                   "'x', 'about', 'x', 'x', 0, 1, 'unknown', 0)")


def test_sqlite_lists_are_json_arrays(exported: Path) -> None:
    """actors.aliases is a JSON array as text: json_each reads its items; anything but an
    array (the CSV's delimited text included) is refused by a CHECK."""
    db = sqlite3.connect(exported / "newsfacts.db")
    frame = load(ROOT)["actors"]
    aliases = dict(db.execute("SELECT actor_id, aliases FROM actors WHERE aliases IS NOT NULL"))
    assert aliases == {a: json.dumps(v, ensure_ascii=False) for a, v in zip(frame["actor_id"], frame["aliases"]) if v is not pd.NA}
    items = set(db.execute("SELECT a.actor_id, j.value FROM actors AS a, json_each(a.aliases) AS j"))
    assert ("antony-blinken", "Blinken") in items and len(items) == int(frame["aliases"].list.len().sum())
    from newsfacts.export import create_table_sql

    empty = sqlite3.connect(":memory:")  # the exported file may be locked by another test's open transaction
    empty.execute(create_table_sql(RESOURCE_BY_NAME["actors"]))
    insert = "INSERT INTO actors (actor_id, name, kind, aliases) VALUES (?, 'X', 'group', ?)"
    empty.executemany(insert, [("a", '["Blinken", "Secretary Blinken"]'), ("b", "[]"), ("c", None)])
    for bad in ("Blinken|Secretary Blinken", '"Blinken"', "[broken"):
        with pytest.raises((sqlite3.IntegrityError, sqlite3.OperationalError)):  # malformed JSON: an error, not false
            empty.execute(insert, ("x", bad))


def test_datasette_shows_tables_with_descriptions(exported: Path) -> None:
    from datasette.app import Datasette

    metadata = json.loads((exported / "newsfacts.metadata.json").read_text(encoding="utf-8"))
    ds = Datasette([str(exported / "newsfacts.db")], metadata=metadata)

    async def fetch() -> tuple:
        meta = await ds.client.get("/-/metadata.json")
        page = await ds.client.get("/newsfacts/statements")
        data = await ds.client.get("/newsfacts/statements.json?_shape=array")
        return meta, page, data

    meta, page, data = asyncio.run(fetch())
    assert meta.status_code == 200 and meta.json()["title"].startswith("newsfacts")
    tables = meta.json()["databases"]["newsfacts"]["tables"]
    assert tables["statements"]["columns"]["speaker_id"].startswith("Who said it")
    assert page.status_code == 200 and "Every attributed speech act" in page.text
    assert {row["speaker_id"] for row in data.json()} >= {"antony-blinken", "john-kirby"}


def test_datasette_reads_well(exported: Path) -> None:
    """Labels for sources and actors, rows in reading order, full-text search, the views,
    short column descriptions: asked of a real Datasette through its own client."""
    from datasette.app import Datasette

    metadata = json.loads((exported / "newsfacts.metadata.json").read_text(encoding="utf-8"))
    ds = Datasette([str(exported / "newsfacts.db")], metadata=metadata)
    paths = {
        "statements": "/newsfacts/statements.json?_shape=array&_labels=on&_size=max",
        "events": "/newsfacts/events.json?_shape=array&_labels=on&_size=max",
        "page": "/newsfacts/statements",
        "search": "/newsfacts/statements.json?_shape=array&_search=Kirby",
        "event_search": "/newsfacts/events.json?_shape=array&_search=ballistic",
        "speakers": "/newsfacts/statements_with_speakers.json?_shape=array&_size=max",
        "actors_view": "/newsfacts/events_with_actors.json?_shape=array&_size=max",
        "actors": "/newsfacts/actors.json?_shape=array&_size=max",
        "aliases": "/newsfacts/actors.json?_size=max",
    }

    async def fetch() -> dict:
        return {key: await ds.client.get(path) for key, path in paths.items()}

    got = asyncio.run(fetch())
    assert all(r.status_code == 200 for r in got.values()), {k: r.status_code for k, r in got.items()}
    frames = load(ROOT)
    # the seed's source has no title: its label is its publisher and date, never "None"
    statements = got["statements"].json()
    assert {row["source_id"]["label"] for row in statements} == {"kmaupdates.com, 2024-06-21"}
    assert "kmaupdates.com, 2024-06-21" in got["page"].text and ">None<" not in got["page"].text
    # reading order: by source, then offset (not by the hashed id)
    order = [(row["source_id"]["value"], row["start"]) for row in statements]
    assert order == sorted(order) and len(order) == len(frames["statements"])
    assert [row["statement_id"] for row in statements] != sorted(row["statement_id"] for row in statements)
    events = got["events"].json()
    assert {row["actor_id"]["label"] for row in events if row["actor_id"]} >= {"Russia", "North Korea"}
    names = [row["name"] for row in got["actors"].json()]
    assert names == sorted(names)
    # aliases, a list, are a JSON array per actor, faceted item by item
    assert {row["actor_id"]: row["aliases"] and json.loads(row["aliases"]) for row in got["actors"].json()}["antony-blinken"] == ["Blinken"]
    facet = got["aliases"].json()["facet_results"]
    facet = facet.get("results", facet)["aliases"]  # Datasette 1.0 nests the facets under "results"
    assert facet["type"] == "array" and {"value": "Blinken", "count": 1} in [
        {k: item[k] for k in ("value", "count")} for item in facet["results"]]
    # full-text search finds the known rows
    assert {row["speaker_id"] for row in got["search"].json()} == {"john-kirby"}
    assert any("ballistic" in row["text"] for row in got["event_search"].json())
    # the views answer with actors' names
    speakers = got["speakers"].json()
    assert len(speakers) == len(frames["statements"])
    assert {"Antony Blinken", "John Kirby"} <= {row["speaker"] for row in speakers}
    strikes = [row for row in got["actors_view"].json() if row["event_mode"] == "missile strike"]
    assert ("Russia", "Ukraine") in {(row["actor"], row["target"]) for row in strikes}
    disputed = [row for row in got["actors_view"].json() if row["claim_status"] == "disputed"]
    assert disputed and {(row["reported_by"], row["disputed_by"]) for row in disputed} == {("John Kirby", "North Korea")}
    # column descriptions stay short on the table page; the codebook has them whole
    full = field_for(RESOURCE_BY_NAME["statements"], "speaker_id").description
    assert "empty when it cannot be resolved" in full and "empty when it cannot be resolved" not in got["page"].text
    columns = metadata["databases"]["newsfacts"]["tables"]["statements"]["columns"]
    assert all(len(text) <= 90 for text in columns.values())


def test_parquet_types_descriptions_and_same_frames_as_load(exported: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsfacts.export import read_parquet

    frames = newsfacts.load(ROOT)
    for r in RESOURCES:
        path = exported / "parquet" / f"{r.name}.parquet"
        schema = pq.read_schema(path)
        for name in r.fields:
            f = field_for(r, name)
            arrow = schema.field(name)
            assert arrow.metadata[b"description"].decode() == f.description
            if f.type == "date":
                assert arrow.type == pa.date32()
            elif f.categories:
                assert pa.types.is_dictionary(arrow.type)
            elif f.type == "integer":
                assert arrow.type == pa.int64()
            elif f.type == "list":
                assert pa.types.is_list(arrow.type) and pa.types.is_large_string(arrow.type.value_type)
        if len(frames[r.name]):  # newsfacts' own reader gives the frame load() gives, lists included
            pd.testing.assert_frame_equal(read_parquet(r.name, path), frames[r.name])
        back = pd.read_parquet(path, to_pandas_kwargs={"date_as_object": False})
        lists = [n for n in r.fields if field_for(r, n).type == "list"]
        for name in lists:  # pandas gives a list column back as arrays of strings
            assert [None if v is None else list(v) for v in back.pop(name)] == [
                None if v is pd.NA else v for v in frames[r.name][name]]
        assert pd.read_parquet(path, dtype_backend="pyarrow")[lists].dtypes.map(lambda t: pa.types.is_list(t.pyarrow_dtype)).all()
        if len(frames[r.name]):
            pd.testing.assert_frame_equal(back, frames[r.name].drop(columns=lists))
        else:  # Parquet keeps no dictionary for an empty column, so the categories are lost
            pd.testing.assert_frame_equal(back, frames[r.name].drop(columns=lists), check_categorical=False, check_dtype=False)
            assert list(back.columns) == [n for n in frames[r.name].columns if n not in lists]


def test_timeline_is_deterministic_and_marks_what_it_should() -> None:
    tables = load(ROOT)
    svg = render(tables, "svg", PACKAGE_META["title"])
    assert svg == render(tables, "svg", PACKAGE_META["title"])
    text = svg.decode("utf-8")
    assert "<dc:date>" not in text
    assert "(disputed)" in text and "#c0392b" in text  # the disputed transfer, in red
    assert "statements (date said)" in text and "no date" in text
    assert "2023-12-30 missile strike: Russia → Ukraine" in text
    assert PACKAGE_META["title"] in text
    assert (ROOT / "docs/timeline.svg").read_bytes() == svg


def _lines(axes, gid: str) -> list:
    return [line for line in axes.get_lines() if line.get_gid() == gid]


def test_timeline_figure_undated_band_statement_counts_and_title() -> None:
    import matplotlib.pyplot as plt

    tables = load(ROOT)
    fig = figure(tables, "A package title")
    try:
        time_axis, band = fig.axes
        events = tables["events"]
        undated = int(events["date_start"].isna().sum())
        assert undated > 0
        # undated events sit in their own band, which has no time axis; none on the time axis
        assert len(_lines(band, "undated-event")) == undated and list(band.get_xticks()) == []
        assert _lines(time_axis, "undated-event") == []
        assert len(_lines(time_axis, "dated-event")) == len(events) - undated
        # one diamond per day said, and the count where several statements share a day
        per_day = tables["statements"]["date_start"].dropna().value_counts()
        (diamonds,) = _lines(time_axis, "statements")
        assert len(diamonds.get_xdata()) == len(per_day) < int(per_day.sum())
        counts = sorted(int(t.get_text()) for t in time_axis.texts if t.get_gid() == "statement-count")
        assert counts == sorted(int(n) for n in per_day if n > 1)
        # read off the seed: Blinken's six statements at the June 18 press conference share a day;
        # Kirby (early January), Kostin (Jan. 11), the SBU (Feb. 22), the Prosecutor General's
        # Office (May 7) each have one; the other statements are undated
        assert len(diamonds.get_xdata()) == 5 and counts == [6]
        assert fig.get_suptitle() == "A package title"
    finally:
        plt.close(fig)


def test_timeline_ticks_never_repeat_on_a_one_month_package(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt
    from newsfacts.build import extract_files
    from newsfacts.package import write_files

    article = tmp_path / "a.txt"
    article.write_text("Russia launched missiles at Kyiv on June 3, the Ukrainian Air Force said.\n"
                       "Russia struck Odesa on June 12, officials said.\n", encoding="utf-8")
    write_files(tmp_path / "pkg", extract_files([article], dt.date(2024, 6, 21)))
    fig = figure(load(tmp_path / "pkg"))
    try:
        fig.canvas.draw()
        labels = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
        assert len(labels) >= 3 and len(set(labels)) == len(labels), labels
        assert len({label[:7] for label in labels}) < len(labels)  # months alone would repeat
        assert fig.get_suptitle() == "newsfacts package"
    finally:
        plt.close(fig)


def test_distinct_labels_takes_the_coarsest_format_that_does_not_repeat() -> None:
    days = [dt.date(2024, 6, d) for d in (1, 15)]
    assert distinct_labels(days) == ["2024-06-01", "2024-06-15"]
    assert distinct_labels([dt.date(2024, m, 1) for m in (1, 4)]) == ["2024-01", "2024-04"]
    assert distinct_labels([dt.date(y, 1, 1) for y in (2023, 2024)]) == ["2023", "2024"]


def test_plot_without_any_date_fails_cleanly(tmp_path: Path) -> None:
    from newsfacts.build import extract_files
    from newsfacts.package import write_files

    article = tmp_path / "a.txt"
    article.write_text("Officials said the talks were useful.", encoding="utf-8")
    write_files(tmp_path / "pkg", extract_files([article], None))
    result = CliRunner().invoke(main, ["plot", "--out", str(tmp_path / "t.svg"), "--package", str(tmp_path / "pkg")])
    assert result.exit_code == 1 and "nothing to draw" in result.stderr


def test_plot_command_svg_and_png(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["plot", "--out", str(tmp_path / "t.png"), "--package", str(ROOT)]).exit_code == 0
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = runner.invoke(main, ["plot", "--out", str(tmp_path / "t.gif"), "--package", str(ROOT)])
    assert bad.exit_code == 2


def test_codebook_page_has_diagram_and_examples() -> None:
    book = (ROOT / "docs/codebook.md").read_text(encoding="utf-8")
    assert "```mermaid" in book and 'statements ||--o{ events : "statement_id"' in book
    assert "Example rows" in book and "antony-blinken" in book


def test_citation_is_valid_cff_and_in_step() -> None:
    schema = json.loads((ROOT / "tests/schemas/cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.validate(cff, schema)
    assert str(cff["version"]) == newsfacts.__version__

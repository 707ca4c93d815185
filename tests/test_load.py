"""newsfacts.load: typed frames from the schema, and only the schema's missing values."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

import newsfacts
from conftest import ROOT
from newsfacts.load import read_table
from newsfacts.schema import DATE_PRECISIONS


def test_load_types_every_table() -> None:
    tables = newsfacts.load(ROOT)
    assert set(tables) == {"sources", "actors", "statements", "events", "figures", "id_changes"}
    st = tables["statements"]
    assert str(st["start"].dtype) == "Int64"
    assert str(st["date_inferred"].dtype) == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(st["date_start"])
    assert isinstance(st["mode"].dtype, pd.CategoricalDtype)
    assert list(st["date_precision"].cat.categories) == list(DATE_PRECISIONS)
    assert "statement_id" in st.columns and st.index.name is None
    fig = tables["figures"]
    assert fig["value"].dtype == "float64"
    assert sorted(fig["value"].tolist()) == [0.5, 7000.0]
    assert tables["sources"]["published"].iloc[0] == pd.Timestamp("2024-06-21")


def test_load_accepts_the_descriptor_path() -> None:
    a = newsfacts.load(ROOT / "datapackage.json")["events"]
    b = newsfacts.load(str(ROOT))["events"]
    c = newsfacts.load(path=ROOT)["events"]
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)


def test_empty_cells_are_missing_and_unknown_dates_are_nat() -> None:
    st = newsfacts.load(ROOT)["statements"]
    unknown = st[st["date_precision"] == "unknown"]
    assert len(unknown) > 0
    assert unknown["date_start"].isna().all()
    assert st["speaker_role"].isna().any()


def test_the_string_na_is_not_missing(tmp_path: Path) -> None:
    """Plain pd.read_csv turns 'NA', 'null' and 'None' into missing values; we must not."""
    src = ROOT / "data/actors.csv"
    path = tmp_path / "actors.csv"
    text = src.read_text(encoding="utf-8")
    text += "na-body,NA,organization,,,null|None|N/A\n"
    path.write_text(text, encoding="utf-8")
    frame = read_table("actors", path.read_bytes())
    row = frame[frame["actor_id"] == "na-body"].iloc[0]
    assert row["name"] == "NA"
    assert row["aliases"] == "null|None|N/A"
    assert pd.isna(row["country"])
    assert pd.read_csv(path)["name"].isna().any()  # what we protect users from


def test_load_from_a_copied_package(tmp_path: Path) -> None:
    for rel in ["datapackage.json", "data"]:
        src = ROOT / rel
        (shutil.copytree if src.is_dir() else shutil.copyfile)(src, tmp_path / rel)
    assert len(newsfacts.load(tmp_path)["statements"]) == len(newsfacts.load(ROOT)["statements"])

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
    assert row["aliases"] == ["null", "None", "N/A"]
    assert pd.isna(row["country"])
    assert pd.read_csv(path)["name"].isna().any()  # what we protect users from


def test_a_list_field_is_a_list_of_strings_per_cell() -> None:
    """actors.aliases (a Frictionless list): each cell a list of strings, an empty cell missing;
    the column is Arrow-backed (no object column), with pandas' .list accessor."""
    actors = newsfacts.load(ROOT)["actors"].set_index("actor_id")
    assert isinstance(actors["aliases"].dtype, pd.ArrowDtype)
    assert actors.at["antony-blinken", "aliases"] == ["Blinken"]
    assert pd.isna(actors.at["andriy-kostin", "aliases"])
    text = (ROOT / "data/actors.csv").read_text(encoding="utf-8").splitlines()[1:]
    cells = {line.split(",")[0]: line.rsplit(",", 1)[1] for line in text}  # no quoting in the seed's actors
    assert {a: "|".join(v) for a, v in actors["aliases"].dropna().items()} == {a: c for a, c in cells.items() if c}
    frame = read_table("actors", b"actor_id,name,kind,country,parent_actor_id,aliases\nx,X,group,,,a|b c||d\n")
    assert frame["aliases"].tolist() == [["a", "b c", "", "d"]] and frame["aliases"].list.len().tolist() == [4]


def test_load_from_a_copied_package(tmp_path: Path) -> None:
    for rel in ["datapackage.json", "data"]:
        src = ROOT / rel
        (shutil.copytree if src.is_dir() else shutil.copyfile)(src, tmp_path / rel)
    assert len(newsfacts.load(tmp_path)["statements"]) == len(newsfacts.load(ROOT)["statements"])


def _reference_table(resource_name: str, data: bytes) -> pd.DataFrame:
    """load()'s frames as version 1.2.0 built them: every cell read as a string by the csv
    module, then converted column by column (the typed Arrow reader must give the same)."""
    import pyarrow as pa

    from newsfacts.csvio import from_csv
    from newsfacts.schema import RESOURCE_BY_NAME, field_for

    resource = RESOURCE_BY_NAME[resource_name]
    rows = from_csv(data)
    out = {}
    for name in resource.fields:
        f = field_for(resource, name)
        column = pd.Series([row[name] or None for row in rows], dtype="string")
        if f.type == "date":
            out[name] = pd.to_datetime(column, format="%Y-%m-%d").astype("datetime64[ms]")
        elif f.type == "boolean":
            out[name] = column.map({"true": True, "false": False}).astype("boolean")
        elif f.categories:
            out[name] = column.astype(pd.CategoricalDtype(list(f.categories)))
        elif f.type == "list":
            items = [None if v is pd.NA else v.split(f.delimiter) for v in column]
            out[name] = pd.Series(pd.arrays.ArrowExtensionArray(pa.array(items, pa.list_(pa.large_string()))))
        else:
            out[name] = column.astype({"integer": "Int64", "number": "float64", "string": "string"}[f.type])
    return pd.DataFrame(out, columns=list(resource.fields))


def _tricky_rows() -> dict[str, list[dict[str, object]]]:
    """Values a careless parser gets wrong: NA-like strings, quotes, commas, line breaks
    inside a cell, spaces, Unicode, missing optional dates and numbers."""
    na_like = ["NA", "N/A", "null", "None", "nan", "NaN", "-", "#N/A", "n/a", "TRUE", "0"]
    statements = []
    for i, word in enumerate(na_like):
        statements.append({
            "statement_id": f"st-{i:012x}", "source_id": "NA", "speaker_id": None, "speaker_text": word,
            "speaker_role": None if i % 2 else f' "{word}", role,\nsecond line ', "mode": ["direct", "partial", "indirect"][i % 3],
            "speech_act": "assert", "cue": "said", "text": f"“{word}” — l’été, 12,5 % ,\r\nnext", "start": i,
            "end": i + 10 ** (i % 12), "date_start": None if i % 3 else "2024-02-29", "date_end": "2024-03-01" if i % 3 == 0 else None,
            "date_precision": "day" if i % 3 == 0 else "unknown", "date_text": word if i % 2 else None,
            "date_inferred": bool(i % 2), "responds_to_statement_id": None,
        })
    figures = [{
        "figure_id": f"fg-{i:012x}", "source_id": "NA", "statement_id": None, "event_id": None, "value": v,
        "unit": "NA", "comparator": "eq", "quantity": "null", "text": "NA", "start": 0, "end": 2,
        "date_precision": "unknown", "date_inferred": False,
    } for i, v in enumerate([0.5, 7000, 1e-07, 123456789012.25, 0, -3.5])]
    actors = [{"actor_id": "na", "name": "NA", "kind": "organization", "country": None, "parent_actor_id": None,
               "aliases": ["N/A", "None", "null"]},
              {"actor_id": "none", "name": "None", "kind": "person", "country": "NAM", "parent_actor_id": "na", "aliases": []}]
    sources = [{"source_id": "NA", "path": "seeds/NA.txt", "sha256": "0" * 64, "characters": 2, "title": "null",
                "publisher": "N/A", "url": None, "published": None}]
    return {"sources": sources, "actors": actors, "statements": statements, "events": [], "figures": figures,
            "id_changes": []}


def test_the_typed_reader_gives_the_frames_of_the_string_reader(extracted_package: Path) -> None:
    from newsfacts.csvio import to_csv
    from newsfacts.schema import RESOURCES

    packages = {"repository": ROOT, "extracted": extracted_package}
    for label, root in packages.items():
        for r in RESOURCES:
            data = (root / r.path).read_bytes()
            pd.testing.assert_frame_equal(read_table(r.name, data), _reference_table(r.name, data), obj=f"{label} {r.name}")
    tricky = _tricky_rows()
    for r in RESOURCES:
        data = to_csv(r, tricky[r.name])
        got = read_table(r.name, data)
        pd.testing.assert_frame_equal(got, _reference_table(r.name, data), obj=f"tricky {r.name}")
        assert len(got) == len(tricky[r.name])
    st = read_table("statements", to_csv(RESOURCES[2], tricky["statements"]))
    assert st["speaker_text"].tolist()[:4] == ["NA", "N/A", "null", "None"] and st["speaker_text"].notna().all()
    assert st["speaker_role"].iloc[0] == ' "NA", role,\nsecond line '


def test_a_value_not_of_its_type_is_refused() -> None:
    import pytest

    header = "figure_id,source_id,statement_id,event_id,value,unit,comparator,quantity,text,start,end,date_start,date_end,date_precision,date_text,date_inferred\n"
    for bad in ["fg-000000000000,a,,,1,u,eq,q,t,zero,2,,,unknown,,false\n",
                "fg-000000000000,a,,,1,u,eq,q,t,0,2,2024-02-30,,day,,false\n",
                "fg-000000000000,a,,,1,u,eq,q,t,0,2,,,unknown,,yes\n"]:
        with pytest.raises(ValueError):
            read_table("figures", (header + bad).encode())


def _copy_package(tmp_path: Path) -> Path:
    for rel in ["datapackage.json", "data"]:
        src = ROOT / rel
        (shutil.copytree if src.is_dir() else shutil.copyfile)(src, tmp_path / rel)
    return tmp_path


def _rehash(pkg: Path, name: str) -> None:
    """The descriptor's bytes and hash of resource `name` made those of its file again."""
    import hashlib
    import json

    descriptor = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    entry = next(r for r in descriptor["resources"] if r["name"] == name)
    data = (pkg / entry["path"]).read_bytes()
    entry["bytes"], entry["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    (pkg / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def test_bytes_that_are_not_utf8_are_refused(tmp_path: Path) -> None:
    import pytest

    from newsfacts.packagefile import PackageError

    good = (ROOT / "data/statements.csv").read_bytes()
    for bad in (b"\xff", b"\xc3\x28", b"\xed\xa0\x80"):  # a stray byte, a broken sequence, a surrogate
        data = good.replace(b"said", b"sa" + bad + b"id", 1)
        assert data != good
        with pytest.raises(ValueError):
            read_table("statements", data)
    pkg = _copy_package(tmp_path)
    (pkg / "data/statements.csv").write_bytes(good.replace(b"said", b"sa\xffid", 1))
    _rehash(pkg, "statements")
    with pytest.raises(PackageError, match="statements: not a table of this schema .*utf-8"):
        newsfacts.load(pkg)


def test_the_hash_check_comes_before_the_parse_and_the_descriptors_order_decides(tmp_path: Path) -> None:
    """Tables are checked and parsed side by side, largest first; the error raised is still
    that of the first table in the descriptor's order, a failed hash before a failed parse."""
    import pytest

    from newsfacts.packagefile import PackageError

    pkg = _copy_package(tmp_path)
    (pkg / "data/events.csv").write_bytes(b"not,a,table\n")  # fails both checks: the size is named
    with pytest.raises(PackageError, match="events.csv: .*bytes, the descriptor says"):
        newsfacts.load(pkg)
    statements = pkg / "data/statements.csv"  # the largest table: parsed first
    statements.write_bytes(statements.read_bytes().replace(b",2024-06-18,", b",2024-06-31,", 1))
    _rehash(pkg, "statements")
    with pytest.raises(PackageError, match="resource statements: not a table of this schema"):
        newsfacts.load(pkg)
    actors = pkg / "data/actors.csv"  # before statements in the descriptor
    actors.write_bytes(actors.read_bytes().replace(b"person", b"persom", 1))  # same size, another hash
    with pytest.raises(PackageError, match="actors.csv: sha256 .* does not match"):
        newsfacts.load(pkg)


def test_every_column_can_be_changed_in_place() -> None:
    """The frames own writable memory, as to_pandas made them (a numpy view of Arrow's
    buffers is read-only)."""
    for name, frame in newsfacts.load(ROOT).items():
        if len(frame) < 2:
            continue
        for i, column in enumerate(frame.columns):
            if isinstance(frame[column].dtype, pd.ArrowDtype):  # a list cell: pandas sets a list as its items
                continue
            frame.iloc[0, i] = frame.iloc[1, i]
            assert frame[column].iloc[[0]].reset_index(drop=True).equals(frame[column].iloc[[1]].reset_index(drop=True)), (name, column)


def test_frames_share_no_column_labels() -> None:
    """Naming one frame's columns (an Index's name can be set in place) leaves the next load's alone."""
    newsfacts.load(ROOT)["events"].columns.name = "renamed"
    assert newsfacts.load(ROOT)["events"].columns.name is None


def test_an_unexpected_error_of_a_reader_is_raised_whichever_thread_reads(monkeypatch) -> None:
    """A reader's error that is not a PackageError (say a UnicodeEncodeError from an http
    redirect) is raised as it is, whether the calling thread or a helper read that table;
    a helper once lost it and load() reported a misleading size mismatch."""
    import importlib

    import pytest

    load_module = importlib.import_module("newsfacts.load")
    real = load_module.read_unchecked
    for failing in ("statements", "events", "figures", "sources"):
        def reader(package, name, deadline, failing=failing):
            if name == failing:
                raise UnicodeEncodeError("ascii", "é", 0, 1, f"cannot read {name}")
            return real(package, name, deadline)

        monkeypatch.setattr(load_module, "read_unchecked", reader)
        for _ in range(3):  # which thread takes which table varies
            with pytest.raises(UnicodeEncodeError, match=f"cannot read {failing}"):
                newsfacts.load(ROOT)

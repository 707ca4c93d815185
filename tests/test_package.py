"""The committed package: drift from the code, provenance, and Frictionless's own CLI."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from newsfacts import __version__
from newsfacts.build import build_files
from newsfacts.schema import FIELDS, RESOURCE_BY_NAME, RESOURCES, field_for
from newsfacts.validate import validate_package

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


@pytest.fixture(scope="module")
def generated() -> dict[str, bytes]:
    return build_files(ROOT)


def test_rebuild_is_byte_identical_to_what_is_committed(generated: dict[str, bytes]) -> None:
    for rel, data in generated.items():
        committed = (ROOT / rel).read_bytes()
        assert committed == data, f"{rel} differs from a rebuild: run the README's build command"


def test_building_twice_gives_the_same_bytes(generated: dict[str, bytes]) -> None:
    assert build_files(ROOT) == generated


def test_descriptor_shape() -> None:
    d = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert d["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert d["version"] == __version__
    assert d["licenses"] and d["contributors"] and d["sources"]
    assert [r["name"] for r in d["resources"]] == ["sources", "actors", "statements", "events", "figures", "id_changes"]
    for r in d["resources"]:
        assert r["type"] == "table"
        data = (ROOT / r["path"]).read_bytes()
        assert r["bytes"] == len(data)
        assert r["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        for f in r["schema"]["fields"]:
            if "categories" in f:
                assert f["constraints"]["enum"] == f["categories"]
    raw = (ROOT / "datapackage.json").read_bytes()
    assert raw.endswith(b"}\n") and b"\r" not in raw


def test_every_declared_field_is_used_and_every_used_field_declared() -> None:
    used = {name for r in RESOURCES for name in r.fields}
    assert used == set(FIELDS)
    for r in RESOURCES:
        assert r.primary_key in r.fields
        for fk in r.foreign_keys:
            assert fk.field in r.fields


def test_csv_headers_follow_the_schema() -> None:
    for r in RESOURCES:
        with open(ROOT / r.path, encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == list(r.fields)


CONTRACT_COLUMNS = {  # typed from ../shared/DATA-CONTRACT.md, the agreement with users
    "sources": "source_id path sha256 characters title publisher url published",
    "actors": "actor_id name kind country parent_actor_id aliases",
    "statements": "statement_id source_id speaker_id speaker_text speaker_role mode cue text start end "
    "date_start date_end date_precision date_text responds_to_statement_id",
    "events": "event_id source_id event_type event_mode actor_id target_id instrument instrument_origin_id "
    "date_start date_end date_precision date_text text start end statement_id claim_status",
    "figures": "figure_id source_id statement_id event_id value unit comparator quantity text start end "
    "date_start date_end date_precision date_text",
}


def test_contract_columns_kept() -> None:
    for name, columns in CONTRACT_COLUMNS.items():
        missing = set(columns.split()) - set(RESOURCE_BY_NAME[name].fields)
        assert not missing, (name, missing)


def test_contract_file_columns_are_all_present() -> None:
    """Every column named in the data contract's tables exists in our schema."""
    contract = ROOT.parent / "shared" / "DATA-CONTRACT.md"
    if not contract.exists():
        pytest.skip("../shared/DATA-CONTRACT.md is not next to this checkout")
    text = contract.read_text(encoding="utf-8")
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        name = section.split()[0]
        if name not in {r.name for r in RESOURCES}:
            continue
        fields = next(r for r in RESOURCES if r.name == name).fields
        for line in section.splitlines():
            m = re.match(r"\| ([a-z_, ]+) \|", line)
            if m and m.group(1) != "column":
                for col in m.group(1).split(","):
                    assert col.strip() in fields, f"{name}.{col.strip()} missing"


def test_provenance_of_every_committed_row() -> None:
    sources = {}
    with open(ROOT / "data/sources.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            data = (ROOT / row["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == row["sha256"]
            sources[row["source_id"]] = data.decode("utf-8")
            assert len(sources[row["source_id"]]) == int(row["characters"])
    count = 0
    for name in ("statements", "events", "figures"):
        with open(ROOT / f"data/{name}.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                article = sources[row["source_id"]]
                assert article[int(row["start"]) : int(row["end"])] == row["text"]
                count += 1
    assert count > 0


def test_newsfacts_validate_passes_on_committed_package() -> None:
    assert validate_package(ROOT) == []


def _frictionless(descriptor: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FRICTIONLESS), "validate", str(descriptor)], capture_output=True, text=True, timeout=300
    )


def test_frictionless_cli_passes_on_committed_package() -> None:
    result = _frictionless(ROOT / "datapackage.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_frictionless_cli_passes_on_an_extracted_package(extracted_package: Path) -> None:
    result = _frictionless(extracted_package / "datapackage.json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert validate_package(extracted_package) == []


def _copy_package(tmp_path: Path) -> Path:
    dest = tmp_path / "pkg"
    for rel in ["datapackage.json", "data", "seeds"]:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dest / rel)
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest / rel)
    return dest


def test_frictionless_cli_fails_on_a_changed_csv_byte(tmp_path: Path) -> None:
    pkg = _copy_package(tmp_path)
    path = pkg / "data/figures.csv"
    data = bytearray(path.read_bytes())
    i = data.index(b"7000")
    data[i] = ord("8")
    path.write_bytes(bytes(data))
    result = _frictionless(pkg / "datapackage.json")
    assert result.returncode != 0
    assert "hash" in result.stdout.lower()


def test_validate_catches_what_frictionless_cannot(tmp_path: Path) -> None:
    """A shifted offset with a recomputed hash passes Frictionless but not our check."""
    pkg = _copy_package(tmp_path)
    path = pkg / "data/statements.csv"
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    first = rows[0]
    text = text.replace(f",{first['start']},{first['end']},", f",{int(first['start']) + 1},{first['end']},", 1)
    path.write_text(text, encoding="utf-8")
    descriptor = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    for r in descriptor["resources"]:
        if r["name"] == "statements":
            data = path.read_bytes()
            r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    (pkg / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert _frictionless(pkg / "datapackage.json").returncode == 0
    errors = validate_package(pkg)
    assert any("is not article[" in e.message and e.code == "offset-error" for e in errors)


def test_validate_catches_a_changed_article(tmp_path: Path) -> None:
    pkg = _copy_package(tmp_path)
    seed = next((pkg / "seeds").glob("*.txt"))
    seed.write_bytes(seed.read_bytes().replace(b"Views: 12", b"Views: 13"))
    assert any("sha256" in e.message and e.code == "article-hash-error" for e in validate_package(pkg))


def test_codebook_documents_every_field() -> None:
    book = (ROOT / "docs/codebook.md").read_text(encoding="utf-8")
    for r in RESOURCES:
        for name in r.fields:
            f = field_for(r, name)
            shown = f"list of {f.item_type}, `{f.delimiter}`-separated".replace("|", "\\|") if f.type == "list" else f.type
            assert f"| `{name}` | {shown} |" in book


def test_the_csv_format_is_read_and_written_in_one_module() -> None:
    """validate, evaluate, diff, load, build and the reference data all go through csvio."""
    package_dir = Path(__file__).resolve().parent.parent / "scripts" / "newsfacts"
    offenders = [
        p.name for p in package_dir.glob("*.py")
        if p.name != "csvio.py" and any(s in p.read_text(encoding="utf-8") for s in ("csv.DictReader", "csv.writer", "read_csv("))
    ]
    assert offenders == []


def test_the_arrow_reader_and_the_row_reader_agree() -> None:
    """load() reads with Arrow's parser for speed; every other reader with csv: same cells."""
    import pyarrow as pa

    from newsfacts.csvio import from_csv, read_arrow
    from newsfacts.schema import RESOURCES

    root = Path(__file__).resolve().parent.parent
    for r in RESOURCES:
        data = (root / r.path).read_bytes()
        rows = from_csv(data)
        table = read_arrow(data, {n: pa.string() for n in r.fields})
        assert table.column_names == list(r.fields)
        assert [[row[f] for f in r.fields] for row in rows] == [
            ["" if v is None else v for v in record.values()] for record in table.to_pylist()
        ], r.name


def test_tables_gathered_article_by_article_are_the_sorted_tables() -> None:
    """The rows and CSVs gathered article by article, as the extractions arrive, are all
    rows sorted by (source id, start, end, id) and the bytes to_csv writes of them, whatever
    order the articles come in (source ids that sort differently from their file names:
    'a' < 'a-b' < 'a.b' < 'b')."""
    from newsfacts.article import read_article
    from newsfacts.csvio import to_csv
    from newsfacts.package import ARTICLE_TABLES, BuildError, Tables
    from newsfacts.pipeline import extract

    texts = [p for p in sorted((ROOT / "tests" / "articles").glob("*.txt"))][:3] + [ROOT / "seeds" / "000_bb5d0af167e4fb00.txt"]
    names = ["b", "a.b", "a-b", "a"]
    extractions = []
    for path, name in zip(texts, names):
        article = read_article(path)
        x = extract(type(article)(name, path, article.data, article.text, published=article.published), f"seeds/{name}.txt")
        extractions.append(x)
    assert all(x.statements for x in extractions)
    expected = {"sources": sorted((x.source for x in extractions), key=lambda r: r["source_id"])}
    for name in ("statements", "events", "figures"):
        key = RESOURCE_BY_NAME[name].primary_key
        expected[name] = sorted((r for x in extractions for r in getattr(x, name)),
                                key=lambda r: (r["source_id"], r["start"], r["end"], r[key]))
    for order in (extractions, extractions[::-1]):
        gathered = Tables()
        for x in order:
            gathered.add(x)
        rows = gathered.rows()
        for name in ARTICLE_TABLES:
            assert rows[name] == expected[name], name
            assert gathered.csv(RESOURCE_BY_NAME[name]) == to_csv(RESOURCE_BY_NAME[name], expected[name]), name
    assert [r["source_id"] for r in rows["sources"]] == ["a", "a-b", "a.b", "b"]
    with pytest.raises(BuildError, match="two articles with the source id a"):
        gathered.add(extractions[-1])

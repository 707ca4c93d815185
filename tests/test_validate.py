"""The vectorised validator against Frictionless: a corpus of tampered packages, one per
kind of error, on which both must flag the problem, with the same kind."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path
from typing import Callable

import pytest

from conftest import ROOT
from newsfacts.packagefile import open_package
from newsfacts.validate import frictionless_errors, validate_package


def _copy(dest: Path) -> Path:
    for rel in ["datapackage.json", "data", "seeds"]:
        src = ROOT / rel
        (shutil.copytree if src.is_dir() else shutil.copyfile)(src, dest / rel)
    return dest


def _rehash(pkg: Path) -> None:
    """The descriptor's bytes and hash made to match the tampered files again."""
    descriptor = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    for r in descriptor["resources"]:
        data = (pkg / r["path"]).read_bytes()
        r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    (pkg / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def _edit(table: str, change: Callable[[list[list[str]]], None]) -> Callable[[Path], None]:
    """A tampering that rewrites the rows of one CSV (header included) and rehashes."""

    def tamper(pkg: Path) -> None:
        path = pkg / "data" / f"{table}.csv"
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        change(rows)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
        _rehash(pkg)

    return tamper


def _set(table: str, column: str, value: str, row: int = 1) -> Callable[[Path], None]:
    def change(rows: list[list[str]]) -> None:
        rows[row][rows[0].index(column)] = value

    return _edit(table, change)


def _flip_byte(pkg: Path) -> None:
    path = pkg / "data" / "figures.csv"
    data = bytearray(path.read_bytes())
    i = data.index(b"7000")
    data[i] = ord("8")
    path.write_bytes(bytes(data))


def _add_byte(pkg: Path) -> None:
    path = pkg / "data" / "figures.csv"
    path.write_bytes(path.read_bytes() + b"\n")


TAMPERED: dict[str, tuple[Callable[[Path], None], str]] = {
    "integer not a number": (_set("statements", "start", "twelve"), "type-error"),
    "impossible date": (_set("events", "date_start", "2024-02-30"), "type-error"),
    "boolean not true or false": (_set("statements", "date_inferred", "yes"), "type-error"),
    "number not a number": (_set("figures", "value", "7k"), "type-error"),
    "required value empty": (_set("statements", "speaker_text", ""), "constraint-error"),
    "pattern": (_set("actors", "country", "usa"), "constraint-error"),
    "not one of the categories": (_set("statements", "mode", "shouted"), "constraint-error"),
    "below the minimum": (_set("sources", "characters", "0"), "constraint-error"),
    "repeated primary key": (_edit("actors", lambda rows: rows.append(list(rows[1]))), "primary-key"),
    "foreign key to nothing": (_set("events", "actor_id", "nobody-at-all"), "foreign-key"),
    "self-reference to nothing": (_set("statements", "responds_to_statement_id", "st-000000000000"), "foreign-key"),
    "a changed byte": (_flip_byte, "hash-count"),
    "a byte more": (_add_byte, "byte-count"),
    "a renamed column": (_edit("figures", lambda rows: rows[0].__setitem__(5, "units")), "incorrect-label"),
    "a cell too many": (_edit("actors", lambda rows: rows[1].append("x")), "extra-cell"),
    "a cell too few": (_edit("actors", lambda rows: rows[1].pop()), "missing-cell"),
}


@pytest.fixture(scope="module")
def tampered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One package per kind of error, each a copy of the repository's with one change."""
    out = {}
    for i, (label, (tamper, _)) in enumerate(TAMPERED.items()):
        pkg = _copy(tmp_path_factory.mktemp(f"tampered{i}"))
        tamper(pkg)
        out[label] = pkg
    return out


@pytest.mark.parametrize("label", list(TAMPERED))
def test_newsfacts_and_frictionless_both_flag_it_with_the_same_kind(label: str, tampered: dict[str, Path]) -> None:
    pkg, kind = tampered[label], TAMPERED[label][1]
    ours = validate_package(pkg)
    theirs = frictionless_errors(open_package(pkg))
    assert ours and theirs, (ours, theirs)
    assert kind in {e.code for e in ours}, ours
    assert kind in {e.code for e in theirs}, theirs
    assert all("\n" not in e for e in ours)


def test_the_untampered_copy_is_valid_for_both(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    assert validate_package(pkg) == []
    assert frictionless_errors(open_package(pkg)) == []


@pytest.mark.parametrize(
    "tamper, code, message",
    [
        (_set("statements", "start", "1"), "offset-error", "text is not article[1:"),
        (_set("events", "date_precision", "day"), "date-error", "a precision other than unknown without date_start"),
        (_set("sources", "characters", "2"), "article-length-error", "characters, the table says 2"),
    ],
)
def test_what_only_newsfacts_checks(tamper: Callable[[Path], None], code: str, message: str, tmp_path: Path) -> None:
    """Offsets, article lengths and dates against their precision."""
    pkg = _copy(tmp_path)
    tamper(pkg)
    assert frictionless_errors(open_package(pkg)) == []
    assert any(e.code == code and message in e for e in validate_package(pkg)), validate_package(pkg)


def test_many_problems_of_one_kind_are_counted_not_listed(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)

    def all_bad(rows: list[list[str]]) -> None:
        for row in rows[1:]:
            row[rows[0].index("start")] = "x"

    _edit("statements", all_bad)(pkg)
    errors = [e for e in validate_package(pkg) if "start is not of type integer" in e]
    assert len(errors) == 4 and "more row(s)" in errors[-1]


def test_validate_command_runs_frictionless_too_when_asked(tampered: dict[str, Path]) -> None:
    from click.testing import CliRunner

    from newsfacts.cli import main

    pkg = tampered["a changed byte"]
    plain = CliRunner().invoke(main, ["validate", str(pkg)])
    both = CliRunner().invoke(main, ["validate", "--frictionless", str(pkg)])
    assert plain.exit_code == both.exit_code == 1
    assert "does not match the descriptor's" in plain.stderr and "frictionless" not in plain.stderr
    assert "frictionless figures:" in both.stderr and "hash" in both.stderr
    assert CliRunner().invoke(main, ["validate", "--frictionless", str(ROOT)]).exit_code == 0


def test_frictionless_reads_the_list_field_as_lists() -> None:
    """actors.aliases is a Frictionless v2 list (itemType string, delimiter '|'): Frictionless
    itself reads each cell as a list, an empty cell as missing, and finds the package valid."""
    import frictionless

    from newsfacts.schema import RESOURCE_BY_NAME, field_for

    f = field_for(RESOURCE_BY_NAME["actors"], "aliases")
    assert (f.type, f.item_type, f.delimiter) == ("list", "string", "|")
    package = frictionless.Package(str(ROOT / "datapackage.json"))
    aliases = {row["actor_id"]: row["aliases"] for row in package.get_resource("actors").read_rows()}
    assert aliases["antony-blinken"] == ["Blinken"] and aliases["andriy-kostin"] is None
    assert frictionless.validate(str(ROOT / "datapackage.json")).valid

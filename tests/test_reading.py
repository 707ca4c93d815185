"""The reading side of issue 10: hostile files and malformed packages give one clear error.

Articles are read as regular files only, their size checked before reading (item 6); the
descriptor is read strictly by one reader for validate, load, diff, export and plot, and no
path leaves the package (items 8, 9, 10 locally); odd file names and metadata (item 12).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

import newsfacts
from conftest import ROOT, SEED
from newsfacts import safeio
from newsfacts.article import MAX_BYTES, ArticleError, read_article
from newsfacts.cli import main
from newsfacts.csvio import from_csv, to_csv
from newsfacts.diff import DiffError, read_package
from newsfacts.load import load, package_properties
from newsfacts.packagefile import PackageError, check_path
from newsfacts.schema import RESOURCE_BY_NAME
from newsfacts.validate import validate_package

HANG_GUARD = 30
"""Seconds after which a read that should return at once is called a hang (not a speed test)."""


def _copy(tmp_path: Path, name: str = "pkg") -> Path:
    dest = tmp_path / name
    for rel in ["data", "seeds"]:
        shutil.copytree(ROOT / rel, dest / rel)
    shutil.copyfile(ROOT / "datapackage.json", dest / "datapackage.json")
    return dest


def _descriptor(pkg: Path) -> dict[str, Any]:
    return json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))


def _write_descriptor(pkg: Path, descriptor: object) -> None:
    (pkg / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def _resource(descriptor: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def _rehash(pkg: Path, name: str) -> None:
    """Make the descriptor's bytes and hash agree with the resource's file again."""
    d = _descriptor(pkg)
    r = _resource(d, name)
    data = (pkg / r["path"]).read_bytes()
    r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    _write_descriptor(pkg, d)


def _rewrite_rows(pkg: Path, name: str, edit: Callable[[dict[str, str]], None]) -> None:
    path = pkg / "data" / f"{name}.csv"
    rows = from_csv(path.read_bytes())
    for row in rows:
        edit(row)
    path.write_bytes(to_csv(RESOURCE_BY_NAME[name], rows))
    _rehash(pkg, name)


def _returns_soon(call: Callable[[], object]) -> object:
    """Run `call` in a thread; fail (instead of hanging the suite) when it blocks."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 (handed back to the test)
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(HANG_GUARD)
    assert not thread.is_alive(), "the read blocked"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


def _one_line_cli_error(result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# --- item 6: articles are regular files, their size checked before reading ---------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_article_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match=r"pipe\.txt: is a FIFO"):
        _returns_soon(lambda: read_article(fifo))
    result = _returns_soon(lambda: CliRunner().invoke(main, ["extract", str(fifo), "--out", str(tmp_path / "o")]))
    assert "pipe.txt: is a FIFO" in _one_line_cli_error(result)


@pytest.mark.parametrize("device, problem", [("/dev/zero", "character device"), ("/dev/null", "character device")])
def test_a_device_is_refused_unread(device: str, problem: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    with pytest.raises(ArticleError, match=f"{device}: is a {problem}"):
        _returns_soon(lambda: read_article(Path(device)))


def test_a_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ArticleError, match="folder.txt: is a directory"):
        read_article(folder)


def test_the_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sparse file of the limit plus one byte is refused from os.fstat, with nothing read."""
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(ArticleError, match="too large"):
        read_article(big)
    assert reads == []


def test_at_most_limit_plus_one_bytes_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grows after its size was taken (here: fstat says 10 bytes) is read only to
    the limit plus one byte, then refused."""
    grown = tmp_path / "grown.txt"
    grown.write_bytes(b"a" * 50_000)
    real_fstat, real_read = os.fstat, os.read

    def small_fstat(fd: int) -> os.stat_result:
        s = real_fstat(fd)
        return os.stat_result((s.st_mode, s.st_ino, s.st_dev, s.st_nlink, s.st_uid, s.st_gid, 10,
                               int(s.st_atime), int(s.st_mtime), int(s.st_ctime)))

    got: list[int] = []
    monkeypatch.setattr(os, "fstat", small_fstat)
    monkeypatch.setattr(os, "read", lambda fd, n: (lambda b: got.append(len(b)) or b)(real_read(fd, n)))
    with pytest.raises(safeio.TooLarge, match="more than 1,000 bytes"):
        safeio.read_regular(grown, 1000)
    assert sum(got) == 1001


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_validate_refuses_a_fifo_at_an_article_path(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    seed = next((pkg / "seeds").glob("*.txt"))
    seed.unlink()
    os.mkfifo(seed)
    errors = _returns_soon(lambda: validate_package(pkg))
    assert errors and any(f"{seed.name}: is a FIFO" in e for e in errors)  # type: ignore[union-attr]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_validate_refuses_a_fifo_as_a_table(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    (pkg / "data/sources.csv").unlink()
    os.mkfifo(pkg / "data/sources.csv")
    result = _returns_soon(lambda: CliRunner().invoke(main, ["validate", str(pkg)]))
    assert result.exit_code == 1 and "sources.csv: is a FIFO" in result.stderr  # type: ignore[union-attr]
    with pytest.raises(PackageError, match="sources.csv: is a FIFO"):
        _returns_soon(lambda: load(pkg))


# --- item 8: validate says invalid; tables at the descriptor's paths --------------------------

def test_the_committed_package_is_valid_and_loads() -> None:
    assert validate_package(ROOT) == []
    assert set(load(ROOT)) == set(RESOURCE_BY_NAME)


def test_validate_refuses_a_removed_resource(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    d = _descriptor(pkg)
    d["resources"] = [r for r in d["resources"] if r["name"] != "figures"]
    _write_descriptor(pkg, d)
    (errors,) = validate_package(pkg)
    assert "no resource figures" in errors


@pytest.mark.parametrize("key", ["bytes", "hash", "schema"])
def test_validate_requires_bytes_hash_and_schema(tmp_path: Path, key: str) -> None:
    pkg = _copy(tmp_path)
    d = _descriptor(pkg)
    del _resource(d, "figures")[key]
    _write_descriptor(pkg, d)
    (error,) = validate_package(pkg)
    assert f"resource figures: no '{key}'" in error


def test_validate_refuses_a_changed_value_with_hash_bytes_and_schema_removed(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    path = pkg / "data/figures.csv"
    path.write_bytes(path.read_bytes().replace(b",7000,container,", b",7001,container,", 1))
    d = _descriptor(pkg)
    for key in ("bytes", "hash", "schema"):
        del _resource(d, "figures")[key]
    _write_descriptor(pkg, d)
    assert validate_package(pkg) != []
    result = CliRunner().invoke(main, ["validate", str(pkg)])
    assert result.exit_code == 1 and "figures" in result.stderr


def test_the_schema_in_code_is_used_not_the_descriptors_copy(tmp_path: Path) -> None:
    """A descriptor that loosens its own schema (kind as any text) cannot make a bad row valid."""
    pkg = _copy(tmp_path)
    d = _descriptor(pkg)
    kind = next(f for f in _resource(d, "actors")["schema"]["fields"] if f["name"] == "kind")
    kind.pop("categories"), kind["constraints"].pop("enum")
    _write_descriptor(pkg, d)
    (error,) = validate_package(pkg)
    assert "resource actors: schema differs" in error and "field kind" in error
    with pytest.raises(PackageError, match="schema differs"):
        load(pkg)


def test_a_1_x_package_is_refused_naming_the_retyped_field(tmp_path: Path) -> None:
    """2.0.0 reads actors.aliases as a list; a package of 1.x (aliases a string) is refused
    by load() with one line naming the field and both types."""
    pkg = _copy(tmp_path)
    d = _descriptor(pkg)
    aliases = next(f for f in _resource(d, "actors")["schema"]["fields"] if f["name"] == "aliases")
    aliases["type"] = "string"
    del aliases["itemType"], aliases["delimiter"]
    _write_descriptor(pkg, d)
    with pytest.raises(PackageError, match='field aliases: type "string", expected "list"'):
        load(pkg)


def test_frictionless_still_checks_types_and_keys_against_the_declared_schema(tmp_path: Path) -> None:
    """validate hands Frictionless this version's declarations with the package's paths and hashes."""
    pkg = _copy(tmp_path)
    _rewrite_rows(pkg, "figures", lambda row: row.update(value="many") if row["value"] == "7000" else None)
    _rewrite_rows(pkg, "statements", lambda row: row.update(speaker_id="nobody-here") if row["speaker_id"] else None)
    errors = validate_package(pkg)
    assert any(e.startswith("figures row ") and e.code == "type-error" and "many" in e for e in errors)
    assert any(e.startswith("statements row ") and e.code == "foreign-key" and "foreign key" in e for e in errors)


def test_free_text_of_the_schema_may_differ(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    d = _descriptor(pkg)
    _resource(d, "actors")["schema"]["fields"][0]["description"] = "Another wording."
    _resource(d, "actors")["title"] = "People and bodies"
    _write_descriptor(pkg, d)
    assert validate_package(pkg) == []


@pytest.mark.parametrize("outside", ["../outside.txt", "ABSOLUTE"])
def test_validate_never_reads_an_article_outside_the_package(tmp_path: Path, outside: str) -> None:
    """The file outside is an exact copy of the article, so only the path check can refuse it."""
    pkg = _copy(tmp_path)
    copy = tmp_path / "outside.txt"
    shutil.copyfile(SEED, copy)
    path = str(copy) if outside == "ABSOLUTE" else outside
    _rewrite_rows(pkg, "sources", lambda row: row.update(path=path))
    errors = validate_package(pkg)
    assert len(errors) == 1 and "path" in errors[0] and ("absolute" in errors[0] or "leaves" in errors[0])
    assert hashlib.sha256(copy.read_bytes()).hexdigest() not in errors[0]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symbolic_link_out_of_the_package_is_refused(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    seed = next((pkg / "seeds").glob("*.txt"))
    outside = tmp_path / "outside.txt"
    shutil.move(seed, outside)
    seed.symlink_to(outside)
    (error,) = validate_package(pkg)
    assert "leads outside the package" in error


def test_tables_are_read_at_the_descriptors_paths(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    (pkg / "tables").mkdir()
    shutil.move(pkg / "data/figures.csv", pkg / "tables/figures.csv")
    (pkg / "data/figures.csv").write_text("not, a, figures, table\n", encoding="utf-8")  # must not be read
    d = _descriptor(pkg)
    _resource(d, "figures")["path"] = "tables/figures.csv"
    _write_descriptor(pkg, d)
    assert validate_package(pkg) == []
    assert load(pkg)["figures"].equals(load(ROOT)["figures"])


def test_a_hash_that_is_a_number_is_one_line(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    d = _descriptor(pkg)
    _resource(d, "figures")["hash"] = 5
    _write_descriptor(pkg, d)
    (error,) = validate_package(pkg)
    assert "resource figures: 'hash' must be 'sha256:'" in error
    result = CliRunner().invoke(main, ["validate", str(pkg)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == [error, f"Error: {pkg}: 1 problem(s)"]


def test_a_source_id_with_a_line_break_is_invalid(tmp_path: Path) -> None:
    """Frictionless lets '$' match before a final line break; validate matches the whole cell."""
    pkg = _copy(tmp_path)
    (sid,) = {r["source_id"] for r in from_csv((pkg / "data/sources.csv").read_bytes())}
    for name in ("sources", "statements", "events", "figures"):
        _rewrite_rows(pkg, name, lambda row: row.update(source_id=sid + "\n"))
    errors = validate_package(pkg)
    assert errors and all("does not match" in e for e in errors)
    assert any(e.startswith("sources ") and "source_id" in e for e in errors)


# --- item 9: malformed descriptors, one error class for every reader -------------------------

def _renamed(d: dict[str, Any]) -> dict[str, Any]:
    _resource(d, "figures")["name"] = "figures2"
    return d


def _removed(d: dict[str, Any]) -> dict[str, Any]:
    d["resources"] = [r for r in d["resources"] if r["name"] != "events"]
    return d


def _edit_resource(resource: str, **changes: object) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def edit(d: dict[str, Any]) -> dict[str, Any]:
        r = _resource(d, resource)
        for key, value in changes.items():
            if value is KeyError:
                del r[key]
            else:
                r[key] = value
        return d
    return edit


STRUCTURE = {  # malformed for every reader, diff included
    "a list": lambda d: [],
    "an empty object": lambda d: {},
    "null": lambda d: None,
    "resources as an object": lambda d: {**d, "resources": {r["name"]: r for r in d["resources"]}},
    "a resource that is a number": lambda d: {**d, "resources": [5, *d["resources"]]},
    "a resource without a name": _edit_resource("actors", name=KeyError),
    "path as a list": _edit_resource("actors", path=["data/actors.csv", "data/more.csv"]),
    "no path": _edit_resource("actors", path=KeyError),
    "path ../": _edit_resource("actors", path="../../etc/passwd"),
    "absolute path": _edit_resource("actors", path="/etc/passwd"),
    "path as a URL": _edit_resource("actors", path="http://127.0.0.1:9/actors.csv"),
    "hash as a number": _edit_resource("actors", hash=5),
    "bytes as text": _edit_resource("actors", bytes="1200"),
    "bytes as a boolean": _edit_resource("actors", bytes=True),
    "schema as a list": _edit_resource("actors", schema=[]),
    "fields as an object": _edit_resource("actors", schema={"fields": {"name": "actor_id"}}),
    "sources as an object": lambda d: {**d, "sources": {"path": "x"}},
    "a javascript: source": lambda d: {**d, "sources": [{"title": "x", "path": "javascript:alert(1)"}]},
}
CONTRACT = {  # malformed for this version's readers (diff reports these as changes)
    "a renamed resource": _renamed,
    "a removed resource": _removed,
    "no hash": _edit_resource("actors", hash=KeyError),
    "no bytes": _edit_resource("actors", bytes=KeyError),
    "an unknown dialect": _edit_resource("actors", dialect={"delimiter": ";"}),
}


def _malformed(tmp_path: Path, case: str) -> Path:
    pkg = _copy(tmp_path)
    edit = {**STRUCTURE, **CONTRACT}[case]
    _write_descriptor(pkg, edit(_descriptor(pkg)))
    return pkg


def _assert_one_line(exc: BaseException, *names: str) -> None:
    message = str(exc)
    assert "\n" not in message and "datapackage.json" in message, message


@pytest.mark.parametrize("case", [*STRUCTURE, *CONTRACT, "not JSON", "not UTF-8"])
def test_malformed_descriptors_are_one_package_error_for_every_reader(tmp_path: Path, case: str) -> None:
    if case in ("not JSON", "not UTF-8"):
        pkg = _copy(tmp_path)
        (pkg / "datapackage.json").write_bytes(b"{\"resources\": [" if case == "not JSON" else b"\xff\xfe{}")
    else:
        pkg = _malformed(tmp_path, case)
    for read in (load, package_properties):
        with pytest.raises(PackageError) as err:
            read(pkg)
        _assert_one_line(err.value)
    assert newsfacts.IntegrityError is PackageError
    (error,) = validate_package(pkg)
    assert "\n" not in error
    runner = CliRunner()
    _one_line_cli_error(runner.invoke(main, ["export", "--format", "sqlite", "--out", str(tmp_path / "x.db"), "--package", str(pkg)]))
    _one_line_cli_error(runner.invoke(main, ["export", "--format", "parquet", "--out", str(tmp_path / "pq"), "--package", str(pkg)]))
    _one_line_cli_error(runner.invoke(main, ["plot", "--out", str(tmp_path / "t.svg"), "--package", str(pkg)]))
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "t.svg").exists()
    if case in CONTRACT:
        return
    with pytest.raises(DiffError) as err:
        read_package(str(pkg))
    assert isinstance(err.value, PackageError)
    _assert_one_line(err.value)
    _one_line_cli_error(runner.invoke(main, ["diff", str(ROOT), str(pkg)]), code=2)


def test_diff_reports_a_renamed_resource_as_a_change(tmp_path: Path) -> None:
    """Comparing versions, a renamed resource is a breaking change, not an error."""
    from newsfacts.diff import diff_packages

    d = diff_packages(read_package(str(ROOT)), read_package(str(_malformed(tmp_path, "a renamed resource"))))
    assert d.resources_removed == ["figures"] and d.resources_added == ["figures2"] and d.bump == "major"


def test_diff_never_reads_outside_the_package(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    secret = tmp_path / "secret.csv"
    secret.write_text("a,b\n1,2\n", encoding="utf-8")
    d = _descriptor(pkg)
    _resource(d, "actors")["path"] = "../secret.csv"
    _write_descriptor(pkg, d)
    with pytest.raises(DiffError, match=r"leaves or re-enters the package"):
        read_package(str(pkg))
    result = CliRunner().invoke(main, ["diff", str(ROOT), str(pkg)])
    assert "1,2" not in result.output and "secret" in _one_line_cli_error(result, code=2)


def test_load_refuses_etc_passwd_from_a_relative_path(tmp_path: Path) -> None:
    pkg = _copy(tmp_path)
    d = _descriptor(pkg)
    _resource(d, "actors")["path"] = "../../../../../../../../etc/passwd"
    _write_descriptor(pkg, d)
    with pytest.raises(PackageError, match=r"actors: path .* leaves or re-enters the package"):
        load(pkg)


@pytest.mark.parametrize("path", [
    "../x.csv", "data/../../x.csv", "data/%2e%2e/x.csv", "/etc/passwd", "C:/x.csv", "c:x.csv", "data\\x.csv",
    "http://host/x.csv", "//host/x.csv", "file:///etc/passwd", "javascript:alert(1)", "", " data/x.csv",
    "data/x.csv?x=1", "data/x\n.csv", "./data/x.csv", "data//x.csv",
])
def test_paths_outside_or_odd_are_refused(path: str) -> None:
    with pytest.raises(PackageError, match="path"):
        check_path(path, "d.json")


@pytest.mark.parametrize("path", ["data/x.csv", "seeds/000_bb5d0af167e4fb00.txt", "a", "data/a:b.csv", "data/x y.csv"])
def test_relative_paths_inside_are_accepted(path: str) -> None:
    assert check_path(path, "d.json") == path


# --- item 12 (reading): names, metadata, encodings -------------------------------------------

def test_a_file_name_with_a_line_break_is_no_source_id(tmp_path: Path) -> None:
    odd = tmp_path / "x\n.txt"
    odd.write_text("Russia said so.", encoding="utf-8")
    with pytest.raises(ArticleError, match="file name"):
        read_article(odd)


def _article_with_sidecar(tmp_path: Path, **meta: object) -> Path:
    article = tmp_path / "a.txt"
    article.write_text("Officials said 7,000 people fled.\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(meta), encoding="utf-8")
    return article


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/plain,x", "example.org/a",
                                 "http:///nohost", "ftp://example.org/a"])
def test_a_sidecar_url_must_be_http_or_https(tmp_path: Path, url: str) -> None:
    article = _article_with_sidecar(tmp_path, url=url)
    with pytest.raises(ArticleError, match=r"a\.json: 'url' must be an http:// or https:// address"):
        read_article(article)
    result = CliRunner().invoke(main, ["extract", str(article), "--out", str(tmp_path / "out")])
    assert "'url' must be" in _one_line_cli_error(result)
    assert not (tmp_path / "out").exists()


def test_an_https_sidecar_url_becomes_the_descriptor_source(tmp_path: Path) -> None:
    article = _article_with_sidecar(tmp_path, url="https://example.org/a", publisher="Example")
    assert read_article(article).url == "https://example.org/a"


@pytest.mark.parametrize("key, value", [("title", "Kyiv\x07 news"), ("title", "two\nlines"), ("publisher", "A\x1b[31mB"),
                                        ("byline", "John Smith\r"), ("title", "x\x85y"), ("title", "x\u2028y")])
def test_control_characters_in_metadata_are_refused(tmp_path: Path, key: str, value: str) -> None:
    """Refused, not stripped: the message names the sidecar, the key and the character."""
    article = _article_with_sidecar(tmp_path, **{key: value})
    with pytest.raises(ArticleError, match=rf"a\.json: '{key}' contains the control character U\+"):
        read_article(article)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_file_is_called_utf16_not_binary(tmp_path: Path, encoding: str) -> None:
    article = tmp_path / "wide.txt"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    article.write_bytes((bom + "Officials said 7,000 people fled.").encode(encoding))
    with pytest.raises(ArticleError) as err:
        read_article(article)
    assert encoding[:6].upper() in str(err.value) and "binary" not in str(err.value)


def test_a_null_size_or_hash_is_no_size_or_hash(tmp_path: Path) -> None:
    from newsfacts.packagefile import PackageError, open_package

    pkg = tmp_path / "pkg"
    shutil.copytree(ROOT / "data", pkg / "data")
    shutil.copytree(ROOT / "seeds", pkg / "seeds")
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][2]["bytes"] = None
    (pkg / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(PackageError, match="no 'bytes'"):
        open_package(pkg)


def test_a_fifo_for_a_descriptor_does_not_hang_the_check_of_out(tmp_path: Path) -> None:
    from newsfacts.package import is_package

    (tmp_path / "data").mkdir()
    (tmp_path / "seeds").mkdir()
    os.mkfifo(tmp_path / "datapackage.json")
    assert is_package(tmp_path) is False

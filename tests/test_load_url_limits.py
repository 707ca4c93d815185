"""load() over HTTP stays inside the package and within bounds (issue 10, item 10), against a
real server on 127.0.0.1: paths relative and under the descriptor's base URL, downloads
capped at the declared bytes, one deadline per file (total time, not per read)."""

from __future__ import annotations

import http.server
import json
import shutil
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

import newsfacts
from conftest import ROOT, serving
from newsfacts import PackageError, packagefile

SLOW_BYTE_EVERY = 0.05
"""Seconds between the bytes of the slow server (quick, so each read returns at once)."""
TEST_DEADLINE = 0.5
"""The deadline given to load() against the slow server: each read is quick, the whole is not."""


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory, and records every path asked for. /endless/data/... sends an
    endless body; /slow/data/... one byte every SLOW_BYTE_EVERY seconds; /liar/data/...
    declares a Content-Length larger than the file."""

    requested: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Handler.requested.append(self.path)
        kind = self.path.split("/")[1]
        if kind in ("endless", "slow", "liar") and "/data/" in self.path:
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            if kind == "liar":
                self.send_header("Content-Length", str(10**12))
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"x" * (65536 if kind == "endless" else 1))
                    self.wfile.flush()
                    if kind == "slow":
                        time.sleep(SLOW_BYTE_EVERY)
            except OSError:  # the client hung up: what the test wants
                return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


def _package(root: Path, name: str, edit=None) -> Path:
    dest = root / name
    shutil.copytree(ROOT / "data", dest / "data")
    d = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    if edit:
        edit(d)
    (dest / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    return dest


def _path(name: str, value: str):
    def edit(d: dict[str, Any]) -> None:
        next(r for r in d["resources"] if r["name"] == name)["path"] = value
    return edit


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("www")
    for name in ["good", "endless", "slow", "liar"]:
        _package(root, name)
    (root / "secret.csv").write_text("not, for, you\n", encoding="utf-8")
    with serving(root, Handler) as base:
        yield from _packages_around(root, base)


def _packages_around(root: Path, base: str) -> Iterator[tuple[str, Path]]:
    """The packages whose paths point outside the package, written once the base URL is known."""
    for name, edit in {
        "other-host": _path("actors", "http://127.0.0.2:9/actors.csv"),
        "same-host-absolute": _path("actors", f"{base}/good/data/actors.csv"),
        "dotdot": _path("actors", "../secret.csv"),
        "encoded-dotdot": _path("actors", "data/%2e%2e/%2E%2E/secret.csv"),
        "scheme-relative": _path("actors", "//127.0.0.1/secret.csv"),
        "rooted": _path("actors", "/secret.csv"),
    }.items():
        _package(root, name, edit)
    yield base, root


def test_the_good_package_loads(server: tuple[str, Path]) -> None:
    base, _ = server
    assert newsfacts.load(f"{base}/good/datapackage.json")["actors"].equals(newsfacts.load(ROOT)["actors"])


@pytest.mark.parametrize("name", ["other-host", "same-host-absolute", "dotdot", "encoded-dotdot", "scheme-relative", "rooted"])
def test_no_file_outside_the_base_url_is_fetched(server: tuple[str, Path], name: str) -> None:
    base, _ = server
    Handler.requested.clear()
    with pytest.raises(PackageError, match=r"resource actors: path .*(relative|leaves|URL)") as err:
        newsfacts.load(f"{base}/{name}/datapackage.json")
    assert "\n" not in str(err.value)
    assert Handler.requested == [f"/{name}/datapackage.json"]  # the descriptor only: nothing else was asked for


def test_an_endless_body_stops_at_the_declared_size(server: tuple[str, Path]) -> None:
    base, _ = server
    declared = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["resources"][0]["bytes"]
    with pytest.raises(PackageError, match=rf"endless/data/sources.csv: more than the {declared:,} bytes the descriptor declares"):
        newsfacts.load(f"{base}/endless/datapackage.json")


def test_a_declared_length_beyond_the_declared_bytes_is_refused_before_reading(server: tuple[str, Path]) -> None:
    base, _ = server
    with pytest.raises(PackageError, match=r"liar/data/sources.csv: more than the .* bytes the descriptor declares"):
        newsfacts.load(f"{base}/liar/datapackage.json")


def test_a_slow_server_meets_a_deadline_per_file(server: tuple[str, Path]) -> None:
    """One byte every 0.05 s: no single read waits long, but the file as a whole takes too long."""
    base, _ = server
    with pytest.raises(PackageError, match=rf"slow/data/sources.csv: not complete within the deadline of {TEST_DEADLINE:g} s"):
        newsfacts.load(f"{base}/slow/datapackage.json", deadline=TEST_DEADLINE)


def test_an_endless_descriptor_is_capped(server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    base, _ = server
    monkeypatch.setattr(packagefile, "DESCRIPTOR_LIMIT", 1000)
    with pytest.raises(PackageError, match=r"good/datapackage.json: too large"):
        newsfacts.load(f"{base}/good/datapackage.json")


def test_a_url_that_is_no_server_is_one_line(server: tuple[str, Path]) -> None:
    with pytest.raises(PackageError, match="cannot be fetched") as err:
        newsfacts.load("http://127.0.0.1:9/datapackage.json", deadline=5)
    assert "\n" not in str(err.value)

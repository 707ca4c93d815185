"""newsfacts.load from a real HTTP server on 127.0.0.1: integrity checks before parsing."""

from __future__ import annotations

import http.server
import shutil
from pathlib import Path
from typing import Iterator

import pytest

import newsfacts
from conftest import ROOT, serving
from newsfacts import IntegrityError


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory; /moved/... redirects to /good/..."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path.startswith("/moved/"):
            self.send_response(302)
            self.send_header("Location", "/good/" + self.path.removeprefix("/moved/"))
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


def _package(root: Path, name: str) -> Path:
    dest = root / name
    shutil.copytree(ROOT / "data", dest / "data")
    shutil.copyfile(ROOT / "datapackage.json", dest / "datapackage.json")
    return dest


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("www")
    for name in ["good", "tampered", "truncated", "missing"]:
        _package(root, name)
    path = root / "tampered/data/figures.csv"
    path.write_bytes(path.read_bytes().replace(b"7000", b"7001"))
    path = root / "truncated/data/statements.csv"
    path.write_bytes(path.read_bytes()[:-40])
    (root / "missing/data/events.csv").unlink()
    with serving(root, Handler) as base:
        yield base, root


def test_load_from_url_equals_local(server: tuple[str, Path]) -> None:
    base, _ = server
    remote = newsfacts.load(f"{base}/good/datapackage.json")
    local = newsfacts.load(ROOT)
    for name in local:
        assert remote[name].equals(local[name]), name


def test_redirect_is_followed(server: tuple[str, Path]) -> None:
    base, _ = server
    assert len(newsfacts.load(f"{base}/moved/datapackage.json")["statements"]) > 0


def test_tampered_file_is_refused_naming_file_and_both_hashes(server: tuple[str, Path]) -> None:
    base, root = server
    import hashlib

    good = hashlib.sha256((ROOT / "data/figures.csv").read_bytes()).hexdigest()
    bad = hashlib.sha256((root / "tampered/data/figures.csv").read_bytes()).hexdigest()
    with pytest.raises(IntegrityError) as err:
        newsfacts.load(f"{base}/tampered/datapackage.json")
    message = str(err.value)
    assert "figures.csv" in message and good in message and bad in message


def test_truncated_file_is_refused(server: tuple[str, Path]) -> None:
    base, _ = server
    with pytest.raises(IntegrityError, match="statements.csv.*bytes"):
        newsfacts.load(f"{base}/truncated/datapackage.json")


def test_missing_file_and_404(server: tuple[str, Path]) -> None:
    base, _ = server
    with pytest.raises(IntegrityError, match="events.csv.*404"):
        newsfacts.load(f"{base}/missing/datapackage.json")
    with pytest.raises(IntegrityError, match="404"):
        newsfacts.load(f"{base}/nowhere/datapackage.json")


def test_version_pin(server: tuple[str, Path]) -> None:
    base, _ = server
    version = newsfacts.__version__
    assert newsfacts.load(f"{base}/good/datapackage.json", version=version)
    with pytest.raises(IntegrityError, match="9.9.9"):
        newsfacts.load(f"{base}/good/datapackage.json", version="9.9.9")


def test_local_tampering_is_refused_too(tmp_path: Path) -> None:
    pkg = _package(tmp_path, "p")
    path = pkg / "data/actors.csv"
    path.write_bytes(path.read_bytes() + b"x,y,person,,,\n")
    with pytest.raises(IntegrityError, match="actors.csv"):
        newsfacts.load(pkg)

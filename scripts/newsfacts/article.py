"""Read an article file and its optional metadata sidecar, refusing bad input clearly."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from newsfacts.schema import FIELDS

MAX_BYTES = 2_000_000
"""Largest article accepted (2 MB of UTF-8): far above any news article, small enough
that a wrong file (a database dump, a video) is refused instead of processed."""


SOURCE_ID = re.compile(FIELDS["source_id"].pattern or "")


EARLIEST, LATEST = dt.date(1800, 1, 1), dt.date(2200, 12, 31)
"""Publication dates outside this span are refused as mistakes."""


class ArticleError(Exception):
    """An article that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Article:
    """An article's text and what is known about it."""

    source_id: str
    path: Path
    data: bytes
    text: str
    title: str | None = None
    byline: str | None = None
    """The author the sidecar names ('byline' or 'speaker': 'Antony J. Blinken, Secretary of State')."""
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def decode_article(path: Path, data: bytes) -> str:
    """The text of an article file, or ArticleError saying why it is unusable."""
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{path}: too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if b"\x00" in data:
        raise ArticleError(f"{path}: binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.replace("\ufeff", "").strip():
        raise ArticleError(f"{path}: empty article (no text)")
    return text


def parse_published(value: str) -> dt.date:
    """A publication date: YYYY-MM-DD between EARLIEST and LATEST, else ValueError."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError  # fromisoformat also takes 20240621 and 2024-W25-5
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date") from None
    if not EARLIEST <= date <= LATEST:
        raise ValueError(f"{date} is outside {EARLIEST} to {LATEST}")
    return date


def _parse_date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return parse_published(str(value))
    except ValueError as exc:
        raise ArticleError(f"{where}: 'published' {exc}") from None


def read_metadata(path: Path) -> dict[str, object]:
    """The sidecar `<stem>.json` next to an article, or an empty dict when there is none."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleError(f"{sidecar}: unreadable metadata ({exc})") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{sidecar}: metadata must be a JSON object")
    for key in ("title", "publisher", "outlet", "url", "published", "byline", "speaker"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise ArticleError(f"{sidecar}: '{key}' must be a string or null, not {type(meta[key]).__name__}")
    return meta


def read_article(path: Path, published: dt.date | None = None) -> Article:
    """Read and check one article; `published` overrides the sidecar's date."""
    path = Path(path)
    if path.is_dir():
        raise ArticleError(f"{path}: is a directory, not an article file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror})") from None
    text = decode_article(path, data)
    if not SOURCE_ID.match(path.stem):
        raise ArticleError(
            f"{path}: the file name must start with a letter or digit and use only letters, "
            "digits, '.', '_' and '-' (it becomes the source id)"
        )
    meta = read_metadata(path)
    return Article(
        source_id=path.stem,
        path=path,
        data=data,
        text=text,
        title=meta.get("title") or None,
        byline=meta.get("byline") or meta.get("speaker") or None,
        publisher=meta.get("publisher") or meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=published or _parse_date(meta.get("published"), str(path)),
    )

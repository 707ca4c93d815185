"""Read an article file and its optional metadata sidecar, refusing bad input clearly."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from newsfacts.safeio import ReadError, read_regular
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


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode_article(path: Path, data: bytes) -> str:
    """The text of an article file, or ArticleError saying why it is unusable."""
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{path}: too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            raise ArticleError(f"{path}: {encoding} text (it starts with a {encoding} byte-order mark); save it as UTF-8")
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
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ArticleError(f"{sidecar}: '{key}' must be a string or null, not {type(value).__name__}")
        control = CONTROL.search(value)
        if control:
            raise ArticleError(
                f"{sidecar}: '{key}' contains the control character U+{ord(control.group()):04X}; "
                "metadata values are one line of text"
            )
    url = meta.get("url")
    if url and not _is_web_url(url):
        raise ArticleError(f"{sidecar}: 'url' must be an http:// or https:// address, not {url[:60]!r}")
    return meta


CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (C0, DEL, C1) and line or paragraph separators, refused in metadata values."""


def _is_web_url(value: str) -> bool:
    parts = urllib.parse.urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and value == value.strip()


def read_article(path: Path, published: dt.date | None = None) -> Article:
    """Read and check one article; `published` overrides the sidecar's date."""
    path = Path(path)
    try:
        data = read_regular(path, MAX_BYTES)  # a FIFO, a device or a directory is refused unread
    except ReadError as exc:
        raise ArticleError(str(exc)) from None
    text = decode_article(path, data)
    if not SOURCE_ID.fullmatch(path.stem):  # fullmatch: '$' alone would let 'x\n' through
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

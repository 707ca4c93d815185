"""Read bytes within bounds: a local file only when it is a regular file, its size checked on
the opened descriptor before reading and at most limit + 1 bytes read; an http(s) URL with
at most limit + 1 bytes read and one deadline for the whole transfer."""

from __future__ import annotations

import os
import stat
import time
import urllib.parse
from pathlib import Path
from typing import Callable

from newsfacts import __version__

MAX_REDIRECTS = 5
CHUNK = 1 << 16


class ReadError(Exception):
    """A file or URL that cannot be read within bounds; the message names it."""


class TooLarge(ReadError):
    """More bytes than the limit (the message says the limit)."""


_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def _kind_problem(mode: int) -> str | None:
    for test, problem in _KINDS:
        if test(mode):
            return problem
    return None if stat.S_ISREG(mode) else "is not a regular file"


def _read_capped(read: Callable[[int], bytes], limit: int, name: str) -> bytes:
    """Read with `read(n)` (at most n bytes, b'' at the end) until the end, never more than
    limit+1 bytes in all; more than `limit` is TooLarge."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise TooLarge(f"{name}: too large (more than {limit:,} bytes, the limit)")
    return b"".join(chunks)


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at `path` (symbolic links followed). A directory, FIFO,
    device or socket is refused without reading (a FIFO is opened without waiting for a
    writer); a file larger than `limit` is refused from its size before reading, and never
    more than limit + 1 bytes are read, in case it grows."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        problem = _kind_problem(info.st_mode)
        if problem:
            raise ReadError(f"{path}: {problem}")
        if info.st_size > limit:
            raise TooLarge(f"{path}: too large ({info.st_size:,} bytes; the limit is {limit:,})")
        step = max(CHUNK, info.st_size + 1)  # the whole file in one read (one copy), unless it grows
        return _read_capped(lambda n: os.read(fd, min(step, n)), limit, str(path))
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)


def _left(end: float, url: str, deadline: float) -> float:
    """Seconds left before `end`, or ReadError when none are."""
    left = end - time.monotonic()
    if left <= 0:
        raise ReadError(f"{url}: not complete within the deadline of {deadline:g} s")
    return left


def read_url(url: str, limit: int, deadline: float) -> bytes:
    """The body at an http(s) URL, following up to MAX_REDIRECTS redirects to http(s) URLs.
    Refused when the answer is not 200, when the body is longer than `limit` bytes (reading
    stops at limit + 1) or when the whole transfer, redirects included, takes longer than
    `deadline` seconds (a server sending one byte a second is stopped too)."""
    import http.client  # here, not at the top: the command line starts without it

    end = time.monotonic() + deadline
    for _ in range(MAX_REDIRECTS + 1):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ReadError(f"{url}: not an http(s) URL")
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        try:
            connection = connection_class(parts.hostname, parts.port, timeout=_left(end, url, deadline))
        except ValueError as exc:  # a port that is not a number
            raise ReadError(f"{url}: not a valid URL ({exc})") from None
        try:
            target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
            connection.request("GET", target, headers={
                "User-Agent": f"newsfacts/{__version__}", "Accept-Encoding": "identity",
            })
            sock = connection.sock
            sock.settimeout(_left(end, url, deadline))
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urllib.parse.urljoin(url, response.getheader("Location", ""))
                continue
            if response.status != 200:
                raise ReadError(f"{url}: HTTP {response.status} {response.reason}")
            declared = response.getheader("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise TooLarge(f"{url}: too large ({int(declared):,} bytes; the limit is {limit:,})")

            def chunk(n: int) -> bytes:
                sock.settimeout(_left(end, url, deadline))  # the deadline holds for the whole body
                return response.read1(min(CHUNK, n))

            data = _read_capped(chunk, limit, url)
            _left(end, url, deadline)
            return data
        except TimeoutError:
            raise ReadError(f"{url}: not complete within the deadline of {deadline:g} s") from None
        except (OSError, http.client.HTTPException) as exc:
            raise ReadError(f"{url}: cannot be fetched ({exc.strerror if isinstance(exc, OSError) and exc.strerror else exc})") from None
        finally:
            connection.close()
    raise ReadError(f"{url}: more than {MAX_REDIRECTS} redirects")

"""Replace a directory as a whole by a swap of folders under a lock, so that a reader, a
crash or a second run never sees half of it (one file: package.replace_atomically).

A directory `out` is replaced like this (every name below sits beside `out`, in its
parent, so all renames stay on one file system):

1. `locked(out)` takes an exclusive `flock` on `.<name>.newsfacts-lock`; a second run
   that finds it held stops at once with a one-line `OutputError` (it does not wait).
   The lock file is removed when the run ends; a killed run leaves it behind unlocked
   (the kernel drops the lock with the process), and the next run simply takes it.
2. Holding the lock, `recover(out)` finishes what a killed run left: if `out` is missing but
   `.<name>.newsfacts-old-<pid>` exists, that is the previous package, renamed away just
   before a crash, and it is renamed back; then every `.<name>.newsfacts-staging-<pid>`
   and `.<name>.newsfacts-old-<pid>` left over is removed.
3. `replace_directory` writes the new content into a fresh
   `.<name>.newsfacts-staging-<pid>`.
4. The swap. Where the system has it (Linux `renameat2` with `RENAME_EXCHANGE`), the
   staging folder and `out` trade places in one atomic step: `out` is the old package
   until that instant and the new one after it; the staging name now holds the old
   package, which is removed. Elsewhere two renames are made: `out` ->
   `.<name>.newsfacts-old-<pid>`, then staging -> `out`, then the old one is removed.
   A crash before the swap leaves `out` untouched and a stale staging folder; a crash
   between the two renames leaves no `out` and the old one beside it (step 2 puts it
   back); a crash after the swap leaves the new `out` and a stale old folder. Nothing
   is ever written inside `out` itself.

This guards against a run that fails, is interrupted or is killed, and against a second
run; files are not flushed to disk one by one (fsync would double the time of a large
extraction), so a power failure right after a swap may still lose the newest files.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import glob
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Callable

LOCK = ".newsfacts-lock"
STAGING = ".newsfacts-staging-"
OLD = ".newsfacts-old-"


class OutputError(Exception):
    """An output that must not be written now or there; the message names it and says why."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets from open() under the current umask (usually 0644)."""
    return 0o666 & ~_umask()


def dir_mode() -> int:
    """The mode a new directory gets from mkdir() under the current umask (usually 0755)."""
    return 0o777 & ~_umask()


def occupied(path: Path) -> bool:
    """True when `path` exists and is not an empty directory."""
    if not os.path.lexists(path):
        return False
    return not path.is_dir() or any(path.iterdir())


def _real(out: Path) -> Path:
    """The absolute path of `out`, through a symbolic link that `out` itself is (the
    link's target is replaced, not the link)."""
    return Path(os.path.realpath(out) if out.is_symlink() else os.path.abspath(out))


def _beside(out: Path, tag: str) -> Path:
    return out.parent / f".{out.name}{tag}"


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of directory `out` (see the module's notes) or raise OutputError at
    once when another run holds it; first recover from what a killed run left, so that
    whoever holds the lock sees `out` as it was before that run. Not re-entrant: take it
    once per run."""
    real = _real(out)
    path = _beside(real, LOCK)
    real.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, file_mode())
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputError(
                f"{out}: another newsfacts run is writing it (lock {path} is held); try again when it has ended"
            ) from None
        try:
            current = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(fd)  # the run that held it removed the file meanwhile: lock the new one
    try:
        recover(out)
        yield
    finally:
        with suppress(FileNotFoundError):
            os.unlink(path)  # removed while still held, so that no run can lock a stale file
        os.close(fd)


def _leftovers(real: Path, tag: str) -> list[Path]:
    pattern = os.path.join(glob.escape(str(real.parent)), glob.escape(f".{real.name}{tag}") + "*")
    return sorted(Path(p) for p in glob.glob(pattern))


def recover(out: Path) -> None:
    """Put back the package a crash left renamed away, and remove stale staging and old
    folders of `out` (call it while holding `locked(out)`)."""
    real = _real(out)
    old = _leftovers(real, OLD)
    if old and not os.path.lexists(real):
        os.rename(old.pop(), real)
    for stale in old + _leftovers(real, STAGING):
        shutil.rmtree(stale)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE); False
    where the system or the file system cannot, and nothing is changed."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_in(staging: Path, out: Path) -> None:
    """Make the complete folder `staging` the new `out` (see the module's notes)."""
    real = _real(out)
    if not os.path.lexists(real):
        os.rename(staging, real)
    elif _exchange(staging, real):
        shutil.rmtree(staging, ignore_errors=True)  # the old content now; recover() removes what is left
    else:
        old = _beside(real, f"{OLD}{os.getpid()}")
        os.rename(real, old)
        os.rename(staging, real)
        shutil.rmtree(old, ignore_errors=True)


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    """Write `files` (bytes keyed by relative path) under `root`."""
    made: set[Path] = set()
    for rel, data in files.items():
        target = root / rel
        if target.parent not in made:  # one mkdir per folder, not one per file
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)


def replace_directory(out: Path, write: Callable[[Path], None]) -> None:
    """Replace directory `out` as a whole with what `write(staging)` puts in a fresh
    folder beside it; `out` is the old content or the new one at every instant. Call it
    while holding `locked(out)`."""
    real = _real(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{real.name}{STAGING}{os.getpid()}-", dir=real.parent))
    try:
        os.chmod(staging, dir_mode())
        write(staging)
        swap_in(staging, out)
    finally:
        if os.path.lexists(staging):
            shutil.rmtree(staging)

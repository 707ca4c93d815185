"""Writing outputs whole (issue 10): a package swapped in as a whole under a lock, --force,
sidecars in the package, case collisions, exports that replace only their own files, a kill
test and a concurrency test with real processes (bounded: a few seconds in all)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import OWN_ARTICLES, SEED
from newsfacts import output
from newsfacts.cli import main
from newsfacts.output import OutputError, dir_mode, file_mode, locked, replace_directory
from newsfacts.validate import validate_package

CLI = [sys.executable, "-c", "from newsfacts.cli import main; main()"]
LINUX_PROC = Path("/proc/self/stat").exists()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones too), by relative path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def beside(out: Path) -> list[str]:
    """What sits next to `out` in its parent that newsfacts may have left (lock, staging, old)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def extract(runner: CliRunner, out: Path, *args: str):
    return runner.invoke(main, ["extract", *args, "--out", str(out)])


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- --out must be new, empty, or a package replaced with --force -------------------------

def test_a_folder_holding_other_files_is_never_replaced(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    for force in ([], ["--force"]):
        result = extract(runner, out, str(OWN_ARTICLES[0]), *force)
        assert result.exit_code == 1
        assert str(out) in one_line(result) and "not a newsfacts package" in one_line(result)
        assert snapshot(out) == {"notes.txt": b"my notes"}
    assert beside(out) == []


def test_a_package_is_replaced_only_with_force_and_then_as_a_whole(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    (tmp_path / "empty").mkdir()
    assert extract(runner, tmp_path / "empty", str(OWN_ARTICLES[0])).exit_code == 0  # an empty folder is fine
    assert extract(runner, out, str(OWN_ARTICLES[0])).exit_code == 0
    before = snapshot(out)
    result = extract(runner, out, str(OWN_ARTICLES[1]))
    assert result.exit_code == 1 and "--force" in one_line(result) and str(out) in one_line(result)
    assert snapshot(out) == before
    result = extract(runner, out, str(OWN_ARTICLES[1]), "--force")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (out / "seeds").iterdir())
    assert names == [OWN_ARTICLES[1].with_suffix(".json").name, OWN_ARTICLES[1].name]  # the old article is gone
    assert validate_package(out) == []
    assert not [p for p in out.rglob(".*")]  # nothing hidden inside the package
    assert beside(out) == []  # no lock, staging or old folder beside it
    assert out.stat().st_mode & 0o777 == dir_mode()  # not the 0700 of a temporary folder
    assert (out / "datapackage.json").stat().st_mode & 0o777 == file_mode()


# --- sidecars travel into the package ------------------------------------------------------

def test_sidecars_travel_and_re_extracting_a_package_keeps_its_metadata(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Russia launched missiles at Kyiv on June 3, the Ukrainian Air Force said.\n",
                               encoding="utf-8")
    (src / "a.json").write_text(json.dumps({"published": "2023-06-05", "publisher": "Example News",
                                            "url": "https://example.org/a", "notes": "not carried"}), encoding="utf-8")
    (src / "b.txt").write_text("Officials said 7,000 people fled on June 4.\n", encoding="utf-8")  # no sidecar
    first, second = tmp_path / "first", tmp_path / "second"
    assert extract(runner, first, str(src)).exit_code == 0
    assert json.loads((first / "seeds/a.json").read_text(encoding="utf-8")) == {
        "title": None, "publisher": "Example News", "url": "https://example.org/a", "published": "2023-06-05",
        "byline": None}
    assert not (first / "seeds/b.json").exists()
    assert validate_package(first) == []
    assert extract(runner, second, str(first / "seeds")).exit_code == 0
    for rel in ("data/sources.csv", "data/events.csv", "data/statements.csv", "seeds/a.json"):
        assert (second / rel).read_bytes() == (first / rel).read_bytes(), rel
    assert "2023-06-03" in (second / "data/events.csv").read_text(encoding="utf-8")
    # --published is what the package's sidecar keeps
    third = tmp_path / "third"
    assert extract(runner, third, str(src / "b.txt"), "--published", "2022-06-05").exit_code == 0
    assert json.loads((third / "seeds/b.json").read_text(encoding="utf-8"))["published"] == "2022-06-05"


def test_names_that_differ_only_by_case_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    for folder, name in (("one", "Case.txt"), ("two", "case.txt")):
        (tmp_path / folder).mkdir()
        shutil.copyfile(OWN_ARTICLES[0], tmp_path / folder / name)
    out = tmp_path / "out"
    result = extract(runner, out, str(tmp_path / "one/Case.txt"), str(tmp_path / "two/case.txt"))
    assert result.exit_code == 1
    assert "case.txt" in one_line(result) and "case-insensitive" in one_line(result)
    assert not out.exists()


# --- the lock: a second run stops with one line -------------------------------------------

def test_a_held_lock_stops_a_second_run_and_is_removed_after(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    with locked(out):
        assert beside(out) == [".pkg.newsfacts-lock"]  # beside --out, never inside it
        result = extract(runner, out, str(OWN_ARTICLES[0]))
        assert result.exit_code == 1 and "another newsfacts run" in one_line(result)
        assert not out.exists()
        with pytest.raises(OutputError, match="another newsfacts run"):
            with locked(out):
                pass
    assert beside(out) == []
    assert extract(runner, out, str(OWN_ARTICLES[0])).exit_code == 0


def test_two_runs_at_once_one_writes_the_other_gets_the_lock_message(tmp_path: Path) -> None:
    """The first run holds the lock while it waits for its list of articles on standard
    input; the second starts meanwhile and must stop; then the first completes."""
    out = tmp_path / "pkg"
    first = subprocess.Popen([*CLI, "extract", "--from", "-", "-o", str(out)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not (tmp_path / ".pkg.newsfacts-lock").exists():
            assert first.poll() is None and time.monotonic() < deadline, "the first run never took the lock"
            time.sleep(0.02)
        time.sleep(0.2)  # from creating the lock file to holding it is one system call
        second = subprocess.run([*CLI, "extract", str(OWN_ARTICLES[0]), "-o", str(out)], capture_output=True,
                                text=True, timeout=60)
        _, err = first.communicate("\n".join(map(str, OWN_ARTICLES[:3])) + "\n", timeout=60)
    finally:
        first.kill()
    assert second.returncode == 1 and len(second.stderr.strip().splitlines()) == 1
    assert "another newsfacts run" in second.stderr and str(out) in second.stderr
    assert first.returncode == 0, err
    assert sorted(p.name for p in (out / "seeds").glob("*.txt")) == sorted(p.name for p in OWN_ARTICLES[:3])
    assert validate_package(out) == []
    assert beside(out) == []


# --- what a crash leaves, the next run repairs ---------------------------------------------

def test_the_next_run_puts_back_a_package_renamed_away_and_removes_leftovers(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    assert extract(runner, out, str(OWN_ARTICLES[0])).exit_code == 0
    before = snapshot(out)
    out.rename(tmp_path / ".pkg.newsfacts-old-4242")  # killed between the two renames
    (tmp_path / ".pkg.newsfacts-staging-4242-x/data").mkdir(parents=True)  # killed while staging
    (tmp_path / ".pkg.newsfacts-lock").touch()  # killed while holding the lock
    (tmp_path / ".other.newsfacts-staging-1").mkdir()  # another output's: not ours to touch
    result = extract(runner, out, str(OWN_ARTICLES[1]))
    assert result.exit_code == 1 and "--force" in one_line(result)  # the package is back, so it is protected
    assert snapshot(out) == before
    assert beside(out) == []
    assert (tmp_path / ".other.newsfacts-staging-1").is_dir()


def test_the_two_rename_swap_where_no_atomic_exchange_exists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    out = tmp_path / "dir"
    for content in (b"one", b"two"):
        with locked(out):
            replace_directory(out, lambda staging, c=content: (staging / "f").write_bytes(c))
        assert snapshot(out) == {"f": content}
        assert beside(out) == []


def test_a_failure_while_staging_leaves_the_old_content(tmp_path: Path) -> None:
    out = tmp_path / "dir"
    out.mkdir()
    (out / "f").write_bytes(b"old")

    def fail(staging: Path) -> None:
        (staging / "f").write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError), locked(out):
        replace_directory(out, fail)
    assert snapshot(out) == {"f": b"old"} and beside(out) == []


# --- killed runs and their workers -----------------------------------------------------------

def _descendants(pid: int) -> set[int]:
    """Processes below `pid` (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, pp in parents.items() if pp == p}
        todo += kids - found
        found |= kids
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _articles(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for i in range(copies):
        for p in [SEED, *OWN_ARTICLES]:
            shutil.copyfile(p, folder / f"c{i:03d}_{p.name}")
    return folder


def _wait_until_gone(pids: set[int], seconds: float = 10) -> set[int]:
    """The processes still running after up to `seconds`; those are killed (a failing test
    leaves no process behind)."""
    deadline = time.monotonic() + seconds
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = {p for p in pids if _running(p)}
    for p in survivors:
        os.kill(p, signal.SIGKILL)
    return survivors


@pytest.mark.skipif(not LINUX_PROC or (os.cpu_count() or 1) < 2, reason="needs /proc and two cores for two workers")
def test_killing_the_parent_of_jobs_2_leaves_no_worker(tmp_path: Path) -> None:
    articles = _articles(tmp_path / "articles", 40)
    run = subprocess.Popen([*CLI, "extract", str(articles), "-o", str(tmp_path / "pkg"), "-j", "2"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while len(workers) < 2 and run.poll() is None and time.monotonic() < deadline:
        workers = _descendants(run.pid)
        time.sleep(0.01)
    assert len(workers) >= 2, "the workers never started"
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert _wait_until_gone(workers) == set(), "workers outlived their parent"


def _start_and_wait_for(args: list[str], out: Path, sign: str) -> subprocess.Popen:
    """Start a run and return once its `.<out>.newsfacts-<sign>` appears beside --out, or, for
    sign 'swap', once --out is another folder (or when the run ends)."""
    run = subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    inode = out.stat().st_ino
    deadline = time.monotonic() + 30
    while run.poll() is None and time.monotonic() < deadline:
        if sign == "swap" and out.exists() and out.stat().st_ino != inode:
            break
        mine = f".{out.name}.newsfacts-{sign}" + (f"-{run.pid}-" if sign == "staging" else "")  # not a stale one
        if sign != "swap" and any(n.startswith(mine) for n in os.listdir(out.parent)):
            break
        time.sleep(0.001)
    return run


@pytest.mark.skipif(not LINUX_PROC, reason="finds worker processes through /proc")
def test_a_run_killed_at_any_point_leaves_the_old_package_or_the_new_one(runner: CliRunner, tmp_path: Path) -> None:
    """SIGKILL while extracting, as the staging folder appears, while it is written and
    right after the swap; --out must hold exactly the old or the new package each time, no
    worker may survive, and one complete run afterwards leaves nothing behind."""
    articles = _articles(tmp_path / "articles", 12)
    expected = tmp_path / "expected"
    assert extract(runner, expected, str(articles)).exit_code == 0
    new = snapshot(expected)
    out = tmp_path / "pkg"
    assert extract(runner, out, str(OWN_ARTICLES[0])).exit_code == 0
    old = snapshot(out)
    outcomes = []
    for sign, delay in (("lock", 0.1), ("staging", 0.0), ("staging", 0.02), ("swap", 0.0)):
        run = _start_and_wait_for(["extract", str(articles), "-o", str(out), "--force", "-j", "2"], out, sign)
        time.sleep(delay)
        workers = _descendants(run.pid)
        run.send_signal(signal.SIGKILL)
        run.wait()
        state = snapshot(out) if out.is_dir() else None
        assert state in (old, new), f"killed at {sign}+{delay}: --out is neither the old package nor the new one"
        outcomes.append("new" if state == new else "old")
        assert _wait_until_gone(workers) == set(), f"killed at {sign}+{delay}: workers outlived their parent"
    assert outcomes[0] == "old" and outcomes[-1] == "new", outcomes  # kills before and after the swap
    result = extract(runner, out, str(articles), "--force")
    assert result.exit_code == 0, result.output
    assert snapshot(out) == new and beside(out) == []
    assert validate_package(out) == []


# --- exports -------------------------------------------------------------------------------

def test_sqlite_export_replaces_only_an_earlier_export_unless_forced(runner: CliRunner, tmp_path: Path,
                                                                     extracted_package: Path) -> None:
    db = tmp_path / "mine.db"
    db.write_bytes(b"my own data")
    args = ["export", "--format", "sqlite", "--out", str(db), "--package", str(extracted_package)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1 and str(db) in one_line(result) and "--force" in one_line(result)
    assert db.read_bytes() == b"my own data" and not (tmp_path / "mine.metadata.json").exists()
    assert runner.invoke(main, [*args, "--force"]).exit_code == 0
    with sqlite3.connect(db) as con:  # more tables (full-text indexes, a user's own) do not make it foreign
        con.execute("CREATE TABLE notes (id INTEGER)")
    con.close()
    assert runner.invoke(main, args).exit_code == 0  # an earlier export is replaced without --force
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 8
    con.close()
    for path in (db, tmp_path / "mine.metadata.json"):
        assert path.stat().st_mode & 0o777 == file_mode(), path
    lookalike = tmp_path / "lookalike.db"
    with sqlite3.connect(lookalike) as con:
        con.execute("CREATE TABLE sources (id INTEGER)")
    con.close()
    result = runner.invoke(main, ["export", "--format", "sqlite", "--out", str(lookalike), "--package", str(extracted_package)])
    assert result.exit_code == 1 and "lookalike.db" in one_line(result)
    other = tmp_path / "other.db"
    (tmp_path / "other.metadata.json").write_text('{"title": "not from newsfacts"}', encoding="utf-8")
    result = runner.invoke(main, ["export", "--format", "sqlite", "--out", str(other), "--package", str(extracted_package)])
    assert result.exit_code == 1 and "other.metadata.json" in one_line(result) and not other.exists()


def test_parquet_export_is_replaced_whole_and_never_over_other_files(runner: CliRunner, tmp_path: Path,
                                                                     extracted_package: Path) -> None:
    out = tmp_path / "parquet"
    args = ["export", "--format", "parquet", "--out", str(out), "--package", str(extracted_package)]
    assert runner.invoke(main, args).exit_code == 0
    (out / "removed_table.parquet").write_bytes(b"stale")  # an earlier export's table that no longer exists
    assert runner.invoke(main, args).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{n}.parquet" for n in ("sources", "actors", "statements", "events", "figures", "id_changes"))
    assert all(p.stat().st_mode & 0o777 == file_mode() for p in out.iterdir())
    assert beside(out) == []
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(main, ["export", "--format", "parquet", "--out", str(mine), "--package", str(extracted_package)])
    assert result.exit_code == 1 and "not a newsfacts Parquet export" in one_line(result)
    assert snapshot(mine) == {"notes.txt": b"mine"}


def test_plot_writes_an_ordinary_mode(runner: CliRunner, tmp_path: Path, extracted_package: Path) -> None:
    svg = tmp_path / "t.svg"
    assert runner.invoke(main, ["plot", "--out", str(svg), "--package", str(extracted_package)]).exit_code == 0
    assert svg.stat().st_mode & 0o777 == file_mode()

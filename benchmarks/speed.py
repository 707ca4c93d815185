"""Every speed figure of issue 12 side by side, in one run, as times and ratios: extraction
(whole process, 1 and 2 workers), load() against plain pandas.read_csv, `newsfacts validate`
against `frictionless validate`, and `newsfacts --version`. The package is made by
extracting many copies of the seed article.

Prints figures; asserts nothing about time.

    .venv/bin/python benchmarks/speed.py [--copies 1500] [--repeat 5] [--scale 24] [--extract-repeat 3]  (extraction: the median of 3 runs by default)

With --scale K, the validators are also timed on a package K times larger, made from the
extracted one by renaming its sources and ids (K = 24 on 1,500 copies: about a million rows).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEED = next((ROOT / "seeds").glob("*.txt"))
TABLES = ("sources", "actors", "statements", "events", "figures", "id_changes")


def _run(*args: str) -> float:
    """Seconds of one whole-process command (it must succeed)."""
    t = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - t


def _median(f, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def _pairs(ours, theirs, n: int) -> tuple[float, float, list[float], list[float]]:
    """Run `theirs` and `ours` alternately n times: their median wall times, and the ratio
    ours/theirs of each pair in wall time and in CPU time (all threads of the process). On
    a shared machine, pairs see the same load, so their ratios move less than the times."""
    walls: tuple[list[float], list[float]] = ([], [])
    wall_ratios, cpu_ratios = [], []
    for _ in range(n):
        got = []
        for f in (ours, theirs):
            w, c = time.perf_counter(), time.process_time()
            f()
            got.append((time.perf_counter() - w, time.process_time() - c))
        (ow, oc), (tw, tc) = got
        walls[0].append(ow)
        walls[1].append(tw)
        wall_ratios.append(ow / tw)
        cpu_ratios.append(oc / tc)
    return statistics.median(walls[0]), statistics.median(walls[1]), wall_ratios, cpu_ratios


def _scaled(pkg: Path, k: int, out: Path) -> int:
    """A valid package k times the size of `pkg`: every source, row and id repeated k times
    under new names (ids hashed with the copy's number, so keys stay unique and foreign
    keys agree); each copy of an article is its own file. Returns its row count."""
    import hashlib
    import json

    import pandas as pd

    from newsfacts.schema import RESOURCE_BY_NAME

    descriptor = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    (out / "data").mkdir(parents=True)
    (out / "seeds").mkdir()
    for article in (pkg / "seeds").glob("*.txt"):
        data = article.read_bytes()
        for n in range(k):
            (out / "seeds" / f"{article.stem}-{n}.txt").write_bytes(data)
    rows = 0
    for r in descriptor["resources"]:
        frame = pd.read_csv(pkg / r["path"], dtype=str, keep_default_na=False)
        copies = []
        for n in range(k):
            copy = frame.copy()
            if r["name"] != "actors" and r["name"] != "id_changes":
                for name in frame.columns:
                    values = copy[name]
                    if name == "source_id":
                        copy[name] = values + f"-{n}"
                    elif name == "path":
                        copy[name] = values.str.replace(".txt", f"-{n}.txt", regex=False)
                    elif values.str.match(r"^(st|ev|fg)-[0-9a-f]{12}$").any():
                        copy[name] = values.map(lambda v: v and v[:3] + hashlib.sha256(f"{n}:{v}".encode()).hexdigest()[:12])
            copies.append(copy if r["name"] not in ("actors", "id_changes") or n == 0 else copy.iloc[0:0])
        table = pd.concat(copies, ignore_index=True)
        rows += len(table)
        data = table.to_csv(index=False, lineterminator="\n").encode("utf-8")
        (out / r["path"]).write_bytes(data)
        r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
        assert list(table.columns) == list(RESOURCE_BY_NAME[r["name"]].fields)
    descriptor["sources"] = descriptor["sources"][:1]
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return rows


def _line(label: str, ours: float, theirs: float, their_label: str, better: str) -> None:
    print(f"{label:<44}{ours:>9.3f} s   {their_label:<28}{theirs:>9.3f} s   {better}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1500, help="copies of the seed article to extract")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each in-process timing (median)")
    parser.add_argument("--scale", type=int, default=0, help="also validate a package this many times larger")
    parser.add_argument("--extract-repeat", type=int, default=3,
                        help="runs of each extraction (1 and 2 workers, alternating): median, with the range")
    args = parser.parse_args()

    import pandas as pd

    import newsfacts

    newsfacts_cli, frictionless_cli = str(BIN / "newsfacts"), str(BIN / "frictionless")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        copies = work / "copies"
        copies.mkdir()
        for i in range(args.copies):
            shutil.copyfile(SEED, copies / f"c{i:06d}.txt")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (on a shared machine, "
              f"other work slows both runs and above all the two-worker one)")
        ones, twos = [], []
        os.sync()  # the copies' writes flushed before the first timed run
        for n in range(args.extract_repeat):
            # each run writes a package of its own, all removed at the end: on ext4, creating
            # files right after thousands were deleted scans the recently freed inodes (here
            # up to 2 s of kernel time for 3,000 files, against 0.15 s), a cost of the
            # benchmark's own clean-up that a run into a new folder does not have
            pkg, pkg2 = work / f"pkg-{n}", work / f"pkg2-{n}"
            ones.append(_run(newsfacts_cli, "extract", str(copies), "-o", str(pkg), "--published", "2024-06-21"))
            twos.append(_run(newsfacts_cli, "extract", str(copies), "-o", str(pkg2), "--published", "2024-06-21",
                             "--jobs", "2"))
        one, two = statistics.median(ones), statistics.median(twos)
        rows = sum(len(newsfacts.load(pkg)[n]) for n in TABLES)
        size = sum((pkg / "data" / f"{n}.csv").stat().st_size for n in TABLES)
        print(f"{args.copies:,} copies of the seed article -> {rows:,} rows, {size / 1e6:.1f} MB of CSV")
        print(f"{'figure':<44}{'newsfacts':>11}   {'against':<28}{'':>11}   ratio")

        print(f"{'extract, 1 worker (whole process)':<44}{args.copies / one:>7,.0f} a/s   "
              f"{'':<28}{one:>9.2f} s")
        print(f"{'extract, 2 workers (--jobs 2)':<44}{args.copies / two:>7,.0f} a/s   "
              f"{'':<28}{two:>9.2f} s   {one / two:.2f}x the 1-worker rate")
        if args.extract_repeat > 1:
            pairs = sorted(a / b for a, b in zip(ones, twos))
            print(f"  {len(ones)} runs each: 1 worker {args.copies / max(ones):,.0f}-{args.copies / min(ones):,.0f} a/s, "
                  f"2 workers {args.copies / max(twos):,.0f}-{args.copies / min(twos):,.0f} a/s, "
                  f"ratio of each pair {pairs[0]:.2f}x-{pairs[-1]:.2f}x")
        print(f"load average after extraction: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

        os.sync()  # the packages' writes flushed: the disk's writeback no longer holds a core during the timings below
        newsfacts.load(pkg)  # warm the page cache for both readers
        load, plain, walls, cpus = _pairs(lambda: newsfacts.load(pkg),
                                          lambda: [pd.read_csv(pkg / "data" / f"{n}.csv") for n in TABLES], 10 * args.repeat)
        _line("newsfacts.load() (typed, hashes checked)", load, plain, "plain pd.read_csv",
              f"{statistics.median(walls):.2f}x read_csv's time (median of {len(walls)} pairs)")
        print(f"{'  the same pairs: quietest pair, CPU time':<44}{'':>11}   {'':<28}{'':>11}   "
              f"{min(walls):.2f}x wall; {statistics.median(cpus):.2f}x read_csv's CPU time (all threads)")

        from newsfacts.packagefile import open_package
        from newsfacts.validate import frictionless_errors, validate_package

        ours = _median(lambda: validate_package(pkg), args.repeat)
        theirs = _median(lambda: frictionless_errors(open_package(pkg)), 1)
        _line("validate_package() (in process)", ours, theirs, "frictionless.validate()", f"{theirs / ours:.1f}x faster")
        ours = _run(newsfacts_cli, "validate", str(pkg))
        theirs = _run(frictionless_cli, "validate", str(pkg / "datapackage.json"))
        _line("newsfacts validate (whole process)", ours, theirs, "frictionless validate", f"{theirs / ours:.1f}x faster")

        if args.scale > 1:
            big = work / "big"
            rows = _scaled(pkg, args.scale, big)
            ours = _median(lambda: validate_package(big), 1)
            theirs = _median(lambda: frictionless_errors(open_package(big)), 1)
            _line(f"validate_package(), {rows:,} rows", ours, theirs, "frictionless.validate()", f"{theirs / ours:.1f}x faster")

        version = statistics.median(_run(newsfacts_cli, "--version") for _ in range(args.repeat))
        print(f"{'newsfacts --version (whole process)':<44}{version:>9.3f} s")


if __name__ == "__main__":
    main()

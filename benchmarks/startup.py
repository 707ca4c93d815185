"""Start-up time of the command line: `newsfacts --version`, `newsfacts -h` and
`import newsfacts.cli`, each the median of several fresh processes, against a bare
`python -c pass`; and which heavy libraries a command imports.

Prints figures; asserts nothing about time (a test checks the imports instead).

    .venv/bin/python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEAVY = ("pandas", "numpy", "matplotlib", "frictionless", "pyarrow")
NEWSFACTS = Path(sys.executable).with_name("newsfacts")


def _median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="processes to time per figure (median)")
    args = parser.parse_args()
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("import newsfacts.cli", [sys.executable, "-c", "import newsfacts.cli"]),
        ("newsfacts --version", [str(NEWSFACTS), "--version"]),
        ("newsfacts -h", [str(NEWSFACTS), "-h"]),
        ("newsfacts validate -h", [str(NEWSFACTS), "validate", "-h"]),
    ]
    print(f"{'command':<24} {'seconds':>8}  (median of {args.runs})")
    for label, command in rows:
        print(f"{label:<24} {_median_seconds(command, args.runs):>8.3f}")
    probe = f"import sys, newsfacts.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')"
    imported = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.strip()
    print(f"heavy libraries imported by `import newsfacts.cli`: {imported}")


if __name__ == "__main__":
    main()

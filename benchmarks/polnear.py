"""PolNeAR attribution benchmark: runs the shared scorer (../shared/tools/polnear.py) on a
split given on the command line and prints its figures. Asserts nothing.

    .venv/bin/python benchmarks/polnear.py dev --repo /path/to/PolNeAR.git [--limit N] [--verbose]

PolNeAR (Newell, Margolin & Ruths, LREC 2018) states no licence: nothing of it is stored
here; the scorer reads the corpus from the git mirror given by --repo (or POLNEAR_REPO).
Develop on `train`, check on `dev`; `test` is reserved for measuring the work.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "polnear.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", choices=["train", "dev", "test"], help="the PolNeAR split to score")
    parser.add_argument("--repo", default=os.environ.get("POLNEAR_REPO", ""), help="PolNeAR git mirror")
    parser.add_argument("--scorer", default=str(SCORER), help="path of the shared polnear.py scorer")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--verbose", action="store_true", help="print every miss and every unmatched row")
    args = parser.parse_args()
    if not args.repo:
        parser.error("give --repo (or set POLNEAR_REPO): a mirror of github.com/networkdynamics/PolNeAR")
    if not Path(args.scorer).is_file():
        parser.error(f"{args.scorer}: scorer not found")
    command = [sys.executable, args.scorer, args.split, str(ROOT / ".venv" / "bin" / "newsfacts"), "--repo", args.repo]
    if args.limit:
        command += ["--limit", str(args.limit)]
    if args.verbose:
        command.append("--verbose")
    return subprocess.call(command)


if __name__ == "__main__":
    raise SystemExit(main())

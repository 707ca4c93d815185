#!/usr/bin/env bash
# Command 2 of 2: install what is needed, then run the whole test suite (drift checks included).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest "$@"

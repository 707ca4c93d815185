#!/usr/bin/env bash
# Command 1 of 2: install what is needed, then rebuild data/, datapackage.json and docs/codebook.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
.venv/bin/newsfacts build "$@"
.venv/bin/newsfacts validate --frictionless

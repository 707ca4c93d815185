#!/usr/bin/env bash
# Create .venv (if missing) and install newsfacts with its test dependencies into it.
# Sourced by scripts/build.sh and scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.newsfacts-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ scripts/newsfacts/__init__.py -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet -e '.[test]'
  touch "$stamp"
fi
# The package's bytecode, written here once: where PYTHONDONTWRITEBYTECODE is set (as on our
# CI machines), every command would otherwise compile all of its modules again (~70 ms a run).
.venv/bin/python -m compileall -q scripts/newsfacts  # -q: only errors are printed (a syntax error stops set-up, saying where)

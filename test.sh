#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for Athletiq's checks and runs them all:
# formatting, lint, import contracts and the test suite.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/bootstrap.sh
athletiq_venv "dev,server"

export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff format --check .
.venv/bin/ruff check .
.venv/bin/lint-imports
.venv/bin/pytest -n auto -q "$@"

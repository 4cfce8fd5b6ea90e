#!/usr/bin/env bash
# Sets up Athletiq on a fresh Debian/Ubuntu machine and runs it.
# With no arguments it shows your training summary (demo data until you connect
# Strava or import files); any arguments go to the athletiq command.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/bootstrap.sh
athletiq_venv "server"

if [ $# -gt 0 ]; then
    exec .venv/bin/athletiq "$@"
fi
exec .venv/bin/python -m athletiq_core.cli.launch

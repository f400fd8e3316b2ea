#!/usr/bin/env bash
# make bench: builds (release), generates a 1,500-student school with a full year, and
# measures the server with wrk on loopback, the login slips and the journal's paper copies
# (one class's quarter, target ≤ 1 s; every class's, target ≤ 60 s). Writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/bench.py "$@"

#!/usr/bin/env bash
# `make bench`: every benchmark, each against a reference measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 bench/http_vs_nginx.py "$@"

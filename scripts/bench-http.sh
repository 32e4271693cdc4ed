#!/usr/bin/env bash
# HTTP benchmark (`make bench-http`): the archive as `ficarchive serve` runs it, driven by wrk,
# beside a minimal Django view in the same run (bench/http.py; its options pass through).
# Installs Debian's wrk when it is missing and it can.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's wrk for the HTTP benchmark"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
      || echo "could not install wrk"
  fi
fi
# -P: bench/http.py shares its name with the standard library's http; keep bench/ off the path.
exec .venv/bin/python -P bench/http.py "$@"

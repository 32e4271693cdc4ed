#!/usr/bin/env bash
# The whole test suite: ruff, pytest on SQLite, pytest again on PostgreSQL with Redis as cache.
# Outside CI a missing PostgreSQL, Redis or Chromium is reported and that part skipped; under
# CI=true each of them is required.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
CI=${CI:-false}
PG_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ficarchive}
REDIS=${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}

say() { printf '\n=== %s\n' "$*"; }

# Debian packages the tests need: the browser, the fonts the PDF downloads are set in,
# nginx with openssl for the reverse-proxy recipe's test (docs/nginx/ficarchive.conf), Java
# for EPUBCheck, and PostgreSQL's server programs with redis-server for the cluster tests
# (tests/core/test_cluster.py: a primary, a streaming replica and Redis of their own) and the
# fault tests (tests/core/own_redis.py).
DEB_PACKAGES="chromium fonts-dejavu-core fonts-dejavu-extra fonts-wqy-microhei nginx openssl default-jre-headless postgresql redis-server"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf

ensure_debian_packages() {
  [ -x /usr/bin/chromium ] && [ -f "$FONT" ] && [ -d /usr/share/fonts/truetype/wqy ] \
    && command -v nginx >/dev/null && command -v openssl >/dev/null && command -v java >/dev/null \
    && ls /usr/lib/postgresql/*/bin/pg_basebackup >/dev/null 2>&1 && command -v redis-server >/dev/null \
    && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages for the browser, PDF and EPUBCheck tests: $DEB_PACKAGES"
    # shellcheck disable=SC2086
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $DEB_PACKAGES >/dev/null) \
      || echo "could not install $DEB_PACKAGES"
  fi
  if [ -x /usr/bin/chromium ] && [ -f "$FONT" ] && command -v nginx >/dev/null; then return 0; fi
  if [ "$CI" = true ]; then echo "chromium, the PDF fonts and nginx are required in CI" >&2; exit 1; fi
  echo "chromium, the PDF fonts or nginx are missing: those tests will be skipped or fail"
}

reachable() {  # host port
  "$BIN/python" - "$1" "$2" <<'PY'
import socket, sys
try:
    socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2).close()
except OSError:
    sys.exit(1)
PY
}

ensure_debian_packages

# axe-core (npm) for the browser tests' accessibility checks (package.json, package-lock.json).
ensure_axe() {
  [ -f node_modules/axe-core/axe.min.js ] && return 0
  if command -v npm >/dev/null; then
    say "installing axe-core for the accessibility tests"
    npm ci --no-audit --no-fund >/dev/null || echo "could not install axe-core"
  fi
  if [ -f node_modules/axe-core/axe.min.js ]; then return 0; fi
  if [ "$CI" = true ]; then echo "axe-core (npm) is required in CI" >&2; exit 1; fi
  echo "axe-core is missing: the accessibility checks will be skipped"
}
ensure_axe

say "ruff"
"$BIN/ruff" check .
"$BIN/ruff" format --check .

# Two test processes (pytest-xdist), a test file each at a time: each has its own test database,
# files and Redis database (ficarchive/testing_env.py). TEST_PROCESSES=0 runs them in this one.
XDIST=(-n "${TEST_PROCESSES:-2}" --dist loadfile)

say "pytest on SQLite"
# A file, not memory: the concurrent-writer tests need SQLite's real locking (WAL, busy timeout).
sqlite_dir=$(mktemp -d)
trap 'rm -rf "$sqlite_dir"' EXIT
env -u DATABASE_URL -u REDIS_URL SQLITE_TEST_NAME="$sqlite_dir/test.sqlite3" \
  "$BIN/python" -m pytest "${XDIST[@]}" "$@"

pg_host=$("$BIN/python" -c "import sys, urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(p.hostname, p.port or 5432)" "$PG_URL")
redis_host=$("$BIN/python" -c "import sys, urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(p.hostname, p.port or 6379)" "$REDIS")
# shellcheck disable=SC2086
if reachable $pg_host && reachable $redis_host; then
  say "pytest on PostgreSQL with Redis"
  DATABASE_URL="$PG_URL" REDIS_URL="$REDIS" "$BIN/python" -m pytest "${XDIST[@]}" "$@"
elif [ "$CI" = true ]; then
  echo "PostgreSQL ($PG_URL) or Redis ($REDIS) is not reachable, and CI needs both" >&2
  exit 1
else
  say "PostgreSQL or Redis not reachable: skipping the PostgreSQL + Redis pass"
fi

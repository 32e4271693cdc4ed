#!/usr/bin/env bash
# Discovery benchmarks (`make bench`): build a synthetic archive and print p50/p95 of the
# listing, filter, blocklist, search and facet queries beside the bare indexed query.
#   BENCH_WORKS=100000 (SQLite, var/bench.sqlite3) by default;
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/fa_bench BENCH_WORKS=1000000 for PostgreSQL.
#   BENCH_KEEP=1 reuses an archive already generated (same URL and size).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
WORKS=${BENCH_WORKS:-100000}
URL=${BENCH_DATABASE_URL:-sqlite:///$PWD/var/bench.sqlite3}
# -P keeps bench/ off the import path (bench/http.py would shadow the standard library's http).
# Production settings, as a server runs (DEBUG would keep a log of every query), with a key made
# for this run only.
export DEBUG=false DATABASE_URL="$URL" SECRET_KEY="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
unset REDIS_URL

if [ "${BENCH_KEEP:-0}" != 1 ]; then
  case "$URL" in
    sqlite:*) rm -f "${URL#sqlite:///}" "${URL#sqlite:///}-wal" "${URL#sqlite:///}-shm" ;;
    postgres*)
      "$BIN/python" - "$URL" <<'PY'
import sys, urllib.parse as u, psycopg
p = u.urlsplit(sys.argv[1]); name = p.path.lstrip("/")
admin = sys.argv[1].rsplit("/", 1)[0] + "/postgres"
with psycopg.connect(admin, autocommit=True) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{name}"'); c.execute(f'CREATE DATABASE "{name}"')
PY
      ;;
  esac
  "$BIN/ficarchive" migrate --noinput -v 0
  "$BIN/python" -P bench/generate.py --works "$WORKS"
else
  "$BIN/ficarchive" migrate --noinput -v 0  # indexes added since the archive was generated
  case "$URL" in  # tables filled by a new migration: their visibility map, for index-only scans
    postgres*) "$BIN/python" - "$URL" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    for table in ["discovery_worklisting", "discovery_workword", "tags_tag"]:
        c.execute(f"VACUUM ANALYZE {table}")
PY
      ;;
  esac
fi
case "$URL" in  # read the archive once into the OS cache, as a running server has it
  postgres*) "$BIN/python" - "$URL" <<'PY'
import sys, time, psycopg
started = time.perf_counter()
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    c.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
    c.execute("SELECT sum(pg_prewarm(c.oid::regclass, 'read')) FROM pg_class c "
              "JOIN pg_namespace n ON n.oid = c.relnamespace "
              "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')")
print(f"archive read into the OS cache in {time.perf_counter() - started:.0f} s", file=sys.stderr)
PY
    ;;
esac
"$BIN/python" -P bench/queries.py "$@"

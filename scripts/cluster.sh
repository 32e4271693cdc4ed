#!/usr/bin/env bash
# The grown-up layout on one machine (docs/operating.md, "Several app servers"): a PostgreSQL
# primary (port 5440) and its streaming replica (5441), Redis (9210), two app servers (9201,
# 9202) behind nginx (9200), and two task workers, all in var/cluster.
#
#   scripts/cluster.sh up [--demo] [--base-port 9200] [--primary-port 5440] [--replica-port 5441]
#   scripts/cluster.sh down
#
# Needs Debian's postgresql (15), redis-server and nginx; run as root (PostgreSQL's programs
# then run as the postgres user) or as a user who may run them.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || make install
exec .venv/bin/python -m ficarchive.core.localcluster "$@"

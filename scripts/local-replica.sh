#!/usr/bin/env bash
# A streaming read replica of the project-local Postgres (docs/architecture.md#read-replica), for trying
# DATABASE_READ_URL without a managed replica:
#   bash scripts/local-replica.sh        start it (the project-local Postgres too, when it is not running)
#   bash scripts/local-replica.sh stop   stop the replica (the project-local Postgres keeps running)
# The replica is a hot standby made once by `pg_basebackup -R` from the project-local Postgres (.data/pg, port
# 54329) into .data/pg-replica, started on 54339 (CDCS_LOCAL_REPLICA_PORT). It prints the two URLs to use.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

_cdcs_start_local_pg
bin="$(_cdcs_find_pg_bin "$(cat "$CDCS_PG_DATA/PG_VERSION")")"
base="$(dirname "$CDCS_PG_DATA")"
replica="$base/pg-replica"
log="$base/pg-replica.log"

if [[ "${1:-start}" == stop ]]; then
  if [[ -f "$replica/postmaster.pid" ]]; then
    _cdcs_pg_as "$bin/pg_ctl" -D "$replica" -m fast -w -t 60 stop >/dev/null
    _cdcs_say "stopped the read replica ($replica)"
  else
    _cdcs_say "no read replica runs on $replica"
  fi
  exit 0
fi

if [[ -f "$replica/postmaster.pid" ]] && _cdcs_pg_as "$bin/pg_ctl" -D "$replica" status >/dev/null 2>&1; then
  port="$(sed -n 4p "$replica/postmaster.pid")"
  _cdcs_say "the read replica already runs on 127.0.0.1:$port"
else
  # initdb's pg_hba.conf already lets local replication connections in; say it explicitly for older data dirs.
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$CDCS_PG_DATA/pg_hba.conf"; then
    printf 'host replication all 127.0.0.1/32 trust\n' >>"$CDCS_PG_DATA/pg_hba.conf"
    _cdcs_pg_as "$bin/pg_ctl" -D "$CDCS_PG_DATA" reload >/dev/null
  fi
  if [[ ! -f "$replica/standby.signal" ]]; then
    rm -rf "$replica"
    mkdir -p "$replica"
    ((${#CDCS_PG_RUN_AS[@]})) && chown postgres:postgres "$replica"
    chmod 700 "$replica"
    _cdcs_say "pg_basebackup -R from 127.0.0.1:$CDCS_PG_PORT into $replica"
    _cdcs_pg_as "$bin/pg_basebackup" -D "$replica" -R -X stream -c fast -h 127.0.0.1 -p "$CDCS_PG_PORT" -U postgres
  fi
  port="$(_cdcs_free_port "${CDCS_LOCAL_REPLICA_PORT:-54339}")"
  touch "$log"
  ((${#CDCS_PG_RUN_AS[@]})) && chown postgres:postgres "$log"
  _cdcs_pg_as "$bin/pg_ctl" -D "$replica" -l "$log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c hot_standby=on -c hot_standby_feedback=on" start >/dev/null
  _cdcs_say "started the read replica on 127.0.0.1:$port (hot standby of 127.0.0.1:$CDCS_PG_PORT; log $log)"
fi

cat <<EOF
DATABASE_URL=postgres://postgres@127.0.0.1:$CDCS_PG_PORT/cdcs
DATABASE_READ_URL=postgres://postgres@127.0.0.1:$port/cdcs
EOF

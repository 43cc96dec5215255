#!/usr/bin/env bash
# `npm run bench`: every benchmark against a baseline measured in the same run, on the local Postgres and
# Redis (ensure_services), in a database `cdcs_bench_<timestamp>` and a BullMQ prefix of the same name that the
# run drops / deletes at its end; writes docs/benchmarks.md. BENCH_SCALE=small: a ~2-minute run for iterating.
#   BENCH_ONLY=floor,transitions,…  run some suites (floor: the API against a bare node:http server answering the
#                         same bytes; bench/suites/floor.ts). BENCH_CPU_PROF=api profiles the API host
#   BENCH_OUT=path        write the markdown elsewhere (e.g. for a small run that must not replace the docs)
#   BENCH_KEEP_DB=1       keep the database (to explore it afterwards; drop it yourself)
#   BENCH_EXPLAIN=0       skip the EXPLAIN ANALYZE appendix
#   BENCH_ONLY=soak       a subset of the suites (comma-separated: transitions, reads, soak, imports, returns, …)
#   BENCH_SOAK_SECONDS=n  the soak's length (default 480, BENCH_SCALE=small 60; at most 600)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

# shellcheck disable=SC2317  # run by trap
on_exit() {
  local rc=$?
  trap - EXIT
  # Whatever the run left behind (it cleans up itself unless it was killed or an app aborted at boot).
  if [[ -n "${BENCH_STAMP:-}" && "${BENCH_KEEP_DB:-}" != 1 ]]; then
    node -r @swc-node/register bench/cleanup.ts || true
  fi
  stop_started_services || true
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_node_modules
ensure_services
# the documents suite renders PDF with LibreOffice
ensure_libreoffice || printf '[bench] warning: no LibreOffice; BENCH_ONLY=documents will fail\n' >&2
export DATABASE_URL REDIS_URL
BENCH_STAMP="$(date -u +%Y%m%d%H%M%S)_$$"
export BENCH_STAMP

echo "[bench] scale ${BENCH_SCALE:-full}; node $(node --version)" >&2
node -r @swc-node/register bench/main.ts

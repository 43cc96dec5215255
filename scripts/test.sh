#!/usr/bin/env bash
# `npm test [-- jest args]`: lockfile check, lint, type-check, then jest (TEST_WORKERS workers, default 2) against a
# fresh, uniquely named test database and BullMQ prefix on whatever Postgres/Redis ensure_services found or started.
# The jest global setup/teardown create, migrate and drop that database (and each worker's copy of it) and delete
# the prefix's keys; each worker runs its files on its own copy and prefix (test/support/worker-databases.ts).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

# shellcheck disable=SC2317  # run by trap
on_exit() {
  local rc=$?
  trap - EXIT
  stop_started_services || true
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

check_lockfile
ensure_node_modules
ensure_services
ensure_service_binaries
# The browser tests (test/web) need Chromium and the built dashboard, which the API serves at /.
ensure_chromium || printf '[test] warning: no Chromium; the browser tests (test/web) will fail\n' >&2
ensure_web_build
# The document tests (test/documents) render PDF with LibreOffice and read it with poppler.
ensure_libreoffice || printf '[test] warning: no LibreOffice; the document tests (test/documents) will fail\n' >&2
ensure_poppler || printf '[test] warning: no poppler-utils; the document tests (test/documents) will fail\n' >&2

suffix="$(date +%s)_$$"
DATABASE_URL="$(cdcs_url_with_db "$DATABASE_URL" "cdcs_test_$suffix")"
export DATABASE_URL REDIS_URL CDCS_PG_BIN CDCS_REDIS_SERVER
export QUEUE_PREFIX="cdcs_test_$suffix"
export NODE_ENV=test
export JWT_SECRET="test-secret-${suffix}-not-for-production"

db_shown="${DATABASE_URL%%\?*}"
db_shown="${db_shown##*@}" # no credentials in the output
printf '[test] database %s, queue prefix %s\n' "$db_shown" "$QUEUE_PREFIX" >&2

echo "[test] npm run lint" >&2
npm run --silent lint
echo "[test] npm run typecheck (server, tests and bench; the dashboard)" >&2
npm run --silent typecheck

rc=0
npx jest --maxWorkers="${TEST_WORKERS:-2}" "$@" || rc=$?
exit "$rc"

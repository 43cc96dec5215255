#!/usr/bin/env bash
# `npm run backup`: a pg_dump (custom format) of DATABASE_URL's database and its manifest into BACKUP_DIR (./backups).
# `npm run restore -- FILE [--force]`: FILE into DATABASE_URL's database, new or empty (--force: replace what it holds).
# DATABASE_URL as for `npm start` (its database `cdcs` on the Postgres ensure_services finds). pg_dump/pg_restore are
# the newest under /usr/lib/postgresql/*/bin (or CDCS_PG_BIN, or PATH). See docs/architecture.md#faults-and-backups.
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

command="${1:-backup}"
shift || true
db_from_env="${DATABASE_URL:+1}"
[[ -d node_modules/pg ]] || { printf '[backup] error: node_modules missing; run npm install (or npm start) first\n' >&2; exit 1; }
ensure_services
if [[ -z "$db_from_env" ]]; then
  DATABASE_URL="$(cdcs_url_with_db "$DATABASE_URL" cdcs)"
  export DATABASE_URL
fi
if [[ -z "${CDCS_PG_BIN:-}" ]] && pg_bin="$(_cdcs_find_pg_bin)"; then export CDCS_PG_BIN="$pg_bin"; fi
node -r @swc-node/register apps/cli/src/main.ts "$command" "$@"

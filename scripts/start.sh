#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup/on_signal are run by trap
# `npm start`: install deps if needed, make Postgres + Redis available, build, set up the database
# (migrations, admin user, demo data), then run the API and the worker until Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

say() { printf '[start] %s\n' "$*" >&2; }

API_PID=""
WORKER_PID=""
TAIL_PIDS=()
SHUTDOWN=0

# TERM the children, wait for them (20 s, then KILL).
stop_children() {
  local pid i
  for pid in "$API_PID" "$WORKER_PID"; do
    if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for ((i = 0; i < 200; i++)); do
    { [[ -n "$API_PID" ]] && kill -0 "$API_PID" 2>/dev/null; } ||
      { [[ -n "$WORKER_PID" ]] && kill -0 "$WORKER_PID" 2>/dev/null; } || break
    sleep 0.1
  done
  for pid in "$API_PID" "$WORKER_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      say "process $pid did not stop in 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    [[ -n "$pid" ]] && { wait "$pid" 2>/dev/null || true; }
  done
  API_PID=""
  WORKER_PID=""
}

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  stop_children
  for pid in "${TAIL_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_started_services || true
  exit "$rc"
}
on_signal() {
  SHUTDOWN=1
  # Before the apps run there is nothing to drain: leave now (cleanup runs on EXIT).
  [[ -z "$API_PID$WORKER_PID" ]] && exit 130
  return 0
}
trap cleanup EXIT
trap on_signal INT TERM

db_from_env="${DATABASE_URL:+1}"

ensure_node_modules
ensure_services
# official documents: PDF through LibreOffice headless (warn only: DOCX still works without it)
ensure_libreoffice || printf '[start] warning: no LibreOffice; official documents will have no PDF\n' >&2

export DEMO_DATA="${DEMO_DATA:-true}"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@cdcs.local}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin12345}"
export PORT="${PORT:-3000}"
if [[ -z "$db_from_env" ]]; then
  DATABASE_URL="$(cdcs_url_with_db "$DATABASE_URL" cdcs)"
  export DATABASE_URL
fi

# One tsc build compiles every app and lib (tsconfig.build.json) and rewrites the @app/* paths.
say "building (nest build: api, worker, cli)"
npx nest build api
# The dashboard SPA (apps/web -> apps/web/dist), served by the API at /.
build_web

# The compiled entry of an app: dist/apps/APP/main.js, or wherever tsc put it
# (with rootDir "." it is dist/apps/APP/apps/APP/src/main.js).
entry_of() {
  local app=$1 f
  if [[ -f "dist/apps/$app/main.js" ]]; then
    printf '%s\n' "dist/apps/$app/main.js"
    return 0
  fi
  f="$(find "dist/apps/$app" -type f -path "*/apps/$app/src/main.js" 2>/dev/null | head -n 1)"
  [[ -n "$f" ]] || f="$(find "dist/apps/$app" -type f -name main.js 2>/dev/null | head -n 1)"
  if [[ -z "$f" ]]; then
    printf '[start] error: no compiled main.js for %s under dist/apps/%s\n' "$app" "$app" >&2
    return 1
  fi
  printf '%s\n' "$f"
}
API_JS="$(entry_of api)"
WORKER_JS="$(entry_of worker)"
CLI_JS="$(entry_of cli)"

say "setting up the database (node $CLI_JS setup)"
node "$CLI_JS" setup

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  say "error: something already listens on 127.0.0.1:$PORT; stop it or set PORT"
  exit 1
fi

LOG_DIR="$ROOT/.data/logs"
mkdir -p "$LOG_DIR"
API_LOG="$LOG_DIR/api.log"
WORKER_LOG="$LOG_DIR/worker.log"
: >"$API_LOG"
: >"$WORKER_LOG"

# Show both logs on the terminal, prefixed (tail also ends by itself when this script does).
tail -n +1 -F --pid=$$ "$API_LOG" 2>/dev/null > >(sed -u 's/^/[api] /') &
TAIL_PIDS+=("$!")
tail -n +1 -F --pid=$$ "$WORKER_LOG" 2>/dev/null > >(sed -u 's/^/[worker] /') &
TAIL_PIDS+=("$!")

# In their own session, so a Ctrl-C on the terminal reaches only this script, which then sends
# each app a single SIGTERM (a second signal during Nest's shutdown hooks would kill it outright).
# (setsid execs in place here, so $! is node's pid.)
SETSID=()
command -v setsid >/dev/null 2>&1 && SETSID=(setsid)
"${SETSID[@]}" node "$API_JS" >>"$API_LOG" 2>&1 </dev/null &
API_PID=$!
"${SETSID[@]}" node "$WORKER_JS" >>"$WORKER_LOG" 2>&1 </dev/null &
WORKER_PID=$!

health_ok() {
  local url="http://127.0.0.1:$PORT/health"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null
  else
    node -e '
      const r = require("http").get(process.argv[1], { timeout: 2000 }, (res) => {
        res.resume(); process.exit(res.statusCode >= 200 && res.statusCode < 300 ? 0 : 1); });
      r.on("timeout", () => r.destroy()); r.on("error", () => process.exit(1));' "$url" 2>/dev/null
  fi
}

# Which child died, if any, and with what code.
child_exit() {
  local name=$1 pid=$2 code=0
  wait "$pid" 2>/dev/null || code=$?
  say "error: the $name exited (code $code); last lines of its log:"
  tail -n 30 "$LOG_DIR/$name.log" >&2 || true
  [[ "$code" == 0 ]] && code=1
  return "$code"
}
check_children() {
  if ! kill -0 "$API_PID" 2>/dev/null; then
    local code=0; child_exit api "$API_PID" || code=$?; API_PID=""; exit "$code"
  fi
  if ! kill -0 "$WORKER_PID" 2>/dev/null; then
    local code=0; child_exit worker "$WORKER_PID" || code=$?; WORKER_PID=""; exit "$code"
  fi
}

deadline=$((SECONDS + 60))
until health_ok; do
  ((SHUTDOWN)) && exit 130
  check_children
  if ((SECONDS >= deadline)); then
    say "error: the API did not answer http://127.0.0.1:$PORT/health within 60 s; last lines of $API_LOG:"
    tail -n 40 "$API_LOG" >&2 || true
    exit 1
  fi
  sleep 1 || true # a Ctrl-C kills the sleep too; the trap handles it
done

cat >&2 <<EOF

  CĐCS Pipeline is running.
    Web:      http://localhost:$PORT/
    GraphQL:  http://localhost:$PORT/graphql
    Admin:    $ADMIN_EMAIL / $ADMIN_PASSWORD
    Logs:     .data/logs/api.log, .data/logs/worker.log
  Press Ctrl-C to stop.

EOF

while ((SHUTDOWN == 0)); do
  check_children
  sleep 1 || true # a Ctrl-C kills the sleep too; the trap handles it
done

say "stopping the API and the worker"
stop_children
exit 0

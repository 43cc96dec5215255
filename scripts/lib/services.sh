# shellcheck shell=bash
# Shared helpers for scripts/start.sh and scripts/test.sh. Source it; don't run it.
#
#   ensure_node_modules      npm install when node_modules is missing or older than package-lock.json
#   check_lockfile           fails when resolving package.json anew would change package-lock.json
#   ensure_services          make Postgres and Redis reachable; exports DATABASE_URL and REDIS_URL
#   ensure_service_binaries  exports CDCS_PG_BIN (dir with initdb/pg_ctl/postgres) and
#                            CDCS_REDIS_SERVER (path to redis-server), installing them when root
#   stop_started_services    stops only the project-local instances this shell started
#   cdcs_url_with_db URL DB  prints URL with its database (path) replaced, query string kept
#   build_web                builds the dashboard SPA (apps/web -> apps/web/dist) with Vite
#   ensure_web_build         build_web when apps/web/dist is missing or older than apps/web's sources
#   ensure_chromium          Debian's chromium at /usr/bin/chromium (browser tests), installed when root
#   ensure_libreoffice       soffice (LibreOffice Writer headless, DOCX -> PDF of official documents) with
#                            Times New Roman-metric fonts with Vietnamese glyphs, installed when root
#   ensure_poppler           pdftotext / pdftoppm (tests read the PDF text layer, renderings), installed when root
#
# Order per service: $DATABASE_URL / $REDIS_URL from the environment, else the machine's local
# default (127.0.0.1:5432 as user postgres, 127.0.0.1:6379) when it really answers, else a
# project-local instance under $CDCS_ROOT/.data on a spare port (Postgres 54329, Redis 63799;
# CDCS_LOCAL_PG_PORT / CDCS_LOCAL_REDIS_PORT), reusing one that is already running there.
# Safe under `set -euo pipefail`: every function returns non-zero with a message on failure.

if [[ -z "${__CDCS_SERVICES_SH_LOADED:-}" ]]; then
  __CDCS_SERVICES_SH_LOADED=1
  CDCS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  # What this shell started (deliberately not exported: child shells start with nothing to stop).
  CDCS_STARTED_PG=0
  CDCS_STARTED_REDIS=0
  CDCS_PG_DATA=""
  CDCS_PG_PORT=""
  CDCS_PG_RUN_AS=()
  CDCS_REDIS_PORT=""
  CDCS_REDIS_PIDFILE=""
  __CDCS_APT_UPDATED=0
  __CDCS_BIN=""
fi

_cdcs_say() { printf '[services] %s\n' "$*" >&2; }
_cdcs_err() { printf '[services] error: %s\n' "$*" >&2; }
_cdcs_have() { command -v "$1" >/dev/null 2>&1; }
_cdcs_is_root() { [[ "$(id -u)" == 0 ]]; }

# Run a command with a time limit when coreutils' timeout exists.
_cdcs_timeout() {
  local secs=$1; shift
  if _cdcs_have timeout; then timeout "$secs" "$@"; else "$@"; fi
}

# Is a TCP port open on 127.0.0.1? (bash /dev/tcp, time-boxed)
_cdcs_tcp_open() {
  local host=$1 port=$2
  # shellcheck disable=SC2016
  _cdcs_timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" >/dev/null 2>&1
}

# Real Postgres check: connect as user postgres to database postgres and run `select 1`.
_cdcs_pg_answers() {
  local host=$1 port=$2
  _cdcs_tcp_open "$host" "$port" || return 1
  if _cdcs_have psql; then
    PGCONNECT_TIMEOUT=2 _cdcs_timeout 4 psql -w -X -q -A -t -h "$host" -p "$port" -U postgres -d postgres \
      -c 'select 1' </dev/null >/dev/null 2>&1
  elif [[ -d "$CDCS_ROOT/node_modules/pg" ]] && _cdcs_have node; then
    (cd "$CDCS_ROOT" && _cdcs_timeout 4 node -e '
      const { Client } = require("pg");
      const c = new Client({ host: process.argv[1], port: +process.argv[2], user: "postgres",
        database: "postgres", connectionTimeoutMillis: 2000 });
      c.connect().then(() => c.query("select 1")).then(() => process.exit(0), () => process.exit(1));
    ' "$host" "$port" </dev/null >/dev/null 2>&1)
  elif _cdcs_have pg_isready; then
    _cdcs_timeout 4 pg_isready -q -t 2 -h "$host" -p "$port" -U postgres </dev/null >/dev/null 2>&1
  else
    return 0 # only the TCP probe was possible
  fi
}

# Real Redis check: PING answered with PONG.
_cdcs_redis_answers() {
  local host=$1 port=$2 out=""
  if _cdcs_have redis-cli; then
    out="$(_cdcs_timeout 2 redis-cli -h "$host" -p "$port" ping </dev/null 2>/dev/null || true)"
    [[ "$out" == PONG* ]]
  else
    # shellcheck disable=SC2016
    _cdcs_timeout 2 bash -c '
      exec 3<>"/dev/tcp/$0/$1" || exit 1
      printf "PING\r\n" >&3
      IFS= read -r line <&3 || exit 1
      [[ "$line" == "+PONG"* ]]' "$host" "$port" </dev/null >/dev/null 2>&1
  fi
}

# cdcs_url_with_db URL DB: replace the database (path) of a postgres URL, keeping the query string.
cdcs_url_with_db() {
  local url=$1 db=$2 query="" scheme rest authority
  if [[ "$url" == *\?* ]]; then
    query="?${url#*\?}"
    url="${url%%\?*}"
  fi
  if [[ "$url" != *://* ]]; then
    _cdcs_err "not a URL: $url"
    return 1
  fi
  scheme="${url%%://*}"
  rest="${url#*://}"
  authority="${rest%%/*}"
  printf '%s://%s/%s%s\n' "$scheme" "$authority" "$db" "$query"
}

# ---------------------------------------------------------------------------------------------
# npm

ensure_node_modules() {
  local nm="$CDCS_ROOT/node_modules" lock="$CDCS_ROOT/package-lock.json"
  if [[ -d "$nm" && -f "$nm/.package-lock.json" && ! "$lock" -nt "$nm/.package-lock.json" ]]; then
    return 0
  fi
  _cdcs_say "running npm install --no-audit --no-fund (node_modules missing or older than package-lock.json)"
  (cd "$CDCS_ROOT" && npm install --no-audit --no-fund) || { _cdcs_err "npm install failed"; return 1; }
  # npm may leave .package-lock.json untouched when nothing changed; mark it fresh.
  [[ -f "$nm/.package-lock.json" ]] && touch "$nm/.package-lock.json"
  return 0
}

# A lockfile missing entries (e.g. optional platform packages) makes every fresh `npm install`
# rewrite it, leaving new users with a dirty tree. Resolve package.json anew in a scratch folder
# (lockfile only, no install) and compare.
check_lockfile() {
  local tmp rc=0
  tmp="$(mktemp -d)"
  cp "$CDCS_ROOT/package.json" "$CDCS_ROOT/package-lock.json" "$tmp/"
  if ! (cd "$tmp" && npm install --package-lock-only --no-audit --no-fund --prefer-offline >/dev/null 2>&1); then
    _cdcs_err "npm could not resolve package.json in $tmp"; rc=1
  elif ! cmp -s "$tmp/package-lock.json" "$CDCS_ROOT/package-lock.json"; then
    _cdcs_err "package-lock.json is incomplete: npm install would rewrite it (run npm install and commit the lockfile)"; rc=1
  fi
  rm -rf "$tmp"
  return "$rc"
}

# ---------------------------------------------------------------------------------------------
# the dashboard SPA and its browser

build_web() {
  _cdcs_say "building the dashboard (vite build apps/web -> apps/web/dist)"
  (cd "$CDCS_ROOT" && npx vite build --config apps/web/vite.config.mts --logLevel warn) || { _cdcs_err "vite build of apps/web failed"; return 1; }
}

ensure_web_build() {
  local index="$CDCS_ROOT/apps/web/dist/index.html" newer
  if [[ -f "$index" ]]; then
    # The dashboard also bundles the domain's pure modules (the stage table).
    newer="$(find "$CDCS_ROOT/apps/web" "$CDCS_ROOT/libs/domain/src" -path "$CDCS_ROOT/apps/web/dist" -prune -o -type f -newer "$index" -print -quit 2>/dev/null || true)"
    [[ -z "$newer" ]] && return 0
  fi
  build_web
}

# Browser tests drive Debian's Chromium through playwright-core (Playwright's own browser download
# cannot work here). CHROMIUM_PATH overrides the path.
ensure_chromium() {
  local bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ -x "$bin" ]]; then return 0; fi
  if ! _cdcs_is_root; then
    _cdcs_err "$bin not found: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH; the browser tests need it"
    return 1
  fi
  _cdcs_apt_install chromium || return 1
  # a font with Vietnamese glyphs for the screenshots (usually there already)
  if ! fc-list 2>/dev/null | grep -qi dejavu; then _cdcs_apt_install fonts-dejavu-core || true; fi
  [[ -x "$bin" ]] || { _cdcs_err "chromium installed but $bin is still missing"; return 1; }
}

# Official documents (docs/architecture.md#official-documents): the worker renders DOCX to PDF with
# LibreOffice headless; Liberation Serif is metric-compatible with Times New Roman and has the
# Vietnamese glyphs, so the PDF keeps the layout and a copyable text layer.
ensure_libreoffice() {
  local bin="${SOFFICE_PATH:-}"
  [[ -z "$bin" ]] && bin="$(command -v soffice 2>/dev/null || true)"
  if [[ -n "$bin" && -x "$bin" ]] && fc-list 2>/dev/null | grep -qi 'liberation serif'; then return 0; fi
  if ! _cdcs_is_root; then
    _cdcs_err "LibreOffice or its fonts are missing: install Debian's libreoffice-writer-nogui fonts-liberation2 fonts-dejavu-core (sudo apt-get install ...) or set SOFFICE_PATH; official documents (PDF) need them"
    return 1
  fi
  if [[ -z "$bin" || ! -x "$bin" ]]; then _cdcs_apt_install libreoffice-writer-nogui || return 1; fi
  if ! fc-list 2>/dev/null | grep -qi 'liberation serif'; then _cdcs_apt_install fonts-liberation2 || return 1; fi
  if ! fc-list 2>/dev/null | grep -qi dejavu; then _cdcs_apt_install fonts-dejavu-core || true; fi
  _cdcs_have soffice || { _cdcs_err "libreoffice-writer-nogui installed but soffice is still not on PATH"; return 1; }
}

ensure_poppler() {
  if _cdcs_have pdftotext && _cdcs_have pdftoppm; then return 0; fi
  if ! _cdcs_is_root; then
    _cdcs_err "pdftotext/pdftoppm not found: install Debian's poppler-utils (sudo apt-get install poppler-utils); the document tests need them"
    return 1
  fi
  _cdcs_apt_install poppler-utils || return 1
}

# ---------------------------------------------------------------------------------------------
# binaries

_cdcs_apt_install() { # _cdcs_apt_install PACKAGE
  local pkg=$1 log="$CDCS_ROOT/.data/apt.log"
  mkdir -p "$CDCS_ROOT/.data"
  if ! _cdcs_have apt-get; then
    _cdcs_err "cannot install $pkg: apt-get not found; install $pkg yourself"
    return 1
  fi
  if [[ "$__CDCS_APT_UPDATED" != 1 ]]; then
    _cdcs_say "running apt-get update (to install $pkg)"
    if ! apt-get update >>"$log" 2>&1; then
      _cdcs_err "apt-get update failed; see $log"; tail -n 20 "$log" >&2; return 1
    fi
    __CDCS_APT_UPDATED=1
  fi
  _cdcs_say "installing Debian package $pkg (apt-get; log in .data/apt.log)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$pkg" >>"$log" 2>&1; then
    _cdcs_err "apt-get install $pkg failed; see $log"; tail -n 20 "$log" >&2; return 1
  fi
  _cdcs_say "installed Debian package $pkg"
}

# Print the directory holding initdb, pg_ctl and postgres; prefer the major version in $1 (if any),
# else the newest under /usr/lib/postgresql, else the one on PATH.
_cdcs_find_pg_bin() {
  local want=${1:-} d best=""
  if [[ -n "$want" && -x "/usr/lib/postgresql/$want/bin/initdb" && -x "/usr/lib/postgresql/$want/bin/pg_ctl" ]]; then
    printf '%s\n' "/usr/lib/postgresql/$want/bin"; return 0
  fi
  while IFS= read -r d; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && best="$d"
  done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
  if [[ -z "$best" ]] && _cdcs_have pg_ctl; then
    d="$(dirname "$(command -v pg_ctl)")"
    [[ -x "$d/initdb" && -x "$d/postgres" ]] && best="$d"
  fi
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

_cdcs_find_redis_server() {
  local p
  if _cdcs_have redis-server; then command -v redis-server; return 0; fi
  for p in /usr/bin/redis-server /usr/local/bin/redis-server /usr/sbin/redis-server; do
    [[ -x "$p" ]] && { printf '%s\n' "$p"; return 0; }
  done
  return 1
}

# _cdcs_pg_bin [MAJOR]: set __CDCS_BIN to the Postgres bin dir, installing Debian's postgresql
# when root. (Sets a variable rather than printing, so apt-get update runs once per shell.)
_cdcs_pg_bin() {
  __CDCS_BIN=""
  if __CDCS_BIN="$(_cdcs_find_pg_bin "${1:-}")"; then return 0; fi
  if ! _cdcs_is_root; then
    _cdcs_err "Postgres server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or PATH."
    _cdcs_err "Install them (Debian/Ubuntu: sudo apt-get install postgresql), or set DATABASE_URL to a reachable server."
    return 1
  fi
  _cdcs_apt_install postgresql || return 1
  __CDCS_BIN="$(_cdcs_find_pg_bin "${1:-}")" || { _cdcs_err "postgresql installed but initdb/pg_ctl still not found"; return 1; }
}

# _cdcs_redis_server: set __CDCS_BIN to the redis-server path, installing Debian's redis-server when root.
_cdcs_redis_server() {
  __CDCS_BIN=""
  if __CDCS_BIN="$(_cdcs_find_redis_server)"; then return 0; fi
  if ! _cdcs_is_root; then
    _cdcs_err "redis-server not found. Install it (Debian/Ubuntu: sudo apt-get install redis-server), or set REDIS_URL to a reachable server."
    return 1
  fi
  _cdcs_apt_install redis-server || return 1
  __CDCS_BIN="$(_cdcs_find_redis_server)" || { _cdcs_err "redis-server installed but still not found"; return 1; }
}

ensure_service_binaries() {
  local bin srv
  _cdcs_pg_bin || return 1
  bin="$__CDCS_BIN"
  _cdcs_redis_server || return 1
  srv="$__CDCS_BIN"
  export CDCS_PG_BIN="$bin"
  export CDCS_REDIS_SERVER="$srv"
  # redis-memory-server, if a test uses it, must run the system binary (no download possible here).
  export REDISMS_SYSTEM_BINARY="${REDISMS_SYSTEM_BINARY:-$srv}"
  _cdcs_say "service binaries: CDCS_PG_BIN=$CDCS_PG_BIN CDCS_REDIS_SERVER=$CDCS_REDIS_SERVER"
}

# ---------------------------------------------------------------------------------------------
# project-local Postgres

# First port from $1 up (20 tries) on which nothing listens.
_cdcs_free_port() {
  local p=$1 i
  for ((i = 0; i < 20; i++)); do
    _cdcs_tcp_open 127.0.0.1 "$p" || { printf '%s\n' "$p"; return 0; }
    p=$((p + 1))
  done
  _cdcs_err "no free port in $1..$((p - 1))"
  return 1
}

_cdcs_pg_as() { # run a Postgres binary as the data dir's owner
  if ((${#CDCS_PG_RUN_AS[@]})); then "${CDCS_PG_RUN_AS[@]}" "$@"; else "$@"; fi
}

_cdcs_start_local_pg() {
  local base="$CDCS_ROOT/.data" where=".data" data sock log bin port want="" ver_file locale_opt pidport
  mkdir -p "$base"
  CDCS_PG_RUN_AS=()
  if _cdcs_is_root; then
    # Postgres refuses root: run it as Debian's `postgres` system user (created by the package).
    if ! id -u postgres >/dev/null 2>&1; then
      _cdcs_pg_bin || return 1
      id -u postgres >/dev/null 2>&1 || { _cdcs_err "running as root but there is no 'postgres' user to run Postgres as"; return 1; }
    fi
    CDCS_PG_RUN_AS=(runuser -u postgres --)
    if ! runuser -u postgres -- test -r "$base" -a -x "$base" 2>/dev/null; then
      # e.g. the checkout lives under /root (mode 700): the postgres user can't reach .data.
      base="/var/tmp/cdcs-pg-$(printf '%s' "$CDCS_ROOT" | cksum | cut -d' ' -f1)"
      where="$base"
      mkdir -p "$base"
    fi
  fi
  data="$base/pg"
  sock="$base/pg-run"
  log="$base/pg.log"
  # Unix socket paths are limited to ~107 bytes.
  if ((${#sock} > 90)); then sock="${TMPDIR:-/tmp}/cdcs-pg-run-$(id -u)-$(printf '%s' "$CDCS_ROOT" | cksum | cut -d' ' -f1)"; fi
  ver_file="$data/PG_VERSION"
  [[ -f "$ver_file" ]] && want="$(<"$ver_file")"
  _cdcs_pg_bin "$want" || return 1
  bin="$__CDCS_BIN"
  if [[ -n "$want" && "$bin" != *"/$want/bin" ]] && [[ "$("$bin/postgres" --version 2>/dev/null)" != *" $want."* ]]; then
    _cdcs_err "$where/pg was made by Postgres $want, whose binaries are not installed; remove $data or install postgresql-$want"
    return 1
  fi
  mkdir -p "$sock"
  touch "$log"
  if _cdcs_is_root; then
    mkdir -p "$data"
    chown postgres:postgres "$sock" "$log"
    chown -R postgres:postgres "$data"
  fi
  chmod 700 "$data" 2>/dev/null || true

  # Reuse an instance already running on this data dir.
  if [[ -f "$data/postmaster.pid" ]] && _cdcs_pg_as "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pidport="$(sed -n 4p "$data/postmaster.pid" 2>/dev/null || true)"
    if [[ "$pidport" =~ ^[0-9]+$ ]] && _cdcs_pg_answers 127.0.0.1 "$pidport"; then
      CDCS_PG_DATA="$data"; CDCS_PG_PORT="$pidport"
      export DATABASE_URL="postgres://postgres@127.0.0.1:$pidport/postgres"
      _cdcs_say "using project-local Postgres already running on 127.0.0.1:$pidport (data in $where/pg)"
      return 0
    fi
    _cdcs_err "a Postgres runs on $data but does not answer on 127.0.0.1:${pidport:-?}; stop it: ${CDCS_PG_RUN_AS[*]} $bin/pg_ctl -D $data -m fast stop"
    return 1
  fi

  if [[ ! -f "$ver_file" ]]; then
    if locale -a 2>/dev/null | grep -Eiq '^c\.utf-?8$'; then locale_opt="--locale=C.UTF-8"; else locale_opt="--locale=C"; fi
    # a half-made data dir from an interrupted initdb would make initdb refuse
    find "$data" -mindepth 1 -delete 2>/dev/null || true
    if ! _cdcs_pg_as "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 "$locale_opt" >>"$log" 2>&1; then
      _cdcs_err "initdb failed; last lines of $log:"; tail -n 20 "$log" >&2; return 1
    fi
  fi

  port="$(_cdcs_free_port "${CDCS_LOCAL_PG_PORT:-54329}")" || return 1
  if ! _cdcs_pg_as "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k '$sock'" start >/dev/null 2>&1; then
    _cdcs_err "pg_ctl start failed; last lines of $log:"; tail -n 20 "$log" >&2; return 1
  fi
  CDCS_STARTED_PG=1
  CDCS_PG_DATA="$data"; CDCS_PG_PORT="$port"
  if ! _cdcs_pg_answers 127.0.0.1 "$port"; then
    _cdcs_err "project-local Postgres started but does not answer on 127.0.0.1:$port; see $log"
    return 1
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  _cdcs_say "started project-local Postgres $("$bin/postgres" --version | grep -Eo '[0-9]+' | head -n1) on 127.0.0.1:$port (data in $where/pg)"
}

# ---------------------------------------------------------------------------------------------
# project-local Redis

_cdcs_start_local_redis() {
  local dir="$CDCS_ROOT/.data/redis" pidfile pid args port srv i
  pidfile="$dir/redis.pid"
  mkdir -p "$dir"
  # Reuse an instance already running from this directory.
  if [[ -f "$pidfile" ]]; then
    pid="$(<"$pidfile")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
      port="${args##*:}"; port="${port%% *}"
      if [[ "$args" == *redis-server* && "$port" =~ ^[0-9]+$ ]] && _cdcs_redis_answers 127.0.0.1 "$port"; then
        CDCS_REDIS_PORT="$port"; CDCS_REDIS_PIDFILE="$pidfile"
        export REDIS_URL="redis://127.0.0.1:$port"
        _cdcs_say "using project-local Redis already running on 127.0.0.1:$port (data in .data/redis)"
        return 0
      fi
    fi
    rm -f "$pidfile"
  fi
  _cdcs_redis_server || return 1
  srv="$__CDCS_BIN"
  port="$(_cdcs_free_port "${CDCS_LOCAL_REDIS_PORT:-63799}")" || return 1
  if ! "$srv" --port "$port" --bind 127.0.0.1 --save '' --appendonly no --maxmemory-policy noeviction \
      --daemonize yes --pidfile "$pidfile" --dir "$dir" --logfile "$dir/redis.log" </dev/null >/dev/null 2>&1; then
    _cdcs_err "redis-server failed to start; last lines of $dir/redis.log:"; tail -n 20 "$dir/redis.log" >&2 2>/dev/null; return 1
  fi
  CDCS_STARTED_REDIS=1
  CDCS_REDIS_PORT="$port"; CDCS_REDIS_PIDFILE="$pidfile"
  for ((i = 0; i < 50; i++)); do
    _cdcs_redis_answers 127.0.0.1 "$port" && break
    sleep 0.2
  done
  if ! _cdcs_redis_answers 127.0.0.1 "$port"; then
    _cdcs_err "project-local Redis does not answer on 127.0.0.1:$port; see $dir/redis.log"
    return 1
  fi
  export REDIS_URL="redis://127.0.0.1:$port"
  _cdcs_say "started project-local Redis $("$srv" --version | grep -Eo 'v=[0-9.]+' | cut -c3-) on 127.0.0.1:$port (data in .data/redis)"
}

# ---------------------------------------------------------------------------------------------

ensure_services() {
  # Postgres
  if [[ -n "${DATABASE_URL:-}" ]]; then
    export DATABASE_URL
    _cdcs_say "using DATABASE_URL from the environment"
  elif _cdcs_pg_answers 127.0.0.1 5432; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
    _cdcs_say "using local Postgres at 127.0.0.1:5432"
  else
    _cdcs_start_local_pg || return 1
  fi
  # Redis
  if [[ -n "${REDIS_URL:-}" ]]; then
    export REDIS_URL
    _cdcs_say "using REDIS_URL from the environment"
  elif _cdcs_redis_answers 127.0.0.1 6379; then
    export REDIS_URL="redis://127.0.0.1:6379"
    _cdcs_say "using local Redis at 127.0.0.1:6379"
  else
    _cdcs_start_local_redis || return 1
  fi
}

stop_started_services() {
  local bin pid i rc=0
  if [[ "${CDCS_STARTED_PG:-0}" == 1 && -n "$CDCS_PG_DATA" ]]; then
    CDCS_STARTED_PG=0
    bin="${CDCS_PG_BIN:-}"
    [[ -x "$bin/pg_ctl" ]] || bin="$(_cdcs_find_pg_bin "$(cat "$CDCS_PG_DATA/PG_VERSION" 2>/dev/null || true)")" || bin=""
    if [[ -n "$bin" ]] && _cdcs_pg_as "$bin/pg_ctl" -D "$CDCS_PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1; then
      _cdcs_say "stopped project-local Postgres on 127.0.0.1:$CDCS_PG_PORT"
    else
      _cdcs_err "could not stop project-local Postgres on 127.0.0.1:$CDCS_PG_PORT (data $CDCS_PG_DATA)"
      rc=1
    fi
  fi
  if [[ "${CDCS_STARTED_REDIS:-0}" == 1 && -n "$CDCS_REDIS_PORT" ]]; then
    CDCS_STARTED_REDIS=0
    pid="$(cat "$CDCS_REDIS_PIDFILE" 2>/dev/null || true)"
    if _cdcs_have redis-cli; then
      _cdcs_timeout 5 redis-cli -h 127.0.0.1 -p "$CDCS_REDIS_PORT" shutdown nosave </dev/null >/dev/null 2>&1 || true
    elif [[ "$pid" =~ ^[0-9]+$ ]]; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
    if [[ "$pid" =~ ^[0-9]+$ ]]; then
      for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    fi
    rm -f "$CDCS_REDIS_PIDFILE"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      _cdcs_err "could not stop project-local Redis on 127.0.0.1:$CDCS_REDIS_PORT (pid $pid)"
      rc=1
    else
      _cdcs_say "stopped project-local Redis on 127.0.0.1:$CDCS_REDIS_PORT"
    fi
  fi
  return "$rc"
}

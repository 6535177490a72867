#!/usr/bin/env bash
# Start (or stop) a private, throw-away Virtuoso server for integration tests
# of `push` against the SPARQL 1.1 Graph Store Protocol.
#
#   .ci/virtuoso.sh [start] [DIR]   start; prints VIRTUOSO_* lines for `eval`
#   .ci/virtuoso.sh stop DIR        stop the server started in DIR
#
# Env: VIRTUOSO_PASSWORD (default dba), VIRTUOSO_HTTP_PORT (default 28890),
#      VIRTUOSO_SQL_PORT (default 21111), VIRTUOSO_START_TIMEOUT (default 120).
# Everything except the final VIRTUOSO_* lines goes to stderr, so that
# `eval "$(.ci/virtuoso.sh "$dir")"` sees only the assignments.
set -euo pipefail

mode=start
if [[ ${1:-} == start || ${1:-} == stop ]]; then mode=$1; shift; fi
pw=${VIRTUOSO_PASSWORD:-dba}
http_port=${VIRTUOSO_HTTP_PORT:-28890}
sql_port=${VIRTUOSO_SQL_PORT:-21111}
timeout=${VIRTUOSO_START_TIMEOUT:-120}
url=http://127.0.0.1:$http_port

log() { echo "virtuoso.sh: $*" >&2; }
# True while the PID in DIR is still a Virtuoso (not a recycled PID).
alive() { [[ -s $dir/virtuoso.pid ]] && grep -qs virtuoso-t "/proc/$(cat "$dir/virtuoso.pid")/cmdline"; }

if [[ $mode == stop ]]; then
  dir=${1:?usage: $0 stop DIR}
  if alive; then
    pid=$(cat "$dir/virtuoso.pid")
    # SIGTERM makes Virtuoso checkpoint and exit cleanly; give it 30 s before SIGKILL.
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "stopped pid $pid"
  fi
  rm -f "$dir/virtuoso.pid"
  exit 0
fi

dir=${1:-$(mktemp -d -t virtuoso.XXXXXX)}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# 1. Install. The package's postinst would start the Debian service on the
# default ports; a policy-rc.d that exits 101 forbids that (Docker-style images
# already ship one, so we only add ours when none exists). With no dba password
# preseeded the postinst asks nothing under the noninteractive frontend.
if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
  own_policy=
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  echo 'virtuoso-opensource-7 virtuoso-opensource-7/dba-password password' | debconf-set-selections
  echo 'virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password' | debconf-set-selections
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >&2
  if [[ -n $own_policy ]]; then rm -f /usr/sbin/policy-rc.d; fi
  # Should the service have been started anyway, stop it: we never use it.
  service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
fi

# isql against our instance; SQL comes on stdin so it never shows in `ps`.
isql() { isql-vt "127.0.0.1:$sql_port" dba "$1" VERBOSE=OFF BANNER=OFF PROMPT=OFF ERRORS=STDOUT MACRO_SUBSTITUTION=OFF; }

# 2. Start, unless a server started earlier in this DIR still runs.
if ! alive; then
  # Paths and plugin settings follow /etc/virtuoso-opensource-7/virtuoso.ini;
  # database, log and ports are private so that nothing clashes with a system
  # instance or with another checkout. Both listeners bind to loopback only.
  # VADInstallDir is left out on purpose: with it, the first start installs
  # the Conductor web UI, which CI never uses and which triples startup time.
  # ResultSetMaxRows is raised from Debian's 10000, past which Virtuoso
  # silently truncates SELECT results.
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0
[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $dir, /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
MaxQueryMem          = 1G
[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads        = 10
MaxKeepAlives        = 10
KeepAliveTimeout     = 10
Charset              = UTF-8
EnabledGzipContent   = 0
[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
[Plugins]
LoadPath = /usr/lib/x86_64-linux-gnu/virtuoso-opensource-7/hosting
EOF
  # A server already answering on our port (another DIR's) would make the wait
  # below succeed against the wrong instance, so refuse to start instead.
  if curl -s -o /dev/null "$url/"; then
    log "port $http_port is already in use; set VIRTUOSO_HTTP_PORT/VIRTUOSO_SQL_PORT"
    exit 1
  fi
  start=$SECONDS
  # Run in the foreground (so $! is the server's own PID) inside a background
  # subshell, with all three standard streams detached so that a caller's
  # command substitution does not wait for the server to exit.
  (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" \
    </dev/null >"$dir/virtuoso.out" 2>&1) &
  echo $! >"$dir/virtuoso.pid"
  # The HTTP listener opens only once the database is initialised, so a
  # successful SPARQL ASK means the server is fully usable.
  until curl -fsS -o /dev/null "$url/sparql?query=ASK%7B%7D" 2>/dev/null; do
    if ! alive || (( SECONDS - start > timeout )); then
      log "Virtuoso did not come up within ${timeout}s; log follows"
      cat "$dir/virtuoso.log" "$dir/virtuoso.out" >&2 2>/dev/null || true
      alive && kill "$(cat "$dir/virtuoso.pid")"
      exit 1
    fi
    sleep 0.5
  done
  log "up after $(( SECONDS - start ))s (pid $(cat "$dir/virtuoso.pid"), dir $dir)"
fi

# 3. Set the dba password (a fresh database has dba/dba). The check first makes
# a second run on the same DIR a no-op. dba already holds every SPARQL right,
# which is all /sparql-graph-crud-auth needs once digest auth succeeds.
# isql exits 0 even when a statement fails, hence the explicit re-check.
# Virtuoso string literals treat backslash as an escape, so double it too.
if ! echo 'select 1;' | isql "$pw" 2>&1 | grep -x 1 >/dev/null; then
  lit=${pw//\\/\\\\}; lit=${lit//\'/\'\'}
  printf '%s\n' "USER_SET_PASSWORD ('dba', '$lit');" 'checkpoint;' | isql dba >&2
  if ! echo 'select 1;' | isql "$pw" 2>&1 | grep -x 1 >/dev/null; then
    log "could not set the dba password (was it changed by hand in $dir?)"
    exit 1
  fi
fi

# 4. Tell the caller where the server is.
echo "VIRTUOSO_URL=$url"
echo "VIRTUOSO_GSP_URL=$url/sparql-graph-crud-auth"
echo "VIRTUOSO_SPARQL_URL=$url/sparql"
echo "VIRTUOSO_USER=dba"
printf 'VIRTUOSO_DIR=%q\n' "$dir"
echo "VIRTUOSO_PID=$(cat "$dir/virtuoso.pid")"

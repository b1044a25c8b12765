#!/usr/bin/env bash
# npm run bench:ldap [-- N C D]: the mock DC against OpenLDAP slapd, same tenant, same queries, same
# client (../shared/bench/ldap/load.mjs on this project's ldapts), in one run; prints per query type
# the throughput ratio and each server's CPU microseconds per operation, load times and peak memory.
#   N objects (default 100000), C client connections (8), D seconds per phase (10).
# Everything listens on 127.0.0.1 only; servers run pinned to CPU 0, the client to CPU 1, and both
# are stopped on exit by their own pids.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ANCHOR="${ANCHOR:-$ROOT/../shared/bench/ldap}"
N="${1:-100000}"; C="${2:-8}"; D="${3:-10}"
PORT_SLAPD="${PORT_SLAPD:-38389}"; PORT_MOCK="${PORT_MOCK:-38390}"
WORK="${WORK:-/tmp/lync-harness-bench-ldap}"; RESULTS="$WORK/results"
[ -f "$ANCHOR/load.mjs" ] || { echo "bench:ldap: the anchor tooling is missing ($ANCHOR)" >&2; exit 2; }
mkdir -p "$WORK/client" "$RESULTS"
# One client for both servers: the anchor's load generator, resolving ldapts from this project.
cp "$ANCHOR/load.mjs" "$ANCHOR/gen-tenant.mjs" "$WORK/client/"
ln -sfn "$ROOT/node_modules" "$WORK/client/node_modules"
SRV=(taskset -c 0); CLI=(taskset -c 1); export SLAPD_CPUS=0
MOCK_PID=""; SLAPD_W="$WORK/slapd-$PORT_SLAPD"
cleanup() {
  if [ -n "$MOCK_PID" ] && kill -0 "$MOCK_PID" 2>/dev/null; then kill -TERM "$MOCK_PID" 2>/dev/null || true; fi
  bash "$ANCHOR/slapd.sh" stop "$SLAPD_W" >/dev/null 2>&1 || true
}
trap cleanup EXIT
log() { echo "[bench:ldap $(date +%H:%M:%S)] $*" >&2; }
R="$WORK/run-$N-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$R"
LDIF="$WORK/tenant-$N.ldif"; QF="$WORK/tenant-$N.queries.json"
node "$WORK/client/gen-tenant.mjs" --n "$N" --seed 1 --out "$LDIF" >"$R/gen.json"
log "tenant: $(cat "$R/gen.json")"
load() { # label url pid
  "${CLI[@]}" node "$WORK/client/load.mjs" --verify 50 --url "$2" --queries "$QF" --label "$1" >"$R/$1-verify.json"
  "${CLI[@]}" node "$WORK/client/load.mjs" --url "$2" --queries "$QF" --c "$C" --d "$D" --server-pid "$3" --label "$1" >"$R/$1-load.json"
}

log "slapd: slapadd + start"
bash "$ANCHOR/slapd.sh" start "$LDIF" "$PORT_SLAPD" "$SLAPD_W" >"$R/slapd-start.json"
load slapd "ldap://127.0.0.1:$PORT_SLAPD" "$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).pid' "$R/slapd-start.json")"
bash "$ANCHOR/slapd.sh" stop "$SLAPD_W"

log "mock DC: load through the admin API + listen"
(cd "$ROOT" && TS_NODE_TRANSPILE_ONLY=true exec "${SRV[@]}" node -r ts-node/register bench/ldap/mock-server.ts \
  --ldif "$LDIF" --port "$PORT_MOCK" >"$R/mock.log" 2>&1) &
MOCK_PID=$!
for _ in $(seq 1 900); do grep -q '"event":"listening"' "$R/mock.log" 2>/dev/null && break; kill -0 "$MOCK_PID" 2>/dev/null || { cat "$R/mock.log" >&2; exit 5; }; sleep 0.2; done
grep '"event":"listening"' "$R/mock.log" >"$R/mock-start.json" || { echo "the mock did not come up" >&2; exit 5; }
MOCK_NODE=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).pid' "$R/mock-start.json")
load mock "ldap://127.0.0.1:$PORT_MOCK" "$MOCK_NODE"
kill -TERM "$MOCK_PID"; wait "$MOCK_PID" 2>/dev/null || true; MOCK_PID=""

node "$HERE/summary.mjs" "$R" "$RESULTS"

#!/usr/bin/env bash
# npm run bench:ldap [-- N C D]: the mock DC against OpenLDAP slapd, same tenant, same queries, same
# client (bench/ldap/load.ts), in one run; prints per query type the throughput ratio and each server's
# CPU microseconds per operation, load times and peak memory. Everything it needs is in this
# repository: the tenant generator (tenant.ts), slapd's schema and config (ad.schema, slapd.ts; slapd
# and ldap-utils installed with apt-get by scripts/system-tools.js when missing).
#   N objects (default 100000), C client connections (8), D seconds per phase (10).
# Everything listens on 127.0.0.1 only; servers run pinned to CPU 0, the client to CPU 1, and both
# are stopped on exit by their own pids.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N="${1:-100000}"; C="${2:-8}"; D="${3:-10}"
PORT_SLAPD="${PORT_SLAPD:-38389}"; PORT_MOCK="${PORT_MOCK:-38390}"
WORK="${WORK:-/tmp/lync-harness-bench-ldap}"; RESULTS="$WORK/results"
mkdir -p "$RESULTS"
TS=(node -r "$ROOT/scripts/register-ts.js")
SRV=(taskset -c 0); CLI=(taskset -c 1); export SLAPD_CPUS=0
MOCK_PID=""; SLAPD_W="$WORK/slapd-$PORT_SLAPD"
cleanup() {
  if [ -n "$MOCK_PID" ] && kill -0 "$MOCK_PID" 2>/dev/null; then kill -TERM "$MOCK_PID" 2>/dev/null || true; fi
  "${TS[@]}" "$HERE/slapd.ts" stop "$SLAPD_W" >/dev/null 2>&1 || true
}
trap cleanup EXIT
log() { echo "[bench:ldap $(date +%H:%M:%S)] $*" >&2; }
R="$WORK/run-$N-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$R"
LDIF="$WORK/tenant-$N.ldif"; QF="$WORK/tenant-$N.queries.json"
"${TS[@]}" "$HERE/tenant.ts" --n "$N" --out "$LDIF" >"$R/gen.json"
log "tenant: $(cat "$R/gen.json")"
load() { # label url pid
  "${CLI[@]}" "${TS[@]}" "$HERE/load.ts" --verify 50 --url "$2" --queries "$QF" >"$R/$1-verify.json"
  "${CLI[@]}" "${TS[@]}" "$HERE/load.ts" --url "$2" --queries "$QF" --c "$C" --d "$D" --server-pid "$3" >"$R/$1-load.json"
}

log "slapd: slapadd + start"
"${TS[@]}" "$HERE/slapd.ts" start "$LDIF" "$PORT_SLAPD" "$SLAPD_W" >"$R/slapd-start.json"
load slapd "ldap://127.0.0.1:$PORT_SLAPD" "$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).pid' "$R/slapd-start.json")"
"${TS[@]}" "$HERE/slapd.ts" stop "$SLAPD_W"

log "mock DC: load through the admin API + listen"
(cd "$ROOT" && exec "${SRV[@]}" "${TS[@]}" bench/ldap/mock-server.ts \
  --ldif "$LDIF" --port "$PORT_MOCK" >"$R/mock.log" 2>&1) &
MOCK_PID=$!
for _ in $(seq 1 900); do grep -q '"event":"listening"' "$R/mock.log" 2>/dev/null && break; kill -0 "$MOCK_PID" 2>/dev/null || { cat "$R/mock.log" >&2; exit 5; }; sleep 0.2; done
grep '"event":"listening"' "$R/mock.log" >"$R/mock-start.json" || { echo "the mock did not come up" >&2; exit 5; }
MOCK_NODE=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).pid' "$R/mock-start.json")
load mock "ldap://127.0.0.1:$PORT_MOCK" "$MOCK_NODE"
kill -TERM "$MOCK_PID"; wait "$MOCK_PID" 2>/dev/null || true; MOCK_PID=""

node "$HERE/summary.mjs" "$R" "$RESULTS"

#!/usr/bin/env bash
# npm run bench:ldap [-- N C D]: the mock DC against OpenLDAP slapd, same tenant, same queries, same
# client (bench/ldap/load.ts), both up at once and measured in alternating slices of each phase (so a
# load that changes during the run hits both alike); prints per query type the throughput ratio and
# each server's CPU microseconds per operation, load times, peak memory and the load average. Everything it needs is in this
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
verify() { # label url
  "${CLI[@]}" "${TS[@]}" "$HERE/load.ts" --verify 50 --url "$2" --queries "$QF" >"$R/$1-verify.json"
}

log "slapd: slapadd + start"
"${TS[@]}" "$HERE/slapd.ts" start "$LDIF" "$PORT_SLAPD" "$SLAPD_W" >"$R/slapd-start.json"
SLAPD_PID=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).pid' "$R/slapd-start.json")
verify slapd "ldap://127.0.0.1:$PORT_SLAPD"

log "mock DC: load through the admin API + listen"
# Under the V8 flags a run gives every mock process (MOCK_PROCESS_FLAGS), so its cost is a run's.
read -r -a FLAGS <<<"$(cd "$ROOT" && node -r ./scripts/register-ts.js -p \
  "require('./src/harness/process-service').MOCK_PROCESS_FLAGS.join(' ')")"
(cd "$ROOT" && exec "${SRV[@]}" node "${FLAGS[@]}" --expose-gc -r "$ROOT/scripts/register-ts.js" bench/ldap/mock-server.ts \
  --ldif "$LDIF" --port "$PORT_MOCK" >"$R/mock.log" 2>&1) &
MOCK_PID=$!
# Wait for the line that says it listens, or for the process to end (its log says why).
while ! grep -q '"event":"listening"' "$R/mock.log" 2>/dev/null; do
  kill -0 "$MOCK_PID" 2>/dev/null || { cat "$R/mock.log" >&2; exit 5; }
  sleep 0.2
done
grep '"event":"listening"' "$R/mock.log" >"$R/mock-start.json"
MOCK_NODE=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).pid' "$R/mock-start.json")
verify mock "ldap://127.0.0.1:$PORT_MOCK"

# Both servers up, measured in alternating slices of each phase: a load that changes hits both alike.
cut -d' ' -f1 /proc/loadavg >"$R/loadavg-start"
log "load: $C connections per server, $D s per phase per server, load average $(cat "$R/loadavg-start")"
"${CLI[@]}" "${TS[@]}" "$HERE/load.ts" --queries "$QF" --c "$C" --d "$D" --out-dir "$R" \
  --target "slapd=ldap://127.0.0.1:$PORT_SLAPD,$SLAPD_PID" --target "mock=ldap://127.0.0.1:$PORT_MOCK,$MOCK_NODE"
cut -d' ' -f1 /proc/loadavg >"$R/loadavg-end"
log "load average at the end: $(cat "$R/loadavg-end")"
kill -TERM "$MOCK_PID"; wait "$MOCK_PID" 2>/dev/null || true; MOCK_PID=""
"${TS[@]}" "$HERE/slapd.ts" stop "$SLAPD_W"

node "$HERE/summary.mjs" "$R" "$RESULTS"

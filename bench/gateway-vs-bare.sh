#!/usr/bin/env bash
# The gateway's own cost per request: our gateway against a bare Spring Cloud Gateway (bench/bare-gateway.sh:
# the same route, nothing of ours) on one authenticated GET, in interleaved rounds (ours, bare, ours, bare …,
# so a noisy minute hurts both alike). Prints, per round: requests/s, p50/p99, and the CPU each gateway process
# spent per request (bench/cpu.sh) — on a shared two-core machine throughput swings with whatever else runs, CPU
# per request hardly does.
#
#   bash bench/gateway-vs-bare.sh [PATH=/api/users/me] [ROUNDS=3] [SECONDS=10] [CONNECTIONS=50]
#
# Needs: the gateway (GATEWAY_PORT, 8080) and the service behind PATH running (./hypertube up), wrk and curl.
# The gateway's pid comes from GATEWAY_PID, else the launcher's pid file, else the process listening on its
# port. The bare gateway is started here (BARE_GATEWAY_PORT, 8089; it routes /api/users/** to the auth service,
# AUTH_PORT 8081, and /api/movies/**, /api/shows/** to media-service, MEDIA_PORT 8082). TOKEN: an access token to
# use (else a bench user is signed up); WARMUP: seconds of warm-up per gateway (30).
set -euo pipefail

TARGET=${1:-/api/users/me}
ROUNDS=${2:-3}
SECONDS_EACH=${3:-10}
CONNECTIONS=${4:-50}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GATEWAY=http://127.0.0.1:${GATEWAY_PORT:-8080}
AUTH=http://127.0.0.1:${AUTH_PORT:-8081}
MEDIA=http://127.0.0.1:${MEDIA_PORT:-8082}
WORK=$(mktemp -d)
BARE_PID=
trap '[[ -n $BARE_PID ]] && kill "$BARE_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

for tool in curl wrk; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
curl -sf "$GATEWAY/actuator/health/readiness" >/dev/null || { echo "$GATEWAY is not ready: ./hypertube up" >&2; exit 1; }
# shellcheck source=cpu.sh
source "$ROOT/bench/cpu.sh"
GATEWAY_PID=${GATEWAY_PID:-$(cat "${HYPERTUBE_HOME:-$ROOT/.hypertube}/pids/gateway-service.pid" 2>/dev/null || true)}
[[ -n $GATEWAY_PID && -r /proc/$GATEWAY_PID/stat ]] || GATEWAY_PID=$(pid_on_port "${GATEWAY_PORT:-8080}")
[[ -n $GATEWAY_PID ]] || { echo "cannot find the gateway's pid: set GATEWAY_PID" >&2; exit 1; }
# shellcheck source=session.sh
source "$ROOT/bench/session.sh"
TOKEN=${TOKEN:-$(bench_access_token "$GATEWAY")}
# shellcheck source=bare-gateway.sh
source "$ROOT/bench/bare-gateway.sh"
bare_gateway_start "$WORK" "$TOKEN" "$TARGET" || exit 1

run() { # base pid file seconds -> wrk's output in file, the process's CPU ticks meanwhile in file.ticks
    local before
    before=$(cpu_ticks "$2")
    wrk -t2 -c"$CONNECTIONS" -d"$4s" --latency -H "Authorization: Bearer $TOKEN" "$1$TARGET" >"$3"
    echo $(($(cpu_ticks "$2") - before)) >"$3.ticks"
    if grep -q "Non-2xx" "$3"; then echo "some answers were not 2xx:" >&2; cat "$3" >&2; exit 1; fi
}
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
cpu_ms() { ms_per_request "$(cat "$1.ticks")" "$(awk '/requests in/ {print $1}' "$1")"; }

run "$GATEWAY" "$GATEWAY_PID" "$WORK/warm" "${WARMUP:-30}"
run "$BARE" "$BARE_PID" "$WORK/warm" "${WARMUP:-30}"
echo "GET $TARGET, $CONNECTIONS connections, ${SECONDS_EACH}s per run, $ROUNDS rounds (ours, then bare):"
for ((round = 1; round <= ROUNDS; round++)); do
    run "$GATEWAY" "$GATEWAY_PID" "$WORK/ours-$round" "$SECONDS_EACH"
    run "$BARE" "$BARE_PID" "$WORK/bare-$round" "$SECONDS_EACH"
    ours=$WORK/ours-$round bare=$WORK/bare-$round
    printf '  round %d: ours %6s req/s p50 %-8s p99 %-8s CPU %s ms/req | bare %6s req/s p99 %-8s CPU %s ms/req\n' \
        "$round" "$(rps "$ours")" "$(pct "$ours" 50%)" "$(pct "$ours" 99%)" "$(cpu_ms "$ours")" \
        "$(rps "$bare")" "$(pct "$bare" 99%)" "$(cpu_ms "$bare")"
    printf '           throughput ours/bare %.2f (target >= 0.85), CPU per request ours/bare %.2f\n' \
        "$(awk -v a="$(rps "$ours")" -v b="$(rps "$bare")" 'BEGIN {print a / b}')" \
        "$(awk -v a="$(cpu_ms "$ours")" -v b="$(cpu_ms "$bare")" 'BEGIN {print a / b}')"
done

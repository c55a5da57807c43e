#!/usr/bin/env bash
# Auth benchmark: requests/s of an authenticated GET (/api/users/me) straight to auth-service and through
# the gateway (the ratio is what the gateway's routing and JWT check cost; target ≥ 0.7), then sign-ins/s at
# the configured bcrypt cost.
#
#   bash auth-service/bench/auth-bench.sh [SECONDS=10] [CONNECTIONS=32]
#
# Needs: the services running (./hypertube up), wrk and curl. Everything stays on 127.0.0.1. Each path is
# warmed up first (WARMUP seconds, 45 by default): the gateway's JIT takes about a minute to settle here.
# Then the same GET through a bare Spring Cloud Gateway (auth-service/bench/bare-gateway: one route, nothing
# of ours, built on first use), to show what the framework alone costs on this machine; BARE_GATEWAY=0 skips it.
set -euo pipefail

SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-32}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
AUTH=http://127.0.0.1:${AUTH_PORT:-8081}
GATEWAY=http://127.0.0.1:${GATEWAY_PORT:-8080}
WORK=$(mktemp -d)
BARE_PID=
trap '[[ -n $BARE_PID ]] && kill "$BARE_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

for tool in curl wrk; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
for url in "$AUTH" "$GATEWAY"; do
    curl -sf "$url/actuator/health/readiness" >/dev/null || { echo "$url is not ready: ./hypertube up" >&2; exit 1; }
done
# shellcheck source=../../bench/session.sh
source "$ROOT/bench/session.sh"
bench_access_token "$GATEWAY" >"$WORK/token"
TOKEN=$(cat "$WORK/token")
USERNAME=$(sed -n 's/.*"username":"\([^"]*\)".*/\1/p' <(curl -sf -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/users/me"))

rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }

# Warm both paths up (JIT, connection pools, the gateway's JWKS cache), then measure.
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-45}s" -H "Authorization: Bearer $TOKEN" "$AUTH/api/users/me" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-45}s" -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/users/me" >/dev/null
# CPU each process spends per request (from /proc), when ./hypertube started them: where the time goes.
pid_of() { cat "${HYPERTUBE_HOME:-$ROOT/.hypertube}/pids/$1.pid" 2>/dev/null || true; }
cpu_ticks() { [[ -n $1 && -r /proc/$1/stat ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
GATEWAY_PID=$(pid_of gateway-service)
AUTH_PID=$(pid_of auth-service)
TICKS_PER_SECOND=$(getconf CLK_TCK)
per_request() { # ticks requests -> ms of CPU per request
    awk -v t="$1" -v n="$2" -v hz="$TICKS_PER_SECOND" 'BEGIN {printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0)}'
}
count() { awk '/requests in/ {print $1}' "$1"; }
# The measured run: wrk on URL into FILE; sets AUTH_TICKS and PROXY_TICKS, the CPU that auth-service and the
# process PROXY_PID (none: 0) spent meanwhile.
measure() { # url file [proxy_pid]
    local auth_before proxy_before
    auth_before=$(cpu_ticks "$AUTH_PID")
    proxy_before=$(cpu_ticks "${3:-}")
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $TOKEN" "$1" >"$2"
    AUTH_TICKS=$(($(cpu_ticks "$AUTH_PID") - auth_before))
    PROXY_TICKS=$(($(cpu_ticks "${3:-}") - proxy_before))
    grep -q "Non-2xx" "$2" && { echo "some answers were not 2xx:" >&2; cat "$2" >&2; exit 1; }
    return 0
}
measure "$AUTH/api/users/me" "$WORK/direct.txt"
auth_direct=$AUTH_TICKS
measure "$GATEWAY/api/users/me" "$WORK/gateway.txt" "$GATEWAY_PID"
auth_behind=$AUTH_TICKS
gateway_cpu=$PROXY_TICKS
direct=$(rps "$WORK/direct.txt")
through=$(rps "$WORK/gateway.txt")
echo "authenticated GET /api/users/me, $CONNECTIONS connections, ${SECONDS_EACH}s each:"
echo "  straight to auth-service: $direct requests/s (p99 $(p99 "$WORK/direct.txt"))"
echo "  through the gateway:      $through requests/s (p99 $(p99 "$WORK/gateway.txt"))"
echo "  ratio gateway/direct: $(awk -v a="$through" -v b="$direct" 'BEGIN {printf "%.2f", a / b}') (target ≥ 0.70)"
if [[ -n $GATEWAY_PID && -n $AUTH_PID ]]; then
    echo "  CPU per request: auth-service $(per_request "$auth_direct" "$(count "$WORK/direct.txt")") ms direct;" \
        "through the gateway, gateway $(per_request "$gateway_cpu" "$(count "$WORK/gateway.txt")") ms" \
        "+ auth-service $(per_request "$auth_behind" "$(count "$WORK/gateway.txt")") ms"
fi

if [[ ${BARE_GATEWAY:-1} != 0 ]]; then
    # shellcheck source=../../bench/bare-gateway.sh
    source "$ROOT/bench/bare-gateway.sh"
    bare_gateway_start "$WORK" "$TOKEN" /api/users/me || exit 1
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-45}s" -H "Authorization: Bearer $TOKEN" "$BARE/api/users/me" >/dev/null
    measure "$BARE/api/users/me" "$WORK/bare.txt" "$BARE_PID"
    auth_behind_bare=$AUTH_TICKS
    bare_cpu=$PROXY_TICKS
    bare=$(rps "$WORK/bare.txt")
    echo "  through a bare Spring Cloud Gateway (one route, nothing of ours): $bare requests/s," \
        "ratio $(awk -v a="$bare" -v b="$direct" 'BEGIN {printf "%.2f", a / b}')"
    if [[ -n $AUTH_PID ]]; then
        echo "  CPU per request: bare gateway $(per_request "$bare_cpu" "$(count "$WORK/bare.txt")") ms" \
            "+ auth-service $(per_request "$auth_behind_bare" "$(count "$WORK/bare.txt")") ms"
    fi
    kill "$BARE_PID"
    BARE_PID=
fi

# Sign-ins: the same user over and over (successes are not throttled), a few connections: bcrypt is CPU.
cat >"$WORK/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"$USERNAME","password":"$BENCH_PASSWORD"}'
LUA
cost=$(grep -o 'bcrypt-cost: ${AUTH_BCRYPT_COST:[0-9]*' "$ROOT/auth-service/src/main/resources/application.yml" | grep -o '[0-9]*$')
wrk -t2 -c4 -d"${SECONDS_EACH}s" --latency -s "$WORK/login.lua" "$AUTH/api/auth/login" >"$WORK/login.txt"
grep -q "Non-2xx" "$WORK/login.txt" && { echo "some sign-ins failed:" >&2; cat "$WORK/login.txt" >&2; exit 1; }
echo "sign-ins: $(awk '/Requests\/sec/ {printf "%.1f", $2}' "$WORK/login.txt")/s at bcrypt cost ${AUTH_BCRYPT_COST:-$cost} (p99 $(p99 "$WORK/login.txt"))"

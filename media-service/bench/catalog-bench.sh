#!/usr/bin/env bash
# Catalog benchmark: with 10,000 films and 2,000 series in the catalog, latency (p50/p99) and requests/s of a
# filtered, sorted browse page and of a search, straight to media-service, through the gateway, and through a
# bare Spring Cloud Gateway on the same route (the framework's floor), all in one run; with each process's CPU per
# request (bench/cpu.sh), which other load on the machine hardly moves, unlike requests/s.
# Targets: p99 under 50 ms through the gateway; the gateway at least 0.85x the bare gateway's requests/s.
#
#   bash media-service/bench/catalog-bench.sh [SECONDS=10] [CONNECTIONS=50]
#
# Needs: auth-service, media-service and the gateway running (./hypertube up), wrk, curl and psql reaching the
# catalog's database (DB_HOST, DB_PORT, DB_NAME, DB_USER as for the launcher). It replaces the benchmark's own
# titles (media-service/bench/catalog-seed.sql) and leaves every other title alone. Each path is warmed up
# first (WARMUP seconds, 30 by default), then measured ROUNDS times (2 by default; the summary gives each figure's
# range over the rounds); BARE_GATEWAY=0 skips the bare gateway. The processes' pids come from
# MEDIA_PID and GATEWAY_PID, else the launcher's pid files, else the processes listening on the ports.
set -euo pipefail

SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-50}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MEDIA=http://127.0.0.1:${MEDIA_PORT:-8082}
GATEWAY=http://127.0.0.1:${GATEWAY_PORT:-8080}
WORK=$(mktemp -d)
BARE_PID=
trap '[[ -n $BARE_PID ]] && kill "$BARE_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

for tool in curl wrk psql; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
for url in "$MEDIA" "$GATEWAY"; do
    curl -sf "$url/actuator/health/readiness" >/dev/null || { echo "$url is not ready: ./hypertube up" >&2; exit 1; }
done
psql -q -v ON_ERROR_STOP=1 -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" \
    -d "${DB_NAME:-hypertube}" -f "$ROOT/media-service/bench/catalog-seed.sql" >/dev/null
# shellcheck source=../../bench/session.sh
source "$ROOT/bench/session.sh"
# shellcheck source=../../bench/cpu.sh
source "$ROOT/bench/cpu.sh"
pid_of() { # service port
    local pid
    pid=$(cat "${HYPERTUBE_HOME:-$ROOT/.hypertube}/pids/$1.pid" 2>/dev/null || true)
    [[ -n $pid && -r /proc/$pid/stat ]] && echo "$pid" || pid_on_port "$2"
}
MEDIA_PID=${MEDIA_PID:-$(pid_of media-service "${MEDIA_PORT:-8082}")}
GATEWAY_PID=${GATEWAY_PID:-$(pid_of gateway-service "${GATEWAY_PORT:-8080}")}
TOKEN=${TOKEN:-$(bench_access_token "$GATEWAY")} # TOKEN: an access token to use, else a bench user signs up

BROWSE="/api/movies?genre=Drama&yearFrom=1980&yearTo=2015&minRating=5&sort=rating&limit=24"
SEARCH="/api/movies?query=silvr%20wolf&limit=24"
[[ $(curl -sf -H "Authorization: Bearer $TOKEN" "$MEDIA$BROWSE" | grep -o '"id"' | wc -l) -eq 24 ]] \
    || { echo "the browse page does not hold 24 films: is the seed there?" >&2; exit 1; }

run() { # base path file [seconds [pid]]: wrk's output in file; the CPU ticks of the process pid in file.ticks
    local before
    before=$(cpu_ticks "${5:-}")
    wrk -t2 -c"$CONNECTIONS" -d"${4:-$SECONDS_EACH}s" --latency -H "Authorization: Bearer $TOKEN" "$1$2" >"$3"
    echo $(($(cpu_ticks "${5:-}") - before)) >"$3.ticks"
    if grep -q "Non-2xx" "$3"; then echo "some answers were not 2xx:" >&2; cat "$3" >&2; exit 1; fi
}
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
cpu() { ms_per_request "$(cat "$1.ticks")" "$(awk '/requests in/ {print $1}' "$1")"; }
line() {
    printf '  %-30s %8s req/s   p50 %-9s p99 %-9s CPU %s ms/request\n' "$1" "$(rps "$2")" "$(pct "$2" 50%)" \
        "$(pct "$2" 99%)" "$(cpu "$2")"
}

BASES=("$MEDIA" "$GATEWAY")
NAMES=("straight to media-service" "through the gateway")
PIDS=("$MEDIA_PID" "$GATEWAY_PID")
if [[ ${BARE_GATEWAY:-1} != 0 ]]; then
    # shellcheck source=../../bench/bare-gateway.sh
    source "$ROOT/bench/bare-gateway.sh"
    bare_gateway_start "$WORK" "$TOKEN" "$BROWSE" || exit 1
    BASES+=("$BARE")
    NAMES+=("through a bare gateway")
    PIDS+=("$BARE_PID")
fi

for i in "${!BASES[@]}"; do
    run "${BASES[$i]}" "$BROWSE" "$WORK/warm" "${WARMUP:-30}"
    run "${BASES[$i]}" "$SEARCH" "$WORK/warm" "$((${WARMUP:-30} / 2))"
done
# Measured in rounds, the three paths one after another each round, so a noisy minute hurts them alike.
ROUNDS=${ROUNDS:-2}
for round in $(seq "$ROUNDS"); do
    for i in "${!BASES[@]}"; do
        run "${BASES[$i]}" "$BROWSE" "$WORK/browse-$i-$round" "$SECONDS_EACH" "${PIDS[$i]}"
        run "${BASES[$i]}" "$SEARCH" "$WORK/search-$i-$round" "$SECONDS_EACH" "${PIDS[$i]}"
    done
done
echo "catalog of $(psql -tA -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -d "${DB_NAME:-hypertube}" \
    -c "SELECT count(*) FILTER (WHERE kind = 'movie') || ' films and ' || count(*) FILTER (WHERE kind = 'show') || ' series' FROM media.titles"),"
echo "$CONNECTIONS connections, ${SECONDS_EACH}s per measurement, $ROUNDS rounds; CPU: of media-service straight, of"
echo "the gateway (ours, bare) through one:"
for what in browse search; do
    [[ $what == browse ]] && echo "filtered, sorted browse page ($BROWSE):" || echo "search with a typo ($SEARCH):"
    for round in $(seq "$ROUNDS"); do
        for i in "${!BASES[@]}"; do line "${NAMES[$i]} (round $round)" "$WORK/$what-$i-$round"; done
        if [[ ${#BASES[@]} -eq 3 ]]; then
            echo "    gateway/bare: $(awk -v a="$(rps "$WORK/$what-1-$round")" -v b="$(rps "$WORK/$what-2-$round")" \
                'BEGIN {printf "%.2f", a / b}') (target >= 0.85), CPU per request" \
                "$(awk -v a="$(cpu "$WORK/$what-1-$round")" -v b="$(cpu "$WORK/$what-2-$round")" \
                    'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'); gateway/direct:" \
                "$(awk -v a="$(rps "$WORK/$what-1-$round")" -v b="$(rps "$WORK/$what-0-$round")" 'BEGIN {printf "%.2f", a / b}')"
        fi
    done
done
# Over the rounds: each path's range, how many rounds met the p99 target, and the gateway against the bare one.
ms() { awk '{v = $1; if (v ~ /us$/) v /= 1000; else if (v ~ /ms$/) v += 0; else if (v ~ /s$/) v *= 1000; print v}' <<<"$1"; }
range() { sort -g | awk '{v[NR] = $1} END {printf (v[1] == v[NR] ? "%s" : "%s-%s"), v[1], v[NR]}'; }
echo "over the $ROUNDS rounds:"
for what in browse search; do
    for i in "${!BASES[@]}"; do
        under=0
        for round in $(seq "$ROUNDS"); do
            (($(ms "$(pct "$WORK/$what-$i-$round" 99%)" | awk '{print ($1 < 50)}'))) && under=$((under + 1))
        done
        printf '  %-6s %-30s %s req/s, p99 %s ms (under 50 ms in %d of %d)\n' "$what" "${NAMES[$i]}" \
            "$(for round in $(seq "$ROUNDS"); do rps "$WORK/$what-$i-$round"; echo; done | range)" \
            "$(for round in $(seq "$ROUNDS"); do ms "$(pct "$WORK/$what-$i-$round" 99%)"; done | range)" "$under" "$ROUNDS"
    done
    if [[ ${#BASES[@]} -eq 3 ]]; then
        printf '  %-6s gateway/bare %s (target >= 0.85)\n' "$what" "$(for round in $(seq "$ROUNDS"); do
            awk -v a="$(rps "$WORK/$what-1-$round")" -v b="$(rps "$WORK/$what-2-$round")" 'BEGIN {printf "%.2f\n", a / b}'
        done | range)"
    fi
done

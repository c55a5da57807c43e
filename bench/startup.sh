#!/usr/bin/env bash
# Issue 20's figures, in one run: `./hypertube up` until all five services are ready, with the jars as they are
# (HYPERTUBE_AOT=never: the anchor), on the first start after a build (AOT cache being recorded) and on later
# starts (AOT cache used); and each time the idle suite's resident memory (RSS of the five JVMs, IDLE seconds
# after ready). Targets: all five ready in under 15 s warm; the idle services under 1 GiB together.
#
#   bash bench/startup.sh [ROUNDS=2]
#
# Runs a suite of its own (ports 18080-18084, HYPERTUBE_HOME in a temporary folder) against the Postgres and
# RabbitMQ the environment names (DB_*, RABBITMQ_*; embedded where nothing answers), so a running suite is left
# alone. Needs the jars built (./mvnw package, or one ./hypertube up) and curl.
set -euo pipefail
ROUNDS=${1:-2}
IDLE=${IDLE:-20}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOME_DIR=$(mktemp -d)
export HYPERTUBE_HOME=$HOME_DIR HYPERTUBE_BUILD=never
export GATEWAY_PORT=18080 AUTH_PORT=18081 MEDIA_PORT=18082 STREAMING_PORT=18083 SOURCE_PORT=18084
trap '"$ROOT/hypertube" down >/dev/null 2>&1 || true; rm -rf "$HOME_DIR"' EXIT

rss_mib() { # the five services' resident memory, MiB
    local total=0 file pid kb
    for file in "$HOME_DIR"/pids/*-service.pid; do
        pid=$(<"$file")
        kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        total=$((total + kb))
    done
    echo $((total / 1024))
}

measure() { # label AOT-mode
    local started ready rss
    started=$(date +%s.%N)
    HYPERTUBE_AOT=$2 "$ROOT/hypertube" up >"$HOME_DIR/up.log" 2>&1 || { cat "$HOME_DIR/up.log" >&2; exit 1; }
    ready=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
    sleep "$IDLE"
    rss=$(rss_mib)
    HYPERTUBE_AOT=$2 "$ROOT/hypertube" down >/dev/null 2>&1
    printf '  %-44s ready in %5s s, idle RSS %5s MiB (five services)\n' "$1" "$ready" "$rss"
}

echo "./hypertube up → all five ready, then ${IDLE}s idle ($(nproc) cores):"
for ((round = 1; round <= ROUNDS; round++)); do
    measure "jars as built (no AOT cache), round $round" never
done
rm -rf "$HOME_DIR/apps"
measure "first start after a build (recording the cache)" auto
for ((round = 1; round <= ROUNDS; round++)); do
    measure "with the AOT cache, round $round" auto
done
ls "$HOME_DIR"/apps/*/*.aot >/dev/null 2>&1 || echo "  (no AOT cache was written: the figures above are without one)"

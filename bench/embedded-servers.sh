#!/usr/bin/env bash
# What the embedded servers cost (issue 20's budget: under 10 s and 300 MiB together). For each, started as the
# launcher starts it (same JVM options, read from ./hypertube): the time from starting its JVM to its READY
# line, and its resident memory once idle (5 s later, no client), on a first start (an empty folder: Postgres
# unpacks its binaries and runs initdb) and on a second (the data kept). Then SIGTERM: how long the stop takes,
# and whether anything is left. Ports and folder of its own (under /tmp); needs the jar (./mvnw -pl
# embedded-servers package) and JAVA_HOME at a JDK 25.
#   bench/embedded-servers.sh
#
# Memory: VmRSS of the JVM; for Postgres also the postmaster and its children, as the sum of their RSS (which
# counts the shared buffers once per process, so overstates) and of their PSS (shared pages split between the
# processes sharing them: what they really add). The total is the JVMs' RSS plus the postgres processes' PSS.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/embedded-servers/target/hypertube-embedded.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[[ -f $JAR ]] || { echo "no $JAR: ./mvnw -pl embedded-servers package first" >&2; exit 1; }
eval "$(grep -E '^EMBEDDED_(POSTGRES_|AMQP_)?JAVA_OPTS=' "$ROOT/hypertube")"
WORK=$(mktemp -d /tmp/hypertube-embedded-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    sleep 2
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
mib() { echo $((($1 + 512) / 1024)); }

printf '%-9s %-6s %9s %8s %13s %13s %10s %8s %s\n' SERVER START READY_MS JVM_MIB PG_RSS_SUM PG_PSS_SUM TOTAL_MIB STOP_MS LEFT
TOTAL_READY=0 TOTAL_KB=0
run() { # postgres|amqp first|second
    local name=$1 round=$2 port log started ready pid opts postmaster children=() child waited
    local jvm=0 pg_rss=0 pg_pss=0 total stopped left=none
    port=$(free_port) log=$WORK/$name-$round.log
    if [[ $name == postgres ]]; then
        opts=$EMBEDDED_POSTGRES_JAVA_OPTS
        set -- --port "$port" --data "$WORK/postgres" --database hypertube
    else
        opts=$EMBEDDED_AMQP_JAVA_OPTS
        set -- --port "$port" --work "$WORK/amqp"
    fi
    started=$(now_ms)
    # shellcheck disable=SC2086 # the options are lists
    MALLOC_ARENA_MAX=2 setsid "$JAVA" $EMBEDDED_JAVA_OPTS $opts -jar "$JAR" "$name" "$@" >"$log" 2>&1 </dev/null &
    pid=$!
    PIDS+=("$pid")
    until grep -q '^READY ' "$log"; do
        kill -0 "$pid" 2>/dev/null || { echo "$name did not start:" >&2; tail -n 20 "$log" >&2; exit 1; }
        sleep 0.05
    done
    ready=$(($(now_ms) - started))
    sleep 5
    jvm=$(rss_kb "$pid")
    if [[ $name == postgres ]]; then
        postmaster=$(head -n 1 "$WORK/postgres/cluster/postmaster.pid")
        mapfile -t children < <(pgrep -P "$postmaster")
        for child in "$postmaster" "${children[@]}"; do
            pg_rss=$((pg_rss + $(rss_kb "$child")))
            pg_pss=$((pg_pss + $(pss_kb "$child")))
        done
    fi
    total=$((jvm + pg_pss))
    started=$(now_ms)
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    # pg_ctl stop returns once the postmaster removed its pid file, a moment before it exits.
    for ((waited = 0; waited < 40; waited++)); do
        [[ $name == postgres ]] && kill -0 "$postmaster" 2>/dev/null || break
        sleep 0.05
    done
    stopped=$(($(now_ms) - started))
    if [[ $name == postgres ]] && kill -0 "$postmaster" 2>/dev/null; then left="postmaster $postmaster"; fi
    printf '%-9s %-6s %9s %8s %13s %13s %10s %8s %s\n' "$name" "$round" "$ready" "$(mib "$jvm")" \
        "$(mib "$pg_rss")" "$(mib "$pg_pss")" "$(mib "$total")" "$stopped" "$left"
    if [[ $round == second ]]; then
        TOTAL_READY=$((TOTAL_READY + ready)) TOTAL_KB=$((TOTAL_KB + total))
    fi
}

for round in first second; do
    run postgres "$round"
    run amqp "$round"
done
echo "Both, second start (the usual case; the launcher starts them one after the other):" \
    "$((TOTAL_READY))ms to ready, $(mib "$TOTAL_KB") MiB idle. Budget: 10000 ms, 300 MiB."
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)."

#!/usr/bin/env bash
# Streaming benchmark: press play on a torrent seeded by libtorrent on 127.0.0.1, straight to
# streaming-service and through the gateway, then serve the completed file against nginx, and 200
# concurrent Range readers. Prints: POST → first byte, a seek to 70 % of a file not downloaded yet,
# completed-file throughput (ours / nginx), and p50/p99 latency, requests/s and RSS for 200 readers.
#
#   bash streaming-service/bench/stream-bench.sh [SIZE_MIB=1024]
#
# Needs: the services running (./hypertube up), python3-libtorrent, nginx, wrk, curl, and torrent-lib
# packaged (./mvnw -pl torrent-lib package). Everything stays on 127.0.0.1. Each run leaves its two
# films in the download folder (2 × SIZE_MIB): completed torrents, served and seeded like any other.
set -euo pipefail

SIZE_MIB=${1:-1024}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=${BENCH_DIR:-$(mktemp -d)}
JAR=$ROOT/torrent-lib/target/hypertube-torrent.jar
LT_PEER=$ROOT/torrent-lib/src/test/python/lt_peer.py
SERVICE=http://127.0.0.1:${STREAMING_PORT:-8083}
GATEWAY=http://127.0.0.1:${GATEWAY_PORT:-8080}
DOWNLOADS=${HYPERTUBE_DOWNLOAD_ROOT:-$ROOT/.hypertube/downloads}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

for tool in curl nginx wrk; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
[[ -f $JAR ]] || { echo "missing $JAR: ./mvnw -pl torrent-lib package" >&2; exit 1; }
curl -sf "$SERVICE/actuator/health/readiness" >/dev/null || { echo "streaming-service is not ready: ./hypertube up" >&2; exit 1; }
# Every API call carries an access token (the gateway and the service both check it).
# shellcheck source=../../bench/session.sh
source "$ROOT/bench/session.sh"
TOKEN=$(bench_access_token "$GATEWAY")
curl() { command curl -H "Authorization: Bearer $TOKEN" "$@"; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", (b - a) * 1000}'; }

echo "work folder: $WORK"
mkdir -p "$WORK/seed"
# Two films of random bytes (fresh each run, so that nothing is already downloaded): one streamed
# straight from the service, one through the gateway.
for name in direct gateway; do
    head -c "$((SIZE_MIB * 1048576))" /dev/urandom >"$WORK/seed/bench-$name.mkv"
    "$JAVA" -jar "$JAR" create "$WORK/seed/bench-$name.mkv" --piece-length 1048576 -o "$WORK/$name.torrent" >/dev/null
done
declare -A SEED_PORT
for name in direct gateway; do
    SEED_PORT[$name]=$(free_port)
    /usr/bin/python3 "$LT_PEER" seed "$WORK/$name.torrent" "$WORK/seed" "${SEED_PORT[$name]}" </dev/null \
        >"$WORK/seed-$name.log" 2>&1 &
    pids+=($!)
done
for name in direct gateway; do # each seeder verifies its file first
    for ((i = 0; i < 600; i++)); do grep -q READY "$WORK/seed-$name.log" && break; sleep 0.5; done
done

infohash() { "$JAVA" -jar "$JAR" info "$1" --json | sed -n 's/.*"infoHash":"\([0-9a-f]*\)".*/\1/p'; }

play() { # base-url torrent seeder-port -> prints "post_to_first_byte_ms seek_ms job_id"
    local base=$1 hash port=$3 t0 posted first seek job
    hash=$(infohash "$2")
    t0=$(now)
    job=$(curl -s -X POST "$base/api/stream" -H 'Content-Type: application/json' \
        -d "{\"magnet\":\"magnet:?xt=urn:btih:$hash&x.pe=127.0.0.1:$port\"}" | sed -n 's/.*"jobId":"\([^"]*\)".*/\1/p')
    posted=$(now)
    first=$(curl -s -o /dev/null -r 0-16383 -w '%{time_starttransfer}' "$base/api/stream/$hash/0")
    seek=$(curl -s -o /dev/null -r "$((SIZE_MIB * 1048576 * 7 / 10))-$((SIZE_MIB * 1048576 * 7 / 10 + 16383))" \
        -w '%{time_starttransfer}' "$base/api/stream/$hash/0")
    printf '%s %s %s %s\n' "$(awk -v a="$(ms "$t0" "$posted")" -v f="$first" 'BEGIN {printf "%.0f", a + f * 1000}')" \
        "$(awk -v s="$seek" 'BEGIN {printf "%.0f", s * 1000}')" "$job" "$hash"
}

await_completed() { # base job
    for ((i = 0; i < 1200; i++)); do
        curl -s "$1/api/downloads/$2" | grep -q '"status":"COMPLETED"' && return 0
        sleep 0.5
    done
    echo "download $2 did not complete" >&2
    return 1
}

# One after the other: a download at full speed takes both cores of a small machine, so the second play
# would measure the first one's download rather than the gateway.
read -r direct_first direct_seek direct_job direct_hash <<<"$(play "$SERVICE" "$WORK/direct.torrent" "${SEED_PORT[direct]}")"
await_completed "$SERVICE" "$direct_job"
read -r gw_first gw_seek gw_job _ <<<"$(play "$GATEWAY" "$WORK/gateway.torrent" "${SEED_PORT[gateway]}")"
await_completed "$SERVICE" "$gw_job"
echo "POST → first byte: ${direct_first} ms straight, ${gw_first} ms through the gateway (target < 1000 ms)"
echo "seek to 70 % of a file not downloaded yet: ${direct_seek} ms straight, ${gw_seek} ms through the gateway (target < 300 ms)"

TOKEN=$(bench_access_token "$GATEWAY") # a fresh one: access tokens last 15 min

# Completed-file throughput: ours (straight and through the gateway) against nginx on the same file.
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    server { listen 127.0.0.1:$NGINX_PORT; root $DOWNLOADS; }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" & pids+=($!)
sleep 0.5
rate() { # url -> MB/s, the median of three rounds (the first round also warms the page cache and the JIT)
    for _ in 1 2 3; do
        curl -s -o /dev/null -w '%{size_download} %{time_total}\n' "$1" | awk '{printf "%.0f\n", $1 / $2 / 1e6}'
    done | sort -n | sed -n 2p
}
ours=$(rate "$SERVICE/api/stream/$direct_hash/0")
via_gateway=$(rate "$GATEWAY/api/stream/$direct_hash/0")
theirs=$(rate "http://127.0.0.1:$NGINX_PORT/$direct_hash/bench-direct.mkv") # each torrent has its folder
echo "completed ${SIZE_MIB} MiB file: ours ${ours} MB/s, through the gateway ${via_gateway} MB/s, nginx ${theirs} MB/s;" \
    "ratio ours/nginx $(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}') (target ≥ 0.8)"

# 200 concurrent readers of completed files, 64 KiB ranges: three rounds of 10 s, each printed, after 20 s
# of the same as a warm-up (the JIT compiles the request path under load; a fresh JVM's first seconds say
# little about a service that runs for weeks). The summary is the median round by p99.
pid=$(cat "$ROOT/.hypertube/pids/streaming-service.pid" 2>/dev/null || echo "")
readers() {
    wrk -t2 -c200 -d"$1" --latency -H 'Range: bytes=0-65535' -H "Authorization: Bearer $TOKEN" \
        "$SERVICE/api/stream/$direct_hash/0"
}
ms_of() { # a wrk duration (850.00us, 12.34ms, 1.20s) in milliseconds
    awk -v d="$1" 'BEGIN { v = d + 0; if (d ~ /us$/) v /= 1000; else if (d ~ /ms$/) v += 0; else if (d ~ /s$/) v *= 1000; printf "%.1f", v }'
}
readers 20s >/dev/null
rm -f "$WORK/readers.txt"
for round in 1 2 3; do
    readers 10s >"$WORK/wrk-$round.txt"
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk-$round.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$round.txt")
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$round.txt")
    transfer=$(awk '/Transfer\/sec/ {print $2}' "$WORK/wrk-$round.txt")
    echo "$(ms_of "$p99") $(ms_of "$p50") $rps $transfer" >>"$WORK/readers.txt"
    echo "  readers round $round: p50 $(ms_of "$p50") ms, p99 $(ms_of "$p99") ms, $rps requests/s, $transfer/s"
done
read -r p99 p50 rps transfer <<<"$(sort -n "$WORK/readers.txt" | sed -n 2p)"
rss=$([[ -n $pid ]] && ps -o rss= -p "$pid" | awk '{printf "%.0f MiB", $1 / 1024}' || echo "?")
echo "200 readers (64 KiB ranges, median round): p50 $p50 ms, p99 $p99 ms (target p99 < 100 ms), $rps requests/s, $transfer/s, service RSS $rss"

#!/usr/bin/env bash
# Loopback swarm benchmark: one libtorrent seeder, a file of SIZE MiB (default 1024), downloaded in turn by
# our CLI, by libtorrent and by aria2, ROUNDS times each (default 3). Prints, for each: MB/s, CPU seconds
# and peak RSS; and for ours: time to the first 16 KiB, to the first 10 MiB, and a cold read at 70 %.
#
#   bash torrent-lib/bench/swarm-bench.sh [SIZE_MIB] [ROUNDS]
#
# Needs: a JDK 25, python3-libtorrent, aria2, and torrent-lib packaged (./mvnw -pl torrent-lib package).
# Everything runs on 127.0.0.1, with DHT, LSD, UPnP and NAT-PMP off.
set -euo pipefail

SIZE_MIB=${1:-1024}
ROUNDS=${2:-3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR=$HERE/../target/hypertube-torrent.jar
LT_PEER=$HERE/../src/test/python/lt_peer.py
WORK=${BENCH_DIR:-$(mktemp -d)}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Ours runs as users run it, through the launcher (its JVM options, and the AOT cache the package step trains,
# are explained there), with the heap capped at the target: it downloads the whole file within 64 MiB or
# the run fails. AOT_CACHE=none measures without the cache.
OURS=("$HERE/../bin/hypertube-torrent")
export JAVA_OPTS="-Xmx64m ${JAVA_OPTS:-}"
export HYPERTUBE_TORRENT_JAR=$JAR
[[ -n ${AOT_CACHE:-} ]] && export HYPERTUBE_TORRENT_AOT=$AOT_CACHE

[[ -f $JAR ]] || { echo "missing $JAR: run ./mvnw -pl torrent-lib package first" >&2; exit 1; }
/usr/bin/python3 -c 'import libtorrent' 2>/dev/null || { echo "python3-libtorrent is missing" >&2; exit 1; }
command -v aria2c >/dev/null || { echo "aria2 is missing" >&2; exit 1; }
"$JAVA" -version 2>&1 | grep -q 'version "2[5-9]' || { echo "set JAVA_HOME to a JDK 25" >&2; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK/downloads"; }
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "work folder: $WORK"
echo "ours: ${OURS[*]} (JAVA_OPTS=$JAVA_OPTS)"
mkdir -p "$WORK/seed"
if [[ ! -f $WORK/seed/bench.bin ]] || (($(stat -c %s "$WORK/seed/bench.bin") != SIZE_MIB * 1048576)); then
    echo "writing a ${SIZE_MIB} MiB file of random bytes..."
    head -c "$((SIZE_MIB * 1048576))" /dev/urandom >"$WORK/seed/bench.bin"
fi
TRACKER_PORT=$(free_port)
/usr/bin/python3 "$HERE/tracker.py" "$TRACKER_PORT" & pids+=($!)
# A v1 torrent: aria2 1.36 computes a wrong info hash for libtorrent's default hybrid v1+v2 torrents.
"$JAVA" -jar "$JAR" create "$WORK/seed/bench.bin" --piece-length 1048576 \
    --tracker "http://127.0.0.1:$TRACKER_PORT/announce" -o "$WORK/bench.torrent" >/dev/null
SEED_PORT=$(free_port)
/usr/bin/python3 "$LT_PEER" seed "$WORK/bench.torrent" "$WORK/seed" "$SEED_PORT" </dev/null >"$WORK/seeder.log" 2>&1 &
pids+=($!)
for ((waited = 0; waited < 600; waited++)); do # the seeder verifies the file first
    grep -q READY "$WORK/seeder.log" && break
    sleep 0.5
done
grep -q READY "$WORK/seeder.log" || { cat "$WORK/seeder.log"; exit 1; }

# Runs a command under /usr/bin/time; prints "seconds cpu_seconds peak_rss_mib".
measure() {
    local stats
    stats=$(mktemp)
    /usr/bin/time -f '%e %U %S %M' -o "$stats" "$@" >"$WORK/last.out" 2>"$WORK/last.err" \
        || { echo "failed: $*" >&2; tail -n 20 "$WORK/last.out" "$WORK/last.err" >&2; return 1; }
    awk '{printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$stats"
    rm -f "$stats"
}

declare -A results
for ((round = 1; round <= ROUNDS; round++)); do
    for client in ours libtorrent aria2; do
        rm -rf "$WORK/downloads"
        mkdir -p "$WORK/downloads"
        # The previous client's gigabyte is still being written back: flush it first, so that no client
        # pays for the one before it.
        sync
        case $client in
            ours) line=$(measure "${OURS[@]}" download "$WORK/bench.torrent" \
                -o "$WORK/downloads" --peer "127.0.0.1:$SEED_PORT" --port 0 --timeout 120) ;;
            libtorrent) line=$(measure /usr/bin/python3 "$LT_PEER" download "$WORK/bench.torrent" \
                "$WORK/downloads" "$(free_port)" --peer "127.0.0.1:$SEED_PORT" --timeout 300) ;;
            aria2) line=$(measure aria2c --dir="$WORK/downloads" --enable-dht=false --enable-dht6=false \
                --bt-enable-lpd=false --enable-peer-exchange=false --listen-port="$(free_port)" --seed-time=0 \
                --summary-interval=0 --console-log-level=warn --disable-ipv6=true --file-allocation=none \
                --bt-stop-timeout=120 "$WORK/bench.torrent") ;;
        esac
        cmp -s "$WORK/seed/bench.bin" "$WORK/downloads/bench.bin" || { echo "$client: the download differs!" >&2; exit 1; }
        read -r seconds cpu rss <<<"$line"
        rate=$(awk -v s="$seconds" -v m="$SIZE_MIB" 'BEGIN {printf "%.0f", m * 1.048576 / s}')
        printf 'round %d  %-10s %6s MB/s  %6.2f s  cpu %6s s  peak RSS %5s MiB\n' "$round" "$client" "$rate" "$seconds" "$cpu" "$rss"
        results[$client]+="$rate "
    done
done

echo
echo "time to bytes with our client (fresh process, torrent file given, seeder known; in-memory storage):"
read_ms() { # offset length -> milliseconds from start to the last byte of the range
    "${OURS[@]}" read "$WORK/bench.torrent" --file 0 --offset "$1" --length "$2" \
        --peer "127.0.0.1:$SEED_PORT" 2>&1 >/dev/null | sed -n 's/.* bytes in \([0-9.]*\) ms/\1/p'
}
for ((round = 1; round <= ROUNDS; round++)); do
    first=$(read_ms 0 16384)
    ten=$(read_ms 0 10485760)
    seek=$(read_ms $((SIZE_MIB * 1048576 * 7 / 10)) 16384)
    printf 'round %d  first 16 KiB %7s ms   first 10 MiB %7s ms   cold read at 70 %% %7s ms\n' "$round" "$first" "$ten" "$seek"
done

echo
for client in ours libtorrent aria2; do
    printf '%-10s MB/s per round: %s\n' "$client" "${results[$client]}"
done

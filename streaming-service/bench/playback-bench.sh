#!/usr/bin/env bash
# Playback benchmark of issue 17, each figure beside its anchor measured in the same run: press play → first
# HLS segment (remux, and a 720p HEVC→H.264 transcode) while the torrent downloads from a seeder 25 ms away,
# a seek to 70 % → its segment, and the transcode's speed in multiples of real time.
#
#   bash streaming-service/bench/playback-bench.sh [ROUNDS=3]
#
# Needs ffmpeg, a JDK 25 (JAVA_HOME, else the first under /usr/lib/jvm), and the local Postgres and RabbitMQ the
# integration tests use. The first run makes two one-minute 720p clips (about a minute of encoding).
# (subtitle-bench.sh runs its own test class through this script: BENCH_CLASS.)
set -euo pipefail
ROUNDS=${1:-3}
CLASS=${BENCH_CLASS:-PlaybackBench}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z ${JAVA_HOME:-} ]] || ! grep -q '^JAVA_VERSION="2[5-9]' "$JAVA_HOME/release" 2>/dev/null; then
    for candidate in /usr/lib/jvm/*; do
        grep -q '^JAVA_VERSION="2[5-9]' "$candidate/release" 2>/dev/null && { export JAVA_HOME=$candidate; break; }
    done
fi
command -v ffmpeg >/dev/null || { echo "ffmpeg is missing: apt-get install ffmpeg" >&2; exit 1; }
cd "$ROOT"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
./mvnw -B -ntp -pl streaming-service -am verify -DskipAotCache=true -Dspotless.check.skip=true \
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test="$CLASS" -Dbench.rounds="$ROUNDS" \
    >"$LOG" 2>&1 || { tail -n 80 "$LOG" >&2; exit 1; }
# The figures are in the build's log or in the test's own output file (whichever caught them): a file that is not
# there is no error, no figure at all is.
FIGURES=$(cat "$LOG" streaming-service/target/failsafe-reports/*"$CLASS"*-output.txt 2>/dev/null | grep '^BENCH' | sort -u | sed 's/^BENCH //' || true)
[[ -n $FIGURES ]] || { tail -n 40 "$LOG" >&2; echo "no figure was printed" >&2; exit 1; }
echo "$FIGURES"

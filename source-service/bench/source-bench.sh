#!/usr/bin/env bash
# Source benchmarks of issue 16, each figure printed beside an anchor measured in the same run:
#  - scrape: 1,000 info hashes batched over UDP (74 a packet) and HTTP (50 a request) against in-process
#    trackers on 127.0.0.1, beside one hash at a time over UDP; target under 1 s. With opentracker installed,
#    a real opentracker on 127.0.0.1 is scraped too.
#  - ranked sources: 200 sources from three providers answering after 200 ms, cold (a new title, providers in
#    parallel) and warm (from the cache), beside the providers asked one after another; targets 300 and 20 ms.
#
#   bash source-service/bench/source-bench.sh [SCRAPE_ROUNDS=10] [COLD_TITLES=30] [WARM_ASKS=1000]
#
# Needs only a JDK 25 (JAVA_HOME, else the first one under /usr/lib/jvm): no service, no database. BUILD=0
# skips the build (the classes and classpath of a previous run are used); OPENTRACKER=0 skips opentracker;
# SCRAPE_WARMUP (10) is the scrape's warm-up rounds: with 3, the JIT has not caught up and HTTP reads about 2x slower.
set -euo pipefail

SCRAPE_ROUNDS=${1:-10}
COLD_TITLES=${2:-30}
WARM_ASKS=${3:-1000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z ${JAVA_HOME:-} ]] || ! grep -q '^JAVA_VERSION="2[5-9]' "$JAVA_HOME/release" 2>/dev/null; then
    for candidate in /usr/lib/jvm/*; do
        grep -q '^JAVA_VERSION="2[5-9]' "$candidate/release" 2>/dev/null && { export JAVA_HOME=$candidate; break; }
    done
fi
[[ -n ${JAVA_HOME:-} ]] || { echo "a JDK 25 is needed: set JAVA_HOME" >&2; exit 1; }
JAVA=$JAVA_HOME/bin/java
"$JAVA" -version 2>&1 | grep -q '"25' || { echo "$JAVA is not a Java 25: set JAVA_HOME" >&2; exit 1; }
WORK=$(mktemp -d)
OT_PID=
trap '[[ -n $OT_PID ]] && kill "$OT_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

cd "$ROOT"
# One reactor run compiles torrent-lib, service-web and source-service with its tests, and writes the test
# classpath (reactor modules as their target/classes, so nothing is installed into ~/.m2).
if [[ ${BUILD:-1} != 0 || ! -s source-service/target/bench.classpath ]]; then
    ./mvnw -q -pl source-service -am test-compile dependency:build-classpath -DskipTests -DskipAotCache=true \
        -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >"$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log" >&2; exit 1; }
    cp "$WORK/cp" source-service/target/bench.classpath
fi
CP=$ROOT/source-service/target/test-classes:$ROOT/source-service/target/classes:$(cat source-service/target/bench.classpath)
# A quiet log: the benches print their own lines (logback would print Spring's debug lines otherwise).
cat >"$WORK/logback.xml" <<'EOF'
<configuration><appender name="out" class="ch.qos.logback.core.ConsoleAppender"><encoder>
<pattern>%level %logger{0} %msg%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="out"/></root>
</configuration>
EOF
JVM=(-cp "$CP" -Dlogback.configurationFile="$WORK/logback.xml" -Xmx512m)

# opentracker, when installed: UDP and TCP on one loopback port, no access list, in the foreground.
OT_FLAG=()
if [[ ${OPENTRACKER:-1} != 0 ]] && command -v opentracker >/dev/null; then
    OT_PORT=$((20000 + RANDOM % 20000))
    opentracker -i 127.0.0.1 -p "$OT_PORT" -P "$OT_PORT" >"$WORK/opentracker.log" 2>&1 &
    OT_PID=$!
    for _ in $(seq 20); do
        timeout 1 bash -c "</dev/tcp/127.0.0.1/$OT_PORT" 2>/dev/null && { OT_FLAG=(-Dbench.opentracker="$OT_PORT"); break; }
        sleep 0.1
    done
    if [[ ${#OT_FLAG[@]} -eq 0 ]]; then
        echo "note: opentracker did not listen on 127.0.0.1:$OT_PORT within 2 s, skipped:"
        cat "$WORK/opentracker.log"
        kill "$OT_PID" 2>/dev/null || true
        OT_PID=
    fi
else
    echo "note: opentracker is not installed (apt-get install opentracker), so the real-tracker anchor is skipped"
fi

STATUS=0
"$JAVA" "${JVM[@]}" "${OT_FLAG[@]}" com.hypertube.source.bench.ScrapeBench "$SCRAPE_ROUNDS" "${SCRAPE_WARMUP:-10}" | tee "$WORK/scrape" \
    || STATUS=$?
echo
"$JAVA" "${JVM[@]}" com.hypertube.source.bench.RankedSourcesBench "$COLD_TITLES" "$WARM_ASKS" | tee "$WORK/ranked" \
    || STATUS=$?

echo
echo "Summary ($(nproc) cores, $(date -u +%FT%TZ)):"
grep -E 'batched|anchor|every count|WRONG' "$WORK/scrape" | sed 's/^ */  scrape: /'
grep -E 'cold|warm|saves' "$WORK/ranked" | sed 's/^ */  sources: /'
exit "$STATUS"

# Sourced by the benchmarks: starts the bare Spring Cloud Gateway (auth-service/bench/bare-gateway: the same
# routes as ours to auth-service and media-service, nothing of ours), built on first use, and waits until a
# probe through it answers. BARE_JAVA_OPTS replaces its JVM options (default: -Xms64m -Xmx512m, the JVM's own
# choices otherwise), e.g. to give it the launcher's. Sets BARE (its address) and BARE_PID (for the caller's trap to
# stop it).
#   bare_gateway_start WORK_DIR TOKEN PROBE_PATH
bare_gateway_start() {
    local work=$1 token=$2 probe=$3 dir port waited candidate
    # A JDK 25 (the default java may be older): JAVA_HOME if it is one, else the first under /usr/lib/jvm.
    if ! grep -q '^JAVA_VERSION="2[5-9]' "${JAVA_HOME:-/nonexistent}/release" 2>/dev/null; then
        for candidate in /usr/lib/jvm/*; do
            grep -q '^JAVA_VERSION="2[5-9]' "$candidate/release" 2>/dev/null && { export JAVA_HOME=$candidate; break; }
        done
    fi
    dir=$ROOT/auth-service/bench/bare-gateway
    port=${BARE_GATEWAY_PORT:-8089}
    if [[ ! -f $dir/target/bare-gateway.jar ]]; then
        echo "building the bare gateway..."
        "$ROOT/mvnw" -q -f "$dir/pom.xml" package -DskipTests >"$work/bare-build.txt" 2>&1 \
            || { cat "$work/bare-build.txt" >&2; return 1; }
    fi
    # shellcheck disable=SC2086 # BARE_JAVA_OPTS is a list of options
    SERVER_PORT=$port AUTH_SERVICE_URL=${AUTH:-http://127.0.0.1:8081} MEDIA_SERVICE_URL=${MEDIA:-http://127.0.0.1:8082} \
        "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${BARE_JAVA_OPTS:--Xms64m -Xmx512m} -jar "$dir/target/bare-gateway.jar" >"$work/bare.log" 2>&1 &
    BARE_PID=$!
    BARE=http://127.0.0.1:$port
    for ((waited = 0; waited < 60; waited++)); do
        curl -sf -o /dev/null -H "Authorization: Bearer $token" "$BARE$probe" && return 0
        sleep 1
    done
    echo "the bare gateway did not start:" >&2
    tail -n 20 "$work/bare.log" >&2
    return 1
}

# Sourced by the benchmarks: signs a fresh user up and in through the gateway and prints an access token.
#   TOKEN=$(bench_access_token http://127.0.0.1:8080)
bench_access_token() {
    local gateway=$1 name password="bench-password-$RANDOM-x1" answer
    name="bench_$(date +%s%N | tail -c 10)"
    curl -sf -X POST "$gateway/api/auth/register" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$name@example.org\",\"username\":\"$name\",\"firstName\":\"Bench\",\"lastName\":\"Mark\",\"password\":\"$password\"}" \
        >/dev/null || { echo "cannot register a bench user at $gateway" >&2; return 1; }
    answer=$(curl -sf -X POST "$gateway/api/auth/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$name\",\"password\":\"$password\"}") || { echo "cannot sign in at $gateway" >&2; return 1; }
    sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$answer"
    # For callers that sign in again (the sign-in benchmark).
    BENCH_USERNAME=$name
    BENCH_PASSWORD=$password
}

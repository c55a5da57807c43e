# Sourced by the benchmarks: the CPU a process spends per request, read from /proc before and after a run. On a
# shared two-core machine requests/s swing with whatever else runs; a process's CPU per request hardly does,
# so it is what compares two gateways fairly.
#   pid_on_port PORT              the pid listening on PORT (GATEWAY_PID and the like override it; empty if unknown)
#   cpu_ticks PID                 the process's user + system CPU so far, in clock ticks (0 without a pid)
#   ms_per_request TICKS COUNT    milliseconds of CPU per request
pid_on_port() {
    ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1
}
cpu_ticks() {
    if [[ -n ${1:-} && -r /proc/$1/stat ]]; then awk '{print $14 + $15}' "/proc/$1/stat"; else echo 0; fi
}
ms_per_request() {
    awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / hz / n : 0)}'
}

# Helpers shared by the benchmark scripts (sourced, not run).

cpu_ticks() { # pid... -> user+system clock ticks of these processes and their children (nginx workers, PostgreSQL backends)
  local total=0 pid
  for pid in "$@" $(pgrep -P "$(IFS=,; echo "$*")" 2>/dev/null || true); do
    [[ -r /proc/$pid/stat ]] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

jit_seconds() { # pid -> CPU seconds the JVM's JIT compilers spent so far
  jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 { print $4 }'
}

rss_mb() { # pid -> resident set size in MB (VmRSS)
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null
}

now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); } # wall clock in milliseconds, without a fork

# wait_http_200 URL TIMEOUT_S PID: polls URL every 10 ms until it answers 200; fails when PID dies
# or the time is up. Tight polling: the moment of the first 200 is what start-up benchmarks report.
wait_http_200() {
  local url=$1 deadline=$(( $(now_ms) + $2 * 1000 )) pid=$3
  until curl -fs -o /dev/null --max-time 1 "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    (( $(now_ms) < deadline )) || return 1
    sleep 0.01
  done
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
maximum() { sort -n | tail -1; }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

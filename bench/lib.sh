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

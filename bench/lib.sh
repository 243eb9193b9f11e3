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

# A dedicated PostgreSQL (the server's durable defaults) and Kafka, wiped first. Inputs: BENCH_HOME and
# the PG_* / KAFKA_* variables that deploy/local/lib/postgres.sh and kafka.sh read.
bench_fresh_pg_kafka() {
  pg_stop; kafka_stop; pg_wipe; rm -rf "$KAFKA_HOME_DIR"
  mkdir -p "$BENCH_HOME"
  pg_start
  kafka_start
}

# booking-service in prod mode (the packaged jar) on HTTP_PORT, health on MANAGEMENT_PORT, against that
# PostgreSQL and Kafka, waited for until ready: bench_start_booking_service <oidc-url> <db-pool-size> [VAR=value...]
bench_start_booking_service() {
  local oidc=$1 pool=$2; shift 2
  start_bg "$BENCH_HOME/service.pid" "$BENCH_HOME/service.log" env QUARKUS_HTTP_PORT="$HTTP_PORT" \
    MANAGEMENT_PORT="$MANAGEMENT_PORT" DB_PORT="$PG_PORT" DB_PASSWORD="$(db_password booking_service)" \
    DB_POOL_SIZE="$pool" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" OIDC_AUTH_SERVER_URL="$oidc" "$@" \
    java $JAVA_OPTS -jar "$APP"
  wait_for booking-service 120 http_ok "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" \
    || die "booking-service did not become ready; see $BENCH_HOME/service.log"
  ok "booking-service on 127.0.0.1:$HTTP_PORT"
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

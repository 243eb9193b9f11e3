#!/usr/bin/env bash
# booking-service benchmark, in one run on one dedicated PostgreSQL:
#   (a) holds per second: wrk (bench/booking/holds.lua), BENCH_CLIENTS connections, each request
#       a hold of one night with a fresh Idempotency-Key, round robin over 4 x BENCH_CLIENTS
#       listings (so concurrent requests hold different listings), for BENCH_SECONDS after
#       BENCH_WARMUP seconds of the same (on 2 busy cores the JIT compilers need one to two minutes to
#       finish: the script prints their CPU time during the measured window); the holds counted
#       are the bookings the database gained;
#   (b) contention: BENCH_CONTENTION_ATTEMPTS holds, BENCH_CLIENTS at a time, for a night with
#       5 units: exactly 5 must succeed;
#   (c) pgbench TPC-B-like TPS with the same number of clients on the same PostgreSQL;
# then prints the ratio holds/pgbench. The load generators are native (wrk, pgbench) on both sides.
#
# Everything runs on loopback as plain processes started and stopped by this script:
#   PostgreSQL (deploy/local/lib/postgres.sh) in .data/bench/postgres on port 55434 with the
#     server's durable defaults (fsync, synchronous_commit and full_page_writes on: not the
#     test settings), wiped at every run;
#   Kafka (deploy/local/lib/kafka.sh) on 29092, for the outbox relay and the payment consumer;
#   a stand-in identity provider (HoldBench.java idp) serving a JWKS, whose pre-minted RS256
#     tokens the service verifies exactly as it verifies Keycloak's;
#   booking-service in prod mode: java -jar booking-service/target/quarkus-app/quarkus-run.jar.
#
# Usage: bench/booking/run.sh            (builds the service first if its jar is missing)
# Knobs: BENCH_CLIENTS (16), BENCH_SECONDS (30), BENCH_WARMUP (90), BENCH_CONTENTION_ATTEMPTS (1000), BENCH_PG_PORT,
#        BENCH_KAFKA_PORT, BENCH_IDP_PORT, BENCH_HTTP_PORT, BENCH_JAVA_OPTS.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
source "$BENCH_DIR/../../deploy/local/lib/common.sh"
source "$LOCAL_DIR/lib/postgres.sh"
source "$LOCAL_DIR/lib/kafka.sh"
source "$BENCH_DIR/../lib.sh"

CLIENTS="${BENCH_CLIENTS:-16}"
LISTINGS=$((CLIENTS * 4))
RUN_SECONDS="${BENCH_SECONDS:-30}"
WARMUP="${BENCH_WARMUP:-90}"
ATTEMPTS="${BENCH_CONTENTION_ATTEMPTS:-1000}"
BENCH_HOME="$DATA_ROOT/bench"
PG_PORT="${BENCH_PG_PORT:-55434}"; PG_PORT_VAR=BENCH_PG_PORT
PG_HOME="$BENCH_HOME/postgres"
PG_TUNING=""
SERVICE_DATABASES="booking_service"
KAFKA_PORT="${BENCH_KAFKA_PORT:-29092}"; KAFKA_PORT_VAR=BENCH_KAFKA_PORT
KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-29093}"
KAFKA_HOME_DIR="$BENCH_HOME/kafka"
KAFKA_HEAP="-Xms128m -Xmx384m"
IDP_PORT="${BENCH_IDP_PORT:-18180}"
HTTP_PORT="${BENCH_HTTP_PORT:-18081}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19081}"
# One Vert.x event loop per core (Quarkus's default is two), as nginx runs one worker per core:
# on 2 cores shared with PostgreSQL, Kafka and wrk, fewer threads switch less (+8 % holds/s here).
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms512m -Xmx512m -Dquarkus.vertx.event-loops-pool-size=$(nproc)}"
APP="$ROOT_DIR/booking-service/target/quarkus-app/quarkus-run.jar"
TOKENS="$BENCH_HOME/tokens.txt"

cleanup() {
  stop_pid booking-service "$BENCH_HOME/service.pid" || true
  stop_pid "identity provider" "$BENCH_HOME/idp.pid" || true
  kafka_stop || true
  pg_stop || true
}
trap cleanup EXIT

check_java_maven; check_postgres
require_cmd "$PG_BIN/pgbench" "pgbench ships with the PostgreSQL server package."
require_cmd wrk "Install it with: apt-get install wrk"
if [ ! -f "$APP" ]; then
  step "Building booking-service"
  mvn -B -q -f "$ROOT_DIR/booking-service/pom.xml" package -DskipTests
fi

step "Starting a dedicated PostgreSQL, Kafka and identity provider"
bench_fresh_pg_kafka
rm -f "$TOKENS"
start_bg "$BENCH_HOME/idp.pid" "$BENCH_HOME/idp.log" java "$BENCH_DIR/HoldBench.java" idp "$IDP_PORT" "$TOKENS" "$CLIENTS"
wait_for "identity provider" 60 test -s "$TOKENS" || die "the identity provider did not start; see $BENCH_HOME/idp.log"
ok "identity provider on 127.0.0.1:$IDP_PORT"

step "Starting booking-service (prod mode)"
bench_start_booking_service "http://127.0.0.1:$IDP_PORT/realms/booking" "$CLIENTS"

NIGHT="$(date -u -d "$(date -u +%F) + 30 days" +%FT00:00:00Z)"
NIGHT_END="$(date -u -d "$(date -u +%F) + 31 days" +%FT00:00:00Z)"
step "Holds: $CLIENTS connections (wrk) on $LISTINGS listings, ${WARMUP}s warm-up + ${RUN_SECONDS}s"
java "$BENCH_DIR/HoldBench.java" setup "http://127.0.0.1:$HTTP_PORT" "$TOKENS" "$LISTINGS" "$NIGHT" "$BENCH_HOME/listings.txt"
hold_load() { # seconds key-prefix
  wrk -t1 -c"$CLIENTS" -d"$1s" --latency -s "$BENCH_DIR/holds.lua" "http://127.0.0.1:$HTTP_PORT" \
    -- "$BENCH_HOME/listings.txt" "$TOKENS" "$NIGHT" "$NIGHT_END" "$2"
}
hold_load "$WARMUP" "warmup-$$" > "$BENCH_HOME/warmup.txt"
bookings_before=$(pg_psql -d booking_service -tA -c "SELECT count(*) FROM booking")
SERVICE_PID="$(cat "$BENCH_HOME/service.pid")"; POSTMASTER_PID="$(head -1 "$PG_HOME/data/postmaster.pid")"
jit_before=$(jit_seconds "$SERVICE_PID")
service_ticks=$(cpu_ticks "$SERVICE_PID"); pg_ticks=$(cpu_ticks "$POSTMASTER_PID")
hold_load "$RUN_SECONDS" "run-$$" | tee "$BENCH_HOME/holds.txt"
service_ticks=$(( $(cpu_ticks "$SERVICE_PID") - service_ticks )); pg_ticks=$(( $(cpu_ticks "$POSTMASTER_PID") - pg_ticks ))
jit_after=$(jit_seconds "$SERVICE_PID")
bookings_after=$(pg_psql -d booking_service -tA -c "SELECT count(*) FROM booking")
step "Contention: $ATTEMPTS holds, $CLIENTS at a time, for a night with 5 units"
java "$BENCH_DIR/HoldBench.java" contention "http://127.0.0.1:$HTTP_PORT" "$TOKENS" "$CLIENTS" "$ATTEMPTS" "$NIGHT" | tee "$BENCH_HOME/contention.txt"
held=$(pg_psql -d booking_service -tA -c "SELECT held FROM slot_inventory s JOIN listing l ON l.id = s.listing_id WHERE l.name = 'bench-contention'")
overbooked=$(pg_psql -d booking_service -tA -c "SELECT count(*) FROM slot_inventory WHERE held + booked > capacity")
backlog=$(pg_psql -d booking_service -tA -c "SELECT count(*) FROM outbox_event")
stop_pid booking-service "$BENCH_HOME/service.pid"
kafka_stop

step "pgbench: TPC-B-like, $CLIENTS clients, 2 threads, ${RUN_SECONDS}s"
pg_psql -d postgres -c "CREATE DATABASE pgbench"
PGPASSWORD= "$PG_BIN/pgbench" -q -i -s "$CLIENTS" -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench >/dev/null 2>&1
PGPASSWORD= "$PG_BIN/pgbench" -c "$CLIENTS" -j 2 -T "$RUN_SECONDS" -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench \
  | tee "$BENCH_HOME/pgbench.txt"

holds_made=$((bookings_after - bookings_before))
refused=$(awk '/Non-2xx/ { print $NF }' "$BENCH_HOME/holds.txt")
holds=$(awk -v n="$holds_made" -v t="$RUN_SECONDS" 'BEGIN { printf "%.0f", n / t }')
tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$BENCH_HOME/pgbench.txt")
step "Results"
echo "machine:               $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "holds per second:      $holds  ($holds_made bookings in ${RUN_SECONDS}s; $CLIENTS connections, $LISTINGS listings;" \
     "p50 $(awk '$1 == "50%" { print $2 }' "$BENCH_HOME/holds.txt"), p99 $(awk '$1 == "99%" { print $2 }' "$BENCH_HOME/holds.txt");" \
     "non-2xx answers: ${refused:-0}; outbox backlog at the end: $backlog;" \
     "JIT compilation during the window: $(awk -v a="$jit_before" -v b="$jit_after" 'BEGIN { printf "%.1f", b - a }') s of CPU)"
awk -v s="$service_ticks" -v p="$pg_ticks" -v n="$holds_made" -v hz="$(getconf CLK_TCK)" \
  'BEGIN { printf "CPU per hold:          service %.2f ms, PostgreSQL %.2f ms (user + system time during the window)\n", s / hz * 1000 / n, p / hz * 1000 / n }'
echo "contention:            $(sed -n 's/^contention_successes=//p' "$BENCH_HOME/contention.txt") of $ATTEMPTS succeeded" \
     "in $(sed -n 's/^contention_seconds=//p' "$BENCH_HOME/contention.txt")s; held units $held; overbooked slots $overbooked"
echo "pgbench TPS:           $tps  ($CLIENTS clients, -j 2, scale $CLIENTS, ${RUN_SECONDS}s)"
awk -v h="$holds" -v t="$tps" 'BEGIN { printf "ratio holds/pgbench:   %.2f (goal: at least 0.50)\n", h / t }'

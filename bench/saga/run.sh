#!/usr/bin/env bash
# Saga benchmark: hold -> CONFIRMED through the gateway, at a fixed arrival rate, twice in one run:
#   fast     the services as shipped: each commit that writes an outbox row wakes the relay
#            (PostgreSQL LISTEN/NOTIFY);
#   polling  the old behaviour as the baseline: wake-on-commit off, the relay polls every 1 s.
# Each booking (bench/saga/SagaBench.java, open model: a new booking every 1/RATE s whatever the
# answers) is a hold, POST /api/v1/bookings, followed as soon as its 201 arrives by its payment,
# POST /api/v1/payments with the simulator's card pm_card_visa. A payment refused with 404/409
# (payment-service has not consumed booking.requested yet) is counted and retried (10 ms, doubling
# up to 1 s). Before each mode's warm-up, single bookings are sent until one is CONFIRMED: the
# consumers of freshly started services need a while (group join, topic creation) to be assigned.
#
# The latencies come from the services' own databases, not from the client:
#   hold -> CONFIRMED  booking.created_at (now() of the hold's transaction) to the commit time of
#                      the transaction that turned the booking CONFIRMED (PostgreSQL
#                      track_commit_timestamp: the commit time of the row version's xmin);
#   per hop            outbox commit -> consumer commit: the commit time of the transaction that
#                      wrote the outbox row to the commit time of the consumer's processed_event row
#                      (the inbox row written with the effect). The relay deletes published outbox
#                      rows, so a row trigger this script adds copies each outbox row's id into a
#                      bench_outbox_commit table in the same transaction (one extra insert per event).
#                      Its relay part: outbox commit -> the record's timestamp on the topic (the
#                      producer's CreateTime, read back with bench/saga/TopicTimes.java); the rest
#                      is the consumer's (fetch, queueing, its transaction).
# Percentiles: exact (percentile_disc over every booking of the measured window).
#
# Everything on loopback, plain processes started and stopped here: PostgreSQL (durable defaults plus
# track_commit_timestamp) with booking_service and payment_service, Kafka, a stand-in identity
# provider (bench/booking/HoldBench.java idp, RS256 tokens with audience booking-platform), the
# payment simulator, booking-service, payment-service and the gateway, all packaged
# (java -jar <module>/target/quarkus-app/quarkus-run.jar, built first when missing).
#
# Usage: bench/saga/run.sh          (about 6 minutes: 2 x (warm-up 30 s + 60 s) plus start-ups)
#        bench/saga/run.sh --short  (a quick check: 20 bookings/s, 5 s warm-up, 15 s)
# Knobs: SAGA_RATE (50 bookings/s), SAGA_SECONDS (60), SAGA_WARMUP (30), SAGA_CUSTOMERS (16),
#        SAGA_LISTINGS (64), SAGA_MODES ("fast polling"), SAGA_POLL_INTERVAL (1s),
#        SERVICE_JVM_OPTS (the local platform's), and the ports: PG_PORT (55460), KAFKA_PORT (19190),
#        KAFKA_CONTROLLER_PORT (19191), GATEWAY_PORT (18480), BOOKING_PORT (18481), PAYMENT_PORT (18483),
#        GATEWAY_MANAGEMENT_PORT (19480), BOOKING_MANAGEMENT_PORT (19481), PAYMENT_MANAGEMENT_PORT (19483),
#        SIMULATOR_PORT (18489), IDP_PORT (18190). Data and logs: $PLATFORM_DATA_DIR/bench-saga (wiped at every run).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
source "$BENCH_DIR/../../deploy/local/lib/common.sh"
source "$LOCAL_DIR/lib/postgres.sh"
source "$LOCAL_DIR/lib/kafka.sh"

RATE="${SAGA_RATE:-50}"; RUN_SECONDS="${SAGA_SECONDS:-60}"; WARMUP="${SAGA_WARMUP:-30}"
if [[ "${1:-}" == --short ]]; then RATE="${SAGA_RATE:-20}"; RUN_SECONDS="${SAGA_SECONDS:-15}"; WARMUP="${SAGA_WARMUP:-5}"; fi
CUSTOMERS="${SAGA_CUSTOMERS:-16}"; LISTINGS="${SAGA_LISTINGS:-64}"
MODES="${SAGA_MODES:-fast polling}"; POLL_INTERVAL="${SAGA_POLL_INTERVAL:-1s}"
SERVICE_JVM_OPTS="${SERVICE_JVM_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}"

BENCH_HOME="$DATA_ROOT/bench-saga"
PG_PORT="${PG_PORT:-55460}"; PG_HOME="$BENCH_HOME/postgres"
# The server's durable defaults; commit timestamps are what the latencies are read from.
PG_TUNING="-c track_commit_timestamp=on"
SERVICE_DATABASES="booking_service payment_service"
KAFKA_PORT="${KAFKA_PORT:-19190}"; KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19191}"
KAFKA_HOME_DIR="$BENCH_HOME/kafka"; KAFKA_HEAP="-Xms128m -Xmx256m"
GATEWAY_PORT="${GATEWAY_PORT:-18480}"; BOOKING_PORT="${BOOKING_PORT:-18481}"; PAYMENT_PORT="${PAYMENT_PORT:-18483}"
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-19480}"; BOOKING_MANAGEMENT_PORT="${BOOKING_MANAGEMENT_PORT:-19481}"
PAYMENT_MANAGEMENT_PORT="${PAYMENT_MANAGEMENT_PORT:-19483}"
SIMULATOR_PORT="${SIMULATOR_PORT:-18489}"; IDP_PORT="${IDP_PORT:-18190}"
ISSUER="http://127.0.0.1:$IDP_PORT/realms/booking"
LOGS="$BENCH_HOME/logs"; RUN="$BENCH_HOME/run"; TOKENS="$BENCH_HOME/tokens.txt"
APPS="$BENCH_HOME/apps"

cleanup() {
  for name in gateway payment-service booking-service payment-simulator idp; do stop_pid "$name" "$RUN/$name.pid" || true; done
  kafka_stop || true
  pg_stop || true
}
trap cleanup EXIT

check_java_maven; check_postgres
for port in "$PG_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$GATEWAY_PORT" "$BOOKING_PORT" "$PAYMENT_PORT" \
    "$GATEWAY_MANAGEMENT_PORT" "$BOOKING_MANAGEMENT_PORT" "$PAYMENT_MANAGEMENT_PORT" "$SIMULATOR_PORT" "$IDP_PORT"; do
  port_open "$port" && die "port $port is taken by another program (see the port knobs at the top of $0)"
done

pg_stop; kafka_stop; rm -rf "$BENCH_HOME"; mkdir -p "$LOGS" "$RUN" "$APPS"
# Each app is copied before it is started: a rebuild while the benchmark runs must not replace
# classes under a running JVM.
for m in payment-simulator booking-service payment-service gateway; do
  if [[ ! -f "$ROOT_DIR/$m/target/quarkus-app/quarkus-run.jar" ]]; then
    step "Building $m"
    (cd "$ROOT_DIR" && mvn -B -q -o -pl "$m" -am package -DskipTests -Dquarkus.kubernetes.deploy=false)
  fi
  cp -r "$ROOT_DIR/$m/target/quarkus-app" "$APPS/$m"
done
app() { echo "$APPS/$1/quarkus-run.jar"; }

step "Starting PostgreSQL (:$PG_PORT), Kafka (:$KAFKA_PORT), the identity provider and the payment simulator"
pg_start
kafka_start
start_bg "$RUN/idp.pid" "$LOGS/idp.log" java "$BENCH_DIR/../booking/HoldBench.java" idp "$IDP_PORT" "$TOKENS" "$CUSTOMERS"
wait_for "identity provider" 60 test -s "$TOKENS" || die "the identity provider did not start; see $LOGS/idp.log"
start_bg "$RUN/payment-simulator.pid" "$LOGS/payment-simulator.log" env SIMULATOR_PORT="$SIMULATOR_PORT" \
  java -Xmx64m -XX:+UseSerialGC -jar "$(app payment-simulator)"
wait_for "payment simulator" 60 port_open "$SIMULATOR_PORT" || die "the simulator did not start; see $LOGS/payment-simulator.log"

COMMON_ENV=(DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
  OIDC_AUTH_SERVER_URL="$ISSUER" QUARKUS_LOG_LEVEL=WARN)
start_services() { # extra env for both services
  start_bg "$RUN/booking-service.pid" "$LOGS/booking-service.log" env "${COMMON_ENV[@]}" "$@" \
    QUARKUS_HTTP_PORT="$BOOKING_PORT" MANAGEMENT_PORT="$BOOKING_MANAGEMENT_PORT" DB_PASSWORD="$(db_password booking_service)" \
    java $SERVICE_JVM_OPTS -jar "$(app booking-service)"
  start_bg "$RUN/payment-service.pid" "$LOGS/payment-service.log" env "${COMMON_ENV[@]}" "$@" \
    QUARKUS_HTTP_PORT="$PAYMENT_PORT" MANAGEMENT_PORT="$PAYMENT_MANAGEMENT_PORT" \
    PAYMENT_PROVIDER_URL="http://127.0.0.1:$SIMULATOR_PORT" DB_PASSWORD="$(db_password payment_service)" \
    java $SERVICE_JVM_OPTS -jar "$(app payment-service)"
  wait_for booking-service 180 http_ok "http://127.0.0.1:$BOOKING_MANAGEMENT_PORT/q/health/ready" \
    || die "booking-service did not become ready; see $LOGS/booking-service.log"
  wait_for payment-service 180 http_ok "http://127.0.0.1:$PAYMENT_MANAGEMENT_PORT/q/health/ready" \
    || die "payment-service did not become ready; see $LOGS/payment-service.log"
}
stop_services() {
  stop_pid payment-service "$RUN/payment-service.pid"
  stop_pid booking-service "$RUN/booking-service.pid"
}

# After Flyway: a row trigger copying each outbox row's id into bench_outbox_commit, in the
# writing transaction, so that its commit time survives the relay's delete.
add_outbox_trigger() { # database
  pg_psql -d "$1" <<'SQL'
CREATE TABLE IF NOT EXISTS bench_outbox_commit (id uuid PRIMARY KEY, type text NOT NULL);
CREATE OR REPLACE FUNCTION bench_outbox_copy() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public AS $$
BEGIN
  INSERT INTO bench_outbox_commit (id, type) VALUES (NEW.id, NEW.type);
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS bench_outbox_copy ON outbox_event;
CREATE TRIGGER bench_outbox_copy AFTER INSERT ON outbox_event FOR EACH ROW EXECUTE FUNCTION bench_outbox_copy();
SQL
}

step "Starting booking-service, payment-service (prod mode) and the gateway"
start_services
add_outbox_trigger booking_service
add_outbox_trigger payment_service
start_bg "$RUN/gateway.pid" "$LOGS/gateway.log" env OIDC_AUTH_SERVER_URL="$ISSUER" QUARKUS_LOG_LEVEL=WARN \
  QUARKUS_HTTP_PORT="$GATEWAY_PORT" MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" \
  BOOKING_SERVICE_URL="http://127.0.0.1:$BOOKING_PORT" PAYMENT_SERVICE_URL="http://127.0.0.1:$PAYMENT_PORT" \
  BOOKINGS_RATE_LIMIT_CAPACITY=1000000000 BOOKINGS_RATE_LIMIT_REFILL=1000000000 \
  PAYMENTS_RATE_LIMIT_CAPACITY=1000000000 PAYMENTS_RATE_LIMIT_REFILL=1000000000 \
  GATEWAY_RATE_LIMIT_CAPACITY=1000000000 GATEWAY_RATE_LIMIT_REFILL=1000000000 \
  TOKEN_VERIFICATION_RATE_LIMIT_CAPACITY=1000000000 TOKEN_VERIFICATION_RATE_LIMIT_REFILL=1000000000 \
  java $SERVICE_JVM_OPTS -jar "$(app gateway)"
wait_for gateway 180 http_ok "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/q/health/ready" \
  || die "the gateway did not become ready; see $LOGS/gateway.log"

NIGHT="$(date -u -d "$(date -u +%F) + 30 days" +%FT00:00:00Z)"
java "$BENCH_DIR/../booking/HoldBench.java" setup "http://127.0.0.1:$BOOKING_PORT" "$TOKENS" "$LISTINGS" "$NIGHT" "$BENCH_HOME/listings.txt"

load() { # seconds ids-file output-file
  java -Xmx256m "$BENCH_DIR/SagaBench.java" "http://127.0.0.1:$GATEWAY_PORT" "$TOKENS" "$BENCH_HOME/listings.txt" \
    "$NIGHT" "$RATE" "$1" "$2" > "$3"
}
value() { sed -n "s/^$1=//p" "$2"; }
epoch() { date +%s.%N; }

hold_to_confirmed() { # ids-file -> "p50 p95 p99 max n confirmed-of-held"
  pg_psql -d booking_service -tA -F' ' <<SQL
CREATE TEMP TABLE ids (id uuid PRIMARY KEY);
\copy ids FROM '$1'
SELECT round(x.p50::numeric, 1), round(x.p95::numeric, 1), round(x.p99::numeric, 1), round(x.mx::numeric, 1), x.n,
       (SELECT count(*) FROM ids)
FROM (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) p50, percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) p95,
             percentile_disc(0.99) WITHIN GROUP (ORDER BY ms) p99, max(ms) mx, count(*) n
      FROM (SELECT extract(epoch FROM pg_xact_commit_timestamp(b.xmin) - b.created_at) * 1000 AS ms
            FROM booking b JOIN ids USING (id) WHERE b.status = 'CONFIRMED') t) x;
SQL
}
confirmed_count() { # ids-file
  pg_psql -d booking_service -tA <<SQL
CREATE TEMP TABLE ids (id uuid PRIMARY KEY);
\copy ids FROM '$1'
SELECT count(*) FROM booking JOIN ids USING (id) WHERE status <> 'PENDING_PAYMENT';
SQL
}
hop() { # from-db to-db event-type since until -> "p50 p95 p99 max n"
  local commits="$BENCH_HOME/hop-$1-$3.csv"
  pg_psql -d "$1" -tA -F, -c "SELECT id, extract(epoch FROM pg_xact_commit_timestamp(xmin)) FROM bench_outbox_commit
    WHERE type = '$3' AND pg_xact_commit_timestamp(xmin) BETWEEN to_timestamp($4) AND to_timestamp($5)" > "$commits"
  pg_psql -d "$2" -tA -F' ' <<SQL
CREATE TEMP TABLE outbox_commit (id uuid PRIMARY KEY, committed double precision);
\copy outbox_commit FROM '$commits' WITH (FORMAT csv)
SELECT round(x.p50::numeric, 1), round(x.p95::numeric, 1), round(x.p99::numeric, 1), round(x.mx::numeric, 1), x.n
FROM (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) p50, percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) p95,
             percentile_disc(0.99) WITHIN GROUP (ORDER BY ms) p99, max(ms) mx, count(*) n
      FROM (SELECT (extract(epoch FROM pg_xact_commit_timestamp(p.xmin)) - o.committed) * 1000 AS ms
            FROM processed_event p JOIN outbox_commit o ON o.id = p.event_id) t) x;
SQL
}
relay() { # from-db event-type topic -> "p50 p95 p99 max n": outbox commit -> the record's timestamp on the topic
  local commits="$BENCH_HOME/hop-$1-$2.csv" sent="$BENCH_HOME/topic-$3.csv"
  java -cp "$KAFKA_LIB/*" "$BENCH_DIR/TopicTimes.java" "127.0.0.1:$KAFKA_PORT" "$3" > "$sent"
  pg_psql -d "$1" -tA -F' ' <<SQL
CREATE TEMP TABLE outbox_commit (id uuid PRIMARY KEY, committed double precision);
\copy outbox_commit FROM '$commits' WITH (FORMAT csv)
CREATE TEMP TABLE on_topic (id uuid, sent double precision);
\copy on_topic FROM '$sent' WITH (FORMAT csv)
SELECT round(x.p50::numeric, 1), round(x.p95::numeric, 1), round(x.p99::numeric, 1), round(x.mx::numeric, 1), x.n
FROM (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) p50, percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) p95,
             percentile_disc(0.99) WITHIN GROUP (ORDER BY ms) p99, max(ms) mx, count(*) n
      FROM (SELECT (min(t.sent) - o.committed) * 1000 AS ms
            FROM outbox_commit o JOIN on_topic t USING (id) GROUP BY o.id, o.committed) r) x;
SQL
}
show() { # label "p50 p95 p99 max n ..."
  read -r p50 p95 p99 mx n _ <<<"$2"
  printf '  %-46s p50 %8s ms   p95 %8s ms   p99 %8s ms   max %8s ms   (%s)\n' "$1" "$p50" "$p95" "$p99" "$mx" "$n"
}

saga_done() { [[ "$(confirmed_count "$1")" -ge 1 ]]; }
prime() { # mode: one booking at a time until one saga completes (at most 6 tries of up to 40 s)
  local try ids="$BENCH_HOME/$1-prime-ids.txt"
  for try in 1 2 3 4 5 6; do
    java -Xmx64m "$BENCH_DIR/SagaBench.java" "http://127.0.0.1:$GATEWAY_PORT" "$TOKENS" "$BENCH_HOME/listings.txt" \
      "$NIGHT" 1 1 "$ids" > "$BENCH_HOME/$1-prime.txt"
    wait_for "the saga" 10 saga_done "$ids" && { ok "a first saga completed ($1)"; return 0; }
  done
  die "no booking was confirmed after 6 tries; see $LOGS"
}

run_mode() { # mode
  local mode=$1 since until ids="$BENCH_HOME/$1-ids.txt" out="$BENCH_HOME/$1-load.txt" held done_at
  if [[ $mode == polling ]]; then
    step "Restarting booking-service and payment-service with the old polling relay (every $POLL_INTERVAL, no wake-up)"
    stop_services
    start_services PLATFORM_MESSAGING_OUTBOX_WAKE_ON_COMMIT=false OUTBOX_RELAY_INTERVAL="$POLL_INTERVAL" \
      PLATFORM_MESSAGING_OUTBOX_RELAY_INTERVAL="$POLL_INTERVAL"
  fi
  prime "$mode"
  step "$mode: $RATE bookings/s, ${WARMUP}s warm-up + ${RUN_SECONDS}s measured (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  load "$WARMUP" "$BENCH_HOME/$mode-warmup-ids.txt" "$BENCH_HOME/$mode-warmup.txt"
  since="$(epoch)"
  load "$RUN_SECONDS" "$ids" "$out"
  held="$(wc -l < "$ids")"
  # The saga finishes after the last answer: wait (at most 60 s) until every held booking left PENDING_PAYMENT.
  for _ in $(seq 1 120); do
    [[ "$(confirmed_count "$ids")" -ge "$held" ]] && break
    sleep 0.5
  done
  until="$(epoch)"
  eval "${mode}_LOAD=\"\$(cut -d' ' -f1-3 /proc/loadavg)\""
  eval "${mode}_CONFIRM=\"\$(hold_to_confirmed "$ids")\""
  eval "${mode}_HOP1=\"\$(hop booking_service payment_service org.bookingplatform.booking.requested "$since" "$until")\""
  eval "${mode}_HOP2=\"\$(hop payment_service booking_service org.bookingplatform.payment.authorized "$since" "$until")\""
  eval "${mode}_RELAY1=\"\$(relay booking_service org.bookingplatform.booking.requested booking.events)\""
  eval "${mode}_RELAY2=\"\$(relay payment_service org.bookingplatform.payment.authorized payment.events)\""
  eval "${mode}_OUT=$out"
  echo "  client: $(tr '\n' ' ' < "$out")"
}

for mode in $MODES; do run_mode "$mode"; done

step "Results ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $RATE bookings/s for ${RUN_SECONDS}s per mode)"
for mode in $MODES; do
  out="$(eval echo "\$${mode}_OUT")"
  confirm="$(eval echo "\$${mode}_CONFIRM")"
  echo "$mode (load average at the end $(eval echo "\$${mode}_LOAD")):"
  show "hold -> CONFIRMED (created_at -> commit)" "$confirm"
  show "booking.requested: booking outbox -> payment inbox" "$(eval echo "\$${mode}_HOP1")"
  show "  of which relay: outbox commit -> on the topic" "$(eval echo "\$${mode}_RELAY1")"
  show "payment.authorized: payment outbox -> booking inbox" "$(eval echo "\$${mode}_HOP2")"
  show "  of which relay: outbox commit -> on the topic" "$(eval echo "\$${mode}_RELAY2")"
  read -r _ _ _ _ confirmed heldn <<<"$confirm"
  echo "  bookings: $(value bookings_started "$out") started, $heldn held, $confirmed CONFIRMED;" \
       "hold answers $(value hold_statuses "$out"); payment answers $(value payment_statuses "$out");" \
       "payments refused (404/409, then retried): $(value payments_refused "$out"); largest start lag $(value max_start_lag_ms "$out") ms"
  echo "  final payment refusals (status, detail): $(value payment_final_refusals "$out")"
done
if [[ " $MODES " == *" fast "* && " $MODES " == *" polling "* ]]; then
  read -r f50 _ f99 _ <<<"$fast_CONFIRM"
  read -r p50 _ p99 _ <<<"$polling_CONFIRM"
  awk -v f50="$f50" -v f99="$f99" -v p50="$p50" -v p99="$p99" -v rate="$RATE" 'BEGIN {
    printf "ratio polling/fast, hold -> CONFIRMED:  p50 %.1fx   p99 %.1fx\n", p50 / f50, p99 / f99
    printf "goal at 50 bookings/s (this run: %s/s): p99 <= 250 ms (%s), p50 <= 50 ms (%s), p50 >= 10x better than polling (%s)\n", rate,
      (f99 <= 250 ? "met" : "missed"), (f50 <= 50 ? "met" : "missed"), (p50 / f50 >= 10 ? "met" : "missed")
  }'
fi

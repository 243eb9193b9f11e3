#!/usr/bin/env bash
# Anonymous catalog benchmark: what one unauthenticated caller can make booking-service do.
# On one dedicated PostgreSQL holding BENCH_LISTINGS (1,000) listings of 5-minute slots in
# BENCH_CITIES (10) cities, each with BENCH_DAYS (3) days of open slots (288 a day), it measures:
#   (a) availability: wrk, BENCH_CLIENTS connections, GET /listings/{id}/availability for a whole
#       day (288 slots; the answer is the first page of 100), round robin over the listings;
#   (b) search: wrk, GET /listings?city=&from=&to= for a 2-hour window (each city's 100 listings
#       checked slot by slot), round robin over the cities;
#   (c) the baseline: pgbench, the same number of clients, a plain primary-key SELECT of one
#       listing row (SELECT * FROM listing WHERE id = ...) on the same PostgreSQL;
# each for BENCH_SECONDS after BENCH_WARMUP seconds of the same, and prints the p50/p99 latency
# of each with the ratios p99(a)/p99(c) and p99(b)/p99(c). It prints the plans of the two
# queries first (EXPLAIN ANALYZE on the loaded data), to show both are index scans.
#
# Everything runs on loopback as plain processes started and stopped by this script:
#   PostgreSQL (deploy/local/lib/postgres.sh) in .data/bench-search/postgres on port 55436 with
#     the server's durable defaults, wiped at every run; the data is inserted with SQL;
#   Kafka (deploy/local/lib/kafka.sh) on 29192: the service's readiness includes its consumer;
#   booking-service in prod mode: java -jar booking-service/target/quarkus-app/quarkus-run.jar
#     (no identity provider: the catalog is public).
#
# Usage: bench/search/run.sh            (builds the service first if its jar is missing)
# Knobs: BENCH_LISTINGS (1000), BENCH_CITIES (10), BENCH_DAYS (3), BENCH_CLIENTS (16),
#        BENCH_SECONDS (30), BENCH_WARMUP (60), BENCH_PG_PORT, BENCH_KAFKA_PORT, BENCH_HTTP_PORT,
#        BENCH_MANAGEMENT_PORT,
#        BENCH_JAVA_OPTS.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
source "$BENCH_DIR/../../deploy/local/lib/common.sh"
source "$LOCAL_DIR/lib/postgres.sh"
source "$LOCAL_DIR/lib/kafka.sh"
source "$BENCH_DIR/../lib.sh"

LISTINGS="${BENCH_LISTINGS:-1000}"
CITIES="${BENCH_CITIES:-10}"
DAYS="${BENCH_DAYS:-3}"
CLIENTS="${BENCH_CLIENTS:-16}"
RUN_SECONDS="${BENCH_SECONDS:-30}"
WARMUP="${BENCH_WARMUP:-60}"
BENCH_HOME="$DATA_ROOT/bench-search"
PG_PORT="${BENCH_PG_PORT:-55436}"; PG_PORT_VAR=BENCH_PG_PORT
PG_HOME="$BENCH_HOME/postgres"
PG_TUNING=""
SERVICE_DATABASES="booking_service"
KAFKA_PORT="${BENCH_KAFKA_PORT:-29192}"; KAFKA_PORT_VAR=BENCH_KAFKA_PORT
KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-29193}"
KAFKA_HOME_DIR="$BENCH_HOME/kafka"
KAFKA_HEAP="-Xms128m -Xmx256m"
HTTP_PORT="${BENCH_HTTP_PORT:-18091}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19091}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -Dquarkus.vertx.event-loops-pool-size=$(nproc)}"
APP="$ROOT_DIR/booking-service/target/quarkus-app/quarkus-run.jar"

cleanup() {
  stop_pid booking-service "$BENCH_HOME/service.pid" || true
  kafka_stop || true
  pg_stop || true
}
trap cleanup EXIT

check_java_maven; check_postgres
require_cmd "$PG_BIN/pgbench" "pgbench ships with the PostgreSQL server package."
require_cmd wrk "Install it with: apt-get install wrk"
if [ ! -f "$APP" ]; then
  step "Building booking-service"
  (cd "$ROOT_DIR" && mvn -B -q -pl booking-service -am package -DskipTests)
fi

step "Starting a dedicated PostgreSQL and Kafka"
bench_fresh_pg_kafka

step "Starting booking-service (prod mode): its migrations create the schema"
bench_start_booking_service "http://127.0.0.1:1/realms/booking" "$CLIENTS" QUARKUS_LOG_LEVEL=WARN

FIRST_DAY="$(date -u -d "$(date -u +%F) + 30 days" +%F)"
step "Loading $LISTINGS listings of 5-minute slots in $CITIES cities, $DAYS days of slots each"
pg_psql -d booking_service <<SQL
INSERT INTO listing (id, name, category, city, time_zone, slot_minutes, unit_price_amount, currency)
SELECT md5('bench-' || n)::uuid, 'Bench appointment ' || lpad(n::text, 5, '0'), 'APPOINTMENT',
       'City ' || (n % $CITIES), 'UTC', 5, 2500, 'EUR'
FROM generate_series(1, $LISTINGS) AS n;
INSERT INTO slot_inventory (listing_id, slot_start, capacity)
SELECT listing.id, slot, 3
FROM listing, generate_series(timestamptz '$FIRST_DAY 00:00:00+00', timestamptz '$FIRST_DAY 00:00:00+00' + interval '$DAYS days' - interval '5 minutes', interval '5 minutes') AS slot;
VACUUM ANALYZE listing;
VACUUM ANALYZE slot_inventory;
SQL
pg_psql -d booking_service -tA -c "SELECT id FROM listing ORDER BY id" > "$BENCH_HOME/listings.txt"
pg_psql -d booking_service -tA -c "SELECT DISTINCT replace(city, ' ', '%20') FROM listing" > "$BENCH_HOME/cities.txt"
ok "$(pg_psql -d booking_service -tA -c "SELECT count(*) || ' listings, ' || (SELECT count(*) FROM slot_inventory) || ' slots' FROM listing")"

DAY_FROM="${FIRST_DAY}T00:00:00Z"; DAY_TO="$(date -u -d "$FIRST_DAY + 1 day" +%F)T00:00:00Z"
WINDOW_FROM="${FIRST_DAY}T10:00:00Z"; WINDOW_TO="${FIRST_DAY}T12:00:00Z"
one_listing="$(head -1 "$BENCH_HOME/listings.txt")"
curl -fs "http://127.0.0.1:$HTTP_PORT/listings/$one_listing/availability?from=$DAY_FROM&to=$DAY_TO" > "$BENCH_HOME/availability.json" \
  || die "availability did not answer"
curl -fs "http://127.0.0.1:$HTTP_PORT/listings?city=City%200&from=$WINDOW_FROM&to=$WINDOW_TO" > "$BENCH_HOME/search.json" \
  || die "search did not answer"
found=$(grep -o '"id"' "$BENCH_HOME/search.json" | wc -l)
[ "$found" -gt 0 ] || die "the search found nothing: $(cat "$BENCH_HOME/search.json")"

step "Plans on the loaded data (the statements booking-service sends, with this run's values)"
# Keep these in step with SlotInventoryRepository.firstBetween and ListingRepository.search.
pg_psql -d booking_service <<SQL | tee "$BENCH_HOME/plans.txt"
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT * FROM slot_inventory WHERE listing_id = '$one_listing' AND slot_start >= '$DAY_FROM' AND slot_start < '$DAY_TO'
ORDER BY slot_start LIMIT 101;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
WITH candidate AS (SELECT * FROM listing WHERE status = 'ACTIVE' AND lower(city) = lower('City 0') AND slot_minutes >= 1),
grid AS (
    SELECT kind.time_zone, kind.slot_minutes, count(DISTINCT point.local AT TIME ZONE kind.time_zone) AS slots
    FROM (SELECT DISTINCT time_zone, slot_minutes FROM candidate) AS kind
    CROSS JOIN LATERAL generate_series(date_trunc('day', timestamptz '$WINDOW_FROM' AT TIME ZONE kind.time_zone),
                                       timestamptz '$WINDOW_TO' AT TIME ZONE kind.time_zone,
                                       make_interval(mins => kind.slot_minutes)) AS point(local)
    WHERE point.local AT TIME ZONE kind.time_zone >= '$WINDOW_FROM' AND point.local AT TIME ZONE kind.time_zone < '$WINDOW_TO'
    GROUP BY kind.time_zone, kind.slot_minutes)
SELECT candidate.* FROM candidate
JOIN grid ON grid.time_zone = candidate.time_zone AND grid.slot_minutes = candidate.slot_minutes
WHERE (SELECT count(*) FROM slot_inventory AS slot
       WHERE slot.listing_id = candidate.id AND slot.slot_start >= '$WINDOW_FROM' AND slot.slot_start < '$WINDOW_TO'
         AND slot.capacity - slot.held - slot.booked >= 1) = grid.slots
ORDER BY name, id LIMIT 20 OFFSET 0;
SQL
grep -q "Index" "$BENCH_HOME/plans.txt" || die "the plans use no index; see $BENCH_HOME/plans.txt"

catalog_load() { # mode seconds from to
  wrk -t1 -c"$CLIENTS" -d"$2s" --latency -s "$BENCH_DIR/catalog.lua" "http://127.0.0.1:$HTTP_PORT" \
    -- "$1" "$BENCH_HOME/listings.txt" "$BENCH_HOME/cities.txt" "$3" "$4"
}
step "Availability of a day (288 slots, first page of 100): $CLIENTS connections, ${WARMUP}s warm-up + ${RUN_SECONDS}s"
catalog_load availability "$WARMUP" "$DAY_FROM" "$DAY_TO" > "$BENCH_HOME/availability-warmup.txt"
catalog_load availability "$RUN_SECONDS" "$DAY_FROM" "$DAY_TO" | tee "$BENCH_HOME/availability.txt"
step "Search of a city for a 2-hour window (100 listings, 24 slots each): $CLIENTS connections, ${WARMUP}s warm-up + ${RUN_SECONDS}s"
catalog_load search "$WARMUP" "$WINDOW_FROM" "$WINDOW_TO" > "$BENCH_HOME/search-warmup.txt"
catalog_load search "$RUN_SECONDS" "$WINDOW_FROM" "$WINDOW_TO" | tee "$BENCH_HOME/search.txt"
stop_pid booking-service "$BENCH_HOME/service.pid"
kafka_stop

step "Baseline: pgbench, a primary-key SELECT of one listing, $CLIENTS clients, ${RUN_SECONDS}s"
# pgbench cannot pick a random UUID from a table: number the listings once, look them up by that.
pg_psql -d booking_service -c "CREATE TABLE bench_listing AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM listing;
  CREATE UNIQUE INDEX ON bench_listing (n); ANALYZE bench_listing;"
cat > "$BENCH_HOME/select.sql" <<SQL
\set n random(1, $LISTINGS)
SELECT listing.* FROM listing WHERE id = (SELECT id FROM bench_listing WHERE n = :n);
SQL
rm -f "$BENCH_HOME"/pgbench_log.*
(cd "$BENCH_HOME" && PGPASSWORD= "$PG_BIN/pgbench" -n -f select.sql -c "$CLIENTS" -j 2 -T "$WARMUP" -h 127.0.0.1 -p "$PG_PORT" -U postgres booking_service >/dev/null)
(cd "$BENCH_HOME" && PGPASSWORD= "$PG_BIN/pgbench" -n -f select.sql -c "$CLIENTS" -j 2 -T "$RUN_SECONDS" -l --log-prefix=pgbench_log \
  -h 127.0.0.1 -p "$PG_PORT" -U postgres booking_service | tee "$BENCH_HOME/pgbench.txt")
# Per-transaction log: the third field is the latency in microseconds.
cat "$BENCH_HOME"/pgbench_log.* | awk '{ print $3 }' | sort -n > "$BENCH_HOME/select-latencies.txt"
percentile_ms() { awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }' "$2"; }
select_p50=$(percentile_ms 50 "$BENCH_HOME/select-latencies.txt"); select_p99=$(percentile_ms 99 "$BENCH_HOME/select-latencies.txt")

to_ms() { # wrk latency such as 812.00us, 3.20ms, 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
wrk_pct() { to_ms "$(awk -v p="$1%" '$1 == p { print $2 }' "$2")"; }
wrk_rps() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
wrk_errors() { awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$1"; }
avail_p50=$(wrk_pct 50 "$BENCH_HOME/availability.txt"); avail_p99=$(wrk_pct 99 "$BENCH_HOME/availability.txt")
search_p50=$(wrk_pct 50 "$BENCH_HOME/search.txt"); search_p99=$(wrk_pct 99 "$BENCH_HOME/search.txt")

step "Results"
echo "machine:               $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "data:                  $LISTINGS listings of 5-minute slots in $CITIES cities, $DAYS days of slots each; $CLIENTS connections"
echo "availability (a day):  p50 ${avail_p50} ms, p99 ${avail_p99} ms, $(wrk_rps "$BENCH_HOME/availability.txt") req/s, non-2xx $(wrk_errors "$BENCH_HOME/availability.txt")"
echo "search (a city, 2 h):  p50 ${search_p50} ms, p99 ${search_p99} ms, $(wrk_rps "$BENCH_HOME/search.txt") req/s, non-2xx $(wrk_errors "$BENCH_HOME/search.txt")"
echo "baseline SELECT:       p50 ${select_p50} ms, p99 ${select_p99} ms, $(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$BENCH_HOME/pgbench.txt" | head -1 | cut -d. -f1) tx/s (pgbench, primary-key SELECT of one listing)"
awk -v a="$avail_p99" -v s="$search_p99" -v b="$select_p99" \
  'BEGIN { printf "ratio p99 availability/SELECT: %.1f\nratio p99 search/SELECT:       %.1f\n", a / b, s / b }'

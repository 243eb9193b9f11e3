#!/usr/bin/env bash
# Load benchmark of the whole platform (a script, not a test). One run:
#   1. the local platform as users run it (./platform up: PostgreSQL, Kafka, Keycloak, the SMTP sink,
#      the payment simulator, the five services, all packaged jars) in a data folder and on ports of
#      its own, or a running one (LOAD_PLATFORM_ENV);
#   2. the journey (Gatling, bench/load/src/test/java/.../JourneySimulation.java): virtual users arriving
#      at LOAD_RATE a second whatever the answers (open model), each a new customer: sign up
#      (POST /api/v1/users), token from Keycloak (password grant, client booking-web), search,
#      availability, hold (POST /api/v1/bookings + Idempotency-Key), payment (POST /api/v1/payments,
#      pm_card_visa), the booking polled every LOAD_POLL_MS until CONFIRMED. The journeys started in
#      the first LOAD_WARMUP seconds are not counted;
#   3. direct versus gateway (DirectVsGatewaySimulation.java): the same anonymous search against
#      booking-service's own port, then through the gateway, LOAD_RATIO_USERS users back to back;
#   4. pgbench TPC-B on the same PostgreSQL server (a database of its own), the platform idle;
# then prints throughput, p50/p95/p99 per step, hold -> CONFIRMED, errors, each process's CPU
# (measured window, from /proc/<pid>/stat, children included) and RSS (/proc/<pid>/status) at its start
# and end, the PostgreSQL commits the load caused against pgbench's TPS, the direct/gateway ratios;
# writes a chart of latency and throughput per second (SVG, Report.java) and, unless --short, the
# "Load" section of docs/benchmarks.md with docs/images/load-benchmark.svg.
#
# Usage: bench/load/run.sh           (about 6 minutes after the platform is up: 15 s + 60 s of journeys at 5/s)
#        bench/load/run.sh --short   (a quick check: 2 journeys/s, 5 s + 20 s; docs/ untouched)
# Knobs: LOAD_RATE (5), LOAD_SECONDS (60), LOAD_WARMUP (15), LOAD_LISTINGS (8 listings of one city,
#        100000 units a night), LOAD_NIGHTS (30), LOAD_POLL_MS (100), LOAD_CONFIRM_TIMEOUT_S (30),
#        LOAD_RATIO_USERS (4), LOAD_RATIO_SECONDS (25), LOAD_RATIO_WARMUP (5), PGBENCH_SCALE (10),
#        PGBENCH_CLIENTS (8), PGBENCH_SECONDS (30), LOAD_PORT_BASE (31000: gateway 31000, services 31001-31004,
#        management 31010-31014, Keycloak 31020/31021, Kafka 31030/31031, PostgreSQL 31040, simulator 31050,
#        SMTP 31060/31061), LOAD_DATA_DIR (.data/bench-load, wiped at every start), PLATFORM_TOOLS_DIR
#        (.data/tools), LOAD_PLATFORM_ENV (a platform.env file of a running platform, e.g.
#        .data/system-tests/platform.env: used as it is, neither started nor stopped), LOAD_DOCS (1; 0 leaves docs/ alone).
# The gateway's rate limits are raised for the run: every virtual user comes from one address.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"

SHORT=""; [[ "${1:-}" == --short ]] && SHORT=1
RATE="${LOAD_RATE:-${SHORT:+2}}"; RATE="${RATE:-5}"
RUN_SECONDS="${LOAD_SECONDS:-${SHORT:+20}}"; RUN_SECONDS="${RUN_SECONDS:-60}"
WARMUP="${LOAD_WARMUP:-${SHORT:+5}}"; WARMUP="${WARMUP:-15}"
RATIO_SECONDS="${LOAD_RATIO_SECONDS:-${SHORT:+10}}"; RATIO_SECONDS="${RATIO_SECONDS:-25}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-${SHORT:+10}}"; PGBENCH_SECONDS="${PGBENCH_SECONDS:-30}"
LISTINGS="${LOAD_LISTINGS:-8}"; NIGHTS="${LOAD_NIGHTS:-30}"; POLL_MS="${LOAD_POLL_MS:-100}"
CONFIRM_TIMEOUT_S="${LOAD_CONFIRM_TIMEOUT_S:-30}"; RATIO_USERS="${LOAD_RATIO_USERS:-4}"; RATIO_WARMUP="${LOAD_RATIO_WARMUP:-5}"
PGBENCH_SCALE="${PGBENCH_SCALE:-10}"; PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-8}"
WRITE_DOCS="${LOAD_DOCS:-1}"; [[ -n $SHORT ]] && WRITE_DOCS=0
COMMAND="bench/load/run.sh${1:+ $1}"

# --- the platform's environment: a running one, or ours on ports of its own -----------------------
OWN_PLATFORM=""
if [[ -n "${LOAD_PLATFORM_ENV:-}" ]]; then
  set -a; source "$LOAD_PLATFORM_ENV"; set +a
else
  OWN_PLATFORM=1
  BASE="${LOAD_PORT_BASE:-31000}"
  export PLATFORM_DATA_DIR="${LOAD_DATA_DIR:-$ROOT/.data/bench-load}"
  export PLATFORM_TOOLS_DIR="${PLATFORM_TOOLS_DIR:-$ROOT/.data/tools}"
  export PLATFORM_SKIP_BUILD=1 KEYCLOAK_START_TIMEOUT=600 SERVICE_START_TIMEOUT=300
  export GATEWAY_PORT=$BASE BOOKING_PORT=$((BASE + 1)) USER_PORT=$((BASE + 2)) PAYMENT_PORT=$((BASE + 3)) NOTIFICATION_PORT=$((BASE + 4))
  export GATEWAY_MANAGEMENT_PORT=$((BASE + 10)) BOOKING_MANAGEMENT_PORT=$((BASE + 11)) USER_MANAGEMENT_PORT=$((BASE + 12))
  export PAYMENT_MANAGEMENT_PORT=$((BASE + 13)) NOTIFICATION_MANAGEMENT_PORT=$((BASE + 14))
  export KEYCLOAK_PORT=$((BASE + 20)) KEYCLOAK_MGMT_PORT=$((BASE + 21)) KAFKA_PORT=$((BASE + 30)) KAFKA_CONTROLLER_PORT=$((BASE + 31))
  export PG_PORT=$((BASE + 40)) SIMULATOR_PORT=$((BASE + 50)) SMTP_PORT=$((BASE + 60)) SMTP_API_PORT=$((BASE + 61))
  unlimited=1000000000
  limits=""
  for route in LISTINGS BOOKINGS USERS PAYMENTS NOTIFICATIONS GATEWAY TOKEN_VERIFICATION; do
    limits+="${route}_RATE_LIMIT_CAPACITY=$unlimited ${route}_RATE_LIMIT_REFILL=$unlimited "
  done
  export GATEWAY_EXTRA_ENV="${GATEWAY_EXTRA_ENV:-$limits}"
fi
source "$ROOT/deploy/local/lib/common.sh"
source "$LOCAL_DIR/lib/postgres.sh"
source "$LOCAL_DIR/lib/platform-env.sh"
source "$LOCAL_DIR/lib/services.sh"
source "$BENCH_DIR/../lib.sh"

OUT="$DATA_ROOT/bench-load-run"
RUN_ID="$(date -u +%H%M%S)$RANDOM"
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"; BOOKING_URL="http://127.0.0.1:$BOOKING_PORT"
KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"   # the tokens name the issuer of --hostname (localhost) whatever address is asked
SAMPLER_PID=""

platform() { # ./platform with this environment, its output in $OUT
  "$ROOT/platform" "$@" > "$OUT/platform-$1.log" 2>&1
}
cleanup() {
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n $OWN_PLATFORM ]]; then
    step "Stopping the platform"
    platform down || true
    ok "stopped (log: $OUT/platform-down.log)"
  fi
}

check_java_maven; check_postgres
require_cmd "$PG_BIN/pgbench" "pgbench ships with the PostgreSQL server package."
rm -rf "$OUT"; mkdir -p "$OUT"

step "Compiling the Gatling simulations (bench/load/pom.xml; Gatling from Maven Central, once)"
mvn -B -q -f "$BENCH_DIR/pom.xml" test-compile > "$OUT/gatling-compile.log" 2>&1 \
  || { tail -30 "$OUT/gatling-compile.log" >&2; die "the simulations did not compile; see $OUT/gatling-compile.log"; }

if [[ -n $OWN_PLATFORM ]]; then
  for m in payment-simulator booking-service user-service payment-service notification-service gateway; do
    if [[ ! -f "$ROOT/$m/target/quarkus-app/quarkus-run.jar" ]]; then
      step "Packaging the services (a jar is missing)"
      (cd "$ROOT" && mvn -B -q -pl payment-simulator,booking-service,user-service,payment-service,notification-service,gateway -am \
        package -DskipTests -Dquarkus.kubernetes.deploy=false) > "$OUT/build.log" 2>&1 \
        || { tail -30 "$OUT/build.log" >&2; die "the build failed; see $OUT/build.log"; }
      break
    fi
  done
  step "Starting the platform (./platform up, data in $PLATFORM_DATA_DIR, gateway on :$GATEWAY_PORT)"
  trap cleanup EXIT
  platform down --wipe || true
  mkdir -p "$OUT"
  env | grep -E '^(PLATFORM_|KEYCLOAK_START|SERVICE_START|[A-Z_]*_PORT=|GATEWAY_EXTRA_ENV)' | sed "s/=\(.*\)/='\1'/" > "$PLATFORM_DATA_DIR/platform.env"
  t_up=$SECONDS
  platform up || { tail -30 "$OUT/platform-up.log" >&2; die "./platform up failed; see $OUT/platform-up.log"; }
  ok "up in $((SECONDS - t_up)) s (log: $OUT/platform-up.log; environment: $PLATFORM_DATA_DIR/platform.env)"
fi
set -a; source "$LOCAL_HOME/secrets.env"; set +a

# --- the catalogue of the run: LISTINGS listings in a city of their own, a large capacity every night --
step "Creating $LISTINGS listings with $NIGHTS open nights (operator olivia, through the gateway)"
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
OPERATOR_TOKEN="$(curl -fsS -d grant_type=password -d client_id=booking-web -d username=olivia -d "password=$DEMO_PASSWORD" \
  "$KEYCLOAK_URL/realms/booking/protocol/openid-connect/token" | json_field access_token)"
[[ -n $OPERATOR_TOKEN ]] || die "no operator token from Keycloak"
CITY="Loadtown-$RUN_ID"
FIRST_NIGHT="$(date -u -d 'tomorrow' +%FT00:00:00Z)"
LAST_NIGHT="$(date -u -d "tomorrow + $NIGHTS days" +%FT00:00:00Z)"
LISTING_IDS=""
for i in $(seq 1 "$LISTINGS"); do
  id="$(curl -fsS -H "Authorization: Bearer $OPERATOR_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Load room $i\",\"category\":\"STAY\",\"city\":\"$CITY\",\"timeZone\":\"UTC\",\"slotMinutes\":1440,\"unitPrice\":{\"amount\":9900,\"currency\":\"EUR\"}}" \
    "$GATEWAY_URL/api/v1/listings" | json_field id)"
  [[ -n $id ]] || die "the listing was not created"
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $OPERATOR_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"from\":\"$FIRST_NIGHT\",\"to\":\"$LAST_NIGHT\",\"capacity\":100000}" "$GATEWAY_URL/api/v1/listings/$id/inventory" \
    || die "the inventory of listing $id was not opened"
  LISTING_IDS+="$id "
done
curl -fsS -o /dev/null "$BOOKING_URL/listings?city=$CITY" || die "booking-service does not answer the search on its own port"
ok "city $CITY: $LISTING_IDS"

# One journey, retried until it ends CONFIRMED, before any load: freshly started services answer their
# first requests slowly (Keycloak's admin API, the Kafka consumers' group join), and a first wave of
# timeouts would open the gateway's circuit breakers for the whole warm-up.
prime() {
  local email="prime-$RUN_ID@bench.example" password="prime-password-$RUN_ID" token booking status try
  curl -fsS -o /dev/null --max-time 15 -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Prime\",\"locale\":\"en\"}" "$GATEWAY_URL/api/v1/users" || return 1
  token="$(curl -fsS -d grant_type=password -d client_id=booking-web -d "username=$email" -d "password=$password" \
    "$KEYCLOAK_URL/realms/booking/protocol/openid-connect/token" | json_field access_token)"
  booking="$(curl -fsS --max-time 15 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H "Idempotency-Key: prime-$RUN_ID" \
    -d "{\"listingId\":\"${LISTING_IDS%% *}\",\"start\":\"$FIRST_NIGHT\",\"end\":\"$(date -u -d "$FIRST_NIGHT + 1 day" +%FT%TZ)\",\"quantity\":1}" \
    "$GATEWAY_URL/api/v1/bookings" | json_field id)"
  curl -fsS -o /dev/null --max-time 15 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H "Idempotency-Key: prime-pay-$RUN_ID" \
    -d "{\"bookingId\":\"$booking\",\"paymentMethod\":\"pm_card_visa\"}" "$GATEWAY_URL/api/v1/payments" || return 1
  for try in $(seq 1 60); do
    status="$(curl -fsS -H "Authorization: Bearer $token" "$GATEWAY_URL/api/v1/bookings/$booking" | json_field status)"
    [[ $status == CONFIRMED ]] && return 0
    sleep 0.5
  done
  return 1
}
step "Priming: one journey until it is CONFIRMED"
t_prime=$SECONDS
for attempt in 1 2 3 4 5 6; do
  RUN_ID_BASE=${RUN_ID_BASE:-$RUN_ID}; RUN_ID="$RUN_ID_BASE-$attempt"
  prime 2>/dev/null && break
  (( attempt < 6 )) || die "no journey was confirmed after 6 tries; see $LOCAL_HOME/logs"
  sleep 10
done
RUN_ID="$RUN_ID_BASE"
ok "a journey was confirmed ($((SECONDS - t_prime)) s, attempt $attempt)"

export LOAD_RUN_ID="$RUN_ID" LOAD_KEYCLOAK_URL="$KEYCLOAK_URL" LOAD_GATEWAY_URL="$GATEWAY_URL" LOAD_BOOKING_URL="$BOOKING_URL"
export LOAD_LISTINGS="$LISTING_IDS" LOAD_CITY="$CITY" LOAD_FIRST_NIGHT="$FIRST_NIGHT" LOAD_NIGHTS="$NIGHTS"
export LOAD_POLL_MS="$POLL_MS" LOAD_CONFIRM_TIMEOUT_S="$CONFIRM_TIMEOUT_S" LOAD_RATE="$RATE" LOAD_SECONDS="$RUN_SECONDS"
export LOAD_WARMUP="$WARMUP" LOAD_RATIO_USERS="$RATIO_USERS" LOAD_RATIO_SECONDS="$RATIO_SECONDS"
gatling() { # simulation events-file: runs it in the background, GATLING_PID
  LOAD_EVENTS="$2" setsid mvn -B -f "$BENCH_DIR/pom.xml" gatling:test -Dgatling.simulationClass="org.bookingplatform.bench.load.$1" \
    -Dgatling.resultsFolder="$OUT/gatling" > "$OUT/gatling-$1.log" 2>&1 &
  GATLING_PID=$!
}

# --- each process's CPU ticks and RSS, every second -----------------------------------------------
PROCESSES=()
for entry in $SERVICES; do PROCESSES+=("${entry%%:*}=$(cat "$LOCAL_HOME/run/${entry%%:*}.pid")"); done
PROCESSES+=("keycloak=$(cat "$LOCAL_HOME/keycloak/keycloak.pid")" "kafka=$(cat "$KAFKA_HOME_DIR/kafka.pid")"
  "postgresql=$(head -1 "$PG_HOME/data/postmaster.pid")" "payment-simulator=$(cat "$LOCAL_HOME/run/payment-simulator.pid")"
  "smtp-sink=$(cat "$LOCAL_HOME/run/smtp-sink.pid")")
rss_tree() { # pid -> MB of the process and its children (PostgreSQL: the backends, shared buffers counted in each)
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" 2>/dev/null || true); do total=$((total + $(rss_mb "$pid" || echo 0))); done
  echo "$total"
}
sample() { # file name=pid...: one line per process and second: epoch-ms name ticks rss-MB
  local file=$1 kv t; shift
  while :; do
    t="$(now_ms)"
    for kv in "$@"; do echo "$t ${kv%%=*} $(cpu_ticks "${kv#*=}") $(rss_tree "${kv#*=}")"; done >> "$file"
    sleep 1
  done
}
commits() { pg_psql -d postgres -tA -c "SELECT sum(xact_commit) FROM pg_stat_database WHERE datname IN ('booking_service', 'user_service', 'payment_service', 'notification_service', 'keycloak')"; }

# --- the journey ----------------------------------------------------------------------------------
LOAD_BEFORE="$(load_average)"; RUN_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
step "Journeys: $RATE/s for ${WARMUP} s of warm-up + ${RUN_SECONDS} s measured ($(nproc) cores, load average $LOAD_BEFORE)"
commits_before="$(commits)"; t_before="$(now_ms)"
gatling JourneySimulation "$OUT/journey.csv"
sample "$OUT/samples.txt" "${PROCESSES[@]}" "gatling=$GATLING_PID" &
SAMPLER_PID=$!
wait "$GATLING_PID" || { tail -30 "$OUT/gatling-JourneySimulation.log" >&2; die "Gatling failed; see $OUT/gatling-JourneySimulation.log"; }
kill "$SAMPLER_PID"; SAMPLER_PID=""
commits_after="$(commits)"; t_after="$(now_ms)"
LOAD_AFTER="$(load_average)"

step "Direct versus gateway: GET listings?city=, $RATIO_USERS users back to back, ${RATIO_SECONDS} s each"
gatling DirectVsGatewaySimulation "$OUT/ratio.csv"
wait "$GATLING_PID" || { tail -30 "$OUT/gatling-DirectVsGatewaySimulation.log" >&2; die "Gatling failed; see $OUT/gatling-DirectVsGatewaySimulation.log"; }

step "pgbench TPC-B on the same PostgreSQL (database pgbench_baseline): -i -s $PGBENCH_SCALE, then -c $PGBENCH_CLIENTS -j 2 -T $PGBENCH_SECONDS"
PGOPTIONS="-c client_min_messages=warning" pg_psql -d postgres -c "DROP DATABASE IF EXISTS pgbench_baseline" -c "CREATE DATABASE pgbench_baseline"
PGPASSWORD= "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -q -s "$PGBENCH_SCALE" pgbench_baseline > "$OUT/pgbench-init.log" 2>&1
PGPASSWORD= "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "$PGBENCH_CLIENTS" -j 2 -T "$PGBENCH_SECONDS" pgbench_baseline > "$OUT/pgbench.log" 2>&1
TPS="$(awk '/^tps/ { print $3; exit }' "$OUT/pgbench.log")"
pg_psql -d postgres -c "DROP DATABASE pgbench_baseline"

# --- the figures ----------------------------------------------------------------------------------
step "Results"
java "$BENCH_DIR/Report.java" "$OUT/journey.csv" "$OUT/ratio.csv" "$WARMUP" "$RUN_SECONDS" "$RATIO_WARMUP" "$RATE" \
  "$OUT/load-benchmark.svg" "$OUT/window.txt" > "$OUT/report.txt"
read -r FROM TO < "$OUT/window.txt"
{
  cat "$OUT/report.txt"
  echo "CPU (% of one core over the measured window, children included) and RSS (MB, start -> end of the window):"
  awk -v from="$FROM" -v to="$TO" -v hz="$(getconf CLK_TCK)" '
    $1 >= from && $1 <= to {
      if (!($2 in t0)) { order[++n] = $2; t0[$2] = $1; c0[$2] = $3; r0[$2] = $4 }
      t1[$2] = $1; c1[$2] = $3; r1[$2] = $4
    }
    END {
      for (i = 1; i <= n; i++) {
        p = order[i]; s = (t1[p] - t0[p]) / 1000
        cpu = s > 0 ? (c1[p] - c0[p]) / hz / s * 100 : 0
        if (p != "gatling") total += cpu
        printf "  %-22s CPU %6.1f %%   RSS %5d -> %5d MB\n", p, cpu, r0[p], r1[p]
      }
      printf "  %-22s CPU %6.1f %%   (of %d cores: %.0f %%)\n", "all but gatling", total, cores, total / cores
    }' cores="$(nproc)" "$OUT/samples.txt"
  awk -v c="$((commits_after - commits_before))" -v ms="$((t_after - t_before))" -v tps="$TPS" -v rate="$RATE" 'BEGIN {
    cps = c / (ms / 1000)
    printf "PostgreSQL: %d commits in the 5 databases during the journey run (warm-up included): %.1f/s, %.1f per offered journey\n", c, cps, cps / rate
    printf "pgbench TPC-B baseline: %.1f TPS   ratio load commits/s / pgbench TPS: %.3f   journeys/s / pgbench TPS: %.4f\n", tps, cps / tps, rate / tps
  }'
  echo "load average: before the journeys $LOAD_BEFORE, after $LOAD_AFTER"
} | tee "$OUT/figures.txt"
ok "chart: $OUT/load-benchmark.svg; Gatling's reports: $OUT/gatling; event logs: $OUT/journey.csv, $OUT/ratio.csv"

# --- docs/benchmarks.md, section "Load" -----------------------------------------------------------
if [[ $WRITE_DOCS == 1 ]]; then
  cp "$OUT/load-benchmark.svg" "$ROOT/docs/images/load-benchmark.svg"
  SECTION="$OUT/section.md"
  if [[ -n $OWN_PLATFORM ]]; then
    WHAT_RUNS="the local platform started by the script with \`./platform up\` (packaged jars, the platform's JVM flags"
    WHAT_RUNS+=" \`$SERVICE_JVM_OPTS\`, ports from $BASE, data in \`${PLATFORM_DATA_DIR#"$ROOT"/}\`) and stopped afterwards"
  else
    WHAT_RUNS="the running platform of \`$LOAD_PLATFORM_ENV\`"
  fi
  {
    echo "## Load"
    echo
    echo "Written by \`bench/load/run.sh\` (do not edit by hand: the next run replaces this section)."
    echo
    echo "### Command"
    echo
    echo '```'
    echo "$COMMAND   # LOAD_RATE=$RATE LOAD_SECONDS=$RUN_SECONDS LOAD_WARMUP=$WARMUP LOAD_LISTINGS=$LISTINGS LOAD_POLL_MS=$POLL_MS LOAD_RATIO_USERS=$RATIO_USERS LOAD_RATIO_SECONDS=$RATIO_SECONDS PGBENCH_SCALE=$PGBENCH_SCALE PGBENCH_CLIENTS=$PGBENCH_CLIENTS PGBENCH_SECONDS=$PGBENCH_SECONDS"
    echo '```'
    echo
    echo "What runs: $WHAT_RUNS:"
    echo "PostgreSQL 15 (one server, the durable defaults), Kafka, Keycloak, the SMTP sink, the payment simulator and the five"
    echo "services, all on this machine with the load generator (Gatling $(sed -n 's:.*<gatling.version>\(.*\)</gatling.version>.*:\1:p' "$BENCH_DIR/pom.xml"), Java DSL, one JVM \`-Xmx512m -XX:+UseSerialGC\`)."
    echo "The gateway's rate limits are raised for the run (every virtual user comes from one address)."
    echo
    echo "- **Journey** (\`JourneySimulation.java\`, open model: $RATE new virtual users a second whatever the answers, for $WARMUP s of warm-up"
    echo "  that is not counted, then $RUN_SECONDS s): each is a new customer: sign up (\`POST /api/v1/users\`), token (Keycloak, password"
    echo "  grant of \`booking-web\`), search (\`GET /api/v1/listings?city=&from=&to=&quantity=1\` over $LISTINGS listings of one city),"
    echo "  availability of one listing, hold (\`POST /api/v1/bookings\`, one of $NIGHTS nights at random, \`Idempotency-Key\`),"
    echo "  payment (\`POST /api/v1/payments\`, \`pm_card_visa\`), then \`GET /api/v1/bookings/{id}\` every $POLL_MS ms until"
    echo "  CONFIRMED (at most $CONFIRM_TIMEOUT_S s). A failed step ends its journey. **hold -> CONFIRMED** is what the customer"
    echo "  sees: from the hold's 201 to the first poll answering CONFIRMED (so it includes the payment call and up to"
    echo "  $POLL_MS ms of polling). Percentiles are exact over every request of the journeys started in the measured window."
    echo "- **Direct versus gateway** (\`DirectVsGatewaySimulation.java\`, closed model): the same anonymous search by"
    echo "  $RATIO_USERS users back to back for $RATIO_SECONDS s, first against booking-service's own port (\`/listings\`), then"
    echo "  through the gateway (\`/api/v1/listings\`); the first $RATIO_WARMUP s of each are dropped."
    echo "- **pgbench**: TPC-B (\`pgbench -i -s $PGBENCH_SCALE\`, then \`-c $PGBENCH_CLIENTS -j 2 -T $PGBENCH_SECONDS\`) on the same"
    echo "  PostgreSQL server, in a database of its own, with the platform idle. The ratio set against it: the commits/s the"
    echo "  journeys caused in the platform's five databases (\`pg_stat_database.xact_commit\`)."
    echo "- **CPU and RSS**: \`/proc/<pid>/stat\` (utime + stime, the process and its children) and \`VmRSS\` of"
    echo "  \`/proc/<pid>/status\`, sampled every second; CPU over the measured window in % of one core."
    echo
    echo "### Figures ($RUN_DATE)"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -m | awk '/^Mem:/ { printf "%.1f GB RAM", $2 / 1024 }'), $(uname -sr), $(java -version 2>&1 | head -1);"
    echo "load average $LOAD_BEFORE before the journeys, $LOAD_AFTER after (the machine is shared with other work)."
    echo
    echo '```'
    cat "$OUT/figures.txt"
    echo '```'
    echo
    echo "![Latency and throughput per second](images/load-benchmark.svg)"
    echo
  } > "$SECTION"
  # Replace the section (from "## Load" to the next "## " heading), or append it.
  awk -v section="$SECTION" '
    /^## Load$/ { while ((getline line < section) > 0) print line; skip = 1; done = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }
    END { if (!done) { print ""; while ((getline line < section) > 0) print line } }' \
    "$ROOT/docs/benchmarks.md" > "$OUT/benchmarks.md"
  cp "$OUT/benchmarks.md" "$ROOT/docs/benchmarks.md"
  ok "docs/benchmarks.md (section Load) and docs/images/load-benchmark.svg written"
fi

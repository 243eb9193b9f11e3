#!/usr/bin/env bash
# Gateway benchmark. One run measures two backends, each at the same concurrency on the same
# route, three ways:
#   direct   wrk -> backend
#   nginx    wrk -> nginx as a plain reverse proxy -> backend
#   gateway  wrk -> gateway (prod mode, JWT verified, rate limiter, breaker, request ids) -> backend
# The backends:
#   stub     "proxy overhead isolated": nginx answering GET /bookings/b1 with a fixed JSON, so
#            that nearly all the work measured is the proxy's;
#   service  "real service": booking-service in prod mode (java -jar) with its own PostgreSQL and
#            Kafka, GET /bookings/{id} of a booking owned by the token's subject; the service
#            verifies the same bearer token against the same key server as the gateway.
# Loopback only, about 6½ minutes. Prints throughput, p50 and p99, CPU per request and the ratios.
#
# Usage: bench/gateway/run.sh
# Knobs: DURATION (20s), WARMUP (60s, whole seconds: on 2 busy cores the JIT needs that long; the
#        gateway's JIT time in the measured window is printed), CONNECTIONS (64), THREADS (1), SCENARIOS ("stub service"),
#        GATEWAY_JAVA_OPTS (the deployment's flags), SERVICE_JAVA_OPTS, SERVICE_DB_POOL_SIZE (16),
#        RATE_LIMIT_STORE (memory; redis starts a redis-server for the gateway's buckets, whose
#        CPU then counts as the gateway's),
#        BENCH_GATEWAY_PG_PORT (29194), BENCH_GATEWAY_KAFKA_PORT (29192), BENCH_GATEWAY_KAFKA_CONTROLLER_PORT (29193):
#        below the ephemeral port range, which the load's own connections use.
# PostgreSQL and Kafka data and the processes' logs: .data/bench-gateway (wiped at every run).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
source "$BENCH_DIR/../../deploy/local/lib/common.sh"
source "$LOCAL_DIR/lib/postgres.sh"
source "$LOCAL_DIR/lib/kafka.sh"
source "$BENCH_DIR/../lib.sh"

DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-60s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-1}"
SCENARIOS="${SCENARIOS:-stub service}"
RATE_LIMIT_STORE="${RATE_LIMIT_STORE:-memory}"
# The deployment's flags and event loops (deploy/k8s/base/gateway.yaml).
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -Dquarkus.vertx.event-loops-pool-size=1}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
SERVICE_DB_POOL_SIZE="${SERVICE_DB_POOL_SIZE:-16}"
# Own ports and folder: never those of bench/booking (55434, 29092), the tests (55433, 19092)
# or the local platform (55432, 9092).
BENCH_HOME="$DATA_ROOT/bench-gateway"
PG_PORT="${BENCH_GATEWAY_PG_PORT:-29194}"; PG_PORT_VAR=BENCH_GATEWAY_PG_PORT
PG_HOME="$BENCH_HOME/postgres"
PG_TUNING=""
SERVICE_DATABASES="booking_service"
KAFKA_PORT="${BENCH_GATEWAY_KAFKA_PORT:-29192}"; KAFKA_PORT_VAR=BENCH_GATEWAY_KAFKA_PORT
KAFKA_CONTROLLER_PORT="${BENCH_GATEWAY_KAFKA_CONTROLLER_PORT:-29193}"
KAFKA_HOME_DIR="$BENCH_HOME/kafka"
KAFKA_HEAP="-Xms128m -Xmx256m"
LOGS="$BENCH_HOME/logs"
SERVICE_PIDFILE="$BENCH_HOME/service.pid"

# The booking of the service scenario, owned by the token's subject.
SUBJECT="3f1c2a64-7d2e-4a51-9b0c-5be0d1b6a001"
LISTING_ID="6c0e2b1a-0000-4000-8000-00000000be01"
BOOKING_ID="b00c1e5a-0000-4000-8000-00000000be01"

WORK="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
PIDS=()
GATEWAY_PID=""
SERVICE_STARTED=""

cleanup() {
  stop_gateway
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "$SERVICE_STARTED" ]]; then
    stop_pid booking-service "$SERVICE_PIDFILE" >/dev/null || true
    kafka_stop >/dev/null || true
    pg_stop >/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need nginx || ! need wrk || ! need openssl || ! need curl || ! need pgrep \
   || { [[ $RATE_LIMIT_STORE == redis ]] && ! need redis-server; }; then
  echo "installing nginx, wrk, openssl, curl, procps, redis-server (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk openssl curl procps redis-server >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# Each jar is copied before it is started: a rebuild while the benchmark runs must not replace
# classes under a running JVM.
copy_app() { # module -> path of the copied quarkus-run.jar
  if [[ ! -f "$ROOT_DIR/$1/target/quarkus-app/quarkus-run.jar" ]]; then
    echo "building $1" >&2
    mvn -B -q -o -f "$ROOT_DIR/$1/pom.xml" package -DskipTests >&2
  fi
  cp -r "$ROOT_DIR/$1/target/quarkus-app" "$WORK/$1"
  echo "$WORK/$1/quarkus-run.jar"
}
GATEWAY_JAR="$(copy_app gateway)"

# Free loopback ports (nothing answers a connect), apart from the fixed PostgreSQL and Kafka ones,
# and below the ephemeral range: a port picked there can be taken by one of the load's own
# connections before its server starts (it happened to booking-service's, after the stub scenario).
EPHEMERAL_LOW="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range)"
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % (EPHEMERAL_LOW - 20000)))
    if [[ $port -ne $KAFKA_PORT && $port -ne $KAFKA_CONTROLLER_PORT && $port -ne $PG_PORT ]] && ! port_open "$port"; then echo "$port"; return; fi
  done
}
BACKEND_PORT="$(free_port)"
IDP_PORT="$(free_port)"
NGINX_STUB_PORT="$(free_port)"
NGINX_SERVICE_PORT="$(free_port)"
GATEWAY_PORT="$(free_port)"
GATEWAY_MANAGEMENT_PORT="$(free_port)"
SERVICE_PORT="$(free_port)"
SERVICE_MANAGEMENT_PORT="$(free_port)"
mkdir -p "$LOGS"

# --- a signing key, its JWKS, and a customer token valid for a day -----------------------------
b64url() { basenc --base64url -w0 | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
MODULUS="$(openssl rsa -in "$WORK/key.pem" -noout -modulus | cut -d= -f2 | basenc --base16 -d | b64url)"
ISSUER="http://127.0.0.1:${IDP_PORT}/realms/booking"
NOW="$(date +%s)"
HEADER='{"alg":"RS256","typ":"JWT","kid":"bench"}'
PAYLOAD="{\"iss\":\"${ISSUER}\",\"aud\":\"booking-platform\",\"sub\":\"${SUBJECT}\",\"iat\":${NOW},\"exp\":$((NOW + 86400)),\"realm_access\":{\"roles\":[\"customer\"]}}"
SIGNING_INPUT="$(printf '%s' "$HEADER" | b64url).$(printf '%s' "$PAYLOAD" | b64url)"
SIGNATURE="$(printf '%s' "$SIGNING_INPUT" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
TOKEN="${SIGNING_INPUT}.${SIGNATURE}"
JWKS="{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"bench\",\"n\":\"${MODULUS}\",\"e\":\"AQAB\"}]}"
DISCOVERY="{\"issuer\":\"${ISSUER}\",\"jwks_uri\":\"${ISSUER}/protocol/openid-connect/certs\",\"token_endpoint\":\"${ISSUER}/protocol/openid-connect/token\",\"authorization_endpoint\":\"${ISSUER}/protocol/openid-connect/auth\"}"

# --- nginx: the stub backend and the identity provider's keys; a second nginx as the reverse proxy --
# Two nginx instances so that the proxy's own CPU time can be told apart from the backend's.
nginx_conf() { # dir servers
  mkdir -p "$1"
  cat > "$1/nginx.conf" <<CONF
worker_processes auto;
pid $1/nginx.pid;
error_log $1/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $1/body;
  proxy_temp_path $1/proxy;
  fastcgi_temp_path $1/fastcgi;
  uwsgi_temp_path $1/uwsgi;
  scgi_temp_path $1/scgi;
  keepalive_requests 1000000;
$2
}
CONF
}
nginx_conf "$WORK/backend" "
  server {
    listen 127.0.0.1:${BACKEND_PORT};
    default_type application/json;
    location / { return 200 '{\"id\":\"b1\",\"listingId\":\"l1\",\"status\":\"CONFIRMED\",\"quantity\":1}'; }
  }
  server {
    listen 127.0.0.1:${IDP_PORT};
    default_type application/json;
    location = /realms/booking/.well-known/openid-configuration { return 200 '${DISCOVERY}'; }
    location = /realms/booking/protocol/openid-connect/certs { return 200 '${JWKS}'; }
  }"
# The same plain reverse proxy in front of each backend, one port each.
proxy_server() { # listen-port upstream-name upstream-port
  echo "
  upstream $2 { server 127.0.0.1:$3; keepalive 128; }
  server {
    listen 127.0.0.1:$1;
    location /api/v1/ {
      proxy_pass http://$2/;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
    }
  }"
}
nginx_conf "$WORK/proxy" "$(proxy_server "$NGINX_STUB_PORT" stub "$BACKEND_PORT")$(proxy_server "$NGINX_SERVICE_PORT" service "$SERVICE_PORT")"
"$NGINX" -p "$WORK/backend" -c "$WORK/backend/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
BACKEND_NGINX_PID=$!
"$NGINX" -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
NGINX_PROXY_PID=$!

# The shared rate-limit store, when asked for: Redis as the Kubernetes manifest uses it.
REDIS_PID=""
if [[ $RATE_LIMIT_STORE == redis ]]; then
  REDIS_PORT="$(free_port)"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning > "$LOGS/redis.log" 2>&1 &
  REDIS_PID=$!
  PIDS+=("$REDIS_PID")
  wait_for redis 30 port_open "$REDIS_PORT" || die "redis-server did not start; see $LOGS/redis.log"
fi

# --- the gateway, as in production; one JVM per backend, since the route's service URL is fixed at start --
start_gateway() { # booking-service URL
  RATE_LIMIT_STORE="$RATE_LIMIT_STORE" REDIS_URL="redis://127.0.0.1:${REDIS_PORT:-6379}" \
  BOOKING_SERVICE_URL="$1" \
  OIDC_AUTH_SERVER_URL="$ISSUER" \
  GATEWAY_PORT="$GATEWAY_PORT" MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" \
  BOOKINGS_RATE_LIMIT_CAPACITY=1000000000 BOOKINGS_RATE_LIMIT_REFILL=1000000000 \
  TOKEN_VERIFICATION_RATE_LIMIT_CAPACITY=1000000000 TOKEN_VERIFICATION_RATE_LIMIT_REFILL=1000000000 \
  QUARKUS_LOG_LEVEL=WARN \
    java $GATEWAY_JAVA_OPTS -jar "$GATEWAY_JAR" > "$LOGS/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  wait_for gateway 60 http_ok "http://127.0.0.1:${GATEWAY_MANAGEMENT_PORT}/q/health/ready" \
    || { cat "$LOGS/gateway.log" >&2; die "the gateway did not become ready"; }
}
stop_gateway() {
  [[ -n "$GATEWAY_PID" ]] || return 0
  kill "$GATEWAY_PID" 2>/dev/null || true
  wait "$GATEWAY_PID" 2>/dev/null || true
  GATEWAY_PID=""
}

authorized_ok() { curl -fsS -o /dev/null --max-time 5 -H "Authorization: Bearer $TOKEN" "$1" 2>/dev/null; }
run_wrk() { # duration url -> wrk output
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -H "Authorization: Bearer $TOKEN" "$2"
}
to_ms() { # wrk latency ("812.00us", "1.23ms", "1.01s") -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
measure() { # scenario name url whose-cpu pid... : one line, and <scenario>_<name>_{RPS,P99,CPU}
  local scenario=$1 name=$2 url=$3 whose=$4 out rps p50 p99 non2xx before after requests cpu_us jit_before jit=""
  local redis_before redis_after
  shift 4
  before="$(cpu_ticks "$@")"
  [[ $name == gateway ]] && jit_before="$(jit_seconds "$GATEWAY_PID")"
  [[ $name == gateway && -n $REDIS_PID ]] && redis_before="$(cpu_ticks "$REDIS_PID")"
  out="$(run_wrk "$DURATION" "$url")"
  after="$(cpu_ticks "$@")"
  requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
  per_request() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }'; }
  [[ $name == gateway && -n $REDIS_PID ]] && redis_after="$(cpu_ticks "$REDIS_PID")" \
    && whose="$whose: Redis $(per_request $((redis_after - redis_before)))"
  [[ $name == gateway ]] && jit="; JIT $(awk -v a="$jit_before" -v b="$(jit_seconds "$GATEWAY_PID")" 'BEGIN { printf "%.1f", b - a }') s of it"
  cpu_us="$(per_request $((after - before)))"
  rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' <<<"$out")"
  printf '%-8s %10s req/s   p50 %8s ms   p99 %8s ms   CPU %5s us/request (%s%s)   non-2xx %s\n' \
    "$name" "$rps" "$p50" "$p99" "$cpu_us" "$whose" "$jit" "${non2xx:-0}"
  eval "${scenario}_${name}_RPS=$rps ${scenario}_${name}_P99=$p99 ${scenario}_${name}_CPU=$cpu_us"
}
ratios() { # scenario
  local s=$1
  awk -v g="$(eval echo "\$${s}_gateway_RPS")" -v n="$(eval echo "\$${s}_nginx_RPS")" -v d="$(eval echo "\$${s}_direct_RPS")" \
      -v gp="$(eval echo "\$${s}_gateway_P99")" -v np="$(eval echo "\$${s}_nginx_P99")" -v dp="$(eval echo "\$${s}_direct_P99")" \
      -v gc="$(eval echo "\$${s}_gateway_CPU")" -v nc="$(eval echo "\$${s}_nginx_CPU")" 'BEGIN {
    printf "  throughput gateway/nginx %.2f   gateway/direct %.2f\n", g / n, g / d
    printf "  p99        gateway/nginx %.2f   gateway/direct %.2f\n", gp / np, gp / dp
    printf "  CPU per request gateway/nginx %.1f\n", gc / nc
    printf "  goal (>= 0.80 throughput, <= 1.50 p99 of nginx): %s\n", (g / n >= 0.8 && gp / np <= 1.5) ? "met" : "missed"
  }'
}
# The load in rounds of 10 s, each on new connections, ending right before the measurement. A warm-up
# of one long run that ends well before the measurement leaves the gateway's JIT a cold start
# there: the idle minute lets the token cache and the rate limiter's buckets empty, and new
# connections take the accept path, which the compiled event loop never saw. Measured: 3.6 s of JIT
# CPU (a fifth of the gateway's) in the window, compiled code dropped for NioEventLoop.select,
# AccessFilter.handle, Caffeine's computeIfAbsent and the connection pool's acquire.
warm_up() { # duration url
  local left="${1%s}"
  while (( left > 0 )); do
    run_wrk "$(( left < 10 ? left : 10 ))s" "$2" > /dev/null
    left=$(( left - 10 ))
  done
}
run_scenario() { # scenario title direct-url nginx-url gateway-url backend-label backend-pid...
  local s=$1 title=$2 direct=$3 nginx=$4 gateway=$5 backend=$6
  shift 6
  echo
  echo "== $title"
  echo "wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency, GET with a bearer token, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "(each proxy is warmed up right before it is measured: ${WARMUP} through the gateway, 5s through nginx)"
  warm_up "$WARMUP" "$gateway"
  measure "$s" gateway "$gateway" "gateway${REDIS_PID:+ + Redis}" "$GATEWAY_PID" $REDIS_PID
  warm_up 5s "$nginx"
  measure "$s" nginx "$nginx" "nginx proxy" "$NGINX_PROXY_PID"
  measure "$s" direct "$direct" "$backend" "$@"
  ratios "$s"
}

wait_for "key server" 30 http_ok "http://127.0.0.1:${IDP_PORT}/realms/booking/protocol/openid-connect/certs" \
  || die "nginx did not start; see $WORK/backend/error.log"

# --- scenario 1: the stub backend -----------------------------------------------------------------
if [[ " $SCENARIOS " == *" stub "* ]]; then
  start_gateway "http://127.0.0.1:${BACKEND_PORT}"
  wait_for "gateway route" 30 authorized_ok "http://127.0.0.1:${GATEWAY_PORT}/api/v1/bookings/b1" || die "the gateway does not proxy to the stub"
  authorized_ok "http://127.0.0.1:${NGINX_STUB_PORT}/api/v1/bookings/b1" || die "nginx does not proxy to the stub"
  run_scenario stub "proxy overhead isolated (stub backend): GET /api/v1/bookings/b1 -> nginx return 200, 62 bytes" \
    "http://127.0.0.1:${BACKEND_PORT}/bookings/b1" \
    "http://127.0.0.1:${NGINX_STUB_PORT}/api/v1/bookings/b1" \
    "http://127.0.0.1:${GATEWAY_PORT}/api/v1/bookings/b1" \
    "stub backend" "$BACKEND_NGINX_PID"
  stop_gateway
fi

# --- scenario 2: booking-service with its own PostgreSQL and Kafka --------------------------------
if [[ " $SCENARIOS " == *" service "* ]]; then
  echo
  echo "starting PostgreSQL (:$PG_PORT), Kafka (:$KAFKA_PORT) and booking-service (prod mode) for the real-service scenario"
  SERVICE_JAR="$(copy_app booking-service)"
  check_postgres
  SERVICE_STARTED=1
  pg_stop >/dev/null; kafka_stop >/dev/null; pg_wipe; rm -rf "$KAFKA_HOME_DIR"
  pg_start >/dev/null
  kafka_start >/dev/null
  : > "$LOGS/booking-service.log"
  QUARKUS_HTTP_PORT="$SERVICE_PORT" MANAGEMENT_PORT="$SERVICE_MANAGEMENT_PORT" DB_PORT="$PG_PORT" DB_PASSWORD="$(db_password booking_service)" DB_POOL_SIZE="$SERVICE_DB_POOL_SIZE" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" OIDC_AUTH_SERVER_URL="$ISSUER" QUARKUS_LOG_LEVEL=WARN \
    start_bg "$SERVICE_PIDFILE" "$LOGS/booking-service.log" java $SERVICE_JAVA_OPTS -jar "$SERVICE_JAR"
  wait_for booking-service 90 http_ok "http://127.0.0.1:$SERVICE_MANAGEMENT_PORT/q/health/ready" \
    || die "booking-service did not become ready; see $LOGS/booking-service.log"
  # After the service's Flyway migrations: one listing and one confirmed booking of the token's subject.
  pg_psql -d booking_service <<SQL
INSERT INTO listing (id, name, category, city, time_zone, slot_minutes, unit_price_amount, currency)
VALUES ('$LISTING_ID', 'bench-gateway', 'STAY', 'Lisbon', 'Europe/Lisbon', 1440, 9000, 'EUR');
INSERT INTO booking (id, listing_id, customer_id, slot_start, slot_end, quantity, total_amount, currency, status, hold_expires_at)
VALUES ('$BOOKING_ID', '$LISTING_ID', '$SUBJECT', '2030-06-01T00:00:00Z', '2030-06-02T00:00:00Z', 1, 9000, 'EUR',
        'CONFIRMED', '2030-05-01T00:00:00Z');
SQL
  authorized_ok "http://127.0.0.1:$SERVICE_PORT/bookings/$BOOKING_ID" || die "booking-service does not serve the booking"
  start_gateway "http://127.0.0.1:${SERVICE_PORT}"
  authorized_ok "http://127.0.0.1:${GATEWAY_PORT}/api/v1/bookings/$BOOKING_ID" || die "the gateway does not proxy to booking-service"
  authorized_ok "http://127.0.0.1:${NGINX_SERVICE_PORT}/api/v1/bookings/$BOOKING_ID" || die "nginx does not proxy to booking-service"
  run_scenario service "real service: GET /api/v1/bookings/{id} -> booking-service (token verified again, PostgreSQL read)" \
    "http://127.0.0.1:$SERVICE_PORT/bookings/$BOOKING_ID" \
    "http://127.0.0.1:${NGINX_SERVICE_PORT}/api/v1/bookings/$BOOKING_ID" \
    "http://127.0.0.1:${GATEWAY_PORT}/api/v1/bookings/$BOOKING_ID" \
    "service + PostgreSQL" "$(cat "$SERVICE_PIDFILE")" "$(head -1 "$PG_DATA/postmaster.pid")"
fi

echo
echo "summary (gateway relative to nginx; goal >= 0.80 throughput and <= 1.50 p99):"
for s in $SCENARIOS; do
  awk -v s="$s" -v g="$(eval echo "\$${s}_gateway_RPS")" -v n="$(eval echo "\$${s}_nginx_RPS")" \
      -v gp="$(eval echo "\$${s}_gateway_P99")" -v np="$(eval echo "\$${s}_nginx_P99")" \
      -v gc="$(eval echo "\$${s}_gateway_CPU")" -v nc="$(eval echo "\$${s}_nginx_CPU")" 'BEGIN {
    printf "  %-8s throughput %.2f  p99 %.2f  CPU us/request %s vs %s  goal %s\n", s, g / n, gp / np, gc, nc,
      (g / n >= 0.8 && gp / np <= 1.5) ? "met" : "missed"
  }'
done

#!/usr/bin/env bash
# Gateway benchmark: the same backend route at the same concurrency, three ways:
#   direct   wrk -> backend (nginx answering a fixed JSON)
#   nginx    wrk -> nginx as a plain reverse proxy -> backend
#   gateway  wrk -> gateway (prod mode, JWT verified, rate limiter, breaker, request ids) -> backend
# Loopback only, bounded in time (about 2 minutes). Prints throughput, p50 and p99 and the ratios.
#
# Usage: bench/gateway/run.sh            (DURATION=20s CONNECTIONS=64 THREADS=1 WARMUP=30s to change)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-1}"
# Free loopback ports (nothing answers a connect), so the run never collides with services already up.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}
BACKEND_PORT="${BACKEND_PORT:-$(free_port)}"
NGINX_PROXY_PORT="${NGINX_PROXY_PORT:-$(free_port)}"
IDP_PORT="${IDP_PORT:-$(free_port)}"
GATEWAY_PORT="${GATEWAY_PORT:-$(free_port)}"
WORK="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need nginx || ! need wrk || ! need openssl || ! need curl || ! need pgrep; then
  echo "installing nginx, wrk, openssl, curl, procps (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk openssl curl procps >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" ]]; then
  echo "building the gateway"
  (cd "$ROOT" && mvn -B -q -f gateway/pom.xml package -DskipTests)
fi

# --- a signing key, its JWKS, and a customer token valid for a day -----------------------------
b64url() { basenc --base64url -w0 | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
MODULUS="$(openssl rsa -in "$WORK/key.pem" -noout -modulus | cut -d= -f2 | basenc --base16 -d | b64url)"
ISSUER="http://127.0.0.1:${IDP_PORT}/realms/booking"
NOW="$(date +%s)"
HEADER='{"alg":"RS256","typ":"JWT","kid":"bench"}'
PAYLOAD="{\"iss\":\"${ISSUER}\",\"sub\":\"3f1c2a64-7d2e-4a51-9b0c-5be0d1b6a001\",\"iat\":${NOW},\"exp\":$((NOW + 86400)),\"realm_access\":{\"roles\":[\"customer\"]}}"
SIGNING_INPUT="$(printf '%s' "$HEADER" | b64url).$(printf '%s' "$PAYLOAD" | b64url)"
SIGNATURE="$(printf '%s' "$SIGNING_INPUT" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
TOKEN="${SIGNING_INPUT}.${SIGNATURE}"
JWKS="{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"bench\",\"n\":\"${MODULUS}\",\"e\":\"AQAB\"}]}"
DISCOVERY="{\"issuer\":\"${ISSUER}\",\"jwks_uri\":\"${ISSUER}/protocol/openid-connect/certs\",\"token_endpoint\":\"${ISSUER}/protocol/openid-connect/token\",\"authorization_endpoint\":\"${ISSUER}/protocol/openid-connect/auth\"}"

# --- nginx: the backend and the identity provider's keys; a second nginx as the reverse proxy -----
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
nginx_conf "$WORK/proxy" "
  upstream backend { server 127.0.0.1:${BACKEND_PORT}; keepalive 128; }
  server {
    listen 127.0.0.1:${NGINX_PROXY_PORT};
    location /api/v1/ {
      proxy_pass http://backend/;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
    }
  }"
"$NGINX" -p "$WORK/backend" -c "$WORK/backend/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
"$NGINX" -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
NGINX_PROXY_PID=$!

# --- the gateway, as in production, pointed at the backend and the key server ---------------------
BOOKING_SERVICE_URL="http://127.0.0.1:${BACKEND_PORT}" \
OIDC_AUTH_SERVER_URL="$ISSUER" \
GATEWAY_PORT="$GATEWAY_PORT" \
BOOKINGS_RATE_LIMIT_CAPACITY=1000000000 BOOKINGS_RATE_LIMIT_REFILL=1000000000 \
QUARKUS_LOG_LEVEL=WARN \
  java -Xmx256m -XX:+UseSerialGC -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
GATEWAY_PID=$!

wait_for() {
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$@" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "not ready: $*" >&2; cat "$WORK/gateway.log" >&2; exit 1
}
wait_for "http://127.0.0.1:${BACKEND_PORT}/bookings/b1"
wait_for "http://127.0.0.1:${GATEWAY_PORT}/q/health/ready"
wait_for -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${GATEWAY_PORT}/api/v1/bookings/b1"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${NGINX_PROXY_PORT}/api/v1/bookings/b1"

DIRECT_URL="http://127.0.0.1:${BACKEND_PORT}/bookings/b1"
NGINX_URL="http://127.0.0.1:${NGINX_PROXY_PORT}/api/v1/bookings/b1"
GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT}/api/v1/bookings/b1"

run_wrk() { # duration url -> wrk output
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -H "Authorization: Bearer $TOKEN" "$2"
}
to_ms() { # wrk latency ("812.00us", "1.23ms", "1.01s") -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
cpu_ticks() { # pid... -> user+system clock ticks of these processes and their children (nginx workers)
  local total=0 pid
  for pid in "$@" $(pgrep -P "$(IFS=,; echo "$*")" 2>/dev/null || true); do
    [[ -r /proc/$pid/stat ]] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
measure() { # name url [pid of the proxy, for its CPU time per request]
  local out rps p50 p99 non2xx before after requests cpu_us="-"
  before="$(cpu_ticks ${3:-})"
  out="$(run_wrk "$DURATION" "$2")"
  after="$(cpu_ticks ${3:-})"
  requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
  if [[ -n "${3:-}" ]]; then
    cpu_us="$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')"
  fi
  rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' <<<"$out")"
  printf '%-8s %12s req/s   p50 %8s ms   p99 %8s ms   proxy CPU %5s us/request   non-2xx %s\n' \
    "$1" "$rps" "$p50" "$p99" "$cpu_us" "${non2xx:-0}"
  eval "${1}_RPS=$rps ${1}_P99=$p99 ${1}_CPU=$cpu_us"
}

echo "warming up the gateway (${WARMUP})"
run_wrk "$WARMUP" "$GATEWAY_URL" > /dev/null
run_wrk 5s "$NGINX_URL" > /dev/null

echo "wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency, GET /bookings/b1 with a bearer token, $(nproc) cores"
measure direct "$DIRECT_URL"
measure nginx "$NGINX_URL" "$NGINX_PROXY_PID"
measure gateway "$GATEWAY_URL" "$GATEWAY_PID"

echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (the ratios are only fair on an otherwise idle machine)"
awk -v g="$gateway_RPS" -v n="$nginx_RPS" -v d="$direct_RPS" -v gp="$gateway_P99" -v np="$nginx_P99" -v dp="$direct_P99" \
    -v gc="$gateway_CPU" -v nc="$nginx_CPU" 'BEGIN {
  printf "throughput gateway/nginx %.2f   gateway/direct %.2f\n", g / n, g / d
  printf "p99        gateway/nginx %.2f   gateway/direct %.2f\n", gp / np, gp / dp
  printf "CPU per request gateway/nginx %.1f\n", gc / nc
  printf "goal (>= 0.80 throughput, <= 1.50 p99 of nginx): %s\n", (g / n >= 0.8 && gp / np <= 1.5) ? "met" : "missed"
}'

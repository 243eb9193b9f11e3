#!/usr/bin/env bash
# Start-up and memory benchmark: each service against an empty Quarkus application (quarkus-rest
# only, built here from bench/startup/empty-app with the platform's Quarkus version), same JVM and
# flags, side by side in one run. The start runs are interleaved (run 1 of every app, then run 2,
# ...), so that the machine's load falls on the baseline as on the services.
#   start runs  RUNS times per app: milliseconds from the JVM's launch to the first 200 of its
#               readiness (services: /q/health/ready on the management port; the empty app: its
#               one endpoint), polled every 10 ms; RSS once idle (IDLE_SETTLE s after ready); the
#               latency of the first API request after that
#   load        once per config and app (LOAD_SECONDS > 0): a fresh start, wrk with LOAD_CONNECTIONS
#               connections on the app's API for LOAD_SECONDS (requests per second), then RSS again
# Prints median and max per app and the ratios against the empty app, with the load average.
#
# Needs the local infrastructure running with the same port variables: ./platform infra
# (PostgreSQL, Kafka, Keycloak, SMTP sink), the services not running (their ports are used here).
# The services' jars are built when missing (mvn package); they are copied before they are run.
#
# Usage: bench/startup/run.sh
# Knobs: RUNS (5), APPS ("empty booking-service user-service payment-service notification-service gateway"),
#        CONFIGS: JVM flag sets compared in the same run, "name=flags" separated by ";". Words among
#        the flags: appcds, the app's AppCDS archive (app-cds.jsa, built with the jar; the app is
#        then run from its folder, as the archive requires); aot, an AOT cache (JDK 24+: the app
#        packaged as an aot-jar in <module>/target/aot, built when missing, then one training run
#        per config: started with -XX:AOTCacheOutput, TRAIN_SECONDS of wrk on its API, stopped);
#        java=PATH, the JVM of that config. Default: the local platform's flags,
#        "platform=$SERVICE_JVM_OPTS appcds". JAVA (java on the PATH): the JVM of the others.
#        Example, JDK 17 with AppCDS against JDK 25 with an AOT cache:
#        CONFIGS="jdk17=-Xmx256m appcds;jdk25-aot=-Xmx256m aot java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
#        TRAIN_SECONDS (10).
#        LOAD_SECONDS (60), LOAD_CONNECTIONS (4), IDLE_SETTLE (5 s),
#        BENCH_STARTUP_HOME (.data/bench-startup: copies, logs, results; wiped at every run),
#        EMPTY_PORT (36090), BACKEND_PORT / BACKEND_MANAGEMENT_PORT (36091 / 36491: the booking-service
#        the gateway proxies to, started once when the gateway is measured), the ./platform port variables.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
source "$BENCH_DIR/../../deploy/local/lib/common.sh"
source "$LOCAL_DIR/lib/postgres.sh"
source "$LOCAL_DIR/lib/keycloak.sh"
source "$LOCAL_DIR/lib/services.sh"
source "$LOCAL_DIR/lib/platform-env.sh"
source "$BENCH_DIR/../lib.sh"

RUNS="${RUNS:-5}"
APPS="${APPS:-empty booking-service user-service payment-service notification-service gateway}"
CONFIGS="${CONFIGS:-platform=$SERVICE_JVM_OPTS appcds}"
JAVA="${JAVA:-java}"
LOAD_SECONDS="${LOAD_SECONDS:-60}"
LOAD_CONNECTIONS="${LOAD_CONNECTIONS:-4}"
IDLE_SETTLE="${IDLE_SETTLE:-5}"
TRAIN_SECONDS="${TRAIN_SECONDS:-10}"
EMPTY_PORT="${EMPTY_PORT:-36090}"
BACKEND_PORT="${BACKEND_PORT:-36091}"
BACKEND_MANAGEMENT_PORT="${BACKEND_MANAGEMENT_PORT:-36491}"
WORK="${BENCH_STARTUP_HOME:-$DATA_ROOT/bench-startup}"
RESULTS="$WORK/results"

for tool in curl wrk; do command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install $tool)"; done
port_open "$PG_PORT" && port_open "$KAFKA_PORT" && keycloak_ready \
  || die "the infrastructure is not running on these ports: start it with ./platform infra (same port variables)"
load_secrets

rm -rf "$WORK" && mkdir -p "$WORK/run" "$WORK/logs" "$RESULTS"
PIDS=()
cleanup() { local f; for f in "$WORK"/run/*.pid; do [[ -f $f ]] && stop_pid "$(basename "$f" .pid)" "$f" >/dev/null; done; return 0; }
trap cleanup EXIT

# --- the apps: jars copied (a rebuild meanwhile must not change classes under a running JVM) ---
QUARKUS_VERSION="$(sed -n 's:.*<quarkus.version>\(.*\)</quarkus.version>.*:\1:p' "$ROOT_DIR/pom.xml" | head -1)"
EMPTY_APP="$BENCH_DIR/empty-app"
if [[ ! -f $EMPTY_APP/target/quarkus-app/quarkus-run.jar ]] \
   || [[ -n $(find "$EMPTY_APP/src" "$EMPTY_APP/pom.xml" -newer "$EMPTY_APP/target/quarkus-app/quarkus-run.jar" -print -quit) ]]; then
  info "building the empty Quarkus application (Quarkus $QUARKUS_VERSION)"
  mvn -B -q -f "$EMPTY_APP/pom.xml" package -DskipTests -Dquarkus.version="$QUARKUS_VERSION" >&2
fi
copy_app() { # app -> its copy's quarkus-app folder
  local src="$EMPTY_APP/target/quarkus-app"
  if [[ $1 != empty ]]; then
    src="$(dirname "$(app_jar "$1")")"
    [[ -f $src/quarkus-run.jar ]] || (cd "$ROOT_DIR" && mvn -B -q -pl "$1" -am package -DskipTests -Dquarkus.kubernetes.deploy=false >&2)
  fi
  cp -rp "$src" "$WORK/app-$1" # -p: an AppCDS archive is only valid for jars of the same time stamps
}
# The aot-jar build of an app (class loading left to the JDK's loaders, which an AOT cache needs),
# beside its fast-jar: <project>/target/aot, rebuilt when older than the fast-jar.
aot_build() { # app -> its aot-jar folder
  local project="$EMPTY_APP" extra=(-Dquarkus.version="$QUARKUS_VERSION")
  [[ $1 == empty ]] || { project="$ROOT_DIR/$1"; extra=(); }
  local out="$project/target/aot"
  if [[ ! -f $out/quarkus-run.jar || $out/quarkus-run.jar -ot $project/target/quarkus-app/quarkus-run.jar ]]; then
    info "packaging $1 as an aot-jar ($out)" >&2
    mvn -B -q -o -Dstyle.color=never -f "$project/pom.xml" package -DskipTests "${extra[@]}" -Dquarkus.package.jar.type=aot-jar \
      -Dquarkus.package.jar.appcds.enabled=false -Dquarkus.package.output-directory=aot -Dquarkus.kubernetes.deploy=false >&2
  fi
  echo "$out"
}
for app in $APPS; do copy_app "$app"; done

# --- where each app is ready and what its API request is ------------------------------------------
ready_url() {
  if [[ $1 == empty ]]; then echo "http://127.0.0.1:$EMPTY_PORT/hello"; return; fi
  local mgmt; mgmt=$(management_port_var "$1"); echo "http://127.0.0.1:${!mgmt}/q/health/ready"
}
api_url() {
  case $1 in
    empty) echo "http://127.0.0.1:$EMPTY_PORT/hello" ;;
    booking-service) echo "http://127.0.0.1:$BOOKING_PORT/listings?city=Lisbon" ;;
    user-service) echo "http://127.0.0.1:$USER_PORT/users/me" ;;
    payment-service) echo "http://127.0.0.1:$PAYMENT_PORT/payments" ;;
    notification-service) echo "http://127.0.0.1:$NOTIFICATION_PORT/notifications" ;;
    gateway) echo "http://127.0.0.1:$GATEWAY_PORT/api/v1/listings?city=Lisbon" ;;
  esac
}
# A customer's token (the realm's demo user alice), fresh for each use: tokens live 15 minutes.
token() {
  curl -fs -d grant_type=password -d client_id=booking-web -d username=alice -d "password=$DEMO_PASSWORD" \
    "http://localhost:$KEYCLOAK_PORT/realms/booking/protocol/openid-connect/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# jvm_flags CONFIG_FLAGS APP_DIR: the flags, the word appcds replaced by the app's archive, aot by
# its AOT cache, java=PATH left out (config_java).
jvm_flags() {
  local flag out=()
  for flag in $1; do
    case $flag in
      appcds) out+=($(appcds_opts "$2")) ;;
      aot) out+=("-XX:AOTCache=app.aot") ;;
      java=*) ;;
      *) out+=("$flag") ;;
    esac
  done
  echo "${out[*]}"
}
config_java() { local flag; for flag in ${CONFIG_FLAGS[$1]}; do [[ $flag == java=* ]] && { echo "${flag#java=}"; return; }; done; echo "$JAVA"; }
uses_aot() { [[ " ${CONFIG_FLAGS[$1]} " == *" aot "* ]]; }
# app_dir APP CONFIG: the copy a config runs (an AOT cache belongs to one JVM build: one copy per config).
app_dir() { if uses_aot "$2"; then echo "$WORK/aot-$2-$1"; else echo "$WORK/app-$1"; fi; }

# start_app APP CONFIG [FLAGS]: launches it from its folder with the config's JVM and flags (or
# FLAGS), sets APP_PID and STARTED_MS (just before the launch).
start_app() {
  local app=$1 dir; dir=$(app_dir "$1" "$2")
  local flags; flags=${3:-$(jvm_flags "${CONFIG_FLAGS[$2]}" "$dir")}
  local env_vars
  case $app in
    empty) env_vars="QUARKUS_HTTP_PORT=$EMPTY_PORT" ;;
    # The gateway proxies to the backend booking-service; its rate limit must not turn the load into 429s.
    gateway) env_vars="$(service_env gateway) BOOKING_SERVICE_URL=http://127.0.0.1:$BACKEND_PORT
      LISTINGS_RATE_LIMIT_CAPACITY=1000000 LISTINGS_RATE_LIMIT_REFILL=1000000" ;;
    *) env_vars="$(service_env "$app")" ;;
  esac
  local port; port=$(ready_url "$app" | sed 's|.*:\([0-9]*\)/.*|\1|')
  port_open "$port" && die "port $port is taken: stop the local platform's services (./platform down) or set the port variables"
  STARTED_MS=$(now_ms)
  # shellcheck disable=SC2086
  (cd "$dir" && start_bg "$WORK/run/$app.pid" "$WORK/logs/$app.log" env $env_vars "$(config_java "$2")" $flags -jar quarkus-run.jar)
  APP_PID=$(cat "$WORK/run/$app.pid")
}
stop_app() { stop_pid "$1" "$WORK/run/$1.pid" >/dev/null; }
TICK_MS=$((1000 / $(getconf CLK_TCK)))

CONFIG_NAMES=()
declare -A CONFIG_FLAGS
IFS=';' read -ra entries <<<"$CONFIGS"
for entry in "${entries[@]}"; do
  name=$(echo "${entry%%=*}" | xargs); CONFIG_NAMES+=("$name"); CONFIG_FLAGS[$name]="${entry#*=}"
done

if [[ " $APPS " == *" gateway "* ]]; then
  info "starting the gateway's backend booking-service on :$BACKEND_PORT (the local platform's JVM flags)"
  cp -rp "$(dirname "$(app_jar booking-service)")" "$WORK/app-backend"
  # shellcheck disable=SC2046
  (cd "$WORK/app-backend" && start_bg "$WORK/run/backend.pid" "$WORK/logs/backend.log" env $(service_env booking-service) \
    QUARKUS_HTTP_PORT="$BACKEND_PORT" MANAGEMENT_PORT="$BACKEND_MANAGEMENT_PORT" \
    MP_MESSAGING_INCOMING_PAYMENT_EVENTS_GROUP_ID=bench-backend MP_MESSAGING_INCOMING_USER_EVENTS_GROUP_ID=bench-backend \
    "$JAVA" $SERVICE_JVM_OPTS $(appcds_opts "$WORK/app-backend") -jar quarkus-run.jar)
  wait_http_200 "http://127.0.0.1:$BACKEND_MANAGEMENT_PORT/q/health/ready" 300 "$(cat "$WORK/run/backend.pid")" \
    || die "the backend booking-service did not start; see $WORK/logs/backend.log"
fi

# --- AOT caches: one training run per config and app ------------------------------------------
# The JVM writes the cache when the training run exits (JEP 514: it forks the assembly at exit),
# so the run is stopped with SIGTERM and waited for, up to 5 minutes.
train_aot() { # app config
  local app=$1 c=$2 dir; dir=$(app_dir "$1" "$2")
  info "training $app's AOT cache for '$c' (${TRAIN_SECONDS}s of load)"
  local flags; flags=$(jvm_flags "${CONFIG_FLAGS[$c]}" "$dir")
  start_app "$app" "$c" "${flags/-XX:AOTCache=app.aot/-XX:AOTCacheOutput=app.aot}"
  wait_http_200 "$(ready_url "$app")" 300 "$APP_PID" || die "$app did not become ready for its training run; see $WORK/logs/$app.log"
  wrk -t1 -c2 -d"${TRAIN_SECONDS}s" -H "Authorization: Bearer $(token)" "$(api_url "$app")" >/dev/null
  kill -TERM "$APP_PID"
  local i; for i in $(seq 1 600); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
  rm -f "$WORK/run/$app.pid"
  [[ -f $dir/app.aot ]] || die "$app's training run wrote no AOT cache; see $WORK/logs/$app.log"
}
for c in "${CONFIG_NAMES[@]}"; do
  uses_aot "$c" || continue
  for app in $APPS; do
    rm -rf "$(app_dir "$app" "$c")" && cp -rp "$(aot_build "$app")" "$(app_dir "$app" "$c")"
    train_aot "$app" "$c"
  done
done

for c in "${CONFIG_NAMES[@]}"; do echo "config $c: ${CONFIG_FLAGS[$c]} (JVM: $("$(config_java "$c")" -version 2>&1 | sed -n 2p))"; done
echo "load average at start: $(load_average) ($(nproc) cores)"

# --- start runs: run 1 of every config and app, then run 2, ... ----------------------------------
for run in $(seq 1 "$RUNS"); do
  for c in "${CONFIG_NAMES[@]}"; do
    for app in $APPS; do
      key="$app@$c"
      start_app "$app" "$c"
      wait_http_200 "$(ready_url "$app")" 300 "$APP_PID" || die "$app did not become ready; see $WORK/logs/$app.log"
      ready_ms=$(( $(now_ms) - STARTED_MS ))
      cpu_ms=$(( $(cpu_ticks "$APP_PID") * TICK_MS ))
      sleep "$IDLE_SETTLE"
      rss=$(rss_mb "$APP_PID")
      read -r status seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $(token)" "$(api_url "$app")")
      first_ms=$(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }')
      stop_app "$app"
      echo "$ready_ms" >>"$RESULTS/$key.ready"; echo "$cpu_ms" >>"$RESULTS/$key.cpu"
      echo "$rss" >>"$RESULTS/$key.rss"; echo "$first_ms" >>"$RESULTS/$key.first"
      printf '%-32s run %d: ready %6d ms (CPU %6d ms)  RSS idle %4d MB  first request %s in %5d ms  (load %s)\n' \
        "$key" "$run" "$ready_ms" "$cpu_ms" "$rss" "$status" "$first_ms" "$(load_average | cut -d' ' -f1)"
    done
  done
done

# --- load: every config and app once ----------------------------------------------------------
if (( LOAD_SECONDS > 0 )); then
  for c in "${CONFIG_NAMES[@]}"; do for app in $APPS; do
    key="$app@$c"
    start_app "$app" "$c"
    wait_http_200 "$(ready_url "$app")" 300 "$APP_PID" || die "$app did not become ready; see $WORK/logs/$app.log"
    sleep "$IDLE_SETTLE"
    wrk -t1 -c"$LOAD_CONNECTIONS" -d"${LOAD_SECONDS}s" -H "Authorization: Bearer $(token)" "$(api_url "$app")" >"$WORK/logs/$app.wrk"
    rss=$(rss_mb "$APP_PID")
    stop_app "$app"
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$WORK/logs/$app.wrk")
    bad=$(awk '/Non-2xx/ { print $NF }' "$WORK/logs/$app.wrk")
    echo "$rss" >"$RESULTS/$key.rss-load"; echo "$rps" >"$RESULTS/$key.rps"
    printf '%-32s load %ss: %6s req/s%s  RSS after load %4d MB\n' "$key" "$LOAD_SECONDS" "$rps" "${bad:+ ($bad non-2xx)}" "$rss"
  done; done
fi

# --- summary: medians, and ratios against the empty app under the same config ------------------
stat() { if [[ -f $RESULTS/$1.$2 ]]; then "$3" <"$RESULTS/$1.$2"; else echo 0; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.1fx", a / b; else printf "-" }'; }
row() { printf '%-32s %8s %7s %6s %8s %6s %8s %6s %8s %8s %6s %7s\n' "$@"; }
echo
echo "load average at end: $(load_average)"
row app@config "ready" "max" ratio "CPU" ratio "RSS idle" ratio "1st req" "RSS load" ratio "load"
row "" "(med ms)" "(ms)" "" "(med ms)" "" "(med MB)" "" "(med ms)" "(MB)" "" "(req/s)"
for c in "${CONFIG_NAMES[@]}"; do
  b="empty@$c"
  for app in $APPS; do
    k="$app@$c"
    r=$(stat "$k" ready median); u=$(stat "$k" cpu median); m=$(stat "$k" rss median); l=$(stat "$k" rss-load maximum)
    row "$k" "$r" "$(stat "$k" ready maximum)" "$(ratio "$r" "$(stat "$b" ready median)")" \
      "$u" "$(ratio "$u" "$(stat "$b" cpu median)")" "$m" "$(ratio "$m" "$(stat "$b" rss median)")" \
      "$(stat "$k" first median)" "$l" "$(ratio "$l" "$(stat "$b" rss-load maximum)")" "$(stat "$k" rps maximum)"
  done
done

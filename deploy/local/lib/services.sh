# The platform's own processes: the five Quarkus services and the payment-provider simulator.
# Sourced after common.sh. Inputs: the *_PORT variables and LOCAL_HOME.

# name:port-variable pairs in start order (the gateway last: it fronts the others). Each service
# also has a management port (health, metrics): see management_port_var.
SERVICES="booking-service:BOOKING_PORT user-service:USER_PORT payment-service:PAYMENT_PORT notification-service:NOTIFICATION_PORT gateway:GATEWAY_PORT"
# JVM flags of every service: C1 only halves the CPU of the start (docs/decisions/0034).
SERVICE_JVM_OPTS="${SERVICE_JVM_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
# AppCDS: the build leaves an archive of the classes loaded at start beside each jar
# (quarkus.package.jar.appcds.enabled); on: used when present, off: never.
SERVICE_APPCDS="${SERVICE_APPCDS:-on}"

# The variable naming a service's management port: booking-service -> BOOKING_MANAGEMENT_PORT.
management_port_var() { local base=${1%-service}; base=${base^^}; echo "${base}_MANAGEMENT_PORT"; }

app_jar() { echo "$ROOT_DIR/$1/target/quarkus-app/quarkus-run.jar"; }

# appcds_opts APP_DIR: the flag naming the app's archive. The archive holds the class path as it
# was at build time (quarkus-run.jar, relative): the JVM must start in APP_DIR to use it. A JVM
# other than the one that built it ignores it with a warning.
appcds_opts() { if [[ $SERVICE_APPCDS == on && -f $1/app-cds.jsa ]]; then echo "-XX:SharedArchiveFile=app-cds.jsa"; fi; }

# Rebuilds when a jar is missing or any source, resource or pom is newer than the oldest jar.
# PLATFORM_SKIP_BUILD=1 uses the jars as they are (system-tests: the Maven reactor packaged them).
build_if_needed() {
  local oldest="" m jar
  if [ "${PLATFORM_SKIP_BUILD:-}" = 1 ]; then
    for m in payment-simulator booking-service user-service payment-service notification-service gateway; do
      [ -f "$(app_jar "$m")" ] || die "PLATFORM_SKIP_BUILD=1 but $(app_jar "$m") is missing: run mvn package first"
    done
    ok "using the packaged jars (PLATFORM_SKIP_BUILD=1)"
    return 0
  fi
  for m in payment-simulator booking-service user-service payment-service notification-service gateway; do
    jar=$(app_jar "$m")
    [ -f "$jar" ] || { oldest=""; break; }
    if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest=$jar; fi
  done
  if [ -n "$oldest" ] && [ -z "$(find "$ROOT_DIR" -path "$DATA_ROOT" -prune -o -path '*/target' -prune -o -path '*/node_modules' -prune -o \
        \( -name '*.java' -o -name '*.properties' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.json' -o -name '*.yaml' \
           -o -name '*.js' -o -name '*.html' -o -name '*.css' \) \
        -newer "$oldest" -print -quit)" ]; then
    ok "build is up to date"
    return 0
  fi
  info "building the services (mvn package, tests skipped; log: $LOCAL_HOME/logs/build.log)"
  mkdir -p "$LOCAL_HOME/logs"
  (cd "$ROOT_DIR" && mvn -B -DskipTests -Dquarkus.kubernetes.deploy=false package) >"$LOCAL_HOME/logs/build.log" 2>&1 \
    || { tail -30 "$LOCAL_HOME/logs/build.log" >&2; die "the build failed; see $LOCAL_HOME/logs/build.log"; }
  ok "build done"
}

# The services run as jars, so in their prod profile: every secret is passed, none has a default there.
# <BASE>_EXTRA_ENV (BOOKING_EXTRA_ENV, USER_EXTRA_ENV, ..., GATEWAY_EXTRA_ENV) adds settings of one
# service, whitespace-separated KEY=VALUE, e.g. BOOKING_EXTRA_ENV="BOOKING_HOLD_DURATION=20s".
# Logs stay readable text here (JSON is for Kubernetes); no trace is sampled for export, as no
# collector runs (docs/operations.md, "Traces").
service_env() {
  local mgmt; mgmt=$(management_port_var "$1")
  local extra="${mgmt%_MANAGEMENT_PORT}_EXTRA_ENV"
  echo MANAGEMENT_PORT="${!mgmt}" LOG_JSON=false "${!extra:-}"
  local common=(DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
    OIDC_AUTH_SERVER_URL="http://localhost:$KEYCLOAK_PORT/realms/booking" DB_PASSWORD="$(db_password "${1//-/_}")")
  case $1 in
    booking-service) echo "${common[@]}" QUARKUS_HTTP_PORT="$BOOKING_PORT" ;;
    user-service) echo "${common[@]}" QUARKUS_HTTP_PORT="$USER_PORT" KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" \
      USER_SERVICE_CLIENT_SECRET="$USER_SERVICE_CLIENT_SECRET" ;;
    payment-service) echo "${common[@]}" QUARKUS_HTTP_PORT="$PAYMENT_PORT" PAYMENT_PROVIDER_URL="http://127.0.0.1:$SIMULATOR_PORT" ;;
    notification-service) echo "${common[@]}" QUARKUS_HTTP_PORT="$NOTIFICATION_PORT" SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" \
      WEBHOOKS_ALLOWED_TARGETS='http://127.0.0.1:*,http://localhost:*' ;;
    gateway) echo OIDC_AUTH_SERVER_URL="http://localhost:$KEYCLOAK_PORT/realms/booking" QUARKUS_HTTP_PORT="$GATEWAY_PORT" \
      BOOKING_SERVICE_URL="http://127.0.0.1:$BOOKING_PORT" USER_SERVICE_URL="http://127.0.0.1:$USER_PORT" \
      PAYMENT_SERVICE_URL="http://127.0.0.1:$PAYMENT_PORT" NOTIFICATION_SERVICE_URL="http://127.0.0.1:$NOTIFICATION_PORT" ;;
  esac
}

service_start() {
  local name=$1 port=$2 pidfile="$LOCAL_HOME/run/$1.pid"
  case $(service_state "$name") in
    up) ok "$name already running on :$port"; return 0 ;;
    starting) ok "$name already starting on :$port"; return 0 ;;
    not-answering) info "$name runs but has not answered for ${SERVICE_ANSWER_TIMEOUT:-5} s (hung, out of memory?): replacing it"
      kill_pid "$pidfile" ;;
  esac
  port_open "$port" && die "port $port is taken by another program (set ${3:-the port variable} to another port)"
  local mgmt; mgmt=$(management_port_var "$name")
  port_open "${!mgmt}" && die "port ${!mgmt} is taken by another program (set $mgmt to another port)"
  local dir; dir=$(dirname "$(app_jar "$name")")
  # shellcheck disable=SC2046
  (cd "$dir" && start_bg "$pidfile" "$LOCAL_HOME/logs/$name.log" env $(service_env "$name") \
    java $SERVICE_JVM_OPTS $(appcds_opts "$dir") -jar quarkus-run.jar)
}

# Readiness is on the management port: SERVICE_NAME.
service_ready() { local mgmt; mgmt=$(management_port_var "$1"); http_ok "http://127.0.0.1:${!mgmt}/q/health/ready"; }

# up, starting, not-answering or down. A live process whose readiness does not answer within
# SERVICE_ANSWER_TIMEOUT seconds is hung or out of memory once it started more than
# SERVICE_START_GRACE seconds ago (its pid file's age; default SERVICE_START_TIMEOUT, 120); before that it is
# still starting.
service_state() {
  local pidfile="$LOCAL_HOME/run/$1.pid"
  if ! pid_alive "$pidfile"; then echo down; return; fi
  if wait_for "$1" "${SERVICE_ANSWER_TIMEOUT:-5}" service_ready "$1"; then echo up; return; fi
  if (( $(date +%s) - $(stat -c %Y "$pidfile") < ${SERVICE_START_GRACE:-${SERVICE_START_TIMEOUT:-120}} )); then echo starting; else echo not-answering; fi
}

simulator_start() {
  local pidfile="$LOCAL_HOME/run/payment-simulator.pid"
  if pid_alive "$pidfile"; then ok "payment-provider simulator already running on :$SIMULATOR_PORT"; return 0; fi
  port_open "$SIMULATOR_PORT" && die "port $SIMULATOR_PORT is taken by another program (set SIMULATOR_PORT)"
  start_bg "$pidfile" "$LOCAL_HOME/logs/payment-simulator.log" env SIMULATOR_PORT="$SIMULATOR_PORT" \
    java -Xmx64m -XX:+UseSerialGC -jar "$(app_jar payment-simulator)"
}

smtp_start() {
  fetch_tools greenmail
  local pidfile="$LOCAL_HOME/run/smtp-sink.pid"
  if pid_alive "$pidfile"; then ok "SMTP sink already running on :$SMTP_PORT"; return 0; fi
  port_open "$SMTP_PORT" && die "port $SMTP_PORT is taken by another program (set SMTP_PORT)"
  # GreenMail accepts every message and keeps it in memory; its web API lists what was sent.
  start_bg "$pidfile" "$LOCAL_HOME/logs/smtp-sink.log" java -Xmx96m -XX:+UseSerialGC \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SMTP_API_PORT" \
    -jar "$TOOLS_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar"
}

# The platform's own processes: the five Quarkus services and the payment-provider simulator.
# Sourced after common.sh. Inputs: the *_PORT variables and LOCAL_HOME.

# name:port-variable pairs in start order (the gateway last: it fronts the others). Each service
# also has a management port (health, metrics): see management_port_var.
SERVICES="booking-service:BOOKING_PORT user-service:USER_PORT payment-service:PAYMENT_PORT notification-service:NOTIFICATION_PORT gateway:GATEWAY_PORT"
SERVICE_JVM_OPTS="${SERVICE_JVM_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}"

# The variable naming a service's management port: booking-service -> BOOKING_MANAGEMENT_PORT.
management_port_var() { local base=${1%-service}; base=${base^^}; echo "${base}_MANAGEMENT_PORT"; }

app_jar() { echo "$ROOT_DIR/$1/target/quarkus-app/quarkus-run.jar"; }

# Rebuilds when a jar is missing or any source, resource or pom is newer than the oldest jar.
build_if_needed() {
  local oldest="" m jar
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
service_env() {
  local mgmt; mgmt=$(management_port_var "$1")
  echo MANAGEMENT_PORT="${!mgmt}"
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
  if pid_alive "$pidfile"; then ok "$name already running on :$port"; return 0; fi
  port_open "$port" && die "port $port is taken by another program (set ${3:-the port variable} to another port)"
  local mgmt; mgmt=$(management_port_var "$name")
  port_open "${!mgmt}" && die "port ${!mgmt} is taken by another program (set $mgmt to another port)"
  # shellcheck disable=SC2046
  start_bg "$pidfile" "$LOCAL_HOME/logs/$name.log" env $(service_env "$name") \
    java $SERVICE_JVM_OPTS -jar "$(app_jar "$name")"
}

# Readiness is on the management port: SERVICE_NAME.
service_ready() { local mgmt; mgmt=$(management_port_var "$1"); http_ok "http://127.0.0.1:${!mgmt}/q/health/ready"; }

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

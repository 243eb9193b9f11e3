# The local platform's ports, folders and secrets (./platform, bench/startup). Sourced after common.sh.

LOCAL_HOME="$DATA_ROOT/local"
PG_PORT="${PG_PORT:-55432}"
PG_HOME="$LOCAL_HOME/postgres"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME_DIR="$LOCAL_HOME/kafka"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MGMT_PORT="${KEYCLOAK_MGMT_PORT:-9000}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
BOOKING_PORT="${BOOKING_PORT:-8081}"
USER_PORT="${USER_PORT:-8082}"
PAYMENT_PORT="${PAYMENT_PORT:-8083}"
NOTIFICATION_PORT="${NOTIFICATION_PORT:-8084}"
# Management interfaces (health, metrics) of the services, never exposed to clients.
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-9400}"
BOOKING_MANAGEMENT_PORT="${BOOKING_MANAGEMENT_PORT:-9401}"
USER_MANAGEMENT_PORT="${USER_MANAGEMENT_PORT:-9402}"
PAYMENT_MANAGEMENT_PORT="${PAYMENT_MANAGEMENT_PORT:-9403}"
NOTIFICATION_MANAGEMENT_PORT="${NOTIFICATION_MANAGEMENT_PORT:-9404}"
SIMULATOR_PORT="${SIMULATOR_PORT:-8089}"
SMTP_PORT="${SMTP_PORT:-2525}"
SMTP_API_PORT="${SMTP_API_PORT:-8025}"
# Keycloak keeps its data in the platform's PostgreSQL, in a database of its own.
SERVICE_DATABASES="$SERVICE_DATABASES keycloak"

# Secrets for the local platform are made once, at random, and kept out of git.
load_secrets() {
  local file="$LOCAL_HOME/secrets.env"
  if [ ! -f "$file" ]; then
    mkdir -p "$LOCAL_HOME"
    local s; s() { head -c 18 /dev/urandom | base64 | tr -d '+/=' ; }
    (umask 077; cat >"$file") <<SECRETS
KEYCLOAK_ADMIN_PASSWORD=$(s)
KEYCLOAK_DB_PASSWORD=$(s)
USER_SERVICE_CLIENT_SECRET=$(s)
PARTNER_CLIENT_SECRET=$(s)
DEMO_PASSWORD=demo-$(s | cut -c1-8)
SECRETS
  fi
  set -a; source "$file"; set +a
}

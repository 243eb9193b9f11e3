#!/usr/bin/env bash
# Test infrastructure: a throw-away PostgreSQL and Kafka for the integration tests, on
# ports of their own so that they never clash with a running local platform; Keycloak
# only for the tests that need a real one (its start takes 15-35 s).
#   deploy/local/test-infra.sh start|stop|status|env      PostgreSQL and Kafka (stop: Keycloak too)
#   deploy/local/test-infra.sh start-keycloak|stop-keycloak
#   deploy/local/test-infra.sh postgres-stop|postgres-start  only PostgreSQL down and up again (Kafka
#   keeps running), for tests of what a service does while its database is away.
# Data lives in .data/test and is wiped at every start: each test run begins clean.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$LOCAL_DIR/lib/postgres.sh"
source "$LOCAL_DIR/lib/kafka.sh"
source "$LOCAL_DIR/lib/keycloak.sh"

TEST_HOME="$DATA_ROOT/test"
PG_PORT="${TEST_PG_PORT:-55433}"; PG_PORT_VAR=TEST_PG_PORT
PG_HOME="$TEST_HOME/postgres"
# Durability is pointless for throw-away test data; never use these settings elsewhere.
PG_TUNING="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"; KAFKA_PORT_VAR=TEST_KAFKA_PORT
KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_HOME_DIR="$TEST_HOME/kafka"
KAFKA_HEAP="-Xms128m -Xmx384m"
# The shared libraries test their mechanisms in a database of their own.
SERVICE_DATABASES="$SERVICE_DATABASES platform_messaging platform_idempotency"
# Keycloak: the local platform's distribution and realm file, its data in the test PostgreSQL
# (database 'keycloak', wiped with it), so every run imports the realm afresh. The secrets are
# fixed test values: tests log in with them (TestInfrastructure), nothing real is protected.
LOCAL_HOME="$TEST_HOME"
KEYCLOAK_PORT="${TEST_KEYCLOAK_PORT:-18180}"
KEYCLOAK_MGMT_PORT="${TEST_KEYCLOAK_MGMT_PORT:-19000}"
KEYCLOAK_ADMIN_PASSWORD=test-admin-password
KEYCLOAK_DB_PASSWORD=keycloak
USER_SERVICE_CLIENT_SECRET=test-user-service-secret
PARTNER_CLIENT_SECRET=test-partner-secret
DEMO_PASSWORD=test-demo-password

case "${1:-}" in
  start)
    check_java_maven; ensure_packages $PLATFORM_PACKAGES; check_postgres
    if ! pg_running 2>/dev/null && ! pid_alive "$KAFKA_HOME_DIR/kafka.pid"; then
      pg_wipe; rm -rf "$KAFKA_HOME_DIR"
    fi
    step "Starting test infrastructure"
    pg_start
    kafka_start
    ;;
  start-keycloak)
    check_java_maven; check_postgres
    pg_running || die "start the test PostgreSQL first ($0 start): Keycloak keeps its data there"
    SERVICE_DATABASES=keycloak pg_create_service_databases
    keycloak_start
    keycloak_wait
    ;;
  stop-keycloak)
    keycloak_stop ;;
  stop)
    keycloak_stop
    kafka_stop
    pg_stop
    ;;
  postgres-stop)
    pg_stop ;;
  postgres-start)
    pg_start ;;
  status)
    pg_status; kafka_status; keycloak_status ;;
  env)
    echo "TEST_PG_PORT=$PG_PORT"; echo "TEST_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT"
    echo "TEST_KEYCLOAK_URL=http://localhost:$KEYCLOAK_PORT" ;;
  *)
    echo "usage: $0 start|stop|status|env|start-keycloak|stop-keycloak|postgres-stop|postgres-start" >&2; exit 2 ;;
esac

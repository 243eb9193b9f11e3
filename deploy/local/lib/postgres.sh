# PostgreSQL as a plain process: one server, one database and one role per service.
# Sourced after common.sh. Inputs: PG_PORT, PG_HOME (folder for data and log), PG_TUNING.

SERVICE_DATABASES="booking_service user_service payment_service notification_service"

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

check_postgres() {
  PG_BIN=$(pg_bin_dir) || die "PostgreSQL server binaries are missing. Debian/Ubuntu: apt-get install -y postgresql (the platform starts its own server; no system service is needed)."
  require_cmd psql "Install the PostgreSQL client (Debian/Ubuntu: apt-get install -y postgresql-client)."
}

# PostgreSQL refuses to run as root: then the server runs as the 'postgres' user, whose
# path to the data folder must be traversable. When it is not (a clone under /root, say),
# the data goes to a folder under /tmp named after this checkout, linked from $PG_HOME.
pg_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_prepare_home() {
  mkdir -p "$PG_HOME"
  PG_DATA="$PG_HOME/data"
  [ "$(id -u)" -eq 0 ] || return 0
  id postgres >/dev/null 2>&1 || die "user 'postgres' is missing: apt-get install -y postgresql creates it."
  if [ -L "$PG_DATA" ]; then return 0; fi
  if ! runuser -u postgres -- test -x "$PG_HOME"; then
    local alt="/tmp/booking-platform-pg-$(printf '%s' "$PG_HOME" | cksum | cut -d' ' -f1)"
    mkdir -p "$alt" && chown postgres: "$alt" && chmod 700 "$alt"
    rm -rf "$PG_DATA"
    ln -s "$alt" "$PG_DATA"
  fi
}

pg_psql() { PGPASSWORD= psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

pg_running() { PG_DATA="$PG_HOME/data"; [ -f "$PG_DATA/PG_VERSION" ] && pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

pg_start() {
  check_postgres
  pg_prepare_home
  if pg_running; then ok "PostgreSQL already running on 127.0.0.1:$PG_PORT"; return 0; fi
  if port_open "$PG_PORT"; then die "port $PG_PORT is taken by another program (set ${PG_PORT_VAR:-PG_PORT} to another port)"; fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DATA"
    chmod 700 "$PG_DATA"
    # trust for the superuser on loopback only; service roles get passwords and pg_hba
    # limits each of them to its own database (see pg_create_service_databases).
    pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null \
      || die "initdb failed"
    pg_as sh -c "cat > '$PG_DATA/pg_hba.conf'" <<HBA
# TYPE  DATABASE  USER      ADDRESS        METHOD
host    all       postgres  127.0.0.1/32   trust
host    sameuser  all       127.0.0.1/32   scram-sha-256
HBA
    PG_FRESH=1
  fi
  # shellcheck disable=SC2086
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=300 ${PG_TUNING:-}" start >/dev/null \
    || die "PostgreSQL did not start; see $PG_DATA/server.log"
  pg_create_service_databases
  ok "PostgreSQL on 127.0.0.1:$PG_PORT (data: $PG_DATA)"
}

# The password of a database's role: <ROLE>_DB_PASSWORD when set, else the role name (local use only;
# the services have no such default in their prod profile, so services.sh passes it explicitly).
db_password() {
  local var
  var="$(echo "$1" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  echo "${!var:-$1}"
}

# One role per service, owning one database; CONNECT revoked from PUBLIC and pg_hba's
# 'sameuser' rule keep a role out of every other database. Passwords default to the
# role name for local use and come from <ROLE>_DB_PASSWORD when set.
pg_create_service_databases() {
  local db pw
  for db in $SERVICE_DATABASES; do
    pw=$(db_password "$db")
    pg_psql -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$db') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$db') \gexec
ALTER ROLE "$db" PASSWORD '$pw';
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db') \gexec
REVOKE ALL ON DATABASE "$db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE "$db" TO "$db";
SQL
    pg_psql -d "$db" -c "REVOKE ALL ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO \"$db\";"
  done
}

pg_stop() {
  PG_BIN=$(pg_bin_dir) || return 0
  PG_DATA="$PG_HOME/data"
  [ -f "$PG_DATA/PG_VERSION" ] || return 0
  if pg_running; then
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null && ok "PostgreSQL stopped"
  fi
}

pg_status() {
  PG_BIN=$(pg_bin_dir) || { echo "postgres: not installed"; return; }
  PG_DATA="$PG_HOME/data"
  if [ -f "$PG_DATA/PG_VERSION" ] && pg_running; then echo "postgres      up    127.0.0.1:$PG_PORT"; else echo "postgres      down"; fi
}

pg_wipe() {
  local target; target=$(readlink -f "$PG_HOME/data" 2>/dev/null || true)
  [ -n "$target" ] && rm -rf "$target"
  rm -rf "$PG_HOME"
}

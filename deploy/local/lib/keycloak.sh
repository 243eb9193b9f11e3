# Keycloak as a plain process, realm 'booking' imported at start. Sourced after common.sh.
# Inputs: KEYCLOAK_PORT, KEYCLOAK_MGMT_PORT, LOCAL_HOME, secrets from load_secrets.

KC_HOME="$TOOLS_DIR/keycloak-$KEYCLOAK_VERSION"

keycloak_install() {
  fetch_tools keycloak
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    require_cmd unzip "Install unzip (Debian/Ubuntu: apt-get install -y unzip)."
    info "unpacking Keycloak $KEYCLOAK_VERSION (once)"
    unzip -q -o "$TOOLS_DIR/keycloak-$KEYCLOAK_VERSION.zip" -d "$TOOLS_DIR" || die "could not unpack Keycloak"
  fi
  # 'build' bakes the storage and features into the server; done once, it makes every start faster.
  if [ ! -f "$KC_HOME/.built-postgres" ]; then
    info "building Keycloak for local use (once, ~15 s)"
    "$KC_HOME/bin/kc.sh" build --db=postgres --health-enabled=true \
      >"$TOOLS_DIR/keycloak-build.log" 2>&1 || die "Keycloak build failed; see $TOOLS_DIR/keycloak-build.log"
    touch "$KC_HOME/.built-postgres"
  fi
}

keycloak_ready() { http_ok "http://127.0.0.1:$KEYCLOAK_MGMT_PORT/health/ready"; }

# Ready, or fails at once when the process died (a bad realm file, a taken port).
keycloak_ready_or_dead() {
  keycloak_ready && return 0
  pid_alive "$LOCAL_HOME/keycloak/keycloak.pid" || { tail -5 "$LOCAL_HOME/keycloak/keycloak.log" >&2; die "Keycloak stopped; see $LOCAL_HOME/keycloak/keycloak.log"; }
  return 1
}

# Starts Keycloak without waiting: it is the slowest part, so the rest starts meanwhile.
keycloak_start() {
  keycloak_install
  local home="$LOCAL_HOME/keycloak" pidfile="$LOCAL_HOME/keycloak/keycloak.pid"
  if pid_alive "$pidfile"; then ok "Keycloak already running on http://localhost:$KEYCLOAK_PORT"; return 0; fi
  for p in "$KEYCLOAK_PORT" "$KEYCLOAK_MGMT_PORT"; do
    port_open "$p" && die "port $p is taken by another program (set KEYCLOAK_PORT / KEYCLOAK_MGMT_PORT)"
  done
  mkdir -p "$home" "$KC_HOME/data/import"
  # The realm template names no secret: client secrets and demo passwords come from .data/local/secrets.env.
  # The web client's origin (redirect URI and CORS origin of booking-web) is the gateway's: Keycloak's
  # web origins take no port wildcard.
  # An imported realm is kept in Keycloak's database; a realm that exists already is not imported again.
  sed -e "s/__USER_SERVICE_CLIENT_SECRET__/$USER_SERVICE_CLIENT_SECRET/" \
      -e "s/__PARTNER_CLIENT_SECRET__/$PARTNER_CLIENT_SECRET/" \
      -e "s/__DEMO_PASSWORD__/$DEMO_PASSWORD/" \
      -e "s|__WEB_APP_URL__|http://localhost:${GATEWAY_PORT:-8080}|g" \
      "$LOCAL_DIR/keycloak/booking-realm.json" >"$KC_HOME/data/import/booking-realm.json"
  chmod 600 "$KC_HOME/data/import/booking-realm.json"
  # Keycloak keeps its own data in the platform's PostgreSQL (database and role 'keycloak').
  start_bg "$pidfile" "$home/keycloak.log" env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
    KC_DB_PASSWORD="$KEYCLOAK_DB_PASSWORD" JAVA_OPTS_KC_HEAP="-Xms128m -Xmx512m" \
    "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MGMT_PORT" --hostname="http://localhost:$KEYCLOAK_PORT" --cache=local \
    --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak" --db-username=keycloak --import-realm
  info "Keycloak starting (log: $home/keycloak.log)"
}

keycloak_wait() {
  # The first start on a fresh database creates Keycloak's schema: minutes on a busy machine.
  local timeout=${KEYCLOAK_START_TIMEOUT:-180}
  wait_for Keycloak "$timeout" keycloak_ready_or_dead || die "Keycloak did not become ready within $timeout s (KEYCLOAK_START_TIMEOUT); see $LOCAL_HOME/keycloak/keycloak.log"
  ok "Keycloak on http://localhost:$KEYCLOAK_PORT (admin console: admin / see .data/local/secrets.env)"
}

keycloak_stop() { stop_pid Keycloak "$LOCAL_HOME/keycloak/keycloak.pid"; }

keycloak_status() {
  if pid_alive "$LOCAL_HOME/keycloak/keycloak.pid"; then
    if keycloak_ready; then echo "keycloak      up    http://localhost:$KEYCLOAK_PORT"; else echo "keycloak      starting"; fi
  else echo "keycloak      down"; fi
}

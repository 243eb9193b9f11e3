# Single-node Kafka in KRaft mode as a plain JVM process. Sourced after common.sh.
# Inputs: KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_HOME_DIR (data, config, log), KAFKA_HEAP.

KAFKA_LIB="$TOOLS_DIR/kafka-$KAFKA_VERSION/lib"

kafka_config() {
  cat <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_HOME_DIR/data
num.partitions=${KAFKA_PARTITIONS:-3}
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=${KAFKA_RETENTION_HOURS:-168}
PROPS
}

kafka_start() {
  fetch_tools kafka
  local pidfile="$KAFKA_HOME_DIR/kafka.pid" log="$KAFKA_HOME_DIR/kafka.log"
  if pid_alive "$pidfile"; then ok "Kafka already running on 127.0.0.1:$KAFKA_PORT"; return 0; fi
  if port_open "$KAFKA_PORT"; then die "port $KAFKA_PORT is taken by another program (set ${KAFKA_PORT_VAR:-KAFKA_PORT} to another port)"; fi
  mkdir -p "$KAFKA_HOME_DIR"
  # Data formatted by one Kafka version can crash another: start afresh when it changed.
  if [ -d "$KAFKA_HOME_DIR/data" ] && [ "$(cat "$KAFKA_HOME_DIR/VERSION" 2>/dev/null)" != "$KAFKA_VERSION" ]; then
    info "Kafka data was written by another version: wiping it"
    rm -rf "$KAFKA_HOME_DIR/data"
  fi
  kafka_config >"$KAFKA_HOME_DIR/server.properties"
  cat >"$KAFKA_HOME_DIR/log4j2.properties" <<'L4J'
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n
logger.kafka.name=kafka.server.KafkaServer
logger.kafka.level=INFO
L4J
  if [ ! -f "$KAFKA_HOME_DIR/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$KAFKA_HOME_DIR/log4j2.properties" kafka.tools.StorageTool random-uuid 2>>"$log") \
      || die "could not create a Kafka cluster id; see $log"
    java -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$KAFKA_HOME_DIR/log4j2.properties" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$KAFKA_HOME_DIR/server.properties" --ignore-formatted >>"$log" 2>&1 \
      || die "could not format Kafka storage; see $log"
    echo "$KAFKA_VERSION" >"$KAFKA_HOME_DIR/VERSION"
  fi
  start_bg "$pidfile" "$log" java ${KAFKA_HEAP:--Xms256m -Xmx512m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$KAFKA_HOME_DIR/log4j2.properties" -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME_DIR/server.properties"
  # The listener opens only once the broker has started: a port check is a valid readiness test.
  wait_for Kafka 60 port_open "$KAFKA_PORT" || die "Kafka did not start within 60 s; see $log"
  ok "Kafka on 127.0.0.1:$KAFKA_PORT (log: $log)"
}

kafka_stop() { stop_pid Kafka "$KAFKA_HOME_DIR/kafka.pid"; }

kafka_status() {
  if pid_alive "$KAFKA_HOME_DIR/kafka.pid"; then echo "kafka         up    127.0.0.1:$KAFKA_PORT"; else echo "kafka         down"; fi
}

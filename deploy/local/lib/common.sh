# Shared helpers for the local platform scripts. Sourced, never executed.
# Every port and folder can be overridden by environment variables.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
LOCAL_DIR="$ROOT_DIR/deploy/local"
DATA_ROOT="${PLATFORM_DATA_DIR:-$ROOT_DIR/.data}"
# Downloaded servers (Kafka, Keycloak, the SMTP sink) can be shared by several data folders:
# PLATFORM_TOOLS_DIR points at another folder's tools (system-tests use the repository's .data/tools).
TOOLS_DIR="${PLATFORM_TOOLS_DIR:-$DATA_ROOT/tools}"

KAFKA_VERSION=4.1.2
KEYCLOAK_VERSION=26.5.6
GREENMAIL_VERSION=2.1.5

if [ -t 1 ]; then C_BOLD=$'\e[1m'; C_GREEN=$'\e[32m'; C_RED=$'\e[31m'; C_DIM=$'\e[2m'; C_OFF=$'\e[0m'
else C_BOLD=; C_GREEN=; C_RED=; C_DIM=; C_OFF=; fi

step() { printf '%s==>%s %s\n' "$C_BOLD" "$C_OFF" "$*"; }
ok()   { printf '  %s✔%s %s\n' "$C_GREEN" "$C_OFF" "$*"; }
info() { printf '  %s%s%s\n' "$C_DIM" "$*" "$C_OFF"; }
die()  { printf '%serror:%s %s\n' "$C_RED" "$C_OFF" "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for NAME SECONDS COMMAND...: polls COMMAND every 0.5 s.
wait_for() {
  local name=$1 timeout=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 0.5
  done
}

http_ok() { curl -fs -o /dev/null --max-time 2 "$1" 2>/dev/null; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pid NAME PIDFILE: SIGTERM, then SIGKILL after 20 s; the whole process group when it has one.
stop_pid() {
  local name=$1 pidfile=$2
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; return 0; fi
  local pid; pid=$(cat "$pidfile")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  local i
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
  ok "$name stopped"
}

# kill_pid PIDFILE: SIGKILL at once (a hung or stopped process ignores SIGTERM), the whole process group.
kill_pid() {
  local pid; pid=$(cat "$1" 2>/dev/null) || return 0
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$1"
}

# start_bg PIDFILE LOGFILE COMMAND...: runs COMMAND detached in its own process group.
start_bg() {
  local pidfile=$1 log=$2; shift 2
  mkdir -p "$(dirname "$log")" "$(dirname "$pidfile")"
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  echo $! >"$pidfile"
}

# Debian packages, each with the test that it is installed. The platform needs PLATFORM_PACKAGES;
# the tests also TEST_PACKAGES (the gateway's tests start redis-server; its OpenAPI lint runs
# Redocly CLI from npm; the web client's browser test in system-tests drives Debian's Chromium
# through its chromedriver).
PLATFORM_PACKAGES="postgresql postgresql-client curl unzip"
TEST_PACKAGES="$PLATFORM_PACKAGES redis-server nodejs npm chromium chromium-driver"

package_installed() {
  case $1 in
    postgresql) ls /usr/lib/postgresql/*/bin/pg_ctl ;;
    postgresql-client) command -v psql ;;
    nodejs) command -v node ;;
    chromium) [ -x /usr/bin/chromium ] ;;
    chromium-driver) [ -x /usr/bin/chromedriver ] ;;
    *) command -v "$1" ;;
  esac >/dev/null 2>&1
}

# ensure_packages PACKAGE...: as root on Debian/Ubuntu installs the missing ones with apt-get;
# otherwise stops and prints the one command that installs them.
ensure_packages() {
  local missing=() p
  for p in "$@"; do package_installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    step "Installing ${missing[*]} (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || die "apt-get could not install ${missing[*]}"
  else
    die "missing: ${missing[*]}. Install them with (Debian/Ubuntu): sudo apt-get install -y ${missing[*]}"
  fi
}

require_cmd() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing. $2"
}

check_java_maven() {
  require_cmd java "Install a JDK 17+ (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless)."
  require_cmd mvn "Install Maven 3.8+ (Debian/Ubuntu: apt-get install maven)."
  local v; v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "Java 17+ is required, found ${v:-unknown}."
}

# Servers come from Maven Central through deploy/local/tools/pom.xml (dependency plugin).
fetch_tools() {
  local need=()
  [ -d "$TOOLS_DIR/kafka-$KAFKA_VERSION/lib" ] || need+=(kafka)
  [ -f "$TOOLS_DIR/keycloak-$KEYCLOAK_VERSION.zip" ] || [ -d "$TOOLS_DIR/keycloak-$KEYCLOAK_VERSION" ] || need+=(keycloak)
  [ -f "$TOOLS_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar" ] || need+=(greenmail)
  local only=" ${*:-kafka keycloak greenmail} " args=() wanted=() t
  for t in kafka keycloak greenmail; do
    if [[ " ${need[*]} " == *" $t "* && "$only" == *" $t "* ]]; then wanted+=("$t"); else args+=("-Dskip.$t=true"); fi
  done
  ((${#wanted[@]})) || return 0
  info "fetching from Maven Central (once): ${wanted[*]}"
  mvn -B -q -f "$LOCAL_DIR/tools/pom.xml" -Dtools.dir="$TOOLS_DIR" "${args[@]}" package \
    || die "could not fetch the servers through Maven (see the output above)"
}

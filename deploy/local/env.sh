# Sourced by every local-services script: one place for ports, folders and the RabbitMQ environment.
# Everything lives under <repo>/.data (git-ignored), bound to 127.0.0.1, on ports no system service uses.
LOGISTICS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="${LOGISTICS_DATA_DIR:-$LOGISTICS_ROOT/.data}"

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR="$DATA_DIR/pg"
PG_PORT="${LOGISTICS_PG_PORT:-25432}"

RABBIT_DIR="$DATA_DIR/rabbitmq"
RABBIT_PORT="${LOGISTICS_RABBIT_PORT:-25672}"
RABBIT_BIN=/usr/lib/rabbitmq/bin
export HOME_FOR_RABBIT="$RABBIT_DIR"
export RABBITMQ_NODENAME="logistics@localhost"
export RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$RABBIT_DIR/advanced.config"
export RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia"
export RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
# The Erlang VM's own pid (not the launcher script's): what a fault test SIGKILLs and what stop.sh waits for.
export RABBITMQ_PID_FILE="$RABBIT_DIR/beam.pid"
export RABBITMQ_DIST_PORT="${LOGISTICS_RABBIT_DIST_PORT:-35672}"
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT="${LOGISTICS_EPMD_PORT:-24369}"

# Connection strings the host and the tests read (they default to the same values).
export LOGISTICS_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=logistics;Pooling=true;Maximum Pool Size=40"
export LOGISTICS_RABBITMQ="rabbitmq://127.0.0.1:$RABBIT_PORT"

log() { printf '[local] %s\n' "$*" >&2; }

# Is anything listening on this loopback TCP port? (ss ships with iproute2; /proc fallback keeps it dependency-free.)
port_in_use() {
  local hex; hex=$(printf '%04X' "$1")
  grep -qE "^ *[0-9]+: [0-9A-F]+:$hex [0-9A-F]+:0000 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# Waits until none of the given ports is listening (a SIGKILLed node's sockets linger for a moment); 1 on timeout.
wait_ports_free() {
  local deadline=$((SECONDS + ${WAIT_PORTS_SECONDS:-60})) p busy
  while :; do
    busy=""
    for p in "$@"; do port_in_use "$p" && busy="$busy $p"; done
    [ -z "$busy" ] && return 0
    [ $SECONDS -ge $deadline ] && { log "ports still in use:$busy"; return 1; }
    sleep 0.2
  done
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# rabbitmqctl needs the same environment and an Erlang cookie under its HOME, but not the node's distribution port: with
# RABBITMQ_DIST_PORT set the CLI's own Erlang node listened on it, and a server started meanwhile failed with
# dist_port_already_used. The CLI gets a range of its own (RabbitMQ's default offset, dist port + 10000).
rabbitctl() {
  env -u RABBITMQ_DIST_PORT HOME="$RABBIT_DIR" RABBITMQ_CTL_DIST_PORT_MIN=$((RABBITMQ_DIST_PORT + 10000)) \
    RABBITMQ_CTL_DIST_PORT_MAX=$((RABBITMQ_DIST_PORT + 10010)) "$RABBIT_BIN/rabbitmqctl" -n "$RABBITMQ_NODENAME" "$@"
}

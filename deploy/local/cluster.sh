#!/usr/bin/env bash
# The scaled-out topology on loopback: a 3-node RabbitMQ cluster (quorum queues replicated over all three), the project's
# PostgreSQL, and N host processes as competing consumers of the translate queues (partitioned by stream key).
#
#   deploy/local/cluster.sh up [HOSTS]   start the cluster (and PostgreSQL), then HOSTS hosts (default 3) on LOGISTICS_URL's port + 1..N
#   deploy/local/cluster.sh rabbitmq     start only the RabbitMQ cluster
#   deploy/local/cluster.sh kill N       SIGKILL RabbitMQ node N (1..3)     deploy/local/cluster.sh start N   start node N again
#   deploy/local/cluster.sh status       nodes, cluster members, queues     deploy/local/cluster.sh down      stop hosts and nodes it started
#   deploy/local/cluster.sh nodes        the host:port list for LOGISTICS_RABBITMQ_CLUSTER   deploy/local/cluster.sh ctl N ARGS  rabbitmqctl on node N
#
# Ports: node N listens on LOGISTICS_RABBIT_PORT + N (AMQP) and LOGISTICS_RABBIT_DIST_PORT + N (distribution); all three
# register with the project's epmd (LOGISTICS_EPMD_PORT). Data under .data/cluster/. The hosts get
# LOGISTICS_RABBITMQ_CLUSTER=127.0.0.1:<port1>,... so the bus and the consumer supervisor use any node that answers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"

CLUSTER_DIR="$DATA_DIR/cluster"
NODES=(1 2 3)
node_name() { echo "logistics-$1@localhost"; }
node_dir() { echo "$CLUSTER_DIR/rabbit-$1"; }
amqp_port() { echo $((RABBIT_PORT + $1)); }
dist_port() { echo $((RABBITMQ_DIST_PORT + $1)); }
cluster_nodes() { local n out=""; for n in "${NODES[@]}"; do out="$out${out:+,}127.0.0.1:$(amqp_port "$n")"; done; echo "$out"; }

# Each node's environment: its own folders and ports, one shared Erlang cookie (nodes must share it to cluster).
node_env() {
  local n=$1 d; d=$(node_dir "$n")
  export HOME="$d" RABBITMQ_NODENAME="$(node_name "$n")" RABBITMQ_CONFIG_FILE="$d/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$d/advanced.config" RABBITMQ_MNESIA_BASE="$d/mnesia" RABBITMQ_LOG_BASE="$d/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$d/enabled_plugins" RABBITMQ_PID_FILE="$d/beam.pid" RABBITMQ_DIST_PORT="$(dist_port "$n")"
}
ctl() { local n=$1; shift; ( node_env "$n"; "$RABBIT_BIN/rabbitmqctl" -n "$(node_name "$n")" "$@" ); }
answers() { ctl "$1" await_startup >/dev/null 2>&1; }

start_node() {
  local n=$1 d; d=$(node_dir "$n")
  mkdir -p "$d"/{mnesia,log}
  [ -f "$CLUSTER_DIR/cookie" ] || { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$CLUSTER_DIR/cookie"; }
  install -m 400 "$CLUSTER_DIR/cookie" "$d/.erlang.cookie"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users.guest = true\n' "$(amqp_port "$n")" > "$d/rabbitmq.conf"
  echo '[{kernel, [{inet_dist_use_interface, {127,0,0,1}}]}].' > "$d/advanced.config"
  echo '[].' > "$d/enabled_plugins"
  epmd -address 127.0.0.1 -port "$ERL_EPMD_PORT" -daemon
  if answers "$n"; then log "rabbitmq node $n already running on $(amqp_port "$n")"; return; fi
  local old; old=$(cat "$d/beam.pid" 2>/dev/null || true)
  for _ in $(seq 300); do pid_alive "$old" || break; sleep 0.1; done
  wait_ports_free "$(amqp_port "$n")" "$(dist_port "$n")"
  rm -f "$d/beam.pid"
  ( node_env "$n"; setsid "$RABBIT_BIN/rabbitmq-server" > "$d/server.out" 2>&1 < /dev/null & echo $! > "$d/server.pid" )
  for _ in $(seq 120); do answers "$n" && break; sleep 1; done
  answers "$n" || { log "rabbitmq node $n did not start; see $d/server.out"; tail -20 "$d/server.out" >&2; exit 1; }
  log "rabbitmq node $n up on 127.0.0.1:$(amqp_port "$n")"
}

join_node() {
  local n=$1 first; first=$(node_name "${NODES[0]}")
  ctl "$n" cluster_status 2>/dev/null | grep -q "$first" && return 0
  ctl "$n" stop_app >/dev/null
  ctl "$n" join_cluster "$first" >/dev/null
  ctl "$n" start_app >/dev/null
  log "rabbitmq node $n joined $first"
}

start_cluster() {
  "$here/install.sh"
  mkdir -p "$CLUSTER_DIR"
  for n in "${NODES[@]}"; do start_node "$n"; done
  for n in "${NODES[@]:1}"; do join_node "$n"; done
  # A quorum queue declared now gets a member on every node (RabbitMQ's default initial group size: all cluster nodes).
}

start_hosts() {
  local count=${1:-3} url port i
  url="${LOGISTICS_URL:-http://127.0.0.1:5080}"; port="${url##*:}"
  dotnet build "$LOGISTICS_ROOT/services/Logistics.Host/Logistics.Host.csproj" -c Release -o "$CLUSTER_DIR/host" -nologo -v quiet -clp:ErrorsOnly
  for i in $(seq "$count"); do
    if [ -f "$CLUSTER_DIR/host-$i.pid" ] && pid_alive "$(cat "$CLUSTER_DIR/host-$i.pid")"; then log "host $i already running"; continue; fi
    ( LOGISTICS_RABBITMQ_CLUSTER="$(cluster_nodes)" LOGISTICS_RABBITMQ="rabbitmq://127.0.0.1:$(amqp_port 1)" \
      ASPNETCORE_URLS="http://127.0.0.1:$((port + i))" Logging__LogLevel__Default=Warning Logging__LogLevel__Logistics=Information \
      setsid dotnet "$CLUSTER_DIR/host/Logistics.Host.dll" > "$CLUSTER_DIR/host-$i.log" 2>&1 < /dev/null & echo $! > "$CLUSTER_DIR/host-$i.pid" )
    log "host $i starting on http://127.0.0.1:$((port + i)) (log $CLUSTER_DIR/host-$i.log)"
  done
  for i in $(seq "$count"); do
    for _ in $(seq 120); do curl -fsS "http://127.0.0.1:$((port + i))/health" >/dev/null 2>&1 && break; sleep 1; done
  done
  log "hosts up; LOGISTICS_RABBITMQ_CLUSTER=$(cluster_nodes)"
}

stop_all() {
  local f n d beam
  for f in "$CLUSTER_DIR"/host-*.pid; do [ -f "$f" ] && { kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }; done
  for n in "${NODES[@]}"; do
    d=$(node_dir "$n"); [ -f "$d/server.pid" ] || continue
    beam=$(cat "$d/beam.pid" 2>/dev/null || true)
    ctl "$n" stop >/dev/null 2>&1 || true
    for _ in $(seq 300); do pid_alive "$beam" || break; sleep 0.1; done
    pid_alive "$beam" && kill -9 "$beam"
    rm -f "$d/server.pid" "$d/beam.pid"
    log "rabbitmq node $n stopped"
  done
  "$here/stop.sh" epmd
}

case "${1:-}" in
  up) start_cluster; "$here/start.sh" postgres; start_hosts "${2:-3}" ;;
  rabbitmq) start_cluster ;;
  kill) pid=$(cat "$(node_dir "${2:?node 1..3}")/beam.pid"); kill -9 "$pid"; echo "$pid" ;;
  start) start_node "${2:?node 1..3}" ;;
  status) for n in "${NODES[@]}"; do answers "$n" && echo "node $n: up on $(amqp_port "$n")" || echo "node $n: down"; done
          ctl 1 cluster_status 2>/dev/null | sed -n '/Running Nodes/,/Versions/p' || true
          ctl 1 list_queues name type consumers messages 2>/dev/null || true ;;
  nodes) cluster_nodes ;;
  ctl) shift; n=$1; shift; ctl "$n" "$@" ;;
  down) stop_all ;;
  *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac

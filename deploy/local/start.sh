#!/usr/bin/env bash
# Starts the project's own PostgreSQL and RabbitMQ on loopback (data under .data/), waits until both answer.
# Idempotent: a service already answering is left alone. Never touches a system-wide cluster.
#
# LOGISTICS_STARTED_FILE, when set, names a file that gets one line per service this call actually started
# ("postgres", "rabbitmq"): run.sh and test.sh stop only those, never a database another run already had up.
set -euo pipefail
here="$(dirname "$0")"
. "$here/env.sh"
"$here/install.sh"

started() { [ -n "${LOGISTICS_STARTED_FILE:-}" ] && echo "$1" >> "$LOGISTICS_STARTED_FILE"; return 0; }

start_postgres() {
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR"; as_pg=(runuser -u postgres --); else as_pg=(); fi
  if "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then log "postgres already running on $PG_PORT"; return; fi
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    "${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres --no-instructions >/dev/null
    # Durability promises depend on fsync and synchronous_commit staying on (the defaults); say so explicitly.
    cat >> "$PG_DIR/data/postgresql.conf" <<CONF
fsync = on
synchronous_commit = on
max_connections = 200
shared_buffers = 256MB
CONF
  fi
  rm -f "$PG_DIR/data/postmaster.pid.stale"
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
  for _ in $(seq 60); do psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtAc 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
  started postgres
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtAc "select 1 from pg_database where datname='logistics'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc 'create database logistics' >/dev/null
  log "postgres up on 127.0.0.1:$PG_PORT"
}

rabbit_answers() { rabbitctl await_startup >/dev/null 2>&1; }

start_rabbitmq() {
  mkdir -p "$RABBIT_DIR"/{mnesia,log}
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users.guest = true\n' "$RABBIT_PORT" > "$RABBITMQ_CONFIG_FILE"
  echo '[{kernel, [{inet_dist_use_interface, {127,0,0,1}}]}].' > "$RABBITMQ_ADVANCED_CONFIG_FILE"
  echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  # epmd on loopback and on our port; it is shared by nothing else.
  epmd -address 127.0.0.1 -port "$ERL_EPMD_PORT" -daemon
  if rabbit_answers; then log "rabbitmq already running on $RABBIT_PORT"; return; fi
  # Right after a SIGKILL the old VM may still be exiting and its ports still bound, and epmd may still list the old
  # node: starting then fails with dist_port_already_used. Wait until the old node is gone.
  local old; old=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)
  for _ in $(seq 300); do pid_alive "$old" || break; sleep 0.1; done
  wait_ports_free "$RABBIT_PORT" "$RABBITMQ_DIST_PORT" || { log "rabbitmq ports still busy; not starting"; exit 1; }
  # Neither the old node nor any other Erlang node (a CLI call still exiting) may hold the name or the dist port.
  for _ in $(seq 100); do
    epmd -port "$ERL_EPMD_PORT" -names 2>/dev/null | grep -qE "^name ${RABBITMQ_NODENAME%@*} |at port $RABBITMQ_DIST_PORT\$" || break
    sleep 0.1
  done
  rm -f "$RABBITMQ_PID_FILE"
  HOME="$RABBIT_DIR" setsid "$RABBIT_BIN/rabbitmq-server" > "$RABBIT_DIR/server.out" 2>&1 < /dev/null &
  echo $! > "$RABBIT_DIR/server.pid"
  started rabbitmq
  # await_startup fails at once while the node boots, so poll it.
  for _ in $(seq 120); do rabbit_answers && break; sleep 1; done
  rabbit_answers || { log "rabbitmq did not start; see $RABBIT_DIR/server.out"; tail -20 "$RABBIT_DIR/server.out" >&2; exit 1; }
  log "rabbitmq up on 127.0.0.1:$RABBIT_PORT"
}

case "${1:-all}" in
  postgres) start_postgres ;;
  rabbitmq) start_rabbitmq ;;
  all) start_postgres; start_rabbitmq ;;
  *) echo "usage: $0 [all|postgres|rabbitmq]" >&2; exit 2 ;;
esac

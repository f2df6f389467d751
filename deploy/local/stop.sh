#!/usr/bin/env bash
# Stops what start.sh started, by its pid files. Leaves data in place.
set -uo pipefail
. "$(dirname "$0")/env.sh"

stop_postgres() {
  [ -f "$PG_DIR/data/postmaster.pid" ] || return 0
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1
  else "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1; fi
  log "postgres stopped"
}

stop_rabbitmq() {
  [ -f "$RABBIT_DIR/server.pid" ] || return 0
  local beam; beam=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)
  rabbitctl stop >/dev/null 2>&1 || kill "$(cat "$RABBIT_DIR/server.pid")" 2>/dev/null || true
  # rabbitmqctl stop returns before the VM has exited and left epmd; wait for both, then stop the VM by pid if it hangs.
  for _ in $(seq 300); do pid_alive "$beam" || break; sleep 0.1; done
  pid_alive "$beam" && { log "rabbitmq VM $beam still running after 30 s; SIGKILL"; kill -9 "$beam" 2>/dev/null; }
  rm -f "$RABBIT_DIR/server.pid" "$RABBITMQ_PID_FILE"
  stop_epmd
  log "rabbitmq stopped"
}

# The epmd start.sh started on our loopback port, once no node is registered with it any more (epmd -kill refuses while
# one is, which is the race a plain `epmd -kill` right after `rabbitmqctl stop` loses). Another node of ours still
# registered (the local cluster) keeps it. A system epmd on the default port is not ours to stop.
stop_epmd() {
  for _ in $(seq 100); do
    epmd -port "$ERL_EPMD_PORT" -names 2>/dev/null | grep -q '^name ' || break
    sleep 0.1
  done
  if epmd -port "$ERL_EPMD_PORT" -names 2>/dev/null | grep -q '^name '; then
    log "epmd on $ERL_EPMD_PORT kept: nodes still registered"
    return 0
  fi
  epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
  for _ in $(seq 50); do port_in_use "$ERL_EPMD_PORT" || return 0; sleep 0.1; done
  log "epmd on $ERL_EPMD_PORT did not exit"
}

case "${1:-all}" in
  postgres) stop_postgres ;;
  rabbitmq) stop_rabbitmq ;;
  epmd) stop_epmd ;;
  all) stop_rabbitmq; stop_postgres ;;
  *) echo "usage: $0 [all|postgres|rabbitmq|epmd]" >&2; exit 2 ;;
esac

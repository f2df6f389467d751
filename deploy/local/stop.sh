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
  rabbitctl stop >/dev/null 2>&1 || kill "$(cat "$RABBIT_DIR/server.pid")" 2>/dev/null || true
  rm -f "$RABBIT_DIR/server.pid"
  # The epmd start.sh started on our loopback port; a system epmd on the default port is not ours to stop.
  epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
  log "rabbitmq stopped"
}

case "${1:-all}" in
  postgres) stop_postgres ;;
  rabbitmq) stop_rabbitmq ;;
  all) stop_rabbitmq; stop_postgres ;;
  *) echo "usage: $0 [all|postgres|rabbitmq]" >&2; exit 2 ;;
esac

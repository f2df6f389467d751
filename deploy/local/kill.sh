#!/usr/bin/env bash
# SIGKILLs the project's own RabbitMQ VM or PostgreSQL postmaster, by the pid file start.sh's services wrote: what the
# fault tests do to reproduce a crash (a polite stop lets the clients close cleanly and hides what users meet).
# Prints the pid it killed. `start.sh <service>` brings the service back.
set -euo pipefail
. "$(dirname "$0")/env.sh"

case "${1:-}" in
  rabbitmq) pid=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true) ;;
  postgres) pid=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || true) ;;
  *) echo "usage: $0 rabbitmq|postgres" >&2; exit 2 ;;
esac
pid_alive "$pid" || { log "$1 is not running (no live pid)"; exit 1; }
kill -9 "$pid"
for _ in $(seq 100); do pid_alive "$pid" || break; sleep 0.05; done
echo "$pid"

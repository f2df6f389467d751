#!/usr/bin/env bash
# Installs PostgreSQL 15 and RabbitMQ from Debian's packages, only when missing. Idempotent; needs root.
set -euo pipefail
. "$(dirname "$0")/env.sh"

need=()
[ -x "$PG_BIN/postgres" ] || need+=(postgresql-15)
[ -x "$RABBIT_BIN/rabbitmq-server" ] || need+=(rabbitmq-server)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v curl >/dev/null || need+=(curl)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
log "installing: ${need[*]}"
# The packages' post-install would start system-wide services; block that (policy-rc.d exit 101 = "not allowed").
had_policy=0; [ -e /usr/sbin/policy-rc.d ] && had_policy=1
if [ $had_policy -eq 0 ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# A package may still have started a system epmd / node despite the policy: never leave it running on default ports.
pkill -f 'beam.*rabbit@' 2>/dev/null || true
log "installed"

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
# A package may still start a system node or epmd despite the policy. Note which are running before the install, so
# that only those the install itself started are stopped afterwards (never another project's or engineer's node).
beams_before=" $(pgrep -d ' ' -x beam.smp || true) $(pgrep -d ' ' -x epmd || true) "
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
for pid in $(pgrep -x beam.smp || true) $(pgrep -x epmd || true); do
  case "$beams_before" in *" $pid "*) continue ;; esac
  # Only a system node (rabbit@<host>) or the default-port epmd the package started; our own nodes are started later.
  if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qE -- '-sname rabbit@|-name rabbit@|^epmd -daemon *$|/epmd -daemon *$'; then
    log "stopping $(tr '\0' ' ' < "/proc/$pid/cmdline" | cut -c1-60) (pid $pid), started by the package install"
    $SUDO kill "$pid" 2>/dev/null || true
  fi
done
log "installed"

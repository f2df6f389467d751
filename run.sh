#!/usr/bin/env bash
# The main job: PostgreSQL and RabbitMQ up (installed if missing), the host on http://127.0.0.1:5080 with its schema
# applied, and a demo feed replaying the bundled public samples plus a live simulated logger. Ctrl-C stops the host and the services this run started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# Only the services this run starts are stopped on exit: a database another ./run.sh or ./test.sh already had up stays up.
export LOGISTICS_STARTED_FILE; LOGISTICS_STARTED_FILE="$(mktemp)"
deploy/local/start.sh
. deploy/local/env.sh

cleanup() {
  trap - INT TERM EXIT
  [ -n "${host_pid:-}" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  for service in $(tac "$LOGISTICS_STARTED_FILE" 2>/dev/null); do deploy/local/stop.sh "$service"; done
  rm -f "$LOGISTICS_STARTED_FILE"
}
trap cleanup INT TERM EXIT

echo "[run] building the host…" >&2
dotnet build services/Logistics.Host/Logistics.Host.csproj -c Release -o .data/host -nologo -v quiet -clp:ErrorsOnly
URL="${LOGISTICS_URL:-http://127.0.0.1:5080}"
Logistics__DemoFeed=true ASPNETCORE_URLS="$URL" Logging__LogLevel__Default=Warning Logging__LogLevel__Logistics=Information \
  dotnet .data/host/Logistics.Host.dll &
host_pid=$!

for _ in $(seq 60); do curl -fsS "$URL/health" >/dev/null 2>&1 && break; sleep 1; done
cat <<INFO

  Host:      $URL          (endpoints listed at $URL/)
  Health:    $URL/health
  Live logger (demo, TTS v3 + Cayenne LPP, every 3 s):
             curl -s $URL/devices/devEui:70B3D57ED0050001/readings | head -c 600; echo
             curl -s $URL/assets/70B3D57ED0050001/location
  Milestones and every other event as they arrive (canonical wire form):
             curl -s "$URL/events/recent?kind=milestone&limit=5"
             curl -s $URL/references/container:APZU4812090/events
  Quarantine: curl -s $URL/quarantine
  Send your own: curl -s -X POST --data-binary @adapters/Logistics.Adapters/TtsV3/Samples/<file> "$URL/ingest/tts-v3?codec=milesight"
  Translate offline: ./logistics translate --adapter dcsa-tnt adapters/Logistics.Adapters/DcsaTnt/Samples/<file>

  Ctrl-C stops the host, and RabbitMQ and PostgreSQL if this run started them.
INFO
wait "$host_pid"

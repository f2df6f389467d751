#!/usr/bin/env bash
# The main job: PostgreSQL and RabbitMQ up (installed if missing), the host on http://127.0.0.1:5080 with its schema
# applied, a demo tenant with a key of every role and a demo shipment (kept across runs in .data/demo/keys.env), and the
# demo feed — a separate process posting the bundled public samples and a live simulated logger through intake with the
# integrator key. Ctrl-C stops all of it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
deploy/local/start.sh
. deploy/local/env.sh
URL="${LOGISTICS_URL:-http://127.0.0.1:5080}"
SCHEMA="${Logistics__Schema:-logistics}"
export Logistics__Schema="$SCHEMA"
DEMO="$root/.data/demo"
mkdir -p "$DEMO"

cleanup() {
  trap - INT TERM EXIT
  [ -n "${feed_pid:-}" ] && kill "$feed_pid" 2>/dev/null && { wait "$feed_pid" 2>/dev/null || true; }
  [ -n "${host_pid:-}" ] && kill "$host_pid" 2>/dev/null && { wait "$host_pid" 2>/dev/null || true; }
  deploy/local/stop.sh
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # Ctrl-C at any step: leave through the EXIT trap, never carry on with the next step

# Data written before tenants existed has no tenant_id: it belongs to nobody, so the demo schema starts afresh.
psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d logistics -qtAX "$@"; }
if [ "$(psql_ -c "select count(*) from information_schema.tables where table_schema = '$SCHEMA' and table_name = 'raw_messages'")" = 1 ] \
   && [ "$(psql_ -c "select count(*) from information_schema.columns where table_schema = '$SCHEMA' and table_name = 'raw_messages' and column_name = 'tenant_id'")" = 0 ]; then
  echo "[run] schema $SCHEMA predates tenants: dropping it" >&2
  psql_ -c "drop schema $SCHEMA cascade" >/dev/null
  rm -f "$DEMO/keys.env"
fi

echo "[run] building the web console, the host, the demo feed and the CLI…" >&2
services/Logistics.Host/console/build.sh
dotnet build services/Logistics.Host/Logistics.Host.csproj -c Release -o .data/host -nologo -v quiet -clp:ErrorsOnly
dotnet build services/Logistics.DemoFeed/Logistics.DemoFeed.csproj -c Release -o .data/demofeed -nologo -v quiet -clp:ErrorsOnly
./logistics --help >/dev/null

# Webhooks: the demo may deliver to receivers on this machine (never in production: SSRF), and its subscription secrets
# are sealed with a key kept beside the demo keys (docs/webhooks.md).
[ -s "$DEMO/webhook-secret.key" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$DEMO/webhook-secret.key")
export Logistics__Webhooks__AllowPrivateTargets=true Logistics__Webhooks__SecretKey="$(cat "$DEMO/webhook-secret.key")"
# Metrics: the Prometheus scrape listener on its own loopback port (not a route of the tenant API: docs/operations.md).
url_port="${URL##*:}"; url_port="${url_port%%/*}"
METRICS_PORT="${LOGISTICS_METRICS_PORT:-$((url_port + 4000))}"
export Logistics__Telemetry__PrometheusPort="$METRICS_PORT"
ASPNETCORE_URLS="$URL" Logging__LogLevel__Default=Warning Logging__LogLevel__Logistics=Information dotnet .data/host/Logistics.Host.dll &
host_pid=$!
for _ in $(seq 60); do curl -fsS "$URL/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$URL/health" >/dev/null || { echo "[run] the host did not become healthy on $URL" >&2; exit 1; }

api() { # api METHOD PATH KEY [JSON] -> body on stdout, fails on a non-2xx answer
  curl -fsS -X "$1" "$URL$2" -H "Authorization: Bearer $3" ${4:+-H 'Content-Type: application/json' --data "$4"}
}
field() { grep -oE "\"$1\": ?\"[^\"]+\"" | head -1 | sed -E 's/.*"([^"]+)"$/\1/'; }   # the first string field NAME of a JSON text

# The demo tenant: reused when its admin key still works, otherwise created with a key of every role.
[ -f "$DEMO/keys.env" ] && . "$DEMO/keys.env"
if [ -z "${ADMIN_KEY:-}" ] || ! api GET /api-keys "$ADMIN_KEY" >/dev/null 2>&1; then
  echo "[run] creating the demo tenant" >&2
  created="$(./logistics tenants create "Demo Pharma")"
  TENANT_ID="$(echo "$created" | field tenantId)"
  ADMIN_KEY="$(echo "$created" | field adminKey)"
  for role in shipper viewer qa integrator; do
    key="$(api POST /api-keys "$ADMIN_KEY" "{\"name\": \"demo $role\", \"role\": \"$role\", \"user\": \"$role@demo.example\"}" | field key)"
    printf -v "${role^^}_KEY" '%s' "$key"
  done
  SHIPMENT_ID=""
fi
if [ -z "${SHIPMENT_ID:-}" ] || ! api GET "/shipments/$SHIPMENT_ID" "$VIEWER_KEY" >/dev/null 2>&1; then
  echo "[run] registering the demo shipment" >&2
  SHIPMENT_ID="$(api POST /shipments "$SHIPPER_KEY" '{"reference": "PO-DEMO-4711",
      "refs": [{"scheme": "container", "value": "APZU4812090"}, {"scheme": "booking", "value": "ABC123123123"}],
      "product": {"name": "Vaccine X", "lot": "L123"}, "profile": "col-2-8", "consignee": "Hospital Pharmacy",
      "legs": [{"id": "ocean", "custodian": "MAEU", "mode": "ocean"}, {"id": "road", "custodian": "DHL", "mode": "road"}]}' | field id)"
  from="$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)"
  api POST "/shipments/$SHIPMENT_ID/devices" "$SHIPPER_KEY" "{\"device\": \"devEui:70B3D57ED0050001\", \"from\": \"$from\", \"position\": \"product\"}" >/dev/null
fi
# The console's demo signers: QA's two people (a reviewer and an approver must differ), each with a signing password.
DEMO_SIGNING_PASSWORD="${DEMO_SIGNING_PASSWORD:-demo signing password}"
if [ -z "${APPROVER_KEY:-}" ] || ! api GET /me "$APPROVER_KEY" >/dev/null 2>&1; then
  APPROVER_KEY="$(api POST /api-keys "$ADMIN_KEY" '{"name": "demo qa approver", "role": "qa", "user": "approver@demo.example"}' | field key)"
fi
api PUT /users/qa@demo.example/signing-password "$QA_KEY" "{\"password\": \"$DEMO_SIGNING_PASSWORD\"}" >/dev/null
api PUT /users/approver@demo.example/signing-password "$APPROVER_KEY" "{\"password\": \"$DEMO_SIGNING_PASSWORD\"}" >/dev/null
umask 077
cat > "$DEMO/keys.env" <<KEYS
TENANT_ID=$TENANT_ID
ADMIN_KEY=$ADMIN_KEY
SHIPPER_KEY=$SHIPPER_KEY
VIEWER_KEY=$VIEWER_KEY
QA_KEY=$QA_KEY
INTEGRATOR_KEY=$INTEGRATOR_KEY
APPROVER_KEY=$APPROVER_KEY
SHIPMENT_ID=$SHIPMENT_ID
KEYS

dotnet .data/demofeed/Logistics.DemoFeed.dll --url "$URL" --key "$INTEGRATOR_KEY" &
feed_pid=$!

cat <<INFO

  Console:   $URL/console/     sign in with the demo key: $ADMIN_KEY (admin: every page)
             QA signs with qa $QA_KEY (reviewer) and $APPROVER_KEY (approver), signing password "$DEMO_SIGNING_PASSWORD"
  Host:      $URL          (OpenAPI: $URL/openapi/v1.json)     Health: $URL/health
  Tenant:    $TENANT_ID    (keys kept in .data/demo/keys.env; shown here for the demo only)
    admin      $ADMIN_KEY
    shipper    $SHIPPER_KEY
    viewer     $VIEWER_KEY
    qa         $QA_KEY
    integrator $INTEGRATOR_KEY

  The demo shipment (container APZU4812090's DCSA milestones, logger devEui:70B3D57ED0050001 attached, profile col-2-8):
    curl -s -H "Authorization: Bearer $VIEWER_KEY" $URL/shipments/$SHIPMENT_ID; echo
    curl -s -H "Authorization: Bearer $VIEWER_KEY" $URL/shipments/$SHIPMENT_ID/timeline | head -c 800; echo
    curl -s -H "Authorization: Bearer $VIEWER_KEY" "$URL/shipments/$SHIPMENT_ID/readings?type=temperature" | head -c 600; echo
  The live logger (TTS v3 + Cayenne LPP every 3 s) and its location:
    curl -s -H "Authorization: Bearer $VIEWER_KEY" $URL/devices/devEui:70B3D57ED0050001/readings | head -c 600; echo
    curl -s -H "Authorization: Bearer $VIEWER_KEY" $URL/assets/70B3D57ED0050001/location; echo
  Where things are, the demo shipment's track, the live stream (Ctrl-C to leave it):
    curl -s -H "Authorization: Bearer $VIEWER_KEY" "$URL/assets?bbox=-180,-90,180,90"; echo
    curl -s -H "Authorization: Bearer $VIEWER_KEY" $URL/shipments/$SHIPMENT_ID/track | head -c 600; echo
    curl -sN -H "Authorization: Bearer $VIEWER_KEY" $URL/locations/stream
  A geofence and a webhook (shipper):
    curl -s -X POST -H "Authorization: Bearer $SHIPPER_KEY" -H 'Content-Type: application/json' -d '{"name": "Rotterdam", "center": {"lat": 51.92, "lon": 4.48}, "radiusM": 5000}' $URL/geofences; echo
    curl -s -X POST -H "Authorization: Bearer $SHIPPER_KEY" -H 'Content-Type: application/json' -d '{"url": "http://127.0.0.1:9999/hook", "events": ["milestone", "geofence", "eta.changed"]}' $URL/webhooks; echo
  Milestones as they arrive, and quarantine:
    curl -s -H "Authorization: Bearer $VIEWER_KEY" "$URL/events/recent?kind=milestone&limit=5"; echo
    curl -s -H "Authorization: Bearer $INTEGRATOR_KEY" $URL/quarantine; echo
  Send your own (integrator key):
    curl -s -X POST -H "Authorization: Bearer $INTEGRATOR_KEY" --data-binary @adapters/Logistics.Adapters/TtsV3/Samples/tts-v3-uplink-milesight-AT101.json "$URL/ingest/tts-v3?codec=milesight"; echo
  A key for a colleague (admin), and another tenant:
    curl -s -X POST -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' -d '{"name": "ops", "role": "viewer", "user": "ops@demo.example"}' $URL/api-keys; echo
    ./logistics tenants create "Consignee Hospital"

  Operations (docs/operations.md): metrics for Prometheus, traces and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT
  is set before ./run.sh, logs as JSON lines (raw message id, adapter, tenant, trace id) on the host's console:
    curl -s http://127.0.0.1:$METRICS_PORT/metrics | grep '^logistics_'
    curl -s -H "Authorization: Bearer $ADMIN_KEY" $URL/retention; echo
    curl -s -X PUT -H "Authorization: Bearer $QA_KEY" -H 'Content-Type: application/json' -d '{"reason": "demo hold"}' $URL/shipments/$SHIPMENT_ID/legal-hold; echo

  Ctrl-C stops the demo feed, the host, RabbitMQ and PostgreSQL.
INFO
wait "$host_pid"

#!/usr/bin/env bash
# The whole test suite: PostgreSQL and RabbitMQ up (installed if missing), the CycloneDX SBOM and the vulnerability gate,
# every test project (unit, conformance kit, fuzz run, GxP, CLI, and the host's integration tests on the real services, the
# OpenAPI lint among them), then one closing line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
deploy/local/start.sh || { echo "0 passed, 1 failed"; exit 1; }
. deploy/local/env.sh
export FUZZ_SECONDS="${FUZZ_SECONDS:-5}"

# The OpenAPI linter (tests/openapi: package.json + lockfile + ruleset); Node.js from Debian's packages when missing.
if ! command -v npm >/dev/null 2>&1; then
  echo "[test] installing nodejs and npm (apt)" >&2
  { apt-get update -qq && apt-get install -y -qq nodejs npm; } >/dev/null 2>&1 || echo "[test] nodejs/npm could not be installed: the OpenAPI lint test will fail" >&2
fi
(cd tests/openapi && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || echo "[test] npm ci in tests/openapi failed: the OpenAPI lint test will fail" >&2
# The web console (built before the host, which copies it) and its browser tests: playwright-core driving Debian's chromium.
services/Logistics.Host/console/build.sh || echo "[test] the web console did not build: its tests will fail" >&2
if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing chromium (apt)" >&2
  { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1 || echo "[test] chromium could not be installed: the browser tests will fail" >&2
fi
(cd tests/console && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || echo "[test] npm ci in tests/console failed: the browser tests will fail" >&2

results="$root/.data/test-results"
rm -rf "$results"; mkdir -p "$results"
export FUZZ_LEDGER="$results/fuzz-ledger.txt"
dotnet build Logistics.sln -nologo -v quiet -clp:ErrorsOnly || { echo "build failed"; echo "0 passed, 1 failed"; deploy/local/stop.sh; exit 1; }

status=0
# Supply chain (GUARANTEES G11): a CycloneDX SBOM of the solution and the vulnerability gate, both reports in this log.
supply_chain_failed=0
echo "== supply chain" >&2
if dotnet tool restore >/dev/null && dotnet CycloneDX Logistics.sln -o "$results" -fn bom.cdx.json -F Json -dpr >/dev/null 2>"$results/sbom.err"; then
  echo "[sbom] CycloneDX $(grep -o '"specVersion": *"[^"]*"' "$results/bom.cdx.json" | head -1 | grep -o '[0-9.]*') SBOM: $results/bom.cdx.json, $(grep -o '"purl": *"[^"]*"' "$results/bom.cdx.json" | sort -u | wc -l) components:" >&2
  grep -o '"purl": *"[^"]*"' "$results/bom.cdx.json" | sed -E 's/.*"(pkg:[^"]*)"/[sbom]   \1/' | sort -u >&2
else
  echo "[sbom] SBOM generation FAILED:" >&2; cat "$results/sbom.err" >&2; supply_chain_failed=1
fi
dotnet run --project tests/Logistics.SupplyChain --no-build -- Logistics.sln deploy/supply-chain/advisories.json >&2 || supply_chain_failed=1
[ "$supply_chain_failed" = 0 ] || status=1

for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name" >&2
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done
[ "${KEEP_SERVICES:-}" = 1 ] || deploy/local/stop.sh

# The ledgers the guarantee tests and the fuzz run report (GUARANTEES.md), kept in the CI log.
echo "== ledgers" >&2
[ -f "$FUZZ_LEDGER" ] && cat "$FUZZ_LEDGER" >&2
cat "$results"/*.trx 2>/dev/null | grep -o 'LEDGER [^<&]*' >&2

# Sum the TRX counters of every project into the closing line.
totals=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/[^0-9]/, "", kv[2]); v[kv[1]] += kv[2] } }
  END { printf "%d %d %d", v["passed"], v["failed"] + v["error"] + v["timeout"], v["notExecuted"] }')
read -r passed failed skipped <<<"${totals:-0 0 0}"
failed=$((failed + supply_chain_failed))   # the SBOM / vulnerability gate counts as one failure when it fails
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || status=1
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $status

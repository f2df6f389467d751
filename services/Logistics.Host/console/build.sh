#!/usr/bin/env bash
# Builds the web console into dist/ (served by the host at /console/): npm ci from the committed lockfile, a type check,
# then Vite. Node.js and npm come from Debian's packages when missing. run.sh and test.sh call this before building the host.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if ! command -v npm >/dev/null 2>&1; then
  echo "[console] installing nodejs and npm (apt)" >&2
  { apt-get update -qq && apt-get install -y -qq nodejs npm; } >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npx tsc -p tsconfig.json
npx vite build --logLevel warn

#!/usr/bin/env bash
# rabbitmqctl against the project's own node (same environment as start.sh), e.g. `deploy/local/rabbitmqctl.sh list_queues`.
set -euo pipefail
. "$(dirname "$0")/env.sh"
rabbitctl "$@"

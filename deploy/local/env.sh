# Sourced by every local-services script: one place for ports, folders and the RabbitMQ environment.
# Everything lives under <repo>/.data (git-ignored), bound to 127.0.0.1, on ports no system service uses.
LOGISTICS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="${LOGISTICS_DATA_DIR:-$LOGISTICS_ROOT/.data}"

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR="$DATA_DIR/pg"
PG_PORT="${LOGISTICS_PG_PORT:-25432}"

RABBIT_DIR="$DATA_DIR/rabbitmq"
RABBIT_PORT="${LOGISTICS_RABBIT_PORT:-25672}"
RABBIT_BIN=/usr/lib/rabbitmq/bin
export HOME_FOR_RABBIT="$RABBIT_DIR"
export RABBITMQ_NODENAME="logistics@localhost"
export RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$RABBIT_DIR/advanced.config"
export RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia"
export RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
export RABBITMQ_DIST_PORT="${LOGISTICS_RABBIT_DIST_PORT:-35672}"
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT="${LOGISTICS_EPMD_PORT:-24369}"

# Connection strings the host and the tests read (they default to the same values).
export LOGISTICS_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=logistics;Pooling=true;Maximum Pool Size=40"
export LOGISTICS_RABBITMQ="rabbitmq://127.0.0.1:$RABBIT_PORT"

log() { printf '[local] %s\n' "$*" >&2; }

# rabbitmqctl needs the same environment and an Erlang cookie under its HOME.
rabbitctl() { HOME="$RABBIT_DIR" "$RABBIT_BIN/rabbitmqctl" -n "$RABBITMQ_NODENAME" "$@"; }

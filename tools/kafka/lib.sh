# Shared settings and helpers for tools/kafka/{start,stop,status}; sourced, never run.
#
# Every broker lives in its own run directory keyed by its port, so a developer's broker on
# 9092 and a test run's broker on a random port never share a pid file or data.

KAFKA_TOOL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-$KAFKA_TOOL_DIR/.cache}"
KAFKA_RUN_DIR="${KAFKA_RUN_DIR:-$KAFKA_CACHE_DIR/run/$KAFKA_PORT}"
KAFKA_PID_FILE="$KAFKA_RUN_DIR/kafka.pid"
KAFKA_DATA_DIR="$KAFKA_RUN_DIR/data"
KAFKA_LOG_FILE="$KAFKA_RUN_DIR/kafka.log"

kafka_log() { echo "[tools/kafka] $*" >&2; }

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The pid of our broker for this port when it is alive, empty otherwise. The command line must
# carry our marker so that a recycled pid belonging to another program is never mistaken for it.
running_broker_pid() {
  [[ -f "$KAFKA_PID_FILE" ]] || return 0
  local pid
  pid="$(cat "$KAFKA_PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dzos.kafka.port=$KAFKA_PORT "; then
    echo "$pid"
  fi
}

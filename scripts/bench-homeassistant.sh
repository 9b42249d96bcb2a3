#!/usr/bin/env bash
# Home Assistant benchmark, over loopback against a release build of
# `hearth run` and a stand-in Home Assistant (bench/fake_homeassistant.py).
# It reports, for POST /synapses/start/order (muted, keep-alive, sequential):
#   - p50/p99 latency of an order that only speaks, of one that calls a Home
#     Assistant service, and of one that asks the conversation agent: the
#     difference is the time a Home Assistant round trip adds
#   - with Home Assistant stuck (accepts, never answers; timeout 2 s): the
#     first order's latency (it waits for the timeout), the next orders'
#     (they fail at once, the device knows Home Assistant is down), and an
#     order that does not need Home Assistant meanwhile
#   - with Home Assistant stopped (connection refused): the same
# Settings: REQUESTS (per measurement, default 300), HEARTH (a hearth binary
# to use instead of building the release one).
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-300}
TOKEN=bench-token-not-secret

source scripts/lib-bench.sh
HEARTH=$(release_hearth)

bench_scratch
fake=""
cleanup_more() { if [ -n "$fake" ]; then kill "$fake" 2>/dev/null || true; fi; }

cat > "$work/brain.yml" <<'YAML'
- name: "say-hello"
  signals: [{order: "bonjour"}]
  neurons:
    - say: {message: "Bonjour"}
- name: "kitchen-light"
  signals: [{order: "turn on the kitchen light"}]
  neurons:
    - homeassistant: {action: service, domain: light, service: turn_on, entity_id: light.kitchen}
- name: "ask-home-assistant"
  signals: [{order: "ask home assistant {{ question }}"}]
  neurons:
    - homeassistant: {action: conversation, text: "{{ question }}"}
YAML

# Starts the stand-in Home Assistant in MODE on $ha_port.
start_fake() {
  python3 bench/fake_homeassistant.py "$ha_port" "$TOKEN" "$1" &
  fake=$!
  for _ in $(seq 1 200); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $ha_port), 0.1)" 2>/dev/null; then return 0; fi
    sleep 0.02
  done
  echo "the stand-in Home Assistant did not start" >&2
  exit 1
}

stop_fake() {
  kill "$fake" 2>/dev/null || true
  wait "$fake" 2>/dev/null || true
  fake=""
}

start_daemon() {
  local timeout=$1
  printf 'rest_api:\n  host: "127.0.0.1"\nhomeassistant:\n  url: "http://127.0.0.1:%s"\n  timeout: %s\n' \
    "$ha_port" "$timeout" > "$work/settings.yml"
  HEARTH_HOMEASSISTANT_TOKEN=$TOKEN "$HEARTH" run --port "$port" --state-dir "$work/state" \
    --brain "$work/brain.yml" --settings "$work/settings.yml" --log-level warning 2>"$work/daemon.log" &
  daemon=$!
  for _ in $(seq 1 500); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then return 0; fi
    sleep 0.01
  done
  echo "hearth run did not answer:" >&2
  cat "$work/daemon.log" >&2
  exit 1
}

stop_daemon() {
  kill -TERM "$daemon"
  wait "$daemon" || true
  daemon=""
}

# Waits until /api/homeassistant/status says connected is $1.
wait_connected() {
  for _ in $(seq 1 500); do
    if curl -s "http://127.0.0.1:$port/api/homeassistant/status" | grep -q "\"connected\": *$1"; then return 0; fi
    sleep 0.02
  done
  echo "Home Assistant never became connected=$1" >&2
  exit 1
}

# Sends ORDER $2 times over one keep-alive connection; prints each latency in ms.
latencies() {
  local order=$1 count=$2 urls=()
  for _ in $(seq 1 "$count"); do urls+=(-o /dev/null "http://127.0.0.1:$port/synapses/start/order"); done
  curl -s -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -d "{\"order\": \"$order\", \"mute\": true}" "${urls[@]}" | awk '{ printf "%.3f\n", $1 * 1000 }'
}

# "p50 p99" of latencies on stdin.
percentiles() {
  sort -n | awk '
    function rank(p,  i) { i = int(NR * p); if (i < NR * p) i++; return i < 1 ? 1 : i }
    { v[NR] = $1 }
    END { printf "p50 %6.2f ms  p99 %6.2f ms", v[rank(0.5)], v[rank(0.99)] }'
}

port=$(free_port)
ha_port=$(free_port)

echo "== Home Assistant up ($REQUESTS sequential orders each, keep-alive)"
start_fake normal
start_daemon 10
wait_connected true
latencies "bonjour" 20 >/dev/null
latencies "turn on the kitchen light" 20 >/dev/null
# Interleaved in rounds of 20, so a change in the machine's load falls on
# all three alike.
: > "$work/say" ; : > "$work/service" ; : > "$work/conversation"
for _ in $(seq 1 $(( (REQUESTS + 19) / 20 ))); do
  latencies "bonjour" 20 >> "$work/say"
  latencies "turn on the kitchen light" 20 >> "$work/service"
  latencies "ask home assistant turn on the light" 20 >> "$work/conversation"
done
say=$(percentiles < "$work/say")
service=$(percentiles < "$work/service")
conversation=$(percentiles < "$work/conversation")
printf '  say only                 %s\n' "$say"
printf '  homeassistant service    %s\n' "$service"
printf '  homeassistant convers.   %s\n' "$conversation"
stop_daemon
stop_fake

echo "== Home Assistant stuck (accepts, never answers; timeout 2 s)"
start_fake normal
start_daemon 2
wait_connected true
stop_fake
start_fake hang
first=$(latencies "turn on the kitchen light" 1)
next=$(latencies "turn on the kitchen light" 20 | percentiles)
other=$(latencies "bonjour" 20 | percentiles)
printf '  first order              %8.1f ms (waits for the timeout)\n' "$first"
printf '  next orders              %s (known down: fail at once)\n' "$next"
printf '  order without HA         %s\n' "$other"
stop_fake

echo "== Home Assistant stopped (connection refused)"
stop_daemon
start_fake normal
start_daemon 2
wait_connected true
stop_fake
first=$(latencies "turn on the kitchen light" 1)
next=$(latencies "turn on the kitchen light" 20 | percentiles)
printf '  first order              %8.1f ms\n' "$first"
printf '  next orders              %s\n' "$next"
start_fake normal
start=$(date +%s.%N)
wait_connected true
printf '  restarted: connected again after %s s (probes back off from 1 s)\n' \
  "$(awk -v start="$start" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - start }')"
stop_daemon

#!/usr/bin/env bash
# REST API benchmark: POST /synapses/start/order (muted) over loopback against
# a release build of `hearth run`, for the starter brain and for a generated
# brain of 1,000 synapses. For each brain it reports:
#   - time from launch to the first answered order (median of 5 launches)
#   - requests/s and p50/p99 latency with keep-alive, with per-request logs
#     on (the default, written to a file) and off (--log-level warning)
#   - the same with a new connection per request
#   - p50/p99 latency with one client at a time (keep-alive, logs on)
#   - resident memory after start and after 100,000 requests
# Settings: DURATION (s per run, default 10), CONNECTIONS (default 16),
# THREADS (wrk threads, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}

source scripts/lib-bench.sh
need_wrk

hearth=$(release_hearth)

bench_scratch
bash bench/make-brain.sh 1000 > "$work/brain-1000.yml"
# The starter settings' hooks name starter synapses; the generated brain has none.
printf 'rest_api:\n  host: "127.0.0.1"\n' > "$work/settings.yml"

# Starts `hearth run` on $port with the given arguments; sets $daemon once
# it answers (the ready line is not logged below --log-level notice).
start_daemon() {
  local log=$1; shift
  "$hearth" run --port "$port" "$@" 2>"$log" &
  daemon=$!
  for _ in $(seq 1 500); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then return 0; fi
    sleep 0.01
  done
  echo "hearth run did not answer:" >&2
  cat "$log" >&2
  exit 1
}

stop_daemon() {
  kill -TERM "$daemon"
  wait "$daemon" || true
  daemon=""
}

# Runs wrk; prints "requests rps p50 p99 non201" (latencies as wrk prints them).
load() {
  local close=$1 duration=$2 connections=${3:-$CONNECTIONS} threads=${4:-$THREADS}
  CLOSE=$close ORDER="$order" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency \
    -s bench/post-order.lua "http://127.0.0.1:$port/synapses/start/order" > "$work/wrk.out"
  wrk_summary "$work/wrk.out"
}

report() {
  printf "  %-44s %10s req/s   p50 %-9s p99 %-9s (%s requests, %s not 201)\n" "$1" "$3" "$4" "$5" "$2" "$6"
}

bench_brain() {
  local label=$1; shift
  order=$1; shift
  port=$(free_port)
  echo
  echo "== $label (order: \"$order\", $CONNECTIONS connections, $THREADS wrk threads, ${DURATION}s runs)"

  local starts=()
  for _ in 1 2 3 4 5; do starts+=("$(python3 bench/first-answer.py "$hearth" "$port" "$order" "$@")"); done
  local median
  median=$(printf "%s\n" "${starts[@]}" | sort -n | sed -n 3p)
  echo "  launch to first answered order: ${median} ms median (runs: ${starts[*]} ms)"

  cold_page_cache
  start_daemon "$work/daemon.log" "$@"
  echo "  resident memory after start: $(rss_mb "$daemon") MB"
  load 0 2 >/dev/null   # warm-up, not reported
  local total=0 result
  # One client at a time: the latency of an order, not of a queue.
  result=$(load 0 "$DURATION" 1 1); report "keep-alive, 1 client, request logs on" $result
  result=$(load 0 "$DURATION"); report "keep-alive, request logs on" $result
  total=$((total + $(echo "$result" | cut -d' ' -f1)))
  while [ "$total" -lt 100000 ]; do
    total=$((total + $(load 0 5 | cut -d' ' -f1)))
  done
  echo "  resident memory after $total requests: $(rss_mb "$daemon") MB"
  result=$(load 1 "$DURATION"); report "new connection each, request logs on" $result
  stop_daemon

  start_daemon "$work/quiet.log" --log-level warning "$@"
  load 0 2 >/dev/null
  result=$(load 0 "$DURATION"); report "keep-alive, request logs off" $result
  result=$(load 1 "$DURATION"); report "new connection each, request logs off" $result
  stop_daemon
}

echo "hearth $("$hearth" --version), $(nproc) cores, $(uname -m)"
bench_brain "starter brain" "bonjour"
bench_brain "generated brain, 1,000 synapses" "close the blinds in the bathroom number 500" \
  --brain "$work/brain-1000.yml" --settings "$work/settings.yml"

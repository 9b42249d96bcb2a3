#!/usr/bin/env bash
# Rasa Core API benchmark, against a release build of `hearth run` over
# loopback, with the domain and stories of bench/rasa-domain.yml and
# bench/rasa-stories.md. Reports:
#   - parse latency p50/p99 as the client sees it (wrk, one client),
#     keep-alive and a new connection per request, over 50 conversations in
#     turn, and parses per second with CONNECTIONS clients; and as the
#     server measured it (the request log's duration), the figure Rasa Core
#     0.9's ~1.5 ms per parse compares with
#   - GET tracker on a conversation of 10,000 events
#   - event appends per second (one event per request, each synced to disk)
#   - resident memory after start and after the runs (Rasa Core 0.9: ~87 MB)
# Everything runs twice: with the state database on disk (a parse's events
# are committed before the answer and synced within a second; posted events
# are synced before the answer), and on tmpfs (/dev/shm), where a sync costs
# nothing: the figure that compares with Rasa Core 0.9, whose default
# tracker store kept conversations in memory only.
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
shm=""
cleanup_more() { if [ -n "$shm" ]; then rm -rf "$shm"; fi; }

rest_port=$(free_port)
port=$(free_port)
cp bench/rasa-domain.yml "$work/domain.yml"
cp bench/rasa-stories.md "$work/stories.md"
printf 'rest_api:\n  port: %s\nrasa:\n  port: %s\n  domain: domain.yml\n  stories: stories.md\n' "$rest_port" "$port" > "$work/settings.yml"

start_daemon() {
  "$hearth" run --settings "$work/settings.yml" --state-dir "$1" 2>"$work/daemon.log" &
  daemon=$!
  for _ in $(seq 1 1000); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/version"; then return 0; fi
    sleep 0.01
  done
  echo "hearth run did not serve Rasa:" >&2
  cat "$work/daemon.log" >&2
  exit 1
}

# Runs wrk; prints "requests rps p50 p99 failures".
load() {
  local mode=$1 close=$2 duration=$3 connections=${4:-$CONNECTIONS} threads=${5:-$THREADS}
  MODE=$mode CLOSE=$close wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s --latency \
    -s bench/rasa-request.lua "http://127.0.0.1:$port/" > "$work/wrk.out"
  wrk_summary "$work/wrk.out"
}

report() {
  printf "  %-44s %9s req/s   p50 %-9s p99 %-9s (%s requests, %s not 200)\n" "$1" "$3" "$4" "$5" "$2" "$6"
}

# p50 and p99 of the server-side durations (µs) of the request log lines for
# PATH_PATTERN written since line $1 of the log.
server_side() {
  local from=$1 pattern=$2
  tail -n +"$from" "$work/daemon.log" | grep -E "path=$pattern" | sed -E 's/.*duration_us=([0-9]+).*/\1/' | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "none"; exit }
      printf "p50 %.2f ms, p99 %.2f ms (%d requests)\n", v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000, NR }'
}

lines() { wc -l < "$work/daemon.log"; }

echo "hearth $("$hearth" --version), $(nproc) cores, $(uname -m); $CONNECTIONS connections, $THREADS wrk threads, ${DURATION}s runs"
# A conversation of 10,000 events, sent as ten requests of 1,000 so each
# body stays under the 1 MiB limit.
python3 - "$work" <<'PY'
import json, sys
events = [{"event": "action", "name": "action_listen", "timestamp": 1514764800.0}]
for i in range(9999):
    t = 1514764800.0 + i
    events.append({"event": "user", "text": "/greet", "timestamp": t,
                   "parse_data": {"text": "/greet", "intent": {"name": "greet", "confidence": 1.0},
                                  "intent_ranking": [{"name": "greet", "confidence": 1.0}], "entities": []}}
                  if i % 2 == 0 else {"event": "action", "name": "utter_greet", "timestamp": t})
for batch in range(10):
    json.dump(events[batch * 1000:(batch + 1) * 1000], open(f"{sys.argv[1]}/events-{batch}.json", "w"))
PY

bench_state() {
  local label=$1 state=$2
  echo
  echo "#### state database $label ($state)"
  cold_page_cache
  start_daemon "$state"
  echo "  resident memory after start: $(rss_mb "$daemon") MB"

  echo "== parse (\"/greet\", 50 conversations in turn; each parse is committed before the answer)"
  load parse 0 2 >/dev/null   # warm-up, not reported
  # Latency with one client at a time, so it is the time of a parse and not
  # of a queue; then the throughput of $CONNECTIONS clients.
  mark=$(($(lines) + 1))
  report "keep-alive, 1 client" $(load parse 0 "$DURATION" 1 1)
  echo "    server-side: $(server_side "$mark" '/conversations/bench-[0-9]+/parse')"
  mark=$(($(lines) + 1))
  report "new connection each, 1 client" $(load parse 1 "$DURATION" 1 1)
  echo "    server-side: $(server_side "$mark" '/conversations/bench-[0-9]+/parse')"
  report "keep-alive, $CONNECTIONS clients" $(load parse 0 "$DURATION")

  echo "== GET tracker of a conversation of 10,000 events"
  curl -sf -o /dev/null -X PUT --data-binary @"$work/events-0.json" "http://127.0.0.1:$port/conversations/bench-10k/tracker"
  for batch in 1 2 3 4 5 6 7 8 9; do
    curl -sf -o /dev/null --data-binary @"$work/events-$batch.json" "http://127.0.0.1:$port/conversations/bench-10k/tracker/events"
  done
  count=$(curl -sf "http://127.0.0.1:$port/conversations/bench-10k/tracker" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["events"]))')
  bytes=$(curl -sf "http://127.0.0.1:$port/conversations/bench-10k/tracker" | wc -c)
  echo "  answer: $count events, $bytes bytes"
  load tracker 0 2 >/dev/null
  mark=$(($(lines) + 1))
  report "keep-alive, 1 client" $(load tracker 0 "$DURATION" 1 1)
  echo "    server-side: $(server_side "$mark" '/conversations/bench-10k/tracker')"

  echo "== event appends (one slot event per request, synced before the answer)"
  report "keep-alive, $CONNECTIONS clients" $(load event 0 "$DURATION")

  echo "  resident memory after the runs: $(rss_mb "$daemon") MB"
  kill -TERM "$daemon"; wait "$daemon" || true; daemon=""
}

bench_state "on disk" "$work/state"
if [ -d /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/hearth-bench-rasa.XXXXXX)
  bench_state "on tmpfs" "$shm"
fi
echo
echo "Rasa Core 0.9 for comparison: ~1.5 ms server-side per parse, ~87 MB resident."

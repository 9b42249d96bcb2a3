#!/usr/bin/env bash
# Rewrites Sources/hearth/hot-functions.order: the functions a serving daemon
# runs, which the release link places first in the binary (Package.swift).
#
# Code is read from the binary a page at a time, and the kernel maps 64 KB
# around each page it faults in. Laid out as compiled, the few functions a
# daemon uses are spread over most of its 32 MB of code, and ~18 MB of it
# stays resident. Laid out from this list they sit together in ~7 MB.
#
# How: the release binary runs under valgrind's callgrind through start-up,
# Kalliope orders, Rasa turns, trackers, the control API and the dashboard;
# scripts/hot_functions.py keeps the functions that ran. Run it after large
# changes; names that no longer exist are skipped by the link, and code not
# listed still works, it is only laid out after. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind > /dev/null || { echo "profile-layout: valgrind is required (apt-get install valgrind)"; exit 1; }

source scripts/lib-bench.sh
hearth=$(release_hearth)
bench_scratch

# valgrind cannot read the DWARF of a binary this large; symbols are enough.
objcopy --strip-debug "$hearth" "$work/hearth"
rest=$(free_port)
rasa=$(free_port)
cp bench/rasa-domain.yml "$work/domain.yml"
cp bench/rasa-stories.md "$work/stories.md"
printf 'rest_api:\n  port: %s\nrasa:\n  port: %s\n  domain: domain.yml\n  stories: stories.md\n' "$rest" "$rasa" > "$work/settings.yml"

valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/callgrind.out" \
  "$work/hearth" run --settings "$work/settings.yml" --state-dir "$work/state" 2> "$work/daemon.log" &
daemon=$!
serving() { curl -s -o /dev/null "http://127.0.0.1:$rasa/version" && curl -s -o /dev/null "http://127.0.0.1:$rest/"; }
for _ in $(seq 1 600); do
  serving && break
  sleep 0.2
done
serving || { echo "profile-layout: hearth run did not serve under valgrind:"; cat "$work/daemon.log"; exit 1; }

api=(-H 'Content-Type: application/json')
R=http://127.0.0.1:$rest
S=http://127.0.0.1:$rasa
for i in $(seq 1 10); do
  for order in bonjour "ask me a question" "what time is it" "no such order"; do
    curl -s -o /dev/null "${api[@]}" -d "{\"order\": \"$order\", \"mute\": true}" "$R/synapses/start/order"
  done
  curl -s -o /dev/null "${api[@]}" -d '{bad' "$R/synapses/start/order"
  curl -s -o /dev/null "$R/synapses"
  conversation=c$((i % 3))
  curl -s -o /dev/null -d '{"query": "/greet"}' "$S/conversations/$conversation/parse"
  curl -s -o /dev/null -d '{"query": "hello there"}' "$S/conversations/$conversation/parse"
  curl -s -o /dev/null -d '{"executed_action": "utter_greet", "events": []}' "$S/conversations/$conversation/continue"
  curl -s -o /dev/null -d '{"query": "/greet"}' "$S/conversations/$conversation/respond"
  curl -s -o /dev/null -d '[{"event": "slot", "name": "cuisine", "value": "soup"}]' "$S/conversations/$conversation/tracker/events"
  curl -s -o /dev/null "$S/conversations/$conversation/tracker"
  curl -s -o /dev/null "$S/version"
done
for path in / /openapi.json /settings /api/status /api/history /api/souls /api/languages /api/homeassistant/status; do
  curl -s -o /dev/null "$R$path"
done
kill -TERM "$daemon"
wait "$daemon" || true
daemon=""

python3 scripts/hot_functions.py "$work/callgrind.out" "$work/hearth" > "$work/hot-functions.order"
mv "$work/hot-functions.order" Sources/hearth/hot-functions.order
echo "Sources/hearth/hot-functions.order: $(wc -l < Sources/hearth/hot-functions.order) functions"

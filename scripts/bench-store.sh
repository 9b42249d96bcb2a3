#!/usr/bin/env bash
# Acknowledged writes per second and write latency (p50, p99, max) of the
# state store, every commit synced (synchronous=FULL), one write at a time:
#   1. the store alone (a setting, a synapse, a finished run with its memory);
#   2. through a real `hearth run`: POST /settings/variables, answered only
#      once the change is on disk.
# The database goes in a folder on the same disk as the build (not a tmpfs),
# since syncing to disk is what is measured. STORE_BENCH_WRITES sets the
# number of writes per case (default 500); STORE_BENCH_CONFIGURATION=release
# measures release builds (default debug, the build `make run` and the tests
# use; syncing to disk dominates either way).
set -euo pipefail
cd "$(dirname "$0")/.."
writes=${STORE_BENCH_WRITES:-500}
configuration=${STORE_BENCH_CONFIGURATION:-debug}
build_log=$(mktemp)
for product in hearth-store-bench hearth; do
    swift build -c "$configuration" --product "$product" >"$build_log" 2>&1 || { cat "$build_log"; exit 1; }
done
rm -f "$build_log"
bin=$(swift build -c "$configuration" --show-bin-path)
bench=$bin/hearth-store-bench
hearth=$bin/hearth

work=$(mktemp -d "$PWD/.build/bench-store.XXXXXX")
daemon=""
cleanup() {
    if [ -n "$daemon" ]; then kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "state store, synchronous=FULL, $configuration build, $writes writes per case ($(nproc) cores; $(df -T "$work" | awk 'NR==2 {print $2}') on $(df "$work" | awk 'NR==2 {print $1}'); SQLite $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)'))"
timeout 300 "$bench" store "$work/store" "$writes"

# The daemon on a free port, with its own state folder.
"$hearth" run --state-dir "$work/daemon" --port 0 --log-level notice >"$work/daemon.log" 2>&1 &
daemon=$!
port=""
for _ in $(seq 1 300); do
    port=$(grep -oE 'REST API on http://[^ ]+:[0-9]+' "$work/daemon.log" | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "hearth run did not start:"; cat "$work/daemon.log"; exit 1; }
timeout 300 "$bench" http "http://127.0.0.1:$port" "$writes"

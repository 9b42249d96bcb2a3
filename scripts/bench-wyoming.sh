#!/usr/bin/env bash
# The Wyoming satellite's own costs, without speech recognition:
#   1. the codec: audio-chunk frames (1024 samples, as Home Assistant sends
#      them) encoded and decoded per second;
#   2. from the relay taking an utterance at the wake word to the first
#      audio-chunk read by a client playing Home Assistant, over loopback
#      (detection and run-pipeline go first, as on a device).
# WYOMING_BENCH_FRAMES and WYOMING_BENCH_STREAMS set the counts (default
# 100000 and 500); WYOMING_BENCH_CONFIGURATION=release measures a release
# build (default debug, the build `make run` uses).
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${WYOMING_BENCH_FRAMES:-100000}
streams=${WYOMING_BENCH_STREAMS:-500}
configuration=${WYOMING_BENCH_CONFIGURATION:-debug}
build_log=$(mktemp)
swift build -c "$configuration" --product hearth-wyoming-bench >"$build_log" 2>&1 || { cat "$build_log"; rm -f "$build_log"; exit 1; }
rm -f "$build_log"
bench=$(swift build -c "$configuration" --show-bin-path)/hearth-wyoming-bench

echo "Wyoming satellite, $configuration build ($(nproc) cores)"
timeout 300 "$bench" codec "$frames"
timeout 300 "$bench" latency "$streams"
